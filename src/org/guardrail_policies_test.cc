#include "org/guardrail_policies.h"

#include <gtest/gtest.h>

namespace foyer::org {
namespace {

using nlohmann::json;

GuardrailTargets Targets() { return {"aws", "123456789012", "222222222222", "foyer-audit-333333333333"}; }

TEST(GuardrailPoliciesTest, AllOnByDefaultAndOffWhenTheSpecSaysSo) {
  spec::Guardrails settings;
  settings.deny_root_user = false;
  std::vector<Guardrail> guardrails = AllGuardrails(settings);
  ASSERT_EQ(guardrails.size(), 5u);
  std::vector<std::string> keys;
  for (const Guardrail& guardrail : guardrails) {
    keys.push_back(guardrail.key);
    EXPECT_EQ(guardrail.enabled, guardrail.key != "deny-root-user") << guardrail.key;
  }
  EXPECT_EQ(keys, (std::vector<std::string>{"deny-leave-organization", "protect-audit-trail",
                                            "deny-iam-users-outside-admin", "deny-root-user",
                                            "neuter-organization-account-access-role"}));
  EXPECT_EQ(guardrails[4].scope, GuardrailScope::kAccountsWithFoyerRoles);
  EXPECT_EQ(guardrails[0].scope, GuardrailScope::kRoot);
  EXPECT_EQ(GuardrailPolicyName("deny-root-user"), "foyer-deny-root-user");
}

TEST(GuardrailPoliciesTest, DenyLeaveOrganization) {
  EXPECT_EQ(GuardrailDocument("deny-leave-organization", Targets()), json::parse(R"({"Version":"2012-10-17",
      "Statement":[{"Sid":"DenyLeaveOrganization","Effect":"Deny",
                    "Action":"organizations:LeaveOrganization","Resource":"*"}]})"));
}

TEST(GuardrailPoliciesTest, ProtectAuditTrailCoversTheTrailTheBucketAndTheLogsWithNoException) {
  EXPECT_EQ(GuardrailDocument("protect-audit-trail", Targets()), json::parse(R"({"Version":"2012-10-17",
      "Statement":[
        {"Sid":"ProtectOrganizationTrail","Effect":"Deny",
         "Action":["cloudtrail:StopLogging","cloudtrail:DeleteTrail","cloudtrail:UpdateTrail",
                   "cloudtrail:PutEventSelectors","cloudtrail:PutInsightSelectors"],
         "Resource":"arn:aws:cloudtrail:*:123456789012:trail/foyer-organization-trail"},
        {"Sid":"ProtectAuditBucket","Effect":"Deny",
         "Action":["s3:DeleteBucket","s3:DeleteBucketPolicy","s3:PutBucketPolicy","s3:PutBucketAcl",
                   "s3:PutBucketVersioning","s3:PutEncryptionConfiguration","s3:PutLifecycleConfiguration",
                   "s3:PutBucketPublicAccessBlock","s3:PutBucketOwnershipControls",
                   "s3:PutReplicationConfiguration","s3:PutBucketObjectLockConfiguration"],
         "Resource":"arn:aws:s3:::foyer-audit-333333333333"},
        {"Sid":"ProtectAuditLogs","Effect":"Deny",
         "Action":["s3:DeleteObject","s3:DeleteObjectVersion","s3:PutObjectAcl","s3:PutObjectVersionAcl"],
         "Resource":"arn:aws:s3:::foyer-audit-333333333333/*"}]})"));
}

TEST(GuardrailPoliciesTest, IamUsersDeniedEverywhereButTheAdminAccount) {
  EXPECT_EQ(GuardrailDocument("deny-iam-users-outside-admin", Targets()), json::parse(R"({"Version":"2012-10-17",
      "Statement":[{"Sid":"DenyIamUsersOutsideAdminAccount","Effect":"Deny",
        "Action":["iam:CreateUser","iam:CreateAccessKey","iam:CreateLoginProfile"],"Resource":"*",
        "Condition":{"StringNotEquals":{"aws:PrincipalAccount":"222222222222"}}}]})"));
}

TEST(GuardrailPoliciesTest, RootUserAndOrganizationAccountAccessRoleDeniedEverything) {
  EXPECT_EQ(GuardrailDocument("deny-root-user", Targets()), json::parse(R"({"Version":"2012-10-17",
      "Statement":[{"Sid":"DenyRootUser","Effect":"Deny","Action":"*","Resource":"*",
        "Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"}}}]})"));
  GuardrailTargets china = Targets();
  china.partition = "aws-cn";
  EXPECT_EQ(GuardrailDocument("neuter-organization-account-access-role", china),
            json::parse(R"({"Version":"2012-10-17",
      "Statement":[{"Sid":"DenyOrganizationAccountAccessRole","Effect":"Deny","Action":"*","Resource":"*",
        "Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws-cn:iam::*:role/OrganizationAccountAccessRole"}}}]})"));
}

TEST(GuardrailPoliciesTest, EveryDocumentFitsTheScpSizeLimitWithTheLongestNames) {
  GuardrailTargets targets{"aws-us-gov", "123456789012", "222222222222", "foyer-audit-333333333333"};
  for (const Guardrail& guardrail : AllGuardrails(spec::Guardrails{})) {
    EXPECT_LE(GuardrailDocument(guardrail.key, targets).dump().size(), kMaxScpCharacters) << guardrail.key;
    EXPECT_LE(guardrail.description.size(), 512u) << guardrail.key;
  }
}

}  // namespace
}  // namespace foyer::org
