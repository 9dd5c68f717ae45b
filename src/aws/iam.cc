// IamClient: construction, roles and the policies of roles.
#include "aws/iam.h"

#include "aws/iam_document.h"
#include "aws/iam_wire.h"

namespace foyer::aws {

using iam_wire::Call;

IamClient::IamClient(ClientConfig config, std::optional<int> page_size)
    : caller_(std::make_unique<ServiceCaller>(std::move(config), iam_wire::Iam())),
      page_size_(page_size) {}
IamClient::~IamClient() = default;
IamClient::IamClient(IamClient&&) noexcept = default;
IamClient& IamClient::operator=(IamClient&&) noexcept = default;

Status IamClient::Pages(std::string_view action, const QueryParams& params,
                        const std::function<void(pugi::xml_node)>& on_page) {
  QueryParams paged = params;
  paged.AddIfSet("MaxItems", page_size_);
  return iam_wire::ForEachResultPage(*caller_, action, paged, on_page);
}

Result<IamRole> IamClient::CreateRole(const CreateRoleRequest& request) {
  QueryParams params;
  params.Add("RoleName", request.role_name);
  params.AddIfNotEmpty("Path", request.path);
  params.Add("AssumeRolePolicyDocument", request.assume_role_policy_document);
  params.AddIfNotEmpty("Description", request.description);
  params.AddIfSet("MaxSessionDuration", request.max_session_duration);
  params.AddIfNotEmpty("PermissionsBoundary", request.permissions_boundary);
  params.AddPairList("Tags", request.tags);
  Result<XmlResult> result = caller_->CallQuery("CreateRole", params);
  if (!result.ok()) return result.error();
  return iam_wire::ReadRole(Child(result->node, "Role"));
}

Result<IamRole> IamClient::GetRole(const std::string& role_name) {
  QueryParams params;
  params.Add("RoleName", role_name);
  Result<XmlResult> result = caller_->CallQuery("GetRole", params);
  if (!result.ok()) return result.error();
  return iam_wire::ReadRole(Child(result->node, "Role"));
}

Status IamClient::UpdateRole(const UpdateRoleRequest& request) {
  QueryParams params;
  params.Add("RoleName", request.role_name);
  if (request.description.has_value()) params.Add("Description", *request.description);
  params.AddIfSet("MaxSessionDuration", request.max_session_duration);
  return Call(*caller_, "UpdateRole", params);
}

Status IamClient::DeleteRole(const std::string& role_name) {
  QueryParams params;
  params.Add("RoleName", role_name);
  return Call(*caller_, "DeleteRole", params);
}

Status IamClient::UpdateAssumeRolePolicy(const std::string& role_name,
                                         const std::string& policy_document) {
  QueryParams params;
  params.Add("RoleName", role_name);
  params.Add("PolicyDocument", policy_document);
  return Call(*caller_, "UpdateAssumeRolePolicy", params);
}

Result<std::vector<IamRole>> IamClient::ListRoles(const std::string& path_prefix) {
  QueryParams params;
  params.AddIfNotEmpty("PathPrefix", path_prefix);
  std::vector<IamRole> roles;
  Status status = Pages("ListRoles", params, [&](pugi::xml_node page) {
    for (pugi::xml_node member : Members(Child(page, "Roles"))) roles.push_back(iam_wire::ReadRole(member));
  });
  if (!status.ok()) return status.error();
  return roles;
}

Status IamClient::TagRole(const std::string& role_name, const TagList& tags) {
  QueryParams params;
  params.Add("RoleName", role_name);
  params.AddPairList("Tags", tags);
  return Call(*caller_, "TagRole", params);
}

Status IamClient::UntagRole(const std::string& role_name, const std::vector<std::string>& tag_keys) {
  QueryParams params;
  params.Add("RoleName", role_name);
  params.AddList("TagKeys", tag_keys);
  return Call(*caller_, "UntagRole", params);
}

Result<TagList> IamClient::ListRoleTags(const std::string& role_name) {
  QueryParams params;
  params.Add("RoleName", role_name);
  TagList tags;
  Status status = Pages("ListRoleTags", params, [&](pugi::xml_node page) {
    TagList page_tags = iam_wire::ReadTags(page);
    tags.insert(tags.end(), page_tags.begin(), page_tags.end());
  });
  if (!status.ok()) return status.error();
  return tags;
}

Status IamClient::PutRolePolicy(const std::string& role_name, const InlinePolicy& policy) {
  QueryParams params;
  params.Add("RoleName", role_name);
  params.Add("PolicyName", policy.policy_name);
  params.Add("PolicyDocument", policy.policy_document);
  return Call(*caller_, "PutRolePolicy", params);
}

Result<InlinePolicy> IamClient::GetRolePolicy(const std::string& role_name,
                                              const std::string& policy_name) {
  QueryParams params;
  params.Add("RoleName", role_name);
  params.Add("PolicyName", policy_name);
  Result<XmlResult> result = caller_->CallQuery("GetRolePolicy", params);
  if (!result.ok()) return result.error();
  return InlinePolicy{ChildText(result->node, "PolicyName"),
                      DecodePolicyDocument(ChildText(result->node, "PolicyDocument"))};
}

Status IamClient::DeleteRolePolicy(const std::string& role_name, const std::string& policy_name) {
  QueryParams params;
  params.Add("RoleName", role_name);
  params.Add("PolicyName", policy_name);
  return Call(*caller_, "DeleteRolePolicy", params);
}

Result<std::vector<std::string>> IamClient::ListRolePolicies(const std::string& role_name) {
  QueryParams params;
  params.Add("RoleName", role_name);
  std::vector<std::string> names;
  Status status = Pages("ListRolePolicies", params, [&](pugi::xml_node page) {
    for (std::string& name : MemberTexts(page, "PolicyNames")) names.push_back(std::move(name));
  });
  if (!status.ok()) return status.error();
  return names;
}

Status IamClient::AttachRolePolicy(const std::string& role_name, const std::string& policy_arn) {
  QueryParams params;
  params.Add("RoleName", role_name);
  params.Add("PolicyArn", policy_arn);
  return Call(*caller_, "AttachRolePolicy", params);
}

Status IamClient::DetachRolePolicy(const std::string& role_name, const std::string& policy_arn) {
  QueryParams params;
  params.Add("RoleName", role_name);
  params.Add("PolicyArn", policy_arn);
  return Call(*caller_, "DetachRolePolicy", params);
}

Result<std::vector<AttachedPolicy>> IamClient::ListAttachedRolePolicies(const std::string& role_name) {
  QueryParams params;
  params.Add("RoleName", role_name);
  std::vector<AttachedPolicy> policies;
  Status status =
      Pages("ListAttachedRolePolicies", params, [&](pugi::xml_node page) {
        for (AttachedPolicy& policy : iam_wire::ReadAttachedPolicies(Child(page, "AttachedPolicies"))) {
          policies.push_back(std::move(policy));
        }
      });
  if (!status.ok()) return status.error();
  return policies;
}

}  // namespace foyer::aws
