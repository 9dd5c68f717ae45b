#include "aws/sso.h"

#include <chrono>
#include <utility>

#include "aws/json_protocol.h"
#include "aws/paginate.h"

namespace foyer::aws {
namespace {

const ServiceDescription kSso = {
    .name = "SSO",
    .endpoint_prefix = "portal.sso",
    .signing_name = "awsssoportal",
    .protocol = Protocol::kRestJson,
};

constexpr char kBearerHeader[] = "x-amz-sso_bearer_token";

}  // namespace

SsoClient::SsoClient(ClientConfig config) : caller_(std::move(config), kSso) {}

Result<nlohmann::json> SsoClient::Get(std::string_view operation, std::string_view path,
                                      std::vector<std::pair<std::string, std::string>> query,
                                      const std::string& access_token) {
  RestRequest request;
  request.method = "GET";
  request.path = std::string(path);
  request.query = std::move(query);
  request.headers.emplace_back(kBearerHeader, access_token);
  Result<RestResponse> response =
      caller_.CallRest(operation, request, CallOptions{.unsigned_request = true});
  if (!response.ok()) return response.error();
  return ParseJsonResult(response->body);
}

Result<Credentials> SsoClient::GetRoleCredentials(const std::string& access_token,
                                                  const std::string& account_id,
                                                  const std::string& role_name) {
  Result<nlohmann::json> output =
      Get("GetRoleCredentials", "/federation/credentials",
          {{"role_name", role_name}, {"account_id", account_id}}, access_token);
  if (!output.ok()) return output.error();
  const nlohmann::json& role = JsonObject(*output, "roleCredentials");
  Credentials credentials;
  credentials.access_key_id = JsonString(role, "accessKeyId");
  credentials.secret_access_key = JsonString(role, "secretAccessKey");
  credentials.session_token = JsonString(role, "sessionToken");
  // Unlike every other AWS timestamp, this one is in milliseconds.
  std::optional<long long> expiration_ms = JsonInt(role, "expiration");
  if (expiration_ms.has_value()) {
    credentials.expiration = Clock::time_point(std::chrono::milliseconds(*expiration_ms));
  }
  credentials.source = "sso " + account_id + "/" + role_name;
  if (credentials.access_key_id.empty() || credentials.secret_access_key.empty()) {
    return MakeError("ParseError", "SSO GetRoleCredentials returned no credentials for " +
                                       account_id + "/" + role_name);
  }
  return credentials;
}

Result<std::vector<SsoAccount>> SsoClient::ListAccounts(const std::string& access_token) {
  std::vector<SsoAccount> accounts;
  Status status = ForEachPage([&](const std::string& token) -> Result<std::string> {
    std::vector<std::pair<std::string, std::string>> query;
    if (!token.empty()) query.emplace_back("next_token", token);
    Result<nlohmann::json> page = Get("ListAccounts", "/assignment/accounts", query, access_token);
    if (!page.ok()) return page.error();
    for (const nlohmann::json& item : JsonArray(*page, "accountList")) {
      accounts.push_back({JsonString(item, "accountId"), JsonString(item, "accountName"),
                          JsonString(item, "emailAddress")});
    }
    return JsonString(*page, "nextToken");
  });
  if (!status.ok()) return status.error();
  return accounts;
}

Result<std::vector<SsoRole>> SsoClient::ListAccountRoles(const std::string& access_token,
                                                         const std::string& account_id) {
  std::vector<SsoRole> roles;
  Status status = ForEachPage([&](const std::string& token) -> Result<std::string> {
    std::vector<std::pair<std::string, std::string>> query = {{"account_id", account_id}};
    if (!token.empty()) query.emplace_back("next_token", token);
    Result<nlohmann::json> page = Get("ListAccountRoles", "/assignment/roles", query, access_token);
    if (!page.ok()) return page.error();
    for (const nlohmann::json& item : JsonArray(*page, "roleList")) {
      roles.push_back({JsonString(item, "roleName"), JsonString(item, "accountId")});
    }
    return JsonString(*page, "nextToken");
  });
  if (!status.ok()) return status.error();
  return roles;
}

Status SsoClient::Logout(const std::string& access_token) {
  RestRequest request;
  request.method = "POST";
  request.path = "/logout";
  request.headers.emplace_back(kBearerHeader, access_token);
  Result<RestResponse> response =
      caller_.CallRest("Logout", request, CallOptions{.unsigned_request = true});
  if (!response.ok()) return response.error();
  return OkStatus();
}

}  // namespace foyer::aws
