// What `foyer who-can TARGET [--role R]` and `foyer paths --to TARGET` name:
// an account id (every role in it, or only those named R) or a role ARN.
#ifndef FOYER_ACCESS_GRAPH_TARGET_H_
#define FOYER_ACCESS_GRAPH_TARGET_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "access_graph/graph.h"
#include "base/result.h"

namespace foyer::access_graph {

// The target roles as nodes; an error names what was not found.
Result<std::vector<std::uint32_t>> ResolveTarget(const AccessGraph& graph, std::string_view target,
                                                 std::string_view role_name);

// The id of the account `name` designates in `snapshot`: a 12-digit id, an
// account name ("payments-production"), "<domain>/<environment>[/<quality>]"
// read from the foyer:domain/environment/quality tags, or a special
// account's kind ("admin", "audit", "deploy", "management", from
// foyer:kind or the management id). `name` itself when nothing matches, so
// that the graph's own error names it.
std::string AccountIdFor(const Snapshot& snapshot, std::string_view name);

// A principal by ARN (or service name); an error when the snapshot has none.
Result<std::uint32_t> ResolvePrincipal(const AccessGraph& graph, std::string_view principal);

}  // namespace foyer::access_graph

#endif  // FOYER_ACCESS_GRAPH_TARGET_H_
