// The inventory of foyer roles behind `foyer roles`: every role the spec
// places and every role found at /foyer/, where it exists, and who may
// assume it according to its live trust policy (or, for a role not made
// yet, according to the spec).
#ifndef FOYER_ROLES_ROLE_INVENTORY_H_
#define FOYER_ROLES_ROLE_INVENTORY_H_

#include <map>
#include <string>
#include <vector>

#include "roles/desired_roles.h"
#include "roles/live_roles.h"

namespace foyer::roles {

enum class RoleStatus {
  kOk,        // exists and its trust is what the spec asks for
  kDrifted,   // exists, but its trust differs: `foyer apply` rewrites it
  kMissing,   // the spec places it, it does not exist (or its account does not)
  kUnwanted,  // exists at /foyer/, the spec does not place it
};

// "ok", "drifted", "missing", "unwanted".
std::string_view RoleStatusName(RoleStatus status);

struct RoleEntry {
  std::string role;
  std::string account;     // account name
  std::string account_id;  // "" when the account does not exist
  bool landing = false;
  RoleStatus status = RoleStatus::kOk;
  // Who the trust admits, shortest names first: groups for landing-role
  // principals of the admin account ("sre"), else the principal itself
  // ("oidc-provider/idp.example.com", "user/alice", an ARN).
  std::vector<std::string> assumable_by;
};

// One entry per role, accounts in spec order (management first), roles in
// the order DesiredRoles gives them, unwanted roles last in their account.
std::vector<RoleEntry> InventoryRoles(const std::vector<AccountRoles>& desired,
                                      const std::map<std::string, LiveAccountIam>& live,
                                      const std::map<std::string, std::string>& account_ids,
                                      const AdminAccount& admin);

// Who `trust` admits, as RoleEntry::assumable_by names them.
std::vector<std::string> TrustedPrincipals(const nlohmann::json& trust, const AdminAccount& admin);

}  // namespace foyer::roles

#endif  // FOYER_ROLES_ROLE_INVENTORY_H_
