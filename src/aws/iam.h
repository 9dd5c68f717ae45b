// AWS Identity and Access Management (query protocol): the operations foyer
// needs to converge roles, users, MFA devices and identity providers, and to
// read back everything that decides who can get where.
//
// List operations follow every page and return the full list. Policy
// documents in results are decoded JSON text (iam_document.h).
#ifndef FOYER_AWS_IAM_H_
#define FOYER_AWS_IAM_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "aws/client_config.h"
#include "aws/iam_types.h"
#include "base/result.h"

namespace foyer::aws {

class QueryParams;
class ServiceCaller;

class IamClient {
 public:
  // `page_size`, when set, is sent as MaxItems on every paginated list
  // (tests use small pages to cross page boundaries); otherwise IAM picks.
  explicit IamClient(ClientConfig config, std::optional<int> page_size = std::nullopt);
  ~IamClient();
  IamClient(IamClient&&) noexcept;
  IamClient& operator=(IamClient&&) noexcept;

  // Roles.
  Result<IamRole> CreateRole(const CreateRoleRequest& request);
  Result<IamRole> GetRole(const std::string& role_name);
  Status UpdateRole(const UpdateRoleRequest& request);
  Status DeleteRole(const std::string& role_name);
  Status UpdateAssumeRolePolicy(const std::string& role_name, const std::string& policy_document);
  // Roles whose path starts with `path_prefix` ("" or "/" for all). ListRoles
  // carries no tags: use ListRoleTags or GetRole.
  Result<std::vector<IamRole>> ListRoles(const std::string& path_prefix = "");
  Status TagRole(const std::string& role_name, const TagList& tags);
  Status UntagRole(const std::string& role_name, const std::vector<std::string>& tag_keys);
  Result<TagList> ListRoleTags(const std::string& role_name);

  // Inline and attached policies of roles.
  Status PutRolePolicy(const std::string& role_name, const InlinePolicy& policy);
  Result<InlinePolicy> GetRolePolicy(const std::string& role_name, const std::string& policy_name);
  Status DeleteRolePolicy(const std::string& role_name, const std::string& policy_name);
  Result<std::vector<std::string>> ListRolePolicies(const std::string& role_name);
  Status AttachRolePolicy(const std::string& role_name, const std::string& policy_arn);
  Status DetachRolePolicy(const std::string& role_name, const std::string& policy_arn);
  Result<std::vector<AttachedPolicy>> ListAttachedRolePolicies(const std::string& role_name);

  // Managed policies.
  Result<ManagedPolicy> CreatePolicy(const CreatePolicyRequest& request);
  Result<ManagedPolicy> GetPolicy(const std::string& policy_arn);
  Result<PolicyVersion> GetPolicyVersion(const std::string& policy_arn, const std::string& version_id);
  Result<PolicyVersion> CreatePolicyVersion(const std::string& policy_arn,
                                            const std::string& policy_document, bool set_as_default);
  Status DeletePolicyVersion(const std::string& policy_arn, const std::string& version_id);
  Result<std::vector<PolicyVersion>> ListPolicyVersions(const std::string& policy_arn);
  Status DeletePolicy(const std::string& policy_arn);

  // Users, their inline policies and tags.
  Result<IamUser> CreateUser(const CreateUserRequest& request);
  Result<IamUser> GetUser(const std::string& user_name);
  Status DeleteUser(const std::string& user_name);
  Result<std::vector<IamUser>> ListUsers(const std::string& path_prefix = "");
  Status PutUserPolicy(const std::string& user_name, const InlinePolicy& policy);
  Result<InlinePolicy> GetUserPolicy(const std::string& user_name, const std::string& policy_name);
  Status DeleteUserPolicy(const std::string& user_name, const std::string& policy_name);
  Result<std::vector<std::string>> ListUserPolicies(const std::string& user_name);
  Status TagUser(const std::string& user_name, const TagList& tags);
  Status UntagUser(const std::string& user_name, const std::vector<std::string>& tag_keys);
  Result<TagList> ListUserTags(const std::string& user_name);

  // Access keys.
  Result<AccessKey> CreateAccessKey(const std::string& user_name);
  Result<std::vector<AccessKey>> ListAccessKeys(const std::string& user_name);
  // `status` is "Active" or "Inactive".
  Status UpdateAccessKey(const std::string& user_name, const std::string& access_key_id,
                         const std::string& status);
  Status DeleteAccessKey(const std::string& user_name, const std::string& access_key_id);
  Result<AccessKeyLastUsed> GetAccessKeyLastUsed(const std::string& access_key_id);

  // Virtual MFA devices.
  Result<VirtualMfaDevice> CreateVirtualMfaDevice(const std::string& device_name,
                                                  const std::string& path = "",
                                                  const TagList& tags = {});
  Status EnableMfaDevice(const std::string& user_name, const std::string& serial_number,
                         const std::string& code1, const std::string& code2);
  Status DeactivateMfaDevice(const std::string& user_name, const std::string& serial_number);
  // The devices of `user_name`; of the caller when empty.
  Result<std::vector<MfaDevice>> ListMfaDevices(const std::string& user_name);
  Status DeleteVirtualMfaDevice(const std::string& serial_number);

  // OpenID Connect providers. Create returns the provider's ARN.
  Result<std::string> CreateOpenIdConnectProvider(const CreateOidcProviderRequest& request);
  Result<OidcProvider> GetOpenIdConnectProvider(const std::string& arn);
  Result<std::vector<std::string>> ListOpenIdConnectProviders();  // ARNs
  Status DeleteOpenIdConnectProvider(const std::string& arn);
  Status UpdateOpenIdConnectProviderThumbprint(const std::string& arn,
                                               const std::vector<std::string>& thumbprints);
  Status AddClientIdToOpenIdConnectProvider(const std::string& arn, const std::string& client_id);
  Status RemoveClientIdFromOpenIdConnectProvider(const std::string& arn,
                                                 const std::string& client_id);

  // SAML providers. Create and Update return the provider's ARN.
  Result<std::string> CreateSamlProvider(const std::string& name, const std::string& metadata_document,
                                         const TagList& tags = {});
  Result<std::string> UpdateSamlProvider(const std::string& arn, const std::string& metadata_document);
  Result<SamlProvider> GetSamlProvider(const std::string& arn);
  Result<std::vector<SamlProvider>> ListSamlProviders();
  Status DeleteSamlProvider(const std::string& arn);

  // Everything IAM knows about the account's authorization, all pages.
  // `filter` limits it ("Role", "User", "LocalManagedPolicy",
  // "AWSManagedPolicy", "Group"); empty: everything.
  Result<AuthorizationDetails> GetAccountAuthorizationDetails(
      const std::vector<std::string>& filter = {});

 private:
  // Calls a Marker/IsTruncated list operation page after page.
  Status Pages(std::string_view action, const QueryParams& params,
               const std::function<void(pugi::xml_node)>& on_page);

  std::unique_ptr<ServiceCaller> caller_;
  std::optional<int> page_size_;
};

}  // namespace foyer::aws

#endif  // FOYER_AWS_IAM_H_
