#include "login/token_exchange.h"

#include <nlohmann/json.hpp>

#include "base/json_fields.h"
#include "base/url_encoding.h"

namespace foyer::login {

Result<TokenResponse> ParseTokenResponse(int http_status, std::string_view body) {
  auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) {
    Error error = MakeError("LoginRefused", "the provider's token endpoint answered HTTP " +
                                                std::to_string(http_status) + " with a body that is not JSON");
    error.http_status = http_status;
    return error;
  }
  std::string oauth_error = StringField(json, "error");
  if (http_status != 200 || !oauth_error.empty()) {
    std::string description = StringField(json, "error_description");
    Error error = MakeError("LoginRefused", "the provider refused the token request: " +
                                                (oauth_error.empty() ? "HTTP " + std::to_string(http_status)
                                                                     : oauth_error) +
                                                (description.empty() ? "" : ": " + description));
    error.http_status = http_status;
    return error;
  }
  TokenResponse tokens;
  tokens.id_token = StringField(json, "id_token");
  tokens.access_token = StringField(json, "access_token");
  tokens.refresh_token = StringField(json, "refresh_token");
  auto expires_in = json.find("expires_in");
  if (expires_in != json.end() && expires_in->is_number_integer()) {
    tokens.expires_in = std::chrono::seconds(expires_in->get<long long>());
  }
  if (tokens.id_token.empty()) {
    return MakeError("LoginRefused", "the provider's token response has no id_token; is 'openid' among the scopes?");
  }
  return tokens;
}

Result<TokenResponse> ExchangeAuthorizationCode(aws::HttpTransport& transport, const OidcProviderMetadata& provider,
                                                const AuthorizationAttempt& attempt, const std::string& code) {
  aws::HttpRequest request;
  request.method = "POST";
  request.url = provider.token_endpoint;
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "application/json"}};
  request.body = EncodeQueryString({{"grant_type", "authorization_code"},
                                    {"code", code},
                                    {"redirect_uri", attempt.redirect_uri},
                                    {"client_id", attempt.client_id},
                                    {"code_verifier", attempt.pkce.verifier}});
  auto response = transport.Send(request, aws::HttpOptions{});
  if (!response.ok()) {
    Error error = response.error();
    error.message = "could not reach the provider's token endpoint: " + error.message;
    return error;
  }
  return ParseTokenResponse(response->status, response->body);
}

}  // namespace foyer::login
