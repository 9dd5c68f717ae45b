// A SecretStore in the OS keyring, through the freedesktop Secret Service
// (GNOME Keyring, KWallet, KeePassXC) with libsecret: schema
// "dev.foyer.secret", one item per name under the attribute "name".
#ifndef FOYER_LOGIN_KEYRING_SECRET_STORE_H_
#define FOYER_LOGIN_KEYRING_SECRET_STORE_H_

#include "login/secret_store.h"

namespace foyer::login {

class KeyringSecretStore : public SecretStore {
 public:
  Status Put(const std::string& name, const std::string& secret) override;
  Result<std::optional<std::string>> Get(const std::string& name) override;
  Status Delete(const std::string& name) override;
  std::string Kind() const override { return "keyring"; }
};

// True when a Secret Service answers on the session bus. Without a session
// bus (DBUS_SESSION_BUS_ADDRESS unset) it does not try, so that scripts and
// servers never wait on D-Bus.
bool SecretServiceAvailable(const creds::Environment& env);

}  // namespace foyer::login

#endif  // FOYER_LOGIN_KEYRING_SECRET_STORE_H_
