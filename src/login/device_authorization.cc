#include "login/device_authorization.h"

#include <nlohmann/json.hpp>

#include "base/json_fields.h"
#include "base/url_encoding.h"

namespace foyer::login {
namespace {

Error Refused(const std::string& what) {
  return MakeError("LoginRefused", "the provider's device authorization " + what);
}

// A positive whole number of seconds, or nullopt.
std::optional<std::chrono::seconds> Seconds(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_number_integer()) return std::nullopt;
  long long value = it->get<long long>();
  // A day is longer than any device code lives; more is nonsense to refuse.
  if (value <= 0 || value > 86400) return std::nullopt;
  return std::chrono::seconds(value);
}

std::string OAuthErrorText(const nlohmann::json& body, const std::string& error) {
  std::string description = StringField(body, "error_description");
  return error + (description.empty() ? "" : ": " + description);
}

Result<aws::HttpResponse> PostForm(aws::HttpTransport& transport, const std::string& url,
                                   const std::vector<std::pair<std::string, std::string>>& form,
                                   std::string_view what) {
  aws::HttpRequest request;
  request.method = "POST";
  request.url = url;
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "application/json"}};
  request.body = EncodeQueryString(form);
  auto response = transport.Send(request, aws::HttpOptions{});
  if (!response.ok()) {
    Error error = response.error();
    error.message = "could not reach the provider's " + std::string(what) + ": " + error.message;
    return error;
  }
  return response;
}

}  // namespace

Result<DeviceAuthorizationResponse> ParseDeviceAuthorizationResponse(int http_status, std::string_view body) {
  auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) {
    return Refused("endpoint answered HTTP " + std::to_string(http_status) + " with a body that is not JSON");
  }
  std::string oauth_error = StringField(json, "error");
  if (http_status != 200 || !oauth_error.empty()) {
    Error error = Refused("was refused: " + (oauth_error.empty() ? "HTTP " + std::to_string(http_status)
                                                                  : OAuthErrorText(json, oauth_error)));
    error.http_status = http_status;
    return error;
  }
  DeviceAuthorizationResponse response;
  response.device_code = StringField(json, "device_code");
  response.user_code = StringField(json, "user_code");
  response.verification_uri = StringField(json, "verification_uri");
  response.verification_uri_complete = StringField(json, "verification_uri_complete");
  if (response.device_code.empty() || response.user_code.empty() || response.verification_uri.empty()) {
    return Refused("response lacks device_code, user_code or verification_uri");
  }
  // The person is sent there to type their password: never plain http off
  // this machine, and never anything but a web address.
  if (!IsAcceptableEndpoint(response.verification_uri) ||
      (!response.verification_uri_complete.empty() && !IsAcceptableEndpoint(response.verification_uri_complete))) {
    return Refused("response names a verification address that is not https");
  }
  auto expires_in = Seconds(json, "expires_in");
  if (!expires_in) return Refused("response has no valid expires_in");
  response.expires_in = *expires_in;
  if (json.contains("interval")) {
    auto interval = Seconds(json, "interval");
    if (!interval) return Refused("response has an interval that is not a positive number of seconds");
    response.interval = *interval;
  }
  return response;
}

Result<DeviceTokenPoll> ParseDeviceTokenPoll(int http_status, std::string_view body) {
  auto json = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  std::string oauth_error = json.is_object() ? StringField(json, "error") : "";
  DeviceTokenPoll poll;
  if (oauth_error == "authorization_pending") return poll;
  if (oauth_error == "slow_down") {
    poll.answer = DevicePollAnswer::kSlowDown;
    return poll;
  }
  if (oauth_error == "access_denied" || oauth_error == "expired_token") {
    Error error = MakeError("LoginRefused", oauth_error == "access_denied"
                                                ? "the sign-in was denied at the provider; run `foyer login` again"
                                                : "the sign-in code expired before it was approved; run `foyer "
                                                  "login` again");
    error.exit_code = ExitCode::kLoginNeeded;
    error.http_status = http_status;
    return error;
  }
  auto tokens = ParseTokenResponse(http_status, body);
  if (!tokens.ok()) return tokens.error();
  poll.answer = DevicePollAnswer::kApproved;
  poll.tokens = std::move(*tokens);
  return poll;
}

Result<DeviceAuthorizationResponse> StartDeviceAuthorization(aws::HttpTransport& transport,
                                                             const OidcProviderMetadata& provider,
                                                             const std::string& client_id, const std::string& scope) {
  if (provider.device_authorization_endpoint.empty()) {
    Error error = MakeError("LoginRefused", "the OpenID provider '" + provider.issuer +
                                                "' offers no device authorization endpoint; log in without "
                                                "--device, or enable the device flow for this client at the provider");
    error.exit_code = ExitCode::kUsage;
    return error;
  }
  auto response = PostForm(transport, provider.device_authorization_endpoint,
                           {{"client_id", client_id}, {"scope", scope}},
                           "device authorization endpoint");
  if (!response.ok()) return response.error();
  return ParseDeviceAuthorizationResponse(response->status, response->body);
}

Result<DeviceTokenPoll> PollDeviceToken(aws::HttpTransport& transport, const OidcProviderMetadata& provider,
                                        const std::string& client_id, const std::string& device_code) {
  auto response = PostForm(transport, provider.token_endpoint,
                           {{"grant_type", std::string(kDeviceCodeGrant)},
                            {"device_code", device_code},
                            {"client_id", client_id}},
                           "token endpoint");
  if (!response.ok()) return response.error();
  return ParseDeviceTokenPoll(response->status, response->body);
}

}  // namespace foyer::login
