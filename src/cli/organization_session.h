// What every command that acts on the organization starts from: the spec,
// who the caller is, administrative access into its accounts, and the live
// organization (plan, apply, roles, revoke, account close).
#ifndef FOYER_CLI_ORGANIZATION_SESSION_H_
#define FOYER_CLI_ORGANIZATION_SESSION_H_

#include <memory>
#include <string>

#include "aws/sts.h"
#include "base/result.h"
#include "org/live_account_access.h"
#include "org/live_organization.h"
#include "org/org_validation.h"

namespace foyer::cli {

struct OrganizationSession {
  org::CheckedSpec spec;
  aws::CallerIdentity caller;
  std::string partition;
  std::unique_ptr<org::LiveAccountAccess> access;
  // No `organization` when the caller's account is in none yet.
  org::LiveOrganization live;

  const std::string& ManagementId() const { return spec.spec.organization.management_account_id.value; }
  const std::string& Region() const { return spec.spec.organization.regions.items.front().value; }
};

// Loads and validates `spec_path`, identifies the caller of `profile`
// (sts:GetCallerIdentity) and discovers the organization the spec names.
// Refuses credentials whose own organization is another one, from the
// management account or from a member.
Result<std::unique_ptr<OrganizationSession>> OpenOrganization(const std::string& spec_path,
                                                               const std::string& profile);

}  // namespace foyer::cli

#endif  // FOYER_CLI_ORGANIZATION_SESSION_H_
