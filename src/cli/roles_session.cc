#include "cli/roles_session.h"

#include "aws/arn.h"
#include "aws/organizations.h"
#include "aws/sts.h"
#include "creds/default_chain.h"
#include "org/account_matching.h"
#include "org/discovery.h"

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
  auto session = std::make_unique<RolesSession>();
  auto spec = org::LoadValidSpec(spec_path);
  if (!spec.ok()) return spec.error();
  session->spec = std::move(*spec);
  const std::string& management_id = session->spec.spec.organization.management_account_id.value;

  auto credentials = creds::ResolveSession(profile);
  if (!credentials.ok()) return credentials.error();
  aws::ClientConfig caller_config = creds::ClientConfigFor(*credentials);
  auto caller = aws::StsClient(caller_config).GetCallerIdentity();
  if (!caller.ok()) return caller.error();
  auto arn = aws::ParseArn(caller->arn);
  session->partition = arn.ok() ? arn->partition : "aws";
  session->access = std::make_unique<org::LiveAccountAccess>(caller_config, *caller, management_id,
                                                             session->partition);

  auto management = session->access->ConfigIn(management_id, session->Region());
  if (!management.ok()) return management.error();
  aws::OrganizationsClient organizations(std::move(*management));
  org::OrganizationsReader reader(organizations);
  auto live = org::DiscoverOrganization(reader, management_id);
  if (!live.ok()) return live.error();
  session->live = std::move(*live);
  auto matching = org::MatchAccounts(session->spec.accounts, session->live.accounts, {}, management_id);
  if (!matching.ok()) return matching.error();
  session->account_ids = std::move(matching->ids);
  return session;
}

}  // namespace foyer::cli
