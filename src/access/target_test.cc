#include "access/target.h"

#include <gtest/gtest.h>

namespace foyer::access {
namespace {

login::OrgAccess Org() {
  login::OrgAccess org;
  org.name = "acme";
  org.admin_account_id = "111111111111";
  org.management_account_id = "222222222222";
  org.regions = {"us-east-1", "us-west-2"};
  return org;
}

store::InventoryAccount Service(std::string id, std::string name, std::string domain, std::string environment,
                                std::string quality) {
  store::InventoryAccount account;
  account.id = std::move(id);
  account.name = std::move(name);
  account.tags = {{"foyer:domain", domain}, {"foyer:environment", environment}, {"foyer:quality", quality}};
  return account;
}

store::Inventory Inventory() {
  store::Inventory inventory;
  inventory.organization = "222222222222";
  inventory.accounts = {Service("333333333333", "payments-production", "payments", "production", "default"),
                        Service("444444444444", "payments-development", "payments", "development", "default"),
                        Service("555555555555", "search-production-default", "search", "production", "default"),
                        Service("666666666666", "search-production-canary", "search", "production", "canary"),
                        Service("777777777777", "ledger-production-a", "ledger", "production", "a"),
                        Service("888888888888", "ledger-production-b", "ledger", "production", "b")};
  return inventory;
}

TEST(ResolveTargetTest, AccountIdNeedsNoInventory) {
  auto target = ResolveTarget("999999999999", Org(), std::nullopt);
  ASSERT_TRUE(target.ok()) << target.error().message;
  EXPECT_EQ(target->account_id, "999999999999");
}

TEST(ResolveTargetTest, SpecialNamesComeFromTheClientConfig) {
  auto admin = ResolveTarget("admin", Org(), std::nullopt);
  ASSERT_TRUE(admin.ok());
  EXPECT_EQ(admin->account_id, "111111111111");
  auto management = ResolveTarget("management", Org(), std::nullopt);
  ASSERT_TRUE(management.ok());
  EXPECT_EQ(management->account_id, "222222222222");
}

TEST(ResolveTargetTest, ManagementWithoutConfiguredIdIsAUsageError) {
  login::OrgAccess org = Org();
  org.management_account_id.clear();
  auto target = ResolveTarget("management", org, std::nullopt);
  ASSERT_FALSE(target.ok());
  EXPECT_EQ(target.error().exit_code, ExitCode::kUsage);
  EXPECT_NE(target.error().message.find("--management-account"), std::string::npos);
}

TEST(ResolveTargetTest, NameWithoutInventorySaysToRefresh) {
  auto target = ResolveTarget("payments-production", Org(), std::nullopt);
  ASSERT_FALSE(target.ok());
  EXPECT_EQ(target.error().exit_code, ExitCode::kUsage);
  EXPECT_NE(target.error().message.find("foyer accounts --refresh"), std::string::npos);
}

TEST(ResolveTargetTest, AccountName) {
  auto target = ResolveTarget("payments-development", Org(), Inventory());
  ASSERT_TRUE(target.ok()) << target.error().message;
  EXPECT_EQ(target->account_id, "444444444444");
  EXPECT_EQ(target->label, "payments-development");
}

TEST(ResolveTargetTest, MisspelledNameSuggestsTheClosest) {
  auto target = ResolveTarget("payments-prodution", Org(), Inventory());
  ASSERT_FALSE(target.ok());
  EXPECT_NE(target.error().message.find("did you mean 'payments-production'"), std::string::npos)
      << target.error().message;
}

TEST(ResolveTargetTest, DomainAndEnvironment) {
  auto target = ResolveTarget("payments/production", Org(), Inventory());
  ASSERT_TRUE(target.ok()) << target.error().message;
  EXPECT_EQ(target->account_id, "333333333333");
}

TEST(ResolveTargetTest, WithoutQualityTheDefaultQualityWins) {
  auto target = ResolveTarget("search/production", Org(), Inventory());
  ASSERT_TRUE(target.ok()) << target.error().message;
  EXPECT_EQ(target->account_id, "555555555555");
  auto canary = ResolveTarget("search/production/canary", Org(), Inventory());
  ASSERT_TRUE(canary.ok());
  EXPECT_EQ(canary->account_id, "666666666666");
}

TEST(ResolveTargetTest, SeveralQualitiesAndNoDefaultIsAmbiguous) {
  auto target = ResolveTarget("ledger/production", Org(), Inventory());
  ASSERT_FALSE(target.ok());
  EXPECT_NE(target.error().message.find("matches 2 accounts"), std::string::npos) << target.error().message;
}

TEST(ResolveTargetTest, UnknownPathSuggestsTheClosest) {
  auto target = ResolveTarget("payments/prod", Org(), Inventory());
  ASSERT_FALSE(target.ok());
  EXPECT_EQ(target.error().exit_code, ExitCode::kUsage);
  auto malformed = ResolveTarget("payments//production", Org(), Inventory());
  ASSERT_FALSE(malformed.ok());
  EXPECT_NE(malformed.error().message.find("<domain>/<environment>"), std::string::npos);
}

}  // namespace
}  // namespace foyer::access
