// Credentials of a role, assumed with credentials from another provider
// (a source profile, or the environment), as a profile's role_arn asks.
//
// The assumed credentials are kept in memory and assumed again when they
// come within 15 minutes of expiry. With an MFA device (mfa_serial), each
// assumption asks the person for a code.
#ifndef FOYER_CREDS_ASSUME_ROLE_PROVIDER_H_
#define FOYER_CREDS_ASSUME_ROLE_PROVIDER_H_

#include <memory>
#include <optional>
#include <string>

#include "aws/credentials.h"
#include "creds/chain_context.h"

namespace foyer::creds {

struct AssumeRoleSettings {
  std::string role_arn;
  // Empty: "botocore-session-<unix seconds>", the name the AWS CLI gives,
  // so that CloudTrail reads the same whichever tool was used.
  std::string role_session_name;
  std::string external_id;
  std::string mfa_serial;
  std::string source_identity;
  std::optional<int> duration_seconds;
  // How errors of the source provider are introduced ("source_profile dev",
  // "credential_source Environment").
  std::string source_step;
};

// The session name used when none is configured, at time `now`.
std::string DefaultRoleSessionName(aws::Clock::time_point now);

std::shared_ptr<aws::CredentialsProvider> MakeAssumeRoleProvider(
    std::shared_ptr<aws::CredentialsProvider> source, AssumeRoleSettings settings,
    const ChainContext& context);

}  // namespace foyer::creds

#endif  // FOYER_CREDS_ASSUME_ROLE_PROVIDER_H_
