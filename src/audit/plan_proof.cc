#include "audit/plan_proof.h"

#include <algorithm>

#include "access_graph/graph.h"
#include "audit/audit.h"
#include "org/naming.h"
#include "roles/role_documents.h"

namespace foyer::audit {
namespace {

using nlohmann::json;

const json& AllowEverything() {
  static const json document = {{"Version", "2012-10-17"},
                                {"Statement", {{{"Effect", "Allow"}, {"Action", "*"}, {"Resource", "*"}}}}};
  return document;
}

json PlannedRole(const roles::DesiredRole& role, const std::string& account_id, const std::string& partition) {
  json policies = json::array();
  for (const auto& [name, document] : role.inline_policies) policies.push_back({{"name", name}, {"document", document}});
  for (const std::string& arn : role.managed_policies) policies.push_back({{"name", arn}, {"document", AllowEverything()}});
  return {{"arn", roles::RoleArn(partition, account_id, role.name)},
          {"trust_policy", role.trust_policy},
          {"policies", policies}};
}

bool IsProvenRule(const std::string& rule) {
  return rule.starts_with("S2-") || rule.starts_with("S4-") || rule.starts_with("S7-") || rule.starts_with("S8-");
}

}  // namespace

Result<access_graph::Snapshot> PlannedSnapshot(const std::vector<roles::AccountRoles>& desired,
                                               const std::map<std::string, std::string>& account_ids,
                                               const std::string& management_id,
                                               const std::string& organization_id, const std::string& partition) {
  json accounts = json::array();
  json iam = json::object();
  for (const roles::AccountRoles& account : desired) {
    auto id = account_ids.find(account.account);
    if (id == account_ids.end()) {
      return MakeError("AccountNotCreated", "the plan-time proof needs the id of account " + account.account +
                                                ", which does not exist yet; it runs once apply created it");
    }
    accounts.push_back({{"id", id->second},
                        {"name", account.account},
                        {"tags", {{std::string(org::kKindTag), std::string(org::KindName(account.kind))}}}});
    json roles = json::array();
    for (const roles::DesiredRole& role : account.roles) roles.push_back(PlannedRole(role, id->second, partition));
    iam[id->second] = {{"roles", roles}};
  }
  json snapshot = {{"organization", {{"id", organization_id}, {"management_account", management_id}, {"accounts", accounts}}},
                   {"accounts", iam}};
  return access_graph::ParseSnapshot(snapshot);
}

std::vector<Finding> ProveInvariants(const access_graph::Snapshot& planned) {
  access_graph::AccessGraph graph = access_graph::AccessGraph::Build(planned);
  std::vector<Finding> findings = RunAudit(planned, graph, AuditOptions{});
  std::erase_if(findings, [](const Finding& finding) {
    return finding.severity != Severity::kHigh || !IsProvenRule(finding.rule);
  });
  return findings;
}

Result<std::vector<Finding>> ProvePlannedRoles(const spec::Spec& spec, const std::vector<org::DesiredAccount>& accounts,
                                               const std::map<std::string, std::string>& account_ids,
                                               const std::string& organization_id, const std::string& partition) {
  auto admin = account_ids.find(spec.accounts.admin.value);
  auto management = account_ids.find(std::string(org::kManagementAccountName));
  if (admin == account_ids.end() || management == account_ids.end()) {
    return MakeError("AccountNotCreated", "the plan-time proof runs once the admin account exists");
  }
  roles::DocumentIds ids{roles::AdminAccount{partition, admin->second}, organization_id};
  auto planned = PlannedSnapshot(roles::DesiredRoles(spec, accounts, ids), account_ids, management->second,
                                 organization_id, partition);
  if (!planned.ok()) return planned.error();
  return ProveInvariants(*planned);
}

}  // namespace foyer::audit
