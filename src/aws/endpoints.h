// Where each AWS service answers: partitions, global endpoints, regional
// endpoints, and the SDK-standard overrides.
#ifndef FOYER_AWS_ENDPOINTS_H_
#define FOYER_AWS_ENDPOINTS_H_

#include <string>
#include <string_view>

#include "base/result.h"

namespace foyer::aws {

struct Endpoint {
  // scheme://host[:port][/base-path], no trailing slash.
  std::string url;
  // Region and service name that go into the SigV4 credential scope.
  std::string signing_region;
  std::string signing_name;
};

// Partition of a region: "aws", "aws-cn" (cn-*), "aws-us-gov" (us-gov-*).
std::string PartitionOf(std::string_view region);
// DNS suffix of a partition: "amazonaws.com", "amazonaws.com.cn".
std::string DnsSuffixOf(std::string_view partition);

// Resolves the endpoint of `service` in `region`. `service` is the service's
// endpoint prefix as in botocore's models ("sts", "iam", "organizations",
// "s3", "kms", "dynamodb", "cloudtrail", "portal.sso", "oidc", "sso",
// "identitystore", "signin"...).
//
// Order of precedence, as the AWS SDKs do it (unless
// AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true):
//   1. AWS_ENDPOINT_URL_<SERVICE_ID> (service id upper-cased, spaces -> '_',
//      e.g. AWS_ENDPOINT_URL_SSO_OIDC, AWS_ENDPOINT_URL_STS)
//   2. AWS_ENDPOINT_URL
//   3. `profile_endpoint_url` (the profile's endpoint_url), when not empty
//   4. the partition's endpoint: global for IAM (iam.amazonaws.com, signed in
//      us-east-1; aws-cn: cn-north-1; aws-us-gov: us-gov-west-1) and
//      Organizations, regional for STS and everything else.
// An override URL is used as given (less any trailing '/'); the signing
// region is then `region`. Empty variables count as unset.
//
// Fails with code "ConfigError" when the region is empty or not a region
// name, when an override is not an http(s) URL with a host (the message
// names the variable or setting it came from), and with "UnknownService"
// for an endpoint prefix foyer does not know.
Result<Endpoint> ResolveEndpoint(std::string_view service, std::string_view region,
                                 std::string_view profile_endpoint_url = {});

// The service-specific override variable for an endpoint prefix:
// "AWS_ENDPOINT_URL_SSO_OIDC" for "oidc"; empty for an unknown prefix.
std::string EndpointOverrideVariable(std::string_view service);

}  // namespace foyer::aws

#endif  // FOYER_AWS_ENDPOINTS_H_
