#include "store/state_dir.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>

#include <fmt/format.h>

#include "store/private_file.h"

namespace foyer::store {
namespace {

// Creates `path` and any missing parent, each with mode 0700 set explicitly
// (mkdir's mode is filtered by the umask). Folders that exist are left as
// they are: the caller checks only the folder it will keep files in.
Status CreateFolders(const std::filesystem::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0) return OkStatus();
  if (errno != ENOENT) return SystemError("cannot inspect", path, errno);
  if (path.has_parent_path() && path.parent_path() != path) {
    FOYER_RETURN_IF_ERROR(CreateFolders(path.parent_path()));
  }
  if (::mkdir(path.c_str(), 0700) != 0) {
    // Another process may have created it meanwhile; the check that follows
    // decides whether it is usable.
    if (errno == EEXIST) return OkStatus();
    return SystemError("cannot create the folder", path, errno);
  }
  if (::chmod(path.c_str(), 0700) != 0) return SystemError("cannot set the mode of", path, errno);
  return OkStatus();
}

Status CheckPrivateFolder(const std::filesystem::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return SystemError("cannot inspect", path, errno);
  if (!S_ISDIR(info.st_mode)) {
    return MakeError(kStateError, fmt::format("{} exists and is not a folder; foyer keeps its "
                                              "state there. Move it away and retry.",
                                              path.string()));
  }
  return CheckPrivate(info, path);
}

}  // namespace

Result<std::filesystem::path> DefaultStateDirPath() {
  const char* state_home = std::getenv("XDG_STATE_HOME");
  if (state_home != nullptr && std::filesystem::path(state_home).is_absolute()) {
    return std::filesystem::path(state_home) / "foyer";
  }
  const char* home = std::getenv("HOME");
  if (home != nullptr && std::filesystem::path(home).is_absolute()) {
    return std::filesystem::path(home) / ".local" / "state" / "foyer";
  }
  return MakeError(kStateError,
                   "cannot tell where to keep foyer's state: neither XDG_STATE_HOME nor HOME is "
                   "set to an absolute path. Set one of them.");
}

Result<StateDir> StateDir::Open(std::filesystem::path path) {
  path = path.lexically_normal();
  if (!path.has_filename() && path.has_parent_path()) path = path.parent_path();
  FOYER_RETURN_IF_ERROR(CreateFolders(path));
  FOYER_RETURN_IF_ERROR(CheckPrivateFolder(path));
  return StateDir(std::move(path));
}

Result<StateDir> StateDir::OpenDefault() {
  auto path = DefaultStateDirPath();
  if (!path.ok()) return path.error();
  return Open(std::move(*path));
}

Result<StateDir> StateDir::Subdir(std::string_view name) const {
  return Open(path_ / name);
}

}  // namespace foyer::store
