#include "org/naming.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "spec/spec_parser.h"
#include "spec/spec_testing.h"

namespace foyer::org {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;
using spec::testing::kSmallSpec;
using spec::testing::ReplaceOnce;

spec::Spec Parse(const std::string& text) {
  spec::ParsedSpec parsed = spec::ParseSpec(text, "t.toml");
  EXPECT_TRUE(parsed.ok());
  return parsed.spec;
}

std::vector<std::string> Names(const std::vector<DesiredAccount>& accounts) {
  std::vector<std::string> names;
  for (const DesiredAccount& account : accounts) names.push_back(account.name);
  return names;
}

TEST(NamingTest, SpecialAccountsThenOneAccountPerDomainAndEnvironment) {
  std::vector<DesiredAccount> accounts = DesiredAccounts(Parse(std::string(kSmallSpec)));
  EXPECT_THAT(Names(accounts), ElementsAre("admin", "audit", "deploy", "payments-development",
                                           "payments-production", "web-production"));
}

TEST(NamingTest, SpecialAccountKindsOusTagsAndEmails) {
  std::vector<DesiredAccount> accounts = DesiredAccounts(Parse(std::string(kSmallSpec)));
  const DesiredAccount& admin = accounts[0];
  EXPECT_EQ(admin.kind, AccountKind::kAdmin);
  EXPECT_EQ(admin.ou_path, "Security");
  EXPECT_EQ(admin.email, "aws+admin@example.com");
  EXPECT_THAT(admin.tags, ElementsAre(Pair("foyer:kind", "admin"), Pair("foyer:managed", "true")));
  EXPECT_EQ(admin.declared_at.line, 8);
  EXPECT_EQ(admin.declared_at.column, 9);
  EXPECT_EQ(accounts[1].kind, AccountKind::kAudit);
  EXPECT_EQ(accounts[1].ou_path, "Security");
  EXPECT_EQ(accounts[2].kind, AccountKind::kDeploy);
  EXPECT_EQ(accounts[2].ou_path, "Infrastructure");
  EXPECT_THAT(accounts[2].tags,
              ElementsAre(Pair("foyer:kind", "deploy"), Pair("foyer:managed", "true")));
}

TEST(NamingTest, ServiceAccountCarriesEveryAxisAsTags) {
  std::vector<DesiredAccount> accounts = DesiredAccounts(Parse(std::string(kSmallSpec)));
  const DesiredAccount& account = accounts[4];
  EXPECT_EQ(account.name, "payments-production");
  EXPECT_EQ(account.kind, AccountKind::kService);
  EXPECT_EQ(account.domain, "payments");
  EXPECT_EQ(account.environment, "production");
  EXPECT_EQ(account.quality, "default");
  EXPECT_EQ(account.ou_path, "Workloads/production");
  EXPECT_EQ(account.email, "aws+payments-production@example.com");
  EXPECT_THAT(account.tags, ElementsAre(Pair("foyer:domain", "payments"),
                                        Pair("foyer:environment", "production"),
                                        Pair("foyer:kind", "service"),
                                        Pair("foyer:managed", "true"),
                                        Pair("foyer:quality", "default")));
  EXPECT_EQ(account.declared_at.line, 13);
}

TEST(NamingTest, SeveralQualitiesAppearInNamesInOrganizationOrder) {
  std::string text = ReplaceOnce(kSmallSpec, "environments = [\"development\", \"production\"]",
                                 "environments = [\"development\", \"production\"]\n"
                                 "qualities = [\"blue\", \"green\"]");
  text = ReplaceOnce(text, "name = \"web\"\nenvironments = [\"production\"]",
                     "name = \"web\"\nenvironments = [\"production\"]\nqualities = [\"green\"]");
  std::vector<DesiredAccount> accounts = DesiredAccounts(Parse(text));
  EXPECT_THAT(Names(accounts),
              ElementsAre("admin", "audit", "deploy", "payments-development-blue",
                          "payments-development-green", "payments-production-blue",
                          "payments-production-green", "web-production-green"));
  EXPECT_EQ(accounts[7].quality, "green");
  EXPECT_EQ(accounts[7].tags.at("foyer:quality"), "green");
}

TEST(NamingTest, AccountsWithoutAuditOrDeploy) {
  std::string text = ReplaceOnce(kSmallSpec, "audit = \"audit\"\ndeploy = \"deploy\"\n", "");
  EXPECT_THAT(Names(DesiredAccounts(Parse(text))),
              ElementsAre("admin", "payments-development", "payments-production",
                          "web-production"));
}

TEST(NamingTest, NameAndEmailHelpers) {
  EXPECT_EQ(ServiceAccountName("web", "production", "blue", true), "web-production-blue");
  EXPECT_EQ(ServiceAccountName("web", "production", "blue", false), "web-production");
  EXPECT_EQ(RootEmail("aws+{account}@example.com", "web-production"),
            "aws+web-production@example.com");
  EXPECT_EQ(KindName(AccountKind::kManagement), "management");
  EXPECT_EQ(KindName(AccountKind::kService), "service");
}

}  // namespace
}  // namespace foyer::org
