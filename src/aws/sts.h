// AWS Security Token Service (query protocol).
#ifndef FOYER_AWS_STS_H_
#define FOYER_AWS_STS_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "aws/client_config.h"
#include "aws/credentials.h"

namespace foyer::aws {

struct CallerIdentity {
  std::string account;
  std::string arn;
  std::string user_id;
};

struct AssumeRoleRequest {
  std::string role_arn;
  std::string role_session_name;
  std::optional<int> duration_seconds;
  std::string external_id;     // empty: not sent
  std::string serial_number;   // MFA device, with token_code
  std::string token_code;
  std::string source_identity;
  std::string policy;          // session policy JSON
  std::vector<std::pair<std::string, std::string>> tags;
  std::vector<std::string> transitive_tag_keys;
};

struct AssumeRoleWithWebIdentityRequest {
  std::string role_arn;
  std::string role_session_name;
  std::string web_identity_token;  // never logged
  std::optional<int> duration_seconds;
  std::string provider_id;         // OAuth 2.0 providers only
  std::string policy;
};

struct AssumeRoleWithSamlRequest {
  std::string role_arn;
  std::string principal_arn;   // the IAM SAML provider
  std::string saml_assertion;  // base64, never logged
  std::optional<int> duration_seconds;
  std::string policy;
};

struct AssumedRole {
  Credentials credentials;
  std::string assumed_role_arn;  // arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION
  std::string assumed_role_id;
  std::string source_identity;
};

class StsClient {
 public:
  explicit StsClient(ClientConfig config);
  ~StsClient();
  StsClient(StsClient&&) noexcept;
  StsClient& operator=(StsClient&&) noexcept;

  Result<CallerIdentity> GetCallerIdentity();
  Result<AssumedRole> AssumeRole(const AssumeRoleRequest& request);
  // Unsigned calls: no credentials needed.
  Result<AssumedRole> AssumeRoleWithWebIdentity(const AssumeRoleWithWebIdentityRequest& request);
  Result<AssumedRole> AssumeRoleWithSaml(const AssumeRoleWithSamlRequest& request);
  Result<Credentials> GetSessionToken(std::optional<int> duration_seconds,
                                      const std::string& serial_number,
                                      const std::string& token_code);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace foyer::aws

#endif  // FOYER_AWS_STS_H_
