#include "aws/sigv4.h"

#include <gtest/gtest.h>

namespace foyer::aws {
namespace {

// The credentials and time of the AWS SigV4 test suite; expected values were
// computed with botocore's signers and, where the suite has the same case
// (get-vanilla, post-x-www-form-urlencoded), agree with it.
Credentials SuiteCredentials(std::string token = "") {
  Credentials credentials;
  credentials.access_key_id = "AKIDEXAMPLE";
  credentials.secret_access_key = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  credentials.session_token = std::move(token);
  return credentials;
}

SigningParams SuiteParams(std::string service = "service") {
  SigningParams params;
  params.region = "us-east-1";
  params.service = std::move(service);
  params.time = Clock::from_time_t(1440938160);  // 2015-08-30T12:36:00Z
  return params;
}

HttpRequest Get(std::string url) {
  HttpRequest request;
  request.method = "GET";
  request.url = std::move(url);
  return request;
}

constexpr const char* kEmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

std::string SignatureOf(HttpRequest request, const SigningParams& params = SuiteParams(),
                        const Credentials& credentials = SuiteCredentials()) {
  SigningTrace trace;
  SignRequest(request, credentials, params, &trace);
  return trace.signature;
}

TEST(Sigv4Test, Sha256HexOfEmptyAndText) {
  EXPECT_EQ(Sha256Hex(""), kEmptyHash);
  EXPECT_EQ(Sha256Hex("hello"), "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
}

TEST(Sigv4Test, HmacSha256MatchesRfc4231Case2) {
  std::string mac = HmacSha256("Jefe", "what do ya want for nothing?");
  ASSERT_EQ(mac.size(), 32u);
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char byte : mac) hex += std::string{kDigits[byte >> 4], kDigits[byte & 15]};
  EXPECT_EQ(hex, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(Sigv4Test, UriEncodeKeepsOnlyUnreservedCharacters) {
  EXPECT_EQ(UriEncode("AZaz09-_.~"), "AZaz09-_.~");
  EXPECT_EQ(UriEncode("a b+c/d=e&f%"), "a%20b%2Bc%2Fd%3De%26f%25");
  EXPECT_EQ(UriEncode("a b/c", /*encode_slash=*/false), "a%20b/c");
  EXPECT_EQ(UriEncode("\xe1\x88\xb4"), "%E1%88%B4");
  EXPECT_EQ(UriEncode(std::string("\0\xff", 2)), "%00%FF");
}

TEST(Sigv4Test, AmzDateIsUtcAndDropsFractions) {
  EXPECT_EQ(AmzDate(Clock::from_time_t(1440938160) + std::chrono::milliseconds(999)), "20150830T123600Z");
  EXPECT_EQ(AmzDate(Clock::from_time_t(0)), "19700101T000000Z");
}

TEST(Sigv4Test, GetVanilla) {
  HttpRequest request = Get("https://example.amazonaws.com/");
  SigningTrace trace;
  SignRequest(request, SuiteCredentials(), SuiteParams(), &trace);
  EXPECT_EQ(trace.canonical_request,
            std::string("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\n"
                        "host;x-amz-date\n") + kEmptyHash);
  EXPECT_EQ(trace.string_to_sign,
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n" +
                Sha256Hex(trace.canonical_request));
  EXPECT_EQ(request.Header("Authorization"),
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            "SignedHeaders=host;x-amz-date, "
            "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
  EXPECT_EQ(request.Header("X-Amz-Date"), "20150830T123600Z");
  EXPECT_EQ(request.Header("Host"), "example.amazonaws.com");
  EXPECT_EQ(request.Header("X-Amz-Security-Token"), "");
}

TEST(Sigv4Test, PostFormUrlencoded) {
  HttpRequest request;
  request.method = "POST";
  request.url = "https://example.amazonaws.com/";
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
  request.body = "Param1=value1";
  EXPECT_EQ(SignatureOf(request), "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a");
}

TEST(Sigv4Test, QueryIsSortedByNameThenValue) {
  EXPECT_EQ(SignatureOf(Get("https://example.amazonaws.com/?Param2=value2&Param1=value1")),
            "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
  // Upper case sorts before lower case: byte order, not dictionary order.
  EXPECT_EQ(SignatureOf(Get("https://example.amazonaws.com/?Param1=value2&Param1=Value1")),
            "eedbc4e291e521cf13422ffca22be7d2eb8146eecf653089df300a15b2382bd1");
}

TEST(Sigv4Test, QueryWithEmptyNamesAndValues) {
  HttpRequest request = Get("https://example.amazonaws.com/?a=&b&=c&a=~x%20y");
  SigningTrace trace;
  SignRequest(request, SuiteCredentials(), SuiteParams(), &trace);
  EXPECT_EQ(trace.canonical_request.substr(0, trace.canonical_request.find("\nhost")),
            "GET\n/\n=c&a=&a=~x%20y&b=");
  EXPECT_EQ(trace.signature, "63805f503d8cb084937e229bf2bb6567cafe9558d1ebbacbc28d3f641c86e1ad");
}

TEST(Sigv4Test, PathIsNormalizedAndEncodedAgainOutsideS3) {
  EXPECT_EQ(SignatureOf(Get("https://example.amazonaws.com/example1/example2/../..")),
            "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
  EXPECT_EQ(SignatureOf(Get("https://example.amazonaws.com/example//example/")),
            "7626cb5bf3014a737f6e95ccf5514c3156638dd01516482ed3cdde42d1d67f85");
  HttpRequest unicode = Get("https://example.amazonaws.com/%E1%88%B4");
  SigningTrace trace;
  SignRequest(unicode, SuiteCredentials(), SuiteParams(), &trace);
  EXPECT_TRUE(trace.canonical_request.starts_with("GET\n/%25E1%2588%25B4\n")) << trace.canonical_request;
  EXPECT_EQ(trace.signature, "697b34846207a3f72246f99d74ae1ee4fe54f44bb06730c58a0d339eb079596d");
  EXPECT_EQ(SignatureOf(Get("https://example.amazonaws.com/a%20b/c")),
            "38716947ba65b7b62d1fac41d2244cf69dad6f76e6fa83456331ce9315514e6f");
}

TEST(Sigv4Test, S3PathIsSignedAsSent) {
  HttpRequest request = Get("https://example.amazonaws.com/a%20b//c/../d");
  SigningParams params = SuiteParams();
  params.double_encode_path = false;
  params.add_content_sha256_header = true;
  SigningTrace trace;
  SignRequest(request, SuiteCredentials(), params, &trace);
  EXPECT_TRUE(trace.canonical_request.starts_with("GET\n/a%20b//c/../d\n\n")) << trace.canonical_request;
  EXPECT_EQ(trace.signature, "df824f6b0b62216843a32ceacd91488b152694192c172477372e9ea46b05a6f6");
  EXPECT_EQ(request.Header("x-amz-content-sha256"), kEmptyHash);
}

TEST(Sigv4Test, HeadersAreTrimmedJoinedAndFiltered) {
  HttpRequest request = Get("https://example.amazonaws.com/");
  request.headers = {{"My-Header1", "  value1   with   spaces "}, {"my-header1", "second"},
                     {"User-Agent", "x"}, {"X-Amzn-Trace-Id", "y"}, {"Expect", "100-continue"}};
  SigningTrace trace;
  SignRequest(request, SuiteCredentials(), SuiteParams(), &trace);
  EXPECT_EQ(trace.canonical_request,
            std::string("GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value1 with spaces,second\n"
                        "x-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\n") + kEmptyHash);
  EXPECT_EQ(trace.signature, "6dccc2e27460bee4b0b9fad6ac8d263303a63fefd329047be61e7cccfea7bbe7");
  // The unsigned headers are still sent.
  EXPECT_EQ(request.Header("User-Agent"), "x");
}

TEST(Sigv4Test, SessionTokenIsSentAndSigned) {
  HttpRequest request = Get("https://sts.us-east-1.amazonaws.com/");
  EXPECT_EQ(SignatureOf(request, SuiteParams("sts"), SuiteCredentials("TOKEN/with+chars=")),
            "e8ac7b001165131c4c55c882bd2221ea1824d45f2c77fd0e8a08e11fdd7b87f0");
  SignRequest(request, SuiteCredentials("TOKEN/with+chars="), SuiteParams("sts"));
  EXPECT_EQ(request.Header("X-Amz-Security-Token"), "TOKEN/with+chars=");
  EXPECT_NE(request.Header("Authorization").find("SignedHeaders=host;x-amz-date;x-amz-security-token,"),
            std::string::npos);
}

TEST(Sigv4Test, S3PayloadHashOnNonDefaultPort) {
  HttpRequest request;
  request.method = "PUT";
  request.url = "http://127.0.0.1:5000/bucket/key%20name";
  request.body = "hello";
  SigningParams params = SuiteParams("s3");
  params.double_encode_path = false;
  params.add_content_sha256_header = true;
  SignRequest(request, SuiteCredentials(), params);
  EXPECT_EQ(request.Header("Host"), "127.0.0.1:5000");
  EXPECT_EQ(request.Header("X-Amz-Content-SHA256"), Sha256Hex("hello"));
  EXPECT_EQ(request.Header("Authorization"),
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/s3/aws4_request, "
            "SignedHeaders=host;x-amz-content-sha256;x-amz-date, "
            "Signature=a1bec3d54e3260bd5644789050b9a8fb14b349e6bcd2851d3256c2a43cf7dc48");
}

TEST(Sigv4Test, S3UnsignedPayloadAndDefaultPortDropped) {
  HttpRequest request;
  request.method = "PUT";
  request.url = "https://s3.us-east-1.amazonaws.com:443/bucket/key";
  request.body = "hello";
  SigningParams params = SuiteParams("s3");
  params.double_encode_path = false;
  params.add_content_sha256_header = true;
  params.unsigned_payload = true;
  EXPECT_EQ(SignatureOf(request, params), "d7ea045e145f9feb7e83e67609805d22c1e45d26fce847fb4aa349225c0ce99c");
  SignRequest(request, SuiteCredentials(), params);
  EXPECT_EQ(request.Header("Host"), "s3.us-east-1.amazonaws.com");
  EXPECT_EQ(request.Header("X-Amz-Content-SHA256"), "UNSIGNED-PAYLOAD");
}

TEST(Sigv4Test, DateHeaderIsRewrittenInsteadOfAddingXAmzDate) {
  HttpRequest request = Get("https://example.amazonaws.com/");
  request.headers = {{"Date", "whatever"}, {"X-Amz-Date", "stale"}};
  EXPECT_EQ(SignatureOf(request), "7680771e48fa28c7db272da980f990fa8ee39dee61905c4203f5da9d3d48ac86");
  SignRequest(request, SuiteCredentials(), SuiteParams());
  EXPECT_EQ(request.Header("Date"), "Sun, 30 Aug 2015 12:36:00 -0000");
  EXPECT_EQ(request.Header("X-Amz-Date"), "");
}

TEST(Sigv4Test, ResigningReplacesOldAuthorization) {
  HttpRequest request = Get("https://example.amazonaws.com/");
  SignRequest(request, SuiteCredentials(), SuiteParams());
  SigningParams later = SuiteParams();
  later.time += std::chrono::seconds(1);
  SignRequest(request, SuiteCredentials(), later);
  int authorizations = 0;
  for (const auto& [name, value] : request.headers) authorizations += name == "Authorization";
  EXPECT_EQ(authorizations, 1);
  EXPECT_EQ(request.Header("X-Amz-Date"), "20150830T123601Z");
  EXPECT_EQ(SignatureOf(Get("https://example.amazonaws.com/"), later),
            request.Header("Authorization").substr(request.Header("Authorization").find("Signature=") + 10));
}

// Negative: every input of the signature changes it.
TEST(Sigv4Test, SignatureChangesWithEveryInput) {
  const std::string base = SignatureOf(Get("https://example.amazonaws.com/"));
  SigningParams other_region = SuiteParams();
  other_region.region = "us-west-2";
  SigningParams other_service = SuiteParams("iam");
  Credentials other_secret = SuiteCredentials();
  other_secret.secret_access_key += "x";
  HttpRequest post = Get("https://example.amazonaws.com/");
  post.method = "POST";
  HttpRequest body = Get("https://example.amazonaws.com/");
  body.body = "x";
  EXPECT_NE(SignatureOf(Get("https://example.amazonaws.com/"), other_region), base);
  EXPECT_NE(SignatureOf(Get("https://example.amazonaws.com/"), other_service), base);
  EXPECT_NE(SignatureOf(Get("https://example.amazonaws.com/"), SuiteParams(), other_secret), base);
  EXPECT_NE(SignatureOf(post), base);
  EXPECT_NE(SignatureOf(body), base);
  EXPECT_NE(SignatureOf(Get("https://example.amazonaws.com/?a=b")), base);
  EXPECT_NE(SignatureOf(Get("https://example.amazonaws.com:8443/")), base);
}

TEST(Sigv4Test, PresignedUrlWithSessionToken) {
  HttpRequest request = Get("https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15");
  EXPECT_EQ(PresignUrl(request, SuiteCredentials("TOKEN/with+chars="), SuiteParams("sts"), std::chrono::seconds(60)),
            "https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15"
            "&X-Amz-Algorithm=AWS4-HMAC-SHA256"
            "&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fsts%2Faws4_request"
            "&X-Amz-Date=20150830T123600Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host"
            "&X-Amz-Security-Token=TOKEN%2Fwith%2Bchars%3D"
            "&X-Amz-Signature=48d54ec93f2afdd34064cb5989275dfb1c38828f2b680655053a33af65ba0d9c");
  // The request itself is left alone.
  EXPECT_TRUE(request.headers.empty());
}

TEST(Sigv4Test, PresignedS3UrlReencodesTheQuery) {
  HttpRequest request = Get("https://s3.us-east-1.amazonaws.com/bucket/my%20key?x-id=GetObject&a+b=c%2Bd");
  SigningParams params = SuiteParams("s3");
  params.double_encode_path = false;
  params.unsigned_payload = true;
  SigningTrace trace;
  EXPECT_EQ(PresignUrl(request, SuiteCredentials(), params, std::chrono::hours(1), &trace),
            "https://s3.us-east-1.amazonaws.com/bucket/my%20key?x-id=GetObject&a%20b=c%2Bd"
            "&X-Amz-Algorithm=AWS4-HMAC-SHA256"
            "&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fs3%2Faws4_request"
            "&X-Amz-Date=20150830T123600Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host"
            "&X-Amz-Signature=adae30c0aafe1a313c199d2ff2bef6219065a946b654ef106c941ee86bbe5f97");
  EXPECT_TRUE(trace.canonical_request.ends_with("\nhost\nUNSIGNED-PAYLOAD")) << trace.canonical_request;
}

// botocore keeps only the first value of a repeated name when presigning;
// foyer keeps them all, since dropping a parameter changes the request.
TEST(Sigv4Test, PresignKeepsRepeatedQueryNames) {
  HttpRequest request = Get("https://example.amazonaws.com/?a=2&a=1");
  std::string url = PresignUrl(request, SuiteCredentials(), SuiteParams(), std::chrono::seconds(60));
  EXPECT_TRUE(url.starts_with("https://example.amazonaws.com/?a=2&a=1&X-Amz-Algorithm=")) << url;
}

TEST(Sigv4Test, PresignSignsHeadersButDropsDefaultFormContentType) {
  HttpRequest request = Get("https://example.amazonaws.com/");
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}, {"X-Custom", "v"}};
  std::string url = PresignUrl(request, SuiteCredentials(), SuiteParams(), std::chrono::seconds(60));
  EXPECT_NE(url.find("&X-Amz-SignedHeaders=host%3Bx-custom&"), std::string::npos) << url;
}

}  // namespace
}  // namespace foyer::aws
