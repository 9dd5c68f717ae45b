// Signs requests with foyer's SigV4 code for the differential test against
// botocore (test_sigv4_botocore.py).
//
// Reads one JSON object a line on stdin:
//   {"mode": "header" | "presign", "method": "GET", "url": "https://...",
//    "headers": [["Name", "value"], ...], "body_hex": "68656c6c6f",
//    "access_key_id": "...", "secret_access_key": "...", "session_token": "",
//    "region": "us-east-1", "service": "sts", "time": <seconds since epoch>,
//    "unsigned_payload": false, "double_encode_path": true,
//    "add_content_sha256_header": false, "expires": 3600}
// and writes one JSON object a line on stdout: for "header", the request's
// headers after signing ({"headers": [[name, value], ...]}); for "presign",
// {"url": "..."}; both with "canonical_request" and "string_to_sign", so a
// mismatch can be shown in detail. A line that cannot be read gets
// {"error": "..."}.
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "aws/sigv4.h"

namespace {

using foyer::aws::Clock;
using nlohmann::json;

std::string FromHex(const std::string& hex) {
  std::string bytes;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  }
  return bytes;
}

json SignOne(const json& input) {
  foyer::aws::HttpRequest request;
  request.method = input.at("method").get<std::string>();
  request.url = input.at("url").get<std::string>();
  for (const json& header : input.value("headers", json::array())) {
    request.headers.emplace_back(header.at(0).get<std::string>(), header.at(1).get<std::string>());
  }
  request.body = FromHex(input.value("body_hex", ""));

  foyer::aws::Credentials credentials;
  credentials.access_key_id = input.at("access_key_id").get<std::string>();
  credentials.secret_access_key = input.at("secret_access_key").get<std::string>();
  credentials.session_token = input.value("session_token", "");

  foyer::aws::SigningParams params;
  params.region = input.at("region").get<std::string>();
  params.service = input.at("service").get<std::string>();
  params.time = Clock::from_time_t(input.at("time").get<std::time_t>());
  params.unsigned_payload = input.value("unsigned_payload", false);
  params.double_encode_path = input.value("double_encode_path", true);
  params.add_content_sha256_header = input.value("add_content_sha256_header", false);

  foyer::aws::SigningTrace trace;
  json output;
  if (input.at("mode") == "presign") {
    std::chrono::seconds expires(input.value("expires", 3600));
    output["url"] = foyer::aws::PresignUrl(request, credentials, params, expires, &trace);
  } else {
    foyer::aws::SignRequest(request, credentials, params, &trace);
    output["headers"] = json::array();
    for (const auto& [name, value] : request.headers) output["headers"].push_back({name, value});
  }
  output["canonical_request"] = trace.canonical_request;
  output["string_to_sign"] = trace.string_to_sign;
  return output;
}

}  // namespace

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.empty()) continue;
    json output;
    try {
      output = SignOne(json::parse(line));
    } catch (const json::exception& error) {
      output = {{"error", error.what()}};
    }
    std::cout << output.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
  }
  return 0;
}
