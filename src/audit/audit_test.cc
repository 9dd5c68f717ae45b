#include "audit/audit.h"

#include <gtest/gtest.h>

#include "audit/audit_test_snapshot.h"
#include "base/time_format.h"
#include "org/guardrail_policies.h"

namespace foyer::audit {
namespace {

using nlohmann::json;

constexpr const char* kAdmin = "222222222222";
constexpr const char* kAlpha = "333333333333";
constexpr const char* kLanding = "arn:aws:iam::222222222222:role/foyer/ops";

std::vector<Finding> Audit(const json& input) {
  Result<access_graph::Snapshot> snapshot = access_graph::ParseSnapshot(input);
  EXPECT_TRUE(snapshot.ok()) << snapshot.error().message;
  if (!snapshot.ok()) return {};
  access_graph::AccessGraph graph = access_graph::AccessGraph::Build(*snapshot);
  AuditOptions options;
  options.now = *ParseIso8601("2026-11-28T00:00:00Z");
  return RunAudit(*snapshot, graph, options);
}

std::vector<std::string> Rules(const std::vector<Finding>& findings) {
  std::vector<std::string> rules;
  for (const Finding& finding : findings) rules.push_back(finding.rule + " " + finding.resource);
  return rules;
}

json& Account(json& snapshot, const char* id) { return snapshot["accounts"][id]; }

json Role(const std::string& arn, json trust) { return {{"arn", arn}, {"trust_policy", std::move(trust)}}; }

TEST(AuditTest, CleanOrganizationHasNoFinding) {
  EXPECT_EQ(Rules(Audit(CleanSnapshot())), std::vector<std::string>{});
}

TEST(AuditTest, NoAdminAccountIsHigh) {
  json snapshot = CleanSnapshot();
  snapshot["organization"]["accounts"][1]["name"] = "security";
  std::vector<Finding> findings = Audit(snapshot);
  ASSERT_FALSE(findings.empty());
  EXPECT_EQ(findings[0].rule, "S1-no-admin-account");
  EXPECT_EQ(findings[0].severity, Severity::kHigh);
}

TEST(AuditTest, AdminFoundByTagBeforeName) {
  json snapshot = CleanSnapshot();
  snapshot["organization"]["accounts"][1]["name"] = "security";
  snapshot["organization"]["accounts"][1]["tags"] = {{"foyer:kind", "admin"}};
  EXPECT_EQ(Rules(Audit(snapshot)), std::vector<std::string>{});
}

TEST(AuditTest, ForeignRoleInAdminButNotServiceLinkedOrFoyer) {
  json snapshot = CleanSnapshot();
  json lambda = access_graph::Trust({{"Service", "lambda.amazonaws.com"}});
  Account(snapshot, kAdmin)["roles"].push_back(Role("arn:aws:iam::222222222222:role/app", lambda));
  Account(snapshot, kAdmin)["roles"].push_back(
      Role("arn:aws:iam::222222222222:role/aws-service-role/sso.amazonaws.com/AWSServiceRoleForSSO", lambda));
  EXPECT_EQ(Rules(Audit(snapshot)),
            std::vector<std::string>{"S1-foreign-role-in-admin arn:aws:iam::222222222222:role/app"});
}

TEST(AuditTest, BucketsAndTrailsInAdminButNotElsewhere) {
  json snapshot = CleanSnapshot();
  Account(snapshot, kAdmin)["buckets"] = {{{"name", "app-logs"}}};
  Account(snapshot, kAdmin)["trails"] = {{{"name", "t"}, {"arn", "arn:aws:cloudtrail:us-east-1:222222222222:trail/t"}}};
  Account(snapshot, kAlpha)["buckets"] = {{{"name", "alpha-data"}}};
  Account(snapshot, kAlpha)["trails"] = {{{"name", "a"}}};
  EXPECT_EQ(Rules(Audit(snapshot)),
            (std::vector<std::string>{"S3-bucket-in-admin s3://app-logs",
                                      "S3-trail-in-admin arn:aws:cloudtrail:us-east-1:222222222222:trail/t"}));
}

TEST(AuditTest, HumanEntryInManagement) {
  json snapshot = CleanSnapshot();
  Account(snapshot, "111111111111")["saml_providers"] = {"arn:aws:iam::111111111111:saml-provider/corp"};
  Account(snapshot, "111111111111")["users"] = {{{"arn", "arn:aws:iam::111111111111:user/root-ops"}, {"mfa", true}}};
  EXPECT_EQ(Rules(Audit(snapshot)),
            (std::vector<std::string>{"S2-human-entry-in-management arn:aws:iam::111111111111:saml-provider/corp",
                                      "S2-human-entry-in-management arn:aws:iam::111111111111:user/root-ops"}));
}

TEST(AuditTest, UserOutsideAdminWithoutMfaAndOldKey) {
  json snapshot = CleanSnapshot();
  Account(snapshot, kAlpha)["users"] = {
      {{"arn", "arn:aws:iam::333333333333:user/ci"},
       {"access_keys", {{{"id", "AKIAOLD"}, {"status", "Active"}, {"created", "2026-08-01T00:00:00Z"}},
                        {{"id", "AKIANEW"}, {"status", "Active"}, {"created", "2026-11-01T00:00:00Z"}},
                        {{"id", "AKIAOFF"}, {"status", "Inactive"}, {"created", "2020-01-01T00:00:00Z"}}}}}};
  std::vector<Finding> findings = Audit(snapshot);
  EXPECT_EQ(Rules(findings), (std::vector<std::string>{"S7-iam-user-outside-admin arn:aws:iam::333333333333:user/ci",
                                                       "S7-old-access-key arn:aws:iam::333333333333:user/ci",
                                                       "S7-user-without-mfa arn:aws:iam::333333333333:user/ci"}));
  EXPECT_EQ(findings[1].message, "access key AKIAOLD of arn:aws:iam::333333333333:user/ci is 119 days old (more than 90)");
}

TEST(AuditTest, KeyAgeIsMeasuredFromCollectionTime) {
  json snapshot = CleanSnapshot();
  snapshot["collected_at"] = "2026-08-15T00:00:00Z";
  Account(snapshot, kAdmin)["users"][0]["access_keys"] = {
      {{"id", "AKIA"}, {"status", "Active"}, {"created", "2026-08-01T00:00:00Z"}}};
  EXPECT_EQ(Rules(Audit(snapshot)), std::vector<std::string>{});
}

TEST(AuditTest, TrustOfEveryoneUnlessPinnedToTheOrganization) {
  json snapshot = CleanSnapshot();
  Account(snapshot, kAlpha)["roles"].push_back(Role("arn:aws:iam::333333333333:role/open", access_graph::Trust("*")));
  json pinned = access_graph::Trust({{"AWS", "*"}});
  pinned["Statement"][0]["Condition"] = {{"StringEquals", {{"aws:PrincipalOrgID", "o-test"}}}};
  Account(snapshot, kAlpha)["roles"].push_back(Role("arn:aws:iam::333333333333:role/org", pinned));
  std::vector<Finding> findings = Audit(snapshot);
  ASSERT_EQ(Rules(findings), std::vector<std::string>{"S8-trust-everyone arn:aws:iam::333333333333:role/open"});
  EXPECT_EQ(findings[0].evidence,
            std::vector<std::string>{"accounts.333333333333.roles[1].trust_policy statement 0: Allow sts:assumerole to *, without condition"});
}

TEST(AuditTest, TrustOfAWholeAccountWithoutCondition) {
  json snapshot = CleanSnapshot();
  Account(snapshot, kAlpha)["roles"].push_back(
      Role("arn:aws:iam::333333333333:role/wide", access_graph::Trust({{"AWS", "arn:aws:iam::444444444444:root"}})));
  json conditioned = access_graph::Trust({{"AWS", "444444444444"}});
  conditioned["Statement"][0]["Condition"] = {
      {"ArnEquals", {{"aws:PrincipalArn", "arn:aws:iam::444444444444:role/foyer/Administrator"}}}};
  Account(snapshot, kAlpha)["roles"].push_back(Role("arn:aws:iam::333333333333:role/narrow", conditioned));
  EXPECT_EQ(Rules(Audit(snapshot)),
            std::vector<std::string>{"S8-trust-whole-account arn:aws:iam::333333333333:role/wide"});
}

TEST(AuditTest, ThirdPartyTrustNeedsExternalId) {
  json snapshot = CleanSnapshot();
  json vendor = access_graph::Trust({{"AWS", "arn:aws:iam::999999999999:role/vendor"}});
  Account(snapshot, kAlpha)["roles"].push_back(Role("arn:aws:iam::333333333333:role/vendor", vendor));
  vendor["Statement"][0]["Condition"] = {{"StringEquals", {{"sts:ExternalId", "acme-42"}}}};
  Account(snapshot, kAlpha)["roles"].push_back(Role("arn:aws:iam::333333333333:role/vendor-ok", vendor));
  EXPECT_EQ(Rules(Audit(snapshot)),
            std::vector<std::string>{"S8-third-party-without-external-id arn:aws:iam::333333333333:role/vendor"});
}

TEST(AuditTest, LandingRoleWithoutSourceIdentityOrMfa) {
  json snapshot = access_graph::TestSnapshot();
  snapshot["organization"]["scps"] = CleanSnapshot()["organization"]["scps"];
  Account(snapshot, kAdmin)["roles"][0]["trust_policy"]["Statement"][1].erase("Condition");
  EXPECT_EQ(Rules(Audit(snapshot)),
            (std::vector<std::string>{std::string("S7-landing-without-mfa ") + kLanding,
                                      std::string("S6-landing-without-source-identity ") + kLanding}));
}

TEST(AuditTest, PathFromAWorkloadIntoAdminWithTheWayIn) {
  json snapshot = CleanSnapshot();
  // A service-account role that admin's landing role trusts: whoever holds
  // it gets into admin, and from there everywhere.
  Account(snapshot, kAlpha)["roles"].push_back(
      Role("arn:aws:iam::333333333333:role/ci", access_graph::Trust({{"Service", "codebuild.amazonaws.com"}})));
  Account(snapshot, kAlpha)["roles"].back()["policies"] = {access_graph::AllowAssume("*")};
  Account(snapshot, kAdmin)["roles"][0]["trust_policy"]["Statement"].push_back(
      {{"Effect", "Allow"}, {"Principal", {{"AWS", "arn:aws:iam::333333333333:role/ci"}}},
       {"Action", {"sts:AssumeRole", "sts:SetSourceIdentity"}}});
  std::vector<Finding> findings = Audit(snapshot);
  ASSERT_EQ(Rules(findings), std::vector<std::string>{"S4-path-into-admin arn:aws:iam::333333333333:role/ci"});
  EXPECT_EQ(findings[0].message, std::string("role arn:aws:iam::333333333333:role/ci in 333333333333 can reach ") +
                                     kLanding + " in the admin account");
  ASSERT_FALSE(findings[0].evidence.empty());
  EXPECT_NE(findings[0].evidence.back().find(std::string("sts:AssumeRole ") + kLanding), std::string::npos)
      << findings[0].evidence.back();
}

TEST(AuditTest, AdminRoleTrustingEveryoneIsAPathFromAnyone) {
  json snapshot = CleanSnapshot();
  Account(snapshot, kAdmin)["roles"].push_back(
      Role("arn:aws:iam::222222222222:role/foyer/open", access_graph::Trust("*")));
  EXPECT_EQ(Rules(Audit(snapshot)),
            (std::vector<std::string>{"S4-path-into-admin *", "S8-trust-everyone arn:aws:iam::222222222222:role/foyer/open"}));
}

TEST(AuditTest, PathIntoManagementFromAWorkload) {
  json snapshot = CleanSnapshot();
  Account(snapshot, "111111111111")["roles"] = {
      Role("arn:aws:iam::111111111111:role/deployer",
           access_graph::Trust({{"AWS", "arn:aws:iam::333333333333:role/foyer/Administrator"}}))};
  Account(snapshot, kAlpha)["roles"][0]["policies"] = {access_graph::AllowAssume("*")};
  EXPECT_EQ(Rules(Audit(snapshot)),
            std::vector<std::string>{"S4-path-into-management arn:aws:iam::333333333333:role/foyer/Administrator"});
}

TEST(AuditTest, BootstrapRoleUsableWithoutTheNeuteringScp) {
  json snapshot = CleanSnapshot();
  json bootstrap = Role("arn:aws:iam::333333333333:role/OrganizationAccountAccessRole",
                        access_graph::Trust({{"AWS", "arn:aws:iam::111111111111:root"}}));
  Account(snapshot, kAlpha)["roles"].push_back(bootstrap);
  EXPECT_EQ(Rules(Audit(snapshot)), std::vector<std::string>{});  // neutered by the guardrail SCP

  snapshot["organization"]["scps"]["r-root"][1]["Statement"].erase(3);
  std::vector<std::string> rules = Rules(Audit(snapshot));
  EXPECT_EQ(rules, (std::vector<std::string>{
                       "S2-organization-account-access-role-usable "
                       "arn:aws:iam::333333333333:role/OrganizationAccountAccessRole"}));
}

TEST(AuditTest, BootstrapRoleInAdminIsAPathFromManagement) {
  json snapshot = CleanSnapshot();
  Account(snapshot, "111111111111")["roles"] = {
      Role("arn:aws:iam::111111111111:role/ops", access_graph::Trust({{"Service", "ec2.amazonaws.com"}}))};
  Account(snapshot, "111111111111")["roles"][0]["policies"] = {access_graph::AllowAssume("*")};
  snapshot["organization"]["scps"]["r-root"][1]["Statement"].erase(3);
  Account(snapshot, kAdmin)["roles"].push_back(
      Role("arn:aws:iam::222222222222:role/OrganizationAccountAccessRole",
           access_graph::Trust({{"AWS", "arn:aws:iam::111111111111:root"}})));
  EXPECT_EQ(Rules(Audit(snapshot)),
            (std::vector<std::string>{
                "S2-organization-account-access-role-usable "
                "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole",
                "S4-path-into-admin arn:aws:iam::111111111111:role/ops"}));
}

TEST(AuditTest, MissingGuardrailNamesTheAccounts) {
  json snapshot = CleanSnapshot();
  snapshot["organization"]["scps"]["ou-work"] = {access_graph::TestSnapshot()["organization"]["scps"]["ou-work"][0]};
  std::vector<Finding> findings = Audit(snapshot);
  ASSERT_EQ(Rules(findings),
            std::vector<std::string>{"guardrail-missing-deny_iam_users_outside_admin deny_iam_users_outside_admin"});
  EXPECT_EQ(findings[0].evidence,
            (std::vector<std::string>{
                "in 333333333333 (alpha) the SCPs allow iam:CreateUser by arn:aws:iam::333333333333:role/foyer/Administrator",
                "in 444444444444 (beta) the SCPs allow iam:CreateUser by arn:aws:iam::444444444444:role/foyer/Administrator"}));
}

// The guardrails foyer apply attaches satisfy every guardrail rule: the
// probes ask what those documents deny.
TEST(AuditTest, FoyerGuardrailDocumentsSatisfyTheGuardrailRules) {
  json snapshot = CleanSnapshot();
  org::GuardrailTargets targets{"aws", "111111111111", "222222222222", "foyer-audit-555555555555"};
  json root = {access_graph::TestSnapshot()["organization"]["scps"]["r-root"][0]};
  for (const org::Guardrail& guardrail : org::AllGuardrails(spec::Guardrails{})) {
    root.push_back(org::GuardrailDocument(guardrail.key, targets));
  }
  snapshot["organization"]["scps"]["r-root"] = root;
  snapshot["organization"]["scps"]["ou-work"] = {access_graph::TestSnapshot()["organization"]["scps"]["ou-work"][0]};
  Account(snapshot, kAlpha)["roles"].push_back(
      Role("arn:aws:iam::333333333333:role/OrganizationAccountAccessRole",
           access_graph::Trust({{"AWS", "arn:aws:iam::111111111111:root"}})));
  EXPECT_EQ(Rules(Audit(snapshot)), std::vector<std::string>{});
}

TEST(AuditTest, NoScpsAtAllIsHigh) {
  json snapshot = CleanSnapshot();
  snapshot["organization"].erase("scps");
  EXPECT_EQ(Rules(Audit(snapshot)), std::vector<std::string>{"guardrails-absent o-test"});
}

TEST(AuditTest, OpenBucketPolicyButNotAConditionedOne) {
  json snapshot = CleanSnapshot();
  json open = json::parse(R"({"Version": "2012-10-17", "Statement": [
      {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::alpha-data/*"}]})");
  json pinned = open;
  pinned["Statement"][0]["Condition"] = {{"StringEquals", {{"aws:PrincipalOrgID", "o-test"}}}};
  Account(snapshot, kAlpha)["buckets"] = {{{"name", "alpha-data"}, {"policy", open}},
                                          {{"name", "alpha-org"}, {"policy", pinned}}};
  EXPECT_EQ(Rules(Audit(snapshot)), std::vector<std::string>{"S10-resource-policy-open s3://alpha-data"});
}

json Key(const std::string& account, const std::string& id, json policy) {
  return {{"id", id}, {"arn", "arn:aws:kms:us-east-1:" + account + ":key/" + id}, {"policy", std::move(policy)}};
}

json KeyPolicy(json principal, json condition = nullptr) {
  json statement = {{"Effect", "Allow"}, {"Principal", std::move(principal)}, {"Action", "kms:*"}, {"Resource", "*"}};
  if (!condition.is_null()) statement["Condition"] = std::move(condition);
  return {{"Version", "2012-10-17"}, {"Statement", {statement}}};
}

TEST(AuditTest, OpenKeyPolicyButNotTheDefaultOneNorAnOrganizationPinnedOne) {
  json snapshot = CleanSnapshot();
  json pinned = KeyPolicy("*", {{"StringEquals", {{"aws:PrincipalOrgID", "o-test"}}}});
  Account(snapshot, kAlpha)["keys"] = {
      Key(kAlpha, "k-open", KeyPolicy({{"AWS", "*"}}).dump()),  // KMS returns the policy as text
      Key(kAlpha, "k-default", KeyPolicy({{"AWS", "arn:aws:iam::333333333333:root"}})),
      Key(kAlpha, "k-org", pinned)};
  std::vector<Finding> findings = Audit(snapshot);
  ASSERT_EQ(Rules(findings),
            std::vector<std::string>{"S10-resource-policy-open arn:aws:kms:us-east-1:333333333333:key/k-open"});
  EXPECT_EQ(findings[0].severity, Severity::kHigh);
  EXPECT_EQ(findings[0].account, kAlpha);
  EXPECT_EQ(findings[0].message, "the policy of key k-open allows every principal, without condition");
  EXPECT_EQ(findings[0].evidence, std::vector<std::string>{
      "accounts.333333333333.keys[0].policy statement 0: Allow kms:* to *, without condition"});
}

TEST(AuditTest, BucketAndKeyPoliciesNamingAccountsOutsideTheOrganization) {
  json snapshot = CleanSnapshot();
  json partner = KeyPolicy({{"AWS", {"arn:aws:iam::999999999999:root", "arn:aws:iam::444444444444:role/reader"}}});
  json bucket_policy = json::parse(R"({"Version": "2012-10-17", "Statement": [
      {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::888888888888:role/x"}, "Action": "s3:GetObject",
       "Resource": "arn:aws:s3:::alpha-data/*"},
      {"Effect": "Deny", "Principal": {"AWS": "777777777777"}, "Action": "s3:*", "Resource": "*"}]})");
  Account(snapshot, kAlpha)["keys"] = {Key(kAlpha, "k-partner", partner)};
  Account(snapshot, kAlpha)["buckets"] = {{{"name", "alpha-data"}, {"policy", bucket_policy}}};
  std::vector<Finding> findings = Audit(snapshot);
  ASSERT_EQ(Rules(findings), (std::vector<std::string>{
                                 "S10-resource-policy-outside arn:aws:kms:us-east-1:333333333333:key/k-partner",
                                 "S10-resource-policy-outside s3://alpha-data"}));
  EXPECT_EQ(findings[0].severity, Severity::kMedium);
  EXPECT_EQ(findings[0].message, "the policy of key k-partner allows account 999999999999, outside the organization");
  EXPECT_EQ(findings[1].message, "the policy of bucket alpha-data allows account 888888888888, outside the organization");
  EXPECT_EQ(findings[1].evidence, std::vector<std::string>{
      "accounts.333333333333.buckets[0].policy statement 0: Allow s3:getobject to AWS arn:aws:iam::888888888888:role/x"
      ", without condition"});
}

TEST(AuditTest, ResourcePoliciesNamingAccountsOfTheOrganizationAreNotOutside) {
  json snapshot = CleanSnapshot();
  json cross = KeyPolicy({{"AWS", {"111111111111", "arn:aws:iam::222222222222:role/foyer/ops",
                                   "arn:aws:iam::444444444444:root"}}});
  Account(snapshot, kAlpha)["keys"] = {Key(kAlpha, "k-cross", cross)};
  Account(snapshot, kAlpha)["buckets"] = {{{"name", "alpha-data"}, {"policy", cross}}};
  EXPECT_EQ(Rules(Audit(snapshot)), std::vector<std::string>{});
}

TEST(AuditTest, IncompleteCollectionIsReported) {
  json snapshot = CleanSnapshot();
  Account(snapshot, kAlpha)["errors"] = {"iam:GetAccountAuthorizationDetails: AccessDenied"};
  std::vector<Finding> findings = Audit(snapshot);
  ASSERT_EQ(Rules(findings), std::vector<std::string>{"snapshot-incomplete 333333333333"});
  EXPECT_EQ(findings[0].severity, Severity::kMedium);
}

}  // namespace
}  // namespace foyer::audit
