// For tests only: keys and signed tokens, made with OpenSSL the way an
// identity provider would make them.
#ifndef FOYER_LOGIN_TEST_TOKEN_SIGNER_H_
#define FOYER_LOGIN_TEST_TOKEN_SIGNER_H_

#include <memory>
#include <string>

#include <openssl/evp.h>

#include <nlohmann/json.hpp>

namespace foyer::login::testing {

class TestSigner {
 public:
  // "RS256", "PS256", "ES256" or "ES384": a fresh key of the right kind.
  explicit TestSigner(std::string algorithm, std::string key_id = "test-key");

  // {"keys":[<the public key as a JWK>]}
  nlohmann::json Jwks() const;
  // A compact JWS of `claims` with the header {"alg","kid","typ":"JWT"}
  // (plus `extra_header`).
  std::string Sign(const nlohmann::json& claims, const nlohmann::json& extra_header = nlohmann::json::object()) const;

 private:
  std::string algorithm_;
  std::string key_id_;
  std::shared_ptr<EVP_PKEY> key_;
};

}  // namespace foyer::login::testing

#endif  // FOYER_LOGIN_TEST_TOKEN_SIGNER_H_
