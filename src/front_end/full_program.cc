#include "front_end/full_program.h"

#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>

#include "base/error.h"

namespace foyer::front_end {

std::string FullProgramBeside(const std::string& executable) {
  size_t slash = executable.rfind('/');
  std::string folder = slash == std::string::npos ? "." : executable.substr(0, slash);
  return folder + "/foyer-cli";
}

int ExecFullProgram(char** argv) {
  char self[PATH_MAX];
  ssize_t length = ::readlink("/proc/self/exe", self, sizeof self - 1);
  if (length <= 0) {
    std::fprintf(stderr, "foyer: error: cannot find its own executable (/proc/self/exe): %s\n",
                 std::strerror(errno));
    return static_cast<int>(ExitCode::kFailure);
  }
  std::string full = FullProgramBeside(std::string(self, static_cast<size_t>(length)));
  ::execv(full.c_str(), argv);
  std::fprintf(stderr,
               "foyer: error: the installation is incomplete: %s cannot be run (%s); foyer and foyer-cli "
               "must be installed side by side\n",
               full.c_str(), std::strerror(errno));
  return static_cast<int>(ExitCode::kFailure);
}

}  // namespace foyer::front_end
