// An IAM Identity Center access token, obtained the cheapest way that works:
// the token the AWS CLI's cache already holds, else a refresh with its
// refresh token (no browser), else a new device authorization that the
// person approves.
//
// Tokens live in ~/.aws/sso/cache/<sha1 of the session name>.json in the AWS
// CLI's own format (creds/sso_token_cache.h), so `aws sso login` and foyer
// share one sign-in. The client registration (id, secret, expiry) is kept in
// the same file, as the CLI does, and reused until it expires.
#ifndef FOYER_LOGIN_IDENTITY_CENTER_TOKEN_H_
#define FOYER_LOGIN_IDENTITY_CENTER_TOKEN_H_

#include <chrono>
#include <functional>
#include <string>

#include "aws/client_config.h"
#include "base/result.h"
#include "creds/sso_token_cache.h"
#include "login/device_authorization_poll.h"

namespace foyer::login {

// The OAuth scope that makes Identity Center issue refresh tokens.
inline constexpr const char* kSsoAccountAccessScope = "sso:account:access";

struct IdentityCenterTokenRequest {
  std::string start_url;   // the AWS access portal URL
  std::string sso_region;  // where the Identity Center instance lives
  std::string cache_path;  // the token file (creds::SsoCachePath of the session name)
  // false: never use the cached access token as it is (the portal refused
  // it); refreshing it is still tried first.
  bool accept_cached = true;
  // Shown to the person once when a device authorization starts.
  std::function<void(const DeviceSignIn&)> present;
  // How to reach SSO-OIDC (endpoint overrides, retries); region is replaced.
  aws::ClientConfig aws;
  // Between polls; null sleeps. Tests record instead.
  std::function<void(std::chrono::seconds)> sleep;
};

// A cached access token is used while it has more than this left, so that
// the calls made with it cannot outlive it.
inline constexpr std::chrono::minutes kAccessTokenMargin{5};

// The token, written to request.cache_path (0600) whenever it is new. Runs
// under a lock on the token file, so that concurrent logins (of other groups,
// which do not share a landing session) start one device flow.
// Errors: the device flow's (denied, expired: exit status 3), the service's.
Result<creds::SsoCachedToken> GetIdentityCenterToken(const IdentityCenterTokenRequest& request);

}  // namespace foyer::login

#endif  // FOYER_LOGIN_IDENTITY_CENTER_TOKEN_H_
