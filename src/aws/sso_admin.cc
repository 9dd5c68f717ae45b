#include "aws/sso_admin.h"

#include <utility>

#include "aws/json_protocol.h"
#include "aws/paginate.h"
#include "aws/service_call.h"

namespace foyer::aws {
namespace {

using nlohmann::json;

const ServiceDescription kSsoAdmin = {
    .name = "SSO Admin",
    .endpoint_prefix = "sso",
    .signing_name = "sso",
    .protocol = Protocol::kJson,
    .json_target_prefix = "SWBExternalService",
    .json_version = "1.1",
};

Status ToStatus(const Result<json>& result) {
  if (!result.ok()) return result.error();
  return OkStatus();
}

json Target(const std::string& instance_arn, const std::string& arn) {
  return {{"InstanceArn", instance_arn}, {"PermissionSetArn", arn}};
}

}  // namespace

SsoAdminClient::SsoAdminClient(ClientConfig config)
    : caller_(std::make_unique<ServiceCaller>(std::move(config), kSsoAdmin)) {}
SsoAdminClient::~SsoAdminClient() = default;
SsoAdminClient::SsoAdminClient(SsoAdminClient&&) noexcept = default;

Result<std::vector<json>> SsoAdminClient::ListAll(const std::string& operation, json input,
                                                  const std::string& list_key) {
  std::vector<json> items;
  Status status = ForEachPage([&](const std::string& token) -> Result<std::string> {
    json page_input = input;
    if (!token.empty()) page_input["NextToken"] = token;
    Result<json> page = caller_->CallJson(operation, page_input);
    if (!page.ok()) return page.error();
    for (const json& item : JsonArray(*page, list_key)) items.push_back(item);
    return JsonString(*page, "NextToken");
  });
  if (!status.ok()) return status.error();
  return items;
}

Result<std::vector<SsoInstance>> SsoAdminClient::ListInstances() {
  auto items = ListAll("ListInstances", json::object(), "Instances");
  if (!items.ok()) return items.error();
  std::vector<SsoInstance> instances;
  for (const json& item : *items) {
    instances.push_back({JsonString(item, "InstanceArn"), JsonString(item, "IdentityStoreId"),
                         JsonString(item, "OwnerAccountId")});
  }
  return instances;
}

Result<std::vector<std::string>> SsoAdminClient::ListPermissionSets(const std::string& instance_arn) {
  auto items = ListAll("ListPermissionSets", {{"InstanceArn", instance_arn}}, "PermissionSets");
  if (!items.ok()) return items.error();
  std::vector<std::string> arns;
  for (const json& item : *items) {
    if (item.is_string()) arns.push_back(item.get<std::string>());
  }
  return arns;
}

Result<PermissionSet> SsoAdminClient::DescribePermissionSet(const std::string& instance_arn,
                                                            const std::string& arn) {
  Result<json> result = caller_->CallJson("DescribePermissionSet", Target(instance_arn, arn));
  if (!result.ok()) return result.error();
  const json& set = JsonObject(*result, "PermissionSet");
  return PermissionSet{JsonString(set, "PermissionSetArn"), JsonString(set, "Name"),
                       JsonString(set, "Description"), JsonString(set, "SessionDuration")};
}

Result<std::string> SsoAdminClient::CreatePermissionSet(const CreatePermissionSetRequest& request) {
  json input = {{"InstanceArn", request.instance_arn},
                {"Name", request.name},
                {"Description", request.description},
                {"SessionDuration", request.session_duration}};
  if (!request.tags.empty()) {
    input["Tags"] = json::array();
    for (const auto& [key, value] : request.tags) input["Tags"].push_back({{"Key", key}, {"Value", value}});
  }
  Result<json> result = caller_->CallJson("CreatePermissionSet", input);
  if (!result.ok()) return result.error();
  std::string arn = JsonString(JsonObject(*result, "PermissionSet"), "PermissionSetArn");
  if (arn.empty()) return MakeError("ParseError", "SSO Admin CreatePermissionSet returned no PermissionSetArn");
  return arn;
}

Status SsoAdminClient::UpdatePermissionSet(const std::string& instance_arn, const std::string& arn,
                                           const std::string& description, const std::string& session_duration) {
  json input = Target(instance_arn, arn);
  input["Description"] = description;
  input["SessionDuration"] = session_duration;
  return ToStatus(caller_->CallJson("UpdatePermissionSet", input));
}

Status SsoAdminClient::DeletePermissionSet(const std::string& instance_arn, const std::string& arn) {
  return ToStatus(caller_->CallJson("DeletePermissionSet", Target(instance_arn, arn)));
}

Result<std::string> SsoAdminClient::GetInlinePolicy(const std::string& instance_arn, const std::string& arn) {
  Result<json> result = caller_->CallJson("GetInlinePolicyForPermissionSet", Target(instance_arn, arn));
  if (!result.ok()) return result.error();
  return JsonString(*result, "InlinePolicy");
}

Status SsoAdminClient::PutInlinePolicy(const std::string& instance_arn, const std::string& arn,
                                       const std::string& policy) {
  json input = Target(instance_arn, arn);
  input["InlinePolicy"] = policy;
  return ToStatus(caller_->CallJson("PutInlinePolicyToPermissionSet", input));
}

Status SsoAdminClient::ProvisionPermissionSet(const std::string& instance_arn, const std::string& arn) {
  json input = Target(instance_arn, arn);
  input["TargetType"] = "ALL_PROVISIONED_ACCOUNTS";
  return ToStatus(caller_->CallJson("ProvisionPermissionSet", input));
}

Result<std::vector<std::string>> SsoAdminClient::ListAccountsForProvisionedPermissionSet(
    const std::string& instance_arn, const std::string& arn) {
  auto items = ListAll("ListAccountsForProvisionedPermissionSet", Target(instance_arn, arn), "AccountIds");
  if (!items.ok()) return items.error();
  std::vector<std::string> accounts;
  for (const json& item : *items) {
    if (item.is_string()) accounts.push_back(item.get<std::string>());
  }
  return accounts;
}

Result<std::vector<AccountAssignment>> SsoAdminClient::ListAccountAssignments(
    const std::string& instance_arn, const std::string& account_id, const std::string& permission_set_arn) {
  json input = Target(instance_arn, permission_set_arn);
  input["AccountId"] = account_id;
  auto items = ListAll("ListAccountAssignments", input, "AccountAssignments");
  if (!items.ok()) return items.error();
  std::vector<AccountAssignment> assignments;
  for (const json& item : *items) {
    assignments.push_back({JsonString(item, "AccountId"), JsonString(item, "PermissionSetArn"),
                           JsonString(item, "PrincipalType"), JsonString(item, "PrincipalId")});
  }
  return assignments;
}

Status SsoAdminClient::Assignment(const std::string& operation, const std::string& instance_arn,
                                  const AccountAssignment& assignment) {
  json input = Target(instance_arn, assignment.permission_set_arn);
  input["TargetId"] = assignment.account_id;
  input["TargetType"] = "AWS_ACCOUNT";
  input["PrincipalType"] = assignment.principal_type;
  input["PrincipalId"] = assignment.principal_id;
  return ToStatus(caller_->CallJson(operation, input));
}

Status SsoAdminClient::CreateAccountAssignment(const std::string& instance_arn,
                                               const AccountAssignment& assignment) {
  return Assignment("CreateAccountAssignment", instance_arn, assignment);
}

Status SsoAdminClient::DeleteAccountAssignment(const std::string& instance_arn,
                                               const AccountAssignment& assignment) {
  return Assignment("DeleteAccountAssignment", instance_arn, assignment);
}

}  // namespace foyer::aws
