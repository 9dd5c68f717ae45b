// What `foyer roles` and `foyer revoke` start from: the spec, the caller's
// credentials, and the live organization's account ids, without planning.
#ifndef FOYER_CLI_ROLES_SESSION_H_
#define FOYER_CLI_ROLES_SESSION_H_

#include <map>
#include <memory>
#include <string>

#include "base/result.h"
#include "cli/organization_session.h"
#include "roles/role_documents.h"

namespace foyer::cli {

struct RolesSession : OrganizationSession {
  // Desired account name -> live id ("management" included).
  std::map<std::string, std::string> account_ids;

  // The admin account, or an error saying it does not exist yet.
  Result<roles::AdminAccount> Admin() const;
};

// OpenOrganization, then the live ids of the spec's accounts.
Result<std::unique_ptr<RolesSession>> OpenRolesSession(const std::string& spec_path,
                                                       const std::string& profile);

}  // namespace foyer::cli

#endif  // FOYER_CLI_ROLES_SESSION_H_
