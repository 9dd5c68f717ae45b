#include "org/discovery.h"

#include <map>

#include <gtest/gtest.h>

namespace foyer::org {
namespace {

using store::InventoryAccount;

// An organization in memory that counts the calls made to it.
class FakeOrganization : public OrganizationSource {
 public:
  Result<aws::Organization> DescribeOrganization() override {
    ++calls["DescribeOrganization"];
    return organization;
  }
  Result<std::vector<aws::Root>> ListRoots() override {
    ++calls["ListRoots"];
    return roots;
  }
  Result<std::vector<aws::OrganizationalUnit>> ListOrganizationalUnitsForParent(
      const std::string& parent_id) override {
    ++calls["ListOrganizationalUnitsForParent"];
    return units[parent_id];
  }
  Result<std::vector<aws::Account>> ListAccountsForParent(const std::string& parent_id) override {
    ++calls["ListAccountsForParent"];
    return accounts[parent_id];
  }
  Result<aws::TagList> ListTagsForResource(const std::string& resource_id) override {
    ++calls["ListTagsForResource"];
    if (resource_id == failing_tags_for) return MakeError("AccessDeniedException", "no tags for you");
    return tags[resource_id];
  }

  aws::Organization organization{"o-abc", "arn:org", "ALL", "arn:m", "111111111111", "m@x"};
  std::vector<aws::Root> roots{{"r-1", "arn:root", "Root", {}}};
  std::map<std::string, std::vector<aws::OrganizationalUnit>> units;
  std::map<std::string, std::vector<aws::Account>> accounts;
  std::map<std::string, aws::TagList> tags;
  std::string failing_tags_for;
  std::map<std::string, int> calls;
};

aws::Account AccountOf(std::string id, std::string name) {
  return aws::Account{id, "arn:" + id, name + "@x", name, "ACTIVE", "CREATED", {}};
}

class DiscoveryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    org_.units["r-1"] = {{"ou-sec", "arn:sec", "Security"}, {"ou-wl", "arn:wl", "Workloads"}};
    org_.units["ou-wl"] = {{"ou-prod", "arn:prod", "production"}};
    org_.accounts["r-1"] = {AccountOf("111111111111", "management")};
    org_.accounts["ou-sec"] = {AccountOf("333333333333", "admin")};
    org_.accounts["ou-prod"] = {AccountOf("222222222222", "payments-production"),
                                AccountOf("444444444444", "stray")};
    org_.accounts["ou-prod"][1].status = "SUSPENDED";
    org_.tags["111111111111"] = {{"foyer:kind", "management"}};
    org_.tags["333333333333"] = {{"foyer:kind", "admin"}, {"foyer:managed", "true"}};
    org_.tags["222222222222"] = {{"foyer:kind", "service"},
                                 {"foyer:domain", "payments"},
                                 {"foyer:environment", "production"},
                                 {"foyer:quality", "default"}};
  }

  FakeOrganization org_;
};

TEST_F(DiscoveryTest, FindsEveryAccountWithTagsAndOuPathOrderedById) {
  auto accounts = DiscoverAccounts(org_);
  ASSERT_TRUE(accounts.ok()) << accounts.error().Describe();
  std::vector<InventoryAccount> expected{
      {"111111111111", "management", "management@x", "ACTIVE", {{"foyer:kind", "management"}}, ""},
      {"222222222222", "payments-production", "payments-production@x", "ACTIVE",
       {{"foyer:domain", "payments"},
        {"foyer:environment", "production"},
        {"foyer:kind", "service"},
        {"foyer:quality", "default"}},
       "Workloads/production"},
      {"333333333333", "admin", "admin@x", "ACTIVE",
       {{"foyer:kind", "admin"}, {"foyer:managed", "true"}}, "Security"},
      {"444444444444", "stray", "stray@x", "SUSPENDED", {}, "Workloads/production"},
  };
  EXPECT_EQ(*accounts, expected);
}

TEST_F(DiscoveryTest, WalksTheTreeOnceWithOneTagCallPerAccount) {
  ASSERT_TRUE(DiscoverAccounts(org_).ok());
  std::map<std::string, int> expected{{"ListRoots", 1},
                                      {"ListAccountsForParent", 4},
                                      {"ListOrganizationalUnitsForParent", 4},
                                      {"ListTagsForResource", 4}};
  EXPECT_EQ(org_.calls, expected);
}

TEST_F(DiscoveryTest, AFailedTagCallFailsDiscovery) {
  org_.failing_tags_for = "333333333333";
  auto accounts = DiscoverAccounts(org_);
  ASSERT_FALSE(accounts.ok());
  EXPECT_EQ(accounts.error().code, "AccessDeniedException");
}

TEST_F(DiscoveryTest, RefusesAnOrganizationWithoutExactlyOneRoot) {
  org_.roots.clear();
  auto accounts = DiscoverAccounts(org_);
  ASSERT_FALSE(accounts.ok());
  EXPECT_EQ(accounts.error().code, "UnexpectedOrganization");
}

TEST_F(DiscoveryTest, AcceptsTheExpectedManagementAccount) {
  auto organization = DescribeExpectedOrganization(org_, "111111111111");
  ASSERT_TRUE(organization.ok()) << organization.error().Describe();
  EXPECT_EQ(organization->id, "o-abc");
}

TEST_F(DiscoveryTest, AcceptsAnyOrganizationWhenNoneIsExpected) {
  auto organization = DescribeExpectedOrganization(org_, "");
  ASSERT_TRUE(organization.ok());
  EXPECT_EQ(organization->master_account_id, "111111111111");
}

TEST_F(DiscoveryTest, RefusesAnotherOrganization) {
  auto organization = DescribeExpectedOrganization(org_, "999999999999");
  ASSERT_FALSE(organization.ok());
  EXPECT_EQ(organization.error().code, kWrongOrganizationError);
  EXPECT_EQ(organization.error().message,
            "these credentials reach organization o-abc whose management account is "
            "111111111111, not the expected 999999999999; use credentials of the right "
            "organization, or fix management_account_id in the configuration");
}

}  // namespace
}  // namespace foyer::org
