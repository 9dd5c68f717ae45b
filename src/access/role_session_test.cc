#include "access/role_session.h"

#include <gtest/gtest.h>

#include "aws/fake_transport.h"
#include "login/landing_login.h"
#include "store/issuance_log.h"
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

std::string StsResponse(const std::string& action, const std::string& inner) {
  return "<" + action + "Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><" + action + "Result>" +
         inner + "</" + action + "Result><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></" +
         action + "Response>";
}

std::string CallerIdentity(const std::string& arn) {
  return StsResponse("GetCallerIdentity", "<Arn>" + arn + "</Arn><UserId>AROAL:s</UserId><Account>111111111111</Account>");
}

std::string AssumedTarget() {
  return StsResponse("AssumeRole",
                     "<Credentials><AccessKeyId>ASIATARGET</AccessKeyId><SecretAccessKey>target-secret</SecretAccessKey>"
                     "<SessionToken>target-token</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration>"
                     "</Credentials><AssumedRoleUser><AssumedRoleId>AROAT:alice@example.com</AssumedRoleId>"
                     "<Arn>arn:aws:sts::333333333333:assumed-role/Administrator/alice@example.com</Arn>"
                     "</AssumedRoleUser><SourceIdentity>alice</SourceIdentity>");
}

std::string FormValue(const aws::FakeTransport& transport, size_t index, const std::string& name) {
  for (const auto& [key, value] : transport.FormOf(index)) {
    if (key == name) return value;
  }
  return "(absent)";
}

// A landing session of group sre cached as `foyer login` leaves it.
class CachedLandingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    org_.name = "acme";
    org_.admin_account_id = "111111111111";
    org_.regions = {"us-east-1"};
    request_.group = "sre";
    request_.account_id = "333333333333";
    request_.aws = aws::FakeConfig(transport_);
    store::CachedCredentials landing;
    landing.credentials = {"ASIALANDING", "landing-secret", "landing-token",
                           aws::Clock::now() + std::chrono::hours(2), "login"};
    landing.role_arn = org_.LandingRoleArn("sre");
    landing.source_identity = "alice";
    ASSERT_TRUE(cache_.Store(login::LandingCacheKey(org_, "sre"), landing).ok());
  }

  Result<store::CachedCredentials> Get() {
    return GetRoleSession(org_, request_, state_, cache_, creds::Environment::FromMap({}));
  }

  store::ScratchDir scratch_;
  store::StateDir state_ = *store::StateDir::Open(scratch_.path() / "state");
  store::CredentialCache cache_ = *store::CredentialCache::Open(state_);
  std::shared_ptr<aws::FakeTransport> transport_ = std::make_shared<aws::FakeTransport>();
  login::OrgAccess org_;
  RoleSessionRequest request_;
};

TEST_F(CachedLandingTest, ChainsWithTheLandingSessionNameAndSourceIdentityThenServesFromCache) {
  transport_->Reply(200, CallerIdentity("arn:aws:sts::111111111111:assumed-role/sre/alice@example.com"));
  transport_->Reply(200, AssumedTarget());
  auto session = Get();
  ASSERT_TRUE(session.ok()) << session.error().Describe();
  EXPECT_EQ(session->credentials.access_key_id, "ASIATARGET");
  EXPECT_EQ(session->role_arn, "arn:aws:iam::333333333333:role/foyer/Administrator");
  EXPECT_EQ(session->source_identity, "alice");
  ASSERT_EQ(transport_->requests.size(), 2u);
  EXPECT_NE(transport_->requests[1].Header("Authorization").find("Credential=ASIALANDING/"), std::string::npos);
  EXPECT_EQ(transport_->requests[1].Header("X-Amz-Security-Token"), "landing-token");
  EXPECT_EQ(FormValue(*transport_, 1, "RoleArn"), "arn:aws:iam::333333333333:role/foyer/Administrator");
  EXPECT_EQ(FormValue(*transport_, 1, "RoleSessionName"), "alice@example.com");
  EXPECT_EQ(FormValue(*transport_, 1, "SourceIdentity"), "alice");
  EXPECT_EQ(FormValue(*transport_, 1, "DurationSeconds"), "3600");

  auto again = Get();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->credentials.access_key_id, "ASIATARGET");
  EXPECT_EQ(transport_->requests.size(), 2u);
  auto log = store::IssuanceLog::Open(state_);
  ASSERT_TRUE(log.ok());
  auto issued = log->Between(aws::Clock::now() - std::chrono::hours(1), aws::Clock::now() + std::chrono::hours(1));
  ASSERT_TRUE(issued.ok());
  ASSERT_EQ(issued->size(), 1u);
  EXPECT_EQ((*issued)[0].principal, "arn:aws:sts::111111111111:assumed-role/sre/alice@example.com");
  EXPECT_EQ((*issued)[0].source_identity, "alice");
  EXPECT_EQ((*issued)[0].access_key_id, "ASIATARGET");
}

TEST_F(CachedLandingTest, ASessionOfAnotherRoleIsNotASource) {
  transport_->Reply(200, CallerIdentity("arn:aws:sts::111111111111:assumed-role/sre-other/alice"));
  auto session = Get();
  ASSERT_FALSE(session.ok());
  EXPECT_EQ(session.error().exit_code, ExitCode::kLoginNeeded);
  EXPECT_EQ(transport_->requests.size(), 1u);
}

TEST_F(CachedLandingTest, ARefusalIsReportedAndNothingIsCached) {
  transport_->Reply(200, CallerIdentity("arn:aws:sts::111111111111:assumed-role/sre/alice@example.com"));
  transport_->Reply(403, "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>"
                         "<Message>not trusted</Message></Error><RequestId>q</RequestId></ErrorResponse>");
  auto session = Get();
  ASSERT_FALSE(session.ok());
  EXPECT_EQ(session.error().code, "AccessDenied");
  EXPECT_NE(session.error().message.find("could not assume arn:aws:iam::333333333333:role/foyer/Administrator"),
            std::string::npos);
  auto stored = cache_.Read(RoleSessionCacheKey(org_, request_));
  ASSERT_TRUE(stored.ok());
  EXPECT_FALSE(stored->has_value());
}

TEST_F(CachedLandingTest, InvalidRoleNameMakesNoCall) {
  request_.role = "x/../Admin";
  auto session = Get();
  ASSERT_FALSE(session.ok());
  EXPECT_EQ(session.error().exit_code, ExitCode::kUsage);
  EXPECT_TRUE(transport_->requests.empty());
}

}  // namespace
}  // namespace foyer::access
