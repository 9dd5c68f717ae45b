#include "login/landing_login.h"

#include "aws/curl_transport.h"
#include "aws/sts.h"
#include "login/browser.h"
#include "login/device_authorization_login.h"
#include "login/iam_user_login.h"
#include "login/identity_center_login.h"
#include "login/oidc_login.h"
#include "login/refresh_token.h"
#include "login/regional_sts.h"
#include "login/saml_login.h"

namespace foyer::login {
namespace {

// sts:AssumeRoleWithWebIdentity into the landing role, region by region,
// asking for one hour when the role does not allow the longer session.
Result<aws::AssumedRole> AssumeLandingRoleWithWebIdentity(const OrgAccess& org, const LoginOptions& options,
                                                          const OidcIdentity& identity) {
  aws::AssumeRoleWithWebIdentityRequest request;
  request.role_arn = org.LandingRoleArn(options.group);
  request.role_session_name =
      RoleSessionNameFor(identity.claims.email.empty() ? identity.claims.subject : identity.claims.email);
  request.web_identity_token = identity.id_token;
  auto assumed = AssumeWithHourFallback(options.aws, org.regions, options.duration_seconds,
                                        [&request](aws::StsClient& sts, int duration_seconds) {
                                          request.duration_seconds = duration_seconds;
                                          return sts.AssumeRoleWithWebIdentity(request);
                                        });
  if (!assumed.ok()) {
    assumed.error().message = "could not assume the landing role " + request.role_arn + " of group '" +
                              options.group + "': " + assumed.error().message;
  }
  return assumed;
}

Result<store::CachedCredentials> LogInWithOidc(const OrgAccess& org, const LoginOptions& options) {
  aws::CurlTransport transport;
  OidcLoginSettings settings;
  settings.issuer = org.oidc->issuer;
  settings.client_id = org.oidc->client_id;
  if (org.oidc->refresh_tokens) settings.scope += " offline_access";
  auto sign_in = [&]() -> Result<OidcIdentity> {
    if (options.device_flow) {
      return LoginWithDeviceCode(transport, settings, [&options](const DeviceSignIn& sign_in) {
        if (options.present_device_code) options.present_device_code(sign_in);
      });
    }
    return LoginWithBrowser(transport, settings, [&options](const std::string& url) {
      if (options.present_url) options.present_url(url);
      // The URL is already shown: a browser that cannot start is no failure.
      if (options.open_browser) (void)OpenInBrowser(url);
    });
  };
  auto refresh_or_sign_in = [&]() -> Result<OidcIdentity> {
    std::unique_ptr<SecretStore> opened;
    if (!options.secrets) {
      auto secrets = OpenDefaultSecretStore();
      if (!secrets.ok()) return secrets.error();
      opened = std::move(*secrets);
    }
    return LoginKeepingRefreshToken(transport, settings, options.secrets ? *options.secrets : *opened,
                                    OidcRefreshTokenName(org.name), sign_in);
  };
  auto identity = org.oidc->refresh_tokens ? refresh_or_sign_in() : sign_in();
  if (!identity.ok()) return identity.error();
  auto assumed = AssumeLandingRoleWithWebIdentity(org, options, *identity);
  if (!assumed.ok()) return assumed.error();
  store::CachedCredentials session;
  session.credentials = assumed->credentials;
  session.credentials.source = "login oidc " + org.name + "/" + options.group;
  session.role_arn = org.LandingRoleArn(options.group);
  session.source_identity = assumed->source_identity;
  return session;
}

}  // namespace

std::string LandingCacheKey(const OrgAccess& org, const std::string& group) {
  return "landing/" + org.name + "/" + group;
}

std::string RoleSessionNameFor(const std::string& identity) {
  std::string name;
  for (char c : identity) {
    bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   std::string_view("_+=,.@-").find(c) != std::string_view::npos;
    name += allowed ? c : '-';
    if (name.size() == 64) break;
  }
  while (name.size() < 2) name += '-';
  return name;
}

Result<store::CachedCredentials> LogIn(const OrgAccess& org, const LoginOptions& options,
                                       store::CredentialCache& cache) {
  if (options.group.empty()) {
    Error error = MakeError("ConfigError", "no group to log in as: pass --group, or set default_group with "
                                           "`foyer configure --group G`");
    error.exit_code = ExitCode::kUsage;
    return error;
  }
  store::FetchOptions fetch_options;
  // Others wait while one process runs the whole browser flow.
  fetch_options.lock_timeout = std::chrono::minutes(6);
  // --force treats every cached session as due for renewal, rather than
  // removing it first: a login that then fails leaves the old session usable.
  constexpr std::chrono::seconds kLongerThanAnySession = std::chrono::hours(24 * 366);
  return cache.GetOrFetch(
      LandingCacheKey(org, options.group), options.force ? kLongerThanAnySession : options.refresh_window,
      [&org, &options]() -> Result<store::CachedCredentials> {
        switch (org.method) {
          case LoginMethod::kOidc:
            return LogInWithOidc(org, options);
          case LoginMethod::kSaml:
            return LogInWithSaml(org, options);
          case LoginMethod::kIdentityCenter:
            return LogInWithIdentityCenter(org, options);
          case LoginMethod::kIamUser:
            return LogInWithIamUser(org, options);
          default:
            break;
        }
        return MakeError("NotSupported", std::string("logging in with method '") + LoginMethodName(org.method) +
                                             "' is not available in this version of foyer; use oidc");
      },
      fetch_options);
}

}  // namespace foyer::login
