#include "org/guardrail_policies.h"

#include <cassert>

#include "org/storage_naming.h"

namespace foyer::org {
namespace {

using nlohmann::json;

constexpr char kLeave[] = "deny-leave-organization";
constexpr char kIamUsers[] = "deny-iam-users-outside-admin";
constexpr char kRootUser[] = "deny-root-user";
constexpr char kNeuter[] = "neuter-organization-account-access-role";

json Document(json statements) { return {{"Version", "2012-10-17"}, {"Statement", std::move(statements)}}; }

json DenyLeave() {
  return Document({{{"Sid", "DenyLeaveOrganization"},
                    {"Effect", "Deny"},
                    {"Action", "organizations:LeaveOrganization"},
                    {"Resource", "*"}}});
}

// Nobody in a member account may stop, change or delete the organization
// trail or weaken its bucket, foyer's own roles included: apply creates the
// bucket before this SCP is attached and never needs to change it after
// (its settings depend on nothing that changes), so an exception would only
// be a way to erase the trail. Changing it on purpose is a break-glass act.
json ProtectAuditTrail(const GuardrailTargets& targets) {
  const std::string trail = "arn:" + targets.partition + ":cloudtrail:*:" + targets.management_account_id +
                            ":trail/" + std::string(kOrganizationTrailName);
  const std::string bucket = "arn:" + targets.partition + ":s3:::" + targets.audit_bucket;
  return Document(
      {{{"Sid", "ProtectOrganizationTrail"},
        {"Effect", "Deny"},
        {"Action",
         {"cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail",
          "cloudtrail:PutEventSelectors", "cloudtrail:PutInsightSelectors"}},
        {"Resource", trail}},
       {{"Sid", "ProtectAuditBucket"},
        {"Effect", "Deny"},
        {"Action",
         {"s3:DeleteBucket", "s3:DeleteBucketPolicy", "s3:PutBucketPolicy", "s3:PutBucketAcl",
          "s3:PutBucketVersioning", "s3:PutEncryptionConfiguration", "s3:PutLifecycleConfiguration",
          "s3:PutBucketPublicAccessBlock", "s3:PutBucketOwnershipControls", "s3:PutReplicationConfiguration",
          "s3:PutBucketObjectLockConfiguration"}},
        {"Resource", bucket}},
       {{"Sid", "ProtectAuditLogs"},
        {"Effect", "Deny"},
        {"Action", {"s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutObjectAcl", "s3:PutObjectVersionAcl"}},
        {"Resource", bucket + "/*"}}});
}

// IAM users are one of the ways in (S6) and belong only in the admin account
// (S7). IAM acts in the caller's own account, so the caller's account is the
// one to test.
json DenyIamUsersOutsideAdmin(const GuardrailTargets& targets) {
  return Document({{{"Sid", "DenyIamUsersOutsideAdminAccount"},
                    {"Effect", "Deny"},
                    {"Action", {"iam:CreateUser", "iam:CreateAccessKey", "iam:CreateLoginProfile"}},
                    {"Resource", "*"},
                    {"Condition", {{"StringNotEquals", {{"aws:PrincipalAccount", targets.admin_account_id}}}}}}});
}

json DenyRootUser(const GuardrailTargets& targets) {
  return Document({{{"Sid", "DenyRootUser"},
                    {"Effect", "Deny"},
                    {"Action", "*"},
                    {"Resource", "*"},
                    {"Condition", {{"ArnLike", {{"aws:PrincipalArn", "arn:" + targets.partition + ":iam::*:root"}}}}}}});
}

// OrganizationAccountAccessRole trusts the whole management account (S2).
// Once foyer's own roles exist, nothing needs it any more.
json NeuterOrganizationAccountAccessRole(const GuardrailTargets& targets) {
  return Document({{{"Sid", "DenyOrganizationAccountAccessRole"},
                    {"Effect", "Deny"},
                    {"Action", "*"},
                    {"Resource", "*"},
                    {"Condition",
                     {{"ArnLike", {{"aws:PrincipalArn", "arn:" + targets.partition + ":iam::*:role/OrganizationAccountAccessRole"}}}}}}});
}

}  // namespace

std::vector<Guardrail> AllGuardrails(const spec::Guardrails& settings) {
  return {
      {kLeave, "foyer guardrail: member accounts cannot leave the organization", GuardrailScope::kRoot,
       settings.deny_leave_organization},
      {kProtectAuditTrailKey, "foyer guardrail: nobody in a member account can stop or weaken the organization trail",
       GuardrailScope::kRoot, settings.protect_audit_trail},
      {kIamUsers, "foyer guardrail: IAM users, access keys and passwords only in the admin account",
       GuardrailScope::kRoot, settings.deny_iam_users_outside_admin},
      {kRootUser, "foyer guardrail: the root user of member accounts can do nothing", GuardrailScope::kRoot,
       settings.deny_root_user},
      {kNeuter, "foyer guardrail: OrganizationAccountAccessRole can do nothing once foyer roles exist",
       GuardrailScope::kAccountsWithFoyerRoles, settings.neuter_organization_account_access_role},
  };
}

std::string GuardrailPolicyName(std::string_view key) { return "foyer-" + std::string(key); }

json GuardrailDocument(std::string_view key, const GuardrailTargets& targets) {
  if (key == kLeave) return DenyLeave();
  if (key == kProtectAuditTrailKey) return ProtectAuditTrail(targets);
  if (key == kIamUsers) return DenyIamUsersOutsideAdmin(targets);
  if (key == kRootUser) return DenyRootUser(targets);
  assert(key == kNeuter);
  return NeuterOrganizationAccountAccessRole(targets);
}

}  // namespace foyer::org
