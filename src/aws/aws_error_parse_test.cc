#include "aws/aws_error_parse.h"

#include <gtest/gtest.h>

namespace foyer::aws {
namespace {

HttpResponse Response(int status, std::string body, HeaderList headers = {}) {
  return HttpResponse{status, std::move(headers), std::move(body)};
}

TEST(AwsErrorParseTest, QueryXmlError) {
  Error error = ParseAwsError(
      Response(404,
               "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
               "<Error><Type>Sender</Type><Code>NoSuchEntity</Code>"
               "<Message>The role with name x cannot be found.</Message></Error>"
               "<RequestId>4d6b1f3e-0000-1111-2222-333344445555</RequestId></ErrorResponse>"),
      "IAM", "GetRole");
  EXPECT_EQ(error.code, "NoSuchEntity");
  EXPECT_EQ(error.message, "IAM GetRole failed: The role with name x cannot be found.");
  EXPECT_EQ(error.request_id, "4d6b1f3e-0000-1111-2222-333344445555");
  EXPECT_EQ(error.http_status, 404);
  EXPECT_EQ(error.exit_code, ExitCode::kFailure);
}

TEST(AwsErrorParseTest, MotoXmlErrorOnJsonService) {
  Error error = ParseAwsError(
      Response(403,
               "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<ErrorResponse><Errors><Error>"
               "<Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated "
               "does not match.</Message><Type>Sender</Type></Error></Errors></ErrorResponse>",
               {{"X-Amzn-ErrorType", "SignatureDoesNotMatch"}}),
      "Organizations", "ListAccounts");
  EXPECT_EQ(error.code, "SignatureDoesNotMatch");
  EXPECT_EQ(error.message,
            "Organizations ListAccounts failed: The request signature we calculated does not match.");
  EXPECT_EQ(error.http_status, 403);
  EXPECT_EQ(error.request_id, "");
}

TEST(AwsErrorParseTest, JsonTypeWithNamespaceAndSuffix) {
  Error error = ParseAwsError(
      Response(400,
               R"({"__type":"com.amazonaws.organizations.v20161128#AWSOrganizationsNotInUseException:http://internal.amazon.com/coral/","message":"Your account is not a member of an organization."})",
               {{"x-amzn-RequestId", "req-1"}}),
      "Organizations", "DescribeOrganization");
  EXPECT_EQ(error.code, "AWSOrganizationsNotInUseException");
  EXPECT_EQ(error.message,
            "Organizations DescribeOrganization failed: Your account is not a member of an "
            "organization.");
  EXPECT_EQ(error.request_id, "req-1");
}

TEST(AwsErrorParseTest, JsonCodeAndCapitalMessage) {
  Error error = ParseAwsError(Response(400, R"({"code":"ValidationException","Message":"bad"})"),
                              "KMS", "Encrypt");
  EXPECT_EQ(error.code, "ValidationException");
  EXPECT_EQ(error.message, "KMS Encrypt failed: bad");
}

TEST(AwsErrorParseTest, RestJsonCodeFromHeader) {
  Error error = ParseAwsError(
      Response(401, R"({"message":"Session token not found or invalid"})",
               {{"x-amzn-ErrorType", "UnauthorizedException:http://internal.amazon.com/"},
                {"x-amzn-RequestId", "abc"}}),
      "SSO", "GetRoleCredentials");
  EXPECT_EQ(error.code, "UnauthorizedException");
  EXPECT_EQ(error.message, "SSO GetRoleCredentials failed: Session token not found or invalid");
  EXPECT_EQ(error.request_id, "abc");
  EXPECT_EQ(error.exit_code, ExitCode::kLoginNeeded);
}

TEST(AwsErrorParseTest, RestXmlS3Error) {
  Error error = ParseAwsError(
      Response(404,
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchBucket</Code>"
               "<Message>The specified bucket does not exist</Message><BucketName>b</BucketName>"
               "<RequestId>R1</RequestId><HostId>H</HostId></Error>",
               {{"x-amz-request-id", "R2"}}),
      "S3", "GetBucketPolicy");
  EXPECT_EQ(error.code, "NoSuchBucket");
  EXPECT_EQ(error.message, "S3 GetBucketPolicy failed: The specified bucket does not exist");
  EXPECT_EQ(error.request_id, "R2");  // the header wins over the body
}

TEST(AwsErrorParseTest, RequestIdFromBodyWhenNoHeader) {
  Error error = ParseAwsError(
      Response(404, "<Error><Code>NoSuchKey</Code><Message>m</Message><RequestId>R1</RequestId></Error>"),
      "S3", "GetObject");
  EXPECT_EQ(error.request_id, "R1");
}

TEST(AwsErrorParseTest, HtmlPageOfMissingOperation) {
  Error error = ParseAwsError(
      Response(500,
               "<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n"
               "<h1>Internal Server Error</h1>\n<p>The server encountered an internal error.</p>\n"),
      "IAM", "GetAccountSummary");
  EXPECT_EQ(error.code, "InternalFailure");
  EXPECT_EQ(error.message,
            "IAM GetAccountSummary failed: the endpoint answered HTTP 500 with an HTML page "
            "instead of an AWS error; the service (or the emulator standing in for it) probably "
            "does not implement this operation");
  EXPECT_EQ(error.http_status, 500);
}

TEST(AwsErrorParseTest, Html501IsNotImplemented) {
  Error error = ParseAwsError(Response(501, "<html><body>nope</body></html>"), "S3", "X");
  EXPECT_EQ(error.code, "NotImplemented");
}

TEST(AwsErrorParseTest, EmptyBodyTakesCodeFromStatus) {
  Error error = ParseAwsError(Response(503, ""), "STS", "AssumeRole");
  EXPECT_EQ(error.code, "HTTP503");
  EXPECT_EQ(error.message, "STS AssumeRole failed: HTTP 503 with an empty body");
  EXPECT_EQ(error.http_status, 503);
}

TEST(AwsErrorParseTest, TruncatedXmlTakesCodeFromStatus) {
  Error error = ParseAwsError(Response(400, "<ErrorResponse><Error><Code>Throttl"), "IAM", "ListRoles");
  EXPECT_EQ(error.code, "HTTP400");
  EXPECT_EQ(error.message,
            "IAM ListRoles failed: HTTP 400 with a body that is not an AWS error: "
            "\"<ErrorResponse><Error><Code>Throttl\"");
}

TEST(AwsErrorParseTest, TruncatedJsonFallsBackToHeader) {
  Error error = ParseAwsError(Response(400, R"({"__type":"Thrott)", {{"x-amzn-ErrorType", "ThrottlingException"}}),
                              "Organizations", "ListAccounts");
  EXPECT_EQ(error.code, "ThrottlingException");
  EXPECT_EQ(error.message, "Organizations ListAccounts failed: the service gave no explanation");
}

TEST(AwsErrorParseTest, GarbageIsExcerptedPrintably) {
  std::string garbage = std::string("\x01\x02zz", 4) + std::string(100, 'a');
  Error error = ParseAwsError(Response(502, garbage), "IAM", "GetRole");
  EXPECT_EQ(error.code, "HTTP502");
  EXPECT_EQ(error.message, "IAM GetRole failed: HTTP 502 with a body that is not an AWS error: \"??zz" +
                               std::string(76, 'a') + "...\"");
}

TEST(AwsErrorParseTest, JsonWithoutCodeOrHeader) {
  Error error = ParseAwsError(Response(400, R"({"message":"something"})"), "KMS", "Decrypt");
  EXPECT_EQ(error.code, "HTTP400");
}

TEST(AwsErrorParseTest, ExpiredTokenNeedsLogin) {
  Error error = ParseAwsError(
      Response(403, "<ErrorResponse><Error><Code>ExpiredToken</Code><Message>The security token "
                    "included in the request is expired</Message></Error></ErrorResponse>"),
      "STS", "GetCallerIdentity");
  EXPECT_EQ(error.exit_code, ExitCode::kLoginNeeded);
}

TEST(AwsErrorParseTest, NormalizeErrorType) {
  EXPECT_EQ(NormalizeErrorType("com.amazon.coral#AccessDeniedException:http://internal/"),
            "AccessDeniedException");
  EXPECT_EQ(NormalizeErrorType("AccessDeniedException"), "AccessDeniedException");
  EXPECT_EQ(NormalizeErrorType("ns#Code"), "Code");
  EXPECT_EQ(NormalizeErrorType(""), "");
}

TEST(AwsErrorParseTest, IsErrorResponse) {
  EXPECT_FALSE(IsErrorResponse(Response(200, "")));
  EXPECT_FALSE(IsErrorResponse(Response(204, "")));
  EXPECT_TRUE(IsErrorResponse(Response(301, "")));
  EXPECT_TRUE(IsErrorResponse(Response(400, "")));
  EXPECT_TRUE(IsErrorResponse(Response(0, "")));
}

}  // namespace
}  // namespace foyer::aws
