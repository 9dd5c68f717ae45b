#include "aws/sso_admin.h"

#include <utility>

#include "aws/json_pages.h"
#include "aws/json_protocol.h"
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

// An asynchronous operation: how its status is described and asked for again.
struct SsoAsyncOperation {
  const char* name;
  const char* status_key;          // the status object in both answers
  const char* describe;            // the operation that reads the status again
  const char* request_id_field;    // its request id parameter
  const char* doing;               // for errors: "<doing> <what it acts on>"
};

namespace {

const SsoAsyncOperation kProvision = {"ProvisionPermissionSet", "PermissionSetProvisioningStatus",
                                                   "DescribePermissionSetProvisioningStatus",
                                                   "ProvisionPermissionSetRequestId", "provisioning"};
const SsoAsyncOperation kCreateAssignment = {
    "CreateAccountAssignment", "AccountAssignmentCreationStatus", "DescribeAccountAssignmentCreationStatus",
    "AccountAssignmentCreationRequestId", "assigning"};
const SsoAsyncOperation kDeleteAssignment = {
    "DeleteAccountAssignment", "AccountAssignmentDeletionStatus", "DescribeAccountAssignmentDeletionStatus",
    "AccountAssignmentDeletionRequestId", "unassigning"};

std::string Describe(const AccountAssignment& assignment) {
  return "permission set " + assignment.permission_set_arn + " for " + assignment.principal_type + " " +
         assignment.principal_id + " in account " + assignment.account_id;
}

}  // namespace

PollSchedule SsoRequestSchedule() {
  return {std::chrono::milliseconds(500), std::chrono::seconds(5), std::chrono::minutes(5), {}};
}

SsoAdminClient::SsoAdminClient(ClientConfig config) : SsoAdminClient(std::move(config), SsoRequestSchedule()) {}
SsoAdminClient::SsoAdminClient(ClientConfig config, PollSchedule schedule)
    : caller_(std::make_unique<ServiceCaller>(std::move(config), kSsoAdmin)), schedule_(std::move(schedule)) {}
SsoAdminClient::~SsoAdminClient() = default;
SsoAdminClient::SsoAdminClient(SsoAdminClient&&) noexcept = default;

Result<std::vector<json>> SsoAdminClient::ListAll(const std::string& operation, json input,
                                                  const std::string& list_key) {
  return ListAllJsonPages(*caller_, operation, input, list_key);
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
  Result<json> result = caller_->CallJson(kProvision.name, input);
  if (!result.ok()) return result.error();
  return AwaitRequest(kProvision, instance_arn, JsonObject(*result, kProvision.status_key),
                      "permission set " + arn);
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

Status SsoAdminClient::Assignment(const SsoAsyncOperation& operation, const std::string& instance_arn,
                                  const AccountAssignment& assignment) {
  json input = Target(instance_arn, assignment.permission_set_arn);
  input["TargetId"] = assignment.account_id;
  input["TargetType"] = "AWS_ACCOUNT";
  input["PrincipalType"] = assignment.principal_type;
  input["PrincipalId"] = assignment.principal_id;
  Result<json> result = caller_->CallJson(operation.name, input);
  if (!result.ok()) return result.error();
  return AwaitRequest(operation, instance_arn, JsonObject(*result, operation.status_key), Describe(assignment));
}

Status SsoAdminClient::AwaitRequest(const SsoAsyncOperation& operation, const std::string& instance_arn,
                                    const json& first, const std::string& subject) {
  using std::chrono::milliseconds;
  const std::string what = std::string(operation.doing) + " " + subject;
  const std::string request_id = JsonString(first, "RequestId");
  bool asked = false;
  auto finished = PollWithBackoff<bool>(
      schedule_,
      [&](milliseconds) -> Result<std::optional<bool>> {
        json status = first;
        if (asked) {
          Result<json> answer = caller_->CallJson(
              operation.describe, {{"InstanceArn", instance_arn}, {operation.request_id_field, request_id}});
          if (!answer.ok()) return answer.error();
          status = JsonObject(*answer, operation.status_key);
        }
        asked = true;
        const std::string state = JsonString(status, "Status");
        if (state == "FAILED") {
          return MakeError("IdentityCenterRequestFailed",
                           "IAM Identity Center failed " + what + " (request " + request_id + "): " +
                               JsonString(status, "FailureReason") + "; fix the cause and run apply again");
        }
        // Without a request id there is nothing to wait on.
        if (state != "IN_PROGRESS" || request_id.empty()) return std::optional<bool>(true);
        return std::optional<bool>();
      },
      [&](milliseconds waited) {
        return MakeError("IdentityCenterRequestStuck",
                         "IAM Identity Center is still " + what + " after " +
                             std::to_string(std::chrono::duration_cast<std::chrono::seconds>(waited).count()) +
                             "s (request " + request_id + "); run apply again once it has finished");
      });
  if (!finished.ok()) return finished.error();
  return OkStatus();
}

Status SsoAdminClient::CreateAccountAssignment(const std::string& instance_arn,
                                               const AccountAssignment& assignment) {
  return Assignment(kCreateAssignment, instance_arn, assignment);
}

Status SsoAdminClient::DeleteAccountAssignment(const std::string& instance_arn,
                                               const AccountAssignment& assignment) {
  return Assignment(kDeleteAssignment, instance_arn, assignment);
}

}  // namespace foyer::aws
