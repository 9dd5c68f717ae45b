// JSON Web Keys (RFC 7517) and JWS signature verification (RFC 7515/7518).
//
// Only asymmetric algorithms are accepted: RS256/384/512, PS256/384/512,
// ES256/384/512. "none" and the HMAC family are refused outright, so a token
// can never choose to be checked against a public key used as an HMAC secret.
#ifndef FOYER_LOGIN_JWK_H_
#define FOYER_LOGIN_JWK_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <openssl/evp.h>

#include "base/result.h"
#include "login/jwt.h"

namespace foyer::login {

struct Jwk {
  std::string key_id;     // "kid", may be empty
  std::string key_type;   // "RSA" or "EC"
  std::string algorithm;  // "alg", may be empty (then any algorithm of its type)
  std::shared_ptr<EVP_PKEY> key;
};

class JwkSet {
 public:
  // Parses a JWKS document ({"keys":[...]}). Keys of other types or uses
  // ("use" other than "sig") are skipped; a malformed RSA or EC key is an
  // error, as is a set with no usable key.
  static Result<JwkSet> Parse(std::string_view json);

  const std::vector<Jwk>& keys() const { return keys_; }

  // Checks the token's signature with the key its "kid" names (or, with no
  // kid, any key of the right type). Errors say which check failed.
  Status Verify(const Jwt& jwt) const;

 private:
  std::vector<Jwk> keys_;
};

}  // namespace foyer::login

#endif  // FOYER_LOGIN_JWK_H_
