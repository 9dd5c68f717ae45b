// Checking a SAML response before it is sent to sts:AssumeRoleWithSAML.
//
// STS answers any mistake with a generic InvalidIdentityToken; foyer checks
// the same things first, against the IdP metadata it was configured with, so
// that a person learns what is wrong: the signature (on the Response or its
// Assertion, by a key of the metadata, covering the assertion that is read),
// the issuer, the audience, the validity window, the recipient and
// destination. Everything returned is read from the signed element only.
#ifndef FOYER_LOGIN_SAML_RESPONSE_H_
#define FOYER_LOGIN_SAML_RESPONSE_H_

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "base/time_format.h"
#include "login/saml_metadata.h"

namespace foyer::login {

inline constexpr const char* kAwsSamlAudience = "urn:amazon:webservices";

struct SamlExpectations {
  SamlIdpMetadata idp;
  std::string audience = kAwsSamlAudience;
  // Accepted values of SubjectConfirmationData/@Recipient and
  // Response/@Destination (each checked only when present).
  std::vector<std::string> recipients;
  SystemTime now;
  std::chrono::seconds clock_skew{std::chrono::minutes(3)};
};

// One value of the https://aws.amazon.com/SAML/Attributes/Role attribute.
struct SamlRole {
  std::string role_arn;
  std::string provider_arn;  // the IAM SAML provider
};

struct SamlAssertion {
  std::string issuer;
  std::string subject;            // NameID
  std::string role_session_name;  // .../Attributes/RoleSessionName
  std::string source_identity;    // .../Attributes/SourceIdentity, may be empty
  std::vector<SamlRole> roles;
  SystemTime not_on_or_after;     // the earliest expiry the assertion states
};

// The XML text of a SAMLResponse given as base64 (the form field, line
// breaks allowed) or as raw XML.
Result<std::string> SamlResponseXml(std::string_view input);

// Verifies `xml` (a samlp:Response) as the header explains. Errors have
// exit status 3 and say what was wrong and what to do about it.
Result<SamlAssertion> VerifySamlResponse(std::string_view xml, const SamlExpectations& expected);

// The roles of `assertion` whose role ARN is `role_arn`.
std::vector<SamlRole> RolesMatching(const SamlAssertion& assertion, const std::string& role_arn);

}  // namespace foyer::login

#endif  // FOYER_LOGIN_SAML_RESPONSE_H_
