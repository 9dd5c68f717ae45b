// Credentials from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, an optional
// session token (AWS_SECURITY_TOKEN, else AWS_SESSION_TOKEN: the CLI's
// order) and an optional AWS_CREDENTIAL_EXPIRATION (RFC 3339).
#ifndef FOYER_CREDS_ENVIRONMENT_PROVIDER_H_
#define FOYER_CREDS_ENVIRONMENT_PROVIDER_H_

#include "aws/credentials.h"
#include "creds/environment.h"

namespace foyer::creds {

// True when AWS_ACCESS_KEY_ID is set and not empty: the environment then
// provides the credentials (or fails to, when the secret is missing).
bool EnvironmentHasCredentials(const Environment& env);

class EnvironmentProvider : public aws::CredentialsProvider {
 public:
  explicit EnvironmentProvider(Environment env) : env_(std::move(env)) {}

  // Reads the variables on each call: they are the source of truth.
  Result<aws::Credentials> Retrieve() override;

 private:
  Environment env_;
};

}  // namespace foyer::creds

#endif  // FOYER_CREDS_ENVIRONMENT_PROVIDER_H_
