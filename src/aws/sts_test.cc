#include "aws/sts.h"

#include <gtest/gtest.h>

#include "aws/fake_transport.h"

namespace foyer::aws {
namespace {

constexpr char kCredentialsXml[] =
    "<Credentials><AccessKeyId>ASIAX</AccessKeyId><SecretAccessKey>sek</SecretAccessKey>"
    "<SessionToken>tok</SessionToken><Expiration>2026-11-27T23:53:45Z</Expiration></Credentials>";

std::string Response(const std::string& action, const std::string& inner) {
  return "<" + action + "Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><" + action +
         "Result>" + inner + "</" + action + "Result><ResponseMetadata><RequestId>r</RequestId>"
         "</ResponseMetadata></" + action + "Response>";
}

const Clock::time_point kExpiration(std::chrono::seconds(1795823625));

AssumeRoleRequest MinimalRequest() {
  AssumeRoleRequest request;
  request.role_arn = "a";
  request.role_session_name = "s";
  return request;
}

class StsTest : public ::testing::Test {
 protected:
  std::shared_ptr<FakeTransport> transport_ = std::make_shared<FakeTransport>();
  StsClient sts_{FakeConfig(transport_)};
};

TEST_F(StsTest, GetCallerIdentity) {
  transport_->Reply(200, Response("GetCallerIdentity",
                                  "<Arn>arn:aws:iam::123456789012:user/alice</Arn>"
                                  "<UserId>AIDAX</UserId><Account>123456789012</Account>"));
  Result<CallerIdentity> identity = sts_.GetCallerIdentity();
  ASSERT_TRUE(identity.ok()) << identity.error().Describe();
  EXPECT_EQ(identity->account, "123456789012");
  EXPECT_EQ(identity->arn, "arn:aws:iam::123456789012:user/alice");
  EXPECT_EQ(identity->user_id, "AIDAX");
  EXPECT_EQ(transport_->requests[0].body, "Action=GetCallerIdentity&Version=2011-06-15");
}

TEST_F(StsTest, AssumeRoleSendsEveryField) {
  transport_->Reply(200, Response("AssumeRole",
                                  std::string(kCredentialsXml) +
                                      "<AssumedRoleUser><AssumedRoleId>AROAX:alice</AssumedRoleId>"
                                      "<Arn>arn:aws:sts::222222222222:assumed-role/Admin/alice</Arn>"
                                      "</AssumedRoleUser><PackedPolicySize>6</PackedPolicySize>"
                                      "<SourceIdentity>alice</SourceIdentity>"));
  AssumeRoleRequest request;
  request.role_arn = "arn:aws:iam::222222222222:role/foyer/Admin";
  request.role_session_name = "alice";
  request.duration_seconds = 3600;
  request.external_id = "ext";
  request.serial_number = "arn:aws:iam::111111111111:mfa/alice";
  request.token_code = "123456";
  request.source_identity = "alice";
  request.policy = R"({"Version":"2012-10-17"})";
  request.tags = {{"team", "sre"}, {"who", "alice"}};
  request.transitive_tag_keys = {"team"};
  Result<AssumedRole> role = sts_.AssumeRole(request);
  ASSERT_TRUE(role.ok()) << role.error().Describe();

  QueryPairs expected = {
      {"Action", "AssumeRole"},
      {"Version", "2011-06-15"},
      {"RoleArn", "arn:aws:iam::222222222222:role/foyer/Admin"},
      {"RoleSessionName", "alice"},
      {"Policy", R"({"Version":"2012-10-17"})"},
      {"DurationSeconds", "3600"},
      {"Tags.member.1.Key", "team"},
      {"Tags.member.1.Value", "sre"},
      {"Tags.member.2.Key", "who"},
      {"Tags.member.2.Value", "alice"},
      {"TransitiveTagKeys.member.1", "team"},
      {"ExternalId", "ext"},
      {"SerialNumber", "arn:aws:iam::111111111111:mfa/alice"},
      {"TokenCode", "123456"},
      {"SourceIdentity", "alice"},
  };
  EXPECT_EQ(transport_->FormOf(0), expected);
  EXPECT_EQ(role->credentials.access_key_id, "ASIAX");
  EXPECT_EQ(role->credentials.secret_access_key, "sek");
  EXPECT_EQ(role->credentials.session_token, "tok");
  EXPECT_EQ(role->credentials.expiration, kExpiration);
  EXPECT_EQ(role->credentials.source, "assume-role arn:aws:iam::222222222222:role/foyer/Admin");
  EXPECT_EQ(role->assumed_role_arn, "arn:aws:sts::222222222222:assumed-role/Admin/alice");
  EXPECT_EQ(role->assumed_role_id, "AROAX:alice");
  EXPECT_EQ(role->source_identity, "alice");
  EXPECT_FALSE(transport_->requests[0].Header("Authorization").empty());
}

TEST_F(StsTest, AssumeRoleMinimalSendsOnlyRequiredFields) {
  transport_->Reply(200, Response("AssumeRole", kCredentialsXml));
  AssumeRoleRequest request;
  request.role_arn = "arn:aws:iam::1:role/r";
  request.role_session_name = "s";
  Result<AssumedRole> role = sts_.AssumeRole(request);
  ASSERT_TRUE(role.ok());
  EXPECT_EQ(transport_->requests[0].body,
            "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fr"
            "&RoleSessionName=s");
}

TEST_F(StsTest, WebIdentityIsUnsigned) {
  ClientConfig config = FakeConfig(transport_);
  config.credentials = nullptr;
  StsClient sts(config);
  transport_->Reply(200, Response("AssumeRoleWithWebIdentity",
                                  std::string(kCredentialsXml) +
                                      "<AssumedRoleUser><Arn>arn:aws:sts::1:assumed-role/g/s</Arn>"
                                      "<AssumedRoleId>AROA:s</AssumedRoleId></AssumedRoleUser>"));
  AssumeRoleWithWebIdentityRequest request;
  request.role_arn = "arn:aws:iam::1:role/foyer/g";
  request.role_session_name = "s";
  request.web_identity_token = "eyJ.x.y";
  request.duration_seconds = 900;
  Result<AssumedRole> role = sts.AssumeRoleWithWebIdentity(request);
  ASSERT_TRUE(role.ok()) << role.error().Describe();
  EXPECT_EQ(transport_->requests[0].Header("Authorization"), "");
  QueryPairs expected = {{"Action", "AssumeRoleWithWebIdentity"},
                         {"Version", "2011-06-15"},
                         {"RoleArn", "arn:aws:iam::1:role/foyer/g"},
                         {"RoleSessionName", "s"},
                         {"WebIdentityToken", "eyJ.x.y"},
                         {"DurationSeconds", "900"}};
  EXPECT_EQ(transport_->FormOf(0), expected);
  EXPECT_EQ(role->credentials.source, "web-identity arn:aws:iam::1:role/foyer/g");
  EXPECT_EQ(role->assumed_role_arn, "arn:aws:sts::1:assumed-role/g/s");
}

TEST_F(StsTest, SamlIsUnsigned) {
  ClientConfig config = FakeConfig(transport_);
  config.credentials = nullptr;
  StsClient sts(config);
  transport_->Reply(200, Response("AssumeRoleWithSAML", kCredentialsXml));
  AssumeRoleWithSamlRequest request;
  request.role_arn = "arn:aws:iam::1:role/foyer/g";
  request.principal_arn = "arn:aws:iam::1:saml-provider/idp";
  request.saml_assertion = "PHNhbWw+";
  Result<AssumedRole> role = sts.AssumeRoleWithSaml(request);
  ASSERT_TRUE(role.ok()) << role.error().Describe();
  EXPECT_EQ(transport_->requests[0].Header("Authorization"), "");
  QueryPairs expected = {{"Action", "AssumeRoleWithSAML"},
                         {"Version", "2011-06-15"},
                         {"RoleArn", "arn:aws:iam::1:role/foyer/g"},
                         {"PrincipalArn", "arn:aws:iam::1:saml-provider/idp"},
                         {"SAMLAssertion", "PHNhbWw+"}};
  EXPECT_EQ(transport_->FormOf(0), expected);
}

TEST_F(StsTest, GetSessionTokenWithMfa) {
  transport_->Reply(200, Response("GetSessionToken", kCredentialsXml));
  Result<Credentials> credentials =
      sts_.GetSessionToken(43200, "arn:aws:iam::1:mfa/alice", "654321");
  ASSERT_TRUE(credentials.ok()) << credentials.error().Describe();
  EXPECT_EQ(transport_->requests[0].body,
            "Action=GetSessionToken&Version=2011-06-15&DurationSeconds=43200"
            "&SerialNumber=arn%3Aaws%3Aiam%3A%3A1%3Amfa%2Falice&TokenCode=654321");
  EXPECT_EQ(credentials->session_token, "tok");
  EXPECT_EQ(credentials->expiration, kExpiration);
  EXPECT_EQ(credentials->source, "session-token");
}

TEST_F(StsTest, ResponseWithoutCredentialsIsAnError) {
  transport_->Reply(200, Response("AssumeRole", "<AssumedRoleUser/>"));
  Result<AssumedRole> role = sts_.AssumeRole(MinimalRequest());
  ASSERT_FALSE(role.ok());
  EXPECT_EQ(role.error().code, "ParseError");
  EXPECT_EQ(role.error().message,
            "STS AssumeRole returned no usable credentials (missing key or expiration)");
}

TEST_F(StsTest, AccessDeniedIsReported) {
  transport_->Reply(403,
                    "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>"
                    "not authorized to perform sts:AssumeRole</Message></Error><RequestId>q"
                    "</RequestId></ErrorResponse>");
  Result<AssumedRole> role = sts_.AssumeRole(MinimalRequest());
  ASSERT_FALSE(role.ok());
  EXPECT_EQ(role.error().code, "AccessDenied");
  EXPECT_EQ(role.error().message, "STS AssumeRole failed: not authorized to perform sts:AssumeRole");
  EXPECT_EQ(role.error().request_id, "q");
}

}  // namespace
}  // namespace foyer::aws
