#include "store/private_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "store/state_dir.h"

namespace foyer::store {
namespace {

// Writes all of `data`, retrying short writes and interrupted calls.
bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t written = ::write(fd, data.data(), data.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

// Checks the open file `fd` and returns its size.
Result<std::size_t> CheckRegularPrivateFile(int fd, const std::filesystem::path& path) {
  struct stat info {};
  if (::fstat(fd, &info) != 0) return SystemError("cannot inspect", path, errno);
  if (!S_ISREG(info.st_mode)) {
    return MakeError(kStatePermissionsError,
                     fmt::format("{} is not a regular file; foyer keeps only its own files in its "
                                 "state folder. Remove it and retry.",
                                 path.string()));
  }
  FOYER_RETURN_IF_ERROR(CheckPrivate(info, path));
  return static_cast<std::size_t>(info.st_size);
}

Error OpenError(const std::filesystem::path& path, int error_number) {
  if (error_number == ELOOP) {
    return MakeError(kStatePermissionsError,
                     fmt::format("{} is a symbolic link; foyer refuses to follow links in its "
                                 "state folder. Remove it and retry.",
                                 path.string()));
  }
  return SystemError("cannot open", path, error_number);
}

// Opens with O_NOFOLLOW: a symlink planted in the state folder must not
// redirect foyer's reads or writes elsewhere.
Result<UniqueFd> OpenNoFollow(const std::filesystem::path& path, int flags) {
  int fd = ::open(path.c_str(), flags | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return OpenError(path, errno);
  return UniqueFd(fd);
}

}  // namespace

UniqueFd& UniqueFd::operator=(UniqueFd&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.release();
  }
  return *this;
}

UniqueFd::~UniqueFd() {
  if (fd_ >= 0) ::close(fd_);
}

int UniqueFd::release() {
  int fd = fd_;
  fd_ = -1;
  return fd;
}

Error SystemError(std::string_view what, const std::filesystem::path& path, int error_number) {
  return MakeError(kStateError,
                   fmt::format("{} {}: {}", what, path.string(), std::strerror(error_number)));
}

Status CheckPrivate(const struct stat& info, const std::filesystem::path& path) {
  const bool is_dir = S_ISDIR(info.st_mode);
  if (info.st_uid != ::geteuid()) {
    return MakeError(kStatePermissionsError,
                     fmt::format("{} belongs to user id {}, not to you (user id {}); foyer keeps "
                                 "credentials there and will not share them. Remove it, or point "
                                 "XDG_STATE_HOME at a folder of your own.",
                                 path.string(), info.st_uid, ::geteuid()));
  }
  if ((info.st_mode & 077) != 0) {
    return MakeError(kStatePermissionsError,
                     fmt::format("{} is accessible to other users (mode {:04o}); foyer keeps "
                                 "credentials there. Fix it with: chmod {} {}",
                                 path.string(), info.st_mode & 07777, is_dir ? "700" : "600",
                                 path.string()));
  }
  return OkStatus();
}

Result<std::optional<std::string>> ReadPrivateFile(const std::filesystem::path& path,
                                                   std::size_t max_size) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0 && errno == ENOENT) return std::optional<std::string>();
  if (fd < 0) return OpenError(path, errno);
  UniqueFd file(fd);
  auto size = CheckRegularPrivateFile(file.get(), path);
  if (!size.ok()) return size.error();

  // Room for one byte more than the size (or the limit) tells a file that
  // grew, or is too large, from one that is exactly at it.
  std::string content(std::min(*size, max_size) + 1, '\0');
  std::size_t filled = 0;
  while (filled < content.size()) {
    ssize_t got = ::read(file.get(), content.data() + filled, content.size() - filled);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return SystemError("cannot read", path, errno);
    if (got == 0) break;
    filled += static_cast<std::size_t>(got);
  }
  if (filled == content.size() && filled <= max_size) {
    // The file grew after fstat; it is being written by something other
    // than foyer, which replaces entries by rename.
    return MakeError(kStateError, fmt::format("{} changed while foyer read it; retry.", path.string()));
  }
  if (filled > max_size) {
    return MakeError(kStateError, fmt::format("{} is larger than the {} bytes foyer ever writes "
                                              "there; remove it and retry.",
                                              path.string(), max_size));
  }
  content.resize(filled);
  return std::optional<std::string>(std::move(content));
}

Result<UniqueFd> OpenOrCreatePrivateFile(const std::filesystem::path& path) {
  // O_EXCL first, so that only a file this call created gets its mode set:
  // an existing file with loose permissions is reported, not repaired.
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd >= 0) {
    UniqueFd created(fd);
    if (::fchmod(created.get(), 0600) != 0) return SystemError("cannot set the mode of", path, errno);
    return created;
  }
  if (errno != EEXIST) return SystemError("cannot create", path, errno);
  auto opened = OpenNoFollow(path, O_RDWR);
  if (!opened.ok()) return opened.error();
  auto checked = CheckRegularPrivateFile(opened->get(), path);
  if (!checked.ok()) return checked.error();
  return opened;
}

Status ReplacePrivateFile(const std::filesystem::path& path, std::string_view contents,
                          const std::filesystem::path& temp_path) {
  // A temp file left by a crash is stale; O_TRUNC on it would keep its old
  // mode, so it is removed and created afresh.
  if (::unlink(temp_path.c_str()) != 0 && errno != ENOENT) {
    return SystemError("cannot remove", temp_path, errno);
  }
  auto temp = OpenOrCreatePrivateFile(temp_path);
  if (!temp.ok()) return temp.error();
  if (!WriteAll(temp->get(), contents)) return SystemError("cannot write", temp_path, errno);
  if (::fsync(temp->get()) != 0) return SystemError("cannot flush", temp_path, errno);
  if (::rename(temp_path.c_str(), path.c_str()) != 0) {
    int error_number = errno;
    ::unlink(temp_path.c_str());
    return SystemError("cannot rename a new version over", path, error_number);
  }
  // The rename is durable only once the folder is flushed too.
  UniqueFd folder(::open(path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!folder.valid() || ::fsync(folder.get()) != 0) {
    return SystemError("cannot flush the folder of", path, errno);
  }
  return OkStatus();
}

}  // namespace foyer::store
