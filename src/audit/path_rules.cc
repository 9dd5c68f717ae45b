// S4: no principal outside the admin account may reach it (it could then
// reach everything), nor the management account. Proven on the access
// graph, which over-approximates reachability, so every way in is found.
#include <sstream>
#include <string>

#include "access_graph/render.h"
#include "audit/rules.h"
#include "audit/scp_probe.h"

namespace foyer::audit {
namespace {

using access_graph::AccessGraph;
using access_graph::Path;

// The roles of `account` a principal could gain anything by reaching: all
// but those the SCPs neutered.
std::vector<std::uint32_t> Entrances(const AuditContext& context, const access_graph::SnapshotAccount& account) {
  std::vector<std::uint32_t> entrances;
  for (std::uint32_t role : context.graph.RolesIn(account.id, "")) {
    if (!IsNeutered(context.snapshot, account, context.graph.nodes()[role].id)) entrances.push_back(role);
  }
  return entrances;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

void ReportPaths(const AuditContext& context, const access_graph::SnapshotAccount& account, const char* rule,
                 const std::string& what, std::vector<Finding>& findings) {
  std::vector<std::uint32_t> entrances = Entrances(context, account);
  if (entrances.empty()) return;
  for (const Path& path : context.graph.WhoCan(entrances)) {
    const access_graph::Node& principal = context.graph.nodes()[path.principal];
    // Services act for resources of the account that trusts them; the
    // admin account's own principals are the ones meant to get in.
    if (principal.kind == access_graph::NodeKind::kService || principal.account == account.id) continue;
    if (context.admin != nullptr && principal.account == context.admin->id) continue;
    const access_graph::Node& entered = context.graph.nodes()[context.graph.edges()[path.edges.back()].to];
    findings.push_back({rule, Severity::kHigh, principal.account, principal.id,
                        std::string(access_graph::NodeKindName(principal.kind)) + " " + principal.id + " in " +
                            principal.account + " can reach " + entered.id + " in the " + what + " account",
                        Lines(access_graph::PathsText(context.graph, {path})),
                        "remove the trust that admits it (the first hop into " + account.id +
                            "); only the admin account's landing roles may reach " + what});
  }
}

}  // namespace

void CheckPaths(const AuditContext& context, std::vector<Finding>& findings) {
  if (context.admin != nullptr) ReportPaths(context, *context.admin, "S4-path-into-admin", "admin", findings);
  if (context.management != nullptr) {
    ReportPaths(context, *context.management, "S4-path-into-management", "management", findings);
  }
}

}  // namespace foyer::audit
