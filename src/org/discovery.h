// Discovery of the live organization: every account with its status,
// email, tags and OU path, read from AWS Organizations.
//
// Accounts are recognised by their foyer:* tags (naming.h), never by name,
// so discovery reads the tags of every account. The tree is walked once from
// the root down (ListOrganizationalUnitsForParent and ListAccountsForParent
// per OU), which costs two calls per OU instead of a ListParents chain per
// account and learns each OU's name along the way.
#ifndef FOYER_ORG_DISCOVERY_H_
#define FOYER_ORG_DISCOVERY_H_

#include <string>
#include <vector>

#include "aws/organizations.h"
#include "base/result.h"
#include "org/live_organization.h"
#include "store/inventory_cache.h"

namespace foyer::org {

// Error code when the credentials reach another organization than expected.
inline constexpr const char* kWrongOrganizationError = "WrongOrganization";

// The Organizations calls discovery makes. OrganizationsClient answers them
// for real (OrganizationsReader below); tests answer them from memory.
class OrganizationSource {
 public:
  virtual ~OrganizationSource() = default;
  virtual Result<aws::Organization> DescribeOrganization() = 0;
  virtual Result<std::vector<aws::Root>> ListRoots() = 0;
  virtual Result<std::vector<aws::OrganizationalUnit>> ListOrganizationalUnitsForParent(
      const std::string& parent_id) = 0;
  virtual Result<std::vector<aws::Account>> ListAccountsForParent(const std::string& parent_id) = 0;
  virtual Result<aws::TagList> ListTagsForResource(const std::string& resource_id) = 0;
};

// An OrganizationSource backed by a real client.
class OrganizationsReader : public OrganizationSource {
 public:
  explicit OrganizationsReader(aws::OrganizationsClient& client) : client_(client) {}
  Result<aws::Organization> DescribeOrganization() override;
  Result<std::vector<aws::Root>> ListRoots() override;
  Result<std::vector<aws::OrganizationalUnit>> ListOrganizationalUnitsForParent(
      const std::string& parent_id) override;
  Result<std::vector<aws::Account>> ListAccountsForParent(const std::string& parent_id) override;
  Result<aws::TagList> ListTagsForResource(const std::string& resource_id) override;

 private:
  aws::OrganizationsClient& client_;
};

// The organization the credentials reach. When `expected_management_id` is
// not empty and the organization's management account differs, fails with
// kWrongOrganizationError rather than let foyer read or touch an
// organization it was not pointed at.
Result<aws::Organization> DescribeExpectedOrganization(OrganizationSource& source,
                                                       const std::string& expected_management_id);

// Every account of the organization under its single root, ordered by id,
// with its tags and its OU path from the root ("Workloads/production"; ""
// for accounts directly under the root).
Result<std::vector<store::InventoryAccount>> DiscoverAccounts(OrganizationSource& source);

// Error code of DescribeOrganization when the account is in no organization.
inline constexpr const char* kNotInOrganizationError = "AWSOrganizationsNotInUseException";

// Everything the planner needs to know of the organization: whether it
// exists, its root and enabled policy types, every OU with its id and
// every account. No organization is not an error: the result then has no
// `organization` and nothing else. Refuses another organization than the
// one of `expected_management_id` (kWrongOrganizationError).
Result<LiveOrganization> DiscoverOrganization(OrganizationSource& source,
                                              const std::string& expected_management_id);

}  // namespace foyer::org

#endif  // FOYER_ORG_DISCOVERY_H_
