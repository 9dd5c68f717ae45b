// What `foyer roles` and `foyer revoke` start from: the spec, the caller's
// credentials, and the live organization's account ids, without planning.
#ifndef FOYER_CLI_ROLES_SESSION_H_
#define FOYER_CLI_ROLES_SESSION_H_

#include <map>
#include <memory>
#include <string>

#include "base/result.h"
#include "org/live_account_access.h"
#include "org/live_organization.h"
#include "org/org_validation.h"
#include "roles/role_documents.h"

namespace foyer::cli {

struct RolesSession {
  org::CheckedSpec spec;
  std::string partition;
  std::unique_ptr<org::LiveAccountAccess> access;
  org::LiveOrganization live;
  // Desired account name -> live id ("management" included).
  std::map<std::string, std::string> account_ids;

  const std::string& Region() const { return spec.spec.organization.regions.items.front().value; }
  // The admin account, or an error saying it does not exist yet.
  Result<roles::AdminAccount> Admin() const;
};

// Loads and validates `spec_path`, identifies the caller of `profile` and
// discovers the organization the spec names.
Result<std::unique_ptr<RolesSession>> OpenRolesSession(const std::string& spec_path,
                                                       const std::string& profile);

}  // namespace foyer::cli

#endif  // FOYER_CLI_ROLES_SESSION_H_
