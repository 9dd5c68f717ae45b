// The folder where foyer keeps state on a person's machine (DESIGN.md
// section 4): $XDG_STATE_HOME/foyer, else $HOME/.local/state/foyer.
//
// It holds session credentials, so it must be private: a folder of mode 0700
// owned by the person running foyer. foyer creates it that way and refuses to
// use one that other users could read or that belongs to someone else, with
// an error that says how to fix it, rather than silently loosening or
// tightening permissions it did not set.
#ifndef FOYER_STORE_STATE_DIR_H_
#define FOYER_STORE_STATE_DIR_H_

#include <filesystem>
#include <string_view>

#include "base/result.h"

namespace foyer::store {

// Error codes of this layer.
inline constexpr const char* kStatePermissionsError = "StatePermissions";
inline constexpr const char* kStateError = "StateError";

// $XDG_STATE_HOME/foyer when XDG_STATE_HOME is set to an absolute path (the
// XDG spec says to ignore relative ones), else $HOME/.local/state/foyer.
// Fails when neither variable helps. Creates nothing.
Result<std::filesystem::path> DefaultStateDirPath();

class StateDir {
 public:
  // Creates `path` and its missing parents (each 0700, whatever the umask),
  // then checks that `path` is a folder owned by the effective user with no
  // group or world permission bits.
  static Result<StateDir> Open(std::filesystem::path path);

  // Open(DefaultStateDirPath()).
  static Result<StateDir> OpenDefault();

  // The private subfolder `name` (created 0700 when missing, checked like
  // Open). REQUIRES: name is a single path component.
  Result<StateDir> Subdir(std::string_view name) const;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path File(std::string_view name) const { return path_ / name; }

 private:
  explicit StateDir(std::filesystem::path path) : path_(std::move(path)) {}

  std::filesystem::path path_;
};

}  // namespace foyer::store

#endif  // FOYER_STORE_STATE_DIR_H_
