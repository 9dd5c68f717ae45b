#include "creds/service_calls.h"

#include <memory>

#include "aws/curl_transport.h"
#include "aws/sso.h"

namespace foyer::creds {

ServiceCalls AwsServiceCalls(const aws::ClientConfig& base) {
  ServiceCalls calls;
  calls.assume_role = [base](const aws::Credentials& source, const aws::AssumeRoleRequest& request) {
    aws::ClientConfig config = base;
    config.credentials = std::make_shared<aws::StaticCredentialsProvider>(source);
    return aws::StsClient(config).AssumeRole(request);
  };
  calls.assume_role_with_web_identity = [base](const aws::AssumeRoleWithWebIdentityRequest& request) {
    aws::ClientConfig config = base;
    config.credentials = nullptr;
    return aws::StsClient(config).AssumeRoleWithWebIdentity(request);
  };
  calls.get_sso_role_credentials = [base](const SsoRoleCredentialsRequest& request) {
    aws::ClientConfig config = base;
    config.credentials = nullptr;
    config.region = request.sso_region;
    return aws::SsoClient(config).GetRoleCredentials(request.access_token, request.account_id,
                                                     request.role_name);
  };
  calls.refresh_sso_token = [base](const SsoTokenRefreshRequest& request) {
    aws::ClientConfig config = base;
    config.credentials = nullptr;
    config.region = request.sso_region;
    aws::RegisteredClient client;
    client.client_id = request.client_id;
    client.client_secret = request.client_secret;
    return aws::SsoOidcClient(config).CreateTokenFromRefreshToken(client, request.refresh_token);
  };
  calls.send_http = [base](const aws::HttpRequest& request) {
    aws::CurlTransport transport;
    return transport.Send(request, base.http);
  };
  return calls;
}

}  // namespace foyer::creds
