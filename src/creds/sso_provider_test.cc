#include "creds/sso_provider.h"

#include <sys/stat.h>

#include <gtest/gtest.h>

#include "creds/default_chain.h"
#include "creds/sso_token_cache.h"
#include "creds/test_support.h"

namespace foyer::creds {
namespace {

using testing::At;
using testing::FakeCalls;
using testing::ScratchHome;

TEST(SsoTokenCacheTest, KeyIsSha1OfTheName) {
  EXPECT_EQ(SsoCacheKey("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(SsoCachePath(Environment::FromMap({{"HOME", "/home/q"}}), "abc"),
            "/home/q/.aws/sso/cache/a9993e364706816aba3e25717850c26c9cd0d89d.json");
}

TEST(SsoTokenCacheTest, ParsesAndWritesTheCliFormat) {
  Result<SsoCachedToken> token = ParseSsoCachedToken(
      R"({"startUrl": "https://d-1.awsapps.com/start", "region": "eu-west-1", "accessToken": "at",
          "expiresAt": "2027-01-15T09:00:00Z", "clientId": "cid", "clientSecret": "cs",
          "registrationExpiresAt": "2027-04-15T08:00:00Z", "refreshToken": "rt"})",
      "cache.json");
  ASSERT_TRUE(token.ok());
  EXPECT_EQ(token->expires_at, At(1800003600));
  EXPECT_TRUE(token->CanRefresh(At(1800000000)));
  EXPECT_EQ(SerializeSsoCachedToken(*token),
            R"({"startUrl":"https://d-1.awsapps.com/start","region":"eu-west-1","accessToken":"at",)"
            R"("expiresAt":"2027-01-15T09:00:00Z","clientId":"cid","clientSecret":"cs",)"
            R"("registrationExpiresAt":"2027-04-15T08:00:00Z","refreshToken":"rt"})");
}

TEST(SsoTokenCacheTest, LegacyUtcSuffixAndBadFiles) {
  Result<SsoCachedToken> token =
      ParseSsoCachedToken(R"({"accessToken": "at", "expiresAt": "2027-01-15T09:00:00UTC"})", "c");
  ASSERT_TRUE(token.ok());
  EXPECT_EQ(token->expires_at, At(1800003600));
  EXPECT_FALSE(token->CanRefresh(At(1800000000)));
  EXPECT_EQ(ParseSsoCachedToken("{\"accessToken\": \"secret-at\"", "c.json").error().message,
            "SSO token cache c.json: is not a JSON object; delete it and log in again");
  EXPECT_EQ(ParseSsoCachedToken(R"({"accessToken": "at"})", "c.json").error().message,
            "SSO token cache c.json: has no accessToken or expiresAt; log in again");
}

class SsoProviderTest : public ::testing::Test {
 protected:
  SsoProviderTest() {
    home_.Write(".aws/config",
                "[profile sso]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Admin\n"
                "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n"
                "[profile legacy]\nsso_start_url = https://old.awsapps.com/start\nsso_region = us-east-2\n"
                "sso_account_id = 444455556666\nsso_role_name = ReadOnly\n"
                "[profile half]\nsso_account_id = 1\n");
  }
  std::string TokenPath(const std::string& name) { return SsoCachePath(home_.Env(), name); }
  void WriteToken(const std::string& name, const std::string& json) {
    home_.Write(".aws/sso/cache/" + SsoCacheKey(name) + ".json", json);
  }
  Result<aws::Credentials> Retrieve(const std::string& profile) {
    Result<AwsConfigFiles> files = LoadAwsConfigFiles(home_.Env());
    Result<std::shared_ptr<aws::CredentialsProvider>> provider =
        ProfileCredentialsProvider(*files, profile, false, context_);
    if (!provider.ok()) return provider.error();
    return (*provider)->Retrieve();
  }

  ScratchHome home_;
  FakeCalls calls_;
  ChainContext context_ = calls_.Context(home_.Env());
};

TEST_F(SsoProviderTest, SessionProfileUsesTheCachedToken) {
  WriteToken("corp", R"({"accessToken": "at-corp", "expiresAt": "2027-01-15T10:00:00Z"})");
  Result<aws::Credentials> credentials = Retrieve("sso");
  ASSERT_TRUE(credentials.ok()) << credentials.error().message;
  EXPECT_EQ(credentials->access_key_id, "ASIA-sso-Admin");
  EXPECT_EQ(credentials->source, "sso 111122223333/Admin");
  ASSERT_EQ(calls_.sso_role.size(), 1u);
  EXPECT_EQ(calls_.sso_role[0].access_token, "at-corp");
  EXPECT_EQ(calls_.sso_role[0].sso_region, "eu-west-1");
  EXPECT_EQ(calls_.sso_role[0].account_id, "111122223333");
  EXPECT_TRUE(calls_.sso_refresh.empty());
}

TEST_F(SsoProviderTest, LegacyProfileFindsTheTokenByStartUrl) {
  WriteToken("https://old.awsapps.com/start", R"({"accessToken": "at-old", "expiresAt": "2027-01-15T10:00:00Z"})");
  ASSERT_TRUE(Retrieve("legacy").ok());
  EXPECT_EQ(calls_.sso_role[0].access_token, "at-old");
  EXPECT_EQ(calls_.sso_role[0].sso_region, "us-east-2");
  EXPECT_EQ(calls_.sso_role[0].role_name, "ReadOnly");
}

TEST_F(SsoProviderTest, ExpiringTokenIsRefreshedAndRewrittenPrivately) {
  WriteToken("corp", R"({"startUrl": "https://corp.awsapps.com/start", "region": "eu-west-1",
      "accessToken": "old", "expiresAt": "2027-01-15T08:05:00Z", "clientId": "cid",
      "clientSecret": "cs", "registrationExpiresAt": "2027-04-15T08:00:00Z", "refreshToken": "rt"})");
  ASSERT_TRUE(Retrieve("sso").ok());
  ASSERT_EQ(calls_.sso_refresh.size(), 1u);
  EXPECT_EQ(calls_.sso_refresh[0].refresh_token, "rt");
  EXPECT_EQ(calls_.sso_refresh[0].client_id, "cid");
  EXPECT_EQ(calls_.sso_refresh[0].client_secret, "cs");
  EXPECT_EQ(calls_.sso_refresh[0].sso_region, "eu-west-1");
  EXPECT_EQ(calls_.sso_role[0].access_token, "refreshed-access-token");
  Result<std::optional<SsoCachedToken>> saved = ReadSsoCachedToken(TokenPath("corp"));
  ASSERT_TRUE(saved.ok() && saved->has_value());
  EXPECT_EQ((*saved)->access_token, "refreshed-access-token");
  EXPECT_EQ((*saved)->refresh_token, "new-refresh-token");
  EXPECT_EQ((*saved)->expires_at, At(1800000000 + 28800));
  EXPECT_EQ((*saved)->client_secret, "cs");
  struct stat info;
  ASSERT_EQ(stat(TokenPath("corp").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
}

TEST_F(SsoProviderTest, ExpiredTokenWithoutRefreshNeedsLogin) {
  WriteToken("corp", R"({"accessToken": "old", "expiresAt": "2027-01-15T07:00:00Z"})");
  Result<aws::Credentials> credentials = Retrieve("sso");
  ASSERT_FALSE(credentials.ok());
  EXPECT_EQ(credentials.error().exit_code, ExitCode::kLoginNeeded);
  EXPECT_EQ(credentials.error().message,
            "profile sso: the SSO token for corp expired at 2027-01-15T07:00:00Z; run `aws sso "
            "login` or `foyer login`");
  EXPECT_TRUE(calls_.sso_role.empty());
}

TEST_F(SsoProviderTest, RefusedRefreshOfAnExpiredTokenNeedsLogin) {
  WriteToken("corp", R"({"accessToken": "old", "expiresAt": "2027-01-15T07:00:00Z", "clientId": "c",
      "clientSecret": "s", "registrationExpiresAt": "2027-04-15T08:00:00Z", "refreshToken": "rt"})");
  calls_.failures["refresh"] = MakeError("InvalidGrantException", "refresh token revoked");
  Result<aws::Credentials> credentials = Retrieve("sso");
  EXPECT_EQ(calls_.sso_refresh.size(), 1u);
  EXPECT_EQ(credentials.error().exit_code, ExitCode::kLoginNeeded);
}

TEST_F(SsoProviderTest, MissingTokenAndRevokedTokenNeedLogin) {
  Result<aws::Credentials> missing = Retrieve("sso");
  EXPECT_EQ(missing.error().exit_code, ExitCode::kLoginNeeded);
  EXPECT_EQ(missing.error().message, "profile sso: there is no SSO token for corp in " +
                                         TokenPath("corp") + "; run `aws sso login` or `foyer login`");
  WriteToken("corp", R"({"accessToken": "at", "expiresAt": "2027-01-15T10:00:00Z"})");
  calls_.failures["sso"] = MakeError("UnauthorizedException", "Session token not found or invalid");
  Result<aws::Credentials> revoked = Retrieve("sso");
  EXPECT_EQ(revoked.error().exit_code, ExitCode::kLoginNeeded);
  EXPECT_EQ(revoked.error().message,
            "profile sso: IAM Identity Center refused the SSO token (Session token not found or "
            "invalid); run `aws sso login` or `foyer login`");
}

TEST_F(SsoProviderTest, IncompleteSettings) {
  EXPECT_EQ(Retrieve("half").error().message,
            "profile half: the profile is set up for IAM Identity Center but lacks sso_start_url, "
            "sso_region, sso_role_name; run `aws configure sso` or `foyer configure`");
}

}  // namespace
}  // namespace foyer::creds
