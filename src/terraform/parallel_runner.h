// Running one command in many root modules at once, the way `foyer
// terraform run` does: a bounded number at a time, each line of output
// prefixed with its module, one failure not stopping the others (unless
// asked to), and an outcome per module for the summary.
#ifndef FOYER_TERRAFORM_PARALLEL_RUNNER_H_
#define FOYER_TERRAFORM_PARALLEL_RUNNER_H_

#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace foyer::terraform {

struct ModuleJob {
  std::string label;
  std::filesystem::path directory;
  // Variables set (or replaced) in the command's environment, on top of
  // this process's own.
  std::vector<std::pair<std::string, std::string>> environment;
  // Variables removed from the command's environment.
  std::vector<std::string> unset;
  // When not empty, the job fails with this reason without running (its
  // credentials could not be had, for example).
  std::string setup_error;
};

enum class Outcome { kOk, kChanges, kFailed, kSkipped };

// "ok", "changes", "failed", "skipped".
const char* OutcomeName(Outcome outcome);

struct JobResult {
  std::string label;
  Outcome outcome = Outcome::kSkipped;
  // The exit code, 128 + the signal for a command killed by one, -1 when it
  // did not run.
  int exit_status = -1;
  std::string reason;  // why it failed without an exit status, or was skipped
};

struct RunSettings {
  std::vector<std::string> argv;  // the command, looked up in PATH
  int parallel = 4;
  // After the first failure, start no other job (running ones finish).
  bool fail_fast = false;
  // With `-detailed-exitcode`, exit status 2 means "changes", not failure.
  bool detailed_exitcode = false;
};

// Called with each complete line a job writes (stdout and stderr merged),
// already prefixed with "[<label>] ", from one thread at a time.
using LineSink = std::function<void(const std::string& line)>;

// Runs `settings.argv` in each job's directory, at most `settings.parallel`
// at a time, stdin from /dev/null. Returns one result per job, in the
// order of `jobs`.
std::vector<JobResult> RunJobs(const std::vector<ModuleJob>& jobs, const RunSettings& settings, const LineSink& sink);

}  // namespace foyer::terraform

#endif  // FOYER_TERRAFORM_PARALLEL_RUNNER_H_
