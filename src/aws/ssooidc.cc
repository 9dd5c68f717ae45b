#include "aws/ssooidc.h"

#include <chrono>
#include <utility>

#include "aws/json_protocol.h"

namespace foyer::aws {
namespace {

const ServiceDescription kSsoOidc = {
    .name = "SSO OIDC",
    .endpoint_prefix = "oidc",
    .signing_name = "sso-oauth",
    .protocol = Protocol::kRestJson,
};

Clock::time_point FromEpochSeconds(long long seconds) {
  return Clock::time_point(std::chrono::seconds(seconds));
}

struct KnownError {
  std::string_view oauth_code;
  std::string_view exception;
  const char* explanation;
};

// The OAuth error codes of RFC 6749 / RFC 8628 as the service names them,
// with what a person should know about each.
constexpr KnownError kKnownErrors[] = {
    {"authorization_pending", kOidcAuthorizationPending,
     "the sign-in has not been approved in the browser yet"},
    {"slow_down", kOidcSlowDown, "polling too fast; wait longer between attempts"},
    {"expired_token", kOidcExpiredToken,
     "the device code expired before the sign-in was approved; start the login again"},
    {"invalid_grant", kOidcInvalidGrant,
     "the device code or refresh token is not valid (revoked, used or expired); log in again"},
    {"access_denied", kOidcAccessDenied, "the sign-in was denied in the browser"},
};

// Gives the device-flow errors one code whichever way the service spelled
// it, and a message that says what to do.
Error ExplainTokenError(Error error) {
  for (const KnownError& known : kKnownErrors) {
    if (error.code == known.oauth_code || error.code == known.exception) {
      error.code = std::string(known.exception);
      error.message = "SSO OIDC CreateToken failed: " + std::string(known.explanation);
      if (known.exception == kOidcInvalidGrant || known.exception == kOidcExpiredToken) {
        error.exit_code = ExitCode::kLoginNeeded;
      }
    }
  }
  return error;
}

}  // namespace

SsoOidcClient::SsoOidcClient(ClientConfig config) : caller_(std::move(config), kSsoOidc) {}

Result<nlohmann::json> SsoOidcClient::Post(std::string_view operation, std::string_view path,
                                           const nlohmann::json& input) {
  RestRequest request;
  request.method = "POST";
  request.path = std::string(path);
  request.headers.emplace_back("Content-Type", "application/json");
  request.body = input.dump();
  Result<RestResponse> response =
      caller_.CallRest(operation, request, CallOptions{.unsigned_request = true});
  if (!response.ok()) return response.error();
  return ParseJsonResult(response->body);
}

Result<RegisteredClient> SsoOidcClient::RegisterClient(const RegisterClientRequest& request) {
  nlohmann::json input = {{"clientName", request.client_name},
                          {"clientType", request.client_type}};
  if (!request.scopes.empty()) input["scopes"] = request.scopes;
  Result<nlohmann::json> output = Post("RegisterClient", "/client/register", input);
  if (!output.ok()) return output.error();
  RegisteredClient client;
  client.client_id = JsonString(*output, "clientId");
  client.client_secret = JsonString(*output, "clientSecret");
  client.issued_at = FromEpochSeconds(JsonInt(*output, "clientIdIssuedAt").value_or(0));
  client.secret_expires_at = FromEpochSeconds(JsonInt(*output, "clientSecretExpiresAt").value_or(0));
  if (client.client_id.empty() || client.client_secret.empty()) {
    return MakeError("ParseError", "SSO OIDC RegisterClient returned no clientId or clientSecret");
  }
  return client;
}

Result<DeviceAuthorization> SsoOidcClient::StartDeviceAuthorization(const RegisteredClient& client,
                                                                    const std::string& start_url) {
  nlohmann::json input = {{"clientId", client.client_id},
                          {"clientSecret", client.client_secret},
                          {"startUrl", start_url}};
  Result<nlohmann::json> output = Post("StartDeviceAuthorization", "/device_authorization", input);
  if (!output.ok()) return output.error();
  DeviceAuthorization authorization;
  authorization.device_code = JsonString(*output, "deviceCode");
  authorization.user_code = JsonString(*output, "userCode");
  authorization.verification_uri = JsonString(*output, "verificationUri");
  authorization.verification_uri_complete = JsonString(*output, "verificationUriComplete");
  authorization.expires_in_seconds = static_cast<int>(JsonInt(*output, "expiresIn").value_or(0));
  authorization.interval_seconds = static_cast<int>(JsonInt(*output, "interval").value_or(5));
  if (authorization.device_code.empty()) {
    return MakeError("ParseError", "SSO OIDC StartDeviceAuthorization returned no deviceCode");
  }
  return authorization;
}

Result<SsoToken> SsoOidcClient::CreateToken(const nlohmann::json& input) {
  Result<nlohmann::json> output = Post("CreateToken", "/token", input);
  if (!output.ok()) return ExplainTokenError(std::move(output.error()));
  SsoToken token;
  token.access_token = JsonString(*output, "accessToken");
  token.token_type = JsonString(*output, "tokenType");
  token.expires_in_seconds = static_cast<int>(JsonInt(*output, "expiresIn").value_or(0));
  token.refresh_token = JsonString(*output, "refreshToken");
  token.id_token = JsonString(*output, "idToken");
  if (token.access_token.empty()) {
    return MakeError("ParseError", "SSO OIDC CreateToken returned no accessToken");
  }
  return token;
}

Result<SsoToken> SsoOidcClient::CreateTokenFromDeviceCode(const RegisteredClient& client,
                                                          const std::string& device_code) {
  return CreateToken({{"clientId", client.client_id},
                      {"clientSecret", client.client_secret},
                      {"grantType", kDeviceCodeGrantType},
                      {"deviceCode", device_code}});
}

Result<SsoToken> SsoOidcClient::CreateTokenFromRefreshToken(const RegisteredClient& client,
                                                            const std::string& refresh_token) {
  return CreateToken({{"clientId", client.client_id},
                      {"clientSecret", client.client_secret},
                      {"grantType", kRefreshTokenGrantType},
                      {"refreshToken", refresh_token}});
}

}  // namespace foyer::aws
