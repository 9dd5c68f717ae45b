#include "audit/plan_proof.h"

#include <algorithm>
#include <set>

#include "access_graph/graph.h"
#include "audit/audit.h"
#include "audit/planned_state.h"
#include "org/naming.h"
#include "roles/role_documents.h"

namespace foyer::audit {
namespace {

using nlohmann::json;

bool IsProvenRule(const std::string& rule) {
  return rule.starts_with("S2-") || rule.starts_with("S4-") || rule.starts_with("S7-") || rule.starts_with("S8-");
}

void Replace(std::string& text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

}  // namespace

ProofIds IdsWithStandIns(const std::vector<org::DesiredAccount>& accounts,
                         const std::map<std::string, std::string>& account_ids,
                         const std::set<std::string>& also_in_use) {
  ProofIds out{account_ids, {}};
  std::set<std::string> in_use = also_in_use;
  for (const auto& [name, id] : account_ids) in_use.insert(id);
  std::vector<std::string> names = {std::string(org::kManagementAccountName)};
  for (const org::DesiredAccount& account : accounts) names.push_back(account.name);
  long long next = 1;
  for (const std::string& name : names) {
    if (out.ids.count(name)) continue;
    std::string id;
    do {
      id = std::to_string(next++);
      id.insert(0, 12 - id.size(), '0');
    } while (in_use.count(id));
    out.ids[name] = id;
    out.stand_ins[id] = name;
  }
  return out;
}

void NameStandIns(const ProofIds& ids, std::vector<Finding>& findings) {
  for (Finding& finding : findings) {
    for (const auto& [id, name] : ids.stand_ins) {
      const std::string shown = "<id of account " + name + ">";
      Replace(finding.account, id, shown);
      Replace(finding.resource, id, shown);
      Replace(finding.message, id, shown);
      Replace(finding.fix, id, shown);
      for (std::string& line : finding.evidence) Replace(line, id, shown);
    }
  }
}

Result<access_graph::Snapshot> PlannedSnapshot(const std::vector<roles::AccountRoles>& desired,
                                               const std::map<std::string, std::string>& account_ids,
                                               const std::string& management_id,
                                               const std::string& organization_id, const std::string& partition) {
  json accounts = json::array();
  json iam = json::object();
  for (const roles::AccountRoles& account : desired) {
    auto id = account_ids.find(account.account);
    if (id == account_ids.end()) {
      return MakeError("AccountNotCreated", "the plan-time proof was given no id for account " + account.account);
    }
    accounts.push_back({{"id", id->second},
                        {"name", account.account},
                        {"tags", {{std::string(org::kKindTag), std::string(org::KindName(account.kind))}}}});
    json roles = json::array();
    for (const roles::DesiredRole& role : account.roles) roles.push_back(PlannedRoleJson(role, id->second, partition));
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
  ProofIds known = IdsWithStandIns(accounts, account_ids);
  const std::string organization = organization_id.empty() ? kOrganizationStandIn : organization_id;
  roles::DocumentIds ids{roles::AdminAccount{partition, known.ids.at(spec.accounts.admin.value)}, organization};
  auto planned = PlannedSnapshot(roles::DesiredRoles(spec, accounts, ids), known.ids,
                                 known.ids.at(std::string(org::kManagementAccountName)), organization, partition);
  if (!planned.ok()) return planned.error();
  std::vector<Finding> findings = ProveInvariants(*planned);
  NameStandIns(known, findings);
  return findings;
}

}  // namespace foyer::audit
