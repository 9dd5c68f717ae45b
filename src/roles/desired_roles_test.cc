#include "roles/desired_roles.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "spec/spec_parser.h"
#include "spec/spec_testing.h"

namespace foyer::roles {
namespace {

using ::testing::ElementsAre;

const DocumentIds kIds{{"aws", "111111111111"}, "o-abc"};

std::vector<AccountRoles> Desired(const std::string& text) {
  spec::ParsedSpec parsed = spec::ParseSpec(text, "t.toml");
  EXPECT_TRUE(parsed.ok());
  return DesiredRoles(parsed.spec, org::DesiredAccounts(parsed.spec), kIds);
}

// "account: role[ landing] <- groups | managed | inline | seconds"
std::vector<std::string> Describe(const std::vector<AccountRoles>& desired) {
  std::vector<std::string> lines;
  for (const AccountRoles& account : desired) {
    for (const DesiredRole& role : account.roles) {
      std::string line = account.account + ": " + role.name + (role.landing ? " landing" : "") + " <-";
      for (const std::string& group : role.trusted_groups) line += " " + group;
      line += " |";
      for (const std::string& arn : role.managed_policies) line += " " + arn.substr(arn.rfind('/') + 1);
      line += " |";
      for (const auto& [name, document] : role.inline_policies) line += " " + name;
      line += " | " + std::to_string(role.max_session_seconds);
      lines.push_back(line);
    }
  }
  return lines;
}

TEST(DesiredRolesTest, SmallSpec) {
  EXPECT_THAT(
      Describe(Desired(std::string(spec::testing::kSmallSpec))),
      ElementsAre("management: OrganizationAdministrator <- sre | AdministratorAccess | | 3600",
                  "management: OrganizationReader <- sre engineers | | foyer-organization-reader | 3600",
                  "admin: sre landing <- | | foyer-landing | 43200",
                  "admin: engineers landing <- | | foyer-landing | 43200",
                  "admin: Administrator <- sre | AdministratorAccess | | 3600",
                  "admin: Auditor <- engineers | ReadOnlyAccess | foyer-auditor-deny | 3600",
                  "audit: Administrator <- sre | AdministratorAccess | | 3600",
                  "audit: Auditor <- engineers | ReadOnlyAccess | foyer-auditor-deny | 3600",
                  "deploy: Administrator <- sre | AdministratorAccess | | 3600",
                  "deploy: Auditor <- engineers | ReadOnlyAccess | foyer-auditor-deny | 3600",
                  "payments-development: Administrator <- sre engineers | AdministratorAccess | | 3600",
                  "payments-development: Auditor <- engineers | ReadOnlyAccess | foyer-auditor-deny | 3600",
                  "payments-production: Administrator <- sre | AdministratorAccess | | 3600",
                  "payments-production: Auditor <- engineers | ReadOnlyAccess | foyer-auditor-deny | 3600",
                  "payments-production: Deployer <- engineers | PowerUserAccess | | 3600",
                  "web-production: Administrator <- sre | AdministratorAccess | | 3600",
                  "web-production: Auditor <- engineers | ReadOnlyAccess | foyer-auditor-deny | 3600"));
}

TEST(DesiredRolesTest, DocumentsUseTheIds) {
  std::vector<AccountRoles> desired = Desired(std::string(spec::testing::kSmallSpec));
  const DesiredRole* deployer = FindDesiredRole(desired, "payments-production", "Deployer");
  ASSERT_NE(deployer, nullptr);
  EXPECT_EQ(deployer->trust_policy, TargetTrustPolicy(kIds.admin, {"engineers"}));
  const DesiredRole* landing = FindDesiredRole(desired, "admin", "sre");
  ASSERT_NE(landing, nullptr);
  EXPECT_EQ(landing->inline_policies.at("foyer-landing"), LandingIdentityPolicy("aws", "o-abc"));
  EXPECT_EQ(FindDesiredRole(desired, "web-production", "Deployer"), nullptr);
  // Only the audit account's Auditor reads logs.
  EXPECT_EQ(FindDesiredRole(desired, "audit", "Auditor")->inline_policies.at("foyer-auditor-deny"),
            AuditorDenyPolicy(true));
  EXPECT_EQ(FindDesiredRole(desired, "deploy", "Auditor")->inline_policies.at("foyer-auditor-deny"),
            AuditorDenyPolicy(false));
}

TEST(DesiredRolesTest, CustomRoleInlinePolicyAndSessionDuration) {
  spec::ParsedSpec parsed = spec::ParseSpec(
      spec::testing::ReplaceOnce(spec::testing::kSmallSpec,
                                 "managed_policies = [\"arn:aws:iam::aws:policy/PowerUserAccess\"]\n",
                                 "managed_policies = [\"arn:aws:iam::aws:policy/PowerUserAccess\"]\n"
                                 "max_session_duration = 7200\n"),
      "t.toml");
  ASSERT_TRUE(parsed.ok());
  parsed.spec.roles[0].policy_document = R"({"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]})";
  std::vector<AccountRoles> desired =
      DesiredRoles(parsed.spec, org::DesiredAccounts(parsed.spec), kIds);
  const DesiredRole* deployer = FindDesiredRole(desired, "payments-production", "Deployer");
  ASSERT_NE(deployer, nullptr);
  EXPECT_EQ(deployer->max_session_seconds, 7200);
  EXPECT_EQ(deployer->inline_policies.at("foyer-inline").dump(),
            R"({"Statement":[{"Action":"s3:*","Effect":"Allow","Resource":"*"}]})");
}

}  // namespace
}  // namespace foyer::roles
