#include "terraform/parallel_runner.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <map>
#include <mutex>

#include "base/concurrently.h"

extern char** environ;

namespace foyer::terraform {
namespace {

// This process's environment with `job`'s changes, as "NAME=value" strings.
std::vector<std::string> JobEnvironment(const ModuleJob& job) {
  std::map<std::string, std::string> variables;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    std::string text = *entry;
    size_t equals = text.find('=');
    if (equals != std::string::npos) variables[text.substr(0, equals)] = text.substr(equals + 1);
  }
  for (const std::string& name : job.unset) variables.erase(name);
  for (const auto& [name, value] : job.environment) variables[name] = value;
  std::vector<std::string> out;
  for (const auto& [name, value] : variables) out.push_back(name + "=" + value);
  return out;
}

class Runner {
 public:
  Runner(const RunSettings& settings, const LineSink& sink) : settings_(settings), sink_(sink) {}

  JobResult Run(const ModuleJob& job) {
    JobResult result{job.label, Outcome::kFailed, -1, ""};
    if (!job.setup_error.empty()) {
      result.reason = job.setup_error;
      Emit(job.label, "could not start: " + job.setup_error);
      return result;
    }
    int pipe_ends[2];
    if (pipe2(pipe_ends, O_CLOEXEC) != 0) {
      result.reason = std::string("pipe: ") + std::strerror(errno);
      return result;
    }
    pid_t pid = Spawn(job, pipe_ends[1], result);
    close(pipe_ends[1]);
    if (pid > 0) Relay(job.label, pipe_ends[0]);
    close(pipe_ends[0]);
    if (pid <= 0) {
      Emit(job.label, "could not start: " + result.reason);
      return result;
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (result.exit_status == 0) {
      result.outcome = Outcome::kOk;
    } else if (result.exit_status == 2 && settings_.detailed_exitcode) {
      result.outcome = Outcome::kChanges;
    }
    return result;
  }

 private:
  // Starts the command with stdout and stderr on `output`; the pid, or -1
  // with `result.reason` set.
  pid_t Spawn(const ModuleJob& job, int output, JobResult& result) {
    std::vector<std::string> environment = JobEnvironment(job);
    std::vector<char*> envp;
    for (std::string& entry : environment) envp.push_back(entry.data());
    envp.push_back(nullptr);
    std::vector<std::string> words = settings_.argv;
    std::vector<char*> argv;
    for (std::string& word : words) argv.push_back(word.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, output, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, output, STDERR_FILENO);
    posix_spawn_file_actions_addchdir_np(&actions, job.directory.c_str());
    pid_t pid = -1;
    // The PATH searched is this process's: the job's variables describe the
    // command's world, not where to find it.
    int error = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (error != 0) {
      result.reason = "could not run '" + settings_.argv[0] + "' in " + job.directory.string() + ": " +
                      std::strerror(error);
      return -1;
    }
    return pid;
  }

  // Passes every line read from `input` to the sink, prefixed, until the
  // command closes its end.
  void Relay(const std::string& label, int input) {
    std::string pending;
    char buffer[4096];
    for (;;) {
      ssize_t got = read(input, buffer, sizeof buffer);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) break;
      pending.append(buffer, static_cast<size_t>(got));
      size_t newline;
      while ((newline = pending.find('\n')) != std::string::npos) {
        Emit(label, pending.substr(0, newline));
        pending.erase(0, newline + 1);
      }
    }
    if (!pending.empty()) Emit(label, pending);
  }

  void Emit(const std::string& label, const std::string& line) {
    std::lock_guard<std::mutex> lock(sink_mutex_);
    sink_("[" + label + "] " + line);
  }

  const RunSettings& settings_;
  const LineSink& sink_;
  std::mutex sink_mutex_;
};

}  // namespace

const char* OutcomeName(Outcome outcome) {
  switch (outcome) {
    case Outcome::kOk: return "ok";
    case Outcome::kChanges: return "changes";
    case Outcome::kFailed: return "failed";
    case Outcome::kSkipped: return "skipped";
  }
  return "failed";
}

std::vector<JobResult> RunJobs(const std::vector<ModuleJob>& jobs, const RunSettings& settings, const LineSink& sink) {
  std::vector<JobResult> results(jobs.size());
  Runner runner(settings, sink);
  std::atomic<bool> stop{false};
  ForEachConcurrently(jobs.size(), settings.parallel, [&](size_t i) {
    if (stop) {
      results[i] = JobResult{jobs[i].label, Outcome::kSkipped, -1, "not started after an earlier failure (--fail-fast)"};
      return;
    }
    results[i] = runner.Run(jobs[i]);
    if (results[i].outcome == Outcome::kFailed && settings.fail_fast) stop = true;
  });
  return results;
}

}  // namespace foyer::terraform
