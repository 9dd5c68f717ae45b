// HttpTransport over libcurl.
//
// One instance keeps one curl easy handle (connection reuse across calls to
// the same host). Not thread-safe: give each thread its own instance.
// TLS is always verified. A plain http:// URL is refused (code
// "InsecureEndpoint") unless its host is a loopback address (127.0.0.0/8,
// ::1, localhost): emulators and test servers. A URL that is not http(s) at
// all fails with "InvalidEndpoint". Failures of the exchange itself are
// "ConnectionError", "Timeout" or "TlsError" (see HttpTransport).
// Proxies come from the environment as curl reads it: https_proxy or
// HTTPS_PROXY, http_proxy (curl ignores upper-case HTTP_PROXY on purpose),
// NO_PROXY; loopback URLs never go through a proxy. AWS_CA_BUNDLE, as the AWS
// SDKs read it, names the CA certificates to trust instead of the system's
// (for a TLS-inspecting corporate proxy); verification stays on.
// With FOYER_DEBUG=1 each request and response is logged to stderr, redacted
// by RedactForLog (log_redaction.h).
#ifndef FOYER_AWS_CURL_TRANSPORT_H_
#define FOYER_AWS_CURL_TRANSPORT_H_

#include <memory>

#include "aws/http.h"
#include "aws/log_redaction.h"

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

// True when `url`'s host, as curl reads it, is a loopback address
// (127.0.0.0/8, [::1]) or "localhost". Curl's own URL parser decides, so that
// what is checked is what gets connected to ("127.1" is 127.0.0.1,
// "127.0.0.1.example.com" is not loopback).
bool IsLoopbackUrl(std::string_view url);

}  // namespace foyer::aws

#endif  // FOYER_AWS_CURL_TRANSPORT_H_
