#include "audit/planned_state.h"

#include <set>
#include <string_view>

#include "org/guardrail_policies.h"
#include "org/role_placement.h"
#include "org/storage_naming.h"
#include "roles/role_documents.h"

namespace foyer::audit {
namespace {

using nlohmann::json;

const json& AllowEverything() {
  static const json document = {{"Version", "2012-10-17"},
                                {"Statement", {{{"Effect", "Allow"}, {"Action", "*"}, {"Resource", "*"}}}}};
  return document;
}

// What AWS attaches to the root, every OU and every account when SCPs are
// enabled, and to every account created after.
const json& FullAwsAccessOnly() {
  static const json attached = json::array({{{"name", "FullAWSAccess"}, {"document", AllowEverything()}}});
  return attached;
}

// The documents of managed policies the live snapshot already holds,
// wherever they are attached (their name is their ARN).
std::map<std::string, json> ManagedDocuments(const json& live) {
  std::map<std::string, json> documents;
  if (!live.is_object() || !live.contains("accounts")) return documents;
  for (const auto& [id, account] : live["accounts"].items()) {
    for (const char* kind : {"roles", "users", "groups"}) {
      if (!account.contains(kind)) continue;
      for (const json& principal : account[kind]) {
        if (!principal.contains("policies")) continue;
        for (const json& policy : principal["policies"]) {
          if (!policy.is_object() || !policy.contains("document") || !policy.contains("name")) continue;
          const std::string name = policy["name"].get<std::string>();
          if (name.starts_with("arn:") && name.find(":policy/") != std::string::npos) {
            documents[name] = policy["document"];
          }
        }
      }
    }
  }
  return documents;
}

// Roles apply converges: /foyer/ but the pipelines' /foyer/ci-*.
bool IsConvergedByRoles(const std::string& arn) {
  static constexpr std::string_view kPath = ":role/foyer/";
  const size_t at = arn.find(kPath);
  return at != std::string::npos && arn.compare(at + kPath.size(), 3, "ci-") != 0;
}

std::set<std::string> LiveIds(const json& live) {
  std::set<std::string> ids;
  if (live.is_null()) return ids;
  for (const json& account : live["organization"]["accounts"]) ids.insert(account["id"].get<std::string>());
  return ids;
}

std::string RootOf(const json& live) {
  for (const json& account : live["organization"]["accounts"]) {
    if (account.contains("ou_path") && !account["ou_path"].empty()) return account["ou_path"][0];
  }
  return "r-planned";
}

// Accounts apply will create, added to the organization.
void AddStandInAccounts(const ProofIds& ids, const std::vector<org::DesiredAccount>& accounts, json& snapshot) {
  json& organization = snapshot["organization"];
  const std::string root = RootOf(snapshot);
  for (const org::DesiredAccount& account : accounts) {
    const std::string& id = ids.ids.at(account.name);
    if (!ids.stand_ins.count(id)) continue;
    organization["accounts"].push_back({{"id", id},
                                        {"name", account.name},
                                        {"ou_path", {root}},
                                        {"tags", {{std::string(org::kKindTag), std::string(org::KindName(account.kind))}}}});
    if (organization.contains("scps")) {
      organization["scps"][id] = FullAwsAccessOnly();
    }
  }
}

// AWS attaches FullAWSAccess to the root, every OU and every account when
// SCPs are enabled, as apply enables them.
void EnableScps(json& organization) {
  json scps = json::object();
  for (const json& account : organization["accounts"]) {
    for (const json& level : account.value("ou_path", json::array())) scps[level.get<std::string>()] = FullAwsAccessOnly();
    scps[account["id"].get<std::string>()] = FullAwsAccessOnly();
  }
  organization["scps"] = std::move(scps);
}

// foyer's guardrail SCPs as apply leaves them: every live foyer-* SCP taken
// off, then each guardrail the spec keeps put where it belongs — the root,
// or each member account that gets foyer's Administrator role (as the
// guardrail family places it, by org::PlaceRoles).
void OverlayGuardrails(const spec::Spec& spec, const std::vector<org::DesiredAccount>& accounts, const ProofIds& ids,
                       const std::string& partition, json& snapshot) {
  json& organization = snapshot["organization"];
  if (!organization.contains("scps")) EnableScps(organization);
  for (auto& [target, policies] : organization["scps"].items()) {
    json kept = json::array();
    for (const json& policy : policies) {
      if (!(policy.is_object() && policy.value("name", "").starts_with("foyer-"))) kept.push_back(policy);
    }
    policies = std::move(kept);
  }
  const std::string management = ids.ids.at(std::string(org::kManagementAccountName));
  org::GuardrailTargets targets{partition, management, ids.ids.at(spec.accounts.admin.value), ""};
  if (spec.accounts.audit) targets.audit_bucket = org::AuditBucketName(ids.ids.at(spec.accounts.audit->value));
  std::set<std::string> with_administrator;
  for (const org::RolePlacement& role : org::PlaceRoles(spec, accounts)) {
    if (role.role == "Administrator" && role.account != org::kManagementAccountName) {
      with_administrator.insert(ids.ids.at(role.account));
    }
  }
  const std::string root = RootOf(snapshot);
  for (const org::Guardrail& guardrail : org::AllGuardrails(spec.guardrails)) {
    if (!guardrail.enabled || (targets.audit_bucket.empty() && guardrail.key == org::kProtectAuditTrailKey)) continue;
    json policy = {{"name", org::GuardrailPolicyName(guardrail.key)},
                   {"document", org::GuardrailDocument(guardrail.key, targets)}};
    if (guardrail.scope == org::GuardrailScope::kRoot) {
      organization["scps"][root].push_back(policy);
    } else {
      for (const std::string& id : with_administrator) organization["scps"][id].push_back(policy);
    }
  }
}

json EmptySnapshot(const std::string& organization_id, const std::string& management_id) {
  return {{"organization", {{"id", organization_id},
                            {"management_account", management_id},
                            {"accounts", {{{"id", management_id}, {"name", std::string(org::kManagementAccountName)}}}}}},
          {"accounts", json::object()}};
}

}  // namespace

json PlannedRoleJson(const roles::DesiredRole& role, const std::string& account_id, const std::string& partition,
                     const std::map<std::string, json>& managed) {
  json policies = json::array();
  for (const auto& [name, document] : role.inline_policies) policies.push_back({{"name", name}, {"document", document}});
  for (const std::string& arn : role.managed_policies) {
    auto known = managed.find(arn);
    policies.push_back({{"name", arn}, {"document", known == managed.end() ? AllowEverything() : known->second}});
  }
  return {{"arn", roles::RoleArn(partition, account_id, role.name)},
          {"trust_policy", role.trust_policy},
          {"policies", policies}};
}

PlannedState PlannedOverLive(json live, const spec::Spec& spec, const std::vector<org::DesiredAccount>& accounts,
                             const std::map<std::string, std::string>& account_ids,
                             const std::string& organization_id, const std::string& partition) {
  const std::string organization = organization_id.empty() ? kOrganizationStandIn : organization_id;
  PlannedState state{json(), IdsWithStandIns(accounts, account_ids, LiveIds(live)), 0};
  state.snapshot = live.is_null()
                       ? EmptySnapshot(organization, state.ids.ids.at(std::string(org::kManagementAccountName)))
                       : std::move(live);
  AddStandInAccounts(state.ids, accounts, state.snapshot);
  const std::map<std::string, json> managed = ManagedDocuments(state.snapshot);
  roles::DocumentIds document_ids{roles::AdminAccount{partition, state.ids.ids.at(spec.accounts.admin.value)},
                                  organization};
  OverlayGuardrails(spec, accounts, state.ids, partition, state.snapshot);
  json& iam = state.snapshot["accounts"];
  for (const roles::AccountRoles& desired : roles::DesiredRoles(spec, accounts, document_ids)) {
    const std::string& id = state.ids.ids.at(desired.account);
    if (!iam.contains(id)) iam[id] = {{"roles", json::array()}};
    json kept = json::array();
    for (const json& role : iam[id].value("roles", json::array())) {
      if (!IsConvergedByRoles(role.value("arn", ""))) kept.push_back(role);
    }
    for (const roles::DesiredRole& role : desired.roles) {
      kept.push_back(PlannedRoleJson(role, id, partition, managed));
      ++state.planned_roles;
    }
    iam[id]["roles"] = std::move(kept);
  }
  json stand_ins = json::object();
  for (const auto& [id, name] : state.ids.stand_ins) stand_ins[id] = name;
  state.snapshot["planned"] = {{"stand_ins", stand_ins}};
  return state;
}

}  // namespace foyer::audit
