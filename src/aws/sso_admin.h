// IAM Identity Center administration (the "SSO Admin" service, sso-admin):
// the instance, permission sets with their inline policy, and account
// assignments. Calls go to the account that administers Identity Center
// (foyer's admin account, as delegated administrator).
#ifndef FOYER_AWS_SSO_ADMIN_H_
#define FOYER_AWS_SSO_ADMIN_H_

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "aws/client_config.h"
#include "base/poll.h"
#include "base/result.h"

namespace foyer::aws {

class ServiceCaller;
struct SsoAsyncOperation;

struct SsoInstance {
  std::string instance_arn;       // arn:aws:sso:::instance/ssoins-...
  std::string identity_store_id;  // d-...
  std::string owner_account_id;
};

struct PermissionSet {
  std::string arn;
  std::string name;
  std::string description;
  std::string session_duration;  // ISO 8601 duration: "PT12H"
};

struct CreatePermissionSetRequest {
  std::string instance_arn;
  std::string name;
  std::string description;
  std::string session_duration;
  std::vector<std::pair<std::string, std::string>> tags;
};

// Who holds a permission set in an account.
struct AccountAssignment {
  std::string account_id;
  std::string permission_set_arn;
  std::string principal_type;  // "GROUP" or "USER"
  std::string principal_id;
};

// How long an asynchronous request is waited for: 0.5 s doubling to 5 s,
// for at most 5 minutes (AWS finishes them in seconds).
PollSchedule SsoRequestSchedule();

class SsoAdminClient {
 public:
  explicit SsoAdminClient(ClientConfig config);
  // Tests give a schedule whose sleep records the waits.
  SsoAdminClient(ClientConfig config, PollSchedule schedule);
  ~SsoAdminClient();
  SsoAdminClient(SsoAdminClient&&) noexcept;

  // Every list call below follows NextToken through all pages.
  Result<std::vector<SsoInstance>> ListInstances();
  Result<std::vector<std::string>> ListPermissionSets(const std::string& instance_arn);  // ARNs
  Result<PermissionSet> DescribePermissionSet(const std::string& instance_arn, const std::string& arn);
  // The new permission set's ARN.
  Result<std::string> CreatePermissionSet(const CreatePermissionSetRequest& request);
  Status UpdatePermissionSet(const std::string& instance_arn, const std::string& arn,
                             const std::string& description, const std::string& session_duration);
  Status DeletePermissionSet(const std::string& instance_arn, const std::string& arn);
  // The inline policy's text; empty when it has none.
  Result<std::string> GetInlinePolicy(const std::string& instance_arn, const std::string& arn);
  Status PutInlinePolicy(const std::string& instance_arn, const std::string& arn, const std::string& policy);
  // The three calls below are asynchronous in AWS: each answers with a
  // request status (IN_PROGRESS, SUCCEEDED, FAILED) and returns only once
  // the request has finished, polling its Describe*Status call on the
  // schedule. A FAILED request is an error with code
  // "IdentityCenterRequestFailed" carrying the FailureReason; one still in
  // progress at the deadline, "IdentityCenterRequestStuck".
  //
  // Pushes the permission set's current definition to every account it is
  // assigned in (TargetType ALL_PROVISIONED_ACCOUNTS).
  Status ProvisionPermissionSet(const std::string& instance_arn, const std::string& arn);
  // Accounts the permission set is provisioned to.
  Result<std::vector<std::string>> ListAccountsForProvisionedPermissionSet(const std::string& instance_arn,
                                                                           const std::string& arn);
  Result<std::vector<AccountAssignment>> ListAccountAssignments(const std::string& instance_arn,
                                                                const std::string& account_id,
                                                                const std::string& permission_set_arn);
  Status CreateAccountAssignment(const std::string& instance_arn, const AccountAssignment& assignment);
  Status DeleteAccountAssignment(const std::string& instance_arn, const AccountAssignment& assignment);

 private:
  Result<std::vector<nlohmann::json>> ListAll(const std::string& operation, nlohmann::json input,
                                              const std::string& list_key);
  Status Assignment(const SsoAsyncOperation& operation, const std::string& instance_arn,
                    const AccountAssignment& assignment);
  // Waits until the request whose first answer is `status` has finished.
  Status AwaitRequest(const SsoAsyncOperation& operation, const std::string& instance_arn,
                      const nlohmann::json& status, const std::string& subject);

  std::unique_ptr<ServiceCaller> caller_;
  PollSchedule schedule_;
};

}  // namespace foyer::aws

#endif  // FOYER_AWS_SSO_ADMIN_H_
