#include "spec/spec_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "spec/spec_testing.h"

namespace foyer::spec {
namespace {

using ::testing::ElementsAre;
using testing::kSmallSpec;
using testing::Lines;
using testing::ReplaceOnce;

std::vector<std::string> ParseErrors(const std::string& text) {
  return Lines(ParseSpec(text, "t.toml").diagnostics);
}

TEST(SpecParserTest, ReadsEveryTableOfTheSmallSpec) {
  ParsedSpec parsed = ParseSpec(kSmallSpec, "t.toml");
  ASSERT_THAT(Lines(parsed.diagnostics), ElementsAre());
  const Spec& spec = parsed.spec;
  EXPECT_EQ(spec.source_file, "t.toml");
  EXPECT_EQ(spec.organization.management_account_id.value, "123456789012");
  EXPECT_EQ(spec.organization.management_account_id.at.line, 2);
  EXPECT_EQ(spec.organization.management_account_id.at.column, 25);
  EXPECT_EQ(spec.organization.email.value, "aws+{account}@example.com");
  EXPECT_THAT(spec.organization.regions.Values(), ElementsAre("us-east-1", "us-west-2"));
  EXPECT_EQ(spec.organization.regions.at.line, 4);
  EXPECT_EQ(spec.organization.regions.at.column, 11);
  EXPECT_EQ(spec.organization.regions.items[1].at.column, 25);
  EXPECT_THAT(spec.organization.environments.Values(), ElementsAre("development", "production"));
  EXPECT_EQ(spec.accounts.admin.value, "admin");
  ASSERT_TRUE(spec.accounts.audit.has_value());
  EXPECT_EQ(spec.accounts.audit->value, "audit");
  ASSERT_TRUE(spec.accounts.deploy.has_value());
  EXPECT_EQ(spec.accounts.deploy->value, "deploy");
  ASSERT_EQ(spec.domains.size(), 2u);
  EXPECT_EQ(spec.domains[1].name.value, "web");
  EXPECT_THAT(spec.domains[1].environments.Values(), ElementsAre("production"));
  ASSERT_EQ(spec.roles.size(), 1u);
  const Role& deployer = spec.roles[0];
  EXPECT_EQ(deployer.name.value, "Deployer");
  ASSERT_TRUE(deployer.in.has_value());
  ASSERT_TRUE(deployer.in->domains.has_value());
  EXPECT_THAT(deployer.in->domains->Values(), ElementsAre("payments"));
  EXPECT_THAT(deployer.in->environments->Values(), ElementsAre("production"));
  EXPECT_FALSE(deployer.in->qualities.has_value());
  EXPECT_FALSE(deployer.in->accounts.has_value());
  EXPECT_THAT(deployer.managed_policies.Values(),
              ElementsAre("arn:aws:iam::aws:policy/PowerUserAccess"));
  ASSERT_EQ(spec.groups.size(), 2u);
  const Group& engineers = spec.groups[1];
  EXPECT_EQ(engineers.name.value, "engineers");
  ASSERT_EQ(engineers.grants.size(), 3u);
  EXPECT_EQ(engineers.grants[1].role.value, "Deployer");
  EXPECT_FALSE(engineers.grants[1].in.has_value());
  ASSERT_TRUE(engineers.grants[2].in.has_value());
  EXPECT_THAT(engineers.grants[2].in->environments->Values(), ElementsAre("development"));
  ASSERT_EQ(spec.identity.iam_users.size(), 1u);
  EXPECT_EQ(spec.identity.iam_users[0].name.value, "alice");
  EXPECT_EQ(spec.identity.iam_users[0].name.at.line, 34);
  EXPECT_THAT(spec.identity.iam_users[0].groups.Values(), ElementsAre("sre"));
}

TEST(SpecParserTest, FillsDefaults) {
  ParsedSpec parsed = ParseSpec(kSmallSpec, "t.toml");
  ASSERT_TRUE(parsed.ok());
  const Spec& spec = parsed.spec;
  EXPECT_THAT(spec.organization.qualities.Values(), ElementsAre("default"));
  EXPECT_THAT(spec.domains[0].environments.Values(), ElementsAre("development", "production"));
  EXPECT_THAT(spec.domains[0].qualities.Values(), ElementsAre("default"));
  EXPECT_EQ(spec.roles[0].max_session_duration.value, 3600);
  EXPECT_FALSE(spec.roles[0].policy_file.has_value());
  EXPECT_TRUE(spec.guardrails.deny_leave_organization);
  EXPECT_TRUE(spec.guardrails.protect_audit_trail);
  EXPECT_TRUE(spec.guardrails.deny_iam_users_outside_admin);
  EXPECT_TRUE(spec.guardrails.deny_root_user);
  EXPECT_TRUE(spec.guardrails.neuter_organization_account_access_role);
  EXPECT_EQ(spec.terraform.required_version.value, ">= 1.10");
  EXPECT_TRUE(spec.ci.empty());
  EXPECT_EQ(spec.terraform.aws_provider_version.value, ">= 5.0");
  EXPECT_EQ(spec.terraform.role.value, "Administrator");
  EXPECT_FALSE(spec.identity.oidc.has_value());
  EXPECT_FALSE(spec.identity.saml.has_value());
  EXPECT_FALSE(spec.identity.identity_center.has_value());
}

TEST(SpecParserTest, ReadsIdentityGuardrailsAndTerraform) {
  std::string text = std::string(kSmallSpec) + R"(
[identity.oidc]
issuer = "https://idp.example.com"
client_id = "foyer"
group_match = "subject"
scopes = ["openid", "email"]

[identity.saml]
metadata_file = "idp.xml"

[identity.identity_center]
region = "eu-west-1"
start_url = "https://d-1234567890.awsapps.com/start"

[guardrails]
deny_root_user = false

[terraform]
required_version = "~> 1.9"
aws_provider_version = "~> 5.70"
role = "Deployer"
)";
  ParsedSpec parsed = ParseSpec(text, "t.toml");
  ASSERT_THAT(Lines(parsed.diagnostics), ElementsAre());
  const Spec& spec = parsed.spec;
  ASSERT_TRUE(spec.identity.oidc.has_value());
  EXPECT_EQ(spec.identity.oidc->issuer.value, "https://idp.example.com");
  EXPECT_EQ(spec.identity.oidc->client_id.value, "foyer");
  EXPECT_EQ(spec.identity.oidc->group_match.value, GroupMatch::kSubject);
  EXPECT_THAT(spec.identity.oidc->scopes.Values(), ElementsAre("openid", "email"));
  ASSERT_TRUE(spec.identity.saml.has_value());
  EXPECT_EQ(spec.identity.saml->metadata_file.value, "idp.xml");
  EXPECT_EQ(spec.identity.saml->provider_name.value, "foyer");
  ASSERT_TRUE(spec.identity.identity_center.has_value());
  EXPECT_EQ(spec.identity.identity_center->region.value, "eu-west-1");
  EXPECT_EQ(spec.identity.identity_center->start_url->value,
            "https://d-1234567890.awsapps.com/start");
  EXPECT_FALSE(spec.guardrails.deny_root_user);
  EXPECT_TRUE(spec.guardrails.deny_leave_organization);
  EXPECT_EQ(spec.terraform.required_version.value, "~> 1.9");
  EXPECT_EQ(spec.terraform.aws_provider_version.value, "~> 5.70");
  EXPECT_EQ(spec.terraform.role.value, "Deployer");
}

TEST(SpecParserTest, UnknownKeyNamesTheTableAndSuggestsTheClosestKey) {
  std::string text = ReplaceOnce(kSmallSpec, "name = \"web\"\nenvironments",
                                 "name = \"web\"\nenviroments");
  EXPECT_THAT(ParseErrors(text),
              ElementsAre("t.toml:17:1: error: unknown key 'enviroments' in [[domain]] 'web' "
                          "\u2014 did you mean 'environments'?"));
}

TEST(SpecParserTest, UnknownKeyWithNothingCloseHasNoHint) {
  std::string text = ReplaceOnce(kSmallSpec, "admin = \"admin\"", "admin = \"admin\"\ncolor = 1");
  EXPECT_THAT(ParseErrors(text),
              ElementsAre("t.toml:9:1: error: unknown key 'color' in [accounts]"));
}

TEST(SpecParserTest, UnknownTopLevelTable) {
  std::string text = std::string(kSmallSpec) + "\n[guardrail]\ndeny_root_user = true\n";
  EXPECT_THAT(ParseErrors(text),
              ElementsAre("t.toml:36:2: error: unknown key 'guardrail' at the top level "
                          "\u2014 did you mean 'guardrails'?"));
}

TEST(SpecParserTest, UnknownKeysInSelectorsGrantsAndIdentity) {
  std::string text = ReplaceOnce(kSmallSpec, "in = { domains", "in = { domain");
  text = ReplaceOnce(text, "{ role = \"Auditor\" }", "{ role = \"Auditor\", where = 1 }");
  text = ReplaceOnce(text, "alice = { groups", "alice = { group");
  EXPECT_THAT(
      ParseErrors(text),
      ElementsAre("t.toml:21:8: error: unknown key 'domain' in the selector of [[role]] "
                  "'Deployer' \u2014 did you mean 'domains'?",
                  "t.toml:30:31: error: unknown key 'where' in grant #1 of [[group]] 'engineers'",
                  "t.toml:34:9: error: missing key 'groups' in [identity.iam_users] 'alice'",
                  "t.toml:34:11: error: unknown key 'group' in [identity.iam_users] 'alice' "
                  "\u2014 did you mean 'groups'?"));
}

TEST(SpecParserTest, WrongTypesNameTheExpectedAndTheFoundType) {
  std::string text = ReplaceOnce(kSmallSpec, "regions = [\"us-east-1\", \"us-west-2\"]",
                                 "regions = \"us-east-1\"");
  text = ReplaceOnce(text, "management_account_id = \"123456789012\"",
                     "management_account_id = 123456789012");
  text = ReplaceOnce(text, "\"web\"\nenvironments = [\"production\"]",
                     "\"web\"\nenvironments = [\"production\", 2]");
  text = ReplaceOnce(text, "PowerUserAccess\"]", "PowerUserAccess\"]\nmax_session_duration = \"1h\"");
  EXPECT_THAT(
      ParseErrors(text),
      ElementsAre(
          "t.toml:2:25: error: 'management_account_id' in [organization] must be a string, "
          "not an integer",
          "t.toml:4:11: error: 'regions' in [organization] must be an array of strings, not a "
          "string",
          "t.toml:17:31: error: 'environments' in [[domain]] 'web' must hold only strings, not an "
          "integer",
          "t.toml:23:24: error: 'max_session_duration' in [[role]] 'Deployer' must be an "
          "integer, not a string"));
}

TEST(SpecParserTest, KeyOfTheWrongTableIsUnknownThere) {
  // Appended after [identity.iam_users], the key lands in that table as a
  // user, whose value must be a table.
  std::string text = std::string(kSmallSpec) + "bob = \"sre\"\n";
  EXPECT_THAT(ParseErrors(text),
              ElementsAre("t.toml:35:7: error: 'bob' in [identity.iam_users] must be a table, "
                          "not a string"));
}

TEST(SpecParserTest, SingleTableWhereAnArrayOfTablesBelongs) {
  std::string text = ReplaceOnce(kSmallSpec, "[[domain]]\nname = \"web\"", "[domainx]\nname = \"web\"");
  text = ReplaceOnce(text, "[[role]]", "[role]");
  EXPECT_THAT(ParseErrors(text),
              ElementsAre("t.toml:15:2: error: unknown key 'domainx' at the top level \u2014 did "
                          "you mean 'domain'?",
                          "t.toml:19:1: error: 'role' at the top level must be an array of "
                          "tables, written [[role]], not a table"));
}

TEST(SpecParserTest, MissingTablesAndKeys) {
  std::string text = ReplaceOnce(kSmallSpec, "admin = \"admin\"\n", "");
  text = ReplaceOnce(text, "name = \"payments\"\n", "");
  text = ReplaceOnce(text, "email = \"aws+{account}@example.com\"\n", "");
  EXPECT_THAT(ParseErrors(text),
              ElementsAre("t.toml:1:1: error: missing key 'email' in [organization]",
                          "t.toml:6:1: error: missing key 'admin' in [accounts]",
                          "t.toml:10:1: error: missing key 'name' in [[domain]] #1"));
  EXPECT_THAT(ParseErrors("[accounts]\nadmin = \"admin\"\n"),
              ElementsAre("t.toml:1:1: error: missing table [organization]"));
}

TEST(SpecParserTest, GroupMatchMustBeTagOrSubject) {
  std::string text = std::string(kSmallSpec) +
                     "\n[identity.oidc]\nissuer = \"https://idp.example.com\"\nclient_id = \"f\"\n"
                     "group_match = \"groups\"\n";
  EXPECT_THAT(ParseErrors(text),
              ElementsAre("t.toml:39:15: error: 'group_match' in [identity.oidc] must be \"tag\" "
                          "or \"subject\", not \"groups\""));
}

TEST(SpecParserTest, SyntaxErrorIsOneDiagnosticAtItsPosition) {
  std::string text = ReplaceOnce(kSmallSpec, "admin = \"admin\"", "admin = ");
  EXPECT_THAT(ParseErrors(text),
              ElementsAre("t.toml:8:9: error: invalid TOML: Error while parsing key-value pair: "
                          "expected value, saw '\\n'"));
}

TEST(SpecParserTest, DuplicateKeyIsASyntaxError) {
  std::string text = ReplaceOnce(kSmallSpec, "audit = \"audit\"", "audit = \"audit\"\naudit = \"x\"");
  EXPECT_THAT(ParseErrors(text),
              ElementsAre("t.toml:10:9: error: invalid TOML: Error while parsing key-value pair: "
                          "cannot redefine existing string 'audit'"));
}

TEST(SpecParserTest, EmptyInputReportsTheMissingTables) {
  EXPECT_THAT(ParseErrors(""), ElementsAre("t.toml:1:1: error: missing table [organization]",
                                           "t.toml:1:1: error: missing table [accounts]"));
}

TEST(SpecParserTest, ReadsCiIdentities) {
  std::string text = std::string(kSmallSpec) + R"(
[[ci]]
name = "payments-deploy"
provider = "github"
repository = "acme/payments"
branch = "main"
in = { domains = ["payments"] }

[[ci]]
name = "web"
provider = "gitlab"
repository = "acme/frontend/web"
branch = "release"
managed_policies = ["arn:aws:iam::aws:policy/PowerUserAccess"]
)";
  ParsedSpec parsed = ParseSpec(text, "t.toml");
  ASSERT_THAT(Lines(parsed.diagnostics), ElementsAre());
  ASSERT_EQ(parsed.spec.ci.size(), 2u);
  const CiIdentity& github = parsed.spec.ci[0];
  EXPECT_EQ(github.name.value, "payments-deploy");
  EXPECT_EQ(github.provider.value, CiProvider::kGithub);
  EXPECT_EQ(github.repository.value, "acme/payments");
  EXPECT_EQ(github.branch.value, "main");
  EXPECT_THAT(github.in->domains->Values(), ElementsAre("payments"));
  EXPECT_THAT(github.managed_policies.Values(), ElementsAre("arn:aws:iam::aws:policy/AdministratorAccess"));
  const CiIdentity& gitlab = parsed.spec.ci[1];
  EXPECT_EQ(gitlab.provider.value, CiProvider::kGitlab);
  EXPECT_EQ(gitlab.provider.at.line, 45);
  EXPECT_FALSE(gitlab.in.has_value());
  EXPECT_THAT(gitlab.managed_policies.Values(), ElementsAre("arn:aws:iam::aws:policy/PowerUserAccess"));
}

TEST(SpecParserTest, CiNeedsAKnownProviderAndEveryRequiredKey) {
  std::string text = std::string(kSmallSpec) + R"(
[[ci]]
name = "deploy"
provider = "jenkins"
branch = "main"
)";
  ParsedSpec parsed = ParseSpec(text, "t.toml");
  EXPECT_THAT(Lines(parsed.diagnostics),
              ElementsAre("t.toml:36:1: error: missing key 'repository' in [[ci]] 'deploy'",
                          "t.toml:38:12: error: 'provider' in [[ci]] 'deploy' must be \"github\" or \"gitlab\", not "
                          "\"jenkins\""));
}

}  // namespace
}  // namespace foyer::spec
