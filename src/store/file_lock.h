// An exclusive lock shared by every process on the machine: flock(2) on a
// private lock file. The kernel drops it when its holder exits, killed or
// not, so a crashed foyer never leaves a stale lock behind.
#ifndef FOYER_STORE_FILE_LOCK_H_
#define FOYER_STORE_FILE_LOCK_H_

#include <filesystem>

#include "base/result.h"
#include "store/private_file.h"

namespace foyer::store {

// Released when destroyed (closing the file releases the lock). Move-only.
class FileLock {
 public:
  // Opens (creating it, mode 0600, when missing) the lock file at `path`,
  // without locking it.
  static Result<FileLock> Open(const std::filesystem::path& path);

  // Takes the lock if no other holder has it: true when taken (or already
  // held by this object), false when someone else holds it.
  Result<bool> TryLock();
  bool locked() const { return locked_; }
  const std::filesystem::path& path() const { return path_; }

 private:
  FileLock(UniqueFd file, std::filesystem::path path) : file_(std::move(file)), path_(std::move(path)) {}

  UniqueFd file_;
  std::filesystem::path path_;
  bool locked_ = false;
};

}  // namespace foyer::store

#endif  // FOYER_STORE_FILE_LOCK_H_
