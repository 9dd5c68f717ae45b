#include "access/role_session.h"

#include <gtest/gtest.h>

#include "store/scratch_dir_for_tests.h"

namespace foyer::access {
namespace {

TEST(RoleSessionTest, KeyAndArnNameEveryPart) {
  login::OrgAccess org;
  org.name = "acme";
  org.regions = {"cn-north-1"};
  RoleSessionRequest request;
  request.group = "sre";
  request.account_id = "333333333333";
  request.role = "Auditor";
  EXPECT_EQ(RoleSessionCacheKey(org, request), "target/acme/333333333333/Auditor/from/sre");
  EXPECT_EQ(TargetRoleArn(org, request), "arn:aws-cn:iam::333333333333:role/foyer/Auditor");
}

TEST(RoleSessionTest, RoleNamesThatCouldBendTheArnAreRefused) {
  EXPECT_TRUE(IsRoleName("Administrator"));
  EXPECT_TRUE(IsRoleName("a+b=c,d.e@f_g-h"));
  EXPECT_FALSE(IsRoleName(""));
  EXPECT_FALSE(IsRoleName("../Administrator"));
  EXPECT_FALSE(IsRoleName("x:role/y"));
  EXPECT_FALSE(IsRoleName(std::string(65, 'a')));
}

TEST(RoleSessionTest, RefreshWindowFromEnvironment) {
  auto unset = RefreshWindowFromEnvironment(creds::Environment::FromMap({}));
  ASSERT_TRUE(unset.ok());
  EXPECT_EQ(unset->count(), 900);
  auto set = RefreshWindowFromEnvironment(creds::Environment::FromMap({{"FOYER_REFRESH_WINDOW_SECONDS", "3000"}}));
  ASSERT_TRUE(set.ok());
  EXPECT_EQ(set->count(), 3000);
  auto bad = RefreshWindowFromEnvironment(creds::Environment::FromMap({{"FOYER_REFRESH_WINDOW_SECONDS", "15m"}}));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().exit_code, ExitCode::kUsage);
}

TEST(RoleSessionTest, NoLandingSessionAndNoEnvironmentIsExit3) {
  store::ScratchDir scratch;
  auto state = store::StateDir::Open(scratch.path() / "state");
  ASSERT_TRUE(state.ok());
  auto cache = store::CredentialCache::Open(*state);
  ASSERT_TRUE(cache.ok());
  login::OrgAccess org;
  org.name = "acme";
  org.admin_account_id = "111111111111";
  org.regions = {"us-east-1"};
  RoleSessionRequest request;
  request.group = "sre";
  request.account_id = "333333333333";
  auto session = GetRoleSession(org, request, *state, *cache, creds::Environment::FromMap({}));
  ASSERT_FALSE(session.ok());
  EXPECT_EQ(session.error().exit_code, ExitCode::kLoginNeeded);
  EXPECT_NE(session.error().message.find("foyer login --org acme --group sre"), std::string::npos)
      << session.error().message;
}

}  // namespace
}  // namespace foyer::access
