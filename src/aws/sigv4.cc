#include "aws/sigv4.h"

#include <strings.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <utility>
#include <vector>

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace foyer::aws {
namespace {

constexpr std::string_view kAlgorithm = "AWS4-HMAC-SHA256";
constexpr std::string_view kUnsignedPayload = "UNSIGNED-PAYLOAD";
constexpr std::string_view kContentSha256 = "X-Amz-Content-SHA256";
// botocore's SigV4QueryAuth drops this header (its own default for query
// protocol bodies), since a presigned URL carries no body.
constexpr std::string_view kFormContentType = "application/x-www-form-urlencoded; charset=utf-8";

// Headers never signed: hop-by-hop headers, and those that proxies or HTTP
// clients add or rewrite after signing. The same list as botocore's.
constexpr std::array<std::string_view, 11> kUnsignedHeaders = {
    "connection", "expect",  "keep-alive",        "proxy-authenticate", "proxy-authorization", "te",
    "trailer",    "upgrade", "transfer-encoding", "user-agent",         "x-amzn-trace-id"};

bool SameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

// The value of the first header named `name`, or null. Unlike FindHeader it
// tells an empty header from a missing one.
const std::string* HeaderValue(const HeaderList& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (SameName(key, name)) return &value;
  }
  return nullptr;
}

std::string ToLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// An absolute URL cut into the pieces signing needs, the way Python's
// urllib.parse.urlsplit cuts it (botocore signs what urlsplit sees).
struct UrlParts {
  std::string scheme;  // lower case
  std::string_view netloc;
  std::string_view path;
  std::string_view query;
};

bool IsSchemeChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '-' || c == '.';
}

UrlParts SplitUrl(std::string_view url) {
  UrlParts parts;
  size_t colon = url.find(':');
  if (colon != std::string_view::npos && colon > 0 && std::isalpha(static_cast<unsigned char>(url[0])) &&
      std::all_of(url.begin(), url.begin() + colon, IsSchemeChar)) {
    parts.scheme = ToLower(url.substr(0, colon));
    url.remove_prefix(colon + 1);
  }
  if (url.starts_with("//")) {
    url.remove_prefix(2);
    size_t end = std::min(url.find_first_of("/?#"), url.size());
    parts.netloc = url.substr(0, end);
    url.remove_prefix(end);
  }
  url = url.substr(0, url.find('#'));
  size_t question = url.find('?');
  parts.path = url.substr(0, question);
  if (question != std::string_view::npos) parts.query = url.substr(question + 1);
  return parts;
}

// The Host header a client sends for `url`: the host in lower case, without
// user info, with the port only when it is not the scheme's default.
std::string HostHeaderFor(const UrlParts& url) {
  std::string_view hostinfo = url.netloc.substr(url.netloc.rfind('@') + 1);  // npos + 1 == 0
  std::string_view host;
  std::string_view port;
  bool bracketed = hostinfo.starts_with('[');
  if (bracketed) {
    size_t close = hostinfo.find(']');
    host = hostinfo.substr(1, close == std::string_view::npos ? close : close - 1);
    std::string_view rest = close == std::string_view::npos ? "" : hostinfo.substr(close + 1);
    if (rest.starts_with(':')) port = rest.substr(1);
  } else {
    size_t colon = hostinfo.find(':');
    host = hostinfo.substr(0, colon);
    if (colon != std::string_view::npos) port = hostinfo.substr(colon + 1);
  }
  std::string header = bracketed ? "[" + ToLower(host) + "]" : ToLower(host);
  if (port.empty()) return header;
  unsigned long number = std::strtoul(std::string(port).c_str(), nullptr, 10);
  bool is_default = (url.scheme == "http" && number == 80) || (url.scheme == "https" && number == 443);
  if (!is_default) header += ":" + std::to_string(number);
  return header;
}

// RFC 3986 section 5.2.4, plus the removal of empty segments AWS services
// expect ("a//b" is "a/b"). A trailing slash survives only when something is
// left before it.
std::string RemoveDotSegments(std::string_view path) {
  if (path.empty()) return "";
  std::vector<std::string_view> kept;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = std::min(path.find('/', start), path.size());
    std::string_view segment = path.substr(start, end - start);
    if (segment == "..") {
      if (!kept.empty()) kept.pop_back();
    } else if (!segment.empty() && segment != ".") {
      kept.push_back(segment);
    }
    start = end + 1;
  }
  std::string normalized = path.front() == '/' ? "/" : "";
  for (size_t i = 0; i < kept.size(); ++i) {
    if (i > 0) normalized += '/';
    normalized += kept[i];
  }
  if (path.back() == '/' && !kept.empty()) normalized += '/';
  return normalized;
}

std::string CanonicalUri(std::string_view path, bool double_encode) {
  if (!double_encode) return std::string(path);
  return UriEncode(RemoveDotSegments(path.empty() ? "/" : path), /*encode_slash=*/false);
}

// Sorted by name, then value, both compared as the bytes in the URL.
std::string CanonicalQuery(std::string_view query) {
  if (query.empty()) return "";
  std::vector<std::pair<std::string_view, std::string_view>> pairs;
  size_t start = 0;
  while (start <= query.size()) {
    size_t end = std::min(query.find('&', start), query.size());
    std::string_view pair = query.substr(start, end - start);
    size_t equals = pair.find('=');
    if (equals == std::string_view::npos) {
      pairs.emplace_back(pair, std::string_view());
    } else {
      pairs.emplace_back(pair.substr(0, equals), pair.substr(equals + 1));
    }
    start = end + 1;
  }
  std::sort(pairs.begin(), pairs.end());
  std::string canonical;
  for (const auto& [name, value] : pairs) {
    if (!canonical.empty()) canonical += '&';
    canonical.append(name).append("=").append(value);
  }
  return canonical;
}

// What Python's str.split() splits on within the ASCII range.
bool IsSpace(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\x1c' && c <= '\x1f');
}

// Leading and trailing white space removed, every run of it inside turned
// into one space.
std::string TrimAll(std::string_view value) {
  std::string trimmed;
  size_t i = 0;
  while (i < value.size()) {
    if (IsSpace(value[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < value.size() && !IsSpace(value[end])) ++end;
    if (!trimmed.empty()) trimmed += ' ';
    trimmed.append(value.substr(i, end - i));
    i = end;
  }
  return trimmed;
}

bool IsSignedHeader(std::string_view lower_name) {
  return std::find(kUnsignedHeaders.begin(), kUnsignedHeaders.end(), lower_name) == kUnsignedHeaders.end();
}

struct CanonicalHeaders {
  std::string block;   // "name:value\n" for each signed header, sorted
  std::string names;   // "host;x-amz-date"
};

// Repeated headers are signed as one, their values joined by ',' in the
// order they appear.
CanonicalHeaders Canonicalize(const HeaderList& headers, const UrlParts& url) {
  std::map<std::string, std::vector<std::string_view>> by_name;
  for (const auto& [name, value] : headers) {
    std::string lower = ToLower(name);
    if (IsSignedHeader(lower)) by_name[lower].push_back(value);
  }
  std::string host;
  if (!by_name.contains("host")) {
    host = HostHeaderFor(url);
    by_name["host"].push_back(host);
  }
  CanonicalHeaders canonical;
  for (const auto& [name, values] : by_name) {
    canonical.block += name + ":";
    for (size_t i = 0; i < values.size(); ++i) {
      if (i > 0) canonical.block += ',';
      canonical.block += TrimAll(values[i]);
    }
    canonical.block += '\n';
    if (!canonical.names.empty()) canonical.names += ';';
    canonical.names += name;
  }
  return canonical;
}

std::string PayloadHash(const HttpRequest& request, const HeaderList& headers, const SigningParams& params) {
  if (const std::string* declared = HeaderValue(headers, kContentSha256)) return *declared;
  if (params.unsigned_payload) return std::string(kUnsignedPayload);
  return Sha256Hex(request.body);
}

std::string HexOf(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (unsigned char byte : bytes) {
    hex += kDigits[byte >> 4];
    hex += kDigits[byte & 0x0f];
  }
  return hex;
}

// "20150830/us-east-1/iam/aws4_request"
std::string CredentialScope(const SigningParams& params) {
  return AmzDate(params.time).substr(0, 8) + "/" + params.region + "/" + params.service + "/aws4_request";
}

// Fills in the string to sign and the signature of trace.canonical_request.
void ComputeSignature(const Credentials& credentials, const SigningParams& params, SigningTrace& trace) {
  std::string scope = CredentialScope(params);
  trace.string_to_sign = std::string(kAlgorithm) + "\n" + AmzDate(params.time) + "\n" + scope + "\n" +
                         Sha256Hex(trace.canonical_request);
  std::string key = HmacSha256("AWS4" + credentials.secret_access_key, scope.substr(0, 8));
  key = HmacSha256(key, params.region);
  key = HmacSha256(key, params.service);
  key = HmacSha256(key, "aws4_request");
  trace.signature = HexOf(HmacSha256(key, trace.string_to_sign));
}

std::string CanonicalRequest(std::string_view method, const UrlParts& url, std::string_view query,
                             const CanonicalHeaders& headers, std::string_view payload_hash,
                             const SigningParams& params) {
  std::string upper_method(method);
  for (char& c : upper_method) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return upper_method + "\n" + CanonicalUri(url.path, params.double_encode_path) + "\n" +
         CanonicalQuery(query) + "\n" + headers.block + "\n" + headers.names + "\n" + std::string(payload_hash);
}

// "Sun, 30 Aug 2015 12:36:00 -0000" (RFC 2822, as Python's formatdate).
std::string HttpDate(Clock::time_point time) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::time_t seconds = Clock::to_time_t(std::chrono::floor<std::chrono::seconds>(time));
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d -0000", kDays[utc.tm_wday], utc.tm_mday,
                kMonths[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
  return buffer;
}

// Adds the headers that header signing needs before the signature is taken.
void AddSigningHeaders(HttpRequest& request, const Credentials& credentials, const SigningParams& params,
                       const UrlParts& url) {
  RemoveHeader(request.headers, "Authorization");
  // A request may carry its time in Date instead of X-Amz-Date; SigV4
  // accepts either, and botocore keeps the one the caller chose.
  if (HeaderValue(request.headers, "Date") != nullptr) {
    SetHeader(request.headers, "Date", HttpDate(params.time));
    RemoveHeader(request.headers, "X-Amz-Date");
  } else {
    SetHeader(request.headers, "X-Amz-Date", AmzDate(params.time));
  }
  if (!credentials.session_token.empty()) {
    SetHeader(request.headers, "X-Amz-Security-Token", credentials.session_token);
  }
  if (params.add_content_sha256_header) {
    SetHeader(request.headers, kContentSha256,
              params.unsigned_payload ? std::string(kUnsignedPayload) : Sha256Hex(request.body));
  } else if (params.unsigned_payload) {
    SetHeader(request.headers, kContentSha256, std::string(kUnsignedPayload));
  }
  if (HeaderValue(request.headers, "Host") == nullptr) SetHeader(request.headers, "Host", HostHeaderFor(url));
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Form decoding: '+' is a space, %XX a byte; a '%' not followed by two hex
// digits stays as it is.
std::string FormDecode(std::string_view text) {
  std::string decoded;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      decoded += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 &&
               HexValue(text[i + 2]) >= 0) {
      decoded += static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
      i += 2;
    } else {
      decoded += text[i];
    }
  }
  return decoded;
}

// The URL's query with every name and value decoded and encoded again the
// canonical way, in their order; empty pairs are dropped.
std::string ReencodeQuery(std::string_view query) {
  std::string encoded;
  size_t start = 0;
  while (start < query.size()) {
    size_t end = std::min(query.find('&', start), query.size());
    std::string_view pair = query.substr(start, end - start);
    start = end + 1;
    if (pair.empty()) continue;
    size_t equals = pair.find('=');
    std::string_view name = pair.substr(0, equals);
    std::string_view value = equals == std::string_view::npos ? "" : pair.substr(equals + 1);
    if (!encoded.empty()) encoded += '&';
    encoded += UriEncode(FormDecode(name)) + "=" + UriEncode(FormDecode(value));
  }
  return encoded;
}

}  // namespace

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  int ok = EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr);
  assert(ok == 1);
  (void)ok;
  return HexOf(std::string_view(reinterpret_cast<const char*>(digest), length));
}

std::string HmacSha256(std::string_view key, std::string_view data) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  const unsigned char* result =
      HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
           reinterpret_cast<const unsigned char*>(data.data()), data.size(), mac, &length);
  assert(result != nullptr);
  (void)result;
  return std::string(reinterpret_cast<const char*>(mac), length);
}

std::string UriEncode(std::string_view text, bool encode_slash) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string encoded;
  encoded.reserve(text.size());
  for (unsigned char c : text) {
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '_' || c == '.' || c == '~';
    if (unreserved || (c == '/' && !encode_slash)) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kDigits[c >> 4];
      encoded += kDigits[c & 0x0f];
    }
  }
  return encoded;
}

std::string AmzDate(Clock::time_point time) {
  std::time_t seconds = Clock::to_time_t(std::chrono::floor<std::chrono::seconds>(time));
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &utc);
  return buffer;
}

void SignRequest(HttpRequest& request, const Credentials& credentials, const SigningParams& params,
                 SigningTrace* trace) {
  UrlParts url = SplitUrl(request.url);
  AddSigningHeaders(request, credentials, params, url);
  CanonicalHeaders canonical_headers = Canonicalize(request.headers, url);
  SigningTrace computed;
  computed.canonical_request = CanonicalRequest(request.method, url, url.query, canonical_headers,
                                                PayloadHash(request, request.headers, params), params);
  ComputeSignature(credentials, params, computed);
  std::string authorization = std::string(kAlgorithm) + " Credential=" + credentials.access_key_id + "/" +
                              CredentialScope(params) + ", SignedHeaders=" + canonical_headers.names +
                              ", Signature=" + computed.signature;
  SetHeader(request.headers, "Authorization", std::move(authorization));
  if (trace != nullptr) *trace = std::move(computed);
}

std::string PresignUrl(const HttpRequest& request, const Credentials& credentials, const SigningParams& params,
                       std::chrono::seconds expires, SigningTrace* trace) {
  UrlParts url = SplitUrl(request.url);
  HeaderList headers = request.headers;
  const std::string* content_type = HeaderValue(headers, "Content-Type");
  if (content_type != nullptr && *content_type == kFormContentType) RemoveHeader(headers, "Content-Type");
  CanonicalHeaders canonical_headers = Canonicalize(headers, url);

  std::string query = ReencodeQuery(url.query);
  if (!query.empty()) query += '&';
  query += "X-Amz-Algorithm=" + std::string(kAlgorithm);
  query += "&X-Amz-Credential=" + UriEncode(credentials.access_key_id + "/" + CredentialScope(params));
  query += "&X-Amz-Date=" + AmzDate(params.time);
  query += "&X-Amz-Expires=" + std::to_string(expires.count());
  query += "&X-Amz-SignedHeaders=" + UriEncode(canonical_headers.names);
  if (!credentials.session_token.empty()) {
    query += "&X-Amz-Security-Token=" + UriEncode(credentials.session_token);
  }

  SigningTrace computed;
  computed.canonical_request = CanonicalRequest(request.method, url, query, canonical_headers,
                                                PayloadHash(request, headers, params), params);
  ComputeSignature(credentials, params, computed);
  std::string presigned = url.scheme + "://" + std::string(url.netloc) + std::string(url.path) + "?" + query +
                          "&X-Amz-Signature=" + computed.signature;
  if (trace != nullptr) *trace = std::move(computed);
  return presigned;
}

}  // namespace foyer::aws
