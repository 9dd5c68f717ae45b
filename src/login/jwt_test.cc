#include "login/jwt.h"

#include <gtest/gtest.h>

#include "base/base64.h"

namespace foyer::login {
namespace {

std::string Segment(const std::string& json) { return Base64UrlEncode(json); }

TEST(JwtTest, SplitsAndDecodesTheThreeParts) {
  std::string token = Segment(R"({"alg":"RS256","kid":"k1"})") + "." + Segment(R"({"sub":"alice"})") + "." +
                      Base64UrlEncode("sig");
  auto jwt = ParseJwt(token);
  ASSERT_TRUE(jwt.ok()) << jwt.error().message;
  EXPECT_EQ(jwt->algorithm, "RS256");
  EXPECT_EQ(jwt->key_id, "k1");
  EXPECT_EQ(jwt->claims["sub"], "alice");
  EXPECT_EQ(jwt->signature, "sig");
  EXPECT_EQ(jwt->signing_input, token.substr(0, token.rfind('.')));
}

TEST(JwtTest, RefusesMalformedTokensWithoutQuotingThem) {
  std::string header = Segment(R"({"alg":"RS256"})");
  std::string claims = Segment(R"({"sub":"alice"})");
  const std::pair<std::string, std::string> cases[] = {
      {"", "expected three dot-separated parts (header.payload.signature)"},
      {header + "." + claims, "expected three dot-separated parts (header.payload.signature)"},
      {header + "." + claims + ".a.b", "expected three dot-separated parts (header.payload.signature)"},
      {"!!." + claims + ".c2ln", "its header is not base64url"},
      {Segment("[1]") + "." + claims + ".c2ln", "its header is not a JSON object"},
      {header + "." + Segment("{") + ".c2ln", "its payload is not a JSON object"},
      {Segment(R"({"typ":"JWT"})") + "." + claims + ".c2ln", "its header has no \"alg\""},
      {Segment(R"({"alg":1})") + "." + claims + ".c2ln", "its header has no \"alg\""},
      {Segment(R"({"alg":"RS256","kid":2})") + "." + claims + ".c2ln", "its header's \"kid\" is not a string"},
      {header + "." + claims + ".***", "its signature is not base64url"},
  };
  for (const auto& [token, why] : cases) {
    auto jwt = ParseJwt(token);
    ASSERT_FALSE(jwt.ok()) << token;
    EXPECT_EQ(jwt.error().code, "InvalidToken");
    EXPECT_EQ(jwt.error().message, "the ID token is malformed: " + why);
  }
}

}  // namespace
}  // namespace foyer::login
