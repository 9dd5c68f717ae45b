// Files only their owner can read, written so that a reader never sees half
// of one.
//
// Every file foyer keeps in its state folder goes through here: created with
// mode 0600 whatever the umask, opened without following symlinks, and
// refused when another user owns it or could read or write it.
#ifndef FOYER_STORE_PRIVATE_FILE_H_
#define FOYER_STORE_PRIVATE_FILE_H_

#include <sys/stat.h>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"

namespace foyer::store {

// A file descriptor closed when it goes out of scope.
class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}
  UniqueFd(UniqueFd&& other) noexcept : fd_(other.release()) {}
  UniqueFd& operator=(UniqueFd&& other) noexcept;
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  ~UniqueFd();

  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  int release();

 private:
  int fd_ = -1;
};

// Fails with kStatePermissionsError unless `info` (of the file or folder at
// `path`) belongs to the effective user and grants nothing to group or
// world. The message names the fix (`chmod 600 ...` / `chmod 700 ...`).
Status CheckPrivate(const struct stat& info, const std::filesystem::path& path);

// The whole content of the private regular file `path`, or nullopt when it
// does not exist. Fails when it is a symlink, not a regular file, not private
// (see CheckPrivate), larger than `max_size` bytes, or unreadable.
Result<std::optional<std::string>> ReadPrivateFile(const std::filesystem::path& path,
                                                   std::size_t max_size);

// Opens (creating it, mode 0600, when missing) the private regular file
// `path` for reading and writing; checked like ReadPrivateFile.
Result<UniqueFd> OpenOrCreatePrivateFile(const std::filesystem::path& path);

// Replaces `path` with `contents` so that readers see either the old file or
// the new one, never a mix: writes `temp_path` (same folder, mode 0600),
// fsyncs it, renames it over `path` and fsyncs the folder.
// REQUIRES: no other writer uses `temp_path` at the same time (callers hold
// a lock, or use a name of their own).
Status ReplacePrivateFile(const std::filesystem::path& path, std::string_view contents,
                          const std::filesystem::path& temp_path);

// An error of this layer for a failed system call: "<what> <path>: <strerror(errno)>".
Error SystemError(std::string_view what, const std::filesystem::path& path, int error_number);

}  // namespace foyer::store

#endif  // FOYER_STORE_PRIVATE_FILE_H_
