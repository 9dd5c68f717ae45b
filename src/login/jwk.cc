#include "login/jwk.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/param_build.h>
#include <openssl/rsa.h>

#include <nlohmann/json.hpp>

#include "base/base64.h"
#include "base/json_fields.h"

namespace foyer::login {
namespace {

struct AlgorithmInfo {
  const char* name;
  const char* key_type;
  const EVP_MD* (*digest)();
  bool pss;
  size_t ec_coordinate_bytes;  // 0 for RSA
};

constexpr AlgorithmInfo kAlgorithms[] = {
    {"RS256", "RSA", EVP_sha256, false, 0}, {"RS384", "RSA", EVP_sha384, false, 0},
    {"RS512", "RSA", EVP_sha512, false, 0}, {"PS256", "RSA", EVP_sha256, true, 0},
    {"PS384", "RSA", EVP_sha384, true, 0},  {"PS512", "RSA", EVP_sha512, true, 0},
    {"ES256", "EC", EVP_sha256, false, 32}, {"ES384", "EC", EVP_sha384, false, 48},
    {"ES512", "EC", EVP_sha512, false, 66},
};

const AlgorithmInfo* FindAlgorithm(std::string_view name) {
  for (const auto& algorithm : kAlgorithms) {
    if (name == algorithm.name) return &algorithm;
  }
  return nullptr;
}

Error KeyError(const std::string& why) { return MakeError("InvalidJwks", "the provider's signing keys (JWKS) " + why); }

Result<std::string> DecodedMember(const nlohmann::json& key, const char* member) {
  auto it = key.find(member);
  if (it == key.end() || !it->is_string()) return KeyError(std::string("have a key without \"") + member + "\"");
  auto bytes = Base64UrlDecode(it->get<std::string>());
  if (!bytes.ok() || bytes->empty()) return KeyError(std::string("have a key whose \"") + member + "\" is not base64url");
  return *bytes;
}

using ParamBuilder = std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)>;
using Params = std::unique_ptr<OSSL_PARAM, decltype(&OSSL_PARAM_free)>;
using PkeyContext = std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)>;
using BigNum = std::unique_ptr<BIGNUM, decltype(&BN_free)>;

Result<std::shared_ptr<EVP_PKEY>> KeyFromParams(const char* type, OSSL_PARAM_BLD* builder) {
  Params params(OSSL_PARAM_BLD_to_param(builder), OSSL_PARAM_free);
  PkeyContext context(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr), EVP_PKEY_CTX_free);
  EVP_PKEY* key = nullptr;
  if (!params || !context || EVP_PKEY_fromdata_init(context.get()) != 1 ||
      EVP_PKEY_fromdata(context.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
    return KeyError(std::string("have an ") + type + " key OpenSSL cannot load");
  }
  return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

Result<std::shared_ptr<EVP_PKEY>> RsaKey(const nlohmann::json& json) {
  auto n = DecodedMember(json, "n");
  if (!n.ok()) return n.error();
  auto e = DecodedMember(json, "e");
  if (!e.ok()) return e.error();
  if (n->size() < 256) return KeyError("have an RSA key shorter than 2048 bits");
  BigNum modulus(BN_bin2bn(reinterpret_cast<const unsigned char*>(n->data()), int(n->size()), nullptr), BN_free);
  BigNum exponent(BN_bin2bn(reinterpret_cast<const unsigned char*>(e->data()), int(e->size()), nullptr), BN_free);
  ParamBuilder builder(OSSL_PARAM_BLD_new(), OSSL_PARAM_BLD_free);
  if (!modulus || !exponent || !builder ||
      OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, modulus.get()) != 1 ||
      OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, exponent.get()) != 1) {
    return KeyError("have an RSA key OpenSSL cannot load");
  }
  return KeyFromParams("RSA", builder.get());
}

Result<std::shared_ptr<EVP_PKEY>> EcKey(const nlohmann::json& json) {
  auto crv = StringField(json, "crv");
  const char* group = crv == "P-256" ? "prime256v1" : crv == "P-384" ? "secp384r1" : crv == "P-521" ? "secp521r1" : nullptr;
  size_t size = crv == "P-256" ? 32 : crv == "P-384" ? 48 : 66;
  if (group == nullptr) return KeyError("have an EC key on an unsupported curve '" + crv + "'");
  auto x = DecodedMember(json, "x");
  if (!x.ok()) return x.error();
  auto y = DecodedMember(json, "y");
  if (!y.ok()) return y.error();
  if (x->size() != size || y->size() != size) return KeyError("have an EC key whose coordinates have the wrong length");
  std::string point = "\x04" + *x + *y;
  ParamBuilder builder(OSSL_PARAM_BLD_new(), OSSL_PARAM_BLD_free);
  if (!builder || OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, group, 0) != 1 ||
      OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()) != 1) {
    return KeyError("have an EC key OpenSSL cannot load");
  }
  return KeyFromParams("EC", builder.get());
}

// JWS carries ECDSA signatures as r||s; OpenSSL wants DER.
Result<std::string> EcdsaSignatureToDer(const std::string& raw, size_t coordinate_bytes) {
  if (raw.size() != 2 * coordinate_bytes) {
    return MakeError("InvalidToken", "the ID token's signature has the wrong length for its algorithm");
  }
  auto* data = reinterpret_cast<const unsigned char*>(raw.data());
  std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> signature(ECDSA_SIG_new(), ECDSA_SIG_free);
  BIGNUM* r = BN_bin2bn(data, int(coordinate_bytes), nullptr);
  BIGNUM* s = BN_bin2bn(data + coordinate_bytes, int(coordinate_bytes), nullptr);
  if (!signature || !r || !s || ECDSA_SIG_set0(signature.get(), r, s) != 1) {
    BN_free(r);
    BN_free(s);
    return MakeError("InternalError", "could not convert an ECDSA signature");
  }
  unsigned char* der = nullptr;
  int length = i2d_ECDSA_SIG(signature.get(), &der);
  if (length <= 0) return MakeError("InternalError", "could not convert an ECDSA signature");
  std::string out(reinterpret_cast<char*>(der), size_t(length));
  OPENSSL_free(der);
  return out;
}

bool VerifyWith(EVP_PKEY* key, const AlgorithmInfo& algorithm, const std::string& input, const std::string& signature) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  EVP_PKEY_CTX* key_context = nullptr;
  if (!context || EVP_DigestVerifyInit(context.get(), &key_context, algorithm.digest(), nullptr, key) != 1) return false;
  if (algorithm.pss && (EVP_PKEY_CTX_set_rsa_padding(key_context, RSA_PKCS1_PSS_PADDING) != 1 ||
                        EVP_PKEY_CTX_set_rsa_pss_saltlen(key_context, RSA_PSS_SALTLEN_DIGEST) != 1)) {
    return false;
  }
  return EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                          reinterpret_cast<const unsigned char*>(input.data()), input.size()) == 1;
}

}  // namespace

Result<JwkSet> JwkSet::Parse(std::string_view text) {
  auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object() || !json.contains("keys") || !json["keys"].is_array()) {
    return KeyError("are not a JSON object with a \"keys\" array");
  }
  JwkSet set;
  for (const auto& entry : json["keys"]) {
    if (!entry.is_object()) return KeyError("contain an entry that is not an object");
    std::string use = entry.contains("use") ? StringField(entry, "use") : std::string("sig");
    std::string type = StringField(entry, "kty");
    if (use != "sig" || (type != "RSA" && type != "EC")) continue;
    auto key = type == "RSA" ? RsaKey(entry) : EcKey(entry);
    if (!key.ok()) return key.error();
    set.keys_.push_back(Jwk{StringField(entry, "kid"), type, StringField(entry, "alg"), *key});
  }
  if (set.keys_.empty()) return KeyError("contain no RSA or EC signing key");
  return set;
}

Status JwkSet::Verify(const Jwt& jwt) const {
  const AlgorithmInfo* algorithm = FindAlgorithm(jwt.algorithm);
  if (algorithm == nullptr) {
    return MakeError("InvalidToken", "the ID token is signed with '" + jwt.algorithm +
                                         "', which foyer does not accept (only RS*, PS* and ES* algorithms)");
  }
  std::string signature = jwt.signature;
  if (algorithm->ec_coordinate_bytes > 0) {
    auto der = EcdsaSignatureToDer(jwt.signature, algorithm->ec_coordinate_bytes);
    if (!der.ok()) return der.error();
    signature = std::move(*der);
  }
  bool key_found = false;
  for (const auto& key : keys_) {
    if (!jwt.key_id.empty() && key.key_id != jwt.key_id) continue;
    if (key.key_type != algorithm->key_type) continue;
    if (!key.algorithm.empty() && key.algorithm != jwt.algorithm) continue;
    key_found = true;
    if (VerifyWith(key.key.get(), *algorithm, jwt.signing_input, signature)) return OkStatus();
  }
  if (!key_found) {
    return MakeError("InvalidToken", "no key in the provider's JWKS matches the ID token (kid '" + jwt.key_id +
                                         "', alg " + jwt.algorithm + "); the provider may have rotated its keys");
  }
  return MakeError("InvalidToken", "the ID token's signature does not verify with the provider's keys");
}

}  // namespace foyer::login
