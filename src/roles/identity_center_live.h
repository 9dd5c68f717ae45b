// What Identity Center holds of foyer's: whether the admin account is its
// delegated administrator, the instance, the permission sets named
// foyer-*, where they are assigned, and the ids of the spec's groups in
// the identity store. Everything but the delegation is read with the
// admin account's credentials: Identity Center is never administered from
// management.
#ifndef FOYER_ROLES_IDENTITY_CENTER_LIVE_H_
#define FOYER_ROLES_IDENTITY_CENTER_LIVE_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "aws/identity_store.h"
#include "aws/organizations.h"
#include "aws/sso_admin.h"
#include "base/result.h"

namespace foyer::roles {

inline constexpr char kIdentityCenterPrincipal[] = "sso.amazonaws.com";

// Where a permission set is assigned: in the admin account, and in every
// other account it is provisioned to.
struct SetAssignments {
  std::vector<aws::AccountAssignment> in_admin;
  std::vector<aws::AccountAssignment> elsewhere;
};

struct LivePermissionSet {
  aws::PermissionSet described;
  std::string inline_policy;  // as returned; empty when none
  SetAssignments assignments;
};

struct LiveIdentityCenter {
  aws::SsoInstance instance;
  std::map<std::string, LivePermissionSet> sets;  // by name, foyer-* only
  // The spec's groups by name: their id in the identity store, nullopt
  // when the store has no group of that name.
  std::map<std::string, std::optional<std::string>> group_ids;
};

// Whether `assignments` give the permission set to the group `group_id`.
bool AssignedTo(const std::vector<aws::AccountAssignment>& assignments, const std::string& group_id);

// Every assignment but the one foyer makes, to the group `group_id` in the
// admin account: users or other groups in the admin account, anyone in
// another account. With no `group_id` (the group is not in the identity
// store) every assignment is stray. Those elsewhere come first.
std::vector<aws::AccountAssignment> StrayAssignments(const SetAssignments& assignments,
                                                     const std::optional<std::string>& group_id);

// The assignments of the permission set `set_arn`.
Result<SetAssignments> ReadAssignments(aws::SsoAdminClient& sso, const std::string& instance_arn,
                                       const std::string& admin_id, const std::string& set_arn);

// Whether `admin_id` is Identity Center's delegated administrator, read
// with management's Organizations client.
Result<bool> IsDelegatedAdministrator(aws::OrganizationsClient& management, const std::string& admin_id);

// The first instance, or nullopt when Identity Center is not enabled (or
// not visible to the admin account).
Result<std::optional<aws::SsoInstance>> FindInstance(aws::SsoAdminClient& sso);

// The ARNs of the permission sets named `name`-by-name, foyer-* only.
Result<std::map<std::string, aws::PermissionSet>> FoyerPermissionSets(aws::SsoAdminClient& sso,
                                                                     const std::string& instance_arn);

// Reads the instance's foyer permission sets and the ids of `groups`.
Result<LiveIdentityCenter> ReadIdentityCenter(aws::SsoAdminClient& sso, aws::IdentityStoreClient& store,
                                              const aws::SsoInstance& instance, const std::string& admin_id,
                                              const std::vector<std::string>& groups);

}  // namespace foyer::roles

#endif  // FOYER_ROLES_IDENTITY_CENTER_LIVE_H_
