#include "creds/environment_provider.h"

#include "base/time_format.h"

namespace foyer::creds {

bool EnvironmentHasCredentials(const Environment& env) {
  return !env.GetOrEmpty("AWS_ACCESS_KEY_ID").empty();
}

Result<aws::Credentials> EnvironmentProvider::Retrieve() {
  aws::Credentials credentials;
  credentials.source = "environment";
  credentials.access_key_id = env_.GetOrEmpty("AWS_ACCESS_KEY_ID");
  credentials.secret_access_key = env_.GetOrEmpty("AWS_SECRET_ACCESS_KEY");
  if (credentials.access_key_id.empty() || credentials.secret_access_key.empty()) {
    const char* missing =
        credentials.access_key_id.empty() ? "AWS_ACCESS_KEY_ID" : "AWS_SECRET_ACCESS_KEY";
    return MakeError("PartialCredentials",
                     std::string("environment: ") + missing +
                         " is not set; set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
                         "or neither");
  }
  credentials.session_token = env_.GetOrEmpty("AWS_SECURITY_TOKEN");
  if (credentials.session_token.empty()) credentials.session_token = env_.GetOrEmpty("AWS_SESSION_TOKEN");
  std::string expiration = env_.GetOrEmpty("AWS_CREDENTIAL_EXPIRATION");
  if (!expiration.empty()) {
    Result<SystemTime> parsed = ParseIso8601(expiration);
    if (!parsed.ok()) {
      return MakeError("ConfigError", "environment: AWS_CREDENTIAL_EXPIRATION '" + expiration +
                                          "' is not an RFC 3339 time such as "
                                          "2026-11-27T22:49:27Z");
    }
    credentials.expiration = *parsed;
  }
  return credentials;
}

}  // namespace foyer::creds
