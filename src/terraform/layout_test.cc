#include "terraform/layout.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "spec/spec_parser.h"
#include "spec/spec_testing.h"

namespace foyer::terraform {
namespace {

using ::testing::ElementsAre;

spec::Spec Parse(const std::string& text) {
  spec::ParsedSpec parsed = spec::ParseSpec(text, "t.toml");
  EXPECT_TRUE(parsed.ok());
  return parsed.spec;
}

store::InventoryAccount Live(std::string id, std::string name, std::map<std::string, std::string> tags) {
  store::InventoryAccount account;
  account.id = std::move(id);
  account.name = std::move(name);
  account.status = "ACTIVE";
  account.tags = std::move(tags);
  return account;
}

std::vector<store::InventoryAccount> LiveOrg() {
  return {
      Live("100000000000", "admin", {{"foyer:kind", "admin"}}),
      Live("200000000000", "renamed-deploy", {{"foyer:kind", "deploy"}}),
      Live("300000000000", "payments-production",
           {{"foyer:kind", "service"}, {"foyer:domain", "payments"}, {"foyer:environment", "production"},
            {"foyer:quality", "default"}}),
      // Named like a desired account but untagged: not matched.
      Live("400000000000", "payments-development", {}),
  };
}

TEST(LayoutTest, LiveIdsMatchByTagsNotNames) {
  spec::Spec spec = Parse(std::string(spec::testing::kSmallSpec));
  auto ids = LiveAccountIds(org::DesiredAccounts(spec), LiveOrg());
  EXPECT_EQ(ids, (std::map<std::string, std::string>{
                     {"admin", "100000000000"}, {"deploy", "200000000000"}, {"payments-production", "300000000000"}}));
}

TEST(LayoutTest, ModulesPerAccountAndPlaceWithStateInTheDeployAccount) {
  spec::Spec spec = Parse(std::string(spec::testing::kSmallSpec));
  std::vector<org::DesiredAccount> desired = org::DesiredAccounts(spec);
  auto layout = PlanLayout(spec, desired, LiveAccountIds(desired, LiveOrg()));
  ASSERT_TRUE(layout.ok()) << layout.error().message;
  std::vector<std::string> labels;
  for (const RootModule& module : layout->modules) labels.push_back(module.label);
  EXPECT_THAT(labels, ElementsAre("special/deploy/global", "special/deploy/us-east-1", "special/deploy/us-west-2",
                                  "payments/production/default/global", "payments/production/default/us-east-1",
                                  "payments/production/default/us-west-2"));
  EXPECT_THAT(layout->missing_accounts, ElementsAre("audit", "payments-development", "web-production"));
  EXPECT_THAT(layout->shared_modules,
              ElementsAre("modules/special/deploy/global", "modules/special/deploy/regional",
                          "modules/payments/global", "modules/payments/regional"));
  const RootModule& global = layout->modules[3];
  EXPECT_TRUE(global.global);
  EXPECT_EQ(global.region, "us-east-1");
  EXPECT_EQ(global.state_bucket, "foyer-tfstate-200000000000-us-east-1");
  EXPECT_EQ(global.state_key, "300000000000/payments/production/default/global/terraform.tfstate");
  EXPECT_EQ(global.role_arn, "arn:aws:iam::300000000000:role/foyer/Administrator");
  const RootModule& west = layout->modules[5];
  EXPECT_FALSE(west.global);
  EXPECT_EQ(west.region, "us-west-2");
  EXPECT_EQ(west.state_bucket, "foyer-tfstate-200000000000-us-west-2");
  EXPECT_EQ(west.shared_module, "modules/payments/regional");
  EXPECT_EQ(west.tags.at("foyer:environment"), "production");
}

TEST(LayoutTest, TerraformRoleAndPartitionFollowTheSpec) {
  spec::Spec spec = Parse(spec::testing::ReplaceOnce(
      std::string(spec::testing::kSmallSpec) + "\n[terraform]\nrole = \"Deployer\"\n",
      "regions = [\"us-east-1\", \"us-west-2\"]", "regions = [\"cn-north-1\", \"cn-northwest-1\"]"));
  std::vector<org::DesiredAccount> desired = org::DesiredAccounts(spec);
  auto layout = PlanLayout(spec, desired, LiveAccountIds(desired, LiveOrg()));
  ASSERT_TRUE(layout.ok()) << layout.error().message;
  EXPECT_EQ(layout->modules[0].role_arn, "arn:aws-cn:iam::200000000000:role/foyer/Deployer");
}

TEST(LayoutTest, RefusesWithoutADeployAccount) {
  spec::Spec spec = Parse(spec::testing::ReplaceOnce(spec::testing::kSmallSpec, "deploy = \"deploy\"\n", ""));
  std::vector<org::DesiredAccount> desired = org::DesiredAccounts(spec);
  auto layout = PlanLayout(spec, desired, LiveAccountIds(desired, LiveOrg()));
  ASSERT_FALSE(layout.ok());
  EXPECT_NE(layout.error().message.find("add `deploy = \"deploy\"` to [accounts]"), std::string::npos);

  spec = Parse(std::string(spec::testing::kSmallSpec));
  desired = org::DesiredAccounts(spec);
  layout = PlanLayout(spec, desired, {{"admin", "100000000000"}});
  ASSERT_FALSE(layout.ok());
  EXPECT_NE(layout.error().message.find("run `foyer apply` first"), std::string::npos);
}

TEST(LayoutTest, RefusesADomainNamedLikeTheSpecialFolder) {
  spec::Spec spec = Parse(spec::testing::ReplaceOnce(spec::testing::kSmallSpec, "name = \"web\"", "name = \"special\""));
  std::vector<org::DesiredAccount> desired = org::DesiredAccounts(spec);
  auto layout = PlanLayout(spec, desired, LiveAccountIds(desired, LiveOrg()));
  ASSERT_FALSE(layout.ok());
  EXPECT_NE(layout.error().message.find("a domain named 'special'"), std::string::npos);
}

}  // namespace
}  // namespace foyer::terraform
