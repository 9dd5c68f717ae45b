// The token request of the authorization-code grant (RFC 6749 4.1.3) and the
// refresh grant (section 6), and the token response.
#ifndef FOYER_LOGIN_TOKEN_EXCHANGE_H_
#define FOYER_LOGIN_TOKEN_EXCHANGE_H_

#include <chrono>
#include <string>

#include "aws/http.h"
#include "base/result.h"
#include "login/authorization_code.h"

namespace foyer::login {

struct TokenResponse {
  std::string id_token;       // secret
  std::string access_token;   // secret
  std::string refresh_token;  // secret, may be empty
  std::chrono::seconds expires_in{0};
};

// Parses a token endpoint response: a 200 JSON body with id_token, or an
// OAuth error body ({"error","error_description"}), which becomes a clear
// Error ("invalid_grant: ..."). Never quotes tokens.
Result<TokenResponse> ParseTokenResponse(int http_status, std::string_view body);

// POSTs grant_type=authorization_code with the code, redirect_uri,
// client_id and the PKCE verifier.
Result<TokenResponse> ExchangeAuthorizationCode(aws::HttpTransport& transport, const OidcProviderMetadata& provider,
                                                const AuthorizationAttempt& attempt, const std::string& code);

}  // namespace foyer::login

#endif  // FOYER_LOGIN_TOKEN_EXCHANGE_H_
