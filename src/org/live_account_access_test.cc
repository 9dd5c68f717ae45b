#include "org/live_account_access.h"

#include <gtest/gtest.h>

namespace foyer::org {
namespace {

constexpr char kManagement[] = "111111111111";
constexpr char kAdmin[] = "222222222222";
constexpr char kMember[] = "333333333333";

TEST(AdministrativeRoleArnTest, ManagementBootstrapsThroughOrganizationAccountAccessRole) {
  EXPECT_EQ(AdministrativeRoleArn("aws", kManagement, kManagement, kMember),
            "arn:aws:iam::333333333333:role/OrganizationAccountAccessRole");
  EXPECT_EQ(AdministrativeRoleArn("aws", kManagement, kManagement, kManagement), "");
}

TEST(AdministrativeRoleArnTest, LaterRunsMoveThroughFoyersOwnRoles) {
  EXPECT_EQ(AdministrativeRoleArn("aws", kAdmin, kManagement, kMember),
            "arn:aws:iam::333333333333:role/foyer/Administrator");
  EXPECT_EQ(AdministrativeRoleArn("aws-us-gov", kAdmin, kManagement, kManagement),
            "arn:aws-us-gov:iam::111111111111:role/foyer/OrganizationAdministrator");
  EXPECT_EQ(AdministrativeRoleArn("aws", kAdmin, kManagement, kAdmin), "");
}

}  // namespace
}  // namespace foyer::org
