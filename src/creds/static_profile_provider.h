// Long-term (or pasted session) keys written in a profile:
// aws_access_key_id, aws_secret_access_key, and aws_session_token (or the
// older aws_security_token, which the CLI reads first).
#ifndef FOYER_CREDS_STATIC_PROFILE_PROVIDER_H_
#define FOYER_CREDS_STATIC_PROFILE_PROVIDER_H_

#include <memory>

#include "aws/credentials.h"
#include "creds/aws_profiles.h"

namespace foyer::creds {

// True when the profile sets aws_access_key_id: the keys are then the
// profile's credentials, complete or not.
bool ProfileHasStaticKeys(const Profile& profile);

// The keys of `profile`. A key without its secret (or the reverse) is an
// error naming where it was written.
Result<std::shared_ptr<aws::CredentialsProvider>> StaticProfileProvider(const Profile& profile);

}  // namespace foyer::creds

#endif  // FOYER_CREDS_STATIC_PROFILE_PROVIDER_H_
