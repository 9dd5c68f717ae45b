#include "org/role_placement.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "org/org_validation.h"
#include "spec/spec_parser.h"
#include "spec/spec_testing.h"

namespace foyer::org {
namespace {

using ::testing::ElementsAre;
using spec::testing::kSmallSpec;
using spec::testing::ReplaceOnce;

// "account: Role <- group, group" lines, for exact comparisons.
std::vector<std::string> Describe(const std::vector<RolePlacement>& placements) {
  std::vector<std::string> lines;
  for (const RolePlacement& placement : placements) {
    std::string line = placement.account + ": " + placement.role + " <-";
    for (const std::string& group : placement.trusted_groups) line += " " + group;
    lines.push_back(line);
  }
  return lines;
}

std::vector<std::string> Placements(const std::string& text) {
  spec::ParsedSpec parsed = spec::ParseSpec(text, "t.toml");
  EXPECT_TRUE(parsed.ok());
  return Describe(PlaceRoles(parsed.spec, DesiredAccounts(parsed.spec)));
}

TEST(RolePlacementTest, SmallSpec) {
  EXPECT_THAT(Placements(std::string(kSmallSpec)),
              ElementsAre("management: OrganizationAdministrator <- sre",
                          "management: OrganizationReader <- sre engineers",
                          "admin: Administrator <- sre",
                          "admin: Auditor <- engineers",
                          "audit: Administrator <- sre",
                          "audit: Auditor <- engineers",
                          "deploy: Administrator <- sre",
                          "deploy: Auditor <- engineers",
                          "payments-development: Administrator <- sre engineers",
                          "payments-development: Auditor <- engineers",
                          "payments-production: Administrator <- sre",
                          "payments-production: Auditor <- engineers",
                          "payments-production: Deployer <- engineers",
                          "web-production: Administrator <- sre",
                          "web-production: Auditor <- engineers"));
}

TEST(RolePlacementTest, RoleExistsOnlyWhereAGrantAlsoPicksTheAccount) {
  // Deployer picks every production account, but engineers are granted it
  // in web only: the role exists in web-production alone.
  std::string text = ReplaceOnce(kSmallSpec, "in = { domains = [\"payments\"], environments",
                                 "in = { environments");
  text = ReplaceOnce(text, "{ role = \"Deployer\" }",
                     "{ role = \"Deployer\", in = { domains = [\"web\"] } }");
  std::vector<std::string> placements = Placements(text);
  std::vector<std::string> deployers;
  for (const std::string& line : placements) {
    if (line.find("Deployer") != std::string::npos) deployers.push_back(line);
  }
  EXPECT_THAT(deployers, ElementsAre("web-production: Deployer <- engineers"));
}

TEST(RolePlacementTest, NoOrganizationAdministratorWithoutAGrant) {
  std::string text = ReplaceOnce(kSmallSpec, ", { role = \"OrganizationAdministrator\" }", "");
  EXPECT_THAT(Placements(text)[0], "management: OrganizationReader <- sre engineers");
}

TEST(RolePlacementTest, AcmeExample) {
  Result<CheckedSpec> checked = CheckSpecFile("examples/acme/foyer.toml");
  ASSERT_TRUE(checked.ok()) << checked.error().message;
  ASSERT_TRUE(checked->ok());
  EXPECT_THAT(Describe(PlaceRoles(checked->spec, checked->accounts)),
              ElementsAre("management: OrganizationAdministrator <- sre",
                          "management: OrganizationReader <- sre engineers auditors",
                          "admin: Administrator <- sre",
                          "admin: Auditor <- auditors",
                          "audit: Administrator <- sre",
                          "audit: Auditor <- auditors",
                          "deploy: Administrator <- sre",
                          "deploy: Auditor <- auditors",
                          "payments-development: Administrator <- sre engineers",
                          "payments-development: Auditor <- auditors",
                          "payments-production: Administrator <- sre",
                          "payments-production: Auditor <- engineers auditors",
                          "payments-production: Deployer <- engineers",
                          "ledger-development: Administrator <- sre engineers",
                          "ledger-development: Auditor <- auditors",
                          "ledger-production: Administrator <- sre",
                          "ledger-production: Auditor <- engineers auditors",
                          "ledger-production: Deployer <- engineers",
                          "web-development: Administrator <- sre engineers",
                          "web-development: Auditor <- auditors",
                          "web-production: Administrator <- sre",
                          "web-production: Auditor <- engineers auditors"));
}

}  // namespace
}  // namespace foyer::org
