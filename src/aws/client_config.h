// What every service client needs: where, as whom, and how hard to try.
#ifndef FOYER_AWS_CLIENT_CONFIG_H_
#define FOYER_AWS_CLIENT_CONFIG_H_

#include <memory>
#include <string>

#include "aws/credentials.h"
#include "aws/http.h"
#include "aws/retry.h"

namespace foyer::aws {

struct ClientConfig {
  std::string region = "us-east-1";
  // May be null for calls that are not signed (AssumeRoleWithWebIdentity,
  // AssumeRoleWithSAML, SSO-OIDC, sso:GetRoleCredentials).
  std::shared_ptr<CredentialsProvider> credentials;
  // The profile's endpoint_url, if any (environment overrides still win).
  std::string profile_endpoint_url;
  RetryConfig retry = RetryConfig::FromEnvironment();
  HttpOptions http;
  // Null means: a CurlTransport made by the client.
  std::shared_ptr<HttpTransport> transport;
};

}  // namespace foyer::aws

#endif  // FOYER_AWS_CLIENT_CONFIG_H_
