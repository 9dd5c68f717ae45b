#include <cstdio>
#include <memory>
#include <string>

#include "access_graph/render.h"
#include "access_graph/target.h"
#include "cli/commands.h"
#include "cli/snapshot_source.h"

namespace foyer::cli {
namespace {

struct WhoCanOptions {
  std::string target;
  std::string role;
  SnapshotSource source;
  std::string format = "text";
};

int RunWhoCan(const WhoCanOptions& options) {
  Result<access_graph::Snapshot> snapshot = LoadSnapshot(options.source);
  if (!snapshot.ok()) return ReportError(snapshot.error());
  access_graph::AccessGraph graph = access_graph::AccessGraph::Build(*snapshot);
  Result<std::vector<std::uint32_t>> targets =
      access_graph::ResolveTarget(graph, access_graph::AccountIdFor(*snapshot, options.target), options.role);
  if (!targets.ok()) return ReportError(targets.error());
  std::vector<access_graph::Path> paths = graph.WhoCan(*targets);
  std::string out;
  if (options.format == "json") out = access_graph::WhoCanJson(graph, *targets, paths).dump(2) + "\n";
  else if (options.format == "dot") out = access_graph::Dot(graph, &paths);
  else out = access_graph::PathsText(graph, paths);
  std::fputs(out.c_str(), stdout);
  return 0;
}

}  // namespace

void AddWhoCanCommand(CLI::App& root, Runner& selected) {
  auto options = std::make_shared<WhoCanOptions>();
  auto* command = root.add_subcommand(
      "who-can", "Every principal that can reach TARGET, with one shortest path and the conditions on each hop");
  command->add_option("TARGET", options->target,
                      "An account (id, name, domain/environment[/quality], admin, audit, deploy, management) or a "
                      "role ARN")
      ->required();
  command->add_option("--role", options->role, "Only the roles of the account with this name");
  AddSnapshotSourceOptions(*command, options->source);
  command->add_option("--format", options->format, "text, json or dot")
      ->check(CLI::IsMember({"text", "json", "dot"}));
  command->callback([options, &selected] { selected = [options] { return RunWhoCan(*options); }; });
}

}  // namespace foyer::cli
