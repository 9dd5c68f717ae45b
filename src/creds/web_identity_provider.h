// Credentials of a role assumed with a web identity (OIDC) token read from
// a file, through the unsigned sts:AssumeRoleWithWebIdentity: what
// Kubernetes service accounts and CI systems hand out. The file is read
// again at every assumption, since its writer rotates the token.
#ifndef FOYER_CREDS_WEB_IDENTITY_PROVIDER_H_
#define FOYER_CREDS_WEB_IDENTITY_PROVIDER_H_

#include <memory>
#include <string>

#include "aws/credentials.h"
#include "creds/chain_context.h"

namespace foyer::creds {

struct WebIdentitySettings {
  std::string token_file;
  std::string role_arn;
  std::string role_session_name;  // empty: as for AssumeRoleSettings
};

std::shared_ptr<aws::CredentialsProvider> MakeWebIdentityProvider(WebIdentitySettings settings,
                                                                  const ChainContext& context);

}  // namespace foyer::creds

#endif  // FOYER_CREDS_WEB_IDENTITY_PROVIDER_H_
