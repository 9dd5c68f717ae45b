#include "access/server_exec.h"

#include <signal.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <string_view>

#include "access/credential_server.h"

extern char** environ;

namespace foyer::access {
namespace {

volatile sig_atomic_t child_pid = 0;

void ForwardSignal(int signal_number) {
  if (child_pid > 0) ::kill(child_pid, signal_number);
}

// Variables that would make an SDK use something else than the server.
bool Shadows(std::string_view entry) {
  for (std::string_view name : {"AWS_ACCESS_KEY_ID=", "AWS_SECRET_ACCESS_KEY=", "AWS_SESSION_TOKEN=",
                                "AWS_SECURITY_TOKEN=", "AWS_CREDENTIAL_EXPIRATION=", "AWS_PROFILE=",
                                "AWS_DEFAULT_PROFILE=", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI=",
                                "AWS_CONTAINER_CREDENTIALS_FULL_URI=", "AWS_CONTAINER_AUTHORIZATION_TOKEN=",
                                "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE=", "AWS_REGION=", "AWS_DEFAULT_REGION=",
                                "FOYER_EXEC="}) {
    if (entry.substr(0, name.size()) == name) return true;
  }
  return false;
}

std::vector<std::string> ChildEnvironment(const CredentialServer& server, const TargetSession& session) {
  std::vector<std::string> entries;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    if (!Shadows(*entry)) entries.emplace_back(*entry);
  }
  entries.push_back("AWS_CONTAINER_CREDENTIALS_FULL_URI=" + server.url());
  entries.push_back("AWS_CONTAINER_AUTHORIZATION_TOKEN=" + server.token());
  entries.push_back("AWS_REGION=" + session.region);
  entries.push_back("AWS_DEFAULT_REGION=" + session.region);
  entries.push_back("FOYER_EXEC=" + session.session.role_arn);
  return entries;
}

std::vector<char*> Pointers(std::vector<std::string>& words) {
  std::vector<char*> pointers;
  for (auto& word : words) pointers.push_back(word.data());
  pointers.push_back(nullptr);
  return pointers;
}

}  // namespace

Result<int> RunWithCredentialServer(const TargetSessionOptions& options, const std::vector<std::string>& command,
                                    const creds::Environment& env) {
  auto first = OpenTargetSession(options, env);
  if (!first.ok()) return first.error();
  auto server = CredentialServer::Start(
      [options, env]() -> Result<aws::Credentials> {
        auto session = OpenTargetSession(options, env);
        if (!session.ok()) return session.error();
        return session->session.credentials;
      },
      NewAuthorizationToken());
  if (!server.ok()) return server.error();

  // Everything the child needs is built before fork: a threaded process may
  // not allocate between fork and exec.
  std::vector<std::string> environment = ChildEnvironment(**server, *first);
  std::vector<std::string> words = command;
  std::vector<char*> envp = Pointers(environment);
  std::vector<char*> argv = Pointers(words);
  std::string failure = "foyer: could not run '" + command[0] + "': ";

  struct sigaction forward {};
  forward.sa_handler = ForwardSignal;
  sigemptyset(&forward.sa_mask);
  for (int signal_number : {SIGINT, SIGTERM, SIGHUP}) ::sigaction(signal_number, &forward, nullptr);
  pid_t pid = ::fork();
  if (pid < 0) return MakeError("ExecFailed", std::string("could not start a process: ") + std::strerror(errno));
  if (pid == 0) {
    ::execvpe(argv[0], argv.data(), envp.data());
    char* reason = std::strerror(errno);
    char newline[] = "\n";
    struct iovec parts[] = {{failure.data(), failure.size()}, {reason, std::strlen(reason)}, {newline, 1}};
    ssize_t written = ::writev(STDERR_FILENO, parts, 3);
    (void)written;
    ::_exit(127);
  }
  child_pid = pid;
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return MakeError("ExecFailed", std::string("lost the command: ") + std::strerror(errno));
  }
  child_pid = 0;
  return status;
}

}  // namespace foyer::access
