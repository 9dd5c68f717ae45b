// libxml2 plumbing shared by the SAML response checks: parsing untrusted
// XML safely, and finding elements by namespace and name.
#ifndef FOYER_LOGIN_SAML_XML_H_
#define FOYER_LOGIN_SAML_XML_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <libxml/tree.h>

#include "base/result.h"

namespace foyer::login {

inline constexpr const char* kSamlProtocolNs = "urn:oasis:names:tc:SAML:2.0:protocol";
inline constexpr const char* kSamlAssertionNs = "urn:oasis:names:tc:SAML:2.0:assertion";
inline constexpr const char* kXmlDsigNs = "http://www.w3.org/2000/09/xmldsig#";

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDocument = std::unique_ptr<xmlDoc, XmlDocFree>;

// Parses without network access, DTDs or entity substitution; a document
// with a DOCTYPE is refused (no SAML message needs one, and DTDs are where
// entity-expansion and ID-redefinition tricks live).
Result<XmlDocument> ParseUntrustedXml(std::string_view xml);

bool IsElement(const xmlNode* node, const char* ns, const char* name);
// Element children of `parent` named `name` in namespace `ns`.
std::vector<xmlNode*> ChildElements(const xmlNode* parent, const char* ns, const char* name);
xmlNode* FirstChildElement(const xmlNode* parent, const char* ns, const char* name);
// Every element named `name` in `ns` anywhere below `root` (root included).
std::vector<xmlNode*> DescendantElements(xmlNode* root, const char* ns, const char* name);
// The attribute's value, or "" when absent.
std::string AttributeValue(const xmlNode* node, const char* name);
bool HasAttribute(const xmlNode* node, const char* name);
// The text content of `node`, whitespace around it trimmed.
std::string TextOf(const xmlNode* node);

}  // namespace foyer::login

#endif  // FOYER_LOGIN_SAML_XML_H_
