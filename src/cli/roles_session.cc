#include "cli/roles_session.h"

#include "org/account_matching.h"

namespace foyer::cli {

Result<roles::AdminAccount> RolesSession::Admin() const {
  const std::string& name = spec.spec.accounts.admin.value;
  auto found = account_ids.find(name);
  if (found == account_ids.end()) {
    return MakeError("NoAdminAccount", "the admin account " + name +
                                           " does not exist yet; run `foyer apply` first");
  }
  return roles::AdminAccount{partition, found->second};
}

Result<std::unique_ptr<RolesSession>> OpenRolesSession(const std::string& spec_path,
                                                       const std::string& profile) {
  auto opened = OpenOrganization(spec_path, profile);
  if (!opened.ok()) return opened.error();
  auto session = std::make_unique<RolesSession>();
  static_cast<OrganizationSession&>(*session) = std::move(**opened);
  auto matching = org::MatchAccounts(session->spec.accounts, session->live.accounts, {}, session->ManagementId());
  if (!matching.ok()) return matching.error();
  session->account_ids = std::move(matching->ids);
  return session;
}

}  // namespace foyer::cli
