#include "login/id_token.h"

#include <algorithm>

#include "base/json_fields.h"
#include "login/jwt.h"

namespace foyer::login {
namespace {

Error Refused(const std::string& why) { return MakeError("InvalidToken", "the ID token was refused: " + why); }

Result<SystemTime> TimeClaim(const nlohmann::json& claims, const char* name, bool required) {
  auto it = claims.find(name);
  if (it == claims.end()) {
    if (required) return Refused(std::string("it has no \"") + name + "\" claim");
    return SystemTime{};
  }
  // NumericDate: seconds since the epoch, possibly fractional; anything past
  // year 5000 is nonsense rather than a date.
  constexpr double kLatest = 95617584000.0;
  if (!it->is_number() || it->get<double>() < 0 || it->get<double>() > kLatest) {
    return Refused(std::string("its \"") + name + "\" claim is not a valid date");
  }
  return SystemTime(std::chrono::seconds(static_cast<long long>(it->get<double>())));
}

Result<std::vector<std::string>> Audience(const nlohmann::json& claims) {
  auto it = claims.find("aud");
  if (it == claims.end()) return Refused("it has no \"aud\" claim");
  std::vector<std::string> audience;
  if (it->is_string()) {
    audience.push_back(it->get<std::string>());
    return audience;
  }
  if (!it->is_array()) return Refused("its \"aud\" claim is neither a string nor a list");
  for (const auto& value : *it) {
    if (!value.is_string()) return Refused("its \"aud\" list holds a non-string");
    audience.push_back(value.get<std::string>());
  }
  return audience;
}

std::string Join(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& value : values) out += (out.empty() ? "" : ", ") + value;
  return out;
}

Status CheckTimes(const IdTokenClaims& claims, const nlohmann::json& all, const IdTokenExpectations& expected) {
  if (claims.expires_at + expected.leeway <= expected.now) {
    return Refused("it expired at " + FormatRfc3339(claims.expires_at) + " (now " + FormatRfc3339(expected.now) +
                   "); log in again, and check this machine's clock");
  }
  if (claims.issued_at - expected.leeway > expected.now) {
    return Refused("it was issued in the future (" + FormatRfc3339(claims.issued_at) +
                   "); check this machine's clock");
  }
  auto not_before = TimeClaim(all, "nbf", false);
  if (!not_before.ok()) return not_before.error();
  if (*not_before != SystemTime{} && *not_before - expected.leeway > expected.now) {
    return Refused("it is not valid before " + FormatRfc3339(*not_before) + "; check this machine's clock");
  }
  return OkStatus();
}

}  // namespace

Result<IdTokenClaims> ValidateIdToken(std::string_view token, const JwkSet& keys, const IdTokenExpectations& expected) {
  auto jwt = ParseJwt(token);
  if (!jwt.ok()) return jwt.error();
  FOYER_RETURN_IF_ERROR(keys.Verify(*jwt));

  const nlohmann::json& all = jwt->claims;
  IdTokenClaims claims;
  claims.all = all;
  claims.issuer = StringField(all, "iss");
  if (claims.issuer != expected.issuer) {
    return Refused("its issuer is '" + claims.issuer + "', expected '" + expected.issuer +
                   "'; check issuer in the client configuration");
  }
  claims.subject = StringField(all, "sub");
  if (claims.subject.empty()) return Refused("it has no \"sub\" claim");
  auto audience = Audience(all);
  if (!audience.ok()) return audience.error();
  claims.audience = std::move(*audience);
  if (std::find(claims.audience.begin(), claims.audience.end(), expected.client_id) == claims.audience.end()) {
    return Refused("its audience is [" + Join(claims.audience) + "], which does not include the client id '" +
                   expected.client_id + "'; check client_id in the client configuration");
  }
  // With several audiences, the authorized party must be us (OIDC Core 3.1.3.7 items 4-5).
  std::string authorized_party = StringField(all, "azp");
  if (claims.audience.size() > 1 && authorized_party != expected.client_id) {
    return Refused("it names several audiences and its authorized party is '" + authorized_party + "', not '" +
                   expected.client_id + "'");
  }
  auto expires_at = TimeClaim(all, "exp", true);
  if (!expires_at.ok()) return expires_at.error();
  claims.expires_at = *expires_at;
  auto issued_at = TimeClaim(all, "iat", true);
  if (!issued_at.ok()) return issued_at.error();
  claims.issued_at = *issued_at;
  FOYER_RETURN_IF_ERROR(CheckTimes(claims, all, expected));
  std::string nonce = StringField(all, "nonce");
  if (nonce != expected.nonce) {
    return Refused("its nonce does not match the one this login sent (a replayed or foreign token)");
  }
  claims.email = StringField(all, "email");
  return claims;
}

}  // namespace foyer::login
