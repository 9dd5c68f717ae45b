#include "access_graph/target.h"

#include <string>

#include "base/account_id.h"

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
                                     " (give an account id, an account name, domain/environment[/quality] or a role ARN)");
  }
  return roles;
}

namespace {

std::string Tag(const SnapshotAccount& account, const char* key) {
  auto it = account.tags.find(key);
  return it == account.tags.end() ? "" : it->second;
}

// "payments/production[/quality]" against the account's tags; without a
// quality, an account whose quality is "default" or unset matches.
bool MatchesAxes(const SnapshotAccount& account, std::string_view name) {
  size_t first = name.find('/');
  if (first == std::string_view::npos) return false;
  size_t second = name.find('/', first + 1);
  std::string domain(name.substr(0, first));
  std::string environment(name.substr(first + 1, second == std::string_view::npos ? second : second - first - 1));
  std::string quality = second == std::string_view::npos ? "" : std::string(name.substr(second + 1));
  std::string tagged_quality = Tag(account, "foyer:quality");
  bool quality_matches = quality.empty() ? (tagged_quality.empty() || tagged_quality == "default")
                                         : tagged_quality == quality;
  return Tag(account, "foyer:domain") == domain && Tag(account, "foyer:environment") == environment &&
         quality_matches;
}

}  // namespace

std::string AccountIdFor(const Snapshot& snapshot, std::string_view name) {
  if (IsAccountId(name) || name.starts_with("arn:")) return std::string(name);
  if (name == "management" && !snapshot.management_account.empty()) return snapshot.management_account;
  for (const SnapshotAccount& account : snapshot.accounts) {
    if (account.name == name || MatchesAxes(account, name)) return account.id;
  }
  for (const SnapshotAccount& account : snapshot.accounts) {
    if (Tag(account, "foyer:kind") == name) return account.id;
  }
  return std::string(name);
}

Result<std::uint32_t> ResolvePrincipal(const AccessGraph& graph, std::string_view principal) {
  std::optional<std::uint32_t> node = graph.Find(principal);
  if (!node) return MakeError("NotFound", "principal " + std::string(principal) + " is not in the access graph");
  return *node;
}

}  // namespace foyer::access_graph
