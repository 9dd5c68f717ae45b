#include "access/granted_roles.h"

#include <gtest/gtest.h>

#include "spec/spec_parser.h"
#include "spec/spec_testing.h"

namespace foyer::access {
namespace {

GrantMap SmallSpecGrants() {
  spec::ParsedSpec parsed = spec::ParseSpec(std::string(spec::testing::kSmallSpec), "t.toml");
  EXPECT_TRUE(parsed.ok());
  return GrantsFromSpec(parsed.spec, org::DesiredAccounts(parsed.spec));
}

login::OrgAccess OrgWithGrants() {
  login::OrgAccess org;
  org.name = "acme";
  org.grants = SmallSpecGrants();
  return org;
}

using Roles = std::vector<std::string>;

TEST(GrantsFromSpecTest, EachGroupsRolesPerAccount) {
  GrantMap grants = SmallSpecGrants();
  EXPECT_EQ(grants["engineers"]["payments-production"], (Roles{"Auditor", "Deployer"}));
  EXPECT_EQ(grants["engineers"]["payments-development"], (Roles{"Administrator", "Auditor"}));
  EXPECT_EQ(grants["engineers"]["management"], (Roles{"OrganizationReader"}));
  EXPECT_EQ(grants["sre"]["management"], (Roles{"OrganizationAdministrator", "OrganizationReader"}));
  EXPECT_EQ(grants["sre"]["web-production"], (Roles{"Administrator"}));
  EXPECT_EQ(grants["sre"].count("payments-production"), 1u);
  EXPECT_EQ(grants.size(), 2u);
}

TEST(ChooseRoleTest, WithoutRecordedGrantsAdministratorOrWhatWasAsked) {
  login::OrgAccess org;
  EXPECT_EQ(*ChooseRole(org, "sre", "web-production", ""), "Administrator");
  EXPECT_EQ(*ChooseRole(org, "sre", "", "Auditor"), "Auditor");
}

TEST(ChooseRoleTest, TheOnlyGrantedRoleIsTheDefault) {
  EXPECT_EQ(*ChooseRole(OrgWithGrants(), "sre", "web-production", ""), "Administrator");
  EXPECT_EQ(*ChooseRole(OrgWithGrants(), "engineers", "management", ""), "OrganizationReader");
}

TEST(ChooseRoleTest, SeveralGrantedRolesAreListed) {
  auto chosen = ChooseRole(OrgWithGrants(), "engineers", "payments-production", "");
  ASSERT_FALSE(chosen.ok());
  EXPECT_EQ(chosen.error().exit_code, ExitCode::kUsage);
  EXPECT_EQ(chosen.error().message,
            "group 'engineers' holds several roles in payments-production: Auditor, Deployer; choose one with --role");
}

TEST(ChooseRoleTest, ARoleNotGrantedIsRefusedWithASuggestion) {
  EXPECT_EQ(*ChooseRole(OrgWithGrants(), "engineers", "payments-production", "Deployer"), "Deployer");
  auto typo = ChooseRole(OrgWithGrants(), "engineers", "payments-production", "Deployr");
  ASSERT_FALSE(typo.ok());
  EXPECT_EQ(typo.error().message.rfind("group 'engineers' is not granted role 'Deployr' in payments-production; "
                                       "it holds Auditor, Deployer — did you mean 'Deployer'?",
                                       0),
            0u)
      << typo.error().message;
  auto foreign = ChooseRole(OrgWithGrants(), "engineers", "web-production", "Administrator");
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().message.rfind(
                "group 'engineers' is not granted role 'Administrator' in web-production; it holds Auditor (", 0),
            0u)
      << foreign.error().message;
}

TEST(ChooseRoleTest, NoRoleInTheAccountOrUnknownGroup) {
  auto none = ChooseRole(OrgWithGrants(), "ops", "web-production", "");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().message.rfind("group 'ops' holds no role in web-production", 0), 0u);
}

TEST(ChooseRoleTest, AnAccountKnownOnlyByIdNeedsARole) {
  EXPECT_EQ(*ChooseRole(OrgWithGrants(), "sre", "", "Auditor"), "Auditor");
  auto unknown = ChooseRole(OrgWithGrants(), "sre", "", "");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("give --role"), std::string::npos);
}

}  // namespace
}  // namespace foyer::access
