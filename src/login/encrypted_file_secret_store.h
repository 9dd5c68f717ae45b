// A SecretStore kept in one file encrypted with a key derived from a
// passphrase, for machines without a keyring.
//
// The file (mode 0600, in the private state folder) is JSON:
//
//   {"version":1, "kdf":{"name":"scrypt","n":32768,"r":8,"p":1,"salt":B64},
//    "check":{"nonce":B64,"sealed":B64},
//    "secrets":{NAME:{"nonce":B64,"sealed":B64}, ...}}
//
// The key is scrypt(passphrase, salt) (memory-hard, so a stolen file costs
// an attacker dearly per guess); each secret is sealed with AES-256-GCM under
// a fresh 96-bit nonce with its name as associated data, so a sealed value
// moved under another name no longer opens. "check" seals a fixed text when
// the file is created: a wrong passphrase is told apart from an altered
// secret, and is refused before anything is written.
#ifndef FOYER_LOGIN_ENCRYPTED_FILE_SECRET_STORE_H_
#define FOYER_LOGIN_ENCRYPTED_FILE_SECRET_STORE_H_

#include <filesystem>
#include <optional>
#include <string>

#include "login/secret_store.h"

namespace foyer::login {

// scrypt cost of new files: N = 2^15, r = 8, p = 1 (32 MiB per guess).
inline constexpr uint64_t kScryptN = uint64_t{1} << 15;

class EncryptedFileSecretStore : public SecretStore {
 public:
  // `path` need not exist: the first Put creates it. The passphrase is
  // asked for at the first operation that needs the key.
  EncryptedFileSecretStore(std::filesystem::path path, PassphraseSource passphrase);

  Status Put(const std::string& name, const std::string& secret) override;
  Result<std::optional<std::string>> Get(const std::string& name) override;
  Status Delete(const std::string& name) override;
  std::string Kind() const override { return "file"; }
  ~EncryptedFileSecretStore() override;

 private:
  struct Contents;
  Result<std::optional<Contents>> Load();
  Status Save(const Contents& contents);
  // The key of `contents` (derived once, then remembered), after checking
  // the passphrase against its "check" entry.
  Result<std::string> KeyFor(const Contents& contents);
  Result<Contents> CreateContents();

  std::filesystem::path path_;
  PassphraseSource passphrase_;
  std::string salt_of_key_;  // the salt key_ was derived with
  std::string key_;          // secret
};

// AES-256-GCM, exposed for tests: nonce (12 bytes) is given, the result is
// ciphertext followed by the 16-byte tag.
Result<std::string> SealAesGcm(const std::string& key, const std::string& nonce, const std::string& aad,
                               const std::string& plaintext);
// Fails with kWrongPassphraseError when the tag does not match.
Result<std::string> OpenAesGcm(const std::string& key, const std::string& nonce, const std::string& aad,
                               const std::string& sealed);
// scrypt(passphrase, salt, N = n, r = 8, p = 1) -> 32 bytes.
Result<std::string> DeriveKey(const std::string& passphrase, const std::string& salt, uint64_t n);

}  // namespace foyer::login

#endif  // FOYER_LOGIN_ENCRYPTED_FILE_SECRET_STORE_H_
