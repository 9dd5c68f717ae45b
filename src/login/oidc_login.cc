#include "login/oidc_login.h"

#include "login/authorization_code.h"
#include "login/loopback_listener.h"
#include "login/oidc_discovery.h"
#include "login/token_exchange.h"

namespace foyer::login {

Result<OidcIdentity> LoginWithBrowser(aws::HttpTransport& transport, const OidcLoginSettings& settings,
                                      const std::function<void(const std::string& url)>& present_url) {
  auto provider = DiscoverProvider(transport, settings.issuer);
  if (!provider.ok()) return provider.error();
  auto jwks_document = FetchDocument(transport, provider->jwks_uri, "provider's signing keys (JWKS)");
  if (!jwks_document.ok()) return jwks_document.error();
  auto keys = JwkSet::Parse(*jwks_document);
  if (!keys.ok()) return keys.error();

  auto listener = LoopbackListener::Start();
  if (!listener.ok()) return listener.error();
  AuthorizationAttempt attempt;
  attempt.client_id = settings.client_id;
  attempt.redirect_uri = (*listener)->redirect_uri();
  attempt.scope = settings.scope;
  present_url(AuthorizationUrl(*provider, attempt));

  auto query = (*listener)->WaitForRedirect(settings.timeout);
  if (!query.ok()) return query.error();
  auto code = AuthorizationCodeFrom(*query, *provider, attempt);
  if (!code.ok()) return code.error();
  auto tokens = ExchangeAuthorizationCode(transport, *provider, attempt, *code);
  if (!tokens.ok()) return tokens.error();

  IdTokenExpectations expected;
  expected.issuer = provider->issuer;
  expected.client_id = settings.client_id;
  expected.nonce = attempt.nonce;
  expected.now = std::chrono::system_clock::now();
  auto claims = ValidateIdToken(tokens->id_token, *keys, expected);
  if (!claims.ok()) return claims.error();
  return OidcIdentity{tokens->id_token, std::move(*claims), tokens->refresh_token};
}

}  // namespace foyer::login
