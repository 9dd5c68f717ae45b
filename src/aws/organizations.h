// AWS Organizations (JSON 1.1): the organization tree, accounts, tags and
// service control policies.
//
// Every list operation follows NextToken to the end and returns the whole
// list.
#ifndef FOYER_AWS_ORGANIZATIONS_H_
#define FOYER_AWS_ORGANIZATIONS_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "aws/client_config.h"
#include "aws/organizations_types.h"
#include "base/result.h"

namespace foyer::aws {

class ServiceCaller;

class OrganizationsClient {
 public:
  // `page_size`, when set, is sent as MaxResults on every list call (tests
  // use small pages to cross page boundaries); otherwise the service picks.
  explicit OrganizationsClient(ClientConfig config, std::optional<int> page_size = std::nullopt);
  ~OrganizationsClient();
  OrganizationsClient(OrganizationsClient&&) noexcept;
  OrganizationsClient& operator=(OrganizationsClient&&) noexcept;

  // The organization, with all features (SCPs need them).
  Result<Organization> CreateOrganization();
  Result<Organization> DescribeOrganization();
  Result<std::vector<Root>> ListRoots();
  Result<Root> EnablePolicyType(const std::string& root_id, const std::string& policy_type);

  Result<OrganizationalUnit> CreateOrganizationalUnit(const std::string& parent_id,
                                                      const std::string& name,
                                                      const TagList& tags = {});
  Result<std::vector<OrganizationalUnit>> ListOrganizationalUnitsForParent(
      const std::string& parent_id);
  Result<std::vector<OrgNode>> ListParents(const std::string& child_id);
  // `child_type` is "ACCOUNT" or "ORGANIZATIONAL_UNIT".
  Result<std::vector<OrgNode>> ListChildren(const std::string& parent_id,
                                            const std::string& child_type);

  // Account creation is asynchronous: poll DescribeCreateAccountStatus with
  // the returned status id until its state is no longer IN_PROGRESS.
  Result<CreateAccountStatus> CreateAccount(const CreateAccountRequest& request);
  Result<CreateAccountStatus> DescribeCreateAccountStatus(const std::string& request_id);
  // Account creation requests in `states` ("IN_PROGRESS", "SUCCEEDED",
  // "FAILED"); every state when empty.
  Result<std::vector<CreateAccountStatus>> ListCreateAccountStatus(
      const std::vector<std::string>& states = {});
  Result<std::vector<Account>> ListAccounts();
  Result<std::vector<Account>> ListAccountsForParent(const std::string& parent_id);
  Result<Account> DescribeAccount(const std::string& account_id);
  Status MoveAccount(const std::string& account_id, const std::string& source_parent_id,
                     const std::string& destination_parent_id);
  Status CloseAccount(const std::string& account_id);

  // Tags of accounts, OUs, roots and policies.
  Status TagResource(const std::string& resource_id, const TagList& tags);
  Status UntagResource(const std::string& resource_id, const std::vector<std::string>& tag_keys);
  Result<TagList> ListTagsForResource(const std::string& resource_id);

  // Policies (service control policies by default).
  Result<OrgPolicy> CreatePolicy(const CreateOrgPolicyRequest& request);
  Result<OrgPolicy> UpdatePolicy(const UpdateOrgPolicyRequest& request);
  Result<OrgPolicy> DescribePolicy(const std::string& policy_id);
  // `filter` is the policy type ("SERVICE_CONTROL_POLICY", ...).
  Result<std::vector<OrgPolicySummary>> ListPolicies(const std::string& filter);
  Status AttachPolicy(const std::string& policy_id, const std::string& target_id);
  Status DetachPolicy(const std::string& policy_id, const std::string& target_id);
  // "PolicyInUseException" while it is still attached somewhere.
  Status DeletePolicy(const std::string& policy_id);
  // Trusted access for a service ("cloudtrail.amazonaws.com"), which an
  // organization trail needs; enabling it again changes nothing.
  Status EnableAWSServiceAccess(const std::string& service_principal);
  Result<std::vector<OrgPolicySummary>> ListPoliciesForTarget(const std::string& target_id,
                                                              const std::string& filter);
  Result<std::vector<PolicyTarget>> ListTargetsForPolicy(const std::string& policy_id);

  // Delegated administration of an AWS service to a member account.
  Status RegisterDelegatedAdministrator(const std::string& account_id,
                                        const std::string& service_principal);
  // Every delegated administrator; of one service when `service_principal`
  // is not empty.
  Result<std::vector<DelegatedAdministrator>> ListDelegatedAdministrators(
      const std::string& service_principal = "");

 private:
  // Calls a list operation page after page, collecting `list_key` items.
  Result<std::vector<nlohmann::json>> ListAll(const std::string& operation, nlohmann::json input,
                                              const std::string& list_key);

  std::unique_ptr<ServiceCaller> caller_;
  std::optional<int> page_size_;
};

}  // namespace foyer::aws

#endif  // FOYER_AWS_ORGANIZATIONS_H_
