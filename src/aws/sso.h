// The IAM Identity Center portal (the "SSO" service): what a signed-in
// person may access, and role credentials for it.
//
// Calls are not SigV4-signed: the SSO-OIDC access token goes in the
// x-amz-sso_bearer_token header. An expired or revoked token fails with the
// code "UnauthorizedException" (exit code: login needed).
#ifndef FOYER_AWS_SSO_H_
#define FOYER_AWS_SSO_H_

#include <string>
#include <vector>

#include "aws/client_config.h"
#include "aws/credentials.h"
#include "aws/service_call.h"
#include "base/result.h"

namespace foyer::aws {

struct SsoAccount {
  std::string account_id;
  std::string account_name;
  std::string email_address;
};

struct SsoRole {
  std::string role_name;  // the permission set's name
  std::string account_id;
};

class SsoClient {
 public:
  // Credentials in `config` are not used.
  explicit SsoClient(ClientConfig config);

  // Credentials of the permission set `role_name` in `account_id`; their
  // source reads "sso <account_id>/<role_name>".
  Result<Credentials> GetRoleCredentials(const std::string& access_token,
                                         const std::string& account_id,
                                         const std::string& role_name);
  // Every account the person is assigned to (all pages).
  Result<std::vector<SsoAccount>> ListAccounts(const std::string& access_token);
  // Every role the person has in `account_id` (all pages).
  Result<std::vector<SsoRole>> ListAccountRoles(const std::string& access_token,
                                                const std::string& account_id);
  // Ends the portal session: the access token stops working.
  Status Logout(const std::string& access_token);

 private:
  Result<nlohmann::json> Get(std::string_view operation, std::string_view path,
                             std::vector<std::pair<std::string, std::string>> query,
                             const std::string& access_token);

  ServiceCaller caller_;
};

}  // namespace foyer::aws

#endif  // FOYER_AWS_SSO_H_
