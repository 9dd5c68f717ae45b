#include <cstdio>
#include <memory>
#include <string>

#include "access_graph/render.h"
#include "cli/commands.h"

namespace foyer::cli {
namespace {

struct GraphOptions {
  std::string snapshot;
  std::string format = "dot";
};

int RunGraph(const GraphOptions& options) {
  Result<access_graph::Snapshot> snapshot = access_graph::ReadSnapshotFile(options.snapshot);
  if (!snapshot.ok()) return ReportError(snapshot.error());
  access_graph::AccessGraph graph = access_graph::AccessGraph::Build(*snapshot);
  std::string out = options.format == "json" ? access_graph::GraphJson(graph).dump(2) + "\n"
                                             : access_graph::Dot(graph, nullptr);
  std::fputs(out.c_str(), stdout);
  return 0;
}

}  // namespace

void AddGraphCommand(CLI::App& root, Runner& selected) {
  auto options = std::make_shared<GraphOptions>();
  auto* command = root.add_subcommand("graph", "The access graph: every principal and every role it can assume");
  command->add_option("--snapshot", options->snapshot, "Snapshot file of the organization's policies")->required();
  command->add_option("--format", options->format, "dot or json")->check(CLI::IsMember({"dot", "json"}));
  command->callback([options, &selected] { selected = [options] { return RunGraph(*options); }; });
}

}  // namespace foyer::cli
