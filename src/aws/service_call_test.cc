#include "aws/service_call.h"

#include <gtest/gtest.h>

#include "aws/fake_transport.h"

namespace foyer::aws {
namespace {

const ServiceDescription kQueryService = {.name = "IAM",
                                          .endpoint_prefix = "iam",
                                          .protocol = Protocol::kQuery,
                                          .api_version = "2010-05-08"};
const ServiceDescription kJsonService = {.name = "Organizations",
                                         .endpoint_prefix = "organizations",
                                         .protocol = Protocol::kJson,
                                         .json_target_prefix = "AWSOrganizationsV20161128",
                                         .json_version = "1.1"};
const ServiceDescription kRestService = {.name = "S3",
                                         .endpoint_prefix = "s3",
                                         .protocol = Protocol::kRestXml,
                                         .s3_signing = true};

class ServiceCallTest : public ::testing::Test {
 protected:
  std::shared_ptr<FakeTransport> transport_ = std::make_shared<FakeTransport>();
  ClientConfig config_ = FakeConfig(transport_);
};

TEST_F(ServiceCallTest, QueryRequestIsSignedFormPost) {
  transport_->Reply(200, "<GetRoleResponse><GetRoleResult><Role><RoleName>r</RoleName></Role>"
                         "</GetRoleResult></GetRoleResponse>");
  ServiceCaller caller(config_, kQueryService);
  QueryParams params;
  params.Add("RoleName", "r");
  Result<XmlResult> result = caller.CallQuery("GetRole", params);
  ASSERT_TRUE(result.ok()) << result.error().Describe();
  EXPECT_EQ(ChildText(Child(result->node, "Role"), "RoleName"), "r");

  ASSERT_EQ(transport_->requests.size(), 1u);
  const HttpRequest& request = transport_->requests[0];
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.url, "https://aws.example/");
  EXPECT_EQ(request.body, "Action=GetRole&Version=2010-05-08&RoleName=r");
  EXPECT_EQ(request.Header("Content-Type"), "application/x-www-form-urlencoded; charset=utf-8");
  EXPECT_EQ(request.Header("User-Agent"), UserAgent());
  EXPECT_TRUE(request.Header("Authorization").starts_with("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"))
      << request.Header("Authorization");
  EXPECT_NE(request.Header("Authorization").find("/us-east-1/iam/aws4_request"), std::string::npos);
  EXPECT_FALSE(request.Header("X-Amz-Date").empty());
}

TEST_F(ServiceCallTest, UnsignedCallNeedsNoCredentialsAndSendsNoSignature) {
  config_.credentials = nullptr;
  transport_->Reply(200, "<AssumeRoleWithSAMLResponse><AssumeRoleWithSAMLResult/></AssumeRoleWithSAMLResponse>");
  ServiceCaller caller(config_, kQueryService);
  Result<XmlResult> result = caller.CallQuery("AssumeRoleWithSAML", QueryParams(), {.unsigned_request = true});
  ASSERT_TRUE(result.ok()) << result.error().Describe();
  ASSERT_EQ(transport_->requests.size(), 1u);
  EXPECT_EQ(transport_->requests[0].Header("Authorization"), "");
  EXPECT_EQ(transport_->requests[0].Header("X-Amz-Security-Token"), "");
}

TEST_F(ServiceCallTest, SignedCallWithoutCredentialsFailsBeforeSending) {
  config_.credentials = nullptr;
  ServiceCaller caller(config_, kQueryService);
  Result<XmlResult> result = caller.CallQuery("GetRole", QueryParams());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "NoCredentials");
  EXPECT_EQ(result.error().exit_code, ExitCode::kLoginNeeded);
  EXPECT_EQ(result.error().message,
            "IAM GetRole needs AWS credentials and none are configured; log in with `foyer login` "
            "or set AWS_PROFILE");
  EXPECT_TRUE(transport_->requests.empty());
}

TEST_F(ServiceCallTest, CredentialProviderErrorIsReturned) {
  class Failing : public CredentialsProvider {
   public:
    Result<Credentials> Retrieve() override { return MakeError("ExpiredToken", "session expired"); }
  };
  config_.credentials = std::make_shared<Failing>();
  ServiceCaller caller(config_, kQueryService);
  Result<XmlResult> result = caller.CallQuery("GetRole", QueryParams());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "ExpiredToken");
  EXPECT_TRUE(transport_->requests.empty());
}

TEST_F(ServiceCallTest, SessionTokenIsSent) {
  config_.credentials = std::make_shared<StaticCredentialsProvider>(
      Credentials{"ASIAEXAMPLE", "secret", "the-token", std::nullopt, "test"});
  transport_->Reply(200, "<GetCallerIdentityResponse/>");
  ServiceCaller caller(config_, kQueryService);
  ASSERT_TRUE(caller.CallQuery("GetCallerIdentity", QueryParams()).ok());
  EXPECT_EQ(transport_->requests[0].Header("X-Amz-Security-Token"), "the-token");
}

TEST_F(ServiceCallTest, JsonRequestCarriesTargetAndContentType) {
  transport_->Reply(200, R"({"Roots":[{"Id":"r-1"}]})");
  ServiceCaller caller(config_, kJsonService);
  Result<nlohmann::json> result = caller.CallJson("ListRoots", {{"MaxResults", 2}});
  ASSERT_TRUE(result.ok()) << result.error().Describe();
  EXPECT_EQ((*result)["Roots"][0]["Id"], "r-1");
  const HttpRequest& request = transport_->requests[0];
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.url, "https://aws.example/");
  EXPECT_EQ(request.body, R"({"MaxResults":2})");
  EXPECT_EQ(request.Header("X-Amz-Target"), "AWSOrganizationsV20161128.ListRoots");
  EXPECT_EQ(request.Header("Content-Type"), "application/x-amz-json-1.1");
  EXPECT_NE(request.Header("Authorization").find("/us-east-1/organizations/aws4_request"),
            std::string::npos);
}

TEST_F(ServiceCallTest, JsonNullInputSendsEmptyObject) {
  transport_->Reply(200, "");
  ServiceCaller caller(config_, kJsonService);
  Result<nlohmann::json> result = caller.CallJson("DescribeOrganization", nullptr);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(*result, nlohmann::json::object());
  EXPECT_EQ(transport_->requests[0].body, "{}");
}

TEST_F(ServiceCallTest, RestRequestPathQueryAndHeaders) {
  transport_->Reply(200, "<Policy/>", {{"x-amz-request-id", "R"}});
  ServiceCaller caller(config_, kRestService);
  RestRequest rest;
  rest.method = "PUT";
  rest.path = "/" + EscapePathLabel("my bucket") + "/" + EscapePathLabel("a/b c.txt", /*greedy=*/true);
  rest.query = {{"policy", ""}, {"x", "1 2"}};
  rest.headers = {{"Content-MD5", "abc"}};
  rest.body = "data";
  Result<RestResponse> response = caller.CallRest("PutObject", rest);
  ASSERT_TRUE(response.ok()) << response.error().Describe();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "<Policy/>");
  EXPECT_EQ(response->Header("X-Amz-Request-Id"), "R");
  const HttpRequest& request = transport_->requests[0];
  EXPECT_EQ(request.method, "PUT");
  EXPECT_EQ(request.url, "https://aws.example/my%20bucket/a/b%20c.txt?policy=&x=1%202");
  EXPECT_EQ(request.Header("Content-MD5"), "abc");
  EXPECT_EQ(request.body, "data");
  EXPECT_EQ(request.Header("x-amz-content-sha256"), "UNSIGNED-PAYLOAD");
}

TEST_F(ServiceCallTest, ErrorResponseNamesServiceAndOperation) {
  transport_->Reply(409,
                    R"({"__type":"DuplicateOrganizationalUnitException","message":"exists"})",
                    {{"x-amzn-RequestId", "req"}});
  ServiceCaller caller(config_, kJsonService);
  Result<nlohmann::json> result = caller.CallJson("CreateOrganizationalUnit", nlohmann::json::object());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "DuplicateOrganizationalUnitException");
  EXPECT_EQ(result.error().message, "Organizations CreateOrganizationalUnit failed: exists");
  EXPECT_EQ(result.error().http_status, 409);
  EXPECT_EQ(result.error().request_id, "req");
}

TEST_F(ServiceCallTest, RestErrorIsParsed) {
  transport_->Reply(404, "<Error><Code>NoSuchBucket</Code><Message>gone</Message></Error>");
  ServiceCaller caller(config_, kRestService);
  Result<RestResponse> response = caller.CallRest("GetBucketPolicy", RestRequest());
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().code, "NoSuchBucket");
  EXPECT_EQ(response.error().message, "S3 GetBucketPolicy failed: gone");
}

TEST_F(ServiceCallTest, UnreadableSuccessIsAParseErrorNamingTheCall) {
  transport_->Reply(200, "<GetRoleResponse><GetRoleRes", {{"x-amzn-RequestId", "q"}});
  ServiceCaller caller(config_, kQueryService);
  Result<XmlResult> result = caller.CallQuery("GetRole", QueryParams());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "ParseError");
  EXPECT_TRUE(result.error().message.starts_with(
      "IAM GetRole succeeded but its response could not be read: the response is not valid XML"))
      << result.error().message;
  EXPECT_EQ(result.error().request_id, "q");
  EXPECT_EQ(result.error().http_status, 200);
}

TEST_F(ServiceCallTest, RetryableErrorIsRetriedAndEachAttemptSigned) {
  config_.retry.max_attempts = 2;
  config_.retry.base_delay = std::chrono::milliseconds(1);
  transport_->Reply(503, "");
  transport_->Reply(200, "<GetCallerIdentityResponse/>");
  ServiceCaller caller(config_, kQueryService);
  ASSERT_TRUE(caller.CallQuery("GetCallerIdentity", QueryParams()).ok());
  ASSERT_EQ(transport_->requests.size(), 2u);
  EXPECT_FALSE(transport_->requests[1].Header("Authorization").empty());
}

TEST_F(ServiceCallTest, LastErrorAfterAllAttempts) {
  transport_->Reply(500, "<!doctype html><html><title>500</title></html>");
  ServiceCaller caller(config_, kQueryService);
  Result<XmlResult> result = caller.CallQuery("GetAccountSummary", QueryParams());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "InternalFailure");
}

TEST(UserAgentTest, NamesFoyerAndItsVersion) {
  EXPECT_TRUE(UserAgent().starts_with("foyer/"));
  EXPECT_GT(UserAgent().size(), std::string("foyer/").size());
}

TEST(EscapePathLabelTest, GreedyKeepsSlashes) {
  EXPECT_EQ(EscapePathLabel("a/b c"), "a%2Fb%20c");
  EXPECT_EQ(EscapePathLabel("a/b c", true), "a/b%20c");
}

}  // namespace
}  // namespace foyer::aws
