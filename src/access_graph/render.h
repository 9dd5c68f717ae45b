// The access graph, who-can answers and paths as JSON, text for a person,
// and Graphviz dot.
#ifndef FOYER_ACCESS_GRAPH_RENDER_H_
#define FOYER_ACCESS_GRAPH_RENDER_H_

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "access_graph/graph.h"

namespace foyer::access_graph {

// {"targets": [ARN...], "principals": [{"principal": ID, "kind": "role", "account": ID,
//   "hops": [{"from": ID, "to": ARN, "action": "sts:AssumeRole",
//             "conditions": [{"policy": NAME, "operator": "Bool", "key": K, "values": [...]}]}]}]}
nlohmann::ordered_json WhoCanJson(const AccessGraph& graph, const std::vector<std::uint32_t>& targets,
                                  const std::vector<Path>& paths);

// {"from": ID, "targets": [ARN...], "paths": [{"hops": [...]}]}
nlohmann::ordered_json PathsJson(const AccessGraph& graph, std::uint32_t from,
                                 const std::vector<std::uint32_t>& targets, const std::vector<Path>& paths);

// {"nodes": [{"id", "kind", "account"}], "edges": [{"from", "to", "action", "conditions"}]}
nlohmann::ordered_json GraphJson(const AccessGraph& graph);

// One block per path: the principal and its kind, then one line per hop,
// "  -> ACTION TARGET", followed by "     if OPERATOR KEY = VALUE[, VALUE]" lines.
std::string PathsText(const AccessGraph& graph, const std::vector<Path>& paths);

// A dot digraph of the edges of `paths` (all edges when `paths` is null).
std::string Dot(const AccessGraph& graph, const std::vector<Path>* paths);

}  // namespace foyer::access_graph

#endif  // FOYER_ACCESS_GRAPH_RENDER_H_
