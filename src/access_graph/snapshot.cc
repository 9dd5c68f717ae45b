#include "access_graph/snapshot.h"

#include <fstream>
#include <sstream>

#include "base/time_format.h"
#include "iam/policy_parser.h"

namespace foyer::access_graph {
namespace {

using nlohmann::json;

Error Invalid(const std::string& where, const std::string& why) {
  return MakeError("InvalidSnapshot", "snapshot " + where + ": " + why);
}

Result<std::string> ReadString(const json& object, const char* key, const std::string& where, bool required) {
  auto it = object.find(key);
  if (it == object.end()) {
    if (required) return Invalid(where, std::string("missing \"") + key + "\"");
    return std::string();
  }
  if (!it->is_string()) return Invalid(where + "." + key, "expected a string");
  return it->get<std::string>();
}

Result<std::vector<std::string>> ReadStrings(const json& object, const char* key, const std::string& where) {
  std::vector<std::string> out;
  auto it = object.find(key);
  if (it == object.end()) return out;
  if (!it->is_array()) return Invalid(where + "." + key, "expected a list of strings");
  for (size_t i = 0; i < it->size(); ++i) {
    if (!(*it)[i].is_string()) return Invalid(where + "." + key + "[" + std::to_string(i) + "]", "expected a string");
    out.push_back((*it)[i].get<std::string>());
  }
  return out;
}

// A document, or {"name": N, "document": D}; `where` names it otherwise.
Result<iam::Policy> ReadPolicy(const json& value, const std::string& where) {
  if (value.is_object() && value.contains("document") && !value.contains("Statement")) {
    std::string name = value.contains("name") && value["name"].is_string() ? value["name"].get<std::string>() : where;
    Result<iam::Policy> policy = iam::ParsePolicyJson(value["document"], name);
    if (!policy.ok()) return Invalid(where, policy.error().message);
    return policy;
  }
  Result<iam::Policy> policy = iam::ParsePolicyJson(value, where);
  if (!policy.ok()) return Invalid(where, policy.error().message);
  return policy;
}

Result<std::vector<iam::Policy>> ReadPolicies(const json& object, const char* key, const std::string& where) {
  std::vector<iam::Policy> out;
  auto it = object.find(key);
  if (it == object.end()) return out;
  if (!it->is_array()) return Invalid(where + "." + key, "expected a list of policies");
  for (size_t i = 0; i < it->size(); ++i) {
    Result<iam::Policy> policy = ReadPolicy((*it)[i], where + "." + key + "[" + std::to_string(i) + "]");
    if (!policy.ok()) return policy.error();
    out.push_back(std::move(*policy));
  }
  return out;
}

// A policy that may be absent (or null): a boundary, a bucket or key policy.
Result<std::optional<iam::Policy>> ReadOptionalPolicy(const json& object, const char* key, const std::string& where) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::optional<iam::Policy>();
  Result<iam::Policy> policy = ReadPolicy(*it, where + "." + key);
  if (!policy.ok()) return policy.error();
  return std::optional<iam::Policy>(std::move(*policy));
}

// "arn:aws:iam::<account>:<kind>/..." naming an IAM entity of `account`.
Status CheckArn(const std::string& arn, const std::string& account, std::string_view kind, const std::string& where) {
  std::string prefix = ":iam::" + account + ":" + std::string(kind) + "/";
  if (!arn.starts_with("arn:") || arn.find(prefix) == std::string::npos) {
    return Invalid(where + ".arn", "\"" + arn + "\" is not an IAM " + std::string(kind) + " ARN of account " + account);
  }
  return OkStatus();
}

Result<SnapshotRole> ReadRole(const json& value, const std::string& account, const std::string& where) {
  if (!value.is_object()) return Invalid(where, "expected an object");
  SnapshotRole role;
  Result<std::string> arn = ReadString(value, "arn", where, true);
  if (!arn.ok()) return arn.error();
  role.arn = *arn;
  FOYER_RETURN_IF_ERROR(CheckArn(role.arn, account, "role", where));
  if (!value.contains("trust_policy")) return Invalid(where, "missing \"trust_policy\"");
  Result<iam::Policy> trust = ReadPolicy(value["trust_policy"], where + ".trust_policy");
  if (!trust.ok()) return trust.error();
  role.trust_policy = std::move(*trust);
  Result<std::vector<iam::Policy>> policies = ReadPolicies(value, "policies", where);
  if (!policies.ok()) return policies.error();
  role.policies = std::move(*policies);
  Result<std::optional<iam::Policy>> boundary = ReadOptionalPolicy(value, "permission_boundary", where);
  if (!boundary.ok()) return boundary.error();
  role.permission_boundary = std::move(*boundary);
  return role;
}

Result<std::optional<std::chrono::system_clock::time_point>> ReadTime(const json& object, const char* key,
                                                                     const std::string& where) {
  Result<std::string> text = ReadString(object, key, where, false);
  if (!text.ok()) return text.error();
  if (text->empty()) return std::optional<std::chrono::system_clock::time_point>();
  Result<SystemTime> time = ParseIso8601(*text);
  if (!time.ok()) return Invalid(where + "." + key, "\"" + *text + "\" is not an ISO 8601 time");
  return std::optional<std::chrono::system_clock::time_point>(*time);
}

Result<std::vector<SnapshotAccessKey>> ReadAccessKeys(const json& user, const std::string& where) {
  std::vector<SnapshotAccessKey> keys;
  auto it = user.find("access_keys");
  if (it == user.end()) return keys;
  if (!it->is_array()) return Invalid(where + ".access_keys", "expected a list");
  for (size_t i = 0; i < it->size(); ++i) {
    std::string at = where + ".access_keys[" + std::to_string(i) + "]";
    if (!(*it)[i].is_object()) return Invalid(at, "expected an object");
    SnapshotAccessKey key;
    Result<std::string> id = ReadString((*it)[i], "id", at, true);
    if (!id.ok()) return id.error();
    key.id = *id;
    Result<std::string> status = ReadString((*it)[i], "status", at, false);
    if (!status.ok()) return status.error();
    key.status = status->empty() ? "Active" : *status;
    Result<std::optional<std::chrono::system_clock::time_point>> created = ReadTime((*it)[i], "created", at);
    if (!created.ok()) return created.error();
    key.created = *created;
    keys.push_back(std::move(key));
  }
  return keys;
}

Result<SnapshotUser> ReadUser(const json& value, const std::string& account, const std::string& where) {
  if (!value.is_object()) return Invalid(where, "expected an object");
  SnapshotUser user;
  Result<std::string> arn = ReadString(value, "arn", where, true);
  if (!arn.ok()) return arn.error();
  user.arn = *arn;
  FOYER_RETURN_IF_ERROR(CheckArn(user.arn, account, "user", where));
  Result<std::vector<iam::Policy>> policies = ReadPolicies(value, "policies", where);
  if (!policies.ok()) return policies.error();
  user.policies = std::move(*policies);
  Result<std::optional<iam::Policy>> boundary = ReadOptionalPolicy(value, "permission_boundary", where);
  if (!boundary.ok()) return boundary.error();
  user.permission_boundary = std::move(*boundary);
  Result<std::vector<std::string>> groups = ReadStrings(value, "groups", where);
  if (!groups.ok()) return groups.error();
  user.groups = std::move(*groups);
  auto mfa = value.find("mfa");
  if (mfa != value.end() && !mfa->is_boolean()) return Invalid(where + ".mfa", "expected true or false");
  user.mfa = mfa != value.end() && mfa->get<bool>();
  Result<std::vector<SnapshotAccessKey>> keys = ReadAccessKeys(value, where);
  if (!keys.ok()) return keys.error();
  user.access_keys = std::move(*keys);
  return user;
}

Result<SnapshotGroup> ReadGroup(const json& value, const std::string& account, const std::string& where) {
  if (!value.is_object()) return Invalid(where, "expected an object");
  SnapshotGroup group;
  Result<std::string> name = ReadString(value, "name", where, true);
  if (!name.ok()) return name.error();
  group.name = *name;
  Result<std::string> arn = ReadString(value, "arn", where, true);
  if (!arn.ok()) return arn.error();
  group.arn = *arn;
  FOYER_RETURN_IF_ERROR(CheckArn(group.arn, account, "group", where));
  Result<std::vector<iam::Policy>> policies = ReadPolicies(value, "policies", where);
  if (!policies.ok()) return policies.error();
  group.policies = std::move(*policies);
  return group;
}

// Gives each user the policies of its groups, after its own, named after the
// group so that an explanation says where an allow came from.
Status AddGroupPolicies(SnapshotAccount& account, const std::string& where) {
  for (size_t i = 0; i < account.users.size(); ++i) {
    SnapshotUser& user = account.users[i];
    for (const std::string& name : user.groups) {
      auto group = std::find_if(account.groups.begin(), account.groups.end(),
                                [&](const SnapshotGroup& g) { return g.name == name; });
      if (group == account.groups.end()) {
        return Invalid(where + ".users[" + std::to_string(i) + "].groups",
                       "group \"" + name + "\" is not in " + where + ".groups");
      }
      for (iam::Policy policy : group->policies) {
        policy.name = "group " + name + ": " + policy.name;
        user.policies.push_back(std::move(policy));
      }
    }
  }
  return OkStatus();
}

Result<std::vector<SnapshotBucket>> ReadBuckets(const json& value, const std::string& where) {
  std::vector<SnapshotBucket> buckets;
  auto it = value.find("buckets");
  if (it == value.end()) return buckets;
  if (!it->is_array()) return Invalid(where + ".buckets", "expected a list");
  for (size_t i = 0; i < it->size(); ++i) {
    std::string at = where + ".buckets[" + std::to_string(i) + "]";
    if (!(*it)[i].is_object()) return Invalid(at, "expected an object");
    SnapshotBucket bucket;
    Result<std::string> name = ReadString((*it)[i], "name", at, true);
    if (!name.ok()) return name.error();
    bucket.name = *name;
    Result<std::optional<iam::Policy>> policy = ReadOptionalPolicy((*it)[i], "policy", at);
    if (!policy.ok()) return policy.error();
    bucket.policy = std::move(*policy);
    buckets.push_back(std::move(bucket));
  }
  return buckets;
}

Result<SnapshotKey> ReadKey(const json& value, const std::string& account, const std::string& where) {
  if (!value.is_object()) return Invalid(where, "expected an object");
  SnapshotKey key;
  Result<std::string> id = ReadString(value, "id", where, true);
  if (!id.ok()) return id.error();
  key.id = *id;
  Result<std::string> arn = ReadString(value, "arn", where, true);
  if (!arn.ok()) return arn.error();
  key.arn = *arn;
  // The ARN is the finding's resource, so it must name this key of this account.
  if (!key.arn.starts_with("arn:") || key.arn.find(":kms:") == std::string::npos ||
      !key.arn.ends_with(":" + account + ":key/" + key.id)) {
    return Invalid(where + ".arn", "\"" + key.arn + "\" is not the ARN of KMS key " + key.id + " of account " + account);
  }
  Result<std::optional<iam::Policy>> policy = ReadOptionalPolicy(value, "policy", where);
  if (!policy.ok()) return policy.error();
  key.policy = std::move(*policy);
  return key;
}

Result<std::vector<SnapshotKey>> ReadKeys(const json& value, const std::string& account, const std::string& where) {
  std::vector<SnapshotKey> keys;
  auto it = value.find("keys");
  if (it == value.end()) return keys;
  if (!it->is_array()) return Invalid(where + ".keys", "expected a list");
  for (size_t i = 0; i < it->size(); ++i) {
    Result<SnapshotKey> key = ReadKey((*it)[i], account, where + ".keys[" + std::to_string(i) + "]");
    if (!key.ok()) return key.error();
    keys.push_back(std::move(*key));
  }
  return keys;
}

Result<std::vector<SnapshotTrail>> ReadTrails(const json& value, const std::string& where) {
  std::vector<SnapshotTrail> trails;
  auto it = value.find("trails");
  if (it == value.end()) return trails;
  if (!it->is_array()) return Invalid(where + ".trails", "expected a list");
  for (size_t i = 0; i < it->size(); ++i) {
    std::string at = where + ".trails[" + std::to_string(i) + "]";
    if (!(*it)[i].is_object()) return Invalid(at, "expected an object");
    SnapshotTrail trail;
    Result<std::string> name = ReadString((*it)[i], "name", at, true);
    if (!name.ok()) return name.error();
    trail.name = *name;
    Result<std::string> arn = ReadString((*it)[i], "arn", at, false);
    if (!arn.ok()) return arn.error();
    trail.arn = *arn;
    auto organization = (*it)[i].find("organization_trail");
    trail.organization_trail = organization != (*it)[i].end() && organization->is_boolean() && organization->get<bool>();
    trails.push_back(std::move(trail));
  }
  return trails;
}

Status ReadAccountResources(const json& value, SnapshotAccount& account, const std::string& where) {
  Result<std::vector<SnapshotBucket>> buckets = ReadBuckets(value, where);
  if (!buckets.ok()) return buckets.error();
  account.buckets = std::move(*buckets);
  Result<std::vector<SnapshotKey>> keys = ReadKeys(value, account.id, where);
  if (!keys.ok()) return keys.error();
  account.keys = std::move(*keys);
  Result<std::vector<SnapshotTrail>> trails = ReadTrails(value, where);
  if (!trails.ok()) return trails.error();
  account.trails = std::move(*trails);
  Result<std::vector<std::string>> errors = ReadStrings(value, "errors", where);
  if (!errors.ok()) return errors.error();
  account.errors = std::move(*errors);
  return OkStatus();
}

Status ReadAccountIam(const json& value, SnapshotAccount& account, const std::string& where) {
  if (!value.is_object()) return Invalid(where, "expected an object");
  for (const char* list : {"roles", "users", "groups"}) {
    auto it = value.find(list);
    if (it != value.end() && !it->is_array()) return Invalid(where + "." + list, "expected a list");
  }
  if (value.contains("roles")) {
    for (size_t i = 0; i < value["roles"].size(); ++i) {
      Result<SnapshotRole> role = ReadRole(value["roles"][i], account.id, where + ".roles[" + std::to_string(i) + "]");
      if (!role.ok()) return role.error();
      account.roles.push_back(std::move(*role));
    }
  }
  if (value.contains("users")) {
    for (size_t i = 0; i < value["users"].size(); ++i) {
      Result<SnapshotUser> user = ReadUser(value["users"][i], account.id, where + ".users[" + std::to_string(i) + "]");
      if (!user.ok()) return user.error();
      account.users.push_back(std::move(*user));
    }
  }
  if (value.contains("groups")) {
    for (size_t i = 0; i < value["groups"].size(); ++i) {
      Result<SnapshotGroup> group =
          ReadGroup(value["groups"][i], account.id, where + ".groups[" + std::to_string(i) + "]");
      if (!group.ok()) return group.error();
      account.groups.push_back(std::move(*group));
    }
  }
  FOYER_RETURN_IF_ERROR(AddGroupPolicies(account, where));
  Result<std::vector<std::string>> oidc = ReadStrings(value, "oidc_providers", where);
  if (!oidc.ok()) return oidc.error();
  account.oidc_providers = std::move(*oidc);
  Result<std::vector<std::string>> saml = ReadStrings(value, "saml_providers", where);
  if (!saml.ok()) return saml.error();
  account.saml_providers = std::move(*saml);
  return ReadAccountResources(value, account, where);
}

Result<SnapshotAccount> ReadAccount(const json& value, const std::string& where) {
  if (!value.is_object()) return Invalid(where, "expected an object");
  SnapshotAccount account;
  Result<std::string> id = ReadString(value, "id", where, true);
  if (!id.ok()) return id.error();
  if (id->size() != 12 || id->find_first_not_of("0123456789") != std::string::npos) {
    return Invalid(where + ".id", "\"" + *id + "\" is not a 12-digit account id");
  }
  account.id = *id;
  Result<std::string> name = ReadString(value, "name", where, false);
  if (!name.ok()) return name.error();
  account.name = *name;
  Result<std::vector<std::string>> ou_path = ReadStrings(value, "ou_path", where);
  if (!ou_path.ok()) return ou_path.error();
  account.ou_path = std::move(*ou_path);
  if (auto tags = value.find("tags"); tags != value.end()) {
    if (!tags->is_object()) return Invalid(where + ".tags", "expected an object of strings");
    for (const auto& [key, tag] : tags->items()) {
      if (!tag.is_string()) return Invalid(where + ".tags." + key, "expected a string");
      account.tags[key] = tag.get<std::string>();
    }
  }
  return account;
}

Status ReadOrganization(const json& value, Snapshot& snapshot) {
  if (!value.is_object()) return Invalid("organization", "expected an object");
  Result<std::string> id = ReadString(value, "id", "organization", false);
  if (!id.ok()) return id.error();
  snapshot.organization_id = *id;
  Result<std::string> management = ReadString(value, "management_account", "organization", false);
  if (!management.ok()) return management.error();
  snapshot.management_account = *management;
  auto accounts = value.find("accounts");
  if (accounts == value.end() || !accounts->is_array()) return Invalid("organization.accounts", "expected a list");
  for (size_t i = 0; i < accounts->size(); ++i) {
    Result<SnapshotAccount> account = ReadAccount((*accounts)[i], "organization.accounts[" + std::to_string(i) + "]");
    if (!account.ok()) return account.error();
    if (snapshot.FindAccount(account->id)) {
      return Invalid("organization.accounts[" + std::to_string(i) + "]", "account " + account->id + " is listed twice");
    }
    snapshot.accounts.push_back(std::move(*account));
  }
  auto scps = value.find("scps");
  if (scps == value.end()) return OkStatus();
  if (!scps->is_object()) return Invalid("organization.scps", "expected an object: target id -> list of policies");
  snapshot.has_scps = true;
  for (const auto& [target, list] : scps->items()) {
    Result<std::vector<iam::Policy>> policies = ReadPolicies(*scps, target.c_str(), "organization.scps");
    if (!policies.ok()) return policies.error();
    snapshot.scps[target] = std::move(*policies);
  }
  return OkStatus();
}

}  // namespace

const SnapshotAccount* Snapshot::FindAccount(std::string_view id) const {
  for (const SnapshotAccount& account : accounts) {
    if (account.id == id) return &account;
  }
  return nullptr;
}

std::vector<std::vector<iam::Policy>> Snapshot::ScpLevels(const SnapshotAccount& account) const {
  std::vector<std::vector<iam::Policy>> levels;
  if (!has_scps) return levels;
  auto level = [&](const std::string& target) {
    auto it = scps.find(target);
    levels.push_back(it == scps.end() ? std::vector<iam::Policy>() : it->second);
  };
  for (const std::string& ou : account.ou_path) level(ou);
  level(account.id);
  return levels;
}

Result<Snapshot> ParseSnapshot(const json& input) {
  if (!input.is_object()) return Invalid("(top level)", "expected an object");
  Snapshot snapshot;
  if (!input.contains("organization")) return Invalid("(top level)", "missing \"organization\"");
  FOYER_RETURN_IF_ERROR(ReadOrganization(input["organization"], snapshot));
  Result<std::optional<std::chrono::system_clock::time_point>> collected_at =
      ReadTime(input, "collected_at", "(top level)");
  if (!collected_at.ok()) return collected_at.error();
  snapshot.collected_at = *collected_at;
  auto iam_accounts = input.find("accounts");
  if (iam_accounts == input.end()) return snapshot;
  if (!iam_accounts->is_object()) return Invalid("accounts", "expected an object: account id -> IAM details");
  for (const auto& entry : iam_accounts->items()) {
    const std::string& id = entry.key();
    const nlohmann::json& details = entry.value();
    auto account = std::find_if(snapshot.accounts.begin(), snapshot.accounts.end(),
                                [&](const SnapshotAccount& a) { return a.id == id; });
    if (account == snapshot.accounts.end()) {
      return Invalid("accounts." + id, "account " + id + " is not in organization.accounts");
    }
    FOYER_RETURN_IF_ERROR(ReadAccountIam(details, *account, "accounts." + id));
  }
  return snapshot;
}

Result<Snapshot> ParseSnapshotText(std::string_view text) {
  json input = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (input.is_discarded()) return Invalid("(top level)", "not valid JSON");
  return ParseSnapshot(input);
}

Result<Snapshot> ReadSnapshotFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError("InvalidInput", "cannot read snapshot " + path + ": no such file or not readable");
  std::ostringstream text;
  text << in.rdbuf();
  return ParseSnapshotText(text.str());
}

}  // namespace foyer::access_graph
