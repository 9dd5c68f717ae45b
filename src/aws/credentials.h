// AWS credentials, and the interface every source of them implements.
#ifndef FOYER_AWS_CREDENTIALS_H_
#define FOYER_AWS_CREDENTIALS_H_

#include <chrono>
#include <optional>
#include <string>

#include "base/result.h"

namespace foyer::aws {

using Clock = std::chrono::system_clock;

struct Credentials {
  std::string access_key_id;
  std::string secret_access_key;  // never logged
  std::string session_token;      // empty for long-term keys; never logged
  std::optional<Clock::time_point> expiration;  // none for long-term keys
  // Where they came from, for `whoami` and error messages ("environment",
  // "profile dev", "assume-role arn:...", ...). Never secret.
  std::string source;

  bool ExpiresWithin(Clock::duration window, Clock::time_point now = Clock::now()) const {
    return expiration.has_value() && *expiration - window <= now;
  }
};

// A source of credentials: the environment, a profile, an assumed role...
// Providers compose into chains (see src/creds). Retrieve may make network
// calls; implementations cache as they see fit.
class CredentialsProvider {
 public:
  virtual ~CredentialsProvider() = default;
  virtual Result<Credentials> Retrieve() = 0;
};

// A provider that always returns the same credentials.
class StaticCredentialsProvider : public CredentialsProvider {
 public:
  explicit StaticCredentialsProvider(Credentials credentials) : credentials_(std::move(credentials)) {}
  Result<Credentials> Retrieve() override { return credentials_; }

 private:
  Credentials credentials_;
};

}  // namespace foyer::aws

#endif  // FOYER_AWS_CREDENTIALS_H_
