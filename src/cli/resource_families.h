// Every resource family foyer plans and applies, in the order they run.
#ifndef FOYER_CLI_RESOURCE_FAMILIES_H_
#define FOYER_CLI_RESOURCE_FAMILIES_H_

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "org/resource_family.h"

namespace foyer::cli {

// The organization first (accounts must exist before anything lives in
// them), then roles, then what depends on roles (the guardrail neutering
// OrganizationAccountAccessRole), then the storage of the audit and deploy
// accounts and the CI identities.
// `adopted`: the desired accounts adopted rather than created
// (org/account_matching.h).
std::vector<std::unique_ptr<org::ResourceFamily>> AllResourceFamilies(std::set<std::string> adopted);

}  // namespace foyer::cli

#endif  // FOYER_CLI_RESOURCE_FAMILIES_H_
