#include "roles/role_inventory.h"

#include <algorithm>

#include "iam/policy_comparison.h"
#include "roles/role_documents.h"

namespace foyer::roles {
namespace {

using nlohmann::json;

// "sre" for a landing role of the admin account; the resource part of
// other IAM ARNs of the admin account; anything else as written.
std::string PrincipalName(const std::string& principal, const AdminAccount& admin) {
  const std::string landing_prefix = RoleArn(admin.partition, admin.id, "");
  if (principal.rfind(landing_prefix, 0) == 0) return principal.substr(landing_prefix.size());
  const std::string account_prefix = "arn:" + admin.partition + ":iam::" + admin.id + ":";
  if (principal.rfind(account_prefix, 0) == 0) return principal.substr(account_prefix.size());
  return principal;
}

void AddPrincipals(const json& values, const AdminAccount& admin, std::vector<std::string>& names) {
  if (values.is_string()) names.push_back(PrincipalName(values.get<std::string>(), admin));
  if (!values.is_array()) return;
  for (const json& value : values) {
    if (value.is_string()) names.push_back(PrincipalName(value.get<std::string>(), admin));
  }
}

RoleEntry Entry(const std::string& account, const std::map<std::string, std::string>& account_ids,
                const std::string& role) {
  RoleEntry entry;
  entry.role = role;
  entry.account = account;
  auto id = account_ids.find(account);
  if (id != account_ids.end()) entry.account_id = id->second;
  return entry;
}

}  // namespace

std::string_view RoleStatusName(RoleStatus status) {
  switch (status) {
    case RoleStatus::kOk: return "ok";
    case RoleStatus::kDrifted: return "drifted";
    case RoleStatus::kMissing: return "missing";
    case RoleStatus::kUnwanted: return "unwanted";
  }
  return "unknown";
}

std::vector<std::string> TrustedPrincipals(const json& trust, const AdminAccount& admin) {
  std::vector<std::string> names;
  json canonical = iam::CanonicalPolicy(trust);
  if (!canonical.is_object() || !canonical.contains("Statement")) return names;
  for (const json& statement : canonical["Statement"]) {
    if (!statement.is_object() || statement.value("Effect", "") != "Allow") continue;
    if (!statement.contains("Principal")) continue;
    const json& principal = statement["Principal"];
    if (principal.is_string()) {
      names.push_back(principal.get<std::string>());
      continue;
    }
    for (const auto& item : principal.items()) AddPrincipals(item.value(), admin, names);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::vector<RoleEntry> InventoryRoles(const std::vector<AccountRoles>& desired,
                                      const std::map<std::string, LiveAccountIam>& live,
                                      const std::map<std::string, std::string>& account_ids,
                                      const AdminAccount& admin) {
  std::vector<RoleEntry> entries;
  for (const AccountRoles& account : desired) {
    auto live_account = live.find(account.account);
    for (const DesiredRole& role : account.roles) {
      RoleEntry entry = Entry(account.account, account_ids, role.name);
      entry.landing = role.landing;
      const LiveRole* live_role = nullptr;
      if (live_account != live.end()) {
        auto found = live_account->second.roles.find(role.name);
        if (found != live_account->second.roles.end()) live_role = &found->second;
      }
      if (live_role == nullptr) {
        entry.status = RoleStatus::kMissing;
        entry.assumable_by = TrustedPrincipals(role.trust_policy, admin);
      } else {
        entry.status = iam::SameAsLive(live_role->trust_policy, role.trust_policy) ? RoleStatus::kOk
                                                                              : RoleStatus::kDrifted;
        entry.assumable_by =
            TrustedPrincipals(iam::ParsePolicyText(live_role->trust_policy).value_or(json()), admin);
      }
      entries.push_back(std::move(entry));
    }
    if (live_account == live.end()) continue;
    for (const auto& [name, role] : live_account->second.roles) {
      if (FindDesiredRole(desired, account.account, name) != nullptr) continue;
      RoleEntry entry = Entry(account.account, account_ids, name);
      entry.status = RoleStatus::kUnwanted;
      entry.assumable_by = TrustedPrincipals(iam::ParsePolicyText(role.trust_policy).value_or(json()), admin);
      entries.push_back(std::move(entry));
    }
  }
  return entries;
}

}  // namespace foyer::roles
