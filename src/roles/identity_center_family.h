// IAM Identity Center provisioning, when [identity.identity_center] is
// set: the admin account registered as Identity Center's delegated
// administrator (from management, the one call made there), then, with the
// admin account's own credentials, one permission set foyer-<group> per
// group whose only right is to assume that group's landing role, assigned
// to the identity store's group of the same name in the admin account only.
//
// Any other assignment of foyer's permission sets (users or other groups
// in the admin account, anyone in another account), and permission sets
// foyer-* of groups no longer in the spec, are deleted with --allow-delete,
// else named in plan notes; so are all foyer-* sets once the spec has no
// [identity.identity_center] (the delegation is left). A group missing from the
// identity store gets its permission set but no assignment, and a note.
//
// Runs after the roles family: the permission sets name landing roles.
#ifndef FOYER_ROLES_IDENTITY_CENTER_FAMILY_H_
#define FOYER_ROLES_IDENTITY_CENTER_FAMILY_H_

#include <string>

#include <nlohmann/json.hpp>

#include "org/resource_family.h"

namespace foyer::roles {

// Permission sets live no longer than the landing role needs to be
// assumed from them.
inline constexpr char kPermissionSetSessionDuration[] = "PT1H";
inline constexpr char kPermissionSetDescription[] =
    "Managed by foyer: assumes the group's landing role in the admin account";

// The inline policy of foyer-<group>: sts:AssumeRole and
// sts:SetSourceIdentity (what the landing trust of an Identity Center
// group admits) on that group's landing role and nothing else.
nlohmann::json PermissionSetPolicy(const std::string& partition, const std::string& admin_id,
                                   const std::string& group);

class IdentityCenterFamily : public org::ResourceFamily {
 public:
  std::string_view Name() const override { return "identity center"; }
  Status AddChanges(const org::PlanContext& context, org::Plan& plan) override;
};

}  // namespace foyer::roles

#endif  // FOYER_ROLES_IDENTITY_CENTER_FAMILY_H_
