#include "spec/spec_validation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "spec/spec_parser.h"
#include "spec/spec_testing.h"

namespace foyer::spec {
namespace {

using ::testing::ElementsAre;
using testing::kSmallSpec;
using testing::Lines;
using testing::ReplaceOnce;

// The validation errors of `text`, which must parse cleanly.
std::vector<std::string> ValidationErrors(const std::string& text) {
  ParsedSpec parsed = ParseSpec(text, "t.toml");
  EXPECT_THAT(Lines(parsed.diagnostics), ElementsAre());
  std::vector<Diagnostic> diagnostics = ValidateSpec(parsed.spec);
  SortByPosition(diagnostics);
  return Lines(diagnostics);
}

TEST(SpecValidationTest, SmallSpecIsValid) {
  EXPECT_THAT(ValidationErrors(std::string(kSmallSpec)), ElementsAre());
}

TEST(SpecValidationTest, OneRegionBreaksRuleS5) {
  std::string text = ReplaceOnce(kSmallSpec, "[\"us-east-1\", \"us-west-2\"]", "[\"us-east-1\"]");
  EXPECT_THAT(ValidationErrors(text),
              ElementsAre("t.toml:4:11: error: at least two regions are required so that access "
                          "survives a regional outage (rule S5); found 1"));
}

TEST(SpecValidationTest, RegionNamesMustLookLikeRegionsAndNotRepeat) {
  std::string text = ReplaceOnce(kSmallSpec, "[\"us-east-1\", \"us-west-2\"]",
                                 "[\"us-east-1\", \"useast\", \"us-east-1\"]");
  EXPECT_THAT(ValidationErrors(text),
              ElementsAre("t.toml:4:25: error: 'useast' is not an AWS region name like 'us-east-1'",
                          "t.toml:4:35: error: region 'us-east-1' is listed twice (first at 4:12)"));
}

TEST(SpecValidationTest, ManagementAccountIdMustBe12Digits) {
  std::string text = ReplaceOnce(kSmallSpec, "\"123456789012\"", "\"12345678901a\"");
  EXPECT_THAT(ValidationErrors(text),
              ElementsAre("t.toml:2:25: error: management_account_id '12345678901a' must be 12 "
                          "digits"));
}

TEST(SpecValidationTest, EmailTemplateNeedsAccountPlaceholderOnceInTheLocalPart) {
  const std::string email = "\"aws+{account}@example.com\"";
  EXPECT_THAT(ValidationErrors(ReplaceOnce(kSmallSpec, email, "\"aws@example.com\"")),
              ElementsAre("t.toml:3:9: error: email 'aws@example.com' has no '{account}': every "
                          "account needs its own root email; write e.g. "
                          "'aws+{account}@example.com'"));
  EXPECT_THAT(ValidationErrors(ReplaceOnce(kSmallSpec, email, "\"{account}+{account}@x.com\"")),
              ElementsAre("t.toml:3:9: error: email '{account}+{account}@x.com' must contain "
                          "'{account}' exactly once"));
  EXPECT_THAT(ValidationErrors(ReplaceOnce(kSmallSpec, email, "\"aws@{account}.example.com\"")),
              ElementsAre("t.toml:3:9: error: email 'aws@{account}.example.com' is not an "
                          "address template like 'aws+{account}@example.com' ('{account}' goes "
                          "before the '@')"));
  EXPECT_THAT(ValidationErrors(ReplaceOnce(kSmallSpec, email, "\"aws+{account}@localhost\"")),
              ElementsAre("t.toml:3:9: error: email 'aws+{account}@localhost' is not an address "
                          "template like 'aws+{account}@example.com' ('{account}' goes before "
                          "the '@')"));
  EXPECT_THAT(ValidationErrors(ReplaceOnce(kSmallSpec, email, "\"{account}@aws.example.com\"")),
              ElementsAre());
}

TEST(SpecValidationTest, AccountNamePartsAreLowercaseWithHyphens) {
  std::string text = ReplaceOnce(kSmallSpec, "\"development\", \"production\"]",
                                 "\"development\", \"production\", \"QA\", \"test-\"]");
  text = ReplaceOnce(text, "name = \"web\"", "name = \"w_eb\"");
  text = ReplaceOnce(text, "admin = \"admin\"", "admin = \"9admin\"");
  EXPECT_THAT(
      ValidationErrors(text),
      ElementsAre("t.toml:5:46: error: environment name 'QA' must hold only lowercase letters, "
                  "digits and '-', start with a letter and not end with '-'",
                  "t.toml:5:52: error: environment name 'test-' must hold only lowercase "
                  "letters, digits and '-', start with a letter and not end with '-'",
                  "t.toml:8:9: error: account name '9admin' must hold only lowercase letters, "
                  "digits and '-', start with a letter and not end with '-'",
                  "t.toml:16:8: error: domain name 'w_eb' must hold only lowercase letters, "
                  "digits and '-', start with a letter and not end with '-'"));
}

TEST(SpecValidationTest, DomainsMustBeUniqueAndUseKnownEnvironments) {
  std::string text = ReplaceOnce(kSmallSpec, "name = \"web\"\nenvironments = [\"production\"]",
                                 "name = \"payments\"\nenvironments = [\"prod\", \"staging\"]");
  EXPECT_THAT(
      ValidationErrors(text),
      ElementsAre("t.toml:16:8: error: domain 'payments' is declared twice (first at 13:8)",
                  "t.toml:17:17: error: unknown environment 'prod' in [[domain]] 'payments' "
                  "(known: development, production)",
                  "t.toml:17:25: error: unknown environment 'staging' in [[domain]] 'payments' "
                  "(known: development, production)"));
}

TEST(SpecValidationTest, DomainWithoutEnvironmentsHasNoAccount) {
  std::string text = ReplaceOnce(kSmallSpec, "environments = [\"production\"]\n",
                                 "environments = []\n");
  EXPECT_THAT(ValidationErrors(text),
              ElementsAre("t.toml:16:8: error: domain 'web' has no environment or no quality, so "
                          "it would have no account"));
}

TEST(SpecValidationTest, SelectorNamesMustBeDeclared) {
  std::string text = ReplaceOnce(kSmallSpec, "in = { domains = [\"payments\"], environments",
                                 "in = { domains = [\"payment\"], qualities = [\"gold\"], "
                                 "environments");
  EXPECT_THAT(ValidationErrors(text),
              ElementsAre("t.toml:21:19: error: unknown domain 'payment' in the selector of "
                          "[[role]] 'Deployer' \u2014 did you mean 'payments'?",
                          "t.toml:21:44: error: unknown quality 'gold' in the selector of "
                          "[[role]] 'Deployer' (known: default)"));
}

TEST(SpecValidationTest, EmptySelectorPicksNothing) {
  std::string text = ReplaceOnce(kSmallSpec, "{ role = \"Deployer\" }",
                                 "{ role = \"Deployer\", in = {} }");
  EXPECT_THAT(ValidationErrors(text),
              ElementsAre("t.toml:30:59: error: the selector of grant #2 of [[group]] 'engineers' "
                          "is empty and picks no account; remove 'in' to pick every account"));
}

TEST(SpecValidationTest, RoleRules) {
  std::string text = ReplaceOnce(kSmallSpec, "managed_policies = [\"arn:aws:iam::aws:policy/PowerUserAccess\"]",
                                 "managed_policies = [\"PowerUserAccess\"]\nmax_session_duration = 60"
                                 "\n\n[[role]]\nname = \"deployer\"\n\n[[role]]\nname = \"Auditor\""
                                 "\n\n[[role]]\nname = \"Bad Name\""
                                 "\n\n[[role]]\nname = \"CI-payments\"");
  EXPECT_THAT(
      ValidationErrors(text),
      ElementsAre("t.toml:22:21: error: 'PowerUserAccess' is not a managed policy ARN like "
                  "'arn:aws:iam::aws:policy/ReadOnlyAccess'",
                  "t.toml:23:24: error: max_session_duration of [[role]] 'Deployer' must be "
                  "between 3600 and 43200 seconds, not 60",
                  "t.toml:26:8: error: role 'deployer' is declared twice (first at 20:8; IAM role "
                  "names ignore case)",
                  "t.toml:29:8: error: role 'Auditor' is built in and cannot be redefined; choose "
                  "another name",
                  "t.toml:32:8: error: role name 'Bad Name' must be 1 to 64 letters, digits or + "
                  "= , . @ _ - (IAM role names)",
                  "t.toml:35:8: error: role name 'CI-payments' starts with 'ci-', which is reserved for the "
                  "deploy roles of [[ci]] pipelines; choose another name"));
}

TEST(SpecValidationTest, GrantsMustNameKnownRoles) {
  std::string text = ReplaceOnce(kSmallSpec, "{ role = \"Deployer\" }", "{ role = \"Deployr\" }");
  text = ReplaceOnce(text, "{ role = \"Auditor\" }", "{ role = \"Watcher\" }");
  EXPECT_THAT(
      ValidationErrors(text),
      ElementsAre("t.toml:30:20: error: unknown role 'Watcher' in grant #1 of [[group]] "
                  "'engineers' (known: Administrator, Auditor, OrganizationAdministrator, "
                  "OrganizationReader, Deployer)",
                  "t.toml:30:42: error: unknown role 'Deployr' in grant #2 of [[group]] "
                  "'engineers' \u2014 did you mean 'Deployer'?"));
}

TEST(SpecValidationTest, ManagementRolesTakeNoSelector) {
  std::string text = ReplaceOnce(kSmallSpec, "{ role = \"OrganizationAdministrator\" }",
                                 "{ role = \"OrganizationAdministrator\", in = { accounts = "
                                 "[\"admin\"] } }");
  EXPECT_THAT(ValidationErrors(text),
              ElementsAre("t.toml:26:82: error: role 'OrganizationAdministrator' exists only in "
                          "the management account; remove 'in' from grant #2 of [[group]] 'sre'"));
}

TEST(SpecValidationTest, GroupNamesAreUniqueValidAndNotRoleNames) {
  std::string text = ReplaceOnce(kSmallSpec, "name = \"engineers\"", "name = \"SRE\"");
  text += "\n[[group]]\nname = \"deployer\"\n\n[[group]]\nname = \"a,b\"\n";
  EXPECT_THAT(
      ValidationErrors(text),
      ElementsAre("t.toml:29:8: error: group 'SRE' is declared twice (first at 25:8; IAM role "
                  "names ignore case)",
                  "t.toml:37:8: error: group 'deployer' has the name of role 'Deployer'; both "
                  "would be IAM roles in the admin account, so rename the group",
                  "t.toml:40:8: error: group name 'a,b' must be 1 to 64 letters, digits or + = . "
                  "@ _ - (it names the group's landing role and travels in session tags)"));
}

TEST(SpecValidationTest, IamUsersNeedKnownGroups) {
  std::string text = ReplaceOnce(kSmallSpec, "alice = { groups = [\"sre\"] }",
                                 "alice = { groups = [\"sres\", \"ops\"] }\n"
                                 "bob = { groups = [] }\n\"c d\" = { groups = [\"sre\"] }");
  EXPECT_THAT(
      ValidationErrors(text),
      ElementsAre("t.toml:34:21: error: unknown group 'sres' for IAM user 'alice' \u2014 did you "
                  "mean 'sre'?",
                  "t.toml:34:29: error: unknown group 'ops' for IAM user 'alice' (known: sre, "
                  "engineers)",
                  "t.toml:35:18: error: IAM user 'bob' is in no group, so could not land anywhere",
                  "t.toml:36:1: error: IAM user name 'c d' must be 1 to 64 letters, digits or + = "
                  ", . @ _ -"));
}

TEST(SpecValidationTest, SubjectMatchingNeedsMembers) {
  std::string text = ReplaceOnce(kSmallSpec, "name = \"engineers\"",
                                 "name = \"engineers\"\nmembers = [\"00u1\"]");
  text += "\n[identity.oidc]\nissuer = \"https://idp.example.com\"\nclient_id = \"foyer\"\n"
          "group_match = \"subject\"\n";
  EXPECT_THAT(ValidationErrors(text),
              ElementsAre("t.toml:25:8: error: group 'sre' has no members, but [identity.oidc] "
                          "group_match = \"subject\" lets in only the members listed"));
  EXPECT_THAT(ValidationErrors(ReplaceOnce(text, "\"subject\"", "\"tag\"")), ElementsAre());
}

TEST(SpecValidationTest, OidcIssuerMustBeHttpsExceptOnLoopback) {
  const std::string base = std::string(kSmallSpec) +
                           "\n[identity.oidc]\nissuer = \"ISSUER\"\nclient_id = \"foyer\"\n";
  EXPECT_THAT(ValidationErrors(ReplaceOnce(base, "ISSUER", "http://idp.example.com")),
              ElementsAre("t.toml:37:10: error: issuer 'http://idp.example.com' must be an https "
                          "URL (plain http is accepted only on a loopback host, for testing)"));
  EXPECT_THAT(ValidationErrors(ReplaceOnce(base, "ISSUER", "http://localhost.evil.com")),
              ElementsAre("t.toml:37:10: error: issuer 'http://localhost.evil.com' must be an "
                          "https URL (plain http is accepted only on a loopback host, for "
                          "testing)"));
  EXPECT_THAT(ValidationErrors(ReplaceOnce(base, "ISSUER", "http://127.0.0.1:4000/oidc")),
              ElementsAre());
  EXPECT_THAT(ValidationErrors(ReplaceOnce(base, "ISSUER", "https://idp.example.com/oauth2")),
              ElementsAre());
}

TEST(SpecValidationTest, OidcNeedsClientIdAndOpenidScope) {
  std::string text = std::string(kSmallSpec) +
                     "\n[identity.oidc]\nissuer = \"https://idp.example.com\"\nclient_id = \"\"\n"
                     "scopes = [\"email\"]\n";
  EXPECT_THAT(ValidationErrors(text),
              ElementsAre("t.toml:38:13: error: client_id in [identity.oidc] must not be empty",
                          "t.toml:39:10: error: scopes in [identity.oidc] must include 'openid'"));
}

TEST(SpecValidationTest, IdentityCenterAndSamlNames) {
  std::string text = std::string(kSmallSpec) +
                     "\n[identity.identity_center]\nregion = \"europe\"\n"
                     "start_url = \"http://d-1.awsapps.com/start\"\n"
                     "\n[identity.saml]\nmetadata_file = \"idp.xml\"\nprovider_name = \"my idp\"\n";
  EXPECT_THAT(ValidationErrors(text),
              ElementsAre("t.toml:37:10: error: 'europe' is not an AWS region name like "
                          "'us-east-1'",
                          "t.toml:38:13: error: start_url 'http://d-1.awsapps.com/start' must be "
                          "an https URL",
                          "t.toml:42:17: error: provider_name 'my idp' must be 1 to 128 letters, "
                          "digits or . _ - (IAM SAML provider names)"));
}

TEST(SpecValidationTest, ProtectingTheTrailNeedsAnAuditAccount) {
  std::string text = ReplaceOnce(kSmallSpec, "audit = \"audit\"\n", "");
  EXPECT_THAT(ValidationErrors(text),
              ElementsAre("t.toml:7:1: error: guardrail 'protect_audit_trail' needs an audit "
                          "account: add 'audit' to [accounts], or set protect_audit_trail = "
                          "false in [guardrails]"));
  EXPECT_THAT(ValidationErrors(text + "\n[guardrails]\nprotect_audit_trail = false\n"),
              ElementsAre());
}

TEST(SpecValidationTest, TerraformRoleMustBeAMemberAccountRole) {
  EXPECT_THAT(ValidationErrors(std::string(kSmallSpec) + "\n[terraform]\nrole = \"Deployers\"\n"),
              ElementsAre("t.toml:37:8: error: unknown role 'Deployers' in [terraform] \u2014 did "
                          "you mean 'Deployer'?"));
  EXPECT_THAT(
      ValidationErrors(std::string(kSmallSpec) + "\n[terraform]\nrole = \"OrganizationReader\"\n"),
      ElementsAre("t.toml:37:8: error: 'role' in [terraform] must be a role of member accounts, "
                  "not 'OrganizationReader'"));
}

TEST(SpecValidationTest, ReportsEveryProblemAtOnce) {
  std::string text = ReplaceOnce(kSmallSpec, "\"123456789012\"", "\"1\"");
  text = ReplaceOnce(text, "[\"us-east-1\", \"us-west-2\"]", "[\"us-east-1\"]");
  text = ReplaceOnce(text, "{ role = \"Auditor\" }", "{ role = \"Auditors\" }");
  EXPECT_THAT(ValidationErrors(text),
              ElementsAre("t.toml:2:25: error: management_account_id '1' must be 12 digits",
                          "t.toml:4:11: error: at least two regions are required so that access "
                          "survives a regional outage (rule S5); found 1",
                          "t.toml:30:20: error: unknown role 'Auditors' in grant #1 of [[group]] "
                          "'engineers' \u2014 did you mean 'Auditor'?"));
}

TEST(SpecValidationTest, VeryLongValuesAreCheckedWithoutExhaustingTheStack) {
  const std::string long_part(300000, 'a');
  const std::string email = long_part + " +{account}@example.com";
  const std::string region = "us-" + long_part + "-x";
  std::string text = ReplaceOnce(kSmallSpec, "aws+{account}@example.com", email);
  text = ReplaceOnce(text, "us-west-2", region);
  text = ReplaceOnce(text, "name = \"Deployer\"", "name = \"" + long_part + "\"");
  text = ReplaceOnce(text, "{ role = \"Deployer\" }", "{ role = \"Auditor\" }");
  EXPECT_THAT(ValidationErrors(text),
              ElementsAre("t.toml:3:9: error: email '" + email + "' is not an address template "
                          "like 'aws+{account}@example.com' ('{account}' goes before the '@')",
                          "t.toml:4:25: error: '" + region + "' is not an AWS region name like "
                          "'us-east-1'",
                          "t.toml:20:8: error: role name '" + long_part + "' must be 1 to 64 "
                          "letters, digits or + = , . @ _ - (IAM role names)"));
}

TEST(SpecValidationTest, NameFormats) {
  auto errors_for_policy = [](const std::string& arn) {
    return ValidationErrors(ReplaceOnce(kSmallSpec, "arn:aws:iam::aws:policy/PowerUserAccess", arn));
  };
  EXPECT_THAT(errors_for_policy("arn:aws-us-gov:iam::aws:policy/job-function/ViewOnlyAccess"),
              ElementsAre());
  EXPECT_THAT(errors_for_policy("arn:aws:iam::111122223333:policy/team/Deploy"), ElementsAre());
  EXPECT_THAT(errors_for_policy("arn:aws:iam::1111:policy/Deploy"),
              ElementsAre("t.toml:22:21: error: 'arn:aws:iam::1111:policy/Deploy' is not a "
                          "managed policy ARN like 'arn:aws:iam::aws:policy/ReadOnlyAccess'"));
  EXPECT_THAT(errors_for_policy("arn:aws:iam::aws:role/Deploy"),
              ElementsAre("t.toml:22:21: error: 'arn:aws:iam::aws:role/Deploy' is not a managed "
                          "policy ARN like 'arn:aws:iam::aws:policy/ReadOnlyAccess'"));
  auto errors_for_region = [](const std::string& region) {
    return ValidationErrors(ReplaceOnce(kSmallSpec, "\"us-west-2\"", "\"" + region + "\""));
  };
  EXPECT_THAT(errors_for_region("us-gov-west-1"), ElementsAre());
  EXPECT_THAT(errors_for_region("ap-southeast-2"), ElementsAre());
  EXPECT_THAT(errors_for_region("us-west-"),
              ElementsAre("t.toml:4:25: error: 'us-west-' is not an AWS region name like "
                          "'us-east-1'"));
  EXPECT_THAT(errors_for_region("usa-west-2"),
              ElementsAre("t.toml:4:25: error: 'usa-west-2' is not an AWS region name like "
                          "'us-east-1'"));
}

TEST(SpecValidationTest, AccountNamePartRule) {
  EXPECT_TRUE(IsValidAccountNamePart("payments"));
  EXPECT_TRUE(IsValidAccountNamePart("data-lake2"));
  EXPECT_TRUE(IsValidAccountNamePart("a"));
  EXPECT_FALSE(IsValidAccountNamePart(""));
  EXPECT_FALSE(IsValidAccountNamePart("-a"));
  EXPECT_FALSE(IsValidAccountNamePart("a-"));
  EXPECT_FALSE(IsValidAccountNamePart("2a"));
  EXPECT_FALSE(IsValidAccountNamePart("a/b"));
  EXPECT_FALSE(IsValidAccountNamePart("a.b"));
}

TEST(SpecValidationTest, CiRepositoriesAndBranchesAreExactNames) {
  std::string text = std::string(kSmallSpec) + R"(
[[ci]]
name = "ok"
provider = "github"
repository = "acme/payments"
branch = "main"

[[ci]]
name = "wild"
provider = "github"
repository = "acme/*"
branch = "feature/*"

[[ci]]
name = "nested"
provider = "github"
repository = "acme/group/payments"
branch = "main"

[[ci]]
name = "lab"
provider = "gitlab"
repository = "acme/group/payments"
branch = "main"
)";
  EXPECT_THAT(ValidationErrors(text),
              ElementsAre("t.toml:45:14: error: repository 'acme/*' of [[ci]] 'wild' must be owner/repo, letters, "
                          "digits, '.', '_' and '-' only (no wildcards)",
                          "t.toml:46:10: error: branch 'feature/*' of [[ci]] 'wild' must be one branch name, "
                          "without spaces, '*', '?' or ':'",
                          "t.toml:51:14: error: repository 'acme/group/payments' of [[ci]] 'nested' must be "
                          "owner/repo, letters, digits, '.', '_' and '-' only (no wildcards)"));
}

TEST(SpecValidationTest, CiNamesAreUniqueAndNeverReachAdminOrManagement) {
  std::string text = std::string(kSmallSpec) + R"(
[[ci]]
name = "deploy"
provider = "github"
repository = "acme/payments"
branch = "main"
in = { accounts = ["admin", "management", "audit"] }

[[ci]]
name = "Deploy"
provider = "github"
repository = "acme/web"
branch = "main"
managed_policies = ["AdministratorAccess"]
)";
  EXPECT_THAT(ValidationErrors(text),
              ElementsAre("t.toml:41:20: error: [[ci]] 'deploy' may not reach the 'admin' account: CI identities "
                          "live only in accounts without a way into others",
                          "t.toml:41:29: error: [[ci]] 'deploy' may not reach the 'management' account: CI "
                          "identities live only in accounts without a way into others",
                          "t.toml:44:8: error: [[ci]] 'Deploy' is declared twice (first at 37:8; IAM role names "
                          "ignore case)",
                          "t.toml:48:21: error: 'AdministratorAccess' is not a managed policy ARN like "
                          "'arn:aws:iam::aws:policy/ReadOnlyAccess'"));
}

}  // namespace
}  // namespace foyer::spec
