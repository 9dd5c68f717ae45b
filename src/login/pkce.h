// Proof Key for Code Exchange (RFC 7636) and the other single-use random
// values of an OAuth login: state and nonce.
#ifndef FOYER_LOGIN_PKCE_H_
#define FOYER_LOGIN_PKCE_H_

#include <string>
#include <string_view>

namespace foyer::login {

// `bytes` bytes from the operating system's CSPRNG, base64url without
// padding. 32 bytes give 43 characters and 256 bits of entropy.
std::string RandomUrlSafeToken(size_t bytes = 32);

struct Pkce {
  std::string verifier;   // kept secret until the token request
  std::string challenge;  // sent in the authorization request
  static constexpr const char* kMethod = "S256";
};

// A fresh verifier and its S256 challenge.
Pkce MakePkce();

// base64url(SHA-256(verifier)), RFC 7636 section 4.2.
std::string S256Challenge(std::string_view verifier);

}  // namespace foyer::login

#endif  // FOYER_LOGIN_PKCE_H_
