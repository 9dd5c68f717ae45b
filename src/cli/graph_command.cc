#include <cstdio>
#include <memory>
#include <string>

#include "access_graph/graphviz.h"
#include "access_graph/render.h"
#include "cli/commands.h"
#include "cli/snapshot_source.h"

namespace foyer::cli {
namespace {

struct GraphOptions {
  SnapshotSource source;
  std::string format = "dot";
};

Result<std::string> Render(const access_graph::Snapshot& snapshot, const access_graph::AccessGraph& graph,
                           const std::string& format) {
  if (format == "json") return access_graph::GraphJson(graph).dump(2) + "\n";
  std::string dot = access_graph::Dot(graph, nullptr);
  if (format == "dot") return dot;
  auto svg = access_graph::DotToSvg(dot);
  if (!svg.ok() || format == "svg") return svg;
  std::string title = "foyer access graph" +
                      (snapshot.organization_id.empty() ? std::string() : " of " + snapshot.organization_id);
  return access_graph::GraphHtml(*svg, title);
}

int RunGraph(const GraphOptions& options) {
  Result<access_graph::Snapshot> snapshot = LoadSnapshot(options.source);
  if (!snapshot.ok()) return ReportError(snapshot.error());
  access_graph::AccessGraph graph = access_graph::AccessGraph::Build(*snapshot);
  auto out = Render(*snapshot, graph, options.format);
  if (!out.ok()) return ReportError(out.error());
  std::fputs(out->c_str(), stdout);
  return 0;
}

}  // namespace

void AddGraphCommand(CLI::App& root, Runner& selected) {
  auto options = std::make_shared<GraphOptions>();
  auto* command = root.add_subcommand("graph", "The access graph: every principal and every role it can assume");
  AddSnapshotSourceOptions(*command, options->source);
  command->add_option("--format", options->format, "dot, svg (needs Graphviz), html (one self-contained page) or json")
      ->check(CLI::IsMember({"dot", "svg", "html", "json"}));
  command->callback([options, &selected] { selected = [options] { return RunGraph(*options); }; });
}

}  // namespace foyer::cli
