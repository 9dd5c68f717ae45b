#include "aws/organizations.h"

#include "aws/json_pages.h"
#include "aws/json_protocol.h"
#include "aws/organizations_json.h"
#include "aws/service_call.h"

namespace foyer::aws {
namespace {

namespace oj = organizations_json;
using nlohmann::json;

const ServiceDescription& Organizations() {
  static const ServiceDescription kOrganizations = {
      .name = "Organizations",
      .endpoint_prefix = "organizations",
      .protocol = Protocol::kJson,
      .json_target_prefix = "AWSOrganizationsV20161128",
      .json_version = "1.1"};
  return kOrganizations;
}

// Reads every item of a list with `read`.
template <typename T, typename Reader>
Result<std::vector<T>> ReadAll(Result<std::vector<json>> items, Reader read) {
  if (!items.ok()) return items.error();
  std::vector<T> values;
  values.reserve(items->size());
  for (const json& item : *items) values.push_back(read(item));
  return values;
}

const json& Member(const json& object, const char* key) {
  static const json kEmpty = json::object();
  auto it = object.find(key);
  return it == object.end() ? kEmpty : *it;
}

}  // namespace

OrganizationsClient::OrganizationsClient(ClientConfig config, std::optional<int> page_size)
    : caller_(std::make_unique<ServiceCaller>(std::move(config), Organizations())),
      page_size_(page_size) {}
OrganizationsClient::~OrganizationsClient() = default;
OrganizationsClient::OrganizationsClient(OrganizationsClient&&) noexcept = default;
OrganizationsClient& OrganizationsClient::operator=(OrganizationsClient&&) noexcept = default;

Result<std::vector<json>> OrganizationsClient::ListAll(const std::string& operation, json input,
                                                  const std::string& list_key) {
  return ListAllJsonPages(*caller_, operation, input, list_key, page_size_);
}

Result<Organization> OrganizationsClient::CreateOrganization() {
  Result<json> result = caller_->CallJson("CreateOrganization", {{"FeatureSet", "ALL"}});
  if (!result.ok()) return result.error();
  return oj::ReadOrganization(Member(*result, "Organization"));
}

Result<Organization> OrganizationsClient::DescribeOrganization() {
  Result<json> result = caller_->CallJson("DescribeOrganization", json::object());
  if (!result.ok()) return result.error();
  return oj::ReadOrganization(Member(*result, "Organization"));
}

Result<std::vector<Root>> OrganizationsClient::ListRoots() {
  return ReadAll<Root>(ListAll("ListRoots", json::object(), "Roots"), oj::ReadRoot);
}

Result<Root> OrganizationsClient::EnablePolicyType(const std::string& root_id,
                                                   const std::string& policy_type) {
  Result<json> result =
      caller_->CallJson("EnablePolicyType", {{"RootId", root_id}, {"PolicyType", policy_type}});
  if (!result.ok()) return result.error();
  return oj::ReadRoot(Member(*result, "Root"));
}

Result<OrganizationalUnit> OrganizationsClient::CreateOrganizationalUnit(
    const std::string& parent_id, const std::string& name, const TagList& tags) {
  json input = {{"ParentId", parent_id}, {"Name", name}};
  if (!tags.empty()) input["Tags"] = oj::WriteTags(tags);
  Result<json> result = caller_->CallJson("CreateOrganizationalUnit", input);
  if (!result.ok()) return result.error();
  return oj::ReadOrganizationalUnit(Member(*result, "OrganizationalUnit"));
}

Result<std::vector<OrganizationalUnit>> OrganizationsClient::ListOrganizationalUnitsForParent(
    const std::string& parent_id) {
  return ReadAll<OrganizationalUnit>(
      ListAll("ListOrganizationalUnitsForParent", {{"ParentId", parent_id}}, "OrganizationalUnits"),
      oj::ReadOrganizationalUnit);
}

Result<std::vector<OrgNode>> OrganizationsClient::ListParents(const std::string& child_id) {
  return ReadAll<OrgNode>(ListAll("ListParents", {{"ChildId", child_id}}, "Parents"), oj::ReadOrgNode);
}

Result<std::vector<OrgNode>> OrganizationsClient::ListChildren(const std::string& parent_id,
                                                               const std::string& child_type) {
  return ReadAll<OrgNode>(
      ListAll("ListChildren", {{"ParentId", parent_id}, {"ChildType", child_type}}, "Children"),
      oj::ReadOrgNode);
}

Result<CreateAccountStatus> OrganizationsClient::CreateAccount(const CreateAccountRequest& request) {
  json input = {{"Email", request.email}, {"AccountName", request.account_name}};
  if (!request.role_name.empty()) input["RoleName"] = request.role_name;
  if (!request.iam_user_access_to_billing.empty()) {
    input["IamUserAccessToBilling"] = request.iam_user_access_to_billing;
  }
  if (!request.tags.empty()) input["Tags"] = oj::WriteTags(request.tags);
  Result<json> result = caller_->CallJson("CreateAccount", input);
  if (!result.ok()) return result.error();
  return oj::ReadCreateAccountStatus(Member(*result, "CreateAccountStatus"));
}

Result<CreateAccountStatus> OrganizationsClient::DescribeCreateAccountStatus(
    const std::string& request_id) {
  Result<json> result =
      caller_->CallJson("DescribeCreateAccountStatus", {{"CreateAccountRequestId", request_id}});
  if (!result.ok()) return result.error();
  return oj::ReadCreateAccountStatus(Member(*result, "CreateAccountStatus"));
}

Result<std::vector<CreateAccountStatus>> OrganizationsClient::ListCreateAccountStatus(
    const std::vector<std::string>& states) {
  json input = json::object();
  if (!states.empty()) input["States"] = states;
  return ReadAll<CreateAccountStatus>(
      ListAll("ListCreateAccountStatus", std::move(input), "CreateAccountStatuses"),
      oj::ReadCreateAccountStatus);
}

Result<std::vector<Account>> OrganizationsClient::ListAccounts() {
  return ReadAll<Account>(ListAll("ListAccounts", json::object(), "Accounts"), oj::ReadAccount);
}

Result<std::vector<Account>> OrganizationsClient::ListAccountsForParent(const std::string& parent_id) {
  return ReadAll<Account>(ListAll("ListAccountsForParent", {{"ParentId", parent_id}}, "Accounts"),
                          oj::ReadAccount);
}

Result<Account> OrganizationsClient::DescribeAccount(const std::string& account_id) {
  Result<json> result = caller_->CallJson("DescribeAccount", {{"AccountId", account_id}});
  if (!result.ok()) return result.error();
  return oj::ReadAccount(Member(*result, "Account"));
}

Status OrganizationsClient::MoveAccount(const std::string& account_id,
                                        const std::string& source_parent_id,
                                        const std::string& destination_parent_id) {
  Result<json> result = caller_->CallJson("MoveAccount", {{"AccountId", account_id},
                                                          {"SourceParentId", source_parent_id},
                                                          {"DestinationParentId", destination_parent_id}});
  if (!result.ok()) return result.error();
  return OkStatus();
}

Status OrganizationsClient::CloseAccount(const std::string& account_id) {
  Result<json> result = caller_->CallJson("CloseAccount", {{"AccountId", account_id}});
  if (!result.ok()) return result.error();
  return OkStatus();
}

Status OrganizationsClient::TagResource(const std::string& resource_id, const TagList& tags) {
  Result<json> result =
      caller_->CallJson("TagResource", {{"ResourceId", resource_id}, {"Tags", oj::WriteTags(tags)}});
  if (!result.ok()) return result.error();
  return OkStatus();
}

Status OrganizationsClient::UntagResource(const std::string& resource_id,
                                          const std::vector<std::string>& tag_keys) {
  Result<json> result =
      caller_->CallJson("UntagResource", {{"ResourceId", resource_id}, {"TagKeys", tag_keys}});
  if (!result.ok()) return result.error();
  return OkStatus();
}

Result<TagList> OrganizationsClient::ListTagsForResource(const std::string& resource_id) {
  Result<std::vector<json>> items =
      ListAll("ListTagsForResource", {{"ResourceId", resource_id}}, "Tags");
  if (!items.ok()) return items.error();
  return oj::ReadTags(json(*items));
}

Result<OrgPolicy> OrganizationsClient::CreatePolicy(const CreateOrgPolicyRequest& request) {
  json input = {{"Name", request.name},
                {"Description", request.description},
                {"Type", request.type},
                {"Content", request.content}};
  if (!request.tags.empty()) input["Tags"] = oj::WriteTags(request.tags);
  Result<json> result = caller_->CallJson("CreatePolicy", input);
  if (!result.ok()) return result.error();
  return oj::ReadPolicy(Member(*result, "Policy"));
}

Result<OrgPolicy> OrganizationsClient::UpdatePolicy(const UpdateOrgPolicyRequest& request) {
  json input = {{"PolicyId", request.policy_id}};
  if (!request.name.empty()) input["Name"] = request.name;
  if (!request.description.empty()) input["Description"] = request.description;
  if (!request.content.empty()) input["Content"] = request.content;
  Result<json> result = caller_->CallJson("UpdatePolicy", input);
  if (!result.ok()) return result.error();
  return oj::ReadPolicy(Member(*result, "Policy"));
}

Result<OrgPolicy> OrganizationsClient::DescribePolicy(const std::string& policy_id) {
  Result<json> result = caller_->CallJson("DescribePolicy", {{"PolicyId", policy_id}});
  if (!result.ok()) return result.error();
  return oj::ReadPolicy(Member(*result, "Policy"));
}

Result<std::vector<OrgPolicySummary>> OrganizationsClient::ListPolicies(const std::string& filter) {
  return ReadAll<OrgPolicySummary>(ListAll("ListPolicies", {{"Filter", filter}}, "Policies"),
                                   oj::ReadPolicySummary);
}

Status OrganizationsClient::AttachPolicy(const std::string& policy_id, const std::string& target_id) {
  Result<json> result =
      caller_->CallJson("AttachPolicy", {{"PolicyId", policy_id}, {"TargetId", target_id}});
  if (!result.ok()) return result.error();
  return OkStatus();
}

Status OrganizationsClient::DetachPolicy(const std::string& policy_id, const std::string& target_id) {
  Result<json> result =
      caller_->CallJson("DetachPolicy", {{"PolicyId", policy_id}, {"TargetId", target_id}});
  if (!result.ok()) return result.error();
  return OkStatus();
}

Status OrganizationsClient::DeletePolicy(const std::string& policy_id) {
  Result<json> result = caller_->CallJson("DeletePolicy", {{"PolicyId", policy_id}});
  if (!result.ok()) return result.error();
  return OkStatus();
}

Status OrganizationsClient::EnableAWSServiceAccess(const std::string& service_principal) {
  Result<json> result =
      caller_->CallJson("EnableAWSServiceAccess", {{"ServicePrincipal", service_principal}});
  if (!result.ok()) return result.error();
  return OkStatus();
}

Result<std::vector<OrgPolicySummary>> OrganizationsClient::ListPoliciesForTarget(
    const std::string& target_id, const std::string& filter) {
  return ReadAll<OrgPolicySummary>(
      ListAll("ListPoliciesForTarget", {{"TargetId", target_id}, {"Filter", filter}}, "Policies"),
      oj::ReadPolicySummary);
}

Result<std::vector<PolicyTarget>> OrganizationsClient::ListTargetsForPolicy(
    const std::string& policy_id) {
  return ReadAll<PolicyTarget>(ListAll("ListTargetsForPolicy", {{"PolicyId", policy_id}}, "Targets"),
                               oj::ReadPolicyTarget);
}

Status OrganizationsClient::RegisterDelegatedAdministrator(const std::string& account_id,
                                                           const std::string& service_principal) {
  Result<json> result = caller_->CallJson(
      "RegisterDelegatedAdministrator",
      {{"AccountId", account_id}, {"ServicePrincipal", service_principal}});
  if (!result.ok()) return result.error();
  return OkStatus();
}

Result<std::vector<DelegatedAdministrator>> OrganizationsClient::ListDelegatedAdministrators(
    const std::string& service_principal) {
  json input = json::object();
  if (!service_principal.empty()) input["ServicePrincipal"] = service_principal;
  return ReadAll<DelegatedAdministrator>(
      ListAll("ListDelegatedAdministrators", input, "DelegatedAdministrators"),
      oj::ReadDelegatedAdministrator);
}

}  // namespace foyer::aws
