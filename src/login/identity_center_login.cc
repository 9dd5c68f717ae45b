#include "login/identity_center_login.h"

#include <filesystem>

#include "aws/sso.h"
#include "aws/sts.h"
#include "login/browser.h"
#include "login/identity_center_naming.h"
#include "login/identity_center_token.h"
#include "login/regional_sts.h"

namespace foyer::login {
namespace {

// STS allows role chaining for one hour at most.
constexpr int kChainedSessionSeconds = 3600;

Result<aws::Credentials> PermissionSetCredentials(const OrgAccess& org, const LoginOptions& options,
                                                  const IdentityCenterTokenRequest& token_request,
                                                  const std::string& access_token) {
  aws::ClientConfig config = options.aws;
  config.region = token_request.sso_region;
  aws::SsoClient portal(std::move(config));
  auto credentials =
      portal.GetRoleCredentials(access_token, org.admin_account_id, PermissionSetNameFor(options.group));
  if (!credentials.ok() && credentials.error().code == "ForbiddenException") {
    credentials.error().message = "Identity Center gives you no permission set " +
                                  PermissionSetNameFor(options.group) + " in the admin account " +
                                  org.admin_account_id + ": are you in group '" + options.group +
                                  "', and has `foyer apply` provisioned it? (" + credentials.error().message + ")";
  }
  return credentials;
}

// The portal's credentials, asking for a new token once when the portal
// refuses a cached one (signed out elsewhere, or revoked).
Result<aws::Credentials> SignInToPortal(const OrgAccess& org, const LoginOptions& options,
                                        IdentityCenterTokenRequest& token_request) {
  auto token = GetIdentityCenterToken(token_request);
  if (!token.ok()) return token.error();
  auto credentials = PermissionSetCredentials(org, options, token_request, token->access_token);
  if (credentials.ok() || credentials.error().code != "UnauthorizedException") return credentials;
  token_request.accept_cached = false;
  token = GetIdentityCenterToken(token_request);
  if (!token.ok()) return token.error();
  return PermissionSetCredentials(org, options, token_request, token->access_token);
}

// The Identity Center user name: the session name of the portal's role
// session (arn:aws:sts::<admin>:assumed-role/AWSReservedSSO_<set>_<id>/<user>).
Result<std::string> UserNameOf(const OrgAccess& org, const LoginOptions& options, const aws::Credentials& portal) {
  aws::ClientConfig config = options.aws;
  config.credentials = std::make_shared<aws::StaticCredentialsProvider>(portal);
  std::function<Result<aws::CallerIdentity>(aws::StsClient&)> call = [](aws::StsClient& sts) {
    return sts.GetCallerIdentity();
  };
  auto identity = WithRegionalFailover(config, org.regions, call);
  if (!identity.ok()) return identity.error();
  return identity->arn.substr(identity->arn.rfind('/') + 1);
}

Result<aws::AssumedRole> AssumeLandingRole(const OrgAccess& org, const LoginOptions& options,
                                           const aws::Credentials& portal, const std::string& user) {
  aws::ClientConfig config = options.aws;
  config.credentials = std::make_shared<aws::StaticCredentialsProvider>(portal);
  aws::AssumeRoleRequest request;
  request.role_arn = org.LandingRoleArn(options.group);
  request.role_session_name = RoleSessionNameFor(user);
  request.source_identity = user;
  request.duration_seconds = kChainedSessionSeconds;
  std::function<Result<aws::AssumedRole>(aws::StsClient&)> call = [&request](aws::StsClient& sts) {
    return sts.AssumeRole(request);
  };
  auto assumed = WithRegionalFailover(config, org.regions, call);
  if (!assumed.ok()) {
    assumed.error().message = "could not assume the landing role " + request.role_arn + " of group '" +
                              options.group + "' from Identity Center: " + assumed.error().message;
  }
  return assumed;
}

}  // namespace

std::string IdentityCenterTokenPath(const OrgAccess& org, const creds::Environment& env) {
  const std::string& session = org.identity_center->session_name;
  return creds::SsoCachePath(env, session.empty() ? org.name : session);
}

Status ForgetIdentityCenterToken(const OrgAccess& org, const creds::Environment& env) {
  std::string path = IdentityCenterTokenPath(org, env);
  std::error_code error;
  std::filesystem::remove(path, error);
  if (error) return MakeError("SsoCacheError", "could not remove the Identity Center token " + path + ": " + error.message());
  return OkStatus();
}

Result<store::CachedCredentials> LogInWithIdentityCenter(const OrgAccess& org, const LoginOptions& options) {
  IdentityCenterTokenRequest token_request;
  token_request.start_url = org.identity_center->start_url;
  token_request.sso_region = org.identity_center->region;
  token_request.cache_path = IdentityCenterTokenPath(org, creds::Environment::Process());
  token_request.aws = options.aws;
  token_request.present = [&options](const DeviceSignIn& sign_in) {
    if (options.present_device_code) options.present_device_code(sign_in);
    const std::string& url =
        sign_in.verification_uri_complete.empty() ? sign_in.verification_uri : sign_in.verification_uri_complete;
    // The address is already shown: a browser that cannot start is no failure.
    if (options.open_browser) (void)OpenInBrowser(url);
  };

  auto portal = SignInToPortal(org, options, token_request);
  if (!portal.ok()) return portal.error();
  auto user = UserNameOf(org, options, *portal);
  if (!user.ok()) return user.error();
  auto assumed = AssumeLandingRole(org, options, *portal, *user);
  if (!assumed.ok()) return assumed.error();

  store::CachedCredentials session;
  session.credentials = assumed->credentials;
  session.credentials.source = "login identity-center " + org.name + "/" + options.group;
  session.role_arn = org.LandingRoleArn(options.group);
  session.source_identity = assumed->source_identity.empty() ? *user : assumed->source_identity;
  return session;
}

}  // namespace foyer::login
