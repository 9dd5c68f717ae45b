#include "aws/service_call.h"

#include <thread>

#include "aws/aws_error_parse.h"
#include "aws/curl_transport.h"
#include "aws/json_protocol.h"
#include "aws/retry.h"
#include "aws/sigv4.h"
#include "base/url_encoding.h"

namespace foyer::aws {
namespace {

// An unreadable success response still names the call it answered.
Error UnreadableResponse(const ServiceDescription& service, std::string_view operation,
                         const HttpResponse& response, const Error& parse_error) {
  Error error = parse_error;
  error.message = service.name + " " + std::string(operation) +
                  " succeeded but its response could not be read: " + parse_error.message;
  error.http_status = response.status;
  error.request_id = response.Header("x-amzn-RequestId");
  if (error.request_id.empty()) error.request_id = response.Header("x-amz-request-id");
  return error;
}

std::string QueryString(const QueryPairs& query) {
  return query.empty() ? "" : "?" + EncodeQueryString(query);
}

// "https://s3.amazonaws.com" + "bucket." -> "https://bucket.s3.amazonaws.com"
std::string WithHostPrefix(const std::string& url, std::string_view host_prefix) {
  size_t host = url.find("://");
  if (host_prefix.empty() || host == std::string::npos) return url;
  return url.substr(0, host + 3) + std::string(host_prefix) + url.substr(host + 3);
}

}  // namespace

std::string EscapePathLabel(std::string_view label, bool greedy) {
  return PercentEncode(label, /*encode_slash=*/!greedy);
}

std::string UserAgent() { return "foyer/" FOYER_VERSION; }

struct ServiceCaller::Impl {
  ClientConfig config;
  ServiceDescription service;
  std::optional<Endpoint> endpoint;

  Result<Endpoint> ResolvedEndpoint() {
    if (!endpoint.has_value()) {
      Result<Endpoint> resolved =
          ResolveEndpoint(service.endpoint_prefix, config.region, config.profile_endpoint_url);
      if (!resolved.ok()) return resolved.error();
      endpoint = std::move(*resolved);
    }
    return *endpoint;
  }

  HttpTransport& Transport() {
    if (config.transport == nullptr) config.transport = std::make_shared<CurlTransport>();
    return *config.transport;
  }

  Result<std::optional<Credentials>> CredentialsFor(std::string_view operation,
                                                    const CallOptions& options) {
    if (options.unsigned_request) return std::optional<Credentials>();
    if (config.credentials == nullptr) {
      Error error = MakeError("NoCredentials", service.name + " " + std::string(operation) +
                                                   " needs AWS credentials and none are configured; "
                                                   "log in with `foyer login` or set AWS_PROFILE");
      error.exit_code = ExitCode::kLoginNeeded;
      return error;
    }
    Result<Credentials> credentials = config.credentials->Retrieve();
    if (!credentials.ok()) return credentials.error();
    return std::optional<Credentials>(std::move(*credentials));
  }

  // Sends `request` (its url relative to the endpoint) with retries, signing
  // each attempt; returns the successful response or the parsed error.
  Result<HttpResponse> Send(std::string_view operation, HttpRequest request,
                            const CallOptions& options, std::string_view host_prefix = {}) {
    Result<Endpoint> resolved = ResolvedEndpoint();
    if (!resolved.ok()) return resolved.error();
    Result<std::optional<Credentials>> credentials = CredentialsFor(operation, options);
    if (!credentials.ok()) return credentials.error();

    request.url = WithHostPrefix(resolved->url, host_prefix) + request.url;
    SetHeader(request.headers, "User-Agent", UserAgent());
    SigningParams signing;
    signing.region = resolved->signing_region;
    signing.service = service.signing_name.empty() ? resolved->signing_name : service.signing_name;
    signing.unsigned_payload = service.s3_signing;
    signing.double_encode_path = !service.s3_signing;
    signing.add_content_sha256_header = service.s3_signing;

    RetryHooks hooks;
    hooks.make_request = [&](Clock::time_point signing_time) {
      HttpRequest attempt = request;
      if (credentials->has_value()) {
        signing.time = signing_time;
        SignRequest(attempt, **credentials, signing);
      }
      return attempt;
    };
    hooks.error_of = [&](const HttpResponse& response) -> std::optional<Error> {
      if (!IsErrorResponse(response)) return std::nullopt;
      return ParseAwsError(response, service.name, operation);
    };
    hooks.sleep = [](std::chrono::milliseconds delay) { std::this_thread::sleep_for(delay); };
    return SendWithRetries(Transport(), config.http, config.retry, hooks);
  }
};

ServiceCaller::ServiceCaller(ClientConfig config, ServiceDescription service)
    : impl_(std::make_unique<Impl>(Impl{std::move(config), std::move(service), std::nullopt})) {}
ServiceCaller::~ServiceCaller() = default;
ServiceCaller::ServiceCaller(ServiceCaller&&) noexcept = default;
ServiceCaller& ServiceCaller::operator=(ServiceCaller&&) noexcept = default;

const ClientConfig& ServiceCaller::config() const { return impl_->config; }
const ServiceDescription& ServiceCaller::service() const { return impl_->service; }

Result<XmlResult> ServiceCaller::CallQuery(std::string_view action, const QueryParams& params,
                                           const CallOptions& options) {
  QueryParams full;
  full.Add("Action", std::string(action));
  full.Add("Version", impl_->service.api_version);
  for (const auto& [name, value] : params.pairs()) full.Add(name, value);

  HttpRequest request;
  request.method = "POST";
  request.url = "/";
  request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
  request.body = full.Encode();
  Result<HttpResponse> response = impl_->Send(action, std::move(request), options);
  if (!response.ok()) return response.error();
  Result<XmlResult> result = ParseQueryResult(response->body, action);
  if (!result.ok()) return UnreadableResponse(impl_->service, action, *response, result.error());
  return result;
}

Result<nlohmann::json> ServiceCaller::CallJson(std::string_view operation,
                                               const nlohmann::json& input,
                                               const CallOptions& options) {
  HttpRequest request;
  request.method = "POST";
  request.url = "/";
  request.headers.emplace_back("Content-Type",
                               "application/x-amz-json-" + impl_->service.json_version);
  request.headers.emplace_back("X-Amz-Target",
                               impl_->service.json_target_prefix + "." + std::string(operation));
  request.body = input.is_null() ? "{}" : input.dump();
  Result<HttpResponse> response = impl_->Send(operation, std::move(request), options);
  if (!response.ok()) return response.error();
  Result<nlohmann::json> result = ParseJsonResult(response->body);
  if (!result.ok()) return UnreadableResponse(impl_->service, operation, *response, result.error());
  return result;
}

Result<RestResponse> ServiceCaller::CallRest(std::string_view operation,
                                             const RestRequest& rest,
                                             const CallOptions& options) {
  HttpRequest request;
  request.method = rest.method;
  request.url = rest.path + QueryString(rest.query);
  request.headers = rest.headers;
  request.body = rest.body;
  Result<HttpResponse> response =
      impl_->Send(operation, std::move(request), options, rest.host_prefix);
  if (!response.ok()) return response.error();
  return RestResponse{response->status, std::move(response->headers), std::move(response->body)};
}

}  // namespace foyer::aws
