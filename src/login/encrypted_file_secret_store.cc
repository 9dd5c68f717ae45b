#include "login/encrypted_file_secret_store.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "base/base64.h"
#include "store/file_lock.h"
#include "store/private_file.h"

namespace foyer::login {
namespace {

constexpr size_t kKeySize = 32;
constexpr size_t kNonceSize = 12;
constexpr size_t kTagSize = 16;
constexpr size_t kSaltSize = 16;
constexpr uint64_t kScryptR = 8;
constexpr uint64_t kScryptP = 1;
constexpr size_t kMaxFileSize = 1 << 20;
constexpr const char* kCheckAad = "foyer secret store passphrase check";
constexpr const char* kCheckText = "foyer";

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

Error StoreError(const std::string& message) { return MakeError(kSecretStoreError, message); }

Result<std::string> RandomBytes(size_t size) {
  std::string bytes(size, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(size)) != 1) {
    return StoreError("the system's random generator failed");
  }
  return bytes;
}

const unsigned char* Bytes(const std::string& text) { return reinterpret_cast<const unsigned char*>(text.data()); }

struct Sealed {
  std::string nonce;
  std::string sealed;  // ciphertext + tag
};

nlohmann::json SealedJson(const Sealed& value) {
  return {{"nonce", Base64Encode(value.nonce)}, {"sealed", Base64Encode(value.sealed)}};
}

Result<Sealed> SealedFromJson(const nlohmann::json& json) {
  if (!json.is_object() || !json.contains("nonce") || !json.contains("sealed") || !json["nonce"].is_string() ||
      !json["sealed"].is_string()) {
    return StoreError("an entry lacks its nonce or sealed value");
  }
  auto nonce = Base64Decode(json["nonce"].get<std::string>());
  auto sealed = Base64Decode(json["sealed"].get<std::string>());
  if (!nonce.ok() || !sealed.ok() || nonce->size() != kNonceSize || sealed->size() < kTagSize) {
    return StoreError("an entry has a malformed nonce or sealed value");
  }
  return Sealed{std::move(*nonce), std::move(*sealed)};
}

Result<Sealed> SealWithFreshNonce(const std::string& key, const std::string& aad, const std::string& plaintext) {
  auto nonce = RandomBytes(kNonceSize);
  if (!nonce.ok()) return nonce.error();
  auto sealed = SealAesGcm(key, *nonce, aad, plaintext);
  if (!sealed.ok()) return sealed.error();
  return Sealed{std::move(*nonce), std::move(*sealed)};
}

// Serializes read-modify-write cycles of the same file across processes.
Result<store::FileLock> LockFile(const std::filesystem::path& path) {
  auto lock = store::FileLock::Open(path.string() + ".lock");
  if (!lock.ok()) return lock.error();
  for (int attempt = 0; attempt < 200; ++attempt) {
    auto taken = lock->TryLock();
    if (!taken.ok()) return taken.error();
    if (*taken) return lock;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return StoreError("another foyer process holds " + lock->path().string() + " for more than 10 seconds");
}

}  // namespace

struct EncryptedFileSecretStore::Contents {
  std::string salt;
  uint64_t n = kScryptN;
  Sealed check;
  std::map<std::string, Sealed> secrets;
};

Result<std::string> SealAesGcm(const std::string& key, const std::string& nonce, const std::string& aad,
                               const std::string& plaintext) {
  CipherContext context(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
  std::string out(plaintext.size() + kTagSize, '\0');
  auto* cursor = reinterpret_cast<unsigned char*>(out.data());
  int length = 0;
  int final_length = 0;
  bool ok = context && key.size() == kKeySize && nonce.size() == kNonceSize &&
            EVP_EncryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
            EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) == 1 &&
            EVP_EncryptInit_ex(context.get(), nullptr, nullptr, Bytes(key), Bytes(nonce)) == 1 &&
            EVP_EncryptUpdate(context.get(), nullptr, &length, Bytes(aad), static_cast<int>(aad.size())) == 1 &&
            EVP_EncryptUpdate(context.get(), cursor, &length, Bytes(plaintext), static_cast<int>(plaintext.size())) ==
                1 &&
            EVP_EncryptFinal_ex(context.get(), cursor + length, &final_length) == 1 &&
            EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, kTagSize, cursor + plaintext.size()) == 1;
  if (!ok) return StoreError("AES-256-GCM encryption failed");
  return out;
}

Result<std::string> OpenAesGcm(const std::string& key, const std::string& nonce, const std::string& aad,
                               const std::string& sealed) {
  if (sealed.size() < kTagSize) return MakeError(kWrongPassphraseError, "sealed value too short");
  size_t text_size = sealed.size() - kTagSize;
  CipherContext context(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
  std::string out(text_size, '\0');
  auto* cursor = reinterpret_cast<unsigned char*>(out.data());
  std::string tag = sealed.substr(text_size);
  int length = 0;
  int final_length = 0;
  bool ready = context && key.size() == kKeySize && nonce.size() == kNonceSize &&
               EVP_DecryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
               EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) == 1 &&
               EVP_DecryptInit_ex(context.get(), nullptr, nullptr, Bytes(key), Bytes(nonce)) == 1 &&
               EVP_DecryptUpdate(context.get(), nullptr, &length, Bytes(aad), static_cast<int>(aad.size())) == 1 &&
               EVP_DecryptUpdate(context.get(), cursor, &length, Bytes(sealed), static_cast<int>(text_size)) == 1 &&
               EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, tag.data()) == 1;
  if (!ready) return StoreError("AES-256-GCM decryption failed");
  if (EVP_DecryptFinal_ex(context.get(), cursor + length, &final_length) != 1) {
    OPENSSL_cleanse(out.data(), out.size());
    return MakeError(kWrongPassphraseError, "authentication tag mismatch");
  }
  return out;
}

Result<std::string> DeriveKey(const std::string& passphrase, const std::string& salt, uint64_t n) {
  std::string key(kKeySize, '\0');
  // N = 2^15, r = 8 needs 32 MiB, just above OpenSSL's default ceiling.
  constexpr uint64_t kMaxMemory = uint64_t{256} << 20;
  if (EVP_PBE_scrypt(passphrase.data(), passphrase.size(), Bytes(salt), salt.size(), n, kScryptR, kScryptP,
                     kMaxMemory, reinterpret_cast<unsigned char*>(key.data()), key.size()) != 1) {
    return StoreError("deriving the key from the passphrase (scrypt) failed");
  }
  return key;
}

EncryptedFileSecretStore::EncryptedFileSecretStore(std::filesystem::path path, PassphraseSource passphrase)
    : path_(std::move(path)), passphrase_(std::move(passphrase)) {}

EncryptedFileSecretStore::~EncryptedFileSecretStore() { OPENSSL_cleanse(key_.data(), key_.size()); }

Result<std::optional<EncryptedFileSecretStore::Contents>> EncryptedFileSecretStore::Load() {
  auto text = store::ReadPrivateFile(path_, kMaxFileSize);
  if (!text.ok()) return text.error();
  if (!text->has_value()) return std::optional<Contents>();
  auto json = nlohmann::json::parse(**text, nullptr, false);
  auto corrupt = [this](const std::string& why) {
    return StoreError("the secret file " + path_.string() + " is damaged (" + why +
                      "); move it away and store your secrets again");
  };
  if (!json.is_object() || json.value("version", 0) != 1 || !json.contains("kdf") || !json["kdf"].is_object() ||
      !json.contains("check") || !json.contains("secrets") || !json["secrets"].is_object()) {
    return corrupt("not a version 1 secret file");
  }
  const auto& kdf = json["kdf"];
  Contents contents;
  if (kdf.value("name", "") != "scrypt" || kdf.value("r", 0) != kScryptR || kdf.value("p", 0) != kScryptP ||
      !kdf.contains("n") || !kdf["n"].is_number_unsigned() || !kdf.contains("salt") || !kdf["salt"].is_string()) {
    return corrupt("unknown key derivation");
  }
  contents.n = kdf["n"].get<uint64_t>();
  // A weaker cost than foyer writes means someone rewrote the file.
  if (contents.n < kScryptN) return corrupt("scrypt cost below 2^15");
  auto salt = Base64Decode(kdf["salt"].get<std::string>());
  if (!salt.ok() || salt->size() < kSaltSize) return corrupt("bad salt");
  contents.salt = std::move(*salt);
  auto check = SealedFromJson(json["check"]);
  if (!check.ok()) return corrupt(check.error().message);
  contents.check = std::move(*check);
  for (const auto& [name, entry] : json["secrets"].items()) {
    auto sealed = SealedFromJson(entry);
    if (!sealed.ok()) return corrupt(sealed.error().message);
    contents.secrets.emplace(name, std::move(*sealed));
  }
  return std::optional<Contents>(std::move(contents));
}

Status EncryptedFileSecretStore::Save(const Contents& contents) {
  nlohmann::json secrets = nlohmann::json::object();
  for (const auto& [name, sealed] : contents.secrets) secrets[name] = SealedJson(sealed);
  nlohmann::json json = {
      {"version", 1},
      {"kdf", {{"name", "scrypt"}, {"n", contents.n}, {"r", kScryptR}, {"p", kScryptP}, {"salt", Base64Encode(contents.salt)}}},
      {"check", SealedJson(contents.check)},
      {"secrets", secrets}};
  return store::ReplacePrivateFile(path_, json.dump(1) + "\n",
                                   path_.string() + ".tmp." + std::to_string(::getpid()));
}

Result<std::string> EncryptedFileSecretStore::KeyFor(const Contents& contents) {
  if (!key_.empty() && salt_of_key_ == contents.salt) return key_;
  auto passphrase = passphrase_(/*creating=*/false);
  if (!passphrase.ok()) return passphrase.error();
  auto key = DeriveKey(*passphrase, contents.salt, contents.n);
  OPENSSL_cleanse(passphrase->data(), passphrase->size());
  if (!key.ok()) return key.error();
  auto check = OpenAesGcm(*key, contents.check.nonce, kCheckAad, contents.check.sealed);
  if (!check.ok() || *check != kCheckText) {
    Error error = MakeError(kWrongPassphraseError, "wrong passphrase for the secret file " + path_.string() +
                                                       " (FOYER_PASSPHRASE or the one typed); nothing was changed");
    error.exit_code = ExitCode::kLoginNeeded;
    return error;
  }
  key_ = std::move(*key);
  salt_of_key_ = contents.salt;
  return key_;
}

Result<EncryptedFileSecretStore::Contents> EncryptedFileSecretStore::CreateContents() {
  Contents contents;
  auto salt = RandomBytes(kSaltSize);
  if (!salt.ok()) return salt.error();
  contents.salt = std::move(*salt);
  auto passphrase = passphrase_(/*creating=*/true);
  if (!passphrase.ok()) return passphrase.error();
  auto key = DeriveKey(*passphrase, contents.salt, contents.n);
  OPENSSL_cleanse(passphrase->data(), passphrase->size());
  if (!key.ok()) return key.error();
  auto check = SealWithFreshNonce(*key, kCheckAad, kCheckText);
  if (!check.ok()) return check.error();
  contents.check = std::move(*check);
  key_ = std::move(*key);
  salt_of_key_ = contents.salt;
  return contents;
}

Status EncryptedFileSecretStore::Put(const std::string& name, const std::string& secret) {
  auto lock = LockFile(path_);
  if (!lock.ok()) return lock.error();
  auto loaded = Load();
  if (!loaded.ok()) return loaded.error();
  Result<Contents> contents = loaded->has_value() ? Result<Contents>(std::move(**loaded)) : CreateContents();
  if (!contents.ok()) return contents.error();
  auto key = KeyFor(*contents);
  if (!key.ok()) return key.error();
  auto sealed = SealWithFreshNonce(*key, name, secret);
  if (!sealed.ok()) return sealed.error();
  contents->secrets[name] = std::move(*sealed);
  return Save(*contents);
}

Result<std::optional<std::string>> EncryptedFileSecretStore::Get(const std::string& name) {
  auto loaded = Load();
  if (!loaded.ok()) return loaded.error();
  if (!loaded->has_value()) return std::optional<std::string>();
  const Contents& contents = **loaded;
  auto entry = contents.secrets.find(name);
  if (entry == contents.secrets.end()) return std::optional<std::string>();
  auto key = KeyFor(contents);
  if (!key.ok()) return key.error();
  auto secret = OpenAesGcm(*key, entry->second.nonce, name, entry->second.sealed);
  if (!secret.ok()) {
    return StoreError("the secret '" + name + "' in " + path_.string() +
                      " does not decrypt although the passphrase is right: the file was altered; store the secret "
                      "again");
  }
  return std::optional<std::string>(std::move(*secret));
}

Status EncryptedFileSecretStore::Delete(const std::string& name) {
  auto lock = LockFile(path_);
  if (!lock.ok()) return lock.error();
  auto loaded = Load();
  if (!loaded.ok()) return loaded.error();
  if (!loaded->has_value() || (*loaded)->secrets.erase(name) == 0) return OkStatus();
  return Save(**loaded);
}

}  // namespace foyer::login
