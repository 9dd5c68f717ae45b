#include "login/id_token.h"

#include <gtest/gtest.h>

#include "base/base64.h"
#include "login/test_token_signer.h"

namespace foyer::login {
namespace {

using testing::TestSigner;

constexpr long long kNow = 1795819767;

IdTokenExpectations Expected() {
  IdTokenExpectations expected;
  expected.issuer = "https://idp.example.com";
  expected.client_id = "foyer";
  expected.nonce = "n-0S6_WzA2Mj";
  expected.now = SystemTime(std::chrono::seconds(kNow));
  return expected;
}

nlohmann::json GoodClaims() {
  return {{"iss", "https://idp.example.com"}, {"sub", "00u1a2b3c4"}, {"aud", "foyer"},
          {"exp", kNow + 600},                 {"iat", kNow - 10},   {"nonce", "n-0S6_WzA2Mj"},
          {"email", "alice@example.com"}};
}

class IdTokenTest : public ::testing::TestWithParam<const char*> {};

TEST_P(IdTokenTest, AcceptsAWellFormedTokenSignedByTheProvider) {
  TestSigner signer(GetParam());
  auto keys = JwkSet::Parse(signer.Jwks().dump());
  ASSERT_TRUE(keys.ok()) << keys.error().message;
  auto claims = ValidateIdToken(signer.Sign(GoodClaims()), *keys, Expected());
  ASSERT_TRUE(claims.ok()) << claims.error().message;
  EXPECT_EQ(claims->subject, "00u1a2b3c4");
  EXPECT_EQ(claims->email, "alice@example.com");
  EXPECT_EQ(claims->audience, std::vector<std::string>{"foyer"});
  EXPECT_EQ(claims->expires_at, SystemTime(std::chrono::seconds(kNow + 600)));
}

INSTANTIATE_TEST_SUITE_P(Algorithms, IdTokenTest, ::testing::Values("RS256", "PS256", "ES256", "ES384"));

class IdTokenRefusalTest : public ::testing::Test {
 protected:
  std::string Refusal(const std::string& token) {
    auto claims = ValidateIdToken(token, *keys_, Expected());
    EXPECT_FALSE(claims.ok());
    if (claims.ok()) return "";
    EXPECT_EQ(claims.error().code, "InvalidToken");
    return claims.error().message;
  }
  std::string WithClaim(const std::string& name, const nlohmann::json& value) {
    auto claims = GoodClaims();
    claims[name] = value;
    return signer_.Sign(claims);
  }

  TestSigner signer_{"RS256"};
  Result<JwkSet> keys_ = JwkSet::Parse(signer_.Jwks().dump());
};

TEST_F(IdTokenRefusalTest, WrongIssuer) {
  EXPECT_EQ(Refusal(WithClaim("iss", "https://evil.example.com")),
            "the ID token was refused: its issuer is 'https://evil.example.com', expected "
            "'https://idp.example.com'; check issuer in the client configuration");
}

TEST_F(IdTokenRefusalTest, WrongAudience) {
  EXPECT_EQ(Refusal(WithClaim("aud", nlohmann::json::array({"other", "another"}))),
            "the ID token was refused: its audience is [other, another], which does not include the client id "
            "'foyer'; check client_id in the client configuration");
}

TEST_F(IdTokenRefusalTest, SeveralAudiencesNeedUsAsAuthorizedParty) {
  EXPECT_EQ(Refusal(WithClaim("aud", nlohmann::json::array({"foyer", "other"}))),
            "the ID token was refused: it names several audiences and its authorized party is '', not 'foyer'");
}

TEST_F(IdTokenRefusalTest, Expired) {
  EXPECT_EQ(Refusal(WithClaim("exp", kNow - 61)),
            "the ID token was refused: it expired at 2026-11-27T22:48:26Z (now 2026-11-27T22:49:27Z); log in "
            "again, and check this machine's clock");
}

TEST_F(IdTokenRefusalTest, IssuedInTheFuture) {
  EXPECT_EQ(Refusal(WithClaim("iat", kNow + 3600)),
            "the ID token was refused: it was issued in the future (2026-11-27T23:49:27Z); check this machine's "
            "clock");
}

TEST_F(IdTokenRefusalTest, WrongNonce) {
  EXPECT_EQ(Refusal(WithClaim("nonce", "replayed")),
            "the ID token was refused: its nonce does not match the one this login sent (a replayed or foreign "
            "token)");
}

TEST_F(IdTokenRefusalTest, MissingOrMistypedClaims) {
  auto claims = GoodClaims();
  claims.erase("exp");
  EXPECT_EQ(Refusal(signer_.Sign(claims)), "the ID token was refused: it has no \"exp\" claim");
  EXPECT_EQ(Refusal(WithClaim("exp", "tomorrow")), "the ID token was refused: its \"exp\" claim is not a valid date");
  EXPECT_EQ(Refusal(WithClaim("exp", 1e300)), "the ID token was refused: its \"exp\" claim is not a valid date");
  EXPECT_EQ(Refusal(WithClaim("iss", 42)),
            "the ID token was refused: its issuer is '', expected 'https://idp.example.com'; check issuer in the "
            "client configuration");
}

TEST_F(IdTokenRefusalTest, BadSignature) {
  std::string token = signer_.Sign(GoodClaims());
  token[token.size() - 5] = token[token.size() - 5] == 'A' ? 'B' : 'A';
  EXPECT_EQ(Refusal(token), "the ID token's signature does not verify with the provider's keys");
}

TEST_F(IdTokenRefusalTest, TokenFromAnotherKey) {
  TestSigner other("RS256");
  EXPECT_EQ(Refusal(other.Sign(GoodClaims())), "the ID token's signature does not verify with the provider's keys");
}

TEST_F(IdTokenRefusalTest, ChangedClaimsBreakTheSignature) {
  std::string token = signer_.Sign(GoodClaims());
  size_t first = token.find('.');
  size_t second = token.find('.', first + 1);
  auto claims = GoodClaims();
  claims["sub"] = "admin";
  std::string forged = token.substr(0, first + 1) + Base64UrlEncode(claims.dump()) + token.substr(second);
  EXPECT_EQ(Refusal(forged), "the ID token's signature does not verify with the provider's keys");
}

TEST_F(IdTokenRefusalTest, AlgNoneAndHmacAreRefused) {
  std::string claims = Base64UrlEncode(GoodClaims().dump());
  EXPECT_EQ(Refusal(Base64UrlEncode(R"({"alg":"none"})") + "." + claims + "."),
            "the ID token is signed with 'none', which foyer does not accept (only RS*, PS* and ES* algorithms)");
  EXPECT_EQ(Refusal(Base64UrlEncode(R"({"alg":"HS256","kid":"test-key"})") + "." + claims + ".c2ln"),
            "the ID token is signed with 'HS256', which foyer does not accept (only RS*, PS* and ES* algorithms)");
}

TEST_F(IdTokenRefusalTest, UnknownKeyId) {
  EXPECT_EQ(Refusal(signer_.Sign(GoodClaims(), {{"kid", "rotated"}})),
            "no key in the provider's JWKS matches the ID token (kid 'rotated', alg RS256); the provider may have "
            "rotated its keys");
}

TEST(JwkSetTest, RefusesUnusableKeySets) {
  EXPECT_EQ(JwkSet::Parse("[]").error().message,
            "the provider's signing keys (JWKS) are not a JSON object with a \"keys\" array");
  EXPECT_EQ(JwkSet::Parse(R"({"keys":[{"kty":"oct","k":"c2VjcmV0"}]})").error().message,
            "the provider's signing keys (JWKS) contain no RSA or EC signing key");
  EXPECT_EQ(JwkSet::Parse(R"({"keys":[{"kty":"RSA","n":"AQAB","e":"AQAB"}]})").error().message,
            "the provider's signing keys (JWKS) have an RSA key shorter than 2048 bits");
  EXPECT_EQ(JwkSet::Parse(R"({"keys":[{"kty":"EC","crv":"P-192","x":"AA","y":"AA"}]})").error().message,
            "the provider's signing keys (JWKS) have an EC key on an unsupported curve 'P-192'");
  EXPECT_EQ(JwkSet::Parse(R"({"keys":[{"kty":"EC","crv":"P-256","x":"AAAA","y":"AAAA"}]})").error().message,
            "the provider's signing keys (JWKS) have an EC key whose coordinates have the wrong length");
}

TEST(JwkSetTest, SkipsEncryptionKeys) {
  TestSigner signer("ES256");
  auto jwks = signer.Jwks();
  auto encryption = jwks["keys"][0];
  encryption["use"] = "enc";
  encryption["kid"] = "enc-key";
  jwks["keys"].push_back(encryption);
  auto keys = JwkSet::Parse(jwks.dump());
  ASSERT_TRUE(keys.ok());
  ASSERT_EQ(keys->keys().size(), 1u);
  EXPECT_EQ(keys->keys()[0].key_id, "test-key");
}

}  // namespace
}  // namespace foyer::login
