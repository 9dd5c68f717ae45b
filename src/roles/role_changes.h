// The changes that converge one foyer role: what differs between the role
// IAM holds and the role the spec asks for, and the plan change that fixes
// exactly that.
#ifndef FOYER_ROLES_ROLE_CHANGES_H_
#define FOYER_ROLES_ROLE_CHANGES_H_

#include <memory>
#include <string>
#include <vector>

#include "base/time_format.h"
#include "org/plan.h"
#include "roles/apply_inputs.h"
#include "roles/desired_roles.h"
#include "roles/live_roles.h"

namespace foyer::roles {

// Revocations cut off sessions issued before their cutoff; once the longest
// session issued before it (a landing session, 12 hours) has expired the
// policy has nothing left to deny and is removed.
inline constexpr std::chrono::seconds kRevocationKeptFor{kLandingMaxSessionSeconds};

struct RoleDiff {
  bool create = false;
  bool trust = false;
  bool max_session = false;
  bool tags = false;
  std::vector<std::string> attach;
  std::vector<std::string> detach;
  std::vector<std::string> put_inline;
  std::vector<std::string> delete_inline;
  std::vector<org::FieldChange> fields;

  bool empty() const { return !create && fields.empty(); }
};

// What to do to `live` (null: the role does not exist) to make it
// `desired`. A landing role's revocation policy is kept until `now` is past
// its cutoff by kRevocationKeptFor; other inline policies foyer did not ask
// for are deleted (roles under /foyer/ are foyer's alone).
RoleDiff DiffRole(const DesiredRole& desired, const LiveRole* live, SystemTime now);

// The plan change of `diff` for role `desired` in account `account`.
// REQUIRES: !diff.empty()
org::Change RoleChange(const std::string& account, const DesiredRole& desired, const RoleDiff& diff,
                       const std::shared_ptr<const ApplyInputs>& inputs);

// The deletion of `live` from `account`: its policies first, then the role.
org::Change RoleDeletion(const std::string& account, const LiveRole& live,
                         const std::shared_ptr<const ApplyInputs>& inputs);

}  // namespace foyer::roles

#endif  // FOYER_ROLES_ROLE_CHANGES_H_
