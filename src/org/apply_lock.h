// The `foyer apply` lock: one operator converges the organization at a time.
//
// Two applies at once would race on everything that is not idempotent in
// AWS (CreateAccount above all), so apply takes this lock before it starts
// and holds it until it ends. The lock lives where every operator sees it:
// a DynamoDB item in the deploy account's table kApplyLockTableName, once
// that table exists. Before it exists (the first apply, which creates it)
// the lock is a file lock in the local state folder, which at least stops
// two applies from the same machine.
//
// The DynamoDB lock is a lease: the item names its holder and an expiry. A
// holder that dies without releasing (kill -9, lost network) blocks others
// only until the lease runs out; a live holder renews it. A holder that was
// a process of this user on this machine and no longer runs is taken over
// at once, so an apply killed here can be rerun here straight away. The local lock is
// flock(2): the kernel drops it when its holder exits, however it exits.
#ifndef FOYER_ORG_APPLY_LOCK_H_
#define FOYER_ORG_APPLY_LOCK_H_

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "aws/client_config.h"
#include "base/result.h"
#include "base/time_format.h"

namespace foyer::org {

// The error code of a refusal because someone else holds the lock; its
// message names the holder and since when, and its exit status is 1.
inline constexpr const char* kLockHeldError = "LockHeld";

// Who takes the lock, as other operators will read it.
struct LockHolder {
  // "alice@laptop pid 4242"
  std::string name;
  SystemTime since;
};

// The holder for this process: "<user>@<host> pid <pid>", since `now`.
LockHolder CurrentProcessHolder(SystemTime now);

// Where the lock is taken.
struct LockPlace {
  // Administrative access to the deploy account, in the region holding the
  // lock table (the spec's first region), when the deploy account exists.
  // When set and the table exists there, the lock is the DynamoDB item;
  // otherwise it is the local lock.
  std::optional<aws::ClientConfig> deploy_account;
  // The folder of the local lock (the state folder, $XDG_STATE_HOME/foyer).
  std::filesystem::path local_dir;
  // How long a DynamoDB lock lasts without renewal.
  std::chrono::seconds lease = std::chrono::hours(1);
};

class ApplyLock {
 public:
  // Releases the lock if it is still held; errors are ignored here (the
  // lease runs out anyway): call Release() to see them.
  virtual ~ApplyLock() = default;

  // Gives the lock up. Calling it again does nothing.
  virtual Status Release() = 0;
  // Extends a lease to `now` + lease; fails with kLockHeldError when the
  // lock was lost (the lease ran out and someone took it). Does nothing for
  // the local lock.
  virtual Status Renew(SystemTime now) = 0;
  // Where the lock lives, for messages: "DynamoDB table foyer-apply-lock"
  // or "local lock <path>".
  virtual std::string Where() const = 0;
};

// Takes the lock for `holder` at `place`: the DynamoDB item when the table
// exists (a conditional write that succeeds when there is no item or its
// lease has expired), else the local file lock `<local_dir>/apply.lock`
// with the holder written next to it in `apply.lock.holder`.
// Fails with kLockHeldError when someone else holds it:
//   "another foyer apply holds the lock: alice@laptop pid 4242 since
//    2026-11-28T02:00:00Z (DynamoDB table foyer-apply-lock). Wait ..."
Result<std::unique_ptr<ApplyLock>> AcquireApplyLock(const LockPlace& place,
                                                    const LockHolder& holder);

}  // namespace foyer::org

#endif  // FOYER_ORG_APPLY_LOCK_H_
