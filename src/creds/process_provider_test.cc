#include "creds/process_provider.h"

#include <gtest/gtest.h>

#include "creds/test_support.h"

namespace foyer::creds {
namespace {

using testing::At;
using testing::FakeCalls;
using testing::ScratchHome;

const aws::Clock::time_point kNow = At(1800000000);  // 2027-01-15T08:00:00Z

std::string ErrorOf(std::string_view out) {
  Result<aws::Credentials> credentials = ParseCredentialProcessOutput(out, kNow);
  return credentials.ok() ? "parsed" : credentials.error().message;
}

TEST(ProcessProviderTest, ParsesVersionOne) {
  Result<aws::Credentials> credentials = ParseCredentialProcessOutput(
      R"({"Version": 1, "AccessKeyId": "ASIAX", "SecretAccessKey": "sk", "SessionToken": "tok",
          "Expiration": "2027-01-15T09:00:00Z"})",
      kNow);
  ASSERT_TRUE(credentials.ok());
  EXPECT_EQ(credentials->access_key_id, "ASIAX");
  EXPECT_EQ(credentials->secret_access_key, "sk");
  EXPECT_EQ(credentials->session_token, "tok");
  EXPECT_EQ(*credentials->expiration, At(1800003600));
  EXPECT_EQ(credentials->source, "credential_process");
}

TEST(ProcessProviderTest, TokenAndExpirationAreOptional) {
  Result<aws::Credentials> credentials =
      ParseCredentialProcessOutput(R"({"Version":1,"AccessKeyId":"AKIA","SecretAccessKey":"s"})", kNow);
  ASSERT_TRUE(credentials.ok());
  EXPECT_EQ(credentials->session_token, "");
  EXPECT_FALSE(credentials->expiration.has_value());
}

TEST(ProcessProviderTest, BadOutputIsRefusedWithoutEchoingIt) {
  std::string message = ErrorOf(R"({"Version": 1, "AccessKeyId": "AKIA", "SecretAccessKey": "hunter2")");
  EXPECT_EQ(message, "credential_process printed something that is not a JSON object; it must print "
                     "the Version 1 credentials JSON on stdout and nothing else");
  EXPECT_EQ(message.find("hunter2"), std::string::npos);
  EXPECT_EQ(ErrorOf(R"({"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "s"})"),
            "credential_process printed an unsupported \"Version\"; the only supported version is 1");
  EXPECT_EQ(ErrorOf(R"({"AccessKeyId": "A", "SecretAccessKey": "s"})"),
            "credential_process printed an unsupported \"Version\"; the only supported version is 1");
  EXPECT_EQ(ErrorOf(R"({"Version": 1, "AccessKeyId": "A"})"),
            "credential_process printed JSON without a non-empty string \"SecretAccessKey\"; the "
            "program must print the Version 1 format");
  EXPECT_EQ(ErrorOf(R"({"Version": 1, "AccessKeyId": 5, "SecretAccessKey": "s"})"),
            "credential_process printed JSON without a non-empty string \"AccessKeyId\"; the "
            "program must print the Version 1 format");
  EXPECT_EQ(ErrorOf(R"({"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "s", "Expiration": "soon"})"),
            "credential_process printed an \"Expiration\" that is not an RFC 3339 time such as "
            "2026-11-27T23:49:27Z");
}

TEST(ProcessProviderTest, ExpiredCredentialsAreRefused) {
  EXPECT_EQ(ErrorOf(R"({"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "s",
                        "Expiration": "2027-01-15T07:59:59Z"})"),
            "credential_process printed credentials that expired at 2027-01-15T07:59:59Z; the "
            "program must print fresh ones");
}

class ProcessRunTest : public ::testing::Test {
 protected:
  Result<aws::Credentials> Run(const std::string& command) {
    return MakeProcessProvider(command, calls_.Context(home_.Env()))->Retrieve();
  }
  ScratchHome home_;
  FakeCalls calls_;
};

TEST_F(ProcessRunTest, RunsWithoutAShellAndReadsStdout) {
  std::string script = home_.Write("print creds.sh",
                                   "printf '{\"Version\":1,\"AccessKeyId\":\"%s\",\"SecretAccessKey\":\"s\","
                                   "\"Expiration\":\"2027-01-15T09:00:00Z\"}' \"$1\"\necho noise >&2\n");
  Result<aws::Credentials> credentials = Run("sh '" + script + "' 'AKIA $HOME;x'");
  ASSERT_TRUE(credentials.ok()) << credentials.error().message;
  EXPECT_EQ(credentials->access_key_id, "AKIA $HOME;x");
}

TEST_F(ProcessRunTest, NonZeroExitShowsStderrButNotStdout) {
  Result<aws::Credentials> credentials =
      Run("sh -c 'echo {\\\"SecretAccessKey\\\":\\\"hunter2\\\"}; echo token expired >&2; exit 3'");
  ASSERT_FALSE(credentials.ok());
  EXPECT_EQ(credentials.error().message, "credential_process exited with status 3: token expired");
  EXPECT_EQ(credentials.error().code, "CredentialProcessError");
}

TEST_F(ProcessRunTest, MissingProgramAndBadQuoting) {
  EXPECT_EQ(Run("/nonexistent/helper --x").error().message,
            "credential_process could not start: cannot run /nonexistent/helper: No such file or directory");
  EXPECT_EQ(Run("helper 'unterminated").error().message,
            "credential_process cannot be split into words: the command has an unterminated single quote");
  EXPECT_EQ(Run("  ").error().message,
            "credential_process is empty; set it to the command that prints credentials");
}

TEST_F(ProcessRunTest, RunsAgainOnlyNearExpiry) {
  std::string counter = home_.path() + "/runs";
  std::string script = home_.Write("count.sh", "echo x >> '" + counter + "'\n"
                                   "echo '{\"Version\":1,\"AccessKeyId\":\"A\",\"SecretAccessKey\":\"s\","
                                   "\"Expiration\":\"2027-01-15T09:00:00Z\"}'\n");
  auto provider = MakeProcessProvider("sh " + script, calls_.Context(home_.Env()));
  ASSERT_TRUE(provider->Retrieve().ok());
  ASSERT_TRUE(provider->Retrieve().ok());
  calls_.now = At(1800003600 - 14 * 60);
  ASSERT_TRUE(provider->Retrieve().ok());
  std::ifstream runs(counter);
  std::string all((std::istreambuf_iterator<char>(runs)), std::istreambuf_iterator<char>());
  EXPECT_EQ(all, "x\nx\n");
}

}  // namespace
}  // namespace foyer::creds
