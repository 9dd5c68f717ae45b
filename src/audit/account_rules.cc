// S1, S2, S3: what lives in the admin and management accounts.
#include <string>

#include "audit/rules.h"
#include "audit/statements.h"

namespace foyer::audit {
namespace {

using access_graph::SnapshotAccount;

// Roles AWS itself creates and manages, which no one can remove.
bool IsServiceLinked(const std::string& arn) { return arn.find(":role/aws-service-role/") != std::string::npos; }

void CheckAdminHoldsOnlyAccess(const SnapshotAccount& admin, std::vector<Finding>& findings) {
  for (const access_graph::SnapshotRole& role : admin.roles) {
    if (IsFoyerRole(role.arn) || IsServiceLinked(role.arn) || RoleName(role.arn) == "OrganizationAccountAccessRole") {
      continue;
    }
    findings.push_back({"S1-foreign-role-in-admin", Severity::kMedium, admin.id, role.arn,
                        "role " + role.arn + " is not a foyer role: the admin account holds only what it takes to "
                        "authenticate, authorize and move across accounts",
                        {DescribeStatement(role.trust_policy, 0)},
                        "move the workload this role serves to a service account and delete the role"});
  }
  for (const access_graph::SnapshotBucket& bucket : admin.buckets) {
    findings.push_back({"S3-bucket-in-admin", Severity::kHigh, admin.id, "s3://" + bucket.name,
                        "bucket " + bucket.name + " lives in the admin account, which must hold no logs, "
                        "metrics, customer data or state",
                        {"s3:ListBuckets in account " + admin.id + " lists " + bucket.name},
                        "move the data to the audit or deploy account (or the service account it belongs to) "
                        "and delete the bucket"});
  }
  for (const access_graph::SnapshotTrail& trail : admin.trails) {
    findings.push_back({"S3-trail-in-admin", Severity::kHigh, admin.id, trail.arn.empty() ? trail.name : trail.arn,
                        "trail " + trail.name + " is defined in the admin account; the audit trail is the "
                        "organization trail, delivered to the audit account",
                        {"cloudtrail:DescribeTrails in account " + admin.id + " returns " + trail.name},
                        "delete the trail; the organization trail already records the admin account"});
  }
}

void CheckNoHumanEntryInManagement(const SnapshotAccount& management, std::vector<Finding>& findings) {
  auto entry = [&](const std::string& resource, const std::string& what) {
    findings.push_back({"S2-human-entry-in-management", Severity::kHigh, management.id, resource,
                        what + " in the management account lets people in there, and its principals can "
                        "assume OrganizationAccountAccessRole everywhere",
                        {what + ": " + resource},
                        "log people into the admin account only; delete it from the management account"});
  };
  for (const access_graph::SnapshotUser& user : management.users) entry(user.arn, "IAM user");
  for (const std::string& provider : management.oidc_providers) entry(provider, "OpenID Connect provider");
  for (const std::string& provider : management.saml_providers) entry(provider, "SAML provider");
}

}  // namespace

void CheckAccounts(const AuditContext& context, std::vector<Finding>& findings) {
  if (context.admin == nullptr) {
    findings.push_back({"S1-no-admin-account", Severity::kHigh, "", context.snapshot.organization_id,
                        "no account is tagged foyer:kind=admin or named admin",
                        {"organization " + context.snapshot.organization_id + " has " +
                         std::to_string(context.snapshot.accounts.size()) + " accounts, none of them the admin account"},
                        "create the admin account with foyer apply, or name it with --admin ID"});
  } else {
    CheckAdminHoldsOnlyAccess(*context.admin, findings);
  }
  if (context.management != nullptr) CheckNoHumanEntryInManagement(*context.management, findings);
  for (const SnapshotAccount& account : context.snapshot.accounts) {
    if (account.errors.empty()) continue;
    findings.push_back({"snapshot-incomplete", Severity::kMedium, account.id, account.id,
                        "account " + account.id + " could not be read completely, so its findings may be missing",
                        account.errors,
                        "give the auditing role read access there (foyer/Auditor) and run the audit again"});
  }
}

}  // namespace foyer::audit
