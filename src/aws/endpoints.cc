#include "aws/endpoints.h"

#include <strings.h>

#include <algorithm>
#include <cstdlib>
#include <string>

namespace foyer::aws {
namespace {

// What foyer knows of each service it calls, from botocore's models:
// metadata.endpointPrefix, metadata.serviceId (which names the override
// variable) and metadata.signingName (when absent there, the prefix).
struct ServiceInfo {
  std::string_view endpoint_prefix;
  std::string_view service_id;
  std::string_view signing_name;
};

constexpr ServiceInfo kServices[] = {
    {"sts", "STS", "sts"},
    {"iam", "IAM", "iam"},
    {"organizations", "Organizations", "organizations"},
    {"s3", "S3", "s3"},
    {"kms", "KMS", "kms"},
    {"dynamodb", "DynamoDB", "dynamodb"},
    {"cloudtrail", "CloudTrail", "cloudtrail"},
    {"portal.sso", "SSO", "awsssoportal"},
    {"oidc", "SSO OIDC", "sso-oauth"},
    {"sso", "SSO Admin", "sso"},
    {"identitystore", "identitystore", "identitystore"},
    {"signin", "Signin", "signin"},
};

// Services with one endpoint per partition (botocore's endpoints.json
// "partitionEndpoint"), and the region their requests are signed for.
struct GlobalEndpoint {
  std::string_view endpoint_prefix;
  std::string_view partition;
  std::string_view host;
  std::string_view signing_region;
};

constexpr GlobalEndpoint kGlobalEndpoints[] = {
    {"iam", "aws", "iam.amazonaws.com", "us-east-1"},
    {"iam", "aws-cn", "iam.cn-north-1.amazonaws.com.cn", "cn-north-1"},
    {"iam", "aws-us-gov", "iam.us-gov.amazonaws.com", "us-gov-west-1"},
    {"organizations", "aws", "organizations.us-east-1.amazonaws.com", "us-east-1"},
    {"organizations", "aws-cn", "organizations.cn-northwest-1.amazonaws.com.cn", "cn-northwest-1"},
    {"organizations", "aws-us-gov", "organizations.us-gov-west-1.amazonaws.com", "us-gov-west-1"},
};

// The sign-in service lives under each partition's console domain, not its
// API domain (botocore's signin endpoint rules).
std::string SigninHost(std::string_view region, std::string_view partition) {
  std::string host = std::string(region) + ".signin.";
  if (partition == "aws-cn") return host + "amazonaws.cn";
  if (partition == "aws-us-gov") return host + "amazonaws-us-gov.com";
  return host + "aws.amazon.com";
}

const ServiceInfo* FindService(std::string_view endpoint_prefix) {
  for (const ServiceInfo& service : kServices) {
    if (service.endpoint_prefix == endpoint_prefix) return &service;
  }
  return nullptr;
}

// An environment variable, with an empty value counting as unset.
std::string_view Environment(const std::string& name) {
  const char* value = std::getenv(name.c_str());
  return value == nullptr ? std::string_view() : std::string_view(value);
}

bool IgnoreConfiguredEndpoints() {
  return strcasecmp(std::string(Environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")).c_str(), "true") == 0;
}

bool IsRegionName(std::string_view region) {
  return !region.empty() && region.size() <= 64 && region.front() != '-' && region.back() != '-' &&
         std::all_of(region.begin(), region.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

bool IsDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsPort(std::string_view text) {
  if (!IsDigits(text) || text.size() > 5) return false;
  int port = std::stoi(std::string(text));
  return port >= 1 && port <= 65535;
}

// host[:port], the host possibly a bracketed IPv6 address.
bool IsAuthority(std::string_view authority) {
  size_t host_end = 0;
  if (authority.starts_with('[')) {
    size_t close = authority.find(']');
    if (close == std::string_view::npos || close == 1) return false;
    host_end = close + 1;
  } else {
    host_end = std::min(authority.find(':'), authority.size());
    if (host_end == 0) return false;
  }
  std::string_view rest = authority.substr(host_end);
  return rest.empty() || (rest.front() == ':' && IsPort(rest.substr(1)));
}

// An override must be http(s)://host[:port][/path]: no user info, query or
// fragment, nothing a person could mean otherwise.
bool IsEndpointUrl(std::string_view url) {
  if (std::any_of(url.begin(), url.end(), [](char c) { return c <= ' ' || c == 0x7f; })) return false;
  size_t separator = url.find("://");
  if (separator == std::string_view::npos) return false;
  std::string scheme(url.substr(0, separator));
  if (strcasecmp(scheme.c_str(), "http") != 0 && strcasecmp(scheme.c_str(), "https") != 0) return false;
  std::string_view rest = url.substr(separator + 3);
  if (rest.find_first_of("?#@") != std::string_view::npos) return false;
  return IsAuthority(rest.substr(0, rest.find('/')));
}

// An endpoint from an override URL, or the error naming where it came from.
Result<Endpoint> OverrideEndpoint(std::string_view url, std::string_view origin, std::string_view region,
                                  std::string_view signing_name) {
  if (!IsEndpointUrl(url)) {
    Error error = MakeError("ConfigError", std::string(origin) + " is \"" + std::string(url) +
                                               "\", which is not an endpoint URL: it must be http:// or "
                                               "https:// followed by a host, an optional :port and path "
                                               "(e.g. http://127.0.0.1:5000). Fix or unset it.");
    error.exit_code = ExitCode::kUsage;
    return error;
  }
  std::string trimmed(url);
  while (trimmed.ends_with('/')) trimmed.pop_back();
  return Endpoint{trimmed, std::string(region), std::string(signing_name)};
}

Endpoint PartitionEndpoint(const ServiceInfo& service, std::string_view region) {
  std::string partition = PartitionOf(region);
  for (const GlobalEndpoint& global : kGlobalEndpoints) {
    if (global.endpoint_prefix == service.endpoint_prefix && global.partition == partition) {
      return Endpoint{"https://" + std::string(global.host), std::string(global.signing_region),
                      std::string(service.signing_name)};
    }
  }
  std::string host = service.endpoint_prefix == "signin"
                         ? SigninHost(region, partition)
                         : std::string(service.endpoint_prefix) + "." + std::string(region) + "." +
                               DnsSuffixOf(partition);
  return Endpoint{"https://" + host, std::string(region), std::string(service.signing_name)};
}

}  // namespace

std::string PartitionOf(std::string_view region) {
  if (region.starts_with("cn-")) return "aws-cn";
  if (region.starts_with("us-gov-")) return "aws-us-gov";
  return "aws";
}

std::string DnsSuffixOf(std::string_view partition) {
  return partition == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
}

std::string EndpointOverrideVariable(std::string_view service) {
  const ServiceInfo* info = FindService(service);
  if (info == nullptr) return "";
  std::string name = "AWS_ENDPOINT_URL_";
  for (char c : info->service_id) {
    if (c == ' ' || c == '-') {
      name += '_';
    } else {
      name += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
  }
  return name;
}

Result<Endpoint> ResolveEndpoint(std::string_view service, std::string_view region,
                                 std::string_view profile_endpoint_url) {
  const ServiceInfo* info = FindService(service);
  if (info == nullptr) {
    return MakeError("UnknownService", "foyer has no endpoint for the AWS service \"" + std::string(service) +
                                           "\"; this is a bug in foyer, please report it.");
  }
  if (!IsRegionName(region)) {
    Error error = MakeError("ConfigError",
                            region.empty() ? std::string("No AWS region is set; set AWS_REGION or the "
                                                         "profile's region (e.g. us-east-1).")
                                           : "\"" + std::string(region) +
                                                 "\" is not an AWS region name (e.g. us-east-1); fix "
                                                 "AWS_REGION or the profile's region.");
    error.exit_code = ExitCode::kUsage;
    return error;
  }
  if (!IgnoreConfiguredEndpoints()) {
    std::string variable = EndpointOverrideVariable(service);
    if (std::string_view url = Environment(variable); !url.empty()) {
      return OverrideEndpoint(url, variable, region, info->signing_name);
    }
    if (std::string_view url = Environment("AWS_ENDPOINT_URL"); !url.empty()) {
      return OverrideEndpoint(url, "AWS_ENDPOINT_URL", region, info->signing_name);
    }
    if (!profile_endpoint_url.empty()) {
      return OverrideEndpoint(profile_endpoint_url, "The profile's endpoint_url", region, info->signing_name);
    }
  }
  return PartitionEndpoint(*info, region);
}

}  // namespace foyer::aws
