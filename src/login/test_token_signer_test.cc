// The TestSigner used by the login tests (a _test.cc file so that it is built
// into the test binary only).
#include "login/test_token_signer.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/rsa.h>

#include <stdexcept>

#include "base/base64.h"

namespace foyer::login::testing {
namespace {

std::string BigNumParam(EVP_PKEY* key, const char* name, size_t width = 0) {
  BIGNUM* number = nullptr;
  if (EVP_PKEY_get_bn_param(key, name, &number) != 1) throw std::runtime_error("no parameter");
  std::string bytes(width ? width : size_t(BN_num_bytes(number)), '\0');
  BN_bn2binpad(number, reinterpret_cast<unsigned char*>(bytes.data()), int(bytes.size()));
  BN_free(number);
  return bytes;
}

size_t CoordinateBytes(const std::string& algorithm) { return algorithm == "ES384" ? 48 : 32; }

}  // namespace

TestSigner::TestSigner(std::string algorithm, std::string key_id)
    : algorithm_(std::move(algorithm)), key_id_(std::move(key_id)) {
  EVP_PKEY* key = algorithm_[0] == 'E'
                      ? EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", algorithm_ == "ES384" ? "P-384" : "P-256")
                      : EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t{2048});
  if (key == nullptr) throw std::runtime_error("key generation failed");
  key_.reset(key, EVP_PKEY_free);
}

nlohmann::json TestSigner::Jwks() const {
  nlohmann::json jwk = {{"kid", key_id_}, {"use", "sig"}, {"alg", algorithm_}};
  if (algorithm_[0] == 'E') {
    size_t width = CoordinateBytes(algorithm_);
    jwk["kty"] = "EC";
    jwk["crv"] = algorithm_ == "ES384" ? "P-384" : "P-256";
    jwk["x"] = Base64UrlEncode(BigNumParam(key_.get(), OSSL_PKEY_PARAM_EC_PUB_X, width));
    jwk["y"] = Base64UrlEncode(BigNumParam(key_.get(), OSSL_PKEY_PARAM_EC_PUB_Y, width));
  } else {
    jwk["kty"] = "RSA";
    jwk["n"] = Base64UrlEncode(BigNumParam(key_.get(), OSSL_PKEY_PARAM_RSA_N));
    jwk["e"] = Base64UrlEncode(BigNumParam(key_.get(), OSSL_PKEY_PARAM_RSA_E));
  }
  return {{"keys", nlohmann::json::array({jwk})}};
}

std::string TestSigner::Sign(const nlohmann::json& claims, const nlohmann::json& extra_header) const {
  nlohmann::json header = {{"alg", algorithm_}, {"kid", key_id_}, {"typ", "JWT"}};
  header.update(extra_header);
  std::string input = Base64UrlEncode(header.dump()) + "." + Base64UrlEncode(claims.dump());

  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  EVP_PKEY_CTX* key_context = nullptr;
  const EVP_MD* digest = algorithm_ == "ES384" ? EVP_sha384() : EVP_sha256();
  EVP_DigestSignInit(context.get(), &key_context, digest, nullptr, key_.get());
  if (algorithm_ == "PS256") {
    EVP_PKEY_CTX_set_rsa_padding(key_context, RSA_PKCS1_PSS_PADDING);
    EVP_PKEY_CTX_set_rsa_pss_saltlen(key_context, RSA_PSS_SALTLEN_DIGEST);
  }
  size_t length = 0;
  auto* data = reinterpret_cast<const unsigned char*>(input.data());
  EVP_DigestSign(context.get(), nullptr, &length, data, input.size());
  std::string signature(length, '\0');
  EVP_DigestSign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &length, data, input.size());
  signature.resize(length);

  if (algorithm_[0] == 'E') {  // DER -> r||s
    auto* der = reinterpret_cast<const unsigned char*>(signature.data());
    ECDSA_SIG* parsed = d2i_ECDSA_SIG(nullptr, &der, long(signature.size()));
    size_t width = CoordinateBytes(algorithm_);
    std::string raw(2 * width, '\0');
    BN_bn2binpad(ECDSA_SIG_get0_r(parsed), reinterpret_cast<unsigned char*>(raw.data()), int(width));
    BN_bn2binpad(ECDSA_SIG_get0_s(parsed), reinterpret_cast<unsigned char*>(raw.data() + width), int(width));
    ECDSA_SIG_free(parsed);
    signature = raw;
  }
  return input + "." + Base64UrlEncode(signature);
}

}  // namespace foyer::login::testing
