#include "store/credential_cache.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "base/sha256.h"
#include "store/credential_entry.h"
#include "store/file_lock.h"
#include "store/private_file.h"

namespace foyer::store {
namespace {

// Larger than any entry foyer writes (session tokens with many session tags
// stay under 4 KiB), small enough to read in one call.
constexpr std::size_t kMaxEntrySize = 64 * 1024;

// Waiters poll the lock, and the entry, starting fast (the holder is often
// about to finish) and backing off so that fifty waiters stay cheap.
constexpr std::chrono::milliseconds kFirstPoll(1);
constexpr std::chrono::milliseconds kLongestPoll(25);

// sha256.h says why this digest is not OpenSSL's.
std::string KeyHash(const std::string& key) { return Sha256HexForNaming(key); }

Status CheckKey(const std::string& key) {
  if (key.empty() || key.find('\n') != std::string::npos) {
    return MakeError(kStateError, "a credential cache key must be non-empty and hold no newline");
  }
  return OkStatus();
}

enum class WaitOutcome { kLocked, kNoLongerNeeded };

// Takes `lock`, waiting up to `timeout` for its holder. Between attempts
// asks `no_longer_needed` (true: the wait is over without the lock).
Result<WaitOutcome> WaitForLock(FileLock& lock, std::chrono::milliseconds timeout,
                                const std::function<Result<bool>()>& no_longer_needed) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::chrono::milliseconds pause = kFirstPoll;
  for (;;) {
    auto taken = lock.TryLock();
    if (!taken.ok()) return taken.error();
    if (*taken) return WaitOutcome::kLocked;
    auto done = no_longer_needed();
    if (!done.ok()) return done.error();
    if (*done) return WaitOutcome::kNoLongerNeeded;
    if (std::chrono::steady_clock::now() >= deadline) {
      return MakeError(kCredentialLockTimeout,
                       fmt::format("waited {} ms for another foyer process refreshing the same "
                                   "credentials (lock {}). It may be waiting for you to log in; "
                                   "finish or stop it, then retry.",
                                   timeout.count(), lock.path().string()));
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, kLongestPoll);
  }
}

Status RemoveIfPresent(const std::filesystem::path& path) {
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) return SystemError("cannot remove", path, errno);
  return OkStatus();
}

}  // namespace

Result<CredentialCache> CredentialCache::Open(const StateDir& state, Now now) {
  auto folder = state.Subdir("credentials");
  if (!folder.ok()) return folder.error();
  if (!now) now = [] { return std::chrono::system_clock::now(); };
  return CredentialCache(std::move(*folder), std::move(now));
}

std::filesystem::path CredentialCache::EntryPath(const std::string& key) const {
  return folder_.File(KeyHash(key) + ".cred");
}

Result<std::optional<CachedCredentials>> CredentialCache::Read(const std::string& key) const {
  auto text = ReadPrivateFile(EntryPath(key), kMaxEntrySize);
  // A file others can read must be fixed by a person. Any other failure
  // (oversized, changing under us) makes the entry unusable, as a damaged
  // one is: it is fetched again and replaced.
  if (!text.ok() && text.error().code == kStatePermissionsError) return text.error();
  if (!text.ok() || !text->has_value()) return std::optional<CachedCredentials>();
  return ParseCredentialEntry(**text, key);
}

bool CredentialCache::IsFresh(const std::optional<CachedCredentials>& entry,
                              std::chrono::seconds window) const {
  return entry.has_value() && entry->credentials.expiration.has_value() &&
         !entry->credentials.ExpiresWithin(window, now_());
}

Result<std::optional<CachedCredentials>> CredentialCache::ReadFresh(const std::string& key,
                                                                    std::chrono::seconds refresh_window) const {
  auto cached = Read(key);
  if (!cached.ok()) return cached.error();
  if (!IsFresh(*cached, refresh_window)) return std::optional<CachedCredentials>();
  return cached;
}

Status CredentialCache::Write(const std::string& hash, const std::string& key,
                              const CachedCredentials& entry) {
  auto text = SerializeCredentialEntry(key, entry);
  if (!text.ok()) return text.error();
  return ReplacePrivateFile(folder_.File(hash + ".cred"), *text, folder_.File(hash + ".cred.tmp"));
}

Result<CachedCredentials> CredentialCache::GetOrFetch(const std::string& key,
                                                      std::chrono::seconds refresh_window,
                                                      const Fetch& fetch,
                                                      const FetchOptions& options) {
  if (!options.use_cache) return fetch();
  FOYER_RETURN_IF_ERROR(CheckKey(key));
  auto cached = Read(key);
  if (!cached.ok()) return cached.error();
  if (IsFresh(*cached, refresh_window)) return std::move(**cached);

  const std::string hash = KeyHash(key);
  auto lock = FileLock::Open(folder_.File(hash + ".lock"));
  if (!lock.ok()) return lock.error();
  auto outcome = WaitForLock(*lock, options.lock_timeout, [&]() -> Result<bool> {
    cached = Read(key);
    if (!cached.ok()) return cached.error();
    return IsFresh(*cached, refresh_window);
  });
  if (!outcome.ok()) return outcome.error();
  if (*outcome == WaitOutcome::kLocked) {
    // The previous holder may have refreshed the entry just before letting go.
    cached = Read(key);
    if (!cached.ok()) return cached.error();
  }
  if (IsFresh(*cached, refresh_window)) return std::move(**cached);

  auto fetched = fetch();
  if (!fetched.ok()) return fetched.error();
  if (fetched->credentials.expiration.has_value()) {
    // A failed write is an error: quietly not caching would turn fifty
    // parallel calls into fifty STS calls.
    FOYER_RETURN_IF_ERROR(Write(hash, key, *fetched));
  }
  return fetched;
}

Status CredentialCache::Store(const std::string& key, const CachedCredentials& entry,
                              std::chrono::milliseconds lock_timeout) {
  FOYER_RETURN_IF_ERROR(CheckKey(key));
  const std::string hash = KeyHash(key);
  auto lock = FileLock::Open(folder_.File(hash + ".lock"));
  if (!lock.ok()) return lock.error();
  auto outcome = WaitForLock(*lock, lock_timeout, []() -> Result<bool> { return false; });
  if (!outcome.ok()) return outcome.error();
  return Write(hash, key, entry);
}

Status CredentialCache::RemoveHash(const std::string& hash, std::chrono::milliseconds lock_timeout) {
  auto lock = FileLock::Open(folder_.File(hash + ".lock"));
  if (!lock.ok()) return lock.error();
  auto outcome = WaitForLock(*lock, lock_timeout, []() -> Result<bool> { return false; });
  if (!outcome.ok()) return outcome.error();
  FOYER_RETURN_IF_ERROR(RemoveIfPresent(folder_.File(hash + ".cred")));
  return RemoveIfPresent(folder_.File(hash + ".cred.tmp"));
}

Status CredentialCache::Remove(const std::string& key, std::chrono::milliseconds lock_timeout) {
  return RemoveHash(KeyHash(key), lock_timeout);
}

Status CredentialCache::RemoveAll(std::chrono::milliseconds lock_timeout) {
  std::error_code error;
  std::filesystem::directory_iterator entries(folder_.path(), error);
  if (error) return SystemError("cannot list", folder_.path(), error.value());
  std::vector<std::string> hashes;
  for (const auto& file : entries) {
    const std::string name = file.path().filename().string();
    for (std::string_view suffix : {".cred", ".cred.tmp"}) {
      if (name.ends_with(suffix)) hashes.push_back(name.substr(0, name.size() - suffix.size()));
    }
  }
  for (const std::string& hash : hashes) FOYER_RETURN_IF_ERROR(RemoveHash(hash, lock_timeout));
  return OkStatus();
}

}  // namespace foyer::store
