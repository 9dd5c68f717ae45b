#include "login/identity_center_token.h"

#include <sys/stat.h>

#include <filesystem>
#include <thread>

#include "aws/ssooidc.h"
#include "store/file_lock.h"

namespace foyer::login {
namespace {

// The registration is renewed a day early, so a login never starts with a
// client secret that expires while the person is signing in.
constexpr std::chrono::hours kRegistrationMargin{24};
// As long as a person may take to approve a device code, and a little more.
constexpr std::chrono::minutes kTokenLockTimeout{11};

aws::SsoOidcClient OidcClientFor(const IdentityCenterTokenRequest& request) {
  aws::ClientConfig config = request.aws;
  config.region = request.sso_region;
  return aws::SsoOidcClient(std::move(config));
}

aws::RegisteredClient RegistrationOf(const creds::SsoCachedToken& token) {
  aws::RegisteredClient client;
  client.client_id = token.client_id;
  client.client_secret = token.client_secret;
  client.secret_expires_at = token.registration_expires_at.value_or(aws::Clock::time_point{});
  return client;
}

// The cached token of this start URL, or nullopt. A damaged file, or one of
// another start URL under the same session name, is replaced by the login.
std::optional<creds::SsoCachedToken> CachedToken(const IdentityCenterTokenRequest& request) {
  auto cached = creds::ReadSsoCachedToken(request.cache_path);
  if (!cached.ok() || !cached->has_value()) return std::nullopt;
  if (!(*cached)->start_url.empty() && (*cached)->start_url != request.start_url) return std::nullopt;
  return std::move(**cached);
}

creds::SsoCachedToken TokenFrom(const aws::SsoToken& answer, const aws::RegisteredClient& client,
                                const IdentityCenterTokenRequest& request) {
  creds::SsoCachedToken token;
  token.start_url = request.start_url;
  token.region = request.sso_region;
  token.access_token = answer.access_token;
  token.expires_at = aws::Clock::now() + std::chrono::seconds(answer.expires_in_seconds);
  token.refresh_token = answer.refresh_token;
  token.client_id = client.client_id;
  token.client_secret = client.client_secret;
  token.registration_expires_at = client.secret_expires_at;
  return token;
}

Result<aws::RegisteredClient> Registration(aws::SsoOidcClient& oidc, const std::optional<creds::SsoCachedToken>& cached) {
  if (cached && !cached->client_id.empty() && !cached->client_secret.empty() &&
      cached->registration_expires_at.value_or(aws::Clock::time_point{}) > aws::Clock::now() + kRegistrationMargin) {
    return RegistrationOf(*cached);
  }
  aws::RegisterClientRequest registration;
  registration.client_name = "foyer";
  registration.scopes = {kSsoAccountAccessScope};
  return oidc.RegisterClient(registration);
}

Result<DevicePollAnswer> PollAnswerOf(Result<aws::SsoToken>& poll) {
  if (poll.ok()) return DevicePollAnswer::kApproved;
  if (poll.error().code == aws::kOidcAuthorizationPending) return DevicePollAnswer::kPending;
  if (poll.error().code == aws::kOidcSlowDown) return DevicePollAnswer::kSlowDown;
  Error error = poll.error();
  if (error.code == aws::kOidcAccessDenied || error.code == aws::kOidcExpiredToken) {
    error.message = "the Identity Center sign-in did not complete: " +
                    std::string(error.code == aws::kOidcAccessDenied ? "it was denied in the browser"
                                                                     : "its code expired before it was approved") +
                    "; run `foyer login` again";
    error.exit_code = ExitCode::kLoginNeeded;
  }
  return error;
}

Result<creds::SsoCachedToken> SignInWithDevice(aws::SsoOidcClient& oidc, const IdentityCenterTokenRequest& request,
                                               const std::optional<creds::SsoCachedToken>& cached) {
  auto client = Registration(oidc, cached);
  if (!client.ok()) return client.error();
  auto authorization = oidc.StartDeviceAuthorization(*client, request.start_url);
  if (!authorization.ok()) return authorization.error();
  if (request.present) {
    request.present(DeviceSignIn{authorization->verification_uri, authorization->verification_uri_complete,
                                 authorization->user_code});
  }
  DevicePollTiming timing;
  timing.interval = std::chrono::seconds(authorization->interval_seconds);
  timing.expires_in = std::chrono::seconds(authorization->expires_in_seconds);
  timing.sleep = request.sleep;
  std::optional<aws::SsoToken> token;
  Status approved = PollUntilApproved(timing, [&]() -> Result<DevicePollAnswer> {
    auto poll = oidc.CreateTokenFromDeviceCode(*client, authorization->device_code);
    auto answer = PollAnswerOf(poll);
    if (answer.ok() && *answer == DevicePollAnswer::kApproved) token = std::move(*poll);
    return answer;
  });
  if (!approved.ok()) return approved.error();
  return TokenFrom(*token, *client, request);
}

// Held while the token is read, refreshed or signed for: logins of several
// groups share one token file, and so one device flow. A lock file beside
// the token, which the AWS CLI ignores.
Result<store::FileLock> LockTokenFile(const std::string& cache_path) {
  std::filesystem::path folder = std::filesystem::path(cache_path).parent_path();
  std::error_code error;
  if (std::filesystem::create_directories(folder, error)) ::chmod(folder.c_str(), 0700);
  auto lock = store::FileLock::Open(cache_path + ".foyer-lock");
  if (!lock.ok()) return lock.error();
  auto deadline = std::chrono::steady_clock::now() + kTokenLockTimeout;
  while (true) {
    auto taken = lock->TryLock();
    if (!taken.ok()) return taken.error();
    if (*taken) return lock;
    if (std::chrono::steady_clock::now() > deadline) {
      return MakeError("CredentialLockTimeout", "another foyer process has been signing in to Identity Center for "
                                                "too long (lock " + lock->path().string() +
                                                "); finish or stop it, then retry");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

}  // namespace

Result<creds::SsoCachedToken> GetIdentityCenterToken(const IdentityCenterTokenRequest& request) {
  auto lock = LockTokenFile(request.cache_path);
  if (!lock.ok()) return lock.error();
  std::optional<creds::SsoCachedToken> cached = CachedToken(request);
  auto now = aws::Clock::now();
  if (cached && request.accept_cached && cached->expires_at > now + kAccessTokenMargin) return *cached;

  aws::SsoOidcClient oidc = OidcClientFor(request);
  std::optional<creds::SsoCachedToken> fresh;
  if (cached && cached->CanRefresh(now)) {
    auto refreshed = oidc.CreateTokenFromRefreshToken(RegistrationOf(*cached), cached->refresh_token);
    if (refreshed.ok()) {
      // A service that does not rotate refresh tokens answers without one.
      if (refreshed->refresh_token.empty()) refreshed->refresh_token = cached->refresh_token;
      fresh = TokenFrom(*refreshed, RegistrationOf(*cached), request);
    } else if (refreshed.error().code != aws::kOidcInvalidGrant) {
      return refreshed.error();
    }
    // invalid_grant: the refresh token was revoked or has expired; the
    // person signs in again below.
  }
  if (!fresh) {
    auto signed_in = SignInWithDevice(oidc, request, cached);
    if (!signed_in.ok()) return signed_in.error();
    fresh = std::move(*signed_in);
  }
  if (Status written = creds::WriteSsoCachedToken(request.cache_path, *fresh); !written.ok()) {
    return written.error();
  }
  return *fresh;
}

}  // namespace foyer::login
