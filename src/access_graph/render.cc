#include "access_graph/render.h"

#include <set>

namespace foyer::access_graph {
namespace {

using nlohmann::ordered_json;

ordered_json HopJson(const AccessGraph& graph, const Edge& edge) {
  ordered_json conditions = ordered_json::array();
  for (const HopCondition& condition : edge.conditions) {
    conditions.push_back({{"policy", condition.policy},
                          {"operator", condition.op},
                          {"key", condition.key},
                          {"values", condition.values}});
  }
  return {{"from", graph.nodes()[edge.from].id},
          {"to", graph.nodes()[edge.to].id},
          {"action", edge.action},
          {"conditions", std::move(conditions)}};
}

ordered_json HopsJson(const AccessGraph& graph, const Path& path) {
  ordered_json hops = ordered_json::array();
  for (std::uint32_t edge : path.edges) hops.push_back(HopJson(graph, graph.edges()[edge]));
  return hops;
}

ordered_json Ids(const AccessGraph& graph, const std::vector<std::uint32_t>& nodes) {
  ordered_json ids = ordered_json::array();
  for (std::uint32_t node : nodes) ids.push_back(graph.nodes()[node].id);
  return ids;
}

std::string Quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string ConditionText(const HopCondition& condition) {
  std::string text = condition.op + " " + condition.key + " =";
  for (size_t i = 0; i < condition.values.size(); ++i) text += (i ? ", " : " ") + condition.values[i];
  return text;
}

std::string EdgeLabel(const Edge& edge) {
  std::string label = edge.action;
  for (const HopCondition& condition : edge.conditions) label += "; if " + ConditionText(condition);
  return label;
}

}  // namespace

ordered_json WhoCanJson(const AccessGraph& graph, const std::vector<std::uint32_t>& targets,
                        const std::vector<Path>& paths) {
  ordered_json principals = ordered_json::array();
  for (const Path& path : paths) {
    const Node& node = graph.nodes()[path.principal];
    principals.push_back({{"principal", node.id},
                          {"kind", NodeKindName(node.kind)},
                          {"account", node.account},
                          {"hops", HopsJson(graph, path)}});
  }
  return {{"targets", Ids(graph, targets)}, {"principals", std::move(principals)}};
}

ordered_json PathsJson(const AccessGraph& graph, std::uint32_t from, const std::vector<std::uint32_t>& targets,
                       const std::vector<Path>& paths) {
  ordered_json list = ordered_json::array();
  for (const Path& path : paths) list.push_back({{"hops", HopsJson(graph, path)}});
  return {{"from", graph.nodes()[from].id}, {"targets", Ids(graph, targets)}, {"paths", std::move(list)}};
}

ordered_json GraphJson(const AccessGraph& graph) {
  ordered_json nodes = ordered_json::array();
  for (const Node& node : graph.nodes()) {
    nodes.push_back({{"id", node.id}, {"kind", NodeKindName(node.kind)}, {"account", node.account}});
  }
  ordered_json edges = ordered_json::array();
  for (const Edge& edge : graph.edges()) edges.push_back(HopJson(graph, edge));
  return {{"nodes", std::move(nodes)}, {"edges", std::move(edges)}};
}

std::string PathsText(const AccessGraph& graph, const std::vector<Path>& paths) {
  std::string text;
  for (const Path& path : paths) {
    const Node& node = graph.nodes()[path.principal];
    text += node.id + " (" + std::string(NodeKindName(node.kind)) + ")\n";
    for (std::uint32_t index : path.edges) {
      const Edge& edge = graph.edges()[index];
      text += "  -> " + edge.action + " " + graph.nodes()[edge.to].id + "\n";
      for (const HopCondition& condition : edge.conditions) text += "     if " + ConditionText(condition) + "\n";
    }
  }
  return text;
}

std::string Dot(const AccessGraph& graph, const std::vector<Path>* paths) {
  std::set<std::uint32_t> edges;
  if (paths) {
    for (const Path& path : *paths) edges.insert(path.edges.begin(), path.edges.end());
  } else {
    for (std::uint32_t i = 0; i < graph.edges().size(); ++i) edges.insert(i);
  }
  std::string dot = "digraph access {\n  rankdir=LR;\n";
  for (std::uint32_t index : edges) {
    const Edge& edge = graph.edges()[index];
    dot += "  " + Quoted(graph.nodes()[edge.from].id) + " -> " + Quoted(graph.nodes()[edge.to].id) +
           " [label=" + Quoted(EdgeLabel(edge)) + "];\n";
  }
  return dot + "}\n";
}

}  // namespace foyer::access_graph
