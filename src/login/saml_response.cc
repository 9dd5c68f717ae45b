#include "login/saml_response.h"

#include <algorithm>
#include <optional>

#include "base/base64.h"
#include "base/url_encoding.h"
#include "login/saml_signature.h"
#include "login/saml_xml.h"

namespace foyer::login {
namespace {

constexpr const char* kRoleAttribute = "https://aws.amazon.com/SAML/Attributes/Role";
constexpr const char* kRoleSessionNameAttribute = "https://aws.amazon.com/SAML/Attributes/RoleSessionName";
constexpr const char* kSourceIdentityAttribute = "https://aws.amazon.com/SAML/Attributes/SourceIdentity";
constexpr const char* kSuccess = "urn:oasis:names:tc:SAML:2.0:status:Success";

Error Refused(const std::string& message) {
  Error error = MakeError("InvalidSamlResponse", message);
  error.exit_code = ExitCode::kLoginNeeded;
  return error;
}

std::string Trimmed(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return "";
  size_t end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(begin, end - begin + 1));
}

Status CheckStatus(const xmlNode* response) {
  xmlNode* status = FirstChildElement(response, kSamlProtocolNs, "Status");
  xmlNode* code = status ? FirstChildElement(status, kSamlProtocolNs, "StatusCode") : nullptr;
  std::string value = code ? AttributeValue(code, "Value") : "";
  if (value == kSuccess) return OkStatus();
  xmlNode* message = status ? FirstChildElement(status, kSamlProtocolNs, "StatusMessage") : nullptr;
  return Refused("the IdP did not sign you in (SAML status '" + value + "'" +
                 (message ? ": " + TextOf(message) : std::string()) + ")");
}

// The one assertion foyer reads, directly inside the Response. More than
// one, or one hidden elsewhere, is how signature wrapping smuggles data in.
Result<xmlNode*> TheAssertion(xmlNode* response) {
  if (!DescendantElements(response, kSamlAssertionNs, "EncryptedAssertion").empty()) {
    return Refused("the SAML response holds an encrypted assertion, which foyer cannot read; turn assertion "
                   "encryption off for the AWS application at the IdP");
  }
  std::vector<xmlNode*> assertions = DescendantElements(response, kSamlAssertionNs, "Assertion");
  if (assertions.size() != 1 || assertions[0]->parent != response) {
    return Refused("the SAML response holds " + std::to_string(assertions.size()) +
                   " assertions; foyer accepts exactly one, directly inside the Response (anything else is a "
                   "signature-wrapping trick)");
  }
  return assertions[0];
}

// The signature may be on the Response (it then covers the assertion) or on
// the assertion itself; every signature present must verify.
Status CheckSignatures(xmlDoc* doc, xmlNode* response, xmlNode* assertion, const SamlIdpMetadata& idp) {
  if (Status ids = RegisterSamlIds(doc, {response, assertion}); !ids.ok()) return ids;
  bool response_signed = FirstChildElement(response, kXmlDsigNs, "Signature") != nullptr;
  bool assertion_signed = FirstChildElement(assertion, kXmlDsigNs, "Signature") != nullptr;
  if (!response_signed && !assertion_signed) {
    return Refused("the SAML response is not signed: neither the Response nor its Assertion carries a signature; "
                   "make the IdP sign the response or the assertion");
  }
  if (response_signed) {
    if (Status verified = VerifyEnvelopedSignature(response, idp.signing_certificates); !verified.ok()) return verified;
  }
  if (assertion_signed) return VerifyEnvelopedSignature(assertion, idp.signing_certificates);
  return OkStatus();
}

// Reads an xs:dateTime attribute, when present.
Result<std::optional<SystemTime>> TimeAttribute(const xmlNode* node, const char* name) {
  if (node == nullptr || !HasAttribute(node, name)) return std::optional<SystemTime>();
  std::string text = AttributeValue(node, name);
  auto time = ParseIso8601(text);
  if (!time.ok()) return Refused(std::string("the SAML assertion's ") + name + " '" + text + "' is not a date-time");
  return std::optional<SystemTime>(*time);
}

// NotBefore / NotOnOrAfter of `node` against now, with the clock skew.
Status CheckWindow(const xmlNode* node, const std::string& where, const SamlExpectations& expected,
                   SamlAssertion& assertion, bool& has_expiry) {
  auto not_before = TimeAttribute(node, "NotBefore");
  if (!not_before.ok()) return not_before.error();
  auto not_on_or_after = TimeAttribute(node, "NotOnOrAfter");
  if (!not_on_or_after.ok()) return not_on_or_after.error();
  std::string now = " (it is now " + FormatRfc3339(expected.now) + "; check this computer's clock if that is wrong)";
  if (*not_before && expected.now + expected.clock_skew < **not_before) {
    return Refused("the SAML assertion is not valid yet: " + where + " NotBefore is " + FormatRfc3339(**not_before) + now);
  }
  if (*not_on_or_after) {
    if (expected.now - expected.clock_skew >= **not_on_or_after) {
      return Refused("the SAML assertion has expired: " + where + " NotOnOrAfter was " +
                     FormatRfc3339(**not_on_or_after) + now + "; sign in again");
    }
    if (!has_expiry || **not_on_or_after < assertion.not_on_or_after) assertion.not_on_or_after = **not_on_or_after;
    has_expiry = true;
  }
  return OkStatus();
}

bool Accepted(const std::vector<std::string>& recipients, const std::string& value) {
  return recipients.empty() || std::find(recipients.begin(), recipients.end(), value) != recipients.end();
}

std::string Listed(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& value : values) out += (out.empty() ? "'" : ", '") + value + "'";
  return out;
}

Status CheckConditions(const xmlNode* assertion_node, const SamlExpectations& expected, SamlAssertion& assertion,
                       bool& has_expiry) {
  std::vector<xmlNode*> conditions = ChildElements(assertion_node, kSamlAssertionNs, "Conditions");
  if (conditions.size() != 1) return Refused("the SAML assertion must have exactly one Conditions element");
  if (Status window = CheckWindow(conditions[0], "its Conditions", expected, assertion, has_expiry); !window.ok()) {
    return window;
  }
  std::vector<xmlNode*> restrictions = ChildElements(conditions[0], kSamlAssertionNs, "AudienceRestriction");
  if (restrictions.empty()) {
    return Refused("the SAML assertion names no audience; it must be for '" + expected.audience + "'");
  }
  // Each AudienceRestriction must be met on its own (SAML core 2.5.1.4).
  for (const xmlNode* restriction : restrictions) {
    std::vector<std::string> audiences;
    for (const xmlNode* audience : ChildElements(restriction, kSamlAssertionNs, "Audience")) {
      audiences.push_back(TextOf(audience));
    }
    if (std::find(audiences.begin(), audiences.end(), expected.audience) == audiences.end()) {
      return Refused("the SAML assertion is for the audience " + Listed(audiences) + ", not '" + expected.audience +
                     "'; set the AWS application's audience (SP entity ID) at the IdP to '" + expected.audience + "'");
    }
  }
  return OkStatus();
}

Status CheckSubject(const xmlNode* assertion_node, const SamlExpectations& expected, SamlAssertion& assertion,
                    bool& has_expiry) {
  xmlNode* subject = FirstChildElement(assertion_node, kSamlAssertionNs, "Subject");
  if (subject == nullptr) return Refused("the SAML assertion has no Subject");
  if (xmlNode* name_id = FirstChildElement(subject, kSamlAssertionNs, "NameID")) assertion.subject = TextOf(name_id);
  std::vector<xmlNode*> confirmations = ChildElements(subject, kSamlAssertionNs, "SubjectConfirmation");
  if (confirmations.empty()) return Refused("the SAML assertion has no SubjectConfirmation");
  for (const xmlNode* confirmation : confirmations) {
    const xmlNode* data = FirstChildElement(confirmation, kSamlAssertionNs, "SubjectConfirmationData");
    if (data == nullptr) continue;
    if (Status window = CheckWindow(data, "its SubjectConfirmationData", expected, assertion, has_expiry); !window.ok()) {
      return window;
    }
    if (HasAttribute(data, "Recipient") && !Accepted(expected.recipients, AttributeValue(data, "Recipient"))) {
      return Refused("the SAML assertion is addressed to the recipient '" + AttributeValue(data, "Recipient") +
                     "', not to AWS or this login (" + Listed(expected.recipients) + ")");
    }
  }
  return OkStatus();
}

Result<SamlRole> ParseRole(const std::string& value) {
  SamlRole role;
  size_t comma = value.find(',');
  for (const std::string& part : {Trimmed(value.substr(0, comma)),
                                  comma == std::string::npos ? std::string() : Trimmed(value.substr(comma + 1))}) {
    if (part.find(":saml-provider/") != std::string::npos) role.provider_arn = part;
    if (part.find(":role/") != std::string::npos) role.role_arn = part;
  }
  if (role.role_arn.empty() || role.provider_arn.empty()) {
    return Refused("the SAML assertion's Role attribute value '" + value +
                   "' is not \"role ARN,SAML provider ARN\"; fix the attribute mapping at the IdP");
  }
  return role;
}

Status ReadAttributes(const xmlNode* assertion_node, SamlAssertion& assertion) {
  for (const xmlNode* statement : ChildElements(assertion_node, kSamlAssertionNs, "AttributeStatement")) {
    for (const xmlNode* attribute : ChildElements(statement, kSamlAssertionNs, "Attribute")) {
      std::string name = AttributeValue(attribute, "Name");
      for (const xmlNode* value_node : ChildElements(attribute, kSamlAssertionNs, "AttributeValue")) {
        std::string value = TextOf(value_node);
        if (name == kRoleAttribute) {
          auto role = ParseRole(value);
          if (!role.ok()) return role.error();
          assertion.roles.push_back(std::move(*role));
        } else if (name == kRoleSessionNameAttribute) {
          assertion.role_session_name = value;
        } else if (name == kSourceIdentityAttribute) {
          assertion.source_identity = value;
        }
      }
    }
  }
  if (assertion.roles.empty()) {
    return Refused(std::string("the SAML assertion offers no AWS role: it has no ") + kRoleAttribute +
                   " attribute; map the person's roles to it at the IdP");
  }
  if (assertion.role_session_name.empty()) {
    return Refused(std::string("the SAML assertion has no ") + kRoleSessionNameAttribute +
                   " attribute, which AWS requires; map it at the IdP (usually to the email address)");
  }
  return OkStatus();
}

// Everything read from the assertion, which the caller has proven signed.
Result<SamlAssertion> ReadSignedAssertion(const xmlNode* assertion_node, const SamlExpectations& expected) {
  SamlAssertion assertion;
  xmlNode* issuer = FirstChildElement(assertion_node, kSamlAssertionNs, "Issuer");
  assertion.issuer = issuer ? TextOf(issuer) : "";
  if (assertion.issuer != expected.idp.entity_id) {
    return Refused("the SAML assertion was issued by '" + assertion.issuer + "', but foyer is configured with the "
                   "metadata of '" + expected.idp.entity_id + "'");
  }
  bool has_expiry = false;
  if (Status conditions = CheckConditions(assertion_node, expected, assertion, has_expiry); !conditions.ok()) {
    return conditions.error();
  }
  if (Status subject = CheckSubject(assertion_node, expected, assertion, has_expiry); !subject.ok()) {
    return subject.error();
  }
  if (!has_expiry) return Refused("the SAML assertion states no NotOnOrAfter, so it would never expire");
  if (Status attributes = ReadAttributes(assertion_node, assertion); !attributes.ok()) return attributes.error();
  return assertion;
}

}  // namespace

Result<std::string> SamlResponseXml(std::string_view input) {
  std::string text = Trimmed(input);
  if (!text.empty() && text[0] == '<') return text;
  // A form field copied from a browser may still be percent-encoded.
  if (text.find('%') != std::string::npos) {
    if (auto decoded = PercentDecode(text)) text = std::move(*decoded);
  }
  std::string compact;
  for (char c : text) {
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') compact += c;
  }
  auto xml = Base64Decode(compact);
  if (!xml.ok() || Trimmed(*xml).rfind('<', 0) != 0) {
    return Refused("the SAML response is neither XML nor base64-encoded XML");
  }
  return std::move(*xml);
}

Result<SamlAssertion> VerifySamlResponse(std::string_view xml, const SamlExpectations& expected) {
  auto doc = ParseUntrustedXml(xml);
  if (!doc.ok()) {
    doc.error().exit_code = ExitCode::kLoginNeeded;
    return doc.error();
  }
  xmlNode* response = xmlDocGetRootElement(doc->get());
  if (!IsElement(response, kSamlProtocolNs, "Response")) return Refused("the XML is not a SAML Response");
  if (Status status = CheckStatus(response); !status.ok()) return status.error();
  auto assertion = TheAssertion(response);
  if (!assertion.ok()) return assertion.error();
  if (Status signatures = CheckSignatures(doc->get(), response, *assertion, expected.idp); !signatures.ok()) {
    return signatures.error();
  }
  if (HasAttribute(response, "Destination") && !Accepted(expected.recipients, AttributeValue(response, "Destination"))) {
    return Refused("the SAML response is addressed to '" + AttributeValue(response, "Destination") +
                   "', not to AWS or this login (" + Listed(expected.recipients) + ")");
  }
  return ReadSignedAssertion(*assertion, expected);
}

std::vector<SamlRole> RolesMatching(const SamlAssertion& assertion, const std::string& role_arn) {
  std::vector<SamlRole> out;
  for (const auto& role : assertion.roles) {
    if (role.role_arn == role_arn) out.push_back(role);
  }
  return out;
}

}  // namespace foyer::login
