// OpenID Connect ID token validation (OpenID Connect Core 1.0, 3.1.3.7):
// signature, issuer, audience, authorized party, expiry, issued-at, nonce.
//
// foyer checks all of this itself before it hands the token to STS, so a
// misconfiguration gets a precise message instead of STS's generic
// InvalidIdentityToken.
#ifndef FOYER_LOGIN_ID_TOKEN_H_
#define FOYER_LOGIN_ID_TOKEN_H_

#include <chrono>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/result.h"
#include "base/time_format.h"
#include "login/jwk.h"

namespace foyer::login {

struct IdTokenExpectations {
  std::string issuer;     // exactly as discovery says, e.g. "https://idp.example.com"
  std::string client_id;  // must be in "aud"
  std::string nonce;      // the nonce sent in the authorization request
  SystemTime now;
  std::chrono::seconds leeway{60};  // clock difference tolerated on exp/iat/nbf
};

struct IdTokenClaims {
  std::string issuer;
  std::string subject;
  std::vector<std::string> audience;
  SystemTime expires_at;
  SystemTime issued_at;
  std::string email;
  nlohmann::json all;  // every claim, for group/tag mapping
};

// Parses and checks `token`. Every failure says which check failed and what
// the two sides were (never the token itself).
Result<IdTokenClaims> ValidateIdToken(std::string_view token, const JwkSet& keys,
                                      const IdTokenExpectations& expected);

}  // namespace foyer::login

#endif  // FOYER_LOGIN_ID_TOKEN_H_
