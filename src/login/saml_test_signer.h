// For tests only: an identity provider's signing key and certificate, its
// metadata, and SAML responses signed with xmlsec the way an IdP signs them.
#ifndef FOYER_LOGIN_SAML_TEST_SIGNER_H_
#define FOYER_LOGIN_SAML_TEST_SIGNER_H_

#include <string>
#include <vector>

#include "base/time_format.h"

namespace foyer::login::testing {

class SamlTestSigner {
 public:
  // A fresh RSA key and a self-signed certificate for it.
  SamlTestSigner();

  const std::string& certificate_der() const { return certificate_der_; }
  // EntityDescriptor of `entity_id` with this signer's certificate.
  std::string Metadata(const std::string& entity_id) const;
  // `xml` with an enveloped signature (exclusive c14n, RSA-SHA256, SHA-256)
  // over the element whose ID is `id`, placed after its Issuer.
  std::string Sign(const std::string& xml, const std::string& id) const;

 private:
  std::string private_key_pem_;
  std::string certificate_der_;
};

// What a sample response says; the defaults make a valid one at `now`.
struct SampleResponse {
  SystemTime now;
  std::string issuer = "https://idp.example.com/saml";
  std::string audience = "urn:amazon:webservices";
  std::string recipient = "https://signin.aws.amazon.com/saml";
  std::string response_id = "_response1";
  std::string assertion_id = "_assertion1";
  std::vector<std::string> roles = {
      "arn:aws:iam::111111111111:role/foyer/sre,arn:aws:iam::111111111111:saml-provider/foyer"};
  std::string source_identity = "alice@example.com";
  int valid_from_minutes = -1;  // relative to now
  int valid_until_minutes = 5;
};

// An unsigned samlp:Response holding one Assertion.
std::string SampleResponseXml(const SampleResponse& sample);

}  // namespace foyer::login::testing

#endif  // FOYER_LOGIN_SAML_TEST_SIGNER_H_
