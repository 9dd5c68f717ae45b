// Feeds arbitrary bytes to the parsers of what an identity provider sends:
// ID tokens and JWKS documents, and the full ID token validation.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "login/id_token.h"
#include "login/jwk.h"
#include "login/jwt.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  (void)foyer::login::ParseJwt(input);
  auto keys = foyer::login::JwkSet::Parse(input);
  // Split the input: the first line is a JWKS, the rest a token to validate.
  size_t newline = input.find('\n');
  if (newline != std::string_view::npos) {
    auto set = foyer::login::JwkSet::Parse(input.substr(0, newline));
    if (set.ok()) {
      foyer::login::IdTokenExpectations expected;
      expected.issuer = "https://idp.example.com";
      expected.client_id = "foyer";
      (void)foyer::login::ValidateIdToken(input.substr(newline + 1), *set, expected);
    }
  }
  return 0;
}
