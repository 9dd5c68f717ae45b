#include "creds/container_provider.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/time_format.h"
#include "creds/refreshing_provider.h"

namespace foyer::creds {
namespace {

Error ContainerError(const std::string& what) {
  return MakeError("ContainerCredentialsError", "container credentials: " + what);
}

Result<std::string> AuthorizationHeader(const Environment& env) {
  std::string file = env.GetOrEmpty("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
  std::string token;
  if (!file.empty()) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      return ContainerError("cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE " + file + ": " +
                            std::strerror(errno));
    }
    std::ostringstream contents;
    contents << in.rdbuf();
    token = contents.str();
  } else {
    token = env.GetOrEmpty("AWS_CONTAINER_AUTHORIZATION_TOKEN");
  }
  if (token.find_first_of("\r\n") != std::string::npos) {
    return ContainerError("the authorization token holds a line break, which no HTTP header may");
  }
  return token;
}

Result<aws::Credentials> Fetch(const ChainContext& context) {
  aws::HttpRequest request;
  request.url = context.env.GetOrEmpty("AWS_CONTAINER_CREDENTIALS_FULL_URI");
  request.headers.emplace_back("Accept", "application/json");
  Result<std::string> authorization = AuthorizationHeader(context.env);
  if (!authorization.ok()) return authorization.error();
  if (!authorization->empty()) request.headers.emplace_back("Authorization", *authorization);
  Result<aws::HttpResponse> response = context.calls.send_http(request);
  if (!response.ok()) return ContainerError(request.url + ": " + response.error().message);
  if (response->status != 200) {
    return ContainerError(request.url + " answered HTTP " + std::to_string(response->status));
  }
  return ParseContainerCredentials(response->body);
}

std::string StringField(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

bool EnvironmentHasContainerEndpoint(const Environment& env) {
  return !env.GetOrEmpty("AWS_CONTAINER_CREDENTIALS_FULL_URI").empty();
}

Result<aws::Credentials> ParseContainerCredentials(std::string_view body) {
  nlohmann::json object = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (object.is_discarded() || !object.is_object()) {
    return ContainerError("the endpoint answered something that is not a JSON object");
  }
  aws::Credentials credentials;
  credentials.access_key_id = StringField(object, "AccessKeyId");
  credentials.secret_access_key = StringField(object, "SecretAccessKey");
  credentials.session_token = StringField(object, "Token");
  std::string expiration = StringField(object, "Expiration");
  if (credentials.access_key_id.empty() || credentials.secret_access_key.empty() ||
      credentials.session_token.empty() || expiration.empty()) {
    return ContainerError("the answer lacks AccessKeyId, SecretAccessKey, Token or Expiration");
  }
  Result<SystemTime> expiry = ParseIso8601(expiration);
  if (!expiry.ok()) return ContainerError("the answer's Expiration is not an RFC 3339 time");
  credentials.expiration = *expiry;
  credentials.source = "container";
  return credentials;
}

std::shared_ptr<aws::CredentialsProvider> MakeContainerProvider(const ChainContext& context) {
  return std::make_shared<RefreshingProvider>([context] { return Fetch(context); }, context.now);
}

}  // namespace foyer::creds
