#include "aws/organizations_json.h"

#include "aws/json_protocol.h"

namespace foyer::aws::organizations_json {
namespace {

const nlohmann::json& Object(const nlohmann::json& parent, std::string_view key) {
  static const nlohmann::json kEmpty = nlohmann::json::object();
  if (!parent.is_object()) return kEmpty;
  auto it = parent.find(key);
  return it != parent.end() && it->is_object() ? *it : kEmpty;
}

}  // namespace

Organization ReadOrganization(const nlohmann::json& object) {
  return {JsonString(object, "Id"),
          JsonString(object, "Arn"),
          JsonString(object, "FeatureSet"),
          JsonString(object, "MasterAccountArn"),
          JsonString(object, "MasterAccountId"),
          JsonString(object, "MasterAccountEmail")};
}

Root ReadRoot(const nlohmann::json& object) {
  Root root{JsonString(object, "Id"), JsonString(object, "Arn"), JsonString(object, "Name"), {}};
  for (const nlohmann::json& type : JsonArray(object, "PolicyTypes")) {
    root.policy_types.push_back({JsonString(type, "Type"), JsonString(type, "Status")});
  }
  return root;
}

OrganizationalUnit ReadOrganizationalUnit(const nlohmann::json& object) {
  return {JsonString(object, "Id"), JsonString(object, "Arn"), JsonString(object, "Name")};
}

OrgNode ReadOrgNode(const nlohmann::json& object) {
  return {JsonString(object, "Id"), JsonString(object, "Type")};
}

Account ReadAccount(const nlohmann::json& object) {
  return {JsonString(object, "Id"),
          JsonString(object, "Arn"),
          JsonString(object, "Email"),
          JsonString(object, "Name"),
          JsonString(object, "Status"),
          JsonString(object, "JoinedMethod"),
          JsonTimestamp(object, "JoinedTimestamp")};
}

CreateAccountStatus ReadCreateAccountStatus(const nlohmann::json& object) {
  return {JsonString(object, "Id"),
          JsonString(object, "AccountName"),
          JsonString(object, "State"),
          JsonString(object, "AccountId"),
          JsonString(object, "FailureReason"),
          JsonTimestamp(object, "RequestedTimestamp"),
          JsonTimestamp(object, "CompletedTimestamp")};
}

OrgPolicySummary ReadPolicySummary(const nlohmann::json& object) {
  return {JsonString(object, "Id"),          JsonString(object, "Arn"),
          JsonString(object, "Name"),        JsonString(object, "Description"),
          JsonString(object, "Type"),        JsonBool(object, "AwsManaged")};
}

OrgPolicy ReadPolicy(const nlohmann::json& object) {
  return {ReadPolicySummary(Object(object, "PolicySummary")), JsonString(object, "Content")};
}

PolicyTarget ReadPolicyTarget(const nlohmann::json& object) {
  return {JsonString(object, "TargetId"), JsonString(object, "Arn"), JsonString(object, "Name"),
          JsonString(object, "Type")};
}

DelegatedAdministrator ReadDelegatedAdministrator(const nlohmann::json& object) {
  return {ReadAccount(object), JsonTimestamp(object, "DelegationEnabledDate")};
}

TagList ReadTags(const nlohmann::json& array) {
  TagList tags;
  if (!array.is_array()) return tags;
  for (const nlohmann::json& tag : array) tags.emplace_back(JsonString(tag, "Key"), JsonString(tag, "Value"));
  return tags;
}

nlohmann::json WriteTags(const TagList& tags) {
  nlohmann::json array = nlohmann::json::array();
  for (const auto& [key, value] : tags) array.push_back({{"Key", key}, {"Value", value}});
  return array;
}

}  // namespace foyer::aws::organizations_json
