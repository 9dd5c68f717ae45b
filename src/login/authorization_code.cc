#include "login/authorization_code.h"

#include <openssl/crypto.h>

#include "base/url_encoding.h"

namespace foyer::login {
namespace {

const std::string* Find(const QueryPairs& pairs, std::string_view name) {
  for (const auto& [key, value] : pairs) {
    if (key == name) return &value;
  }
  return nullptr;
}

bool ConstantTimeEquals(const std::string& a, const std::string& b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

Error Refused(const std::string& why) { return MakeError("LoginRefused", "the login was refused: " + why); }

}  // namespace

std::string AuthorizationUrl(const OidcProviderMetadata& provider, const AuthorizationAttempt& attempt) {
  QueryPairs query = {
      {"response_type", "code"},
      {"client_id", attempt.client_id},
      {"redirect_uri", attempt.redirect_uri},
      {"scope", attempt.scope},
      {"state", attempt.state},
      {"nonce", attempt.nonce},
      {"code_challenge", attempt.pkce.challenge},
      {"code_challenge_method", Pkce::kMethod},
  };
  const std::string& base = provider.authorization_endpoint;
  return base + (base.find('?') == std::string::npos ? "?" : "&") + EncodeQueryString(query);
}

Result<std::string> AuthorizationCodeFrom(std::string_view query, const OidcProviderMetadata& provider,
                                          const AuthorizationAttempt& attempt) {
  auto pairs = ParseQueryString(query);
  if (!pairs) return Refused("the redirect's query string is malformed");
  const std::string* state = Find(*pairs, "state");
  if (state == nullptr || !ConstantTimeEquals(*state, attempt.state)) {
    return Refused("the redirect's state does not match this login's (a forged or stale redirect); start again");
  }
  const std::string* iss = Find(*pairs, "iss");
  if (iss != nullptr ? *iss != provider.issuer : provider.authorization_response_iss_parameter_supported) {
    return Refused("the redirect comes from issuer '" + (iss ? *iss : std::string()) + "', not '" +
                   provider.issuer + "' (a mix-up attack or a misconfigured provider)");
  }
  if (const std::string* error = Find(*pairs, "error")) {
    const std::string* description = Find(*pairs, "error_description");
    return Refused("the provider answered " + *error + (description ? ": " + *description : std::string()));
  }
  const std::string* code = Find(*pairs, "code");
  if (code == nullptr || code->empty()) return Refused("the redirect carries no authorization code");
  return *code;
}

}  // namespace foyer::login
