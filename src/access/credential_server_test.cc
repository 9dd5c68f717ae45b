#include "access/credential_server.h"

#include <httplib.h>

#include <gtest/gtest.h>

#include "base/time_format.h"

namespace foyer::access {
namespace {

aws::Credentials Session() {
  aws::Credentials credentials;
  credentials.access_key_id = "ASIAEXAMPLE";
  credentials.secret_access_key = "secret-key";
  credentials.session_token = "session-token";
  credentials.expiration = *ParseIso8601("2030-01-02T03:04:05Z");
  return credentials;
}

class CredentialServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto started = CredentialServer::Start(
        [this]() -> Result<aws::Credentials> {
          ++calls_;
          return Session();
        },
        "the-token");
    ASSERT_TRUE(started.ok()) << started.error().message;
    server_ = std::move(*started);
  }

  httplib::Result Get(const std::string& path, const httplib::Headers& headers) {
    std::string url = server_->url();
    std::string origin = url.substr(0, url.find("/credentials"));
    httplib::Client client(origin);
    return client.Get(path, headers);
  }

  int calls_ = 0;
  std::unique_ptr<CredentialServer> server_;
};

TEST_F(CredentialServerTest, ServesTheSessionToTheTokenHolder) {
  EXPECT_EQ(server_->url().rfind("http://127.0.0.1:", 0), 0u);
  auto response = Get("/credentials", {{"Authorization", "the-token"}});
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body,
            R"({"AccessKeyId":"ASIAEXAMPLE","SecretAccessKey":"secret-key","Token":"session-token",)"
            R"("Expiration":"2030-01-02T03:04:05Z"})");
  EXPECT_EQ(response->get_header_value("Cache-Control"), "no-store");
  EXPECT_EQ(calls_, 1);
}

TEST_F(CredentialServerTest, RefusesAMissingOrWrongTokenAndLeaksNothing) {
  auto missing = Get("/credentials", {});
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 401);
  for (std::string wrong : {"the-toke", "the-tokenx", "THE-TOKEN", "Bearer the-token"}) {
    auto refused = Get("/credentials", {{"Authorization", wrong}});
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 403) << wrong;
    EXPECT_EQ(refused->body.find("secret-key"), std::string::npos);
    EXPECT_EQ(refused->body.find("ASIA"), std::string::npos);
  }
  EXPECT_EQ(missing->body.find("secret-key"), std::string::npos);
  auto elsewhere = Get("/", {{"Authorization", "the-token"}});
  ASSERT_TRUE(elsewhere);
  EXPECT_EQ(elsewhere->status, 404);
  EXPECT_EQ(calls_, 0);
}

TEST(CredentialServerErrorTest, AFailingSourceAnswers500WithItsMessage) {
  auto started = CredentialServer::Start([]() -> Result<aws::Credentials> {
    Error error = MakeError("LoginNeeded", "log in again");
    return error;
  }, "t");
  ASSERT_TRUE(started.ok());
  std::string url = (*started)->url();
  httplib::Client client(url.substr(0, url.find("/credentials")));
  auto response = client.Get("/credentials", {{"Authorization", "t"}});
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 500);
  EXPECT_EQ(response->body, R"({"Code":"LoginNeeded","Message":"log in again"})");
}

TEST(TokenTest, RandomBase64UrlOf32Bytes) {
  std::string first = NewAuthorizationToken();
  EXPECT_EQ(first.size(), 43u);
  EXPECT_EQ(first.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
  EXPECT_NE(first, NewAuthorizationToken());
  EXPECT_TRUE(TokenMatches(first, first));
  EXPECT_FALSE(TokenMatches(first.substr(1), first));
  EXPECT_FALSE(TokenMatches("", first));
}

}  // namespace
}  // namespace foyer::access
