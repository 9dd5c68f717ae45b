#include "login/refresh_token.h"

#include <ctime>
#include <map>

#include <gtest/gtest.h>

#include "aws/fake_transport.h"
#include "login/test_token_signer.h"

namespace foyer::login {
namespace {

constexpr char kIssuer[] = "https://idp.example.com";

class MemorySecretStore : public SecretStore {
 public:
  Status Put(const std::string& name, const std::string& secret) override {
    secrets[name] = secret;
    return OkStatus();
  }
  Result<std::optional<std::string>> Get(const std::string& name) override {
    auto it = secrets.find(name);
    if (it == secrets.end()) return std::optional<std::string>();
    return std::optional<std::string>(it->second);
  }
  Status Delete(const std::string& name) override {
    secrets.erase(name);
    return OkStatus();
  }
  std::string Kind() const override { return "memory"; }

  std::map<std::string, std::string> secrets;
};

class RefreshTokenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    settings_.issuer = kIssuer;
    settings_.client_id = "foyer";
  }
  void ReplyDiscoveryAndKeys() {
    transport_.Reply(200, nlohmann::json{{"issuer", kIssuer},
                                         {"authorization_endpoint", std::string(kIssuer) + "/auth"},
                                         {"token_endpoint", std::string(kIssuer) + "/token"},
                                         {"jwks_uri", std::string(kIssuer) + "/jwks"}}
                              .dump());
    transport_.Reply(200, signer_.Jwks().dump());
  }
  std::string IdToken(nlohmann::json extra = nlohmann::json::object()) {
    long long now = std::time(nullptr);
    nlohmann::json claims = {{"iss", kIssuer}, {"sub", "alice"}, {"aud", "foyer"}, {"iat", now}, {"exp", now + 300}};
    claims.update(extra);
    return signer_.Sign(claims);
  }
  Result<OidcIdentity> SignInNeverCalled() {
    ADD_FAILURE() << "signed in although the refresh token worked";
    return MakeError("Test", "no");
  }

  aws::FakeTransport transport_;
  testing::TestSigner signer_{"RS256"};
  OidcLoginSettings settings_;
  MemorySecretStore secrets_;
};

TEST_F(RefreshTokenTest, AStoredRefreshTokenLogsInAndIsReplacedByTheRotatedOne) {
  secrets_.secrets["oidc-refresh-token/acme"] = "rt-old";
  ReplyDiscoveryAndKeys();
  transport_.Reply(200, nlohmann::json{{"id_token", IdToken()}, {"refresh_token", "rt-new"}}.dump());
  auto identity = LoginKeepingRefreshToken(transport_, settings_, secrets_, OidcRefreshTokenName("acme"),
                                           [this] { return SignInNeverCalled(); });
  ASSERT_TRUE(identity.ok()) << identity.error().message;
  EXPECT_EQ(identity->claims.subject, "alice");
  EXPECT_EQ(transport_.FormOf(2),
            (QueryPairs{{"grant_type", "refresh_token"}, {"refresh_token", "rt-old"}, {"client_id", "foyer"}}));
  EXPECT_EQ(secrets_.secrets, (std::map<std::string, std::string>{{"oidc-refresh-token/acme", "rt-new"}}));
}

TEST_F(RefreshTokenTest, ARefusedRefreshTokenIsDeletedAndThePersonSignsIn) {
  secrets_.secrets["oidc-refresh-token/acme"] = "rt-old";
  ReplyDiscoveryAndKeys();
  transport_.Reply(400, R"({"error":"invalid_grant","error_description":"grant request is invalid"})");
  int sign_ins = 0;
  auto identity = LoginKeepingRefreshToken(transport_, settings_, secrets_, OidcRefreshTokenName("acme"),
                                           [&]() -> Result<OidcIdentity> {
                                             ++sign_ins;
                                             return OidcIdentity{"id", IdTokenClaims{}, "rt-signed-in"};
                                           });
  ASSERT_TRUE(identity.ok()) << identity.error().message;
  EXPECT_EQ(sign_ins, 1);
  EXPECT_EQ(secrets_.secrets, (std::map<std::string, std::string>{{"oidc-refresh-token/acme", "rt-signed-in"}}));
}

TEST_F(RefreshTokenTest, ARefreshedIdTokenIsCheckedLikeALoginsOne) {
  secrets_.secrets["oidc-refresh-token/acme"] = "rt-old";
  ReplyDiscoveryAndKeys();
  transport_.Reply(200, nlohmann::json{{"id_token", IdToken({{"aud", "someone-else"}})}}.dump());
  auto identity = LoginKeepingRefreshToken(transport_, settings_, secrets_, OidcRefreshTokenName("acme"),
                                           [this] { return SignInNeverCalled(); });
  ASSERT_FALSE(identity.ok());
  EXPECT_EQ(identity.error().code, "InvalidToken");
  // Not the refresh token's fault: it stays for the next attempt.
  EXPECT_EQ(secrets_.secrets.at("oidc-refresh-token/acme"), "rt-old");
}

TEST_F(RefreshTokenTest, OtherFailuresAreReportedWithoutASignIn) {
  secrets_.secrets["oidc-refresh-token/acme"] = "rt-old";
  ReplyDiscoveryAndKeys();
  transport_.Reply(503, "{}");
  auto identity = LoginKeepingRefreshToken(transport_, settings_, secrets_, OidcRefreshTokenName("acme"),
                                           [this] { return SignInNeverCalled(); });
  ASSERT_FALSE(identity.ok());
  EXPECT_EQ(identity.error().message, "the provider refused the token request: HTTP 503");
  EXPECT_EQ(secrets_.secrets.at("oidc-refresh-token/acme"), "rt-old");
}

}  // namespace
}  // namespace foyer::login
