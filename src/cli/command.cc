#include "cli/command.h"

#include <cstdio>

namespace foyer::cli {

int ReportError(const Error& error) {
  std::fprintf(stderr, "foyer: %s\n", error.Describe().c_str());
  return static_cast<int>(error.exit_code);
}

}  // namespace foyer::cli
