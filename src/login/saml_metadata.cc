#include "login/saml_metadata.h"

#include <pugixml.hpp>

#include "base/base64.h"

namespace foyer::login {
namespace {

// Namespace prefixes vary between IdPs: elements are matched by local name.
std::string_view LocalName(const pugi::xml_node& node) {
  std::string_view name = node.name();
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node FirstDescendant(const pugi::xml_node& root, std::string_view local_name) {
  return root.find_node([local_name](const pugi::xml_node& node) { return LocalName(node) == local_name; });
}

Error MetadataError(const std::string& message) {
  Error error = MakeError("SamlMetadataError", "the SAML IdP metadata " + message);
  error.exit_code = ExitCode::kUsage;
  return error;
}

std::string WithoutWhitespace(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') out += c;
  }
  return out;
}

}  // namespace

Result<SamlIdpMetadata> ParseSamlMetadata(std::string_view xml) {
  pugi::xml_document document;
  if (!document.load_buffer(xml.data(), xml.size(), pugi::parse_default & ~pugi::parse_doctype)) {
    return MetadataError("is not well-formed XML");
  }
  pugi::xml_node entity = FirstDescendant(document, "EntityDescriptor");
  if (!entity) return MetadataError("has no EntityDescriptor");
  pugi::xml_node idp = FirstDescendant(entity, "IDPSSODescriptor");
  if (!idp) return MetadataError("describes no identity provider (no IDPSSODescriptor)");
  SamlIdpMetadata metadata;
  metadata.entity_id = entity.attribute("entityID").value();
  if (metadata.entity_id.empty()) return MetadataError("has no entityID");
  for (pugi::xml_node key : idp.children()) {
    if (LocalName(key) != "KeyDescriptor") continue;
    std::string_view use = key.attribute("use").value();
    if (!use.empty() && use != "signing") continue;
    pugi::xml_node certificate = FirstDescendant(key, "X509Certificate");
    if (!certificate) continue;
    auto der = Base64Decode(WithoutWhitespace(certificate.child_value()));
    if (!der.ok() || der->empty()) return MetadataError("has an X509Certificate that is not base64");
    metadata.signing_certificates.push_back(std::move(*der));
  }
  if (metadata.signing_certificates.empty()) {
    return MetadataError("of '" + metadata.entity_id + "' lists no signing certificate (KeyDescriptor use=\"signing\")");
  }
  return metadata;
}

}  // namespace foyer::login
