#include "login/oidc_discovery.h"

#include <gtest/gtest.h>

namespace foyer::login {
namespace {

constexpr const char* kIssuer = "https://idp.example.com";

std::string Document(const std::string& extra = "") {
  return std::string(R"({"issuer":"https://idp.example.com",)") +
         R"("authorization_endpoint":"https://idp.example.com/auth",)" +
         R"("token_endpoint":"https://idp.example.com/token",)" + R"("jwks_uri":"https://idp.example.com/jwks")" +
         extra + "}";
}

TEST(OidcDiscoveryTest, ReadsTheEndpoints) {
  auto metadata = ParseProviderMetadata(
      Document(R"(,"code_challenge_methods_supported":["S256"],"authorization_response_iss_parameter_supported":true)"),
      kIssuer);
  ASSERT_TRUE(metadata.ok()) << metadata.error().message;
  EXPECT_EQ(metadata->authorization_endpoint, "https://idp.example.com/auth");
  EXPECT_EQ(metadata->token_endpoint, "https://idp.example.com/token");
  EXPECT_EQ(metadata->jwks_uri, "https://idp.example.com/jwks");
  EXPECT_TRUE(metadata->authorization_response_iss_parameter_supported);
}

TEST(OidcDiscoveryTest, RefusesProvidersThatCannotBeTrusted) {
  const std::pair<std::string, std::string> cases[] = {
      {"[]", "its discovery document is not a JSON object"},
      {Document(),  // asked for another issuer below
       "its discovery document names the issuer 'https://idp.example.com'; the configured issuer must be exactly "
       "that"},
  };
  EXPECT_EQ(ParseProviderMetadata(cases[0].first, kIssuer).error().message,
            "the OpenID provider 'https://idp.example.com' cannot be used: " + cases[0].second);
  EXPECT_EQ(ParseProviderMetadata(cases[1].first, "https://idp.example.com/").error().message,
            "the OpenID provider 'https://idp.example.com/' cannot be used: " + cases[1].second);
  EXPECT_EQ(ParseProviderMetadata(R"({"issuer":"https://idp.example.com"})", kIssuer).error().message,
            "the OpenID provider 'https://idp.example.com' cannot be used: its discovery document has no "
            "authorization_endpoint");
  std::string plain = Document();
  plain.replace(plain.find("https://idp.example.com/token"), 29, "http://idp.example.com/token");
  EXPECT_EQ(ParseProviderMetadata(plain, kIssuer).error().message,
            "the OpenID provider 'https://idp.example.com' cannot be used: token_endpoint "
            "'http://idp.example.com/token' is not https");
  EXPECT_EQ(ParseProviderMetadata(Document(R"(,"code_challenge_methods_supported":["plain"])"), kIssuer)
                .error()
                .message,
            "the OpenID provider 'https://idp.example.com' cannot be used: it does not offer PKCE with S256, which "
            "foyer requires");
}

TEST(OidcDiscoveryTest, PlainHttpOnlyOnLoopback) {
  EXPECT_TRUE(IsAcceptableEndpoint("https://idp.example.com/x"));
  EXPECT_TRUE(IsAcceptableEndpoint("http://127.0.0.1:8080/x"));
  EXPECT_TRUE(IsAcceptableEndpoint("http://localhost:8080/x"));
  EXPECT_FALSE(IsAcceptableEndpoint("http://idp.example.com/x"));
  EXPECT_FALSE(IsAcceptableEndpoint("http://127.0.0.1.evil.com/x"));
  EXPECT_FALSE(IsAcceptableEndpoint("ftp://idp.example.com/x"));
  EXPECT_FALSE(IsAcceptableEndpoint("https://"));
}

}  // namespace
}  // namespace foyer::login
