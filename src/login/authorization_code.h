// The two halves of an OAuth 2.0 authorization-code login (RFC 6749 4.1,
// with PKCE, RFC 7636, and the issuer check of RFC 9207): the URL the person
// is sent to, and the checks on what comes back to the loopback redirect.
#ifndef FOYER_LOGIN_AUTHORIZATION_CODE_H_
#define FOYER_LOGIN_AUTHORIZATION_CODE_H_

#include <string>
#include <string_view>

#include "base/result.h"
#include "login/oidc_discovery.h"
#include "login/pkce.h"

namespace foyer::login {

// Everything one login attempt must remember between the two halves.
struct AuthorizationAttempt {
  std::string client_id;
  std::string redirect_uri;  // http://127.0.0.1:<port>/callback
  std::string scope = "openid email profile";
  std::string state = RandomUrlSafeToken();
  std::string nonce = RandomUrlSafeToken();
  Pkce pkce = MakePkce();
};

// The authorization endpoint URL with response_type=code, client_id,
// redirect_uri, scope, state, nonce, code_challenge and
// code_challenge_method=S256.
std::string AuthorizationUrl(const OidcProviderMetadata& provider, const AuthorizationAttempt& attempt);

// Checks the query string that reached the redirect URI and returns the
// authorization code. Refuses: an error response (with the provider's
// error and description), a missing or different state (a forged or stale
// redirect), an "iss" other than the provider's (RFC 9207; required when the
// provider says it sends it), and a missing code.
Result<std::string> AuthorizationCodeFrom(std::string_view query, const OidcProviderMetadata& provider,
                                          const AuthorizationAttempt& attempt);

}  // namespace foyer::login

#endif  // FOYER_LOGIN_AUTHORIZATION_CODE_H_
