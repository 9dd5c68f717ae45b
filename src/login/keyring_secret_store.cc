#include "login/keyring_secret_store.h"

#include <libsecret/secret.h>

namespace foyer::login {
namespace {

const SecretSchema* Schema() {
  static const SecretSchema schema = {
      "dev.foyer.secret",
      SECRET_SCHEMA_NONE,
      {{"name", SECRET_SCHEMA_ATTRIBUTE_STRING}, {nullptr, SECRET_SCHEMA_ATTRIBUTE_STRING}},
      0, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr};
  return &schema;
}

// Takes ownership of `error` (freed here).
Error KeyringError(const std::string& what, GError* error) {
  std::string message = "the OS keyring could not " + what + ": " + (error ? error->message : "unknown error") +
                        " (set FOYER_SECRET_STORE=file to use the encrypted file instead)";
  if (error) g_error_free(error);
  return MakeError(kSecretStoreError, message);
}

}  // namespace

Status KeyringSecretStore::Put(const std::string& name, const std::string& secret) {
  GError* error = nullptr;
  std::string label = "foyer: " + name;
  gboolean stored = secret_password_store_sync(Schema(), SECRET_COLLECTION_DEFAULT, label.c_str(), secret.c_str(),
                                               nullptr, &error, "name", name.c_str(), nullptr);
  if (!stored || error) return KeyringError("store '" + name + "'", error);
  return OkStatus();
}

Result<std::optional<std::string>> KeyringSecretStore::Get(const std::string& name) {
  GError* error = nullptr;
  gchar* secret = secret_password_lookup_sync(Schema(), nullptr, &error, "name", name.c_str(), nullptr);
  if (error) return KeyringError("read '" + name + "'", error);
  if (!secret) return std::optional<std::string>();
  std::string value(secret);
  secret_password_free(secret);
  return std::optional<std::string>(std::move(value));
}

Status KeyringSecretStore::Delete(const std::string& name) {
  GError* error = nullptr;
  secret_password_clear_sync(Schema(), nullptr, &error, "name", name.c_str(), nullptr);
  if (error) return KeyringError("delete '" + name + "'", error);
  return OkStatus();
}

bool SecretServiceAvailable(const creds::Environment& env) {
  if (env.GetOrEmpty("DBUS_SESSION_BUS_ADDRESS").empty()) return false;
  // A lookup fails at once when no Secret Service is registered on the bus.
  GError* error = nullptr;
  gchar* secret = secret_password_lookup_sync(Schema(), nullptr, &error, "name", "foyer-probe", nullptr);
  if (secret) secret_password_free(secret);
  if (!error) return true;
  g_error_free(error);
  return false;
}

}  // namespace foyer::login
