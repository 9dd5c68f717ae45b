// The network calls credential providers make (STS, the SSO portal,
// SSO-OIDC), as plain functions: the providers hold their logic, and unit
// tests replace these by fakes that answer without a network.
#ifndef FOYER_CREDS_SERVICE_CALLS_H_
#define FOYER_CREDS_SERVICE_CALLS_H_

#include <functional>
#include <string>

#include "aws/client_config.h"
#include "aws/credentials.h"
#include "aws/http.h"
#include "aws/ssooidc.h"
#include "aws/sts.h"
#include "base/result.h"

namespace foyer::creds {

struct SsoRoleCredentialsRequest {
  std::string sso_region;
  std::string access_token;  // never logged
  std::string account_id;
  std::string role_name;
};

struct SsoTokenRefreshRequest {
  std::string sso_region;
  std::string client_id;
  std::string client_secret;  // never logged
  std::string refresh_token;  // never logged
};

struct ServiceCalls {
  // sts:AssumeRole signed with `source`.
  std::function<Result<aws::AssumedRole>(const aws::Credentials& source,
                                         const aws::AssumeRoleRequest& request)>
      assume_role;
  // sts:AssumeRoleWithWebIdentity, unsigned.
  std::function<Result<aws::AssumedRole>(const aws::AssumeRoleWithWebIdentityRequest& request)>
      assume_role_with_web_identity;
  // sso:GetRoleCredentials, unsigned (the access token is the proof).
  std::function<Result<aws::Credentials>(const SsoRoleCredentialsRequest& request)>
      get_sso_role_credentials;
  // sso-oidc:CreateToken with the refresh_token grant.
  std::function<Result<aws::SsoToken>(const SsoTokenRefreshRequest& request)> refresh_sso_token;
  // One plain HTTP exchange: the container credentials endpoint.
  std::function<Result<aws::HttpResponse>(const aws::HttpRequest& request)> send_http;
};

// The real calls. `base` gives the region, the profile's endpoint_url and
// the retry settings for STS; SSO calls go to their own sso_region. The
// credentials in `base` are not used.
ServiceCalls AwsServiceCalls(const aws::ClientConfig& base);

}  // namespace foyer::creds

#endif  // FOYER_CREDS_SERVICE_CALLS_H_
