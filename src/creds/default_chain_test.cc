#include "creds/default_chain.h"

#include <gtest/gtest.h>

#include "creds/test_support.h"

namespace foyer::creds {
namespace {

using testing::At;
using testing::FakeCalls;
using testing::ScratchHome;

class DefaultChainTest : public ::testing::Test {
 protected:
  Result<Session> Resolve(const std::string& profile, std::map<std::string, std::string> env = {}) {
    return ResolveSessionIn(profile, calls_.Context(home_.Env(std::move(env))),
                            [this](const Session& session) {
                              resolved_region_ = session.region;
                              return calls_.Context(home_.Env()).calls;
                            });
  }
  // The credentials of `profile`, or the error message.
  std::string KeyOf(const std::string& profile, std::map<std::string, std::string> env = {}) {
    Result<Session> session = Resolve(profile, std::move(env));
    if (!session.ok()) return "error: " + session.error().message;
    Result<aws::Credentials> credentials = session->credentials->Retrieve();
    if (!credentials.ok()) return "error: " + credentials.error().message;
    return credentials->access_key_id;
  }

  ScratchHome home_;
  FakeCalls calls_;
  std::string resolved_region_;
};

const std::map<std::string, std::string> kEnvKeys = {{"AWS_ACCESS_KEY_ID", "AKIAENV"},
                                                     {"AWS_SECRET_ACCESS_KEY", "envsecret"}};

TEST_F(DefaultChainTest, EnvironmentKeysComeFirstUnlessAProfileIsNamed) {
  home_.Write(".aws/credentials", "[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = s\n"
                                  "[dev]\naws_access_key_id = AKIADEV\naws_secret_access_key = s\n");
  EXPECT_EQ(KeyOf("", kEnvKeys), "AKIAENV");
  auto with_profile = kEnvKeys;
  with_profile["AWS_PROFILE"] = "dev";
  EXPECT_EQ(KeyOf("", with_profile), "AKIAENV");
  EXPECT_EQ(KeyOf("dev", kEnvKeys), "AKIADEV");
  EXPECT_EQ(KeyOf(""), "AKIADEFAULT");
  Result<Session> session = Resolve("", kEnvKeys);
  EXPECT_EQ(session->profile, "");
  EXPECT_EQ(Resolve("dev", kEnvKeys)->profile, "dev");
}

TEST_F(DefaultChainTest, EnvironmentSessionTokenAndExpiration) {
  auto env = kEnvKeys;
  env["AWS_SESSION_TOKEN"] = "envtoken";
  env["AWS_CREDENTIAL_EXPIRATION"] = "2027-01-15T08:00:00Z";
  Result<aws::Credentials> credentials = Resolve("", env)->credentials->Retrieve();
  ASSERT_TRUE(credentials.ok());
  EXPECT_EQ(credentials->session_token, "envtoken");
  EXPECT_EQ(*credentials->expiration, At(1800000000));
  EXPECT_EQ(credentials->source, "environment");
}

TEST_F(DefaultChainTest, ProfilePrefixInConfigButNotInCredentials) {
  home_.Write(".aws/config", "[profile a]\naws_access_key_id = AKIACONFIGA\naws_secret_access_key = s\n"
                             "[b]\naws_access_key_id = AKIANOTAPROFILE\naws_secret_access_key = s\n");
  home_.Write(".aws/credentials", "[profile c]\naws_access_key_id = AKIACREDSC\naws_secret_access_key = s\n");
  EXPECT_EQ(KeyOf("a"), "AKIACONFIGA");
  EXPECT_EQ(KeyOf("profile c"), "AKIACREDSC");
  std::string config = home_.path() + "/.aws/config";
  std::string credentials = home_.path() + "/.aws/credentials";
  EXPECT_EQ(KeyOf("b"), "error: the profile 'b' is not in " + config + " nor in " + credentials +
                            "; check its name, or add it to one of them");
  EXPECT_EQ(KeyOf("c").substr(0, 25), "error: the profile 'c' is");
}

TEST_F(DefaultChainTest, CredentialsFileKeysWinOverConfigKeys) {
  home_.Write(".aws/config", "[profile dev]\naws_access_key_id = AKIACONFIG\naws_secret_access_key = s\n"
                             "region = eu-west-1\n");
  home_.Write(".aws/credentials", "[dev]\naws_access_key_id = AKIACREDS\naws_secret_access_key = s\n"
                                  "aws_session_token = pasted\n");
  Result<Session> session = Resolve("dev");
  ASSERT_TRUE(session.ok());
  EXPECT_EQ(session->region, "eu-west-1");
  Result<aws::Credentials> credentials = session->credentials->Retrieve();
  EXPECT_EQ(credentials->access_key_id, "AKIACREDS");
  EXPECT_EQ(credentials->session_token, "pasted");
  EXPECT_EQ(credentials->source, "profile dev");
}

TEST_F(DefaultChainTest, PartialKeysNameTheLine) {
  home_.Write(".aws/credentials", "[dev]\n\naws_access_key_id = AKIA\n");
  EXPECT_EQ(KeyOf("dev"), "error: profile dev: " + home_.path() +
                              "/.aws/credentials:3: profile dev sets aws_access_key_id but not "
                              "aws_secret_access_key; add it next to the other");
}

TEST_F(DefaultChainTest, ThreeHopSourceProfileChain) {
  home_.Write(".aws/config",
              "[profile prod]\nrole_arn = arn:aws:iam::333333333333:role/prod\nsource_profile = dev\n"
              "role_session_name = alice\nexternal_id = ext-1\nduration_seconds = 1800\n"
              "source_identity = alice@example.com\n"
              "[profile dev]\nrole_arn = arn:aws:iam::222222222222:role/dev\nsource_profile = base\n");
  home_.Write(".aws/credentials", "[base]\naws_access_key_id = AKIABASE\naws_secret_access_key = s\n");
  EXPECT_EQ(KeyOf("prod"), "ASIA-prod");
  ASSERT_EQ(calls_.assume_role.size(), 2u);
  EXPECT_EQ(calls_.assume_role[0].source_access_key, "AKIABASE");
  EXPECT_EQ(calls_.assume_role[0].request.role_arn, "arn:aws:iam::222222222222:role/dev");
  EXPECT_EQ(calls_.assume_role[0].request.role_session_name, "botocore-session-1800000000");
  EXPECT_EQ(calls_.assume_role[0].request.duration_seconds, std::nullopt);
  EXPECT_EQ(calls_.assume_role[1].source_access_key, "ASIA-dev");
  const aws::AssumeRoleRequest& prod = calls_.assume_role[1].request;
  EXPECT_EQ(prod.role_arn, "arn:aws:iam::333333333333:role/prod");
  EXPECT_EQ(prod.role_session_name, "alice");
  EXPECT_EQ(prod.external_id, "ext-1");
  EXPECT_EQ(prod.duration_seconds, 1800);
  EXPECT_EQ(prod.source_identity, "alice@example.com");
  EXPECT_EQ(prod.serial_number, "");
}

TEST_F(DefaultChainTest, AssumedRolesAreCachedUntilTheRefreshWindow) {
  home_.Write(".aws/config", "[profile r]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = k\n"
                             "[profile k]\naws_access_key_id = AKIAK\naws_secret_access_key = s\n");
  Result<Session> session = Resolve("r");
  ASSERT_TRUE(session->credentials->Retrieve().ok());
  calls_.now += std::chrono::minutes(44);  // 16 minutes left
  ASSERT_TRUE(session->credentials->Retrieve().ok());
  EXPECT_EQ(calls_.assume_role.size(), 1u);
  calls_.now += std::chrono::minutes(2);  // 14 minutes left
  Result<aws::Credentials> refreshed = session->credentials->Retrieve();
  EXPECT_EQ(calls_.assume_role.size(), 2u);
  EXPECT_EQ(*refreshed->expiration, calls_.now + std::chrono::hours(1));
  EXPECT_EQ(refreshed->source, "assume-role arn:aws:sts::111122223333:assumed-role/r/botocore-session-1800002760");
}

TEST_F(DefaultChainTest, SourceProfileLoopIsNamed) {
  home_.Write(".aws/config", "[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\n"
                             "[profile b]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = c\n"
                             "[profile c]\nrole_arn = arn:aws:iam::1:role/c\nsource_profile = a\n");
  EXPECT_EQ(KeyOf("a"), "error: profile a: source_profile b: source_profile c: source_profile "
                        "loop: a -> b -> c -> a; one of these profiles must have keys or a "
                        "credential_source");
  EXPECT_TRUE(calls_.assume_role.empty());
}

TEST_F(DefaultChainTest, ProfileMaySourceItsOwnKeys) {
  home_.Write(".aws/config", "[profile s]\nrole_arn = arn:aws:iam::1:role/s\nsource_profile = s\n"
                             "aws_access_key_id = AKIASELF\naws_secret_access_key = x\n"
                             "[profile t]\nrole_arn = arn:aws:iam::1:role/t\nsource_profile = t\n");
  EXPECT_EQ(KeyOf("s"), "ASIA-s");
  EXPECT_EQ(calls_.assume_role[0].source_access_key, "AKIASELF");
  EXPECT_EQ(KeyOf("t").substr(0, 43), "error: profile t: source_profile loop: t ->");
}

TEST_F(DefaultChainTest, MissingSourceProfile) {
  home_.Write(".aws/config", "[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = nope\n");
  EXPECT_EQ(KeyOf("a"), "error: profile a: " + home_.path() +
                            "/.aws/config:3: the source_profile 'nope' does not exist; add a "
                            "[profile nope] or fix the name");
}

TEST_F(DefaultChainTest, RoleWithoutSourceAndWithBoth) {
  home_.Write(".aws/config", "[profile a]\nrole_arn = arn:aws:iam::1:role/a\n"
                             "[profile b]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = a\n"
                             "credential_source = Environment\n");
  EXPECT_EQ(KeyOf("a"), "error: profile a: " + home_.path() +
                            "/.aws/config:2: role_arn needs source_profile or credential_source "
                            "to say whose credentials assume the role");
  EXPECT_EQ(KeyOf("b"), "error: profile b: " + home_.path() +
                            "/.aws/config:6: set either source_profile or credential_source, not both");
}

TEST_F(DefaultChainTest, CredentialSourceEnvironmentEvenWithAnExplicitProfile) {
  home_.Write(".aws/config", "[profile e]\nrole_arn = arn:aws:iam::1:role/e\ncredential_source = environment\n"
                             "[profile x]\nrole_arn = arn:aws:iam::1:role/x\ncredential_source = Ec2InstanceMetadata\n");
  EXPECT_EQ(KeyOf("e", kEnvKeys), "ASIA-e");
  EXPECT_EQ(calls_.assume_role[0].source_access_key, "AKIAENV");
  EXPECT_EQ(KeyOf("e"), "error: profile e: credential_source Environment: AWS_ACCESS_KEY_ID is not set");
  EXPECT_EQ(KeyOf("x", kEnvKeys), "error: profile x: " + home_.path() +
                                      "/.aws/config:6: credential_source 'Ec2InstanceMetadata' is not "
                                      "supported; use Environment, EcsContainer or a source_profile");
}

TEST_F(DefaultChainTest, RetrieveErrorsNameEveryStep) {
  home_.Write(".aws/config", "[profile prod]\nrole_arn = arn:aws:iam::1:role/prod\nsource_profile = dev\n"
                             "[profile dev]\nrole_arn = arn:aws:iam::1:role/dev\nsource_profile = base\n"
                             "[profile base]\naws_access_key_id = AKIABASE\naws_secret_access_key = s\n");
  Error denied = MakeError("AccessDenied", "not authorized to perform sts:AssumeRole");
  denied.http_status = 403;
  calls_.failures["arn:aws:iam::1:role/dev"] = denied;
  Result<aws::Credentials> credentials = Resolve("prod")->credentials->Retrieve();
  ASSERT_FALSE(credentials.ok());
  EXPECT_EQ(credentials.error().message,
            "profile prod: source_profile dev: assume role arn:aws:iam::1:role/dev: not authorized "
            "to perform sts:AssumeRole");
  EXPECT_EQ(credentials.error().code, "AccessDenied");
  EXPECT_EQ(credentials.error().http_status, 403);
}

TEST_F(DefaultChainTest, MfaCodeIsAskedFor) {
  home_.Write(".aws/config", "[profile m]\nrole_arn = arn:aws:iam::1:role/m\nsource_profile = k\n"
                             "mfa_serial = arn:aws:iam::1:mfa/alice\n"
                             "[profile k]\naws_access_key_id = AKIAK\naws_secret_access_key = s\n");
  EXPECT_EQ(KeyOf("m"), "ASIA-m");
  EXPECT_EQ(calls_.assume_role[0].request.serial_number, "arn:aws:iam::1:mfa/alice");
  EXPECT_EQ(calls_.assume_role[0].request.token_code, "123456");
}

TEST_F(DefaultChainTest, MfaWithoutATerminalNeedsLogin) {
  if (isatty(0)) GTEST_SKIP() << "stdin is a terminal";
  Result<std::string> code = ReadMfaCodeFromTerminal("arn:aws:iam::1:mfa/alice");
  ASSERT_FALSE(code.ok());
  EXPECT_EQ(code.error().exit_code, ExitCode::kLoginNeeded);
  EXPECT_EQ(code.error().message, "an MFA code for arn:aws:iam::1:mfa/alice is needed, but stdin is "
                                  "not a terminal to type it in; run the command in a terminal");
}

TEST_F(DefaultChainTest, BadDurationNamesTheLine) {
  home_.Write(".aws/config", "[profile r]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = r\n"
                             "aws_access_key_id = A\naws_secret_access_key = s\nduration_seconds = 1h\n");
  EXPECT_EQ(KeyOf("r"), "error: profile r: " + home_.path() +
                            "/.aws/config:6: duration_seconds is '1h'; it must be a whole number of "
                            "at least 1");
}

TEST_F(DefaultChainTest, WebIdentityFromProfileAndFromEnvironment) {
  std::string token = home_.Write("token", "eyJhbGciOi.token");
  home_.Write(".aws/config", "[profile w]\nweb_identity_token_file = " + token +
                                 "\nrole_arn = arn:aws:iam::1:role/w\nrole_session_name = ci\n"
                                 "[profile gone]\nweb_identity_token_file = /nonexistent/token\n"
                                 "role_arn = arn:aws:iam::1:role/w\n");
  EXPECT_EQ(KeyOf("w"), "ASIA-w");
  EXPECT_EQ(calls_.web_identity[0].web_identity_token, "eyJhbGciOi.token");
  EXPECT_EQ(calls_.web_identity[0].role_session_name, "ci");
  EXPECT_EQ(KeyOf("", {{"AWS_WEB_IDENTITY_TOKEN_FILE", token}, {"AWS_ROLE_ARN", "arn:aws:iam::1:role/env"}}),
            "ASIA-env");
  EXPECT_EQ(calls_.web_identity[1].role_session_name, "botocore-session-1800000000");
  EXPECT_EQ(KeyOf("gone"), "error: profile gone: cannot read web_identity_token_file "
                           "/nonexistent/token: No such file or directory; check the path, or "
                           "that the token has been written");
  EXPECT_EQ(KeyOf("", {{"AWS_WEB_IDENTITY_TOKEN_FILE", token}}),
            "error: profile default: web identity is configured (web_identity_token_file) but no "
            "role is: set role_arn in the profile, or AWS_ROLE_ARN");
}

TEST_F(DefaultChainTest, CredentialProcess) {
  home_.Write(".aws/config",
              "[profile p]\ncredential_process = sh -c 'echo \"{\\\"Version\\\": 1, "
              "\\\"AccessKeyId\\\": \\\"AKIAPROC\\\", \\\"SecretAccessKey\\\": \\\"s\\\"}\"'\n");
  EXPECT_EQ(KeyOf("p"), "AKIAPROC");
}

TEST_F(DefaultChainTest, NoCredentialsAtAll) {
  home_.Write(".aws/config", "[profile empty]\nregion = eu-west-1\n");
  Result<Session> session = Resolve("empty");
  ASSERT_FALSE(session.ok());
  EXPECT_EQ(session.error().exit_code, ExitCode::kLoginNeeded);
  EXPECT_EQ(session.error().message, "profile empty: no credentials: the profile has no keys, "
                                     "role_arn, sso_* settings or credential_process; run `foyer "
                                     "login`, or `aws configure --profile empty`");
}

TEST_F(DefaultChainTest, MalformedConfigNamesFileAndLine) {
  home_.Write(".aws/config", "[default]\nregion = us-east-1\nthis is wrong\n");
  Result<Session> session = Resolve("", kEnvKeys);
  ASSERT_FALSE(session.ok());
  EXPECT_EQ(session.error().message.substr(0, home_.path().size() + 15),
            home_.path() + "/.aws/config:3:");
  EXPECT_EQ(session.error().exit_code, ExitCode::kFailure);
}

TEST_F(DefaultChainTest, RegionEndpointAndAttempts) {
  home_.Write(".aws/config", "[profile r]\nregion = eu-central-1\nendpoint_url = http://127.0.0.1:5000\n"
                             "max_attempts = 7\naws_access_key_id = A\naws_secret_access_key = s\n");
  Result<Session> session = Resolve("r");
  EXPECT_EQ(session->region, "eu-central-1");
  EXPECT_EQ(resolved_region_, "eu-central-1");
  EXPECT_EQ(session->endpoint_url, "http://127.0.0.1:5000");
  EXPECT_EQ(session->retry.max_attempts, 7);
  session = Resolve("r", {{"AWS_REGION", "ap-south-1"}, {"AWS_MAX_ATTEMPTS", "2"}});
  EXPECT_EQ(session->region, "ap-south-1");
  EXPECT_EQ(session->retry.max_attempts, 2);
  session = Resolve("", kEnvKeys);
  EXPECT_EQ(session->region, "us-east-1");
  EXPECT_EQ(session->retry.max_attempts, 3);
  EXPECT_EQ(Resolve("r", {{"AWS_MAX_ATTEMPTS", "zero"}}).error().message,
            "AWS_MAX_ATTEMPTS: max_attempts is 'zero'; it must be a whole number of at least 1");
}

}  // namespace
}  // namespace foyer::creds
