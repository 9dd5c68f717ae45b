#include "org/inventory.h"

#include <gtest/gtest.h>

namespace foyer::org {
namespace {

using store::InventoryAccount;

const InventoryAccount kService{"222222222222", "payments-production", "p@x", "ACTIVE",
                                {{"foyer:kind", "service"},
                                 {"foyer:domain", "payments"},
                                 {"foyer:environment", "production"},
                                 {"foyer:quality", "default"}},
                                "Workloads/production"};
const InventoryAccount kUntagged{"444444444444", "Legacy Stuff.old", "l@x", "SUSPENDED",
                                 {{"team", "x"}}, ""};

TEST(InventoryTest, KindComesFromTheTagOrIsUnmanaged) {
  EXPECT_EQ(KindOf(kService), "service");
  EXPECT_EQ(KindOf(kUntagged), "unmanaged");
  EXPECT_EQ(TagValue(kService, "foyer:domain"), "payments");
  EXPECT_EQ(TagValue(kUntagged, "foyer:domain"), "");
}

TEST(InventoryTest, JsonHasEveryKeyAndNullForMissingAxes) {
  auto json = AccountsJson({kService, kUntagged});
  EXPECT_EQ(json.dump(),
            R"([{"id":"222222222222","name":"payments-production","email":"p@x","status":"ACTIVE",)"
            R"("kind":"service","domain":"payments","environment":"production","quality":"default",)"
            R"("ou":"Workloads/production"},)"
            R"({"id":"444444444444","name":"Legacy Stuff.old","email":"l@x","status":"SUSPENDED",)"
            R"("kind":"unmanaged","domain":null,"environment":null,"quality":null,"ou":""}])");
}

TEST(InventoryTest, JsonOfNoAccountsIsAnEmptyArray) { EXPECT_EQ(AccountsJson({}).dump(), "[]"); }

TEST(InventoryTest, ShellNamesAreUpperCaseWithUnderscores) {
  EXPECT_EQ(ShellVariableName("payments-production"), "FOYER_ACCOUNT_PAYMENTS_PRODUCTION");
  EXPECT_EQ(ShellVariableName("Legacy Stuff.old"), "FOYER_ACCOUNT_LEGACY_STUFF_OLD");
  EXPECT_EQ(ShellVariableName("a;rm -rf $HOME`x`"), "FOYER_ACCOUNT_A_RM__RF__HOME_X_");
  EXPECT_EQ(ShellVariableName("audit2"), "FOYER_ACCOUNT_AUDIT2");
}

TEST(InventoryTest, ShellExportsOneLinePerAccount) {
  EXPECT_EQ(AccountsShellExports({kService, kUntagged}),
            "export FOYER_ACCOUNT_PAYMENTS_PRODUCTION=222222222222\n"
            "export FOYER_ACCOUNT_LEGACY_STUFF_OLD=444444444444\n");
}

}  // namespace
}  // namespace foyer::org
