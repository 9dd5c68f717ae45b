#include "login/pkce.h"

#include <openssl/rand.h>
#include <openssl/sha.h>

#include <cstdlib>
#include <stdexcept>

#include "base/base64.h"

namespace foyer::login {

std::string RandomUrlSafeToken(size_t bytes) {
  std::string buffer(bytes, '\0');
  // A CSPRNG that cannot be read is not something to carry on from: every
  // value made here guards a login.
  if (RAND_bytes(reinterpret_cast<unsigned char*>(buffer.data()), int(bytes)) != 1) std::abort();
  return Base64UrlEncode(buffer);
}

std::string S256Challenge(std::string_view verifier) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(verifier.data()), verifier.size(), digest);
  return Base64UrlEncode(std::string_view(reinterpret_cast<char*>(digest), sizeof digest));
}

Pkce MakePkce() {
  Pkce pkce;
  pkce.verifier = RandomUrlSafeToken(32);
  pkce.challenge = S256Challenge(pkce.verifier);
  return pkce;
}

}  // namespace foyer::login
