// Runs a program without a shell and collects what it writes.
#ifndef FOYER_CREDS_RUN_PROCESS_H_
#define FOYER_CREDS_RUN_PROCESS_H_

#include <string>
#include <vector>

#include "base/result.h"

namespace foyer::creds {

struct ProcessOutput {
  int exit_status = 0;  // the exit code, or 128 + signal number when killed
  std::string out;
  std::string err;
};

// Runs argv[0] (looked up in PATH when it has no '/') with `argv`, stdin
// inherited, stdout and stderr captured. Fails only when the program could
// not be started.
// REQUIRES: !argv.empty()
Result<ProcessOutput> RunProcess(const std::vector<std::string>& argv);

}  // namespace foyer::creds

#endif  // FOYER_CREDS_RUN_PROCESS_H_
