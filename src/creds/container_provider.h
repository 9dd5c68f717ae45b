// Credentials served over HTTP by a container credentials endpoint, as ECS,
// EKS Pod Identity and `foyer serve-credentials` offer them:
//
//   AWS_CONTAINER_CREDENTIALS_FULL_URI      where to GET them (https, or
//                                           plain http on a loopback host)
//   AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE  the Authorization header, read
//   AWS_CONTAINER_AUTHORIZATION_TOKEN       from the file first, else this
//
// The answer is {"AccessKeyId", "SecretAccessKey", "Token", "Expiration"};
// it is fetched again 15 minutes before Expiration.
#ifndef FOYER_CREDS_CONTAINER_PROVIDER_H_
#define FOYER_CREDS_CONTAINER_PROVIDER_H_

#include <memory>
#include <string_view>

#include "aws/credentials.h"
#include "creds/chain_context.h"

namespace foyer::creds {

// True when AWS_CONTAINER_CREDENTIALS_FULL_URI is set and not empty.
bool EnvironmentHasContainerEndpoint(const Environment& env);

// Parses the endpoint's JSON answer.
Result<aws::Credentials> ParseContainerCredentials(std::string_view body);

std::shared_ptr<aws::CredentialsProvider> MakeContainerProvider(const ChainContext& context);

}  // namespace foyer::creds

#endif  // FOYER_CREDS_CONTAINER_PROVIDER_H_
