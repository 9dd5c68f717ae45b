#include "spec/starter_spec.h"

#include <cerrno>
#include <cstring>
#include <fstream>

namespace foyer::spec {

std::string_view StarterSpecText() {
  return R"(# foyer.toml: the desired state of your AWS organization.
# Check it with `foyer validate`; every key is described in docs/foyer-toml.md.

[organization]
# The management account of your organization; foyer refuses to act on any other.
management_account_id = "123456789012"
# Root email of each account foyer creates; {account} is the account name.
email = "aws+{account}@example.com"
# At least two, so that access survives a regional outage; the first is the default.
regions = ["us-east-1", "us-west-2"]
environments = ["development", "production"]
# qualities = ["default"]                  # e.g. ["blue", "green"]; names then end in -<quality>

[accounts]
admin = "admin"                            # where people land; holds nothing else
audit = "audit"                            # organization trail
deploy = "deploy"                          # Terraform state

# One service account per domain x environment x quality, named
# <domain>-<environment>: here example-development and example-production.
[[domain]]
name = "example"
# environments = ["production"]            # default: all of them

# Administrator and Auditor exist in every account without being declared.
# A custom role:
# [[role]]
# name = "Deployer"
# in = { environments = ["production"] }
# managed_policies = ["arn:aws:iam::aws:policy/PowerUserAccess"]
# policy_file = "policies/deployer.json"

# Groups of people; each has one landing role in the admin account.
[[group]]
name = "admins"
grants = [{ role = "Administrator" }, { role = "OrganizationAdministrator" }]

[[group]]
name = "developers"
grants = [{ role = "Auditor" },
          { role = "Administrator", in = { environments = ["development"] } }]

# How people get in: any of oidc, saml, iam_users, identity_center.
# [identity.oidc]
# issuer = "https://idp.example.com"
# client_id = "foyer"
# group_match = "tag"                      # or "subject", with members listed per group

[identity.iam_users]
alice = { groups = ["admins"] }

# Service control policies, all on by default.
[guardrails]
deny_leave_organization = true
protect_audit_trail = true
deny_iam_users_outside_admin = true
deny_root_user = true
neuter_organization_account_access_role = true
)";
}

Status WriteStarterSpec(const std::filesystem::path& path, bool overwrite) {
  std::error_code error;
  if (!overwrite && std::filesystem::exists(path, error)) {
    return MakeError("FileExists", path.string() + " already exists; use --force to overwrite it");
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (out) out << StarterSpecText();
  out.close();
  if (!out) {
    return MakeError("FileError", "cannot write " + path.string() + ": " + std::strerror(errno));
  }
  return OkStatus();
}

}  // namespace foyer::spec
