#include "login/saml_xml.h"

#include <cstring>

#include <libxml/parser.h>

namespace foyer::login {
namespace {

bool Named(const xmlNode* node, const char* ns, const char* name) {
  return node->type == XML_ELEMENT_NODE && node->ns != nullptr &&
         std::strcmp(reinterpret_cast<const char*>(node->ns->href), ns) == 0 &&
         std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

void CollectDescendants(xmlNode* node, const char* ns, const char* name, std::vector<xmlNode*>& out) {
  for (; node != nullptr; node = node->next) {
    if (node->type != XML_ELEMENT_NODE) continue;
    if (Named(node, ns, name)) out.push_back(node);
    CollectDescendants(node->children, ns, name, out);
  }
}

}  // namespace

Result<XmlDocument> ParseUntrustedXml(std::string_view xml) {
  if (xml.find("<!DOCTYPE") != std::string_view::npos || xml.find("<!ENTITY") != std::string_view::npos) {
    return MakeError("InvalidSamlResponse", "the SAML response has a DOCTYPE, which SAML messages never need");
  }
  if (xml.size() > static_cast<size_t>(INT32_MAX)) return MakeError("InvalidSamlResponse", "the SAML response is too large");
  XmlDocument doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "saml-response.xml", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!doc) return MakeError("InvalidSamlResponse", "the SAML response is not well-formed XML");
  if (doc->intSubset != nullptr || doc->extSubset != nullptr) {
    return MakeError("InvalidSamlResponse", "the SAML response has a DOCTYPE, which SAML messages never need");
  }
  return doc;
}

bool IsElement(const xmlNode* node, const char* ns, const char* name) { return node != nullptr && Named(node, ns, name); }

std::vector<xmlNode*> ChildElements(const xmlNode* parent, const char* ns, const char* name) {
  std::vector<xmlNode*> out;
  for (xmlNode* child = parent->children; child != nullptr; child = child->next) {
    if (Named(child, ns, name)) out.push_back(child);
  }
  return out;
}

xmlNode* FirstChildElement(const xmlNode* parent, const char* ns, const char* name) {
  for (xmlNode* child = parent->children; child != nullptr; child = child->next) {
    if (Named(child, ns, name)) return child;
  }
  return nullptr;
}

std::vector<xmlNode*> DescendantElements(xmlNode* root, const char* ns, const char* name) {
  std::vector<xmlNode*> out;
  if (Named(root, ns, name)) out.push_back(root);
  CollectDescendants(root->children, ns, name, out);
  return out;
}

std::string AttributeValue(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetNoNsProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return "";
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

bool HasAttribute(const xmlNode* node, const char* name) {
  return xmlHasNsProp(node, reinterpret_cast<const xmlChar*>(name), nullptr) != nullptr;
}

std::string TextOf(const xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  if (content == nullptr) return "";
  std::string text(reinterpret_cast<const char*>(content));
  xmlFree(content);
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

}  // namespace foyer::login
