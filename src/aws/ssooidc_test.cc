#include "aws/ssooidc.h"

#include <deque>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace foyer::aws {
namespace {

class FakeTransport : public HttpTransport {
 public:
  Result<HttpResponse> Send(const HttpRequest& request, const HttpOptions&) override {
    requests.push_back(request);
    if (responses.empty()) return HttpResponse{500, {}, "unexpected request"};
    HttpResponse response = responses.front();
    responses.pop_front();
    return response;
  }
  std::vector<HttpRequest> requests;
  std::deque<HttpResponse> responses;
};

HttpResponse OidcError(std::string_view error, std::string_view exception) {
  return {400, {{"x-amzn-ErrorType", std::string(exception) + ":http://internal.amazon.com/coral/"}},
          nlohmann::json{{"error", error}, {"error_description", "d"}}.dump()};
}

class SsoOidcClientTest : public ::testing::Test {
 protected:
  SsoOidcClient MakeClient(int max_attempts = 1) {
    ClientConfig config;
    config.region = "eu-west-1";
    config.transport = transport_;
    config.retry.max_attempts = max_attempts;
    config.retry.base_delay = std::chrono::milliseconds(1);
    return SsoOidcClient(config);
  }
  std::shared_ptr<FakeTransport> transport_ = std::make_shared<FakeTransport>();
  RegisteredClient client_{"cid", "csecret", {}, {}};
};

TEST_F(SsoOidcClientTest, RegisterClientSendsNameTypeScopesUnsigned) {
  transport_->responses.push_back({200, {}, R"({"clientId":"cid","clientSecret":"sec",
      "clientIdIssuedAt":1700000000,"clientSecretExpiresAt":1707776000})"});
  SsoOidcClient oidc = MakeClient();
  Result<RegisteredClient> client = oidc.RegisterClient({"foyer", "public", {"sso:account:access"}});
  ASSERT_TRUE(client.ok()) << client.error().Describe();
  EXPECT_EQ(client->client_id, "cid");
  EXPECT_EQ(client->client_secret, "sec");
  EXPECT_EQ(client->issued_at, Clock::time_point(std::chrono::seconds(1700000000)));
  EXPECT_EQ(client->secret_expires_at, Clock::time_point(std::chrono::seconds(1707776000)));

  const HttpRequest& sent = transport_->requests.at(0);
  EXPECT_EQ(sent.method, "POST");
  EXPECT_EQ(sent.url, "https://oidc.eu-west-1.amazonaws.com/client/register");
  EXPECT_EQ(sent.Header("Authorization"), "");
  EXPECT_EQ(sent.Header("Content-Type"), "application/json");
  EXPECT_EQ(nlohmann::json::parse(sent.body),
            (nlohmann::json{{"clientName", "foyer"}, {"clientType", "public"},
                            {"scopes", {"sso:account:access"}}}));
}

TEST_F(SsoOidcClientTest, StartDeviceAuthorizationParsesEveryMember) {
  transport_->responses.push_back({200, {}, R"({"deviceCode":"dc","userCode":"ABCD-EFGH",
      "verificationUri":"https://d.awsapps.com/start/#/device",
      "verificationUriComplete":"https://d.awsapps.com/start/#/device?user_code=ABCD-EFGH",
      "expiresIn":600,"interval":1})"});
  SsoOidcClient oidc = MakeClient();
  Result<DeviceAuthorization> device = oidc.StartDeviceAuthorization(client_, "https://d.awsapps.com/start");
  ASSERT_TRUE(device.ok()) << device.error().Describe();
  EXPECT_EQ(device->device_code, "dc");
  EXPECT_EQ(device->user_code, "ABCD-EFGH");
  EXPECT_EQ(device->verification_uri, "https://d.awsapps.com/start/#/device");
  EXPECT_EQ(device->verification_uri_complete, "https://d.awsapps.com/start/#/device?user_code=ABCD-EFGH");
  EXPECT_EQ(device->expires_in_seconds, 600);
  EXPECT_EQ(device->interval_seconds, 1);
  EXPECT_EQ(transport_->requests.at(0).url, "https://oidc.eu-west-1.amazonaws.com/device_authorization");
  EXPECT_EQ(nlohmann::json::parse(transport_->requests.at(0).body),
            (nlohmann::json{{"clientId", "cid"}, {"clientSecret", "csecret"},
                            {"startUrl", "https://d.awsapps.com/start"}}));
}

TEST_F(SsoOidcClientTest, MissingIntervalDefaultsToFiveSeconds) {
  transport_->responses.push_back({200, {}, R"({"deviceCode":"dc","userCode":"U","expiresIn":600})"});
  SsoOidcClient oidc = MakeClient();
  Result<DeviceAuthorization> device = oidc.StartDeviceAuthorization(client_, "https://x");
  ASSERT_TRUE(device.ok());
  EXPECT_EQ(device->interval_seconds, 5);
}

TEST_F(SsoOidcClientTest, DeviceCodeGrant) {
  transport_->responses.push_back({200, {}, R"({"accessToken":"at","tokenType":"Bearer",
      "expiresIn":28800,"refreshToken":"rt"})"});
  SsoOidcClient oidc = MakeClient();
  Result<SsoToken> token = oidc.CreateTokenFromDeviceCode(client_, "dc");
  ASSERT_TRUE(token.ok()) << token.error().Describe();
  EXPECT_EQ(token->access_token, "at");
  EXPECT_EQ(token->token_type, "Bearer");
  EXPECT_EQ(token->expires_in_seconds, 28800);
  EXPECT_EQ(token->refresh_token, "rt");
  EXPECT_EQ(transport_->requests.at(0).url, "https://oidc.eu-west-1.amazonaws.com/token");
  EXPECT_EQ(nlohmann::json::parse(transport_->requests.at(0).body),
            (nlohmann::json{{"clientId", "cid"}, {"clientSecret", "csecret"},
                            {"grantType", "urn:ietf:params:oauth:grant-type:device_code"},
                            {"deviceCode", "dc"}}));
}

TEST_F(SsoOidcClientTest, RefreshTokenGrant) {
  transport_->responses.push_back({200, {}, R"({"accessToken":"at2","tokenType":"Bearer","expiresIn":3600})"});
  SsoOidcClient oidc = MakeClient();
  Result<SsoToken> token = oidc.CreateTokenFromRefreshToken(client_, "rt");
  ASSERT_TRUE(token.ok());
  EXPECT_EQ(token->access_token, "at2");
  EXPECT_EQ(token->refresh_token, "");
  EXPECT_EQ(nlohmann::json::parse(transport_->requests.at(0).body),
            (nlohmann::json{{"clientId", "cid"}, {"clientSecret", "csecret"},
                            {"grantType", "refresh_token"}, {"refreshToken", "rt"}}));
}

struct ErrorCase {
  std::string_view oauth_error;
  std::string_view exception;
  ExitCode exit_code;
};

class SsoOidcTokenErrorTest : public SsoOidcClientTest,
                              public ::testing::WithParamInterface<ErrorCase> {};

TEST_P(SsoOidcTokenErrorTest, EachDeviceFlowErrorHasItsOwnCode) {
  transport_->responses.push_back(OidcError(GetParam().oauth_error, GetParam().exception));
  SsoOidcClient oidc = MakeClient(/*max_attempts=*/3);
  Result<SsoToken> token = oidc.CreateTokenFromDeviceCode(client_, "dc");
  ASSERT_FALSE(token.ok());
  EXPECT_EQ(token.error().code, GetParam().exception);
  EXPECT_EQ(token.error().http_status, 400);
  EXPECT_EQ(token.error().exit_code, GetParam().exit_code);
  EXPECT_EQ(transport_->requests.size(), 1u);  // never retried: the poller decides
}

INSTANTIATE_TEST_SUITE_P(
    DeviceFlow, SsoOidcTokenErrorTest,
    ::testing::Values(ErrorCase{"authorization_pending", kOidcAuthorizationPending, ExitCode::kFailure},
                      ErrorCase{"slow_down", kOidcSlowDown, ExitCode::kFailure},
                      ErrorCase{"expired_token", kOidcExpiredToken, ExitCode::kLoginNeeded},
                      ErrorCase{"invalid_grant", kOidcInvalidGrant, ExitCode::kLoginNeeded},
                      ErrorCase{"access_denied", kOidcAccessDenied, ExitCode::kFailure}));

TEST_F(SsoOidcClientTest, OAuthCodeAloneStillMapsToTheExceptionName) {
  // Without x-amzn-ErrorType the body's "error" is all there is.
  transport_->responses.push_back({400, {}, R"({"code":"slow_down","error_description":"d"})"});
  SsoOidcClient oidc = MakeClient();
  Result<SsoToken> token = oidc.CreateTokenFromDeviceCode(client_, "dc");
  ASSERT_FALSE(token.ok());
  EXPECT_EQ(token.error().code, kOidcSlowDown);
}

TEST_F(SsoOidcClientTest, SuccessWithoutAccessTokenIsAParseError) {
  transport_->responses.push_back({200, {}, R"({"tokenType":"Bearer"})"});
  SsoOidcClient oidc = MakeClient();
  Result<SsoToken> token = oidc.CreateTokenFromDeviceCode(client_, "dc");
  ASSERT_FALSE(token.ok());
  EXPECT_EQ(token.error().code, "ParseError");
}

}  // namespace
}  // namespace foyer::aws
