#include "access/role_session.h"

#include "aws/sts.h"
#include "creds/environment_provider.h"
#include "login/landing_login.h"
#include "login/regional_sts.h"
#include "store/issuance_log.h"

namespace foyer::access {
namespace {

// Chained role sessions last at most one hour (DESIGN.md section 1).
constexpr int kChainedSessionSeconds = 3600;
// A landing session closer than this to expiry is not worth chaining from.
constexpr auto kLandingMinimumValidity = std::chrono::minutes(1);

struct SourceSession {
  aws::Credentials credentials;
  std::string principal;     // arn:...:sts::<admin>:assumed-role/<group>/<session>
  std::string session_name;  // the last ARN segment
  std::string source_identity;
};

Error LoginNeeded(const login::OrgAccess& org, const std::string& group, const std::string& why) {
  Error error = MakeError("LoginNeeded", why + ": run `foyer login --org " + org.name + " --group " + group +
                                             "` first");
  error.exit_code = ExitCode::kLoginNeeded;
  return error;
}

aws::ClientConfig SignedAs(const aws::ClientConfig& base, const aws::Credentials& credentials) {
  aws::ClientConfig config = base;
  config.credentials = std::make_shared<aws::StaticCredentialsProvider>(credentials);
  return config;
}

// Confirms with STS that `credentials` are a session of the group's landing
// role and returns who they are.
Result<SourceSession> IdentifyLandingSession(const login::OrgAccess& org, const RoleSessionRequest& request,
                                             aws::Credentials credentials, const std::string& origin) {
  std::function<Result<aws::CallerIdentity>(aws::StsClient&)> call = [](aws::StsClient& sts) {
    return sts.GetCallerIdentity();
  };
  auto identity = login::WithRegionalFailover(SignedAs(request.aws, credentials), org.regions, call);
  if (!identity.ok()) {
    if (identity.error().http_status == 403) {
      return LoginNeeded(org, request.group, "the " + origin + " credentials are not accepted by AWS (" +
                                                 identity.error().code + ")");
    }
    return identity.error();
  }
  std::string prefix = "arn:" + org.Partition() + ":sts::" + org.admin_account_id + ":assumed-role/" +
                       request.group + "/";
  if (identity->arn.rfind(prefix, 0) != 0 || identity->arn.size() == prefix.size()) {
    return LoginNeeded(org, request.group, "the " + origin + " credentials are " + identity->arn +
                                               ", not a session of the landing role " +
                                               org.LandingRoleArn(request.group));
  }
  return SourceSession{std::move(credentials), identity->arn, identity->arn.substr(prefix.size()), ""};
}

// The cached landing session of the group, else the environment's
// credentials when they are one.
Result<SourceSession> FindSource(const login::OrgAccess& org, const RoleSessionRequest& request,
                                 store::CredentialCache& cache, const creds::Environment& env) {
  auto landing = cache.Read(login::LandingCacheKey(org, request.group));
  if (!landing.ok()) return landing.error();
  if (*landing && !(*landing)->credentials.ExpiresWithin(kLandingMinimumValidity)) {
    auto source = IdentifyLandingSession(org, request, (*landing)->credentials, "cached landing session's");
    if (source.ok()) source->source_identity = (*landing)->source_identity;
    return source;
  }
  if (creds::EnvironmentHasCredentials(env)) {
    auto from_env = creds::EnvironmentProvider(env).Retrieve();
    if (!from_env.ok()) return from_env.error();
    return IdentifyLandingSession(org, request, *from_env, "environment's");
  }
  return LoginNeeded(org, request.group, *landing ? "the landing session of group '" + request.group + "' has expired"
                                                  : "there is no landing session of group '" + request.group + "'");
}

Status RecordIssuance(const store::StateDir& state, const SourceSession& source, const RoleSessionRequest& request,
                      const aws::AssumedRole& assumed, const std::string& role_arn) {
  auto log = store::IssuanceLog::Open(state);
  if (!log.ok()) return log.error();
  store::Issuance issuance;
  issuance.issued_at = aws::Clock::now();
  issuance.source_identity = assumed.source_identity.empty() ? source.source_identity : assumed.source_identity;
  issuance.principal = source.principal;
  issuance.target_account = request.account_id;
  issuance.role_arn = role_arn;
  issuance.access_key_id = assumed.credentials.access_key_id;
  issuance.expires_at = assumed.credentials.expiration;
  issuance.method = store::IssuanceMethod::kAssumeRole;
  return log->Record(issuance);
}

Result<store::CachedCredentials> AssumeTargetRole(const login::OrgAccess& org, const RoleSessionRequest& request,
                                                  const store::StateDir& state, store::CredentialCache& cache,
                                                  const creds::Environment& env) {
  auto source = FindSource(org, request, cache, env);
  if (!source.ok()) return source.error();
  aws::AssumeRoleRequest assume;
  assume.role_arn = TargetRoleArn(org, request);
  assume.role_session_name = source->session_name;
  assume.source_identity = source->source_identity;
  assume.duration_seconds = kChainedSessionSeconds;
  std::function<Result<aws::AssumedRole>(aws::StsClient&)> call = [&assume](aws::StsClient& sts) {
    return sts.AssumeRole(assume);
  };
  auto assumed = login::WithRegionalFailover(SignedAs(request.aws, source->credentials), org.regions, call);
  if (!assumed.ok()) {
    assumed.error().message = "could not assume " + assume.role_arn + " from " + source->principal + ": " +
                              assumed.error().message;
    return assumed.error();
  }
  assumed->credentials.source = "assume-role " + assume.role_arn;
  FOYER_RETURN_IF_ERROR(RecordIssuance(state, *source, request, *assumed, assume.role_arn));
  store::CachedCredentials session;
  session.credentials = assumed->credentials;
  session.role_arn = assume.role_arn;
  session.source_identity = assumed->source_identity.empty() ? source->source_identity : assumed->source_identity;
  return session;
}

}  // namespace

Result<store::CachedCredentials> GetRoleSession(const login::OrgAccess& org, const RoleSessionRequest& request,
                                                const store::StateDir& state, store::CredentialCache& cache,
                                                const creds::Environment& env) {
  FOYER_RETURN_IF_ERROR(CheckRoleSessionRequest(request));
  store::FetchOptions options;
  options.use_cache = request.use_cache;
  return cache.GetOrFetch(
      RoleSessionCacheKey(org, request), request.refresh_window,
      [&]() { return AssumeTargetRole(org, request, state, cache, env); }, options);
}

}  // namespace foyer::access
