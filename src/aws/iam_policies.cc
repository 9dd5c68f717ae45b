// IamClient: managed policies and their versions.
#include "aws/iam.h"
#include "aws/iam_wire.h"

namespace foyer::aws {

using iam_wire::Call;

Result<ManagedPolicy> IamClient::CreatePolicy(const CreatePolicyRequest& request) {
  QueryParams params;
  params.Add("PolicyName", request.policy_name);
  params.AddIfNotEmpty("Path", request.path);
  params.Add("PolicyDocument", request.policy_document);
  params.AddIfNotEmpty("Description", request.description);
  params.AddPairList("Tags", request.tags);
  Result<XmlResult> result = caller_->CallQuery("CreatePolicy", params);
  if (!result.ok()) return result.error();
  return iam_wire::ReadManagedPolicy(Child(result->node, "Policy"));
}

Result<ManagedPolicy> IamClient::GetPolicy(const std::string& policy_arn) {
  QueryParams params;
  params.Add("PolicyArn", policy_arn);
  Result<XmlResult> result = caller_->CallQuery("GetPolicy", params);
  if (!result.ok()) return result.error();
  return iam_wire::ReadManagedPolicy(Child(result->node, "Policy"));
}

Result<PolicyVersion> IamClient::GetPolicyVersion(const std::string& policy_arn,
                                                  const std::string& version_id) {
  QueryParams params;
  params.Add("PolicyArn", policy_arn);
  params.Add("VersionId", version_id);
  Result<XmlResult> result = caller_->CallQuery("GetPolicyVersion", params);
  if (!result.ok()) return result.error();
  return iam_wire::ReadPolicyVersion(Child(result->node, "PolicyVersion"));
}

Result<PolicyVersion> IamClient::CreatePolicyVersion(const std::string& policy_arn,
                                                     const std::string& policy_document,
                                                     bool set_as_default) {
  QueryParams params;
  params.Add("PolicyArn", policy_arn);
  params.Add("PolicyDocument", policy_document);
  params.AddBool("SetAsDefault", set_as_default);
  Result<XmlResult> result = caller_->CallQuery("CreatePolicyVersion", params);
  if (!result.ok()) return result.error();
  return iam_wire::ReadPolicyVersion(Child(result->node, "PolicyVersion"));
}

Status IamClient::DeletePolicyVersion(const std::string& policy_arn, const std::string& version_id) {
  QueryParams params;
  params.Add("PolicyArn", policy_arn);
  params.Add("VersionId", version_id);
  return Call(*caller_, "DeletePolicyVersion", params);
}

Result<std::vector<PolicyVersion>> IamClient::ListPolicyVersions(const std::string& policy_arn) {
  QueryParams params;
  params.Add("PolicyArn", policy_arn);
  std::vector<PolicyVersion> versions;
  Status status = Pages("ListPolicyVersions", params, [&](pugi::xml_node page) {
    for (pugi::xml_node member : Members(Child(page, "Versions"))) {
      versions.push_back(iam_wire::ReadPolicyVersion(member));
    }
  });
  if (!status.ok()) return status.error();
  return versions;
}

Status IamClient::DeletePolicy(const std::string& policy_arn) {
  QueryParams params;
  params.Add("PolicyArn", policy_arn);
  return Call(*caller_, "DeletePolicy", params);
}

Result<AuthorizationDetails> IamClient::GetAccountAuthorizationDetails(
    const std::vector<std::string>& filter) {
  QueryParams params;
  params.AddList("Filter", filter);
  AuthorizationDetails details;
  Status status =
      Pages("GetAccountAuthorizationDetails", params, [&](pugi::xml_node page) {
        for (pugi::xml_node member : Members(Child(page, "RoleDetailList"))) {
          details.roles.push_back(iam_wire::ReadRoleDetail(member));
        }
        for (pugi::xml_node member : Members(Child(page, "UserDetailList"))) {
          details.users.push_back(iam_wire::ReadUserDetail(member));
        }
        for (pugi::xml_node member : Members(Child(page, "GroupDetailList"))) {
          details.groups.push_back(iam_wire::ReadGroupDetail(member));
        }
        for (pugi::xml_node member : Members(Child(page, "Policies"))) {
          details.policies.push_back(iam_wire::ReadPolicyDetail(member));
        }
      });
  if (!status.ok()) return status.error();
  return details;
}

}  // namespace foyer::aws
