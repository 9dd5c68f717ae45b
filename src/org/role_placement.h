// Role placement: which target roles exist in which account, and which
// groups' landing roles each one trusts (DESIGN.md sections 1 and 2).
//
// A role exists in an account only where its own selector and at least one
// group's grant both pick the account; the trust policy of the role there
// names exactly the landing roles of those groups. The management account
// holds only OrganizationReader (every group, implicitly) and
// OrganizationAdministrator (the groups granted it).
#ifndef FOYER_ORG_ROLE_PLACEMENT_H_
#define FOYER_ORG_ROLE_PLACEMENT_H_

#include <string>
#include <vector>

#include "org/naming.h"
#include "spec/spec.h"

namespace foyer::org {

struct RolePlacement {
  std::string role;
  // The account's name; kManagementAccountName for management.
  std::string account;
  AccountKind account_kind = AccountKind::kService;
  // Groups whose landing roles the trust policy names, in spec order.
  std::vector<std::string> trusted_groups;
};

// Every placement: management first, then `accounts` in order; within an
// account, built-in roles first, then the spec's roles in spec order.
// REQUIRES: `spec` passed validation.
std::vector<RolePlacement> PlaceRoles(const spec::Spec& spec,
                                      const std::vector<DesiredAccount>& accounts);

}  // namespace foyer::org

#endif  // FOYER_ORG_ROLE_PLACEMENT_H_
