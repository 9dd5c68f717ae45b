#include "login/jwt.h"

#include "base/base64.h"

namespace foyer::login {
namespace {

Error Malformed(const std::string& why) {
  Error error = MakeError("InvalidToken", "the ID token is malformed: " + why);
  return error;
}

Result<nlohmann::json> DecodeObject(std::string_view segment, const char* what) {
  auto bytes = Base64UrlDecode(segment);
  if (!bytes.ok()) return Malformed(std::string("its ") + what + " is not base64url");
  auto json = nlohmann::json::parse(*bytes, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return Malformed(std::string("its ") + what + " is not a JSON object");
  return json;
}

}  // namespace

Result<Jwt> ParseJwt(std::string_view token) {
  size_t first = token.find('.');
  size_t second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) {
    return Malformed("expected three dot-separated parts (header.payload.signature)");
  }
  Jwt jwt;
  auto header = DecodeObject(token.substr(0, first), "header");
  if (!header.ok()) return header.error();
  auto claims = DecodeObject(token.substr(first + 1, second - first - 1), "payload");
  if (!claims.ok()) return claims.error();
  auto signature = Base64UrlDecode(token.substr(second + 1));
  if (!signature.ok()) return Malformed("its signature is not base64url");

  jwt.header = std::move(*header);
  jwt.claims = std::move(*claims);
  auto alg = jwt.header.find("alg");
  if (alg == jwt.header.end() || !alg->is_string()) return Malformed("its header has no \"alg\"");
  jwt.algorithm = alg->get<std::string>();
  auto kid = jwt.header.find("kid");
  if (kid != jwt.header.end()) {
    if (!kid->is_string()) return Malformed("its header's \"kid\" is not a string");
    jwt.key_id = kid->get<std::string>();
  }
  jwt.signing_input = std::string(token.substr(0, second));
  jwt.signature = std::move(*signature);
  return jwt;
}

}  // namespace foyer::login
