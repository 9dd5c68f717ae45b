// The organization family: the organization itself (all features), service
// control policies enabled on the root, the OUs of DESIGN.md section 2
// (Security, Infrastructure, Workloads/<environment>), and every account the
// spec asks for — created, or adopted, tagged and moved into its OU.
//
// Accounts are never closed by a plan: `foyer account close` does that,
// after a typed confirmation.
#ifndef FOYER_ORG_ORGANIZATION_FAMILY_H_
#define FOYER_ORG_ORGANIZATION_FAMILY_H_

#include <set>
#include <string>
#include <string_view>

#include "org/resource_family.h"

namespace foyer::org {

class OrganizationFamily : public ResourceFamily {
 public:
  // `adopted`: the desired accounts matched by email or --adopt, whose tags
  // must be written (account_matching.h).
  explicit OrganizationFamily(std::set<std::string> adopted) : adopted_(std::move(adopted)) {}
  std::string_view Name() const override { return "organization"; }
  Status AddChanges(const PlanContext& context, Plan& plan) override;

 private:
  std::set<std::string> adopted_;
};

// The address of the change that creates account `name`; other families
// make the contents of an account depend on it.
std::string AccountAddress(std::string_view name);

}  // namespace foyer::org

#endif  // FOYER_ORG_ORGANIZATION_FAMILY_H_
