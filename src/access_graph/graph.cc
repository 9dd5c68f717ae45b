#include "access_graph/graph.h"

#include <algorithm>
#include <functional>

namespace foyer::access_graph {

std::string_view NodeKindName(NodeKind kind) {
  switch (kind) {
    case NodeKind::kRole: return "role";
    case NodeKind::kUser: return "user";
    case NodeKind::kIdentityProvider: return "identity_provider";
    case NodeKind::kService: return "service";
    case NodeKind::kExternal: return "external";
  }
  return "external";
}

std::uint32_t AccessGraph::AddNode(std::string id, NodeKind kind, std::string account) {
  auto [it, added] = index_.try_emplace(id, static_cast<std::uint32_t>(nodes_.size()));
  if (added) {
    nodes_.push_back({std::move(id), kind, std::move(account)});
    incoming_.emplace_back();
    outgoing_.emplace_back();
  }
  return it->second;
}

std::optional<std::uint32_t> AccessGraph::Find(std::string_view id) const {
  auto it = index_.find(std::string(id));
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::uint32_t> AccessGraph::RolesIn(std::string_view account, std::string_view role_name) const {
  std::vector<std::uint32_t> roles;
  for (std::uint32_t i = 0; i < nodes_.size(); ++i) {
    const Node& node = nodes_[i];
    if (node.kind != NodeKind::kRole || node.account != account) continue;
    if (!role_name.empty() && node.id.substr(node.id.rfind('/') + 1) != role_name) continue;
    roles.push_back(i);
  }
  std::sort(roles.begin(), roles.end(), [&](auto a, auto b) { return nodes_[a].id < nodes_[b].id; });
  return roles;
}

// Breadth-first backwards from every target at once, so each principal gets
// a shortest path to the nearest target.
std::vector<Path> AccessGraph::WhoCan(const std::vector<std::uint32_t>& targets) const {
  constexpr std::uint32_t kUnreached = UINT32_MAX;
  std::vector<std::uint32_t> distance(nodes_.size(), kUnreached);
  std::vector<std::uint32_t> next_edge(nodes_.size(), kUnreached);
  std::vector<std::uint32_t> queue;
  for (std::uint32_t target : targets) {
    if (distance[target] == kUnreached) queue.push_back(target);
    distance[target] = 0;
  }
  for (size_t head = 0; head < queue.size(); ++head) {
    std::uint32_t node = queue[head];
    for (std::uint32_t edge : incoming_[node]) {
      std::uint32_t from = edges_[edge].from;
      if (distance[from] != kUnreached) continue;
      distance[from] = distance[node] + 1;
      next_edge[from] = edge;
      queue.push_back(from);
    }
  }
  std::vector<Path> paths;
  for (size_t i = targets.size(); i < queue.size(); ++i) {
    Path path{queue[i], {}};
    for (std::uint32_t node = queue[i]; distance[node] != 0; node = edges_[next_edge[node]].to) {
      path.edges.push_back(next_edge[node]);
    }
    paths.push_back(std::move(path));
  }
  std::stable_sort(paths.begin(), paths.end(), [&](const Path& a, const Path& b) {
    if (a.edges.size() != b.edges.size()) return a.edges.size() < b.edges.size();
    return nodes_[a.principal].id < nodes_[b.principal].id;
  });
  return paths;
}

std::vector<Path> AccessGraph::Paths(std::uint32_t from, const std::vector<std::uint32_t>& targets,
                                     size_t limit) const {
  std::vector<bool> is_target(nodes_.size(), false);
  for (std::uint32_t target : targets) is_target[target] = true;
  std::vector<bool> on_path(nodes_.size(), false);
  std::vector<std::uint32_t> edges;
  std::vector<Path> found;
  std::function<void(std::uint32_t)> walk = [&](std::uint32_t node) {
    if (found.size() >= limit) return;
    if (is_target[node] && !edges.empty()) {
      found.push_back({from, edges});
      return;
    }
    on_path[node] = true;
    for (std::uint32_t edge : outgoing_[node]) {
      if (on_path[edges_[edge].to]) continue;
      edges.push_back(edge);
      walk(edges_[edge].to);
      edges.pop_back();
    }
    on_path[node] = false;
  };
  walk(from);
  std::stable_sort(found.begin(), found.end(),
                   [](const Path& a, const Path& b) { return a.edges.size() < b.edges.size(); });
  return found;
}

}  // namespace foyer::access_graph
