#include "store/inventory_cache.h"

#include <gtest/gtest.h>

#include "store/scratch_dir_for_tests.h"

namespace foyer::store {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

const SystemTime kT0 = SystemTime(seconds(1795819767));
const std::string kOrg = "123456789012";

std::vector<InventoryAccount> Accounts(std::string suffix) {
  return {
      {"333333333333", "payments-production" + suffix, "aws+payments-production@example.com", "ACTIVE",
       {{"foyer:kind", "service"}, {"foyer:domain", "payments"}, {"foyer:environment", "production"}},
       "Workloads/production"},
      {"111111111111", "admin" + suffix, "aws+admin@example.com", "ACTIVE",
       {{"foyer:kind", "admin"}, {"foyer:managed", "true"}}, "Security"},
      {"222222222222", "old" + suffix, "aws+old@example.com", "SUSPENDED", {}, ""},
  };
}

class InventoryCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto state = StateDir::Open(scratch_.path() / "foyer");
    ASSERT_TRUE(state.ok());
    state_.emplace(std::move(*state));
    auto cache = InventoryCache::Open(*state_);
    ASSERT_TRUE(cache.ok()) << cache.error().message;
    cache_.emplace(std::move(*cache));
  }

  InventoryCache::Fetch CountingFetch() {
    return [this]() -> Result<std::vector<InventoryAccount>> {
      ++fetches_;
      return Accounts("-v" + std::to_string(fetches_));
    };
  }

  std::string FirstNameAfterGetOrFetch(SystemTime now, bool refresh = false) {
    auto inventory = cache_->GetOrFetch(kOrg, hours(1), refresh, now, CountingFetch());
    EXPECT_TRUE(inventory.ok()) << inventory.error().message;
    return inventory.ok() ? inventory->accounts.front().name : "";
  }

  ScratchDir scratch_;
  std::optional<StateDir> state_;
  std::optional<InventoryCache> cache_;
  int fetches_ = 0;
};

TEST_F(InventoryCacheTest, SavesAndLoadsEveryFieldOrderedById) {
  ASSERT_TRUE(cache_->Save({kOrg, kT0, Accounts("")}).ok());
  cache_.emplace(std::move(*InventoryCache::Open(*state_)));
  auto loaded = cache_->Load(kOrg);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  ASSERT_TRUE(loaded->has_value());
  const Inventory& inventory = **loaded;
  EXPECT_EQ(inventory.organization, kOrg);
  EXPECT_EQ(inventory.fetched_at, kT0);
  std::vector<InventoryAccount> expected = Accounts("");
  ASSERT_EQ(inventory.accounts.size(), 3u);
  EXPECT_EQ(inventory.accounts[0], expected[1]);
  EXPECT_EQ(inventory.accounts[1], expected[2]);
  EXPECT_EQ(inventory.accounts[2], expected[0]);
  EXPECT_EQ(inventory.accounts[2].tags.at("foyer:environment"), "production");
}

TEST_F(InventoryCacheTest, AnUnknownOrganizationHasNoInventory) {
  ASSERT_TRUE(cache_->Save({kOrg, kT0, Accounts("")}).ok());
  auto loaded = cache_->Load("999999999999");
  ASSERT_TRUE(loaded.ok());
  EXPECT_FALSE(loaded->has_value());
}

TEST_F(InventoryCacheTest, SavingReplacesTheWholeInventory) {
  ASSERT_TRUE(cache_->Save({kOrg, kT0, Accounts("")}).ok());
  std::vector<InventoryAccount> fewer = {{"444444444444", "new", "aws+new@example.com", "ACTIVE",
                                          {{"foyer:kind", "deploy"}}, "Infrastructure"}};
  ASSERT_TRUE(cache_->Save({kOrg, kT0 + hours(2), fewer}).ok());
  auto loaded = cache_->Load(kOrg);
  ASSERT_EQ((*loaded)->accounts.size(), 1u);
  EXPECT_EQ((*loaded)->accounts[0], fewer[0]);
  EXPECT_EQ((*loaded)->fetched_at, kT0 + hours(2));
}

TEST_F(InventoryCacheTest, OrganizationsAreKeptApart) {
  ASSERT_TRUE(cache_->Save({kOrg, kT0, Accounts("-a")}).ok());
  ASSERT_TRUE(cache_->Save({"999999999999", kT0, Accounts("-b")}).ok());
  EXPECT_EQ((*cache_->Load(kOrg))->accounts[0].name, "admin-a");
  EXPECT_EQ((*cache_->Load("999999999999"))->accounts[0].name, "admin-b");
  EXPECT_EQ((*cache_->Load("999999999999"))->accounts[0].tags.size(), 2u);
}

TEST_F(InventoryCacheTest, FetchesWhenMissingThenServesUntilTheTtlEnds) {
  EXPECT_EQ(FirstNameAfterGetOrFetch(kT0), "admin-v1");
  EXPECT_EQ(FirstNameAfterGetOrFetch(kT0 + hours(1) - seconds(1)), "admin-v1");
  EXPECT_EQ(FirstNameAfterGetOrFetch(kT0 + hours(1)), "admin-v2");
  EXPECT_EQ(fetches_, 2);
  EXPECT_EQ((*cache_->Load(kOrg))->fetched_at, kT0 + hours(1));
}

TEST_F(InventoryCacheTest, RefreshBypassesAFreshInventory) {
  EXPECT_EQ(FirstNameAfterGetOrFetch(kT0), "admin-v1");
  EXPECT_EQ(FirstNameAfterGetOrFetch(kT0 + minutes(1), /*refresh=*/true), "admin-v2");
  EXPECT_EQ(FirstNameAfterGetOrFetch(kT0 + minutes(2)), "admin-v2");
}

TEST_F(InventoryCacheTest, AFetchErrorKeepsTheCachedInventory) {
  EXPECT_EQ(FirstNameAfterGetOrFetch(kT0), "admin-v1");
  auto failed = cache_->GetOrFetch(kOrg, hours(1), true, kT0 + minutes(1),
                                   []() -> Result<std::vector<InventoryAccount>> {
                                     return MakeError("AccessDenied", "not allowed");
                                   });
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, "AccessDenied");
  EXPECT_EQ((*cache_->Load(kOrg))->accounts[0].name, "admin-v1");
}

}  // namespace
}  // namespace foyer::store
