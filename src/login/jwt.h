// JSON Web Tokens (RFC 7519) in compact serialization: parsing only.
// Whether a token may be trusted is decided by jwk.h (signature) and
// id_token.h (claims); a parsed Jwt is untrusted data.
#ifndef FOYER_LOGIN_JWT_H_
#define FOYER_LOGIN_JWT_H_

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/result.h"

namespace foyer::login {

struct Jwt {
  nlohmann::json header;  // a JSON object
  nlohmann::json claims;  // a JSON object
  std::string algorithm;  // header "alg"
  std::string key_id;     // header "kid", or empty
  // What the signature covers: the first two segments, as received.
  std::string signing_input;
  std::string signature;  // raw bytes
};

// Splits and decodes a compact JWS. Refuses anything but exactly three
// base64url segments whose first two are JSON objects with a string "alg".
// Errors never quote the token (it is a credential).
Result<Jwt> ParseJwt(std::string_view token);

}  // namespace foyer::login

#endif  // FOYER_LOGIN_JWT_H_
