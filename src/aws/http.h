// The HTTP messages foyer exchanges with AWS, and the transport interface.
//
// Header names are compared case-insensitively; the order headers were added
// in is kept (it matters for nothing on the wire, but keeps logs readable).
#ifndef FOYER_AWS_HTTP_H_
#define FOYER_AWS_HTTP_H_

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"

namespace foyer::aws {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// Returns the value of the first header named `name` (case-insensitive),
// or an empty string.
std::string FindHeader(const HeaderList& headers, std::string_view name);
// Replaces every header named `name` (case-insensitive) by one with `value`.
void SetHeader(HeaderList& headers, std::string_view name, std::string value);
// Removes every header named `name` (case-insensitive).
void RemoveHeader(HeaderList& headers, std::string_view name);

struct HttpRequest {
  std::string method = "GET";
  // Absolute URL: scheme, host[:port], path and query, already percent-encoded
  // the way it goes on the wire ("https://sts.amazonaws.com/?Action=...").
  std::string url;
  HeaderList headers;
  std::string body;

  std::string Header(std::string_view name) const { return FindHeader(headers, name); }
};

struct HttpResponse {
  int status = 0;
  HeaderList headers;
  std::string body;

  std::string Header(std::string_view name) const { return FindHeader(headers, name); }
};

struct HttpOptions {
  std::chrono::milliseconds connect_timeout{3100};
  std::chrono::milliseconds total_timeout{60000};
};

// Sends one request and returns the response, whatever its status. Fails
// only when no response arrived; the Error's code then says why:
// "ConnectionError" (refused, reset, DNS), "Timeout", "TlsError",
// "InsecureEndpoint" (plain http to a host that is not loopback).
class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  virtual Result<HttpResponse> Send(const HttpRequest& request, const HttpOptions& options) = 0;
};

}  // namespace foyer::aws

#endif  // FOYER_AWS_HTTP_H_
