#include "login/refresh_token.h"

#include <nlohmann/json.hpp>

#include "base/json_fields.h"
#include "base/url_encoding.h"

namespace foyer::login {

std::string OidcRefreshTokenName(const std::string& org) { return "oidc-refresh-token/" + org; }

Result<TokenResponse> RedeemRefreshToken(aws::HttpTransport& transport, const OidcProviderMetadata& provider,
                                         const std::string& client_id, const std::string& refresh_token) {
  aws::HttpRequest request;
  request.method = "POST";
  request.url = provider.token_endpoint;
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "application/json"}};
  request.body = EncodeQueryString(
      {{"grant_type", "refresh_token"}, {"refresh_token", refresh_token}, {"client_id", client_id}});
  auto response = transport.Send(request, aws::HttpOptions{});
  if (!response.ok()) {
    Error error = response.error();
    error.message = "could not reach the provider's token endpoint: " + error.message;
    return error;
  }
  auto tokens = ParseTokenResponse(response->status, response->body);
  if (!tokens.ok()) {
    auto body = nlohmann::json::parse(response->body, nullptr, /*allow_exceptions=*/false);
    if (StringField(body, "error") == "invalid_grant") tokens.error().code = kRefreshTokenRefused;
  }
  return tokens;
}

Result<std::optional<OidcIdentity>> LoginWithRefreshToken(aws::HttpTransport& transport,
                                                          const OidcLoginSettings& settings,
                                                          const std::string& refresh_token) {
  auto provider = DiscoverProvider(transport, settings.issuer);
  if (!provider.ok()) return provider.error();
  auto jwks_document = FetchDocument(transport, provider->jwks_uri, "provider's signing keys (JWKS)");
  if (!jwks_document.ok()) return jwks_document.error();
  auto keys = JwkSet::Parse(*jwks_document);
  if (!keys.ok()) return keys.error();

  auto tokens = RedeemRefreshToken(transport, *provider, settings.client_id, refresh_token);
  if (!tokens.ok()) {
    if (tokens.error().code == kRefreshTokenRefused) return std::optional<OidcIdentity>();
    return tokens.error();
  }
  IdTokenExpectations expected;
  expected.issuer = provider->issuer;
  expected.client_id = settings.client_id;
  expected.now = std::chrono::system_clock::now();
  auto claims = ValidateIdToken(tokens->id_token, *keys, expected);
  if (!claims.ok()) return claims.error();
  return std::optional<OidcIdentity>(OidcIdentity{
      tokens->id_token, std::move(*claims), tokens->refresh_token.empty() ? refresh_token : tokens->refresh_token});
}

Result<OidcIdentity> LoginKeepingRefreshToken(aws::HttpTransport& transport, const OidcLoginSettings& settings,
                                              SecretStore& secrets, const std::string& name,
                                              const std::function<Result<OidcIdentity>()>& sign_in) {
  auto stored = secrets.Get(name);
  if (!stored.ok()) return stored.error();
  std::optional<OidcIdentity> identity;
  if (stored->has_value()) {
    auto refreshed = LoginWithRefreshToken(transport, settings, **stored);
    if (!refreshed.ok()) return refreshed.error();
    identity = std::move(*refreshed);
    if (!identity) FOYER_RETURN_IF_ERROR(secrets.Delete(name));
  }
  if (!identity) {
    auto signed_in = sign_in();
    if (!signed_in.ok()) return signed_in.error();
    identity = std::move(*signed_in);
  }
  if (!identity->refresh_token.empty()) FOYER_RETURN_IF_ERROR(secrets.Put(name, identity->refresh_token));
  return std::move(*identity);
}

}  // namespace foyer::login
