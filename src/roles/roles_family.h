// The roles family: every IAM role foyer manages, in every account, plus
// what the landing roles need in the admin account (identity providers and
// IAM users). See DESIGN.md section 1 and docs/foyer-toml.md.
//
// Planning reads each existing account once (live_roles.h), in parallel,
// and compares documents semantically (iam/policy_comparison.h), so that a
// converged organization plans nothing. Roles and users no longer wanted
// are deleted only with --allow-delete; otherwise the plan says so.
#ifndef FOYER_ROLES_ROLES_FAMILY_H_
#define FOYER_ROLES_ROLES_FAMILY_H_

#include <functional>
#include <string_view>

#include "base/time_format.h"
#include "org/resource_family.h"

namespace foyer::roles {

class RolesFamily : public org::ResourceFamily {
 public:
  // `now` decides when revocation policies have expired (tests fix it).
  explicit RolesFamily(std::function<SystemTime()> now = std::chrono::system_clock::now)
      : now_(std::move(now)) {}
  std::string_view Name() const override { return "roles"; }
  Status AddChanges(const org::PlanContext& context, org::Plan& plan) override;

 private:
  std::function<SystemTime()> now_;
};

}  // namespace foyer::roles

#endif  // FOYER_ROLES_ROLES_FAMILY_H_
