#include "access/completion.h"

#include <gtest/gtest.h>

namespace foyer::access {
namespace {

using Words = std::vector<std::string>;

store::Inventory Inventory() {
  store::Inventory inventory;
  inventory.accounts.push_back({"111111111111", "admin", "", "ACTIVE", {{"foyer:kind", "admin"}}, ""});
  inventory.accounts.push_back({"333333333333", "payments-production", "", "ACTIVE",
                                {{"foyer:kind", "service"}, {"foyer:domain", "payments"},
                                 {"foyer:environment", "production"}, {"foyer:quality", "default"}},
                                ""});
  return inventory;
}

TEST(TargetCandidatesTest, SpecialNamesAccountNamesAndServicePaths) {
  login::OrgAccess org;
  EXPECT_EQ(TargetCandidates(org, std::nullopt), (Words{"admin"}));
  org.management_account_id = "222222222222";
  EXPECT_EQ(TargetCandidates(org, Inventory()),
            (Words{"admin", "management", "payments-production", "payments/production", "payments/production/default"}));
}

TEST(RoleCandidatesTest, FromTheRecordedGrants) {
  login::OrgAccess org;
  EXPECT_EQ(RoleCandidates(org, "sre", "x"), (Words{"Administrator", "Auditor"}));
  org.grants["sre"]["payments-production"] = {"Deployer", "Auditor"};
  org.grants["sre"]["admin"] = {"Administrator"};
  EXPECT_EQ(RoleCandidates(org, "sre", "payments-production"), (Words{"Auditor", "Deployer"}));
  EXPECT_EQ(RoleCandidates(org, "sre", ""), (Words{"Administrator", "Auditor", "Deployer"}));
  EXPECT_EQ(RoleCandidates(org, "ops", "admin"), Words{});
}

TEST(CompletionScriptTest, EachShellNamesTheCommandsAndTheHelper) {
  for (const char* shell : {"bash", "zsh", "fish"}) {
    auto script = CompletionScript(shell, {"assume", "console"});
    ASSERT_TRUE(script) << shell;
    EXPECT_NE(script->find("assume console"), std::string::npos) << shell;
    EXPECT_NE(script->find("__complete targets"), std::string::npos) << shell;
    EXPECT_NE(script->find("__complete roles"), std::string::npos) << shell;
    EXPECT_EQ(script->find('@'), std::string::npos) << *script;
  }
  EXPECT_FALSE(CompletionScript("tcsh", {}));
}

}  // namespace
}  // namespace foyer::access
