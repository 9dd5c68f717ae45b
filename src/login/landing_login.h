// Getting into the admin account: from a person's proof of identity to a
// session of their group's landing role, cached for every later command.
//
// The session is cached under LandingCacheKey(org, group) and obtained
// single-flight across processes: when fifty commands need a fresh login at
// once, one of them runs the browser flow and the others wait for its result.
#ifndef FOYER_LOGIN_LANDING_LOGIN_H_
#define FOYER_LOGIN_LANDING_LOGIN_H_

#include <chrono>
#include <functional>
#include <string>

#include "aws/client_config.h"
#include "base/result.h"
#include "login/client_config.h"
#include "login/device_authorization_poll.h"
#include "store/credential_cache.h"

namespace foyer::login {

class SecretStore;

// "landing/<org>/<group>"
std::string LandingCacheKey(const OrgAccess& org, const std::string& group);

// A role session name from an identity: the characters STS allows
// ([\w+=,.@-]), at most 64; others become '-'.
std::string RoleSessionNameFor(const std::string& identity);

struct LoginOptions {
  std::string group;  // required
  // false: print the URL only (--no-browser).
  bool open_browser = true;
  // true: log in even when the cached session is still fresh (--force); the
  // cached session is replaced only when the new login succeeds.
  bool force = false;
  // Sessions closer than this to expiry are renewed.
  std::chrono::seconds refresh_window{std::chrono::minutes(15)};
  // Landing sessions last up to 12 hours; STS refuses more than the role's
  // MaxSessionDuration, and then one hour is asked for instead.
  int duration_seconds = 12 * 3600;
  // Where the sign-in URL is shown (the command prints it on stderr).
  std::function<void(const std::string&)> present_url;
  // OIDC: the device authorization flow (RFC 8628) instead of the browser
  // redirect (--device).
  bool device_flow = false;
  // Where a device flow's address and code are shown (Identity Center, and
  // OIDC with device_flow).
  std::function<void(const DeviceSignIn&)> present_device_code;
  // SAML: read the SAMLResponse from this file ("-": stdin) instead of
  // receiving it from the IdP at the loopback ACS (--assertion-file).
  std::string saml_assertion_file;
  // IAM user: the current MFA code (--mfa-code); empty: the configured
  // mfa_process, else a prompt on the terminal.
  std::string mfa_code;
  // IAM user: where the access key is kept; null: OpenDefaultSecretStore().
  SecretStore* secrets = nullptr;
  // How to reach AWS (endpoint overrides, retries); region is chosen per call.
  aws::ClientConfig aws;
};

// Returns the landing session of `options.group` in `org`, logging in with
// the org's method when the cache holds no fresh one.
Result<store::CachedCredentials> LogIn(const OrgAccess& org, const LoginOptions& options,
                                       store::CredentialCache& cache);

}  // namespace foyer::login

#endif  // FOYER_LOGIN_LANDING_LOGIN_H_
