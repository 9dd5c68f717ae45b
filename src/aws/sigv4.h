// AWS Signature Version 4: signing requests in headers, and presigned URLs.
//
// Follows the SigV4 specification as botocore implements it (botocore's
// SigV4Auth / S3SigV4Auth / SigV4QueryAuth are the reference, and a
// differential test in tests/oracle holds us to them).
#ifndef FOYER_AWS_SIGV4_H_
#define FOYER_AWS_SIGV4_H_

#include <chrono>
#include <string>

#include "aws/credentials.h"
#include "aws/http.h"

namespace foyer::aws {

struct SigningParams {
  std::string region;   // credential scope region ("us-east-1")
  std::string service;  // signing name ("sts", "s3", "execute-api", "awsssoportal"...)
  Clock::time_point time;
  // S3: the payload hash is the literal UNSIGNED-PAYLOAD.
  bool unsigned_payload = false;
  // S3: the canonical URI is the path as sent, not encoded a second time.
  // Every other service encodes each path segment again.
  bool double_encode_path = true;
  // S3 (and S3-like services): send the x-amz-content-sha256 header.
  bool add_content_sha256_header = false;
};

// Signs `request` in place: adds Host (from the URL, when absent), X-Amz-Date,
// X-Amz-Security-Token (when the credentials have a session token),
// x-amz-content-sha256 (when asked) and Authorization.
// REQUIRES: request.url is absolute.
void SignRequest(HttpRequest& request, const Credentials& credentials, const SigningParams& params);

// Returns request.url with the X-Amz-Algorithm, -Credential, -Date, -Expires,
// -SignedHeaders, -Security-Token and -Signature query parameters added, as a
// presigned URL valid for `expires` (at most 7 days).
std::string PresignUrl(const HttpRequest& request, const Credentials& credentials,
                       const SigningParams& params, std::chrono::seconds expires);

// Building blocks, exposed for tests and for callers that need them.
std::string Sha256Hex(std::string_view data);
std::string HmacSha256(std::string_view key, std::string_view data);  // raw bytes
// RFC 3986 unreserved characters stay; everything else becomes %XX (upper case).
// With encode_slash false, '/' stays too.
std::string UriEncode(std::string_view text, bool encode_slash = true);
// "20150830T123600Z"
std::string AmzDate(Clock::time_point time);

}  // namespace foyer::aws

#endif  // FOYER_AWS_SIGV4_H_
