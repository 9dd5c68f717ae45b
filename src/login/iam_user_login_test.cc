#include "login/iam_user_login.h"

#include <gtest/gtest.h>

namespace foyer::login {
namespace {

TEST(ParseIamUserKeyTest, ReadsJsonTwoLinesAndCreateAccessKeyOutput) {
  auto json = ParseIamUserKey(R"({"AccessKeyId":"AKIAEXAMPLE12345678","SecretAccessKey":"s3cr3t/Key+x"})");
  ASSERT_TRUE(json.ok());
  EXPECT_EQ(json->access_key_id, "AKIAEXAMPLE12345678");
  EXPECT_EQ(json->secret_access_key, "s3cr3t/Key+x");
  auto lines = ParseIamUserKey("AKIAEXAMPLE12345678\r\ns3cr3t/Key+x\n");
  ASSERT_TRUE(lines.ok());
  EXPECT_EQ(lines->access_key_id, "AKIAEXAMPLE12345678");
  EXPECT_EQ(lines->secret_access_key, "s3cr3t/Key+x");
  auto wrapped = ParseIamUserKey(R"({"AccessKey":{"AccessKeyId":"AKIAEXAMPLE12345678","SecretAccessKey":"k"}})");
  ASSERT_TRUE(wrapped.ok());
  EXPECT_EQ(wrapped->secret_access_key, "k");
}

TEST(ParseIamUserKeyTest, RefusesWithoutQuotingTheInput) {
  for (const char* text : {"", "onlyoneline-SECRETISH", R"({"AccessKeyId":"AKIAEXAMPLE12345678"})",
                           "AKIAEXAMPLE12345678\nsecret with spaces SECRETISH"}) {
    auto key = ParseIamUserKey(text);
    ASSERT_FALSE(key.ok()) << text;
    EXPECT_EQ(key.error().exit_code, ExitCode::kUsage);
    EXPECT_EQ(key.error().message.find("SECRETISH"), std::string::npos);
  }
}

TEST(IamUserSecretNameTest, NamesOrgAndUser) {
  OrgAccess org;
  org.name = "acme";
  org.iam_user = IamUserSettings{"alice", "", ""};
  EXPECT_EQ(IamUserSecretName(org), "iam-user/acme/alice");
}

TEST(ObtainMfaCodeTest, TakesAGivenCodeAndRefusesMalformedOnes) {
  OrgAccess org;
  org.name = "acme";
  org.iam_user = IamUserSettings{"alice", "", ""};
  auto code = ObtainMfaCode(org, "123456", "arn:aws:iam::1:mfa/alice");
  ASSERT_TRUE(code.ok());
  EXPECT_EQ(*code, "123456");
  EXPECT_FALSE(ObtainMfaCode(org, "12345", "arn").ok());
  EXPECT_FALSE(ObtainMfaCode(org, "12345a", "arn").ok());
}

TEST(ObtainMfaCodeTest, RunsMfaProcessWithoutAShell) {
  OrgAccess org;
  org.name = "acme";
  org.iam_user = IamUserSettings{"alice", "", "printf '654321\\nignored\\n'"};
  auto code = ObtainMfaCode(org, "", "arn");
  ASSERT_TRUE(code.ok()) << code.error().message;
  EXPECT_EQ(*code, "654321");
  org.iam_user->mfa_process = "false";
  auto failed = ObtainMfaCode(org, "", "arn");
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().exit_code, ExitCode::kLoginNeeded);
}

}  // namespace
}  // namespace foyer::login
