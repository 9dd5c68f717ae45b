// ServiceCaller: the one path every AWS API call takes, whatever the protocol.
//
// A client (IamClient, S3Client, ...) owns one ServiceCaller built from its
// ClientConfig and a static ServiceDescription. For each call the caller
// resolves the endpoint, retrieves credentials (unless the operation is
// unsigned), builds the HTTP request of the service's protocol, signs every
// attempt afresh through SendWithRetries, and turns error responses into a
// foyer::Error (see aws_error_parse.h). Clients only serialize their typed
// requests and read their typed responses.
//
//   const ServiceDescription kIam = {.name = "IAM", .endpoint_prefix = "iam",
//                                    .protocol = Protocol::kQuery,
//                                    .api_version = "2010-05-08"};
//   ServiceCaller caller(config, kIam);
//   QueryParams params;
//   params.Add("RoleName", "admin");
//   Result<XmlResult> result = caller.CallQuery("GetRole", params);
//
// Not thread-safe (the transport it creates keeps one connection): give each
// thread its own client.
#ifndef FOYER_AWS_SERVICE_CALL_H_
#define FOYER_AWS_SERVICE_CALL_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "aws/client_config.h"
#include "aws/endpoints.h"
#include "aws/http.h"
#include "aws/query_params.h"
#include "aws/query_result.h"
#include "base/result.h"

namespace foyer::aws {

// The wire protocols of botocore's models ("metadata.protocol").
enum class Protocol {
  kQuery,     // form-encoded Action/Version, XML responses (STS, IAM)
  kJson,      // POST with X-Amz-Target, JSON both ways (Organizations, KMS, ...)
  kRestJson,  // HTTP method + URI labels, JSON bodies (SSO, SSO-OIDC)
  kRestXml,   // HTTP method + URI labels, XML bodies (S3)
};

// What a client tells the caller about its service. Clients keep one as a
// static constant, written with designated initializers (every member has a
// default, so -Wmissing-field-initializers stays quiet).
struct ServiceDescription {
  // For messages a person reads: "IAM", "Organizations", "S3".
  std::string name = {};
  // The endpoint prefix ResolveEndpoint knows the service by: "iam", "sts",
  // "organizations", "s3", "portal.sso", "oidc".
  std::string endpoint_prefix = {};
  // The SigV4 signing name, when it differs from the one the endpoint
  // resolution gives (e.g. "awsssoportal" for "portal.sso"); empty: use the
  // endpoint's signing_name.
  std::string signing_name = {};
  Protocol protocol = Protocol::kQuery;
  // Query protocol: the Version parameter ("2010-05-08").
  std::string api_version = {};
  // JSON protocol: X-Amz-Target is "<json_target_prefix>.<Operation>" and
  // the content type "application/x-amz-json-<json_version>".
  std::string json_target_prefix = {};
  std::string json_version = "1.1";
  // S3-style signing: UNSIGNED-PAYLOAD, the path signed as sent, and the
  // x-amz-content-sha256 header.
  bool s3_signing = false;
};

// Per-call choices.
struct CallOptions {
  // Send without credentials and without signature
  // (AssumeRoleWithWebIdentity, AssumeRoleWithSAML, SSO-OIDC, ...).
  bool unsigned_request = false;
};

// A REST request, relative to the service endpoint.
struct RestRequest {
  std::string method = "GET";
  // Begins with '/'; labels already escaped with EscapePathLabel.
  std::string path = "/";
  // Raw (unencoded) names and values, in the order given; the caller
  // percent-encodes them.
  std::vector<std::pair<std::string, std::string>> query;
  HeaderList headers;
  std::string body;
  // Prepended to the endpoint's host ("https://" + host_prefix + host):
  // S3 virtual-hosted-style addressing puts the bucket there ("bucket.").
  std::string host_prefix;
};

struct RestResponse {
  int status = 0;
  HeaderList headers;
  std::string body;

  std::string Header(std::string_view name) const { return FindHeader(headers, name); }
};

// Escapes one URI label for a REST path: every character but the RFC 3986
// unreserved ones is percent-encoded; for greedy labels ({Key+}) '/' stays.
std::string EscapePathLabel(std::string_view label, bool greedy = false);

class ServiceCaller {
 public:
  ServiceCaller(ClientConfig config, ServiceDescription service);
  ~ServiceCaller();
  ServiceCaller(ServiceCaller&&) noexcept;
  ServiceCaller& operator=(ServiceCaller&&) noexcept;

  // Query protocol: POSTs Action=<action>&Version=<api_version>&<params>
  // and returns the <ActionResult> element of the <ActionResponse>
  // (an empty node when the response has none, as for DeleteRole).
  Result<XmlResult> CallQuery(std::string_view action, const QueryParams& params,
                              const CallOptions& options = {});

  // JSON protocol: POSTs `input` to the operation; returns the response
  // document ({} when the body is empty).
  Result<nlohmann::json> CallJson(std::string_view operation, const nlohmann::json& input,
                                  const CallOptions& options = {});

  // REST-JSON and REST-XML: sends the request; returns any 2xx response as is
  // (the client parses the body), or the error the response carries.
  Result<RestResponse> CallRest(std::string_view operation, const RestRequest& request,
                                const CallOptions& options = {});

  const ClientConfig& config() const;
  const ServiceDescription& service() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// "foyer/<version>", the User-Agent of every request.
std::string UserAgent();

}  // namespace foyer::aws

#endif  // FOYER_AWS_SERVICE_CALL_H_
