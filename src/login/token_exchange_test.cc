#include "login/token_exchange.h"

#include <gtest/gtest.h>

#include "base/url_encoding.h"

namespace foyer::login {
namespace {

class RecordingTransport : public aws::HttpTransport {
 public:
  Result<aws::HttpResponse> Send(const aws::HttpRequest& request, const aws::HttpOptions&) override {
    sent.push_back(request);
    return response;
  }
  std::vector<aws::HttpRequest> sent;
  aws::HttpResponse response;
};

TEST(TokenExchangeTest, PostsTheCodeWithTheVerifier) {
  RecordingTransport transport;
  transport.response.status = 200;
  transport.response.body = R"({"id_token":"eyJ.x.y","access_token":"at","refresh_token":"rt","expires_in":3600})";
  OidcProviderMetadata provider;
  provider.token_endpoint = "https://idp.example.com/token";
  AuthorizationAttempt attempt;
  attempt.client_id = "foyer";
  attempt.redirect_uri = "http://127.0.0.1:4321/callback";

  auto tokens = ExchangeAuthorizationCode(transport, provider, attempt, "the-code");
  ASSERT_TRUE(tokens.ok()) << tokens.error().message;
  EXPECT_EQ(tokens->id_token, "eyJ.x.y");
  EXPECT_EQ(tokens->refresh_token, "rt");
  EXPECT_EQ(tokens->expires_in, std::chrono::seconds(3600));

  ASSERT_EQ(transport.sent.size(), 1u);
  EXPECT_EQ(transport.sent[0].method, "POST");
  EXPECT_EQ(transport.sent[0].url, "https://idp.example.com/token");
  EXPECT_EQ(transport.sent[0].Header("content-type"), "application/x-www-form-urlencoded");
  EXPECT_EQ(*ParseQueryString(transport.sent[0].body),
            (QueryPairs{{"grant_type", "authorization_code"},
                        {"code", "the-code"},
                        {"redirect_uri", "http://127.0.0.1:4321/callback"},
                        {"client_id", "foyer"},
                        {"code_verifier", attempt.pkce.verifier}}));
}

TEST(TokenExchangeTest, OAuthErrorsBecomeClearMessages) {
  auto refused = ParseTokenResponse(400, R"({"error":"invalid_grant","error_description":"grant request is invalid"})");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message, "the provider refused the token request: invalid_grant: grant request is invalid");
  EXPECT_EQ(refused.error().http_status, 400);
  EXPECT_EQ(ParseTokenResponse(502, "<html>").error().message,
            "the provider's token endpoint answered HTTP 502 with a body that is not JSON");
  EXPECT_EQ(ParseTokenResponse(200, R"({"access_token":"at"})").error().message,
            "the provider's token response has no id_token; is 'openid' among the scopes?");
}

}  // namespace
}  // namespace foyer::login
