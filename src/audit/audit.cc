#include "audit/audit.h"

#include "audit/rules.h"
#include "org/naming.h"

namespace foyer::audit {

const access_graph::SnapshotAccount* FindAdminAccount(const access_graph::Snapshot& snapshot,
                                                      const std::string& explicit_id) {
  if (!explicit_id.empty()) return snapshot.FindAccount(explicit_id);
  for (const access_graph::SnapshotAccount& account : snapshot.accounts) {
    auto kind = account.tags.find(std::string(org::kKindTag));
    if (kind != account.tags.end() && kind->second == "admin") return &account;
  }
  for (const access_graph::SnapshotAccount& account : snapshot.accounts) {
    if (account.name == "admin") return &account;
  }
  return nullptr;
}

std::vector<Finding> RunAudit(const access_graph::Snapshot& snapshot, const access_graph::AccessGraph& graph,
                              const AuditOptions& options) {
  AuditContext context{snapshot, graph, FindAdminAccount(snapshot, options.admin_account),
                       snapshot.FindAccount(snapshot.management_account),
                       snapshot.collected_at.value_or(options.now)};
  std::vector<Finding> findings;
  CheckAccounts(context, findings);
  CheckUsers(context, findings);
  CheckTrusts(context, findings);
  CheckPaths(context, findings);
  CheckGuardrails(context, findings);
  CheckResourcePolicies(context, findings);
  SortFindings(findings);
  return findings;
}

}  // namespace foyer::audit
