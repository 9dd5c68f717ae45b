#include "aws/log_redaction.h"

#include <gtest/gtest.h>

namespace foyer::aws {
namespace {

TEST(RedactTest, AwsAuthorizationKeepsAllButTheSignature) {
  EXPECT_EQ(RedactHeaderValue("Authorization",
                              "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                              "SignedHeaders=host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb"),
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
            "SignedHeaders=host;x-amz-date, Signature=<redacted>");
  EXPECT_EQ(RedactHeaderValue("authorization", "AWS4-HMAC-SHA256 Signature=abc, Extra=1"),
            "AWS4-HMAC-SHA256 Signature=<redacted>, Extra=1");
}

TEST(RedactTest, OtherAuthorizationSchemesLoseTheirCredential) {
  EXPECT_EQ(RedactHeaderValue("Authorization", "Bearer eyJhbGciOi.x.y"), "Bearer <redacted>");
  EXPECT_EQ(RedactHeaderValue("Authorization", "opaque-token"), "<redacted>");
  EXPECT_EQ(RedactHeaderValue("Proxy-Authorization", "Basic dXNlcjpwYXNz"), "Basic <redacted>");
}

TEST(RedactTest, TokenHeadersAndCookies) {
  EXPECT_EQ(RedactHeaderValue("X-Amz-Security-Token", "FwoGZXIvYXdzEJr"), "<redacted>");
  EXPECT_EQ(RedactHeaderValue("x-amz-sso_bearer_token", "aoaAAAAA"), "<redacted>");
  EXPECT_EQ(RedactHeaderValue("Cookie", "session=1"), "<redacted>");
  EXPECT_EQ(RedactHeaderValue("Set-Cookie", "aws-creds=2"), "<redacted>");
  EXPECT_EQ(RedactHeaderValue("X-Amz-Date", "20150830T123600Z"), "20150830T123600Z");
  EXPECT_EQ(RedactHeaderValue("Content-Type", "application/x-amz-json-1.1"), "application/x-amz-json-1.1");
}

TEST(RedactTest, FormFields) {
  EXPECT_EQ(RedactFormFields("Action=AssumeRoleWithWebIdentity&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fx"
                             "&WebIdentityToken=eyJ.eyJ.sig&Version=2011-06-15"),
            "Action=AssumeRoleWithWebIdentity&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fx"
            "&WebIdentityToken=<redacted>&Version=2011-06-15");
  EXPECT_EQ(RedactFormFields("SAMLAssertion=PHNhbWw%2B&TokenCode=123456&SerialNumber=arn"),
            "SAMLAssertion=<redacted>&TokenCode=<redacted>&SerialNumber=arn");
  EXPECT_EQ(RedactFormFields("grant_type=authorization_code&code=abc&code_verifier=xyz&client_secret=s"),
            "grant_type=authorization_code&code=<redacted>&code_verifier=<redacted>&client_secret=<redacted>");
  EXPECT_EQ(RedactFormFields("Password=hunter2&UserName=alice"), "Password=<redacted>&UserName=alice");
  // Percent-encoded names are still recognized.
  EXPECT_EQ(RedactFormFields("Web%49dentityToken=t"), "Web%49dentityToken=<redacted>");
  EXPECT_EQ(RedactFormFields("novalue&=x&&Token="), "novalue&=x&&Token=<redacted>");
}

TEST(RedactTest, PresignedUrl) {
  EXPECT_EQ(RedactUrl("https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                      "&X-Amz-Credential=AKID%2F20150830%2Fus-east-1%2Fs3%2Faws4_request"
                      "&X-Amz-Security-Token=FwoG&X-Amz-Signature=deadbeef#frag"),
            "https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256"
            "&X-Amz-Credential=AKID%2F20150830%2Fus-east-1%2Fs3%2Faws4_request"
            "&X-Amz-Security-Token=<redacted>&X-Amz-Signature=<redacted>#frag");
  EXPECT_EQ(RedactUrl("https://signin.aws.amazon.com/federation?Action=getSigninToken&Session=%7B%22sessionKey%22%7D"),
            "https://signin.aws.amazon.com/federation?Action=getSigninToken&Session=<redacted>");
  EXPECT_EQ(RedactUrl("https://sts.amazonaws.com/"), "https://sts.amazonaws.com/");
}

TEST(RedactTest, XmlCredentials) {
  EXPECT_EQ(RedactBody("<AssumeRoleResponse><AssumeRoleResult><Credentials>"
                       "<AccessKeyId>ASIAEXAMPLE</AccessKeyId>"
                       "<SecretAccessKey>wJalrXUtnFEMI/K7MDENG</SecretAccessKey>"
                       "<SessionToken>FwoGZXIvYXdz</SessionToken>"
                       "<Expiration>2026-11-27T23:00:00Z</Expiration>"
                       "</Credentials></AssumeRoleResult></AssumeRoleResponse>"),
            "<AssumeRoleResponse><AssumeRoleResult><Credentials>"
            "<AccessKeyId>ASIAEXAMPLE</AccessKeyId>"
            "<SecretAccessKey><redacted></SecretAccessKey>"
            "<SessionToken><redacted></SessionToken>"
            "<Expiration>2026-11-27T23:00:00Z</Expiration>"
            "</Credentials></AssumeRoleResult></AssumeRoleResponse>");
}

TEST(RedactTest, XmlKeepsErrorCodesAndEmptyElements) {
  EXPECT_EQ(RedactBody("<?xml version=\"1.0\"?>\n<ErrorResponse><Error><Code>AccessDenied</Code>"
                       "<Message>no</Message></Error></ErrorResponse>"),
            "<?xml version=\"1.0\"?>\n<ErrorResponse><Error><Code>AccessDenied</Code>"
            "<Message>no</Message></Error></ErrorResponse>");
  EXPECT_EQ(RedactBody("<x><SessionToken/><Password></Password><ns:Token a=\"1\">t</ns:Token></x>"),
            "<x><SessionToken/><Password></Password><ns:Token a=\"1\"><redacted></ns:Token></x>");
}

TEST(RedactTest, JsonFieldsAnyCase) {
  EXPECT_EQ(RedactBody("{\"roleCredentials\": {\"accessKeyId\": \"ASIA\", \"secretAccessKey\": \"s\\\"e\\\\c\","
                       " \"sessionToken\" : \"tok\", \"expiration\": 1700000000000}}"),
            "{\"roleCredentials\": {\"accessKeyId\": \"ASIA\", \"secretAccessKey\": \"<redacted>\","
            " \"sessionToken\" : \"<redacted>\", \"expiration\": 1700000000000}}");
  EXPECT_EQ(RedactBody("{\"accessToken\":\"a\",\"refreshToken\":\"r\",\"idToken\":\"i\",\"clientSecret\":\"c\","
                       "\"tokenType\":\"Bearer\",\"expiresIn\":3600}"),
            "{\"accessToken\":\"<redacted>\",\"refreshToken\":\"<redacted>\",\"idToken\":\"<redacted>\","
            "\"clientSecret\":\"<redacted>\",\"tokenType\":\"Bearer\",\"expiresIn\":3600}");
  EXPECT_EQ(RedactBody("[{\"id_token\":\"x\",\"Plaintext\":\"AQID\",\"KeyId\":\"k\"}]"),
            "[{\"id_token\":\"<redacted>\",\"Plaintext\":\"<redacted>\",\"KeyId\":\"k\"}]");
}

TEST(RedactTest, TruncatedJsonLosesTheSecretTail) {
  EXPECT_EQ(RedactBody("{\"SessionToken\": \"FwoGZXIvYXdzEJr"), "{\"SessionToken\": \"<redacted>\"");
}

TEST(RedactTest, WholeRequest) {
  HttpRequest request;
  request.method = "POST";
  request.url = "https://sts.us-east-1.amazonaws.com/";
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"},
                     {"X-Amz-Security-Token", "FwoGZXIvYXdz"},
                     {"Authorization", "AWS4-HMAC-SHA256 Credential=ASIA/x, SignedHeaders=host, Signature=ab12"}};
  request.body = "Action=GetSessionToken&TokenCode=123456&Version=2011-06-15";
  EXPECT_EQ(RedactForLog(request),
            "POST https://sts.us-east-1.amazonaws.com/\n"
            "Content-Type: application/x-www-form-urlencoded; charset=utf-8\n"
            "X-Amz-Security-Token: <redacted>\n"
            "Authorization: AWS4-HMAC-SHA256 Credential=ASIA/x, SignedHeaders=host, Signature=<redacted>\n"
            "\n"
            "Action=GetSessionToken&TokenCode=<redacted>&Version=2011-06-15\n");
}

TEST(RedactTest, WholeResponseWithoutBody) {
  HttpResponse response;
  response.status = 204;
  response.headers = {{"x-amzn-RequestId", "abc-123"}};
  EXPECT_EQ(RedactForLog(response), "HTTP 204\nx-amzn-RequestId: abc-123\n");
}

TEST(RedactTest, BinaryBodiesAreSummarized) {
  HttpResponse response;
  response.status = 200;
  response.body = std::string("\x89PNG\r\n\x1a\n\0\0", 10);
  EXPECT_EQ(RedactForLog(response), "HTTP 200\n\n<10 bytes of binary data>\n");
}

TEST(RedactTest, LongBodiesAreCutAfterRedaction) {
  HttpResponse response;
  response.status = 200;
  response.body = "{\"SessionToken\":\"" + std::string(kMaxLoggedBody, 't') + "\",\"x\":\"" +
                  std::string(kMaxLoggedBody, 'y') + "\"}";
  std::string logged = RedactForLog(response);
  std::string redacted_body =
      "{\"SessionToken\":\"<redacted>\",\"x\":\"" + std::string(kMaxLoggedBody, 'y') + "\"}";
  size_t more = redacted_body.size() - kMaxLoggedBody;
  EXPECT_EQ(logged, "HTTP 200\n\n" + redacted_body.substr(0, kMaxLoggedBody) + "\n... (" +
                        std::to_string(more) + " more bytes)\n");
}

}  // namespace
}  // namespace foyer::aws
