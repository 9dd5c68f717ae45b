#include "login/identity_center_token.h"

#include <unistd.h>

#include <filesystem>
#include <memory>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "aws/fake_transport.h"

namespace foyer::login {
namespace {

constexpr char kStartUrl[] = "https://d-1.awsapps.com/start";

aws::HttpResponse OidcError(const std::string& exception, const std::string& error) {
  return {400, {{"x-amzn-ErrorType", exception}}, nlohmann::json{{"error", error}}.dump()};
}

std::string Token(const std::string& access, const std::string& refresh) {
  return nlohmann::json{{"accessToken", access}, {"tokenType", "Bearer"}, {"expiresIn", 3600},
                        {"refreshToken", refresh}}
      .dump();
}

// A token of kStartUrl with `left` to live, its refresh token and a
// registration valid for a month.
creds::SsoCachedToken CachedToken(std::chrono::seconds left) {
  creds::SsoCachedToken token;
  token.start_url = kStartUrl;
  token.region = "eu-west-1";
  token.access_token = "at-0";
  token.expires_at = aws::Clock::now() + left;
  token.refresh_token = "rt-0";
  token.client_id = "cl";
  token.client_secret = "cs";
  token.registration_expires_at = aws::Clock::now() + std::chrono::hours(24 * 30);
  return token;
}

class IdentityCenterTokenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("foyer-idc-token-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    request_.start_url = kStartUrl;
    request_.sso_region = "eu-west-1";
    request_.cache_path = (dir_ / "cache" / "token.json").string();
    request_.aws = aws::FakeConfig(transport_);
    request_.present = [this](const DeviceSignIn& sign_in) { shown_.push_back(sign_in.user_code); };
    request_.sleep = [this](std::chrono::seconds delay) { sleeps_.push_back(delay.count()); };
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void ReplyDeviceFlow(std::vector<aws::HttpResponse> polls) {
    transport_->Reply(200, R"({"deviceCode":"dc","userCode":"ABCD-EFGH","verificationUri":"https://v",
                              "verificationUriComplete":"https://v?c","expiresIn":600,"interval":1})");
    for (auto& poll : polls) transport_->responses.push_back(std::move(poll));
  }
  nlohmann::json Body(size_t index) { return nlohmann::json::parse(transport_->requests.at(index).body); }
  creds::SsoCachedToken Cached() { return creds::ReadSsoCachedToken(request_.cache_path).value().value(); }

  std::filesystem::path dir_;
  std::shared_ptr<aws::FakeTransport> transport_ = std::make_shared<aws::FakeTransport>();
  IdentityCenterTokenRequest request_;
  std::vector<std::string> shown_;
  std::vector<long long> sleeps_;
};

TEST_F(IdentityCenterTokenTest, FirstLoginRegistersPollsAndWritesTheCliCache) {
  transport_->Reply(200, R"({"clientId":"cl","clientSecret":"cs","clientIdIssuedAt":1,"clientSecretExpiresAt":4102444800})");
  ReplyDeviceFlow({OidcError("AuthorizationPendingException", "authorization_pending"),
                   OidcError("SlowDownException", "slow_down"), {200, {}, Token("at-1", "rt-1")}});
  auto token = GetIdentityCenterToken(request_);
  ASSERT_TRUE(token.ok()) << token.error().message;
  EXPECT_EQ(shown_, (std::vector<std::string>{"ABCD-EFGH"}));
  EXPECT_EQ(sleeps_, (std::vector<long long>{1, 1, 6}));
  ASSERT_EQ(transport_->requests.size(), 5u);
  EXPECT_EQ(Body(0), (nlohmann::json{{"clientName", "foyer"}, {"clientType", "public"},
                                     {"scopes", {"sso:account:access"}}}));
  EXPECT_EQ(Body(1), (nlohmann::json{{"clientId", "cl"}, {"clientSecret", "cs"}, {"startUrl", kStartUrl}}));
  creds::SsoCachedToken cached = Cached();
  EXPECT_EQ(cached.access_token, "at-1");
  EXPECT_EQ(cached.refresh_token, "rt-1");
  EXPECT_EQ(cached.client_id, "cl");
  EXPECT_EQ(cached.client_secret, "cs");
  EXPECT_EQ(cached.start_url, kStartUrl);
  EXPECT_EQ(cached.region, "eu-west-1");
  EXPECT_EQ(cached.registration_expires_at, aws::Clock::time_point(std::chrono::seconds(4102444800)));
}

TEST_F(IdentityCenterTokenTest, AFreshCachedTokenIsUsedWithoutAnyCall) {
  creds::SsoCachedToken cached = CachedToken(std::chrono::hours(1));
  cached.refresh_token.clear();
  ASSERT_TRUE(creds::WriteSsoCachedToken(request_.cache_path, cached).ok());
  auto token = GetIdentityCenterToken(request_);
  ASSERT_TRUE(token.ok()) << token.error().message;
  EXPECT_EQ(token->access_token, "at-0");
  EXPECT_TRUE(transport_->requests.empty());
}

TEST_F(IdentityCenterTokenTest, AnExpiredTokenIsRefreshedAndARevokedRefreshTokenSignsInAgain) {
  creds::SsoCachedToken cached = CachedToken(-std::chrono::minutes(1));
  ASSERT_TRUE(creds::WriteSsoCachedToken(request_.cache_path, cached).ok());
  transport_->Reply(200, Token("at-1", "rt-1"));
  auto refreshed = GetIdentityCenterToken(request_);
  ASSERT_TRUE(refreshed.ok()) << refreshed.error().message;
  EXPECT_EQ(Body(0), (nlohmann::json{{"clientId", "cl"}, {"clientSecret", "cs"}, {"grantType", "refresh_token"},
                                     {"refreshToken", "rt-0"}}));
  EXPECT_EQ(Cached().refresh_token, "rt-1");
  EXPECT_TRUE(shown_.empty());

  // Refused: a new device authorization with the registration kept.
  request_.accept_cached = false;
  transport_->responses.push_back(OidcError("InvalidGrantException", "invalid_grant"));
  ReplyDeviceFlow({{200, {}, Token("at-2", "rt-2")}});
  auto signed_in = GetIdentityCenterToken(request_);
  ASSERT_TRUE(signed_in.ok()) << signed_in.error().message;
  ASSERT_EQ(transport_->requests.size(), 4u);
  EXPECT_EQ(Body(1)["grantType"], "refresh_token");
  EXPECT_EQ(transport_->requests[2].url.substr(transport_->requests[2].url.rfind('/')), "/device_authorization");
  EXPECT_EQ(Cached().access_token, "at-2");
  EXPECT_EQ(shown_, (std::vector<std::string>{"ABCD-EFGH"}));
}

TEST_F(IdentityCenterTokenTest, DeniedSignInNeedsANewLoginAndWritesNothing) {
  transport_->Reply(200, R"({"clientId":"cl","clientSecret":"cs","clientIdIssuedAt":1,"clientSecretExpiresAt":4102444800})");
  ReplyDeviceFlow({OidcError("AccessDeniedException", "access_denied")});
  auto token = GetIdentityCenterToken(request_);
  ASSERT_FALSE(token.ok());
  EXPECT_EQ(token.error().message,
            "the Identity Center sign-in did not complete: it was denied in the browser; run `foyer login` again");
  EXPECT_EQ(token.error().exit_code, ExitCode::kLoginNeeded);
  EXPECT_FALSE(std::filesystem::exists(request_.cache_path));
}

TEST_F(IdentityCenterTokenTest, AConnectionFailureDuringRefreshIsReportedNotASignIn) {
  creds::SsoCachedToken cached = CachedToken(-std::chrono::minutes(1));
  ASSERT_TRUE(creds::WriteSsoCachedToken(request_.cache_path, cached).ok());
  auto token = GetIdentityCenterToken(request_);  // no reply queued: a connection error
  ASSERT_FALSE(token.ok());
  EXPECT_EQ(token.error().code, "ConnectionError");
  EXPECT_TRUE(shown_.empty());
  EXPECT_EQ(Cached().access_token, "at-0");
}

}  // namespace
}  // namespace foyer::login
