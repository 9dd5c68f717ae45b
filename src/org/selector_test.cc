#include "org/selector.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "spec/spec_parser.h"
#include "spec/spec_testing.h"

namespace foyer::org {
namespace {

using ::testing::ElementsAre;
using spec::testing::kSmallSpec;
using spec::testing::Lines;
using spec::testing::ReplaceOnce;

// The spec with an extra quality axis, so that every axis can be tested:
// admin, audit, deploy, payments-{development,production}-{blue,green},
// web-production-{blue,green}.
std::string ThreeAxisSpec() {
  return ReplaceOnce(kSmallSpec, "environments = [\"development\", \"production\"]",
                     "environments = [\"development\", \"production\"]\n"
                     "qualities = [\"blue\", \"green\"]");
}

// What `selector_toml` (an inline table, or "" for none) picks.
std::vector<std::string> Picked(const std::string& selector_toml) {
  std::string text = ThreeAxisSpec();
  if (!selector_toml.empty()) {
    text = ReplaceOnce(text, "in = { domains = [\"payments\"], environments = [\"production\"] }",
                       "in = " + selector_toml);
  } else {
    text = ReplaceOnce(text, "in = { domains = [\"payments\"], environments = [\"production\"] }\n",
                       "");
  }
  spec::ParsedSpec parsed = spec::ParseSpec(text, "t.toml");
  EXPECT_THAT(Lines(parsed.diagnostics), ElementsAre());
  return PickedAccountNames(parsed.spec.roles[0].in, DesiredAccounts(parsed.spec));
}

TEST(SelectorTest, NoSelectorPicksEveryAccount) {
  EXPECT_THAT(Picked(""), ElementsAre("admin", "audit", "deploy", "payments-development-blue",
                                      "payments-development-green", "payments-production-blue",
                                      "payments-production-green", "web-production-blue",
                                      "web-production-green"));
}

TEST(SelectorTest, AxesIntersectAndValuesWithinAnAxisUnite) {
  EXPECT_THAT(Picked("{ environments = [\"production\"] }"),
              ElementsAre("payments-production-blue", "payments-production-green",
                          "web-production-blue", "web-production-green"));
  EXPECT_THAT(Picked("{ environments = [\"production\"], qualities = [\"green\"] }"),
              ElementsAre("payments-production-green", "web-production-green"));
  EXPECT_THAT(Picked("{ domains = [\"payments\", \"web\"], qualities = [\"blue\"] }"),
              ElementsAre("payments-development-blue", "payments-production-blue",
                          "web-production-blue"));
}

TEST(SelectorTest, AccountsAddByNameAndAreTheOnlyWayToSpecialAccounts) {
  EXPECT_THAT(Picked("{ accounts = [\"audit\", \"web-production-blue\"] }"),
              ElementsAre("audit", "web-production-blue"));
  EXPECT_THAT(Picked("{ domains = [\"web\"], accounts = [\"admin\"] }"),
              ElementsAre("admin", "web-production-blue", "web-production-green"));
}

TEST(SelectorTest, ManagementIsNeverPicked) {
  DesiredAccount management;
  management.name = "management";
  management.kind = AccountKind::kManagement;
  EXPECT_FALSE(Picks(std::nullopt, management));
  spec::Selector by_name;
  by_name.accounts = spec::NameList{{{"management", {}}}, {}};
  EXPECT_FALSE(Picks(by_name, management));
}

std::vector<std::string> SelectorErrors(const std::string& text) {
  spec::ParsedSpec parsed = spec::ParseSpec(text, "t.toml");
  EXPECT_THAT(Lines(parsed.diagnostics), ElementsAre());
  return Lines(CheckSelectors(parsed.spec, DesiredAccounts(parsed.spec)));
}

TEST(SelectorTest, SmallSpecSelectorsAreFine) {
  EXPECT_THAT(SelectorErrors(std::string(kSmallSpec)), ElementsAre());
}

TEST(SelectorTest, UnknownAccountNames) {
  std::string text = ReplaceOnce(kSmallSpec, "in = { domains = [\"payments\"], environments = "
                                             "[\"production\"] }",
                                 "in = { accounts = [\"audits\", \"management\", \"x\"] }");
  EXPECT_THAT(SelectorErrors(text),
              ElementsAre("t.toml:21:20: error: unknown account 'audits' in the selector of "
                          "[[role]] 'Deployer' \u2014 did you mean 'audit'?",
                          "t.toml:21:30: error: the management account cannot be selected: it "
                          "holds only OrganizationAdministrator and OrganizationReader",
                          "t.toml:21:44: error: unknown account 'x' in the selector of [[role]] "
                          "'Deployer' (known: admin, audit, deploy, payments-development, "
                          "payments-production, web-production)"));
}

TEST(SelectorTest, SelectorThatPicksNothing) {
  // web has no development account.
  std::string text = ReplaceOnce(kSmallSpec, "in = { domains = [\"payments\"]",
                                 "in = { domains = [\"web\"]");
  text = ReplaceOnce(text, "environments = [\"production\"] }", "environments = [\"development\"] }");
  EXPECT_THAT(SelectorErrors(text),
              ElementsAre("t.toml:21:6: error: the selector of [[role]] 'Deployer' picks no "
                          "account"));
}

TEST(SelectorTest, GrantThatPicksNoAccountWhereItsRoleExists) {
  std::string text = ReplaceOnce(kSmallSpec, "{ role = \"Deployer\" }",
                                 "{ role = \"Deployer\", in = { environments = [\"development\"] } }");
  EXPECT_THAT(SelectorErrors(text),
              ElementsAre("t.toml:30:59: error: the selector of grant #2 of [[group]] 'engineers' "
                          "picks no account where role 'Deployer' exists"));
}

TEST(SelectorTest, SelectorsWithUnknownNamesAreLeftToSpecValidation) {
  std::string text = ReplaceOnce(kSmallSpec, "in = { domains = [\"payments\"]",
                                 "in = { domains = [\"paymnts\"]");
  EXPECT_THAT(SelectorErrors(text), ElementsAre());
}

}  // namespace
}  // namespace foyer::org
