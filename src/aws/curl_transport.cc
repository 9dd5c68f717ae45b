#include "aws/curl_transport.h"

#include <arpa/inet.h>
#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace foyer::aws {
namespace {

// curl_global_init is not thread-safe and must run once before any handle
// exists; call_once makes the first transport of any thread do it.
CURLcode GlobalInitOnce() {
  static std::once_flag once;
  static CURLcode result = CURLE_OK;
  std::call_once(once, [] { result = curl_global_init(CURL_GLOBAL_DEFAULT); });
  return result;
}

// A parsed URL, owned.
struct ParsedUrl {
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> handle{curl_url(), &curl_url_cleanup};

  std::string Part(CURLUPart part) const {
    char* text = nullptr;
    if (curl_url_get(handle.get(), part, &text, 0) != CURLUE_OK || text == nullptr) return "";
    std::string value(text);
    curl_free(text);
    return value;
  }
};

std::optional<ParsedUrl> ParseUrl(std::string_view url) {
  ParsedUrl parsed;
  if (!parsed.handle) return std::nullopt;
  if (curl_url_set(parsed.handle.get(), CURLUPART_URL, std::string(url).c_str(), 0) != CURLUE_OK) {
    return std::nullopt;
  }
  return parsed;
}

bool IsLoopbackHost(std::string host) {
  std::transform(host.begin(), host.end(), host.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (host == "localhost") return true;
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    std::string address = host.substr(1, host.size() - 2);
    in6_addr v6{};
    return inet_pton(AF_INET6, address.c_str(), &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
  }
  in_addr v4{};
  return inet_pton(AF_INET, host.c_str(), &v4) == 1 && (ntohl(v4.s_addr) >> 24) == 127;
}

// "https://sts.amazonaws.com" for messages: never the path or the query,
// which may carry a presigned signature.
std::string OriginOf(const ParsedUrl& url) {
  std::string origin = url.Part(CURLUPART_SCHEME) + "://" + url.Part(CURLUPART_HOST);
  std::string port = url.Part(CURLUPART_PORT);
  return port.empty() ? origin : origin + ":" + port;
}

std::string EnvironmentValue(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? "" : value;
}

size_t AppendBody(char* data, size_t size, size_t count, void* body) {
  static_cast<std::string*>(body)->append(data, size * count);
  return size * count;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

// Called once per header line. A status line starts a new response (after
// "100 Continue", or a proxy's answer to CONNECT): only the last one counts.
size_t AppendHeader(char* data, size_t size, size_t count, void* headers_ptr) {
  auto* headers = static_cast<HeaderList*>(headers_ptr);
  std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) {
    headers->clear();
  } else if (size_t colon = line.find(':'); colon != std::string_view::npos) {
    headers->emplace_back(std::string(Trim(line.substr(0, colon))),
                          std::string(Trim(line.substr(colon + 1))));
  }
  return size * count;
}

// The request headers as curl wants them, and suppression of the ones curl
// would add on its own: "Expect: 100-continue" (a round trip for nothing)
// and a form Content-Type nobody asked for.
curl_slist* HeaderListFor(const HttpRequest& request) {
  curl_slist* list = nullptr;
  auto add = [&list](const std::string& line) { list = curl_slist_append(list, line.c_str()); };
  for (const auto& [name, value] : request.headers) {
    // "Name;" is curl's way to send a header with an empty value.
    add(value.empty() ? name + ";" : name + ": " + value);
  }
  add("Expect:");
  if (request.Header("Content-Type").empty()) add("Content-Type:");
  return list;
}

void SetMethodAndBody(CURL* curl, const HttpRequest& request) {
  if (request.method == "GET" && request.body.empty()) {
    curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    return;
  }
  if (request.method == "HEAD") {
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    return;
  }
  if (request.method != "POST") curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  bool has_body = !request.body.empty() || request.method == "POST" || request.method == "PUT";
  if (has_body) {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
  }
}

Error TransportError(CURLcode code, const std::string& detail, const std::string& origin,
                     const HttpOptions& options) {
  std::string what = detail.empty() ? curl_easy_strerror(code) : detail;
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      return MakeError("Timeout", "No complete answer from " + origin + " in time (" + what +
                                      "; connect timeout " + std::to_string(options.connect_timeout.count()) +
                                      " ms, total " + std::to_string(options.total_timeout.count()) +
                                      " ms). The service or the network is slow or unreachable; try again.");
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_USE_SSL_FAILED:
      return MakeError("TlsError", "The TLS connection to " + origin + " failed: " + what +
                                       ". Its certificate could not be verified or the handshake failed. "
                                       "Behind a TLS-inspecting proxy, point AWS_CA_BUNDLE at the proxy's "
                                       "CA certificate.");
    default:
      return MakeError("ConnectionError", "Could not talk to " + origin + ": " + what +
                                              ". Check the endpoint URL and your network; behind a proxy, "
                                              "set HTTPS_PROXY (and NO_PROXY for hosts reached directly).");
  }
}

}  // namespace

bool IsLoopbackUrl(std::string_view url) {
  std::optional<ParsedUrl> parsed = ParseUrl(url);
  return parsed.has_value() && IsLoopbackHost(parsed->Part(CURLUPART_HOST));
}

struct CurlTransport::Impl {
  CURL* curl = nullptr;

  Result<HttpResponse> Perform(const HttpRequest& request, const ParsedUrl& url,
                               const HttpOptions& options);
};

CurlTransport::CurlTransport() : impl_(std::make_unique<Impl>()) {
  if (GlobalInitOnce() == CURLE_OK) impl_->curl = curl_easy_init();
}

CurlTransport::~CurlTransport() {
  if (impl_->curl != nullptr) curl_easy_cleanup(impl_->curl);
}

Result<HttpResponse> CurlTransport::Send(const HttpRequest& request, const HttpOptions& options) {
  if (impl_->curl == nullptr) {
    return MakeError("ConnectionError", "Could not initialize libcurl (out of memory or a broken TLS library).");
  }
  std::optional<ParsedUrl> url = ParseUrl(request.url);
  std::string scheme = url ? url->Part(CURLUPART_SCHEME) : "";
  if (scheme != "https" && scheme != "http") {
    return MakeError("InvalidEndpoint", "'" + RedactUrl(request.url) +
                                            "' is not an http(s) URL. Check AWS_ENDPOINT_URL, "
                                            "AWS_ENDPOINT_URL_<SERVICE> and endpoint_url in your AWS config.");
  }
  if (scheme == "http" && !IsLoopbackHost(url->Part(CURLUPART_HOST))) {
    return MakeError("InsecureEndpoint",
                     "Refusing to send a request to " + OriginOf(*url) +
                         " over plain http: credentials and signed requests would cross the network "
                         "unencrypted. Use an https:// endpoint (check AWS_ENDPOINT_URL, "
                         "AWS_ENDPOINT_URL_<SERVICE> and endpoint_url in your AWS config); plain http is "
                         "allowed only to loopback addresses (127.0.0.1, [::1], localhost).");
  }
  bool debug = DebugLogEnabled();
  if (debug) std::fprintf(stderr, "foyer debug: request\n%s", RedactForLog(request).c_str());
  Result<HttpResponse> response = impl_->Perform(request, *url, options);
  if (debug) {
    std::string text = response.ok() ? RedactForLog(*response) : response.error().Describe() + "\n";
    std::fprintf(stderr, "foyer debug: %s\n%s", response.ok() ? "response" : "failed", text.c_str());
  }
  return response;
}

Result<HttpResponse> CurlTransport::Impl::Perform(const HttpRequest& request, const ParsedUrl& url,
                                                  const HttpOptions& options) {
  // Reset forgets the previous request's options but keeps the connection
  // cache, so the next request to the same host reuses the connection.
  curl_easy_reset(curl);
  HttpResponse response;
  char error_buffer[CURL_ERROR_SIZE] = "";
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(HeaderListFor(request),
                                                                        &curl_slist_free_all);
  curl_easy_setopt(curl, CURLOPT_CURLU, url.handle.get());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  std::string ca_bundle = EnvironmentValue("AWS_CA_BUNDLE");
  if (!ca_bundle.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, ca_bundle.c_str());
  if (IsLoopbackHost(url.Part(CURLUPART_HOST))) curl_easy_setopt(curl, CURLOPT_PROXY, "");
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options.total_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());
  SetMethodAndBody(curl, request);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &AppendBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &AppendHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.headers);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);

  CURLcode code = curl_easy_perform(curl);
  // The buffers above die with this frame; the handle must not keep them.
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
  curl_easy_setopt(curl, CURLOPT_CURLU, nullptr);
  if (code != CURLE_OK) return TransportError(code, error_buffer, OriginOf(url), options);
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  response.status = static_cast<int>(status);
  return response;
}

}  // namespace foyer::aws
