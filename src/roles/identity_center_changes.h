// The changes of the Identity Center family (identity_center_family.h)
// and what they do when applied. Each apply looks again before it writes,
// so a rerun after a crash converges: an existing registration, permission
// set or assignment (ConflictException, AccountAlreadyRegisteredException)
// is taken as done, a missing one to delete as deleted.
#ifndef FOYER_ROLES_IDENTITY_CENTER_CHANGES_H_
#define FOYER_ROLES_IDENTITY_CENTER_CHANGES_H_

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "aws/sso_admin.h"
#include "org/plan.h"
#include "roles/identity_center_live.h"

namespace foyer::roles {

// What the changes need when applied.
struct IdentityCenterInputs {
  std::string admin;          // the admin account's name in the spec
  std::string management_id;  // where the delegation is registered
  std::string partition = "aws";
  std::string region;                // of the Identity Center instance
  std::string organizations_region;  // any region of the organization
};

inline constexpr char kDelegationAddress[] = "identity_center.delegated_admin";
std::string PermissionSetAddress(const std::string& group);
std::string AssignmentAddress(const std::string& group);

// organizations:RegisterDelegatedAdministrator of the admin account for
// sso.amazonaws.com, from management.
org::Change DelegationChange(const std::shared_ptr<const IdentityCenterInputs>& inputs);

// Creates foyer-<group> or brings it to the description, session duration
// and inline `policy` foyer gives it, then provisions it. `live` is null
// when it does not exist (or could not be read).
org::Change PermissionSetChange(const std::string& group, const LivePermissionSet* live,
                                const nlohmann::json& policy,
                                const std::shared_ptr<const IdentityCenterInputs>& inputs);

// Assigns foyer-<group> to the identity store's group `group` in the admin
// account.
org::Change AssignmentChange(const std::string& group, const std::shared_ptr<const IdentityCenterInputs>& inputs);

// Removes an assignment of foyer-<group> foyer does not make (StrayAssignments).
org::Change AssignmentRemoval(const std::string& group, const aws::AccountAssignment& assignment,
                              const std::shared_ptr<const IdentityCenterInputs>& inputs);

// Deletes the permission set `name` after removing all its assignments.
org::Change PermissionSetRemoval(const std::string& name, const std::shared_ptr<const IdentityCenterInputs>& inputs);

// Identity Center shows the admin account no instance.
Error NoInstanceError(const std::string& admin_id, const std::string& region);

}  // namespace foyer::roles

#endif  // FOYER_ROLES_IDENTITY_CENTER_CHANGES_H_
