#include "login/oidc_discovery.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "aws/curl_transport.h"
#include "base/json_fields.h"

namespace foyer::login {
namespace {

Error DiscoveryError(std::string_view issuer, const std::string& why) {
  return MakeError("OidcDiscoveryError",
                   "the OpenID provider '" + std::string(issuer) + "' cannot be used: " + why);
}

}  // namespace

bool IsAcceptableEndpoint(std::string_view url) {
  if (url.rfind("https://", 0) == 0) return url.size() > 8;
  return url.rfind("http://", 0) == 0 && aws::IsLoopbackUrl(url);
}

Result<OidcProviderMetadata> ParseProviderMetadata(std::string_view text, std::string_view expected_issuer) {
  auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return DiscoveryError(expected_issuer, "its discovery document is not a JSON object");
  OidcProviderMetadata metadata;
  metadata.issuer = StringField(json, "issuer");
  if (metadata.issuer != expected_issuer) {
    return DiscoveryError(expected_issuer, "its discovery document names the issuer '" + metadata.issuer +
                                               "'; the configured issuer must be exactly that");
  }
  metadata.authorization_endpoint = StringField(json, "authorization_endpoint");
  metadata.token_endpoint = StringField(json, "token_endpoint");
  metadata.jwks_uri = StringField(json, "jwks_uri");
  metadata.device_authorization_endpoint = StringField(json, "device_authorization_endpoint");
  for (const auto& [name, url] : {std::pair<const char*, const std::string&>{"authorization_endpoint",
                                                                              metadata.authorization_endpoint},
                                  {"token_endpoint", metadata.token_endpoint},
                                  {"jwks_uri", metadata.jwks_uri}}) {
    if (url.empty()) return DiscoveryError(expected_issuer, std::string("its discovery document has no ") + name);
    if (!IsAcceptableEndpoint(url)) {
      return DiscoveryError(expected_issuer, std::string(name) + " '" + url + "' is not https");
    }
  }
  if (!metadata.device_authorization_endpoint.empty() &&
      !IsAcceptableEndpoint(metadata.device_authorization_endpoint)) {
    return DiscoveryError(expected_issuer, "device_authorization_endpoint '" +
                                               metadata.device_authorization_endpoint + "' is not https");
  }
  auto methods = json.find("code_challenge_methods_supported");
  if (methods != json.end() && methods->is_array()) {
    for (const auto& method : *methods) {
      if (method.is_string()) metadata.code_challenge_methods_supported.push_back(method.get<std::string>());
    }
    const auto& supported = metadata.code_challenge_methods_supported;
    if (std::find(supported.begin(), supported.end(), "S256") == supported.end()) {
      return DiscoveryError(expected_issuer, "it does not offer PKCE with S256, which foyer requires");
    }
  }
  auto iss_supported = json.find("authorization_response_iss_parameter_supported");
  metadata.authorization_response_iss_parameter_supported =
      iss_supported != json.end() && iss_supported->is_boolean() && iss_supported->get<bool>();
  return metadata;
}

Result<std::string> FetchDocument(aws::HttpTransport& transport, const std::string& url, std::string_view what) {
  if (!IsAcceptableEndpoint(url)) {
    return MakeError("InsecureEndpoint", "the " + std::string(what) + " URL '" + url + "' is not https");
  }
  aws::HttpRequest request;
  request.url = url;
  request.headers.emplace_back("Accept", "application/json");
  auto response = transport.Send(request, aws::HttpOptions{});
  if (!response.ok()) {
    Error error = response.error();
    error.message = "could not fetch the " + std::string(what) + " from " + url + ": " + error.message;
    return error;
  }
  if (response->status != 200) {
    Error error = MakeError("OidcDiscoveryError", "fetching the " + std::string(what) + " from " + url +
                                                      " answered HTTP " + std::to_string(response->status));
    error.http_status = response->status;
    return error;
  }
  return response->body;
}

Result<OidcProviderMetadata> DiscoverProvider(aws::HttpTransport& transport, std::string_view issuer) {
  std::string base(issuer);
  while (!base.empty() && base.back() == '/') base.pop_back();
  auto document = FetchDocument(transport, base + "/.well-known/openid-configuration", "OpenID discovery document");
  if (!document.ok()) return document.error();
  return ParseProviderMetadata(*document, issuer);
}

}  // namespace foyer::login
