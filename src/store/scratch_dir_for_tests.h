// A fresh folder under the system temp folder, removed with everything in it
// when the test ends. For the store layer's tests only.
#ifndef FOYER_STORE_SCRATCH_DIR_FOR_TESTS_H_
#define FOYER_STORE_SCRATCH_DIR_FOR_TESTS_H_

#include <stdlib.h>

#include <filesystem>
#include <string>

namespace foyer::store {

class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "foyer-store-test-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace foyer::store

#endif  // FOYER_STORE_SCRATCH_DIR_FOR_TESTS_H_
