#include "store/credential_cache.h"

#include <sys/stat.h>

#include <fstream>
#include <thread>

#include <gtest/gtest.h>

#include "store/file_lock.h"
#include "store/scratch_dir_for_tests.h"

namespace foyer::store {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

const SystemTime kNow = SystemTime(seconds(1795819767));
const std::string kKey = "org:example|111122223333|foyer/Auditor|alice";

CachedCredentials Session(std::string access_key_id, SystemTime expiration) {
  CachedCredentials entry;
  entry.credentials.access_key_id = std::move(access_key_id);
  entry.credentials.secret_access_key = "wJalrXUtnFEMI/SECRET";
  entry.credentials.session_token = "FwoGZXIvYXdzEXAMPLETOKEN";
  entry.credentials.expiration = expiration;
  entry.credentials.source = "assume-role";
  entry.role_arn = "arn:aws:iam::111122223333:role/foyer/Auditor";
  entry.source_identity = "alice";
  return entry;
}

class CredentialCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto state = StateDir::Open(scratch_.path() / "foyer");
    ASSERT_TRUE(state.ok()) << state.error().message;
    auto cache = CredentialCache::Open(*state, [this] { return now_; });
    ASSERT_TRUE(cache.ok()) << cache.error().message;
    cache_.emplace(std::move(*cache));
  }

  // A fetch that counts its calls and returns a session named after them.
  CredentialCache::Fetch CountingFetch(minutes lifetime) {
    return [this, lifetime]() -> Result<CachedCredentials> {
      ++fetches_;
      return Session("ASIAFETCH" + std::to_string(fetches_), now_ + lifetime);
    };
  }

  std::string AccessKeyAfterGetOrFetch(seconds window, minutes lifetime = minutes(60)) {
    auto got = cache_->GetOrFetch(kKey, window, CountingFetch(lifetime));
    EXPECT_TRUE(got.ok()) << got.error().message;
    return got.ok() ? got->credentials.access_key_id : "";
  }

  ScratchDir scratch_;
  SystemTime now_ = kNow;
  std::optional<CredentialCache> cache_;
  int fetches_ = 0;
};

TEST_F(CredentialCacheTest, FetchesOnceThenServesFromTheCache) {
  EXPECT_EQ(AccessKeyAfterGetOrFetch(seconds(300)), "ASIAFETCH1");
  EXPECT_EQ(AccessKeyAfterGetOrFetch(seconds(300)), "ASIAFETCH1");
  EXPECT_EQ(fetches_, 1);

  auto read = cache_->Read(kKey);
  ASSERT_TRUE(read.ok());
  ASSERT_TRUE(read->has_value());
  EXPECT_EQ((*read)->credentials.secret_access_key, "wJalrXUtnFEMI/SECRET");
  EXPECT_EQ((*read)->credentials.session_token, "FwoGZXIvYXdzEXAMPLETOKEN");
  EXPECT_EQ((*read)->credentials.expiration, kNow + minutes(60));
  EXPECT_EQ((*read)->role_arn, "arn:aws:iam::111122223333:role/foyer/Auditor");
  EXPECT_EQ((*read)->source_identity, "alice");
}

TEST_F(CredentialCacheTest, EntriesAreFilesNamedByTheKeyHashOwnerOnly) {
  AccessKeyAfterGetOrFetch(seconds(300));
  // sha256("org:example|111122223333|foyer/Auditor|alice")
  auto expected = scratch_.path() / "foyer" / "credentials" /
                  "c2bb6a356c63c50c2c5905996fd1aabc591ddaca6af06ee2f840bfdd3dedf0ba.cred";
  EXPECT_EQ(cache_->EntryPath(kKey), expected);
  struct stat info {};
  ASSERT_EQ(::stat(cache_->EntryPath(kKey).c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 07777, 0600u);
}

// The refresh window: fresh while expiration - window > now.
TEST_F(CredentialCacheTest, RefreshesExactlyWhenTheWindowIsReached) {
  EXPECT_EQ(AccessKeyAfterGetOrFetch(seconds(300)), "ASIAFETCH1");  // expires at kNow + 60 min
  now_ = kNow + minutes(55) - seconds(1);
  EXPECT_EQ(AccessKeyAfterGetOrFetch(seconds(300)), "ASIAFETCH1");
  now_ = kNow + minutes(55);
  EXPECT_EQ(AccessKeyAfterGetOrFetch(seconds(300)), "ASIAFETCH2");
  EXPECT_EQ(fetches_, 2);
}

TEST_F(CredentialCacheTest, RefetchesExpiredEntriesWithAZeroWindow) {
  EXPECT_EQ(AccessKeyAfterGetOrFetch(seconds(0)), "ASIAFETCH1");
  now_ = kNow + minutes(60) - seconds(1);
  EXPECT_EQ(AccessKeyAfterGetOrFetch(seconds(0)), "ASIAFETCH1");
  now_ = kNow + minutes(60);
  EXPECT_EQ(AccessKeyAfterGetOrFetch(seconds(0)), "ASIAFETCH2");
}

TEST_F(CredentialCacheTest, ReadFreshAnswersExactlyWhenGetOrFetchWouldNotFetch) {
  auto empty = cache_->ReadFresh(kKey, seconds(300));
  ASSERT_TRUE(empty.ok());
  EXPECT_FALSE(empty->has_value());
  EXPECT_EQ(AccessKeyAfterGetOrFetch(seconds(300)), "ASIAFETCH1");  // expires at kNow + 60 min
  now_ = kNow + minutes(55) - seconds(1);
  auto fresh = cache_->ReadFresh(kKey, seconds(300));
  ASSERT_TRUE(fresh.ok());
  ASSERT_TRUE(fresh->has_value());
  EXPECT_EQ((*fresh)->credentials.access_key_id, "ASIAFETCH1");
  now_ = kNow + minutes(55);
  auto stale = cache_->ReadFresh(kKey, seconds(300));
  ASSERT_TRUE(stale.ok());
  EXPECT_FALSE(stale->has_value());
  EXPECT_EQ(fetches_, 1);
}

TEST_F(CredentialCacheTest, ReadReturnsExpiredEntriesAsStored) {
  AccessKeyAfterGetOrFetch(seconds(0));
  now_ = kNow + minutes(120);
  auto read = cache_->Read(kKey);
  ASSERT_TRUE(read.ok());
  ASSERT_TRUE(read->has_value());
  EXPECT_EQ((*read)->credentials.access_key_id, "ASIAFETCH1");
}

TEST_F(CredentialCacheTest, ADamagedEntryIsFetchedAgainAndReplaced) {
  AccessKeyAfterGetOrFetch(seconds(300));
  for (std::string garbage : {std::string(""), std::string("foyer-credentials 1\nkey "),
                              std::string("\x89PNG\r\n\x1a\n", 8), std::string(70000, 'x')}) {
    std::ofstream(cache_->EntryPath(kKey), std::ios::binary | std::ios::trunc) << garbage;
    auto read = cache_->Read(kKey);
    ASSERT_TRUE(read.ok()) << read.error().message;
    EXPECT_FALSE(read->has_value());
    int before = fetches_;
    EXPECT_EQ(AccessKeyAfterGetOrFetch(seconds(300)), "ASIAFETCH" + std::to_string(before + 1));
    EXPECT_EQ(AccessKeyAfterGetOrFetch(seconds(300)), "ASIAFETCH" + std::to_string(before + 1));
  }
  EXPECT_EQ(fetches_, 5);
}

TEST_F(CredentialCacheTest, AnEntryOthersCanReadIsRefusedNotUsed) {
  AccessKeyAfterGetOrFetch(seconds(300));
  ASSERT_EQ(::chmod(cache_->EntryPath(kKey).c_str(), 0644), 0);
  auto got = cache_->GetOrFetch(kKey, seconds(300), CountingFetch(minutes(60)));
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.error().code, kStatePermissionsError);
  EXPECT_EQ(got.error().message, cache_->EntryPath(kKey).string() +
                                     " is accessible to other users (mode 0644); foyer keeps "
                                     "credentials there. Fix it with: chmod 600 " +
                                     cache_->EntryPath(kKey).string());
  EXPECT_EQ(fetches_, 1);
}

TEST_F(CredentialCacheTest, AStrayTempFileLeavesTheEntryReadable) {
  AccessKeyAfterGetOrFetch(seconds(300));
  auto temp = cache_->EntryPath(kKey).string() + ".tmp";
  std::ofstream(temp, std::ios::binary) << "foyer-credentials 1\nkey " << kKey << "\naccess_key_id ASIAHALF";
  EXPECT_EQ(AccessKeyAfterGetOrFetch(seconds(300)), "ASIAFETCH1");
  now_ = kNow + minutes(59);
  EXPECT_EQ(AccessKeyAfterGetOrFetch(seconds(300)), "ASIAFETCH2");
  EXPECT_FALSE(std::filesystem::exists(temp));
}

TEST_F(CredentialCacheTest, FetchErrorsAreReturnedAndNothingIsStored) {
  auto got = cache_->GetOrFetch(kKey, seconds(300), []() -> Result<CachedCredentials> {
    return MakeError("ExpiredToken", "the login session has expired");
  });
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.error().code, "ExpiredToken");
  EXPECT_FALSE(std::filesystem::exists(cache_->EntryPath(kKey)));
}

TEST_F(CredentialCacheTest, CredentialsWithoutExpirationAreReturnedNotStored) {
  auto got = cache_->GetOrFetch(kKey, seconds(300), []() -> Result<CachedCredentials> {
    CachedCredentials long_term;
    long_term.credentials.access_key_id = "AKIALONGTERM";
    long_term.credentials.secret_access_key = "secret";
    return long_term;
  });
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->credentials.access_key_id, "AKIALONGTERM");
  EXPECT_FALSE(std::filesystem::exists(cache_->EntryPath(kKey)));
}

TEST_F(CredentialCacheTest, NoCacheFetchesEveryTimeAndWritesNothing) {
  AccessKeyAfterGetOrFetch(seconds(300));
  FetchOptions no_cache;
  no_cache.use_cache = false;
  auto got = cache_->GetOrFetch(kKey, seconds(300), CountingFetch(minutes(60)), no_cache);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->credentials.access_key_id, "ASIAFETCH2");
  EXPECT_EQ((*cache_->Read(kKey))->credentials.access_key_id, "ASIAFETCH1");
}

TEST_F(CredentialCacheTest, KeysAreIndependent) {
  auto first = cache_->GetOrFetch("a", seconds(300), CountingFetch(minutes(60)));
  auto second = cache_->GetOrFetch("b", seconds(300), CountingFetch(minutes(60)));
  auto first_again = cache_->GetOrFetch("a", seconds(300), CountingFetch(minutes(60)));
  EXPECT_EQ(first->credentials.access_key_id, "ASIAFETCH1");
  EXPECT_EQ(second->credentials.access_key_id, "ASIAFETCH2");
  EXPECT_EQ(first_again->credentials.access_key_id, "ASIAFETCH1");
}

TEST_F(CredentialCacheTest, RemoveAndRemoveAllForgetEntries) {
  ASSERT_TRUE(cache_->Store("a", Session("ASIAA", kNow + minutes(60))).ok());
  ASSERT_TRUE(cache_->Store("b", Session("ASIAB", kNow + minutes(60))).ok());
  ASSERT_TRUE(cache_->Store("c", Session("ASIAC", kNow + minutes(60))).ok());
  ASSERT_TRUE(cache_->Remove("a").ok());
  ASSERT_TRUE(cache_->Remove("never-stored").ok());
  EXPECT_FALSE(cache_->Read("a")->has_value());
  EXPECT_EQ((*cache_->Read("b"))->credentials.access_key_id, "ASIAB");
  ASSERT_TRUE(cache_->RemoveAll().ok());
  EXPECT_FALSE(cache_->Read("b")->has_value());
  EXPECT_FALSE(cache_->Read("c")->has_value());
  for (const auto& file : std::filesystem::directory_iterator(scratch_.path() / "foyer" / "credentials")) {
    EXPECT_EQ(file.path().extension(), ".lock") << file.path();
  }
}

// A refresh under way holds the lock; removing waits for it, so the refresh
// cannot write the entry back after a logout.
TEST_F(CredentialCacheTest, RemoveWaitsForARefreshUnderWay) {
  ASSERT_TRUE(cache_->Store(kKey, Session("ASIAOLD", kNow + minutes(60))).ok());
  auto holder = FileLock::Open(cache_->EntryPath(kKey).replace_extension(".lock"));
  ASSERT_TRUE(*holder->TryLock());

  auto removed = cache_->Remove(kKey, std::chrono::milliseconds(20));
  ASSERT_FALSE(removed.ok());
  EXPECT_EQ(removed.error().code, kCredentialLockTimeout);
  auto all_removed = cache_->RemoveAll(std::chrono::milliseconds(20));
  ASSERT_FALSE(all_removed.ok());
  EXPECT_EQ(all_removed.error().code, kCredentialLockTimeout);
  EXPECT_EQ((*cache_->Read(kKey))->credentials.access_key_id, "ASIAOLD");

  holder = FileLock::Open(scratch_.path() / "unrelated.lock");  // releases the key's lock
  ASSERT_TRUE(cache_->Remove(kKey).ok());
  EXPECT_FALSE(cache_->Read(kKey)->has_value());
}

TEST_F(CredentialCacheTest, RefusesKeysThatCannotBeStored) {
  EXPECT_FALSE(cache_->GetOrFetch("", seconds(300), CountingFetch(minutes(60))).ok());
  EXPECT_FALSE(cache_->GetOrFetch("a\nb", seconds(300), CountingFetch(minutes(60))).ok());
  EXPECT_EQ(fetches_, 0);
}

TEST_F(CredentialCacheTest, GivesUpWaitingForAnotherHolderWithAClearError) {
  auto hash_lock = cache_->EntryPath(kKey).replace_extension(".lock");
  auto holder = FileLock::Open(hash_lock);
  ASSERT_TRUE(holder.ok());
  ASSERT_TRUE(*holder->TryLock());
  FetchOptions options;
  options.lock_timeout = std::chrono::milliseconds(30);
  auto got = cache_->GetOrFetch(kKey, seconds(300), CountingFetch(minutes(60)), options);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.error().code, kCredentialLockTimeout);
  EXPECT_EQ(got.error().message, "waited 30 ms for another foyer process refreshing the same "
                                 "credentials (lock " + hash_lock.string() +
                                     "). It may be waiting for you to log in; finish or stop it, "
                                     "then retry.");
  EXPECT_EQ(fetches_, 0);
}

// While another holder has the lock, a waiter polls the entry too and takes
// what the holder stored without fetching. (Whether the waiter is already
// waiting when the entry appears changes nothing in the outcome.)
TEST_F(CredentialCacheTest, AWaiterTakesWhatTheHolderStored) {
  auto holder = FileLock::Open(cache_->EntryPath(kKey).replace_extension(".lock"));
  ASSERT_TRUE(holder.ok());
  ASSERT_TRUE(*holder->TryLock());

  std::optional<Result<CachedCredentials>> waiter_got;
  std::thread waiter([&] {
    FetchOptions options;
    options.lock_timeout = std::chrono::seconds(30);
    waiter_got.emplace(cache_->GetOrFetch(kKey, seconds(300), CountingFetch(minutes(60)), options));
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  const std::string staged = cache_->EntryPath(kKey).string() + ".staged";
  std::ofstream(staged) << "foyer-credentials 1\nkey " << kKey
                        << "\naccess_key_id ASIAHOLDER\nsecret_access_key s\nsession_token t\n"
                        << "expiration "
                        << std::chrono::duration_cast<seconds>((kNow + minutes(60)).time_since_epoch()).count()
                        << "\nrole_arn r\nsource_identity alice\nsource test\nend\n";
  ASSERT_EQ(::chmod(staged.c_str(), 0600), 0);
  std::filesystem::rename(staged, cache_->EntryPath(kKey));
  waiter.join();

  ASSERT_TRUE(waiter_got->ok()) << waiter_got->error().message;
  EXPECT_EQ((*waiter_got)->credentials.access_key_id, "ASIAHOLDER");
  EXPECT_EQ(fetches_, 0);
}

}  // namespace
}  // namespace foyer::store
