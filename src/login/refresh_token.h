// OpenID Connect refresh tokens (RFC 6749 section 6): a new ID token without
// the browser or the device, as long as the provider keeps honouring the
// refresh token it issued (scope offline_access).
//
// The refresh token is a long-term secret: it is kept only in the secret
// store (keyring or encrypted file), under OidcRefreshTokenName(org).
#ifndef FOYER_LOGIN_REFRESH_TOKEN_H_
#define FOYER_LOGIN_REFRESH_TOKEN_H_

#include <functional>
#include <optional>
#include <string>

#include "aws/http.h"
#include "base/result.h"
#include "login/oidc_discovery.h"
#include "login/oidc_login.h"
#include "login/secret_store.h"
#include "login/token_exchange.h"

namespace foyer::login {

// "oidc-refresh-token/<org>": the secret store entry.
std::string OidcRefreshTokenName(const std::string& org);

// The error code of RedeemRefreshToken when the provider answers
// invalid_grant: the refresh token is revoked, expired or used up.
inline constexpr const char* kRefreshTokenRefused = "RefreshTokenRefused";

// POSTs grant_type=refresh_token with the refresh token and client_id.
Result<TokenResponse> RedeemRefreshToken(aws::HttpTransport& transport, const OidcProviderMetadata& provider,
                                         const std::string& client_id, const std::string& refresh_token);

// Discovery, the signing keys, then the refresh grant. The new ID token is
// checked like a login's (signature, iss, aud, exp, iat; it must carry no
// nonce, as OpenID Connect Core 12.2 says of refreshed tokens from a flow
// without one). Returns nullopt when the provider refuses the refresh token
// (invalid_grant: revoked, expired, used): the caller signs in again. The
// identity's refresh_token is the new one, or the old one when the
// provider does not rotate them.
Result<std::optional<OidcIdentity>> LoginWithRefreshToken(aws::HttpTransport& transport,
                                                          const OidcLoginSettings& settings,
                                                          const std::string& refresh_token);

// A verified identity from the refresh token kept in `secrets` under `name`
// while the provider honours it, else from `sign_in` (the browser or device
// flow). The refresh token that comes back replaces the stored one; one the
// provider refused is deleted.
Result<OidcIdentity> LoginKeepingRefreshToken(aws::HttpTransport& transport, const OidcLoginSettings& settings,
                                              SecretStore& secrets, const std::string& name,
                                              const std::function<Result<OidcIdentity>()>& sign_in);

}  // namespace foyer::login

#endif  // FOYER_LOGIN_REFRESH_TOKEN_H_
