// Credentials of an IAM Identity Center permission set, bought with the
// access token `aws sso login` (or `foyer login`) left in the token cache.
//
// For [sso-session] profiles, a token within 15 minutes of expiry is
// refreshed with the refresh grant and the cache file rewritten, as the AWS
// CLI v2 does. A token that is missing or expired (and cannot be refreshed)
// is an error with exit code 3 asking the person to log in.
#ifndef FOYER_CREDS_SSO_PROVIDER_H_
#define FOYER_CREDS_SSO_PROVIDER_H_

#include <memory>
#include <string>

#include "aws/credentials.h"
#include "creds/chain_context.h"

namespace foyer::creds {

struct SsoSettings {
  std::string start_url;
  std::string sso_region;
  std::string account_id;
  std::string role_name;
  // The [sso-session] name; empty for profiles that set sso_start_url
  // themselves (those tokens are found by start URL and never refreshed).
  std::string session_name;
};

std::shared_ptr<aws::CredentialsProvider> MakeSsoProvider(SsoSettings settings,
                                                          const ChainContext& context);

}  // namespace foyer::creds

#endif  // FOYER_CREDS_SSO_PROVIDER_H_
