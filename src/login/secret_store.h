// Where foyer keeps long-term secrets (IAM user access keys, IdP refresh
// tokens): the OS keyring when a Secret Service answers, else a file
// encrypted with a key derived from a passphrase. Never plaintext on disk
// (DESIGN.md section 5).
//
//   Result<std::unique_ptr<SecretStore>> store = OpenSecretStore(state, env);
//   if (!store.ok()) return store.error();
//   FOYER_RETURN_IF_ERROR((*store)->Put("iam-user/acme/alice", secret));
//
// Names are short ASCII keys chosen by the caller ("<kind>/<scope>/<who>").
// Secrets are opaque bytes (callers usually store JSON).
#ifndef FOYER_LOGIN_SECRET_STORE_H_
#define FOYER_LOGIN_SECRET_STORE_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "base/result.h"
#include "creds/environment.h"
#include "store/state_dir.h"

namespace foyer::login {

// Error codes of the secret store.
inline constexpr const char* kSecretStoreError = "SecretStoreError";
// The passphrase of the encrypted file is wrong (or the file was altered).
inline constexpr const char* kWrongPassphraseError = "WrongPassphrase";
// No passphrase in FOYER_PASSPHRASE and no terminal to ask on.
inline constexpr const char* kPassphraseNeededError = "PassphraseNeeded";

class SecretStore {
 public:
  virtual ~SecretStore() = default;

  // Stores `secret` under `name`, replacing any previous one.
  virtual Status Put(const std::string& name, const std::string& secret) = 0;
  // The secret stored under `name`, or nullopt when there is none.
  virtual Result<std::optional<std::string>> Get(const std::string& name) = 0;
  // Removes the secret stored under `name`; succeeds when there was none.
  virtual Status Delete(const std::string& name) = 0;
  // "keyring" or "file", for messages and tests.
  virtual std::string Kind() const = 0;
};

// Returns the passphrase of the encrypted file; `creating` is true when the
// file does not exist yet (an interactive source then asks twice).
using PassphraseSource = std::function<Result<std::string>(bool creating)>;

// Prints `prompt` on stderr and reads one line from stdin with echo turned
// off. Fails with exit code 3 (and `what_to_pass` in the message) when stdin
// is not a terminal: scripts must never wait on a prompt.
Result<std::string> ReadHiddenFromTerminal(const std::string& prompt, const std::string& what_to_pass);

// FOYER_PASSPHRASE when set, else a prompt without echo on the terminal,
// else an error with exit code 3 saying to set FOYER_PASSPHRASE.
PassphraseSource DefaultPassphraseSource(const creds::Environment& env);

// The keyring when FOYER_SECRET_STORE=keyring, the encrypted file
// "secrets.enc" of `state` when FOYER_SECRET_STORE=file; otherwise the
// keyring when a Secret Service answers on the session bus, else the file.
// The passphrase is asked for only when the file is first used.
// `passphrase` defaults to DefaultPassphraseSource(env).
Result<std::unique_ptr<SecretStore>> OpenSecretStore(const store::StateDir& state,
                                                     const creds::Environment& env,
                                                     PassphraseSource passphrase = nullptr);

}  // namespace foyer::login

#endif  // FOYER_LOGIN_SECRET_STORE_H_
