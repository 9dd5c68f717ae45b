// AWS Signature Version 4: signing requests in headers, and presigned URLs.
//
// Follows the SigV4 specification as botocore implements it (botocore's
// SigV4Auth / S3SigV4Auth / SigV4QueryAuth / S3SigV4QueryAuth are the
// reference, and a differential test in tests/oracle holds us to them byte
// for byte). Where botocore departs from the letter of the specification we
// follow botocore, because every AWS service accepts what botocore sends:
//   - the canonical query string is built from the query as it appears in
//     the URL (split on '&', sorted by name then value), not re-encoded, so
//     callers must percent-encode names and values with UriEncode;
//   - the canonical URI of non-S3 services is the path with dot segments and
//     empty segments removed, then percent-encoded once more ('%' -> '%25');
//   - a request that carries a Date header has it rewritten to the signing
//     time instead of getting X-Amz-Date.
#ifndef FOYER_AWS_SIGV4_H_
#define FOYER_AWS_SIGV4_H_

#include <chrono>
#include <string>
#include <string_view>

#include "aws/credentials.h"
#include "aws/http.h"

namespace foyer::aws {

struct SigningParams {
  std::string region;   // credential scope region ("us-east-1")
  std::string service;  // signing name ("sts", "s3", "execute-api", "awsssoportal"...)
  Clock::time_point time;  // fractions of a second are ignored
  // The payload hash is the literal UNSIGNED-PAYLOAD. Header signing then
  // also sends it as X-Amz-Content-SHA256 (as botocore does); presigned S3
  // URLs always want this.
  bool unsigned_payload = false;
  // false (S3): the canonical URI is the path exactly as sent, neither
  // normalised nor encoded a second time. true (every other service): empty
  // and dot segments are removed and each character outside
  // [A-Za-z0-9-._~/] is percent-encoded again.
  bool double_encode_path = true;
  // S3 (and S3-like services): send the x-amz-content-sha256 header.
  bool add_content_sha256_header = false;
};

// The intermediate strings of one signature, for tests and debug logs. They
// hold no secret (the derived key is not kept).
struct SigningTrace {
  std::string canonical_request;
  std::string string_to_sign;
  std::string signature;
};

// Signs `request` in place: removes any old Authorization, adds Host (from
// the URL, when absent: lower-case, port only when not the scheme's
// default), X-Amz-Date (or rewrites Date when present),
// X-Amz-Security-Token (when the credentials have a session token),
// x-amz-content-sha256 (when asked) and Authorization. Every header is
// signed except the hop-by-hop ones and those proxies rewrite (connection,
// expect, keep-alive, proxy-authenticate, proxy-authorization, te, trailer,
// transfer-encoding, upgrade, user-agent, x-amzn-trace-id). The payload hash
// is the X-Amz-Content-SHA256 header when the request has one.
// `trace`, when not null, receives the intermediate strings.
// REQUIRES: request.url is absolute.
void SignRequest(HttpRequest& request, const Credentials& credentials, const SigningParams& params,
                 SigningTrace* trace = nullptr);

// Returns request.url with the operation's query parameters re-encoded
// (decoded first, '+' read as a space), followed by X-Amz-Algorithm,
// -Credential, -Date, -Expires, -SignedHeaders, -Security-Token (when the
// credentials have a session token) and finally X-Amz-Signature: a URL that
// anyone holding it can use until `expires` has passed. The request's
// headers are signed (they must be sent with the URL), except a
// Content-Type of exactly "application/x-www-form-urlencoded; charset=utf-8",
// which botocore drops. The body is not carried by the URL; its hash is
// signed unless params.unsigned_payload.
// REQUIRES: request.url is absolute; 1 s <= expires <= 7 days (AWS refuses
// longer).
std::string PresignUrl(const HttpRequest& request, const Credentials& credentials,
                       const SigningParams& params, std::chrono::seconds expires,
                       SigningTrace* trace = nullptr);

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
