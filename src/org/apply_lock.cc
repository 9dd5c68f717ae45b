#include "org/apply_lock.h"

#include <pwd.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include <string_view>
#include <utility>

#include "aws/dynamodb.h"
#include "org/storage_naming.h"
#include "store/file_lock.h"
#include "store/private_file.h"

namespace foyer::org {
namespace {

// The one item of the lock table; its other attributes say who holds it.
constexpr std::string_view kLockId = "foyer-apply";
constexpr char kHolderAttribute[] = "Holder";
constexpr char kSinceAttribute[] = "Since";
constexpr char kExpiresAttribute[] = "Expires";
constexpr std::size_t kMaxHolderFileSize = 4096;

long long EpochSeconds(SystemTime time) {
  return std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch()).count();
}

Error LockHeld(const std::string& holder_and_since, const std::string& where,
               const std::string& what_to_do) {
  Error error = MakeError(kLockHeldError, "another foyer apply holds the lock: " + holder_and_since +
                                              " (" + where + "). " + what_to_do);
  error.exit_code = ExitCode::kFailure;
  return error;
}

aws::Item LockKey() { return {{"LockID", aws::AttributeValue::String(std::string(kLockId))}}; }

std::string AttributeOr(const aws::Item& item, const char* name, std::string_view fallback) {
  auto found = item.find(name);
  return found == item.end() ? std::string(fallback) : found->second.value;
}

// True when `held_by` ("alice@laptop pid 4242") names a process of this
// user on this machine (`mine` is this process's holder name) that no
// longer runs. A reused pid reads as alive: the safe way to be wrong.
bool IsDeadProcessOfThisMachine(const std::string& held_by, const std::string& mine) {
  constexpr std::string_view kPid = " pid ";
  auto at = mine.find(kPid);
  if (at == std::string::npos) return false;
  const std::string prefix = mine.substr(0, at + kPid.size());
  if (held_by.compare(0, prefix.size(), prefix) != 0) return false;
  const std::string digits = held_by.substr(prefix.size());
  if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) {
    return false;
  }
  const pid_t pid = static_cast<pid_t>(std::atol(digits.c_str()));
  if (pid <= 1 || pid == getpid()) return false;
  return kill(pid, 0) == -1 && errno == ESRCH;
}

class DynamoDbApplyLock : public ApplyLock {
 public:
  DynamoDbApplyLock(aws::ClientConfig config, LockHolder holder, std::chrono::seconds lease)
      : client_(std::move(config)), holder_(std::move(holder)), lease_(lease) {}
  ~DynamoDbApplyLock() override { (void)Release(); }

  // Writes the lock item unless someone else holds an unexpired lease.
  // Returns the write's error untouched (ResourceNotFoundException when
  // there is no table, kConditionalCheckFailed when the lock is held).
  Status TryTake(SystemTime now) {
    aws::Condition condition{"attribute_not_exists(#k) OR #exp < :now",
                             {{"#k", "LockID"}, {"#exp", kExpiresAttribute}},
                             {{":now", aws::AttributeValue::Number(EpochSeconds(now))}}};
    Status written = client_.PutItem(std::string(kApplyLockTableName), ItemUntil(now + lease_), condition);
    if (written.ok()) held_ = true;
    return written;
  }

  // A lease left by a process of this machine that no longer runs (killed,
  // crashed) is taken over at once instead of waited out. Only that exact
  // item is replaced, so a live holder is never displaced. When the holder
  // is someone else or alive, the refusal names it (read once, here).
  Status TakeOverFromDeadHolderOrRefuse(SystemTime now) {
    auto item = client_.GetItem(std::string(kApplyLockTableName), LockKey());
    if (!item.ok()) return item.error();
    if (!item->has_value()) return TryTake(now);
    const std::string held_by = AttributeOr(**item, kHolderAttribute, "");
    const std::string since = AttributeOr(**item, kSinceAttribute, "");
    if (!IsDeadProcessOfThisMachine(held_by, holder_.name)) return Refusal(&**item);
    aws::Condition exactly_that{"#h = :h AND #s = :s",
                                {{"#h", kHolderAttribute}, {"#s", kSinceAttribute}},
                                {{":h", aws::AttributeValue::String(held_by)},
                                 {":s", aws::AttributeValue::String(since)}}};
    Status written = client_.PutItem(std::string(kApplyLockTableName), ItemUntil(now + lease_), exactly_that);
    if (written.ok()) held_ = true;
    if (!written.ok() && written.error().code == aws::kConditionalCheckFailed) return HeldBySomeoneElse();
    return written;
  }

  // The refusal naming whoever holds the lock now.
  Error HeldBySomeoneElse() {
    auto item = client_.GetItem(std::string(kApplyLockTableName), LockKey());
    return Refusal(item.ok() && item->has_value() ? &**item : nullptr);
  }

  // The refusal naming the holder of `held` (null: it could not be read).
  Error Refusal(const aws::Item* held) const {
    std::string who = "a holder that could not be read";
    if (held != nullptr) {
      who = AttributeOr(*held, kHolderAttribute, "an unnamed holder") + " since " +
            AttributeOr(*held, kSinceAttribute, "an unknown time");
    }
    return LockHeld(who, Where(),
                    "Wait for it to finish. If it died on another machine, its lease expires within " +
                        std::to_string(lease_.count() / 60) +
                        " minutes of its last renewal; then apply again (a dead holder on this "
                        "machine is taken over at once).");
  }

  Status Release() override {
    if (!held_) return OkStatus();
    held_ = false;
    return client_.DeleteItem(std::string(kApplyLockTableName), LockKey(), MineOnly());
  }

  Status Renew(SystemTime now) override {
    Status written = client_.PutItem(std::string(kApplyLockTableName), ItemUntil(now + lease_), MineOnly());
    if (written.ok()) return written;
    if (written.error().code != aws::kConditionalCheckFailed) return written;
    held_ = false;
    return HeldBySomeoneElse();
  }

  std::string Where() const override { return "DynamoDB table " + std::string(kApplyLockTableName); }

 private:
  aws::Item ItemUntil(SystemTime expiry) const {
    aws::Item item = LockKey();
    item[kHolderAttribute] = aws::AttributeValue::String(holder_.name);
    item[kSinceAttribute] = aws::AttributeValue::String(FormatRfc3339(holder_.since));
    item[kExpiresAttribute] = aws::AttributeValue::Number(EpochSeconds(expiry));
    return item;
  }

  // A write that succeeds only while the item is still this holder's.
  aws::Condition MineOnly() const {
    return {"#h = :holder AND #s = :since",
            {{"#h", kHolderAttribute}, {"#s", kSinceAttribute}},
            {{":holder", aws::AttributeValue::String(holder_.name)},
             {":since", aws::AttributeValue::String(FormatRfc3339(holder_.since))}}};
  }

  aws::DynamoDbClient client_;
  LockHolder holder_;
  std::chrono::seconds lease_;
  bool held_ = false;
};

class LocalApplyLock : public ApplyLock {
 public:
  LocalApplyLock(store::FileLock lock, std::filesystem::path holder_file)
      : lock_(std::move(lock)), holder_file_(std::move(holder_file)) {}
  ~LocalApplyLock() override { (void)Release(); }

  Status Release() override {
    if (!lock_.has_value()) return OkStatus();
    std::error_code ignored;
    std::filesystem::remove(holder_file_, ignored);
    lock_.reset();  // closing the file drops the flock
    return OkStatus();
  }
  Status Renew(SystemTime) override { return OkStatus(); }
  std::string Where() const override { return "local lock " + holder_file_.parent_path().string(); }

 private:
  std::optional<store::FileLock> lock_;
  std::filesystem::path holder_file_;
};

Result<std::unique_ptr<ApplyLock>> AcquireLocalLock(const std::filesystem::path& dir,
                                                   const LockHolder& holder) {
  const std::filesystem::path lock_path = dir / "apply.lock";
  const std::filesystem::path holder_path = dir / "apply.lock.holder";
  auto lock = store::FileLock::Open(lock_path);
  if (!lock.ok()) return lock.error();
  auto taken = lock->TryLock();
  if (!taken.ok()) return taken.error();
  if (!*taken) {
    auto written = store::ReadPrivateFile(holder_path, kMaxHolderFileSize);
    std::string who = written.ok() && written->has_value() ? **written : "a holder that could not be read";
    return LockHeld(who, "local lock " + lock_path.string(),
                    "Wait for it to finish; the lock goes when that process exits.");
  }
  Status recorded = store::ReplacePrivateFile(
      holder_path, holder.name + " since " + FormatRfc3339(holder.since), dir / "apply.lock.holder.tmp");
  if (!recorded.ok()) return recorded.error();
  return std::unique_ptr<ApplyLock>(new LocalApplyLock(std::move(*lock), holder_path));
}

}  // namespace

LockHolder CurrentProcessHolder(SystemTime now) {
  const passwd* entry = getpwuid(geteuid());
  std::string user = entry != nullptr ? entry->pw_name : "uid " + std::to_string(geteuid());
  char host[256] = {};
  if (gethostname(host, sizeof(host) - 1) != 0) host[0] = '\0';
  return LockHolder{user + "@" + (host[0] != '\0' ? host : "unknown-host") + " pid " + std::to_string(getpid()),
                    now};
}

Result<std::unique_ptr<ApplyLock>> AcquireApplyLock(const LockPlace& place, const LockHolder& holder) {
  if (place.deploy_account.has_value()) {
    auto lock = std::make_unique<DynamoDbApplyLock>(*place.deploy_account, holder, place.lease);
    Status taken = lock->TryTake(holder.since);
    if (taken.ok()) return std::unique_ptr<ApplyLock>(std::move(lock));
    if (taken.error().code == aws::kConditionalCheckFailed) {
      Status took_over = lock->TakeOverFromDeadHolderOrRefuse(holder.since);
      if (!took_over.ok()) return took_over.error();
      return std::unique_ptr<ApplyLock>(std::move(lock));
    }
    // No table yet: the first apply creates it, under the local lock.
    if (taken.error().code != "ResourceNotFoundException") return taken.error();
  }
  return AcquireLocalLock(place.local_dir, holder);
}

}  // namespace foyer::org
