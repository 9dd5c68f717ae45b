// AWS SSO OIDC (IAM Identity Center's OAuth 2.0 server): registering a
// public client, the device authorization grant (RFC 8628) and refreshing.
//
// Every call is unsigned: the client secret and the device code are the
// proof. The login code polls CreateTokenFromDeviceCode and switches on the
// Error::code of failures, one of the kOidc* constants below for the cases
// the device flow defines.
#ifndef FOYER_AWS_SSOOIDC_H_
#define FOYER_AWS_SSOOIDC_H_

#include <string>
#include <string_view>
#include <vector>

#include "aws/client_config.h"
#include "aws/credentials.h"
#include "aws/service_call.h"
#include "base/result.h"

namespace foyer::aws {

// Error codes of CreateToken that a device-flow poller must tell apart.
// The service names them both ways (the OAuth "error" member and the
// x-amzn-ErrorType exception); foyer reports the exception names.
inline constexpr std::string_view kOidcAuthorizationPending = "AuthorizationPendingException";
inline constexpr std::string_view kOidcSlowDown = "SlowDownException";
inline constexpr std::string_view kOidcExpiredToken = "ExpiredTokenException";
inline constexpr std::string_view kOidcInvalidGrant = "InvalidGrantException";
inline constexpr std::string_view kOidcAccessDenied = "AccessDeniedException";

inline constexpr std::string_view kDeviceCodeGrantType = "urn:ietf:params:oauth:grant-type:device_code";
inline constexpr std::string_view kRefreshTokenGrantType = "refresh_token";

struct RegisterClientRequest {
  std::string client_name;
  std::string client_type = "public";  // the only type the service accepts
  std::vector<std::string> scopes;     // e.g. "sso:account:access"; empty: not sent
};

struct RegisteredClient {
  std::string client_id;
  std::string client_secret;  // never logged
  Clock::time_point issued_at;
  Clock::time_point secret_expires_at;  // register again after this
};

struct DeviceAuthorization {
  std::string device_code;  // never shown: it is what CreateToken trades
  std::string user_code;    // shown to the person
  std::string verification_uri;
  std::string verification_uri_complete;
  int expires_in_seconds = 0;
  int interval_seconds = 0;  // the service omits it sometimes; RFC 8628 says 5 then
};

struct SsoToken {
  std::string access_token;   // never logged
  std::string token_type;     // "Bearer"
  int expires_in_seconds = 0;
  std::string refresh_token;  // empty when the client has no refresh grant; never logged
  std::string id_token;
};

class SsoOidcClient {
 public:
  // Credentials in `config` are not used.
  explicit SsoOidcClient(ClientConfig config);

  Result<RegisteredClient> RegisterClient(const RegisterClientRequest& request);
  Result<DeviceAuthorization> StartDeviceAuthorization(const RegisteredClient& client,
                                                       const std::string& start_url);
  // One poll of the device grant: a token once the person approved, else an
  // error whose code is kOidcAuthorizationPending, kOidcSlowDown,
  // kOidcExpiredToken, kOidcAccessDenied or kOidcInvalidGrant.
  Result<SsoToken> CreateTokenFromDeviceCode(const RegisteredClient& client,
                                             const std::string& device_code);
  // A new access token for a refresh token; kOidcInvalidGrant when the
  // refresh token was revoked or has expired (log in again).
  Result<SsoToken> CreateTokenFromRefreshToken(const RegisteredClient& client,
                                               const std::string& refresh_token);

 private:
  Result<nlohmann::json> Post(std::string_view operation, std::string_view path,
                              const nlohmann::json& input);
  Result<SsoToken> CreateToken(const nlohmann::json& input);

  ServiceCaller caller_;
};

}  // namespace foyer::aws

#endif  // FOYER_AWS_SSOOIDC_H_
