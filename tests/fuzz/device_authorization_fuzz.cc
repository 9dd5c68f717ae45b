// Feeds arbitrary bytes to the parsers of what an OAuth server answers in a
// device flow: the device authorization response and each token poll, under
// a few HTTP statuses. What they accept must hold the promises of their
// header: a device code, a user code, an https (or loopback) verification
// address, positive times; an approved poll carries an ID token.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "login/device_authorization.h"
#include "login/oidc_discovery.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view body(reinterpret_cast<const char*>(data), size);
  for (int status : {200, 400, 500}) {
    auto authorization = foyer::login::ParseDeviceAuthorizationResponse(status, body);
    if (authorization.ok() &&
        (status != 200 || authorization->device_code.empty() || authorization->user_code.empty() ||
         !foyer::login::IsAcceptableEndpoint(authorization->verification_uri) ||
         authorization->expires_in.count() <= 0 || authorization->interval.count() <= 0)) {
      std::abort();
    }
    auto poll = foyer::login::ParseDeviceTokenPoll(status, body);
    if (poll.ok() && poll->answer == foyer::login::DevicePollAnswer::kApproved &&
        (status != 200 || poll->tokens.id_token.empty())) {
      std::abort();
    }
  }
  return 0;
}
