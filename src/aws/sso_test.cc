#include "aws/sso.h"

#include <deque>

#include <gtest/gtest.h>

#include "aws/fake_transport.h"

namespace foyer::aws {
namespace {

class SsoClientTest : public ::testing::Test {
 protected:
  SsoClient MakeClient() {
    ClientConfig config;
    config.region = "us-east-2";
    config.transport = transport_;
    config.retry.max_attempts = 1;
    return SsoClient(config);
  }
  std::shared_ptr<FakeTransport> transport_ = std::make_shared<FakeTransport>();
};

TEST_F(SsoClientTest, GetRoleCredentialsSendsTheBearerTokenAndReadsMilliseconds) {
  transport_->responses.push_back({200, {}, R"({"roleCredentials":{"accessKeyId":"ASIA1",
      "secretAccessKey":"s","sessionToken":"t","expiration":1795823867522}})"});
  SsoClient sso = MakeClient();
  Result<Credentials> credentials = sso.GetRoleCredentials("tok", "111122223333", "Admin Access");
  ASSERT_TRUE(credentials.ok()) << credentials.error().Describe();
  EXPECT_EQ(credentials->access_key_id, "ASIA1");
  EXPECT_EQ(credentials->secret_access_key, "s");
  EXPECT_EQ(credentials->session_token, "t");
  ASSERT_TRUE(credentials->expiration.has_value());
  EXPECT_EQ(*credentials->expiration, Clock::time_point(std::chrono::milliseconds(1795823867522)));
  EXPECT_EQ(credentials->source, "sso 111122223333/Admin Access");

  const HttpRequest& sent = transport_->requests.at(0);
  EXPECT_EQ(sent.method, "GET");
  EXPECT_EQ(sent.url, "https://portal.sso.us-east-2.amazonaws.com/federation/credentials"
                      "?role_name=Admin%20Access&account_id=111122223333");
  EXPECT_EQ(sent.Header("x-amz-sso_bearer_token"), "tok");
  EXPECT_EQ(sent.Header("Authorization"), "");
}

TEST_F(SsoClientTest, ExpiredTokenIsUnauthorizedAndNeedsLogin) {
  transport_->responses.push_back({401, {{"x-amzn-ErrorType", "UnauthorizedException"}},
                                   R"({"message":"Session token not found or invalid"})"});
  SsoClient sso = MakeClient();
  Result<Credentials> credentials = sso.GetRoleCredentials("old", "111122223333", "Admin");
  ASSERT_FALSE(credentials.ok());
  EXPECT_EQ(credentials.error().code, "UnauthorizedException");
  EXPECT_EQ(credentials.error().http_status, 401);
  EXPECT_EQ(credentials.error().exit_code, ExitCode::kLoginNeeded);
}

TEST_F(SsoClientTest, CredentialsMissingFromTheAnswerAreAParseError) {
  transport_->responses.push_back({200, {}, R"({"roleCredentials":null})"});
  SsoClient sso = MakeClient();
  Result<Credentials> credentials = sso.GetRoleCredentials("tok", "111122223333", "Admin");
  ASSERT_FALSE(credentials.ok());
  EXPECT_EQ(credentials.error().code, "ParseError");
}

TEST_F(SsoClientTest, ListAccountsFollowsNextToken) {
  transport_->responses.push_back({200, {}, R"({"accountList":[{"accountId":"111122223333",
      "accountName":"admin","emailAddress":"a@example.com"}],"nextToken":"p2"})"});
  transport_->responses.push_back({200, {}, R"({"accountList":[{"accountId":"444455556666",
      "accountName":"audit","emailAddress":"b@example.com"}]})"});
  SsoClient sso = MakeClient();
  Result<std::vector<SsoAccount>> accounts = sso.ListAccounts("tok");
  ASSERT_TRUE(accounts.ok()) << accounts.error().Describe();
  ASSERT_EQ(accounts->size(), 2u);
  EXPECT_EQ((*accounts)[0].account_id, "111122223333");
  EXPECT_EQ((*accounts)[0].account_name, "admin");
  EXPECT_EQ((*accounts)[0].email_address, "a@example.com");
  EXPECT_EQ((*accounts)[1].account_id, "444455556666");
  EXPECT_EQ(transport_->requests.at(0).url, "https://portal.sso.us-east-2.amazonaws.com/assignment/accounts");
  EXPECT_EQ(transport_->requests.at(1).url,
            "https://portal.sso.us-east-2.amazonaws.com/assignment/accounts?next_token=p2");
}

TEST_F(SsoClientTest, ListAccountRolesNamesTheAccount) {
  transport_->responses.push_back({200, {}, R"({"roleList":[{"roleName":"Admins","accountId":"111122223333"},
      {"roleName":"Readers","accountId":"111122223333"}]})"});
  SsoClient sso = MakeClient();
  Result<std::vector<SsoRole>> roles = sso.ListAccountRoles("tok", "111122223333");
  ASSERT_TRUE(roles.ok());
  ASSERT_EQ(roles->size(), 2u);
  EXPECT_EQ((*roles)[1].role_name, "Readers");
  EXPECT_EQ((*roles)[1].account_id, "111122223333");
  EXPECT_EQ(transport_->requests.at(0).url,
            "https://portal.sso.us-east-2.amazonaws.com/assignment/roles?account_id=111122223333");
}

TEST_F(SsoClientTest, LogoutPostsWithTheToken) {
  transport_->responses.push_back({200, {}, ""});
  SsoClient sso = MakeClient();
  ASSERT_TRUE(sso.Logout("tok").ok());
  EXPECT_EQ(transport_->requests.at(0).method, "POST");
  EXPECT_EQ(transport_->requests.at(0).url, "https://portal.sso.us-east-2.amazonaws.com/logout");
  EXPECT_EQ(transport_->requests.at(0).Header("x-amz-sso_bearer_token"), "tok");
}

}  // namespace
}  // namespace foyer::aws
