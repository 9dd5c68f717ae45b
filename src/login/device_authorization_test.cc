#include "login/device_authorization.h"

#include <gtest/gtest.h>

#include "aws/fake_transport.h"

namespace foyer::login {
namespace {

constexpr char kAuthorization[] = R"({"device_code":"dc-1","user_code":"WDJB-MJHT",
  "verification_uri":"https://idp.example.com/device",
  "verification_uri_complete":"https://idp.example.com/device?user_code=WDJB-MJHT",
  "expires_in":600,"interval":3})";

TEST(DeviceAuthorizationTest, ParsesTheResponse) {
  auto parsed = ParseDeviceAuthorizationResponse(200, kAuthorization);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->device_code, "dc-1");
  EXPECT_EQ(parsed->user_code, "WDJB-MJHT");
  EXPECT_EQ(parsed->verification_uri, "https://idp.example.com/device");
  EXPECT_EQ(parsed->verification_uri_complete, "https://idp.example.com/device?user_code=WDJB-MJHT");
  EXPECT_EQ(parsed->expires_in.count(), 600);
  EXPECT_EQ(parsed->interval.count(), 3);
}

TEST(DeviceAuthorizationTest, IntervalDefaultsToFiveSeconds) {
  auto parsed = ParseDeviceAuthorizationResponse(
      200, R"({"device_code":"d","user_code":"u","verification_uri":"http://127.0.0.1:9/device","expires_in":60})");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->interval.count(), 5);
  EXPECT_EQ(parsed->verification_uri_complete, "");
}

TEST(DeviceAuthorizationTest, RefusesBadResponses) {
  struct Case {
    int status;
    const char* body;
    const char* message;
  };
  const Case cases[] = {
      {200, "not json", "the provider's device authorization endpoint answered HTTP 200 with a body that is not JSON"},
      {400, R"({"error":"invalid_client","error_description":"no such client"})",
       "the provider's device authorization was refused: invalid_client: no such client"},
      {500, "{}", "the provider's device authorization was refused: HTTP 500"},
      {200, R"({"device_code":"d","verification_uri":"https://i/d","expires_in":60})",
       "the provider's device authorization response lacks device_code, user_code or verification_uri"},
      {200, R"({"device_code":"d","user_code":"u","verification_uri":"http://idp.example.com/d","expires_in":60})",
       "the provider's device authorization response names a verification address that is not https"},
      {200,
       R"({"device_code":"d","user_code":"u","verification_uri":"https://i/d",
           "verification_uri_complete":"javascript:void","expires_in":60})",
       "the provider's device authorization response names a verification address that is not https"},
      {200, R"({"device_code":"d","user_code":"u","verification_uri":"https://i/d","expires_in":0})",
       "the provider's device authorization response has no valid expires_in"},
      {200, R"({"device_code":"d","user_code":"u","verification_uri":"https://i/d","expires_in":"60"})",
       "the provider's device authorization response has no valid expires_in"},
      {200, R"({"device_code":"d","user_code":"u","verification_uri":"https://i/d","expires_in":60,"interval":-1})",
       "the provider's device authorization response has an interval that is not a positive number of seconds"},
  };
  for (const Case& c : cases) {
    auto parsed = ParseDeviceAuthorizationResponse(c.status, c.body);
    ASSERT_FALSE(parsed.ok()) << c.body;
    EXPECT_EQ(parsed.error().message, c.message);
    EXPECT_EQ(parsed.error().code, "LoginRefused");
  }
}

TEST(DeviceAuthorizationTest, TokenPollAnswers) {
  auto pending = ParseDeviceTokenPoll(400, R"({"error":"authorization_pending"})");
  ASSERT_TRUE(pending.ok());
  EXPECT_EQ(pending->answer, DevicePollAnswer::kPending);
  auto slow = ParseDeviceTokenPoll(400, R"({"error":"slow_down"})");
  ASSERT_TRUE(slow.ok());
  EXPECT_EQ(slow->answer, DevicePollAnswer::kSlowDown);
  auto approved = ParseDeviceTokenPoll(200, R"({"id_token":"a.b.c","access_token":"at","refresh_token":"rt",
                                                "expires_in":300})");
  ASSERT_TRUE(approved.ok());
  EXPECT_EQ(approved->answer, DevicePollAnswer::kApproved);
  EXPECT_EQ(approved->tokens.id_token, "a.b.c");
  EXPECT_EQ(approved->tokens.refresh_token, "rt");
}

TEST(DeviceAuthorizationTest, DeniedAndExpiredNeedANewLogin) {
  auto denied = ParseDeviceTokenPoll(400, R"({"error":"access_denied"})");
  ASSERT_FALSE(denied.ok());
  EXPECT_EQ(denied.error().message, "the sign-in was denied at the provider; run `foyer login` again");
  EXPECT_EQ(denied.error().exit_code, ExitCode::kLoginNeeded);
  auto expired = ParseDeviceTokenPoll(400, R"({"error":"expired_token"})");
  ASSERT_FALSE(expired.ok());
  EXPECT_EQ(expired.error().message,
            "the sign-in code expired before it was approved; run `foyer login` again");
  EXPECT_EQ(expired.error().exit_code, ExitCode::kLoginNeeded);
  auto other = ParseDeviceTokenPoll(400, R"({"error":"invalid_grant","error_description":"used"})");
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().message, "the provider refused the token request: invalid_grant: used");
  EXPECT_EQ(other.error().exit_code, ExitCode::kFailure);
}

TEST(DeviceAuthorizationTest, RequestsCarryClientScopeNonceAndDeviceCode) {
  aws::FakeTransport transport;
  OidcProviderMetadata provider;
  provider.issuer = "https://idp.example.com";
  provider.token_endpoint = "https://idp.example.com/token";
  provider.device_authorization_endpoint = "https://idp.example.com/device/auth";
  transport.Reply(200, kAuthorization);
  transport.Reply(400, R"({"error":"authorization_pending"})");
  auto started = StartDeviceAuthorization(transport, provider, "foyer", "openid email");
  ASSERT_TRUE(started.ok()) << started.error().message;
  auto poll = PollDeviceToken(transport, provider, "foyer", started->device_code);
  ASSERT_TRUE(poll.ok()) << poll.error().message;
  ASSERT_EQ(transport.requests.size(), 2u);
  EXPECT_EQ(transport.requests[0].url, "https://idp.example.com/device/auth");
  EXPECT_EQ(transport.FormOf(0), (QueryPairs{{"client_id", "foyer"}, {"scope", "openid email"}}));
  EXPECT_EQ(transport.requests[1].url, "https://idp.example.com/token");
  EXPECT_EQ(transport.FormOf(1), (QueryPairs{{"grant_type", "urn:ietf:params:oauth:grant-type:device_code"},
                                             {"device_code", "dc-1"},
                                             {"client_id", "foyer"}}));
}

TEST(DeviceAuthorizationTest, AProviderWithoutTheEndpointIsAClearUsageError) {
  aws::FakeTransport transport;
  OidcProviderMetadata provider;
  provider.issuer = "https://idp.example.com";
  auto started = StartDeviceAuthorization(transport, provider, "foyer", "openid");
  ASSERT_FALSE(started.ok());
  EXPECT_EQ(started.error().message,
            "the OpenID provider 'https://idp.example.com' offers no device authorization endpoint; log in without "
            "--device, or enable the device flow for this client at the provider");
  EXPECT_EQ(started.error().exit_code, ExitCode::kUsage);
  EXPECT_TRUE(transport.requests.empty());
}

}  // namespace
}  // namespace foyer::login
