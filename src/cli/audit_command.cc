#include <cstdio>
#include <memory>
#include <string>

#include "access_graph/graph.h"
#include "audit/audit.h"
#include "audit/report.h"
#include "cli/commands.h"
#include "cli/snapshot_source.h"

namespace foyer::cli {
namespace {

// The exit status when findings at or above --fail-on exist: a failure for
// CI, distinct from usage (2) and login (3) errors only by the report printed.
constexpr int kFindingsAtThreshold = 1;

struct AuditCommandOptions {
  SnapshotSource source;
  std::string format = "text";
  std::string fail_on = "high";
  std::string admin;
};

int RunAudit(const AuditCommandOptions& options) {
  auto snapshot = LoadSnapshot(options.source);
  if (!snapshot.ok()) return ReportError(snapshot.error());
  access_graph::AccessGraph graph = access_graph::AccessGraph::Build(*snapshot);
  audit::AuditOptions audit_options;
  audit_options.admin_account = options.admin;
  std::vector<audit::Finding> findings = audit::RunAudit(*snapshot, graph, audit_options);
  std::string out;
  if (options.format == "json") out = audit::FindingsJson(findings).dump(2) + "\n";
  else if (options.format == "sarif") out = audit::FindingsSarif(findings, "0.1.0").dump(2) + "\n";
  else out = audit::FindingsText(findings);
  std::fputs(out.c_str(), stdout);
  return audit::AnyAtOrAbove(findings, *audit::ParseSeverity(options.fail_on)) ? kFindingsAtThreshold : 0;
}

}  // namespace

void AddAuditCommand(CLI::App& root, Runner& selected) {
  auto options = std::make_shared<AuditCommandOptions>();
  auto* command = root.add_subcommand(
      "audit", "Check the organization against rules S1-S10 and more; every finding with its evidence and fix");
  command->add_option("--format", options->format, "text, json or sarif (SARIF 2.1.0)")
      ->check(CLI::IsMember({"text", "json", "sarif"}));
  command->add_option("--fail-on", options->fail_on, "Exit 1 when a finding of this severity or higher exists")
      ->check(CLI::IsMember({"low", "medium", "high"}));
  command->add_option("--admin", options->admin,
                      "The admin account's id (default: the account tagged foyer:kind=admin, else named admin)");
  AddSnapshotSourceOptions(*command, options->source);
  command->callback([options, &selected] { selected = [options] { return RunAudit(*options); }; });
}

}  // namespace foyer::cli
