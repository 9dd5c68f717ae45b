// The OAuth 2.0 device authorization grant (RFC 8628) with an OpenID
// provider: the request that starts it, and the reading of both answers the
// provider gives (the device authorization response, and each poll of the
// token endpoint). Both answers come from the network and are parsed with
// no trust in them.
#ifndef FOYER_LOGIN_DEVICE_AUTHORIZATION_H_
#define FOYER_LOGIN_DEVICE_AUTHORIZATION_H_

#include <chrono>
#include <string>
#include <string_view>

#include "aws/http.h"
#include "base/result.h"
#include "login/device_authorization_poll.h"
#include "login/oidc_discovery.h"
#include "login/token_exchange.h"

namespace foyer::login {

inline constexpr std::string_view kDeviceCodeGrant = "urn:ietf:params:oauth:grant-type:device_code";

// RFC 8628 3.2.
struct DeviceAuthorizationResponse {
  std::string device_code;  // secret: it is what the token endpoint trades
  std::string user_code;    // shown to the person
  std::string verification_uri;
  std::string verification_uri_complete;  // may be empty
  std::chrono::seconds expires_in{0};
  std::chrono::seconds interval{5};  // 5 when the provider names none
};

// Parses the device authorization endpoint's answer. Refuses an error body
// (quoting the provider's error and description), a body that is not a JSON
// object, a missing device_code, user_code or verification_uri, a
// verification URI that is not https (http only on loopback), and an
// expires_in that is missing or not positive.
Result<DeviceAuthorizationResponse> ParseDeviceAuthorizationResponse(int http_status, std::string_view body);

// One poll's answer: the tokens once approved (in `tokens`), or pending /
// slow_down. access_denied and expired_token are errors with exit status 3
// and a message saying what happened; any other error is the provider's
// refusal, as ParseTokenResponse reports it.
struct DeviceTokenPoll {
  DevicePollAnswer answer = DevicePollAnswer::kPending;
  TokenResponse tokens;  // set when answer == kApproved
};
Result<DeviceTokenPoll> ParseDeviceTokenPoll(int http_status, std::string_view body);

// POSTs client_id and scope to the provider's device_authorization_endpoint.
// No nonce: RFC 8628 defines none, and providers leave it out of the ID
// token (a token that carries one is then refused as another login's). Fails with a clear message when discovery
// named none (the provider has no device flow, or it is not enabled for
// this client).
Result<DeviceAuthorizationResponse> StartDeviceAuthorization(aws::HttpTransport& transport,
                                                             const OidcProviderMetadata& provider,
                                                             const std::string& client_id, const std::string& scope);

// POSTs grant_type=device_code with the device code and client_id.
Result<DeviceTokenPoll> PollDeviceToken(aws::HttpTransport& transport, const OidcProviderMetadata& provider,
                                        const std::string& client_id, const std::string& device_code);

}  // namespace foyer::login

#endif  // FOYER_LOGIN_DEVICE_AUTHORIZATION_H_
