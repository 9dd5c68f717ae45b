#include "org/discovery.h"

#include <algorithm>
#include <utility>

namespace foyer::org {
namespace {

// Appends to `found` every account under `parent_id`, whose OU path is
// `ou_path`, then those of its OUs, depth first.
Status CollectAccounts(OrganizationSource& source, const std::string& parent_id,
                       const std::string& ou_path, std::vector<store::InventoryAccount>& found) {
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
    FOYER_RETURN_IF_ERROR(CollectAccounts(source, unit.id, path, found));
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

Result<std::vector<store::InventoryAccount>> DiscoverAccounts(OrganizationSource& source) {
  auto roots = source.ListRoots();
  if (!roots.ok()) return roots.error();
  if (roots->size() != 1) {
    return MakeError("UnexpectedOrganization", "the organization has " +
                                                   std::to_string(roots->size()) +
                                                   " roots; foyer expects exactly one");
  }
  std::vector<store::InventoryAccount> found;
  FOYER_RETURN_IF_ERROR(CollectAccounts(source, roots->front().id, "", found));
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.id < b.id; });
  return found;
}

}  // namespace foyer::org
