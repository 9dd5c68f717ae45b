// Getting into the admin account through IAM Identity Center: an access
// token (identity_center_token.h), the credentials of the group's permission
// set in the admin account (sso:GetRoleCredentials), then sts:AssumeRole of
// the group's landing role, so that every method ends on the same role.
#ifndef FOYER_LOGIN_IDENTITY_CENTER_LOGIN_H_
#define FOYER_LOGIN_IDENTITY_CENTER_LOGIN_H_

#include <string>

#include "base/result.h"
#include "creds/environment.h"
#include "login/client_config.h"
#include "login/landing_login.h"
#include "store/credential_cache.h"

namespace foyer::login {

// The token cache file of `org`: ~/.aws/sso/cache/<sha1>.json of its
// session name (the org's name when none is configured).
// REQUIRES: org.identity_center
std::string IdentityCenterTokenPath(const OrgAccess& org, const creds::Environment& env);

// Removes the org's token file (`foyer logout`): the access token and the
// refresh token with it. No error when there is none.
// REQUIRES: org.identity_center
Status ForgetIdentityCenterToken(const OrgAccess& org, const creds::Environment& env);

// The landing session of options.group. The chained hop lasts one hour at
// most (STS's limit for role chaining); its SourceIdentity and session name
// are the Identity Center user name, as the portal's session shows it.
// REQUIRES: org.identity_center
Result<store::CachedCredentials> LogInWithIdentityCenter(const OrgAccess& org, const LoginOptions& options);

}  // namespace foyer::login

#endif  // FOYER_LOGIN_IDENTITY_CENTER_LOGIN_H_
