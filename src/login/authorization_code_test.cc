#include "login/authorization_code.h"

#include <gtest/gtest.h>

#include "base/url_encoding.h"

namespace foyer::login {
namespace {

OidcProviderMetadata Provider(bool sends_iss = false) {
  OidcProviderMetadata provider;
  provider.issuer = "https://idp.example.com";
  provider.authorization_endpoint = "https://idp.example.com/auth";
  provider.authorization_response_iss_parameter_supported = sends_iss;
  return provider;
}

AuthorizationAttempt Attempt() {
  AuthorizationAttempt attempt;
  attempt.client_id = "foyer";
  attempt.redirect_uri = "http://127.0.0.1:4321/callback";
  return attempt;
}

TEST(AuthorizationCodeTest, UrlCarriesEveryParameter) {
  AuthorizationAttempt attempt = Attempt();
  std::string url = AuthorizationUrl(Provider(), attempt);
  ASSERT_EQ(url.rfind("https://idp.example.com/auth?", 0), 0u);
  auto query = ParseQueryString(url.substr(url.find('?') + 1));
  ASSERT_TRUE(query.has_value());
  EXPECT_EQ(*query, (QueryPairs{{"response_type", "code"},
                                {"client_id", "foyer"},
                                {"redirect_uri", "http://127.0.0.1:4321/callback"},
                                {"scope", "openid email profile"},
                                {"state", attempt.state},
                                {"nonce", attempt.nonce},
                                {"code_challenge", attempt.pkce.challenge},
                                {"code_challenge_method", "S256"}}));
  EXPECT_NE(attempt.state, attempt.nonce);
  EXPECT_EQ(url.find(attempt.pkce.verifier), std::string::npos) << "the verifier must stay secret";
}

TEST(AuthorizationCodeTest, ReturnsTheCodeWhenStateAndIssuerMatch) {
  AuthorizationAttempt attempt = Attempt();
  auto code = AuthorizationCodeFrom("code=abc123&state=" + attempt.state + "&iss=https%3A%2F%2Fidp.example.com",
                                    Provider(true), attempt);
  ASSERT_TRUE(code.ok()) << code.error().message;
  EXPECT_EQ(*code, "abc123");
  EXPECT_EQ(*AuthorizationCodeFrom("code=xyz&state=" + attempt.state, Provider(false), attempt), "xyz");
}

TEST(AuthorizationCodeTest, RefusesForgedOrFailedRedirects) {
  AuthorizationAttempt attempt = Attempt();
  const std::string& state = attempt.state;
  const std::pair<std::string, std::string> cases[] = {
      {"code=abc", "the redirect's state does not match this login's (a forged or stale redirect); start again"},
      {"code=abc&state=other", "the redirect's state does not match this login's (a forged or stale redirect); start again"},
      {"code=abc&state=" + state + "&iss=https%3A%2F%2Fevil.example.com",
       "the redirect comes from issuer 'https://evil.example.com', not 'https://idp.example.com' (a mix-up attack or "
       "a misconfigured provider)"},
      {"error=access_denied&error_description=User+cancelled&state=" + state,
       "the provider answered access_denied: User cancelled"},
      {"state=" + state, "the redirect carries no authorization code"},
      {"code=%zz&state=" + state, "the redirect's query string is malformed"},
  };
  for (const auto& [query, why] : cases) {
    auto code = AuthorizationCodeFrom(query, Provider(), attempt);
    ASSERT_FALSE(code.ok()) << query;
    EXPECT_EQ(code.error().code, "LoginRefused");
    EXPECT_EQ(code.error().message, "the login was refused: " + why);
  }
  auto missing_iss = AuthorizationCodeFrom("code=abc&state=" + state, Provider(true), attempt);
  ASSERT_FALSE(missing_iss.ok());
  EXPECT_EQ(missing_iss.error().message,
            "the login was refused: the redirect comes from issuer '', not 'https://idp.example.com' (a mix-up "
            "attack or a misconfigured provider)");
}

}  // namespace
}  // namespace foyer::login
