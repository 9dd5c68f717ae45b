#include "org/discovery.h"

#include <algorithm>
#include <map>
#include <utility>

namespace foyer::org {
namespace {

// Appends to `found` every account under `parent_id`, whose OU path is
// `ou_path`, then those of its OUs, depth first; records each OU's id in
// `ou_ids` when given.
Status CollectAccounts(OrganizationSource& source, const std::string& parent_id,
                       const std::string& ou_path, std::vector<store::InventoryAccount>& found,
                       std::map<std::string, std::string>* ou_ids = nullptr) {
  auto accounts = source.ListAccountsForParent(parent_id);
  if (!accounts.ok()) return accounts.error();
  for (const aws::Account& account : *accounts) {
    auto tags = source.ListTagsForResource(account.id);
    if (!tags.ok()) return tags.error();
    store::InventoryAccount entry{account.id, account.name, account.email, account.status, {}, ou_path};
    entry.tags.insert(tags->begin(), tags->end());
    found.push_back(std::move(entry));
  }
  auto units = source.ListOrganizationalUnitsForParent(parent_id);
  if (!units.ok()) return units.error();
  for (const aws::OrganizationalUnit& unit : *units) {
    std::string path = ou_path.empty() ? unit.name : ou_path + "/" + unit.name;
    if (ou_ids != nullptr) (*ou_ids)[path] = unit.id;
    FOYER_RETURN_IF_ERROR(CollectAccounts(source, unit.id, path, found, ou_ids));
  }
  return OkStatus();
}

}  // namespace

Result<aws::Organization> OrganizationsReader::DescribeOrganization() {
  return client_.DescribeOrganization();
}
Result<std::vector<aws::Root>> OrganizationsReader::ListRoots() { return client_.ListRoots(); }
Result<std::vector<aws::OrganizationalUnit>> OrganizationsReader::ListOrganizationalUnitsForParent(
    const std::string& parent_id) {
  return client_.ListOrganizationalUnitsForParent(parent_id);
}
Result<std::vector<aws::Account>> OrganizationsReader::ListAccountsForParent(
    const std::string& parent_id) {
  return client_.ListAccountsForParent(parent_id);
}
Result<aws::TagList> OrganizationsReader::ListTagsForResource(const std::string& resource_id) {
  return client_.ListTagsForResource(resource_id);
}

Result<aws::Organization> DescribeExpectedOrganization(OrganizationSource& source,
                                                       const std::string& expected_management_id) {
  auto organization = source.DescribeOrganization();
  if (!organization.ok()) return organization.error();
  if (!expected_management_id.empty() &&
      organization->master_account_id != expected_management_id) {
    return MakeError(kWrongOrganizationError,
                     "these credentials reach organization " + organization->id +
                         " whose management account is " + organization->master_account_id +
                         ", not the expected " + expected_management_id +
                         "; use credentials of the right organization, or fix "
                         "management_account_id in the configuration");
  }
  return organization;
}

namespace {

Result<aws::Root> SingleRoot(OrganizationSource& source) {
  auto roots = source.ListRoots();
  if (!roots.ok()) return roots.error();
  if (roots->size() != 1) {
    return MakeError("UnexpectedOrganization", "the organization has " +
                                                   std::to_string(roots->size()) +
                                                   " roots; foyer expects exactly one");
  }
  return roots->front();
}

void SortById(std::vector<store::InventoryAccount>& accounts) {
  std::sort(accounts.begin(), accounts.end(),
            [](const auto& a, const auto& b) { return a.id < b.id; });
}

}  // namespace

Result<std::vector<store::InventoryAccount>> DiscoverAccounts(OrganizationSource& source) {
  auto root = SingleRoot(source);
  if (!root.ok()) return root.error();
  std::vector<store::InventoryAccount> found;
  FOYER_RETURN_IF_ERROR(CollectAccounts(source, root->id, "", found));
  SortById(found);
  return found;
}

Result<LiveOrganization> DiscoverOrganization(OrganizationSource& source,
                                              const std::string& expected_management_id) {
  LiveOrganization live;
  auto organization = DescribeExpectedOrganization(source, expected_management_id);
  if (!organization.ok()) {
    if (organization.error().code == kNotInOrganizationError) return live;
    return organization.error();
  }
  live.organization = *organization;
  auto root = SingleRoot(source);
  if (!root.ok()) return root.error();
  live.root_id = root->id;
  for (const aws::PolicyTypeSummary& type : root->policy_types) {
    if (type.status == "ENABLED") live.enabled_policy_types.push_back(type.type);
  }
  FOYER_RETURN_IF_ERROR(CollectAccounts(source, root->id, "", live.accounts, &live.ou_ids));
  SortById(live.accounts);
  return live;
}

bool LiveOrganization::PolicyTypeEnabled(const std::string& type) const {
  return std::find(enabled_policy_types.begin(), enabled_policy_types.end(), type) !=
         enabled_policy_types.end();
}

std::string LiveOrganization::ParentId(const std::string& path) const {
  if (path.empty()) return root_id;
  auto found = ou_ids.find(path);
  return found == ou_ids.end() ? std::string() : found->second;
}

}  // namespace foyer::org
