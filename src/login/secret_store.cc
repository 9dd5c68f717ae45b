#include "login/secret_store.h"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "login/encrypted_file_secret_store.h"
#include "login/keyring_secret_store.h"

namespace foyer::login {
namespace {

constexpr const char* kSecretFileName = "secrets.enc";

Error NotInteractive(const std::string& what_to_pass) {
  Error error = MakeError(kPassphraseNeededError, "no terminal to ask on: " + what_to_pass);
  error.exit_code = ExitCode::kLoginNeeded;
  return error;
}

// Restores the terminal's echo when it goes out of scope, even on error.
class EchoOff {
 public:
  EchoOff() : active_(::tcgetattr(STDIN_FILENO, &saved_) == 0) {
    if (!active_) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    // TCSANOW, not TCSAFLUSH: what was typed ahead is kept, not discarded.
    active_ = ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet) == 0;
  }
  ~EchoOff() {
    if (active_) ::tcsetattr(STDIN_FILENO, TCSANOW, &saved_);
  }
  EchoOff(const EchoOff&) = delete;
  EchoOff& operator=(const EchoOff&) = delete;

 private:
  termios saved_{};
  bool active_;
};

}  // namespace

Result<std::string> ReadHiddenFromTerminal(const std::string& prompt, const std::string& what_to_pass) {
  if (::isatty(STDIN_FILENO) != 1) return NotInteractive(what_to_pass);
  std::string line;
  {
    // Echo goes off before the prompt shows, so that nothing typed as soon
    // as it appears is echoed.
    EchoOff echo_off;
    std::fprintf(stderr, "%s", prompt.c_str());
    std::fflush(stderr);
    std::getline(std::cin, line);
  }
  std::fprintf(stderr, "\n");
  if (!std::cin) return NotInteractive(what_to_pass);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

PassphraseSource DefaultPassphraseSource(const creds::Environment& env) {
  std::optional<std::string> from_env = env.Get("FOYER_PASSPHRASE");
  return [from_env](bool creating) -> Result<std::string> {
    if (from_env && !from_env->empty()) return *from_env;
    const std::string what_to_pass = "set FOYER_PASSPHRASE to the passphrase of foyer's encrypted secret file";
    auto passphrase = ReadHiddenFromTerminal("Passphrase for foyer's secret file: ", what_to_pass);
    if (!passphrase.ok() || !creating) return passphrase;
    if (passphrase->empty()) return MakeError(kSecretStoreError, "an empty passphrase protects nothing");
    auto again = ReadHiddenFromTerminal("The same passphrase again: ", what_to_pass);
    if (!again.ok()) return again;
    if (*again != *passphrase) return MakeError(kSecretStoreError, "the two passphrases differ; nothing was stored");
    return passphrase;
  };
}

Result<std::unique_ptr<SecretStore>> OpenSecretStore(const store::StateDir& state, const creds::Environment& env,
                                                     PassphraseSource passphrase) {
  std::string forced = env.GetOrEmpty("FOYER_SECRET_STORE");
  if (!forced.empty() && forced != "file" && forced != "keyring") {
    Error error = MakeError(kSecretStoreError, "FOYER_SECRET_STORE is '" + forced + "'; use file or keyring");
    error.exit_code = ExitCode::kUsage;
    return error;
  }
  if (forced == "keyring" || (forced.empty() && SecretServiceAvailable(env))) {
    return std::unique_ptr<SecretStore>(std::make_unique<KeyringSecretStore>());
  }
  if (!passphrase) passphrase = DefaultPassphraseSource(env);
  return std::unique_ptr<SecretStore>(
      std::make_unique<EncryptedFileSecretStore>(state.File(kSecretFileName), std::move(passphrase)));
}

}  // namespace foyer::login
