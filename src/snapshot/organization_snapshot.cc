#include "snapshot/organization_snapshot.h"

namespace foyer::snapshot {
namespace {

constexpr char kScpType[] = "SERVICE_CONTROL_POLICY";

Result<nlohmann::json> ScpsByTarget(aws::OrganizationsClient& client) {
  nlohmann::json scps = nlohmann::json::object();
  auto policies = client.ListPolicies(kScpType);
  if (!policies.ok()) return policies.error();
  for (const aws::OrgPolicySummary& summary : *policies) {
    auto policy = client.DescribePolicy(summary.id);
    if (!policy.ok()) return policy.error();
    auto targets = client.ListTargetsForPolicy(summary.id);
    if (!targets.ok()) return targets.error();
    for (const aws::PolicyTarget& target : *targets) {
      scps[target.target_id].push_back({{"name", summary.name}, {"document", policy->content}});
    }
  }
  return scps;
}

}  // namespace

std::vector<std::string> OuIdPath(const org::LiveOrganization& live, const std::string& ou_path) {
  std::vector<std::string> ids = {live.root_id};
  for (size_t slash = ou_path.find('/'); !ou_path.empty(); slash = ou_path.find('/', slash + 1)) {
    ids.push_back(live.ParentId(ou_path.substr(0, slash)));
    if (slash == std::string::npos) break;
  }
  return ids;
}

Result<nlohmann::json> OrganizationSnapshot(const org::LiveOrganization& live, aws::OrganizationsClient& client) {
  nlohmann::json accounts = nlohmann::json::array();
  for (const store::InventoryAccount& account : live.accounts) {
    accounts.push_back({{"id", account.id},
                        {"name", account.name},
                        {"ou_path", OuIdPath(live, account.ou_path)},
                        {"tags", account.tags}});
  }
  nlohmann::json organization = {{"id", live.organization->id},
                                 {"management_account", live.organization->master_account_id},
                                 {"accounts", accounts}};
  if (live.PolicyTypeEnabled(kScpType)) {
    auto scps = ScpsByTarget(client);
    if (!scps.ok()) return scps.error();
    organization["scps"] = std::move(*scps);
  }
  return organization;
}

}  // namespace foyer::snapshot
