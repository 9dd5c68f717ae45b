#include "creds/container_provider.h"

#include <gtest/gtest.h>

#include "creds/default_chain.h"
#include "creds/test_support.h"

namespace foyer::creds {
namespace {

using testing::At;
using testing::FakeCalls;
using testing::ScratchHome;

constexpr char kAnswer[] =
    R"({"AccessKeyId": "ASIACONTAINER", "SecretAccessKey": "s", "Token": "t",
        "Expiration": "2027-01-15T09:00:00Z", "RoleArn": "arn:aws:iam::1:role/x"})";

class ContainerProviderTest : public ::testing::Test {
 protected:
  Result<aws::Credentials> Retrieve(const std::string& profile, std::map<std::string, std::string> env) {
    Result<AwsConfigFiles> files = LoadAwsConfigFiles(home_.Env(env));
    ChainContext context = calls_.Context(home_.Env(env));
    auto provider = ProfileCredentialsProvider(*files, profile, profile.empty(), context);
    if (!provider.ok()) return provider.error();
    return (*provider)->Retrieve();
  }
  ScratchHome home_;
  FakeCalls calls_;
};

TEST_F(ContainerProviderTest, LastInTheChainWithTheAuthorizationToken) {
  calls_.http_response.body = kAnswer;
  Result<aws::Credentials> credentials =
      Retrieve("default", {{"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9911/creds"},
                           {"AWS_CONTAINER_AUTHORIZATION_TOKEN", "Bearer abc"}});
  ASSERT_TRUE(credentials.ok()) << credentials.error().message;
  EXPECT_EQ(credentials->access_key_id, "ASIACONTAINER");
  EXPECT_EQ(credentials->session_token, "t");
  EXPECT_EQ(*credentials->expiration, At(1800003600));
  ASSERT_EQ(calls_.http.size(), 1u);
  EXPECT_EQ(calls_.http[0].method, "GET");
  EXPECT_EQ(calls_.http[0].url, "http://127.0.0.1:9911/creds");
  EXPECT_EQ(calls_.http[0].Header("Authorization"), "Bearer abc");
}

TEST_F(ContainerProviderTest, TokenFileWinsAndLineBreaksAreRefused) {
  calls_.http_response.body = kAnswer;
  std::string file = home_.Write("token", "from-file");
  ASSERT_TRUE(Retrieve("default", {{"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:1/"},
                                   {"AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", file},
                                   {"AWS_CONTAINER_AUTHORIZATION_TOKEN", "from-env"}})
                  .ok());
  EXPECT_EQ(calls_.http[0].Header("Authorization"), "from-file");
  EXPECT_EQ(Retrieve("default", {{"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:1/"},
                                 {"AWS_CONTAINER_AUTHORIZATION_TOKEN", "a\r\nX-Evil: 1"}})
                .error()
                .message,
            "container credentials: the authorization token holds a line break, which no HTTP "
            "header may");
}

TEST_F(ContainerProviderTest, ProfileCredentialsComeFirst) {
  home_.Write(".aws/credentials", "[default]\naws_access_key_id = AKIAFILE\naws_secret_access_key = s\n");
  EXPECT_EQ(Retrieve("default", {{"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:1/"}})->access_key_id,
            "AKIAFILE");
  EXPECT_TRUE(calls_.http.empty());
}

TEST_F(ContainerProviderTest, AsCredentialSource) {
  calls_.http_response.body = kAnswer;
  home_.Write(".aws/config", "[profile c]\nrole_arn = arn:aws:iam::1:role/c\ncredential_source = EcsContainer\n");
  EXPECT_EQ(Retrieve("c", {{"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:1/"}})->access_key_id,
            "ASIA-c");
  EXPECT_EQ(calls_.assume_role[0].source_access_key, "ASIACONTAINER");
  EXPECT_EQ(Retrieve("c", {}).error().message,
            "profile c: credential_source EcsContainer: AWS_CONTAINER_CREDENTIALS_FULL_URI is not set");
}

TEST_F(ContainerProviderTest, BadAnswers) {
  std::map<std::string, std::string> env = {{"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:1/c"}};
  calls_.http_response = {403, {}, "denied"};
  EXPECT_EQ(Retrieve("default", env).error().message,
            "container credentials: http://127.0.0.1:1/c answered HTTP 403");
  EXPECT_EQ(ParseContainerCredentials("{").error().message,
            "container credentials: the endpoint answered something that is not a JSON object");
  EXPECT_EQ(ParseContainerCredentials(R"({"AccessKeyId": "A", "SecretAccessKey": "s"})").error().message,
            "container credentials: the answer lacks AccessKeyId, SecretAccessKey, Token or Expiration");
}

}  // namespace
}  // namespace foyer::creds
