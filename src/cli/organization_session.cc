#include "cli/organization_session.h"

#include "aws/arn.h"
#include "aws/organizations.h"
#include "creds/default_chain.h"
#include "org/discovery.h"

namespace foyer::cli {
namespace {

Result<aws::CallerIdentity> IdentifyCaller(const aws::ClientConfig& config) {
  auto identity = aws::StsClient(config).GetCallerIdentity();
  if (!identity.ok()) {
    Error error = identity.error();
    error.message = "could not tell who these credentials are (sts:GetCallerIdentity): " + error.message;
    return error;
  }
  return identity;
}

// Credentials outside the management account reach it through a role;
// before they do, make sure their own organization is the spec's, so that
// pointing foyer at the wrong organization says so plainly.
Status CheckCallersOrganization(const aws::ClientConfig& caller_config, const aws::CallerIdentity& caller,
                                const std::string& management_id) {
  if (caller.account == management_id) return OkStatus();
  aws::OrganizationsClient organizations(caller_config);
  org::OrganizationsReader reader(organizations);
  auto described = org::DescribeExpectedOrganization(reader, management_id);
  if (!described.ok() && described.error().code == org::kWrongOrganizationError) return described.error();
  return OkStatus();
}

}  // namespace

Result<std::unique_ptr<OrganizationSession>> OpenOrganization(const std::string& spec_path,
                                                               const std::string& profile) {
  auto session = std::make_unique<OrganizationSession>();
  auto spec = org::LoadValidSpec(spec_path);
  if (!spec.ok()) return spec.error();
  session->spec = std::move(*spec);
  const std::string& management_id = session->ManagementId();

  auto credentials = creds::ResolveSession(profile);
  if (!credentials.ok()) return credentials.error();
  aws::ClientConfig caller_config = creds::ClientConfigFor(*credentials);
  auto caller = IdentifyCaller(caller_config);
  if (!caller.ok()) return caller.error();
  session->caller = *caller;
  FOYER_RETURN_IF_ERROR(CheckCallersOrganization(caller_config, *caller, management_id));
  auto arn = aws::ParseArn(caller->arn);
  session->partition = arn.ok() ? arn->partition : "aws";
  session->access =
      std::make_unique<org::LiveAccountAccess>(caller_config, *caller, management_id, session->partition);

  auto management = session->access->ConfigIn(management_id, session->Region());
  if (!management.ok()) return management.error();
  aws::OrganizationsClient organizations(std::move(*management));
  org::OrganizationsReader reader(organizations);
  auto live = org::DiscoverOrganization(reader, management_id);
  if (!live.ok()) return live.error();
  session->live = std::move(*live);
  return session;
}

}  // namespace foyer::cli
