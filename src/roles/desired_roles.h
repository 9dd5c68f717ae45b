// Desired roles: every IAM role foyer wants in every account, with its
// documents, computed from the spec alone (DESIGN.md section 1).
//
// Landing roles (one per group) live in the admin account; target roles
// live where org::PlaceRoles puts them, management's two roles included.
#ifndef FOYER_ROLES_DESIRED_ROLES_H_
#define FOYER_ROLES_DESIRED_ROLES_H_

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "org/naming.h"
#include "roles/role_documents.h"
#include "spec/spec.h"

namespace foyer::roles {

// The ids the documents name. Before the admin account or the organization
// exists (a first plan), they are placeholders such as "<admin>": the plan
// shows them, and apply computes the documents again with the real ids.
struct DocumentIds {
  AdminAccount admin;
  std::string organization_id;
};

struct DesiredRole {
  std::string name;  // without the path: "Administrator", "sre"
  bool landing = false;
  // Groups whose landing roles the trust names (target roles only).
  std::vector<std::string> trusted_groups;
  nlohmann::json trust_policy;
  std::vector<std::string> managed_policies;  // ARNs, sorted
  std::map<std::string, nlohmann::json> inline_policies;  // policy name -> document
  int max_session_seconds = kTargetMaxSessionSeconds;
};

struct AccountRoles {
  std::string account;  // account name; "management" for management
  org::AccountKind kind = org::AccountKind::kService;
  std::vector<DesiredRole> roles;
};

// Every account that holds foyer roles, management first, in the order of
// org::PlaceRoles; in the admin account, landing roles come first.
// REQUIRES: `spec` passed validation; `accounts` = org::DesiredAccounts(spec).
std::vector<AccountRoles> DesiredRoles(const spec::Spec& spec,
                                       const std::vector<org::DesiredAccount>& accounts,
                                       const DocumentIds& ids);

// The role `role` of `account` in `desired`, or null.
const DesiredRole* FindDesiredRole(const std::vector<AccountRoles>& desired,
                                   const std::string& account, const std::string& role);

// The tag every role and user foyer manages carries.
inline constexpr char kManagedTagKey[] = "foyer:managed";
inline constexpr char kManagedTagValue[] = "true";
// The maximum session duration foyer set, in seconds, kept as a tag because
// GetAccountAuthorizationDetails returns tags but not the duration: reading
// it costs no extra call per account. A duration changed by hand without
// the tag goes unnoticed; foyer's own changes always move both.
inline constexpr char kMaxSessionTagKey[] = "foyer:max-session-duration";

}  // namespace foyer::roles

#endif  // FOYER_ROLES_DESIRED_ROLES_H_
