#include "creds/sso_provider.h"

#include <utility>

#include "base/time_format.h"
#include "creds/refreshing_provider.h"
#include "creds/sso_token_cache.h"

namespace foyer::creds {
namespace {

Error LoginNeeded(const std::string& what) {
  Error error = MakeError("SsoLoginNeeded", what + "; run `aws sso login` or `foyer login`");
  error.exit_code = ExitCode::kLoginNeeded;
  return error;
}

// The token refreshed through SSO-OIDC and saved, or nullopt when it cannot
// be (no refresh token, registration expired, refused): the caller then
// carries on with the token it has, as the CLI does.
std::optional<SsoCachedToken> Refresh(const SsoCachedToken& token, const SsoSettings& settings,
                                      const std::string& path, const ChainContext& context) {
  aws::Clock::time_point now = context.now();
  if (!token.CanRefresh(now)) return std::nullopt;
  Result<aws::SsoToken> fresh = context.calls.refresh_sso_token(
      {settings.sso_region, token.client_id, token.client_secret, token.refresh_token});
  if (!fresh.ok()) return std::nullopt;
  SsoCachedToken refreshed = token;
  refreshed.start_url = settings.start_url;
  refreshed.region = settings.sso_region;
  refreshed.access_token = fresh->access_token;
  refreshed.expires_at = now + std::chrono::seconds(fresh->expires_in_seconds);
  refreshed.refresh_token = fresh->refresh_token;
  if (!WriteSsoCachedToken(path, refreshed).ok()) return std::nullopt;
  return refreshed;
}

Result<std::string> AccessToken(const SsoSettings& settings, const ChainContext& context) {
  const std::string& name = settings.session_name.empty() ? settings.start_url : settings.session_name;
  std::string path = SsoCachePath(context.env, name);
  Result<std::optional<SsoCachedToken>> cached = ReadSsoCachedToken(path);
  if (!cached.ok()) return LoginNeeded(cached.error().message);
  if (!cached->has_value()) return LoginNeeded("there is no SSO token for " + name + " in " + path);
  SsoCachedToken token = **cached;
  if (!settings.session_name.empty() && token.expires_at - kRefreshWindow < context.now()) {
    if (auto refreshed = Refresh(token, settings, path, context)) token = *refreshed;
  }
  if (token.expires_at <= context.now()) {
    return LoginNeeded("the SSO token for " + name + " expired at " + FormatRfc3339(token.expires_at));
  }
  return token.access_token;
}

Result<aws::Credentials> FetchRoleCredentials(const SsoSettings& settings, const ChainContext& context) {
  Result<std::string> access_token = AccessToken(settings, context);
  if (!access_token.ok()) return access_token.error();
  Result<aws::Credentials> credentials = context.calls.get_sso_role_credentials(
      {settings.sso_region, *access_token, settings.account_id, settings.role_name});
  if (!credentials.ok()) {
    if (credentials.error().code == "UnauthorizedException") {
      return LoginNeeded("IAM Identity Center refused the SSO token (" +
                         credentials.error().message + ")");
    }
    return InStep("sso GetRoleCredentials " + settings.account_id + "/" + settings.role_name,
                  credentials.error());
  }
  credentials->source = "sso " + settings.account_id + "/" + settings.role_name;
  return credentials;
}

}  // namespace

std::shared_ptr<aws::CredentialsProvider> MakeSsoProvider(SsoSettings settings,
                                                          const ChainContext& context) {
  auto fetch = [settings = std::move(settings), context] { return FetchRoleCredentials(settings, context); };
  return std::make_shared<RefreshingProvider>(std::move(fetch), context.now);
}

}  // namespace foyer::creds
