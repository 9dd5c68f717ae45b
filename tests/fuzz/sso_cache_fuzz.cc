// Feeds arbitrary bytes to the SSO token cache reader. A file it accepts
// must survive being written back and read again with the same token and
// expiry: that is what a refresh does to it.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "creds/sso_token_cache.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  foyer::Result<foyer::creds::SsoCachedToken> token = foyer::creds::ParseSsoCachedToken(text, "fuzz");
  if (!token.ok()) return 0;
  std::string written = foyer::creds::SerializeSsoCachedToken(*token);
  foyer::Result<foyer::creds::SsoCachedToken> again = foyer::creds::ParseSsoCachedToken(written, "fuzz");
  if (!again.ok() || again->access_token != token->access_token ||
      again->expires_at != token->expires_at || again->refresh_token != token->refresh_token) {
    std::abort();
  }
  return 0;
}
