// HttpTransport over libcurl.
//
// One instance keeps one curl easy handle (connection reuse across calls to
// the same host). Not thread-safe: give each thread its own instance.
// TLS is always verified. A plain http:// URL is refused unless its host is a
// loopback address (127.0.0.0/8, ::1, localhost): emulators and test servers.
// Proxies come from the environment (HTTPS_PROXY, HTTP_PROXY, NO_PROXY), as
// curl reads them. With FOYER_DEBUG=1 each request and response is logged to
// stderr with secrets, tokens and signatures redacted.
#ifndef FOYER_AWS_CURL_TRANSPORT_H_
#define FOYER_AWS_CURL_TRANSPORT_H_

#include <memory>

#include "aws/http.h"

namespace foyer::aws {

class CurlTransport : public HttpTransport {
 public:
  CurlTransport();
  ~CurlTransport() override;
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  Result<HttpResponse> Send(const HttpRequest& request, const HttpOptions& options) override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// True when `url`'s host is a loopback address or "localhost".
bool IsLoopbackUrl(std::string_view url);

// The text of a request or response fit for a debug log: Authorization
// signatures, X-Amz-Security-Token, secrets and tokens in bodies and query
// strings are replaced by "<redacted>".
std::string RedactForLog(const HttpRequest& request);
std::string RedactForLog(const HttpResponse& response);

}  // namespace foyer::aws

#endif  // FOYER_AWS_CURL_TRANSPORT_H_
