// Session credentials cached on disk, refreshed once for all processes.
//
// `foyer credential-process` runs once per AWS SDK call that needs
// credentials, often dozens at a time (Terraform, parallel CLI jobs). The
// cache makes the warm case one small file read, and makes the cold or
// expiring case one STS call however many processes ask at once: the first
// takes an exclusive lock on the entry, the others wait and then find its
// result.
//
// Layout, in the private folder `<state dir>/credentials/`: per key, where
// <hash> is the hex SHA-256 of the key,
//   <hash>.cred      the entry (a short line format, mode 0600)
//   <hash>.lock      the lock file for single-flight refreshes (empty)
//   <hash>.cred.tmp  the next version of the entry while it is written
// Entries are replaced by rename, so a reader sees the old entry or the new
// one. An entry that is damaged, truncated, written by another version or for
// another key reads as absent and is fetched again.
#ifndef FOYER_STORE_CREDENTIAL_CACHE_H_
#define FOYER_STORE_CREDENTIAL_CACHE_H_

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "aws/credentials.h"
#include "base/result.h"
#include "base/time_format.h"
#include "store/state_dir.h"

namespace foyer::store {

// Error code of GetOrFetch when another process held the lock too long.
inline constexpr const char* kCredentialLockTimeout = "CredentialLockTimeout";

struct CachedCredentials {
  // Only credentials with an expiration are ever cached.
  aws::Credentials credentials;
  // Not secret; for `whoami` and the issuance log.
  std::string role_arn;
  std::string source_identity;
};

struct FetchOptions {
  // How long to wait for another process refreshing the same key.
  std::chrono::milliseconds lock_timeout{std::chrono::seconds(60)};
  // false is `--no-cache`: fetch, neither read nor write the cache.
  bool use_cache = true;
};

class CredentialCache {
 public:
  using Fetch = std::function<Result<CachedCredentials>()>;
  using Now = std::function<SystemTime()>;

  // The cache in `<state>/credentials` (created 0700 when missing). `now`
  // is the clock deciding freshness (the system clock when null); tests
  // pass their own.
  static Result<CredentialCache> Open(const StateDir& state, Now now = nullptr);

  // The entry for `key` as stored, expired or not, without taking a lock;
  // nullopt when there is none or it is unusable (damaged, foreign). Fails
  // only when the entry exists but is not private (an error saying how to
  // fix it) or cannot be read.
  Result<std::optional<CachedCredentials>> Read(const std::string& key) const;

  // The entry for `key` when it stays valid for longer than
  // `refresh_window` (what GetOrFetch would return without fetching), else
  // nullopt. Takes no lock and never fetches: the warm path of
  // `foyer credential-process` (src/front_end) answers from this alone.
  Result<std::optional<CachedCredentials>> ReadFresh(const std::string& key,
                                                     std::chrono::seconds refresh_window) const;

  // Returns cached credentials for `key` that stay valid for longer than
  // `refresh_window`. Otherwise takes an exclusive lock on the key (waiting
  // for any other process refreshing it), reads the entry again since that
  // process may have refreshed it, and only then calls `fetch`, stores its
  // result and returns it. Across every process sharing the state folder,
  // `fetch` runs once per refresh of a key, however many wait for it.
  // A `fetch` error is returned as is and nothing is stored; credentials
  // without an expiration (long-term keys) are returned and not stored.
  // Waiting gives up after options.lock_timeout with kCredentialLockTimeout.
  // REQUIRES: key is not empty and holds no newline.
  Result<CachedCredentials> GetOrFetch(const std::string& key, std::chrono::seconds refresh_window,
                                       const Fetch& fetch, const FetchOptions& options = {});

  // Replaces the entry for `key`, under the key's lock (e.g. after a login).
  // Fails when `entry` has no expiration or a value holds a newline.
  // REQUIRES: key as for GetOrFetch.
  Status Store(const std::string& key, const CachedCredentials& entry,
               std::chrono::milliseconds lock_timeout = std::chrono::seconds(60));

  // Forgets `key`; no error when there was nothing to forget. Takes the
  // key's lock first, so that a refresh under way cannot bring the entry
  // back after it is removed; fails with kCredentialLockTimeout when the
  // holder keeps it longer than `lock_timeout`.
  Status Remove(const std::string& key,
                std::chrono::milliseconds lock_timeout = std::chrono::seconds(10));
  // Forgets every entry (`foyer logout`), each under its lock as Remove
  // does. Lock files stay: removing one that a process holds would let the
  // next process lock a new file and fetch in parallel.
  Status RemoveAll(std::chrono::milliseconds lock_timeout = std::chrono::seconds(10));

  // Where the entry for `key` lives.
  std::filesystem::path EntryPath(const std::string& key) const;

 private:
  CredentialCache(StateDir folder, Now now) : folder_(std::move(folder)), now_(std::move(now)) {}

  bool IsFresh(const std::optional<CachedCredentials>& entry, std::chrono::seconds window) const;
  Status RemoveHash(const std::string& hash, std::chrono::milliseconds lock_timeout);
  Status Write(const std::string& hash, const std::string& key, const CachedCredentials& entry);

  StateDir folder_;
  Now now_;
};

}  // namespace foyer::store

#endif  // FOYER_STORE_CREDENTIAL_CACHE_H_
