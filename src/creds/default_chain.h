// The credential chain of the AWS CLI, and the session the command line
// works in.
//
// For a profile P the first of these that applies gives the credentials
// (the CLI's order):
//   1. environment keys (AWS_ACCESS_KEY_ID...), unless a profile was named
//      explicitly (--profile): then they are ignored, as the CLI does;
//   2. role_arn (without web_identity_token_file): assume the role with the
//      credentials of source_profile (a chain of any length; loops are
//      errors) or of credential_source = Environment or EcsContainer;
//   3. web identity: web_identity_token_file + role_arn in the profile, or
//      AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN (+ AWS_ROLE_SESSION_NAME)
//      when no profile was named explicitly;
//   4. IAM Identity Center: sso_account_id / sso_role_name, with an
//      sso_session or the older sso_start_url + sso_region;
//   5. keys in the credentials file's [P];
//   6. credential_process;
//   7. keys in the config file's [profile P];
//   8. a container credentials endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI).
// A source profile is resolved by the same steps 3-7 (never the
// environment), or by its own role_arn when it has no keys.
//
// Errors name the profile and each step of the chain that led to them:
// "profile prod: source_profile dev: assume role arn:...: AccessDenied ...".
#ifndef FOYER_CREDS_DEFAULT_CHAIN_H_
#define FOYER_CREDS_DEFAULT_CHAIN_H_

#include <functional>
#include <memory>
#include <string>

#include "aws/client_config.h"
#include "aws/credentials.h"
#include "aws/retry.h"
#include "base/result.h"
#include "creds/aws_profiles.h"
#include "creds/chain_context.h"

namespace foyer::creds {

struct Session {
  std::shared_ptr<aws::CredentialsProvider> credentials;
  std::string region;        // AWS_REGION > AWS_DEFAULT_REGION > profile region > "us-east-1"
  std::string endpoint_url;  // the profile's endpoint_url, or empty
  std::string profile;       // the profile used, or empty for environment credentials
  aws::RetryConfig retry;    // AWS_MAX_ATTEMPTS, else the profile's max_attempts, applied
};

// profile: "" = AWS_DEFAULT_PROFILE / AWS_PROFILE / "default" (and
// environment keys first, as the CLI does). Credentials are not fetched
// yet: the first Retrieve() does it, and assumed roles are then kept in
// memory and refreshed 15 minutes before they expire.
Result<Session> ResolveSession(const std::string& profile);

// What clients of `session` are built with.
aws::ClientConfig ClientConfigFor(const Session& session);

// ResolveSession with the outside world given: `context` (its `calls` are
// replaced by `calls_for(session)` once region and endpoint are known).
Result<Session> ResolveSessionIn(const std::string& profile, ChainContext context,
                                 const std::function<ServiceCalls(const Session&)>& calls_for);

// The provider for `profile_name` (steps 2-7 above, or 1-7 when
// `environment_first`). A profile that does not exist is an error, except
// "default".
Result<std::shared_ptr<aws::CredentialsProvider>> ProfileCredentialsProvider(
    const AwsConfigFiles& files, const std::string& profile_name, bool environment_first,
    const ChainContext& context);

}  // namespace foyer::creds

#endif  // FOYER_CREDS_DEFAULT_CHAIN_H_
