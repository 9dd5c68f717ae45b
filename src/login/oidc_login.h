// The whole browser login with an OpenID provider: discovery, keys, the
// loopback listener, the authorization URL, the redirect, the code exchange
// and the ID token checks. What comes out is an ID token foyer has verified
// itself, ready for sts:AssumeRoleWithWebIdentity.
#ifndef FOYER_LOGIN_OIDC_LOGIN_H_
#define FOYER_LOGIN_OIDC_LOGIN_H_

#include <chrono>
#include <functional>
#include <string>

#include "aws/http.h"
#include "base/result.h"
#include "login/id_token.h"

namespace foyer::login {

struct OidcLoginSettings {
  std::string issuer;
  std::string client_id;
  std::string scope = "openid email profile";
  std::chrono::seconds timeout{300};
};

struct OidcIdentity {
  std::string id_token;  // secret
  IdTokenClaims claims;
  std::string refresh_token;  // secret, may be empty
};

// `present_url` is called once with the URL the person must open (the
// command prints it, and opens the browser unless told not to).
Result<OidcIdentity> LoginWithBrowser(aws::HttpTransport& transport, const OidcLoginSettings& settings,
                                      const std::function<void(const std::string& url)>& present_url);

}  // namespace foyer::login

#endif  // FOYER_LOGIN_OIDC_LOGIN_H_
