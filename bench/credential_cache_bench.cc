// The warm read path of the credential cache, next to the plain file read it
// has to stay close to. A warm `foyer credential-process` should cost about
// what `cat` of the entry costs; these numbers show how much of that budget
// the cache itself takes once the process is running.
//
//   BM_ReadFileLikeCat   open + read + close of the entry file
//   BM_CacheRead         CredentialCache::Read: the same, plus the
//                        permission check and parsing
//   BM_CacheGetOrFetch   what credential-process calls: hashing the key,
//                        Read, the freshness check
//   BM_OpenStateAndCache per-process setup: resolve and check the state
//                        folder and its credentials subfolder
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include <benchmark/benchmark.h>

#include "store/credential_cache.h"
#include "store/state_dir.h"

namespace foyer::store {
namespace {

const std::string kKey = "org:example|111122223333|foyer/Administrator|alice@example.com";

// A state folder holding one warm entry with a realistically long token.
class WarmCache {
 public:
  WarmCache() {
    std::string pattern = (std::filesystem::temp_directory_path() / "foyer-bench-XXXXXX").string();
    root_ = ::mkdtemp(pattern.data());
    state_.emplace(std::move(*StateDir::Open(root_ / "foyer")));
    cache_.emplace(std::move(*CredentialCache::Open(*state_)));
    CachedCredentials entry;
    entry.credentials.access_key_id = "ASIAQNZGKYLBENCHMARK";
    entry.credentials.secret_access_key = std::string(40, 's');
    entry.credentials.session_token = std::string(1100, 't');
    entry.credentials.expiration = std::chrono::system_clock::now() + std::chrono::hours(1);
    entry.role_arn = "arn:aws:iam::111122223333:role/foyer/Administrator";
    entry.source_identity = "alice@example.com";
    if (!cache_->Store(kKey, entry).ok()) std::abort();
  }
  ~WarmCache() { std::filesystem::remove_all(root_); }

  const std::filesystem::path& root() const { return root_; }
  const StateDir& state() const { return *state_; }
  CredentialCache& cache() { return *cache_; }

 private:
  std::filesystem::path root_;
  std::optional<StateDir> state_;
  std::optional<CredentialCache> cache_;
};

void BM_ReadFileLikeCat(benchmark::State& state) {
  WarmCache warm;
  const std::string path = warm.cache().EntryPath(kKey).string();
  char buffer[8192];
  for (auto _ : state) {
    int fd = ::open(path.c_str(), O_RDONLY);
    ssize_t total = 0;
    for (ssize_t got; (got = ::read(fd, buffer, sizeof buffer)) > 0;) total += got;
    ::close(fd);
    benchmark::DoNotOptimize(total);
  }
}
BENCHMARK(BM_ReadFileLikeCat);

void BM_CacheRead(benchmark::State& state) {
  WarmCache warm;
  for (auto _ : state) {
    auto entry = warm.cache().Read(kKey);
    if (!entry.ok() || !entry->has_value()) state.SkipWithError("no entry");
    benchmark::DoNotOptimize(entry);
  }
}
BENCHMARK(BM_CacheRead);

void BM_CacheGetOrFetch(benchmark::State& state) {
  WarmCache warm;
  auto never = []() -> Result<CachedCredentials> { std::abort(); };
  for (auto _ : state) {
    auto entry = warm.cache().GetOrFetch(kKey, std::chrono::minutes(5), never);
    benchmark::DoNotOptimize(entry);
  }
}
BENCHMARK(BM_CacheGetOrFetch);

void BM_OpenStateAndCache(benchmark::State& state) {
  WarmCache warm;
  for (auto _ : state) {
    auto dir = StateDir::Open(warm.root() / "foyer");
    auto cache = CredentialCache::Open(*dir);
    benchmark::DoNotOptimize(cache);
  }
}
BENCHMARK(BM_OpenStateAndCache);

}  // namespace
}  // namespace foyer::store
