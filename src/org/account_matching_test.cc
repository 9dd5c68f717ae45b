#include "org/account_matching.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "spec/spec_parser.h"
#include "spec/spec_testing.h"

namespace foyer::org {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kManagement[] = "123456789012";

std::vector<DesiredAccount> Desired() {
  spec::ParsedSpec parsed = spec::ParseSpec(std::string(spec::testing::kSmallSpec), "t.toml");
  EXPECT_TRUE(parsed.ok());
  return DesiredAccounts(parsed.spec);
}

store::InventoryAccount Live(std::string id, std::string name, std::string email,
                             std::map<std::string, std::string> tags = {}) {
  return {std::move(id), std::move(name), std::move(email), "ACTIVE", std::move(tags), ""};
}

std::map<std::string, std::string> ServiceTags(std::string domain, std::string environment) {
  return {{"foyer:kind", "service"}, {"foyer:domain", domain}, {"foyer:environment", environment},
          {"foyer:quality", "default"}, {"foyer:managed", "true"}};
}

TEST(AccountMatchingTest, RecognisesAccountsByTagsWhateverTheirName) {
  auto matching = MatchAccounts(
      Desired(),
      {Live(kManagement, "root", "root@example.com"),
       Live("111111111111", "renamed by someone", "x@example.com", ServiceTags("payments", "production")),
       Live("222222222222", "admin", "aws+admin@example.com", {{"foyer:kind", "admin"}})},
      {}, kManagement);
  ASSERT_TRUE(matching.ok()) << matching.error().Describe();
  EXPECT_EQ(matching->ids.at("payments-production"), "111111111111");
  EXPECT_EQ(matching->ids.at("admin"), "222222222222");
  EXPECT_EQ(matching->ids.at("management"), kManagement);
  EXPECT_EQ(matching->ids.count("audit"), 0u);
  EXPECT_TRUE(matching->adopted.empty());
}

TEST(AccountMatchingTest, AdoptsAnUntaggedAccountWithTheSameRootEmail) {
  auto matching = MatchAccounts(Desired(), {Live("333333333333", "Audit", "AWS+audit@example.com")},
                                {}, kManagement);
  ASSERT_TRUE(matching.ok());
  EXPECT_EQ(matching->ids.at("audit"), "333333333333");
  EXPECT_THAT(matching->adopted, ElementsAre("audit"));
}

TEST(AccountMatchingTest, AdoptsByIdWhenTheNameMatches) {
  auto matching = MatchAccounts(Desired(), {Live("444444444444", "deploy", "ops@example.com")},
                                {"444444444444"}, kManagement);
  ASSERT_TRUE(matching.ok());
  EXPECT_EQ(matching->ids.at("deploy"), "444444444444");
  EXPECT_THAT(matching->adopted, ElementsAre("deploy"));
}

TEST(AccountMatchingTest, RefusesAnAdoptionThatMatchesNothing) {
  auto unknown = MatchAccounts(Desired(), {}, {"555555555555"}, kManagement);
  ASSERT_FALSE(unknown.ok());
  EXPECT_THAT(unknown.error().message, HasSubstr("no account of the organization has this id"));
  auto unrelated = MatchAccounts(Desired(), {Live("555555555555", "sandbox", "s@example.com")},
                                 {"555555555555"}, kManagement);
  ASSERT_FALSE(unrelated.ok());
  EXPECT_THAT(unrelated.error().message,
              HasSubstr("account sandbox matches no account of foyer.toml by name or root email"));
}

TEST(AccountMatchingTest, TwoAccountsWithOneAccountsTagsIsAnError) {
  auto matching = MatchAccounts(
      Desired(),
      {Live("111111111111", "a", "a@example.com", ServiceTags("web", "production")),
       Live("222222222222", "b", "b@example.com", ServiceTags("web", "production"))},
      {}, kManagement);
  ASSERT_FALSE(matching.ok());
  EXPECT_EQ(matching.error().code, "DuplicateAccount");
  EXPECT_THAT(matching.error().message, HasSubstr("both carry the tags of web-production"));
}

TEST(AccountMatchingTest, TaggedAccountsNoLongerWantedAreOnlyReported) {
  auto matching = MatchAccounts(
      Desired(), {Live("666666666666", "web-development", "w@example.com", ServiceTags("web", "development"))},
      {}, kManagement);
  ASSERT_TRUE(matching.ok());
  ASSERT_EQ(matching->notes.size(), 1u);
  EXPECT_THAT(matching->notes[0], HasSubstr("foyer account close 666666666666"));
}

}  // namespace
}  // namespace foyer::org
