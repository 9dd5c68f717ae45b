#include "access/console_sign_in.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "aws/curl_transport.h"
#include "aws/endpoints.h"
#include "login/client_config.h"
#include "base/url_encoding.h"

namespace foyer::access {
namespace {

Error UsageError(std::string message) {
  Error error = MakeError("BadDestination", std::move(message));
  error.exit_code = ExitCode::kUsage;
  return error;
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

bool IsHostName(std::string_view host) {
  return !host.empty() && std::all_of(host.begin(), host.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '.' || c == '-';
  });
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

Result<ConsoleEndpoints> ConsoleEndpointsFor(const std::string& partition, const creds::Environment& env) {
  ConsoleEndpoints endpoints;
  if (partition == "aws-cn") {
    endpoints = {"https://signin.amazonaws.cn/federation", "console.amazonaws.cn"};
  } else if (partition == "aws-us-gov") {
    endpoints = {"https://signin.amazonaws-us-gov.com/federation", "console.amazonaws-us-gov.com"};
  } else {
    endpoints = {"https://signin.aws.amazon.com/federation", "console.aws.amazon.com"};
  }
  if (auto override = env.Get("FOYER_FEDERATION_ENDPOINT"); override && !override->empty()) {
    if (override->rfind("http://", 0) != 0 || !aws::IsLoopbackUrl(*override)) {
      return MakeError("InvalidEndpoint", "FOYER_FEDERATION_ENDPOINT must be a loopback http URL (it is a test "
                                          "hook), not '" + *override + "'");
    }
    endpoints.federation = *override;
  }
  return endpoints;
}

std::string DefaultDestination(const ConsoleEndpoints& endpoints, const std::string& region) {
  return "https://" + endpoints.console_host + "/console/home?region=" + PercentEncode(region);
}

Status CheckDestination(const std::string& destination, const ConsoleEndpoints& endpoints) {
  std::string refused = "--destination '" + destination + "' is refused: only https URLs on " +
                        endpoints.console_host + " or its subdomains can follow the sign-in";
  constexpr std::string_view kScheme = "https://";
  if (Lower(destination.substr(0, kScheme.size())) != kScheme) return UsageError(refused);
  if (std::any_of(destination.begin(), destination.end(),
                  [](unsigned char c) { return c <= ' ' || c == '\\' || c >= 0x7f; })) {
    return UsageError(refused);
  }
  std::string rest = destination.substr(kScheme.size());
  std::string authority = rest.substr(0, rest.find_first_of("/?#"));
  if (authority.find('@') != std::string::npos) return UsageError(refused);
  std::string host = Lower(authority);
  if (EndsWith(host, ":443")) host.resize(host.size() - 4);
  if (!IsHostName(host) || host.back() == '.') return UsageError(refused);
  if (host != endpoints.console_host && !EndsWith(host, "." + endpoints.console_host)) return UsageError(refused);
  return OkStatus();
}

std::string SessionJson(const aws::Credentials& credentials) {
  nlohmann::ordered_json session;
  session["sessionId"] = credentials.access_key_id;
  session["sessionKey"] = credentials.secret_access_key;
  session["sessionToken"] = credentials.session_token;
  return session.dump();
}

Result<std::string> ConsoleSignInUrl(const ConsoleRequest& request, const ConsoleEndpoints& endpoints,
                                     aws::HttpTransport& transport) {
  QueryPairs query = {{"Action", "getSigninToken"}};
  if (request.session_duration) query.emplace_back("SessionDuration", std::to_string(request.session_duration->count()));
  query.emplace_back("Session", SessionJson(request.credentials));
  aws::HttpRequest token_request;
  token_request.url = endpoints.federation + "?" + EncodeQueryString(query);
  auto response = transport.Send(token_request, aws::HttpOptions{});
  if (!response.ok()) return response.error();
  std::string token;
  if (response->status == 200) {
    auto body = nlohmann::json::parse(response->body, nullptr, false);
    if (body.is_object() && body.contains("SigninToken") && body["SigninToken"].is_string()) {
      token = body["SigninToken"].get<std::string>();
    }
  }
  if (token.empty()) {
    return MakeError("SigninFailed", "the console sign-in endpoint " + endpoints.federation + " answered HTTP " +
                                         std::to_string(response->status) + " without a sign-in token");
  }
  return endpoints.federation + "?" +
         EncodeQueryString({{"Action", "login"}, {"Issuer", "foyer"}, {"Destination", request.destination},
                            {"SigninToken", token}});
}

Result<std::string> ConsoleUrlForTarget(const TargetSessionOptions& target, const std::string& destination,
                                        const creds::Environment& env) {
  auto config = login::LoadClientConfig(login::ClientConfigPath());
  if (!config.ok()) return config.error();
  auto org = config->Select(target.org);
  if (!org.ok()) return org.error();
  const std::string& region = (*org)->regions.front();
  auto endpoints = ConsoleEndpointsFor(aws::PartitionOf(region), env);
  if (!endpoints.ok()) return endpoints.error();
  ConsoleRequest request;
  request.destination = destination.empty() ? DefaultDestination(*endpoints, region) : destination;
  if (Status checked = CheckDestination(request.destination, *endpoints); !checked.ok()) return checked.error();
  auto session = OpenTargetSession(target, env);
  if (!session.ok()) return session.error();
  request.credentials = session->session.credentials;
  aws::CurlTransport transport;
  return ConsoleSignInUrl(request, *endpoints, transport);
}

}  // namespace foyer::access
