// The on-disk form of one credential cache entry.
//
// A line format rather than JSON: the warm `credential-process` path reads
// one entry per run, and splitting ten lines costs nothing next to a JSON
// parser. Every line is "<name> <value>", in this fixed order:
//
//   foyer-credentials 1
//   key <the cache key>
//   access_key_id ASIA...
//   secret_access_key ...
//   session_token ...
//   expiration <seconds since the epoch>
//   role_arn arn:aws:iam::...
//   source_identity alice
//   source assume-role arn:aws:iam::...
//   end
//
// The key line catches a file copied under another name (or a hash
// collision), the version line a file from another foyer, and the end line
// a truncated write.
#ifndef FOYER_STORE_CREDENTIAL_ENTRY_H_
#define FOYER_STORE_CREDENTIAL_ENTRY_H_

#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"
#include "store/credential_cache.h"

namespace foyer::store {

// Fails when a value holds a newline (no credential AWS issues does) or the
// expiration is missing.
Result<std::string> SerializeCredentialEntry(std::string_view key, const CachedCredentials& entry);

// nullopt unless `text` is a complete entry of this version for `key`.
std::optional<CachedCredentials> ParseCredentialEntry(std::string_view text, std::string_view key);

}  // namespace foyer::store

#endif  // FOYER_STORE_CREDENTIAL_ENTRY_H_
