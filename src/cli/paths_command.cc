#include <cstdio>
#include <memory>
#include <string>

#include "access_graph/render.h"
#include "access_graph/target.h"
#include "cli/commands.h"
#include "cli/snapshot_source.h"

namespace foyer::cli {
namespace {

struct PathsOptions {
  std::string from;
  std::string to;
  std::string role;
  SnapshotSource source;
  std::string format = "text";
};

int RunPaths(const PathsOptions& options) {
  Result<access_graph::Snapshot> snapshot = LoadSnapshot(options.source);
  if (!snapshot.ok()) return ReportError(snapshot.error());
  access_graph::AccessGraph graph = access_graph::AccessGraph::Build(*snapshot);
  Result<std::uint32_t> from = access_graph::ResolvePrincipal(graph, options.from);
  if (!from.ok()) return ReportError(from.error());
  Result<std::vector<std::uint32_t>> targets = access_graph::ResolveTarget(graph, access_graph::AccountIdFor(*snapshot, options.to), options.role);
  if (!targets.ok()) return ReportError(targets.error());
  std::vector<access_graph::Path> paths = graph.Paths(*from, *targets);
  std::string out;
  if (options.format == "json") out = access_graph::PathsJson(graph, *from, *targets, paths).dump(2) + "\n";
  else if (options.format == "dot") out = access_graph::Dot(graph, &paths);
  else out = access_graph::PathsText(graph, paths);
  std::fputs(out.c_str(), stdout);
  return 0;
}

}  // namespace

void AddPathsCommand(CLI::App& root, Runner& selected) {
  auto options = std::make_shared<PathsOptions>();
  auto* command = root.add_subcommand("paths", "Every path from one principal to a target, with conditions");
  command->add_option("--from", options->from, "The principal's ARN (or service name)")->required();
  command->add_option("--to", options->to, "An account (id, name, domain/environment[/quality]) or a role ARN")
      ->required();
  command->add_option("--role", options->role, "Only the roles of the account with this name");
  AddSnapshotSourceOptions(*command, options->source);
  command->add_option("--format", options->format, "text, json or dot")
      ->check(CLI::IsMember({"text", "json", "dot"}));
  command->callback([options, &selected] { selected = [options] { return RunPaths(*options); }; });
}

}  // namespace foyer::cli
