#include "aws/iam_wire.h"

#include "aws/iam_document.h"
#include "aws/paginate.h"

namespace foyer::aws::iam_wire {
namespace {

std::optional<int> ChildIntOrNone(pugi::xml_node parent, std::string_view name) {
  std::optional<long long> value = ChildInt(parent, name);
  if (!value.has_value()) return std::nullopt;
  return static_cast<int>(*value);
}

}  // namespace

const ServiceDescription& Iam() {
  static const ServiceDescription kIam = {.name = "IAM",
                                          .endpoint_prefix = "iam",
                                          .protocol = Protocol::kQuery,
                                          .api_version = "2010-05-08"};
  return kIam;
}

TagList ReadTags(pugi::xml_node parent, std::string_view name) {
  TagList tags;
  for (pugi::xml_node member : Members(Child(parent, name))) {
    tags.emplace_back(ChildText(member, "Key"), ChildText(member, "Value"));
  }
  return tags;
}

IamRole ReadRole(pugi::xml_node node) {
  IamRole role;
  role.path = ChildText(node, "Path");
  role.role_name = ChildText(node, "RoleName");
  role.role_id = ChildText(node, "RoleId");
  role.arn = ChildText(node, "Arn");
  role.create_date = ChildTime(node, "CreateDate");
  role.assume_role_policy_document = DecodePolicyDocument(ChildText(node, "AssumeRolePolicyDocument"));
  role.description = ChildText(node, "Description");
  role.max_session_duration = ChildIntOrNone(node, "MaxSessionDuration");
  role.permissions_boundary_arn =
      ChildText(Child(node, "PermissionsBoundary"), "PermissionsBoundaryArn");
  role.tags = ReadTags(node);
  pugi::xml_node last_used = Child(node, "RoleLastUsed");
  role.last_used_date = ChildTime(last_used, "LastUsedDate");
  role.last_used_region = ChildText(last_used, "Region");
  return role;
}

IamUser ReadUser(pugi::xml_node node) {
  IamUser user;
  user.path = ChildText(node, "Path");
  user.user_name = ChildText(node, "UserName");
  user.user_id = ChildText(node, "UserId");
  user.arn = ChildText(node, "Arn");
  user.create_date = ChildTime(node, "CreateDate");
  user.permissions_boundary_arn =
      ChildText(Child(node, "PermissionsBoundary"), "PermissionsBoundaryArn");
  user.tags = ReadTags(node);
  return user;
}

ManagedPolicy ReadManagedPolicy(pugi::xml_node node) {
  ManagedPolicy policy;
  policy.policy_name = ChildText(node, "PolicyName");
  policy.policy_id = ChildText(node, "PolicyId");
  policy.arn = ChildText(node, "Arn");
  policy.path = ChildText(node, "Path");
  policy.default_version_id = ChildText(node, "DefaultVersionId");
  policy.description = ChildText(node, "Description");
  policy.attachment_count = ChildIntOrNone(node, "AttachmentCount").value_or(0);
  policy.is_attachable = ChildBool(node, "IsAttachable");
  policy.create_date = ChildTime(node, "CreateDate");
  policy.update_date = ChildTime(node, "UpdateDate");
  policy.tags = ReadTags(node);
  return policy;
}

PolicyVersion ReadPolicyVersion(pugi::xml_node node) {
  PolicyVersion version;
  version.document = DecodePolicyDocument(ChildText(node, "Document"));
  version.version_id = ChildText(node, "VersionId");
  version.is_default_version = ChildBool(node, "IsDefaultVersion");
  version.create_date = ChildTime(node, "CreateDate");
  return version;
}

AccessKey ReadAccessKey(pugi::xml_node node) {
  AccessKey key;
  key.user_name = ChildText(node, "UserName");
  key.access_key_id = ChildText(node, "AccessKeyId");
  key.status = ChildText(node, "Status");
  key.secret_access_key = ChildText(node, "SecretAccessKey");
  key.create_date = ChildTime(node, "CreateDate");
  return key;
}

std::vector<AttachedPolicy> ReadAttachedPolicies(pugi::xml_node list) {
  std::vector<AttachedPolicy> policies;
  for (pugi::xml_node member : Members(list)) {
    policies.push_back({ChildText(member, "PolicyName"), ChildText(member, "PolicyArn")});
  }
  return policies;
}

std::vector<InlinePolicy> ReadInlinePolicies(pugi::xml_node list) {
  std::vector<InlinePolicy> policies;
  for (pugi::xml_node member : Members(list)) {
    policies.push_back(
        {ChildText(member, "PolicyName"), DecodePolicyDocument(ChildText(member, "PolicyDocument"))});
  }
  return policies;
}

RoleDetail ReadRoleDetail(pugi::xml_node node) {
  return {ReadRole(node), ReadInlinePolicies(Child(node, "RolePolicyList")),
          ReadAttachedPolicies(Child(node, "AttachedManagedPolicies"))};
}

UserDetail ReadUserDetail(pugi::xml_node node) {
  return {ReadUser(node), MemberTexts(node, "GroupList"),
          ReadInlinePolicies(Child(node, "UserPolicyList")),
          ReadAttachedPolicies(Child(node, "AttachedManagedPolicies"))};
}

GroupDetail ReadGroupDetail(pugi::xml_node node) {
  return {ChildText(node, "GroupName"), ChildText(node, "Arn"), ReadInlinePolicies(Child(node, "GroupPolicyList")),
          ReadAttachedPolicies(Child(node, "AttachedManagedPolicies"))};
}

PolicyDetail ReadPolicyDetail(pugi::xml_node node) {
  PolicyDetail detail;
  detail.policy = ReadManagedPolicy(node);
  // The name is the ARN's last segment; moto leaves PolicyName out here.
  if (detail.policy.policy_name.empty()) {
    detail.policy.policy_name = detail.policy.arn.substr(detail.policy.arn.rfind('/') + 1);
  }
  for (pugi::xml_node member : Members(Child(node, "PolicyVersionList"))) {
    detail.versions.push_back(ReadPolicyVersion(member));
    if (detail.versions.back().is_default_version) {
      detail.default_version_document = detail.versions.back().document;
    }
  }
  return detail;
}

Status Call(ServiceCaller& caller, std::string_view action, const QueryParams& params) {
  Result<XmlResult> result = caller.CallQuery(action, params);
  if (!result.ok()) return result.error();
  return OkStatus();
}

Status ForEachResultPage(ServiceCaller& caller, std::string_view action, const QueryParams& params,
                         const std::function<void(pugi::xml_node)>& on_page) {
  return ForEachPage([&](const std::string& marker) -> Result<std::string> {
    QueryParams page_params = params;
    page_params.AddIfNotEmpty("Marker", marker);
    Result<XmlResult> page = caller.CallQuery(action, page_params);
    if (!page.ok()) return page.error();
    on_page(page->node);
    return ChildBool(page->node, "IsTruncated") ? ChildText(page->node, "Marker") : std::string();
  });
}

}  // namespace foyer::aws::iam_wire
