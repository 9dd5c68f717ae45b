#include "store/file_lock.h"

#include <sys/file.h>

#include <cerrno>

namespace foyer::store {

Result<FileLock> FileLock::Open(const std::filesystem::path& path) {
  auto file = OpenOrCreatePrivateFile(path);
  if (!file.ok()) return file.error();
  return FileLock(std::move(*file), path);
}

Result<bool> FileLock::TryLock() {
  if (locked_) return true;
  while (::flock(file_.get(), LOCK_EX | LOCK_NB) != 0) {
    if (errno == EWOULDBLOCK) return false;
    if (errno != EINTR) return SystemError("cannot lock", path_, errno);
  }
  locked_ = true;
  return true;
}

}  // namespace foyer::store
