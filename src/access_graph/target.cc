#include "access_graph/target.h"

#include <string>

namespace foyer::access_graph {

Result<std::vector<std::uint32_t>> ResolveTarget(const AccessGraph& graph, std::string_view target,
                                                 std::string_view role_name) {
  if (target.starts_with("arn:")) {
    std::optional<std::uint32_t> node = graph.Find(target);
    if (!node || graph.nodes()[*node].kind != NodeKind::kRole) {
      return MakeError("NotFound", "role " + std::string(target) + " is not in the snapshot");
    }
    return std::vector<std::uint32_t>{*node};
  }
  std::vector<std::uint32_t> roles = graph.RolesIn(target, role_name);
  if (roles.empty()) {
    std::string what = role_name.empty() ? "no role" : "no role named " + std::string(role_name);
    return MakeError("NotFound", "the snapshot has " + what + " in account " + std::string(target) +
                                     " (give a 12-digit account id or a role ARN)");
  }
  return roles;
}

Result<std::uint32_t> ResolvePrincipal(const AccessGraph& graph, std::string_view principal) {
  std::optional<std::uint32_t> node = graph.Find(principal);
  if (!node) return MakeError("NotFound", "principal " + std::string(principal) + " is not in the access graph");
  return *node;
}

}  // namespace foyer::access_graph
