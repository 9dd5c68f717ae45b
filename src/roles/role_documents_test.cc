#include "roles/role_documents.h"

#include <gtest/gtest.h>

#include "spec/spec_parser.h"
#include "spec/spec_testing.h"

namespace foyer::roles {
namespace {

using nlohmann::json;
using spec::testing::kSmallSpec;
using spec::testing::ReplaceOnce;

const AdminAccount kAdmin{"aws", "111111111111"};

spec::Spec Parse(const std::string& text) {
  spec::ParsedSpec parsed = spec::ParseSpec(text, "t.toml");
  EXPECT_TRUE(parsed.ok());
  return parsed.spec;
}

std::string WithIdentity(std::string_view identity) {
  return ReplaceOnce(kSmallSpec, "[identity.iam_users]\nalice = { groups = [\"sre\"] }\n",
                     std::string(identity));
}

TEST(RoleDocumentsTest, Arns) {
  EXPECT_EQ(RoleArn("aws", "111111111111", "sre"), "arn:aws:iam::111111111111:role/foyer/sre");
  EXPECT_EQ(UserArn("aws-cn", "111111111111", "alice"), "arn:aws-cn:iam::111111111111:user/alice");
  EXPECT_EQ(OidcProviderHost("https://idp.example.com/oauth2/"), "idp.example.com/oauth2");
  EXPECT_EQ(OidcProviderArn("aws", "111111111111", "http://127.0.0.1:9000"),
            "arn:aws:iam::111111111111:oidc-provider/127.0.0.1:9000");
  EXPECT_EQ(SamlProviderArn("aws", "111111111111", "foyer"),
            "arn:aws:iam::111111111111:saml-provider/foyer");
}

TEST(RoleDocumentsTest, LandingTrustOfIamUsersRequiresMfaAndUserNameAsSourceIdentity) {
  spec::Spec spec = Parse(std::string(kSmallSpec));
  EXPECT_EQ(LandingTrustPolicy(spec, "sre", kAdmin).dump(),
            R"({"Statement":[{"Action":["sts:AssumeRole","sts:SetSourceIdentity"],)"
            R"("Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"},)"
            R"("StringEquals":{"sts:SourceIdentity":"${aws:username}"}},"Effect":"Allow",)"
            R"("Principal":{"AWS":["arn:aws:iam::111111111111:user/alice"]},"Sid":"IamUserLogin"}],)"
            R"("Version":"2012-10-17"})");
}

TEST(RoleDocumentsTest, LandingTrustOfAGroupNoMethodReachesAdmitsNobody) {
  spec::Spec spec = Parse(std::string(kSmallSpec));
  EXPECT_EQ(LandingTrustPolicy(spec, "engineers", kAdmin).dump(),
            R"({"Statement":[{"Action":"sts:AssumeRole","Effect":"Deny",)"
            R"("Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Sid":"NoEntryMethod"}],)"
            R"("Version":"2012-10-17"})");
}

TEST(RoleDocumentsTest, LandingTrustOfOidcByTag) {
  spec::Spec spec = Parse(WithIdentity(
      "[identity.oidc]\nissuer = \"https://idp.example.com/\"\nclient_id = \"foyer\"\n"));
  EXPECT_EQ(LandingTrustPolicy(spec, "engineers", kAdmin).dump(),
            R"({"Statement":[{"Action":["sts:AssumeRoleWithWebIdentity","sts:SetSourceIdentity",)"
            R"("sts:TagSession"],"Condition":{"StringEquals":{"idp.example.com:aud":"foyer"},)"
            R"("StringLike":{"aws:RequestTag/FoyerGroups":"*:engineers:*"}},"Effect":"Allow",)"
            R"("Principal":{"Federated":"arn:aws:iam::111111111111:oidc-provider/idp.example.com"},)"
            R"("Sid":"OidcLogin"}],"Version":"2012-10-17"})");
}

TEST(RoleDocumentsTest, LandingTrustOfOidcBySubjectListsTheMembersAndNoTagSession) {
  std::string text = WithIdentity(
      "[identity.oidc]\nissuer = \"https://idp.example.com\"\nclient_id = \"foyer\"\n"
      "group_match = \"subject\"\n");
  text = ReplaceOnce(text, "name = \"sre\"\n", "name = \"sre\"\nmembers = [\"u1\", \"u2\"]\n");
  text = ReplaceOnce(text, "name = \"engineers\"\n", "name = \"engineers\"\nmembers = [\"u3\"]\n");
  spec::Spec spec = Parse(text);
  EXPECT_EQ(LandingTrustPolicy(spec, "sre", kAdmin).dump(),
            R"({"Statement":[{"Action":["sts:AssumeRoleWithWebIdentity","sts:SetSourceIdentity"],)"
            R"("Condition":{"StringEquals":{"idp.example.com:aud":"foyer","idp.example.com:sub":["u1","u2"]}},)"
            R"("Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111111111111:oidc-provider/idp.example.com"},)"
            R"("Sid":"OidcLogin"}],"Version":"2012-10-17"})");
}

TEST(RoleDocumentsTest, LandingTrustOfSamlAndIdentityCenter) {
  spec::Spec spec = Parse(WithIdentity(
      "[identity.saml]\nmetadata_file = \"idp.xml\"\n"
      "[identity.identity_center]\nregion = \"us-east-1\"\n"));
  EXPECT_EQ(LandingTrustPolicy(spec, "sre", kAdmin).dump(),
            R"({"Statement":[{"Action":["sts:AssumeRoleWithSAML","sts:SetSourceIdentity"],)"
            R"("Condition":{"StringEquals":{"SAML:aud":"https://signin.aws.amazon.com/saml"}},)"
            R"("Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111111111111:saml-provider/foyer"},)"
            R"("Sid":"SamlLogin"},{"Action":["sts:AssumeRole","sts:SetSourceIdentity"],)"
            R"("Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::111111111111:role/aws-reserved/)"
            R"(sso.amazonaws.com/*AWSReservedSSO_foyer-sre_*"}},"Effect":"Allow",)"
            R"("Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Sid":"IdentityCenterLogin"}],)"
            R"("Version":"2012-10-17"})");
}

TEST(RoleDocumentsTest, LandingIdentityPolicyOnlyReachesFoyerRolesOfTheOrganization) {
  EXPECT_EQ(LandingIdentityPolicy("aws", "o-abc123").dump(),
            R"({"Statement":[{"Action":["sts:AssumeRole","sts:SetSourceIdentity","sts:TagSession"],)"
            R"("Condition":{"StringEquals":{"aws:ResourceOrgID":"o-abc123"}},"Effect":"Allow",)"
            R"("Resource":"arn:aws:iam::*:role/foyer/*","Sid":"MoveOnToFoyerRoles"}],"Version":"2012-10-17"})");
}

TEST(RoleDocumentsTest, TargetTrustNamesExactlyTheLandingRoles) {
  EXPECT_EQ(TargetTrustPolicy(kAdmin, {"sre", "engineers"}).dump(),
            R"({"Statement":[{"Action":["sts:AssumeRole","sts:SetSourceIdentity","sts:TagSession"],)"
            R"("Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111111111111:role/foyer/sre",)"
            R"("arn:aws:iam::111111111111:role/foyer/engineers"]},"Sid":"FoyerLandingRoles"}],)"
            R"("Version":"2012-10-17"})");
}

TEST(RoleDocumentsTest, AuditorMayReadLogsOnlyInTheAuditAccount) {
  json member = AuditorDenyPolicy(false);
  json audit = AuditorDenyPolicy(true);
  const json& member_actions = member["Statement"][0]["Action"];
  const json& audit_actions = audit["Statement"][0]["Action"];
  EXPECT_EQ(member["Statement"][0]["Effect"], "Deny");
  EXPECT_EQ(member_actions.size(), 23u);
  EXPECT_EQ(audit_actions.size(), 18u);
  for (const char* action : {"s3:GetObject", "dynamodb:GetItem", "dynamodb:Scan",
                             "secretsmanager:GetSecretValue", "ssm:GetParameter", "sqs:ReceiveMessage",
                             "lambda:GetFunction", "ecr:GetDownloadUrlForLayer"}) {
    EXPECT_NE(std::find(audit_actions.begin(), audit_actions.end(), action), audit_actions.end()) << action;
  }
  EXPECT_NE(std::find(member_actions.begin(), member_actions.end(), "logs:GetLogEvents"),
            member_actions.end());
  EXPECT_EQ(std::find(audit_actions.begin(), audit_actions.end(), "logs:GetLogEvents"),
            audit_actions.end());
}

TEST(RoleDocumentsTest, IamUserPolicyDeniesAllButSelfServiceWithoutMfa) {
  json policy = IamUserPolicy(kAdmin, "alice", {"sre"});
  ASSERT_EQ(policy["Statement"].size(), 3u);
  EXPECT_EQ(policy["Statement"][0]["Resource"],
            json({"arn:aws:iam::111111111111:user/alice", "arn:aws:iam::111111111111:mfa/alice"}));
  EXPECT_EQ(policy["Statement"][1]["Effect"], "Deny");
  EXPECT_EQ(policy["Statement"][1]["Condition"].dump(),
            R"({"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}})");
  EXPECT_EQ(policy["Statement"][1]["NotAction"].back(), "sts:GetSessionToken");
  EXPECT_EQ(policy["Statement"][2].dump(),
            R"({"Action":["sts:AssumeRole","sts:SetSourceIdentity"],)"
            R"("Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}},"Effect":"Allow",)"
            R"("Resource":["arn:aws:iam::111111111111:role/foyer/sre"],"Sid":"AssumeLandingRolesWithMfa"})");
}

TEST(RoleDocumentsTest, RevocationPolicyRoundTripsItsCutoff) {
  SystemTime cutoff = *ParseIso8601("2026-11-28T02:00:00Z");
  json policy = RevocationPolicy(cutoff);
  EXPECT_EQ(policy.dump(),
            R"({"Statement":[{"Action":"*","Condition":{"DateLessThan":{"aws:TokenIssueTime":)"
            R"("2026-11-28T02:00:00Z"}},"Effect":"Deny","Resource":"*","Sid":"RevokeOlderSessions"}],)"
            R"("Version":"2012-10-17"})");
  EXPECT_EQ(RevocationCutoff(policy), cutoff);
  EXPECT_EQ(RevocationCutoff(LandingIdentityPolicy("aws", "o-1")), std::nullopt);
  EXPECT_EQ(RevocationCutoff(json::parse(R"({"Statement":{"Condition":{"DateLessThan":)"
                                         R"({"aws:TokenIssueTime":"yesterday"}}}})")),
            std::nullopt);
}

TEST(RoleDocumentsTest, BuiltinManagedPolicies) {
  EXPECT_EQ(BuiltinManagedPolicies("aws", "Administrator"),
            std::vector<std::string>{"arn:aws:iam::aws:policy/AdministratorAccess"});
  EXPECT_EQ(BuiltinManagedPolicies("aws", "Auditor"),
            std::vector<std::string>{"arn:aws:iam::aws:policy/ReadOnlyAccess"});
  EXPECT_EQ(BuiltinManagedPolicies("aws", "OrganizationReader"), std::vector<std::string>{});
  EXPECT_EQ(BuiltinManagedPolicies("aws", "Deployer"), std::vector<std::string>{});
}

}  // namespace
}  // namespace foyer::roles
