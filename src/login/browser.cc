#include "login/browser.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cstdlib>
#include <vector>

extern char** environ;

namespace foyer::login {

Status OpenInBrowser(const std::string& url) {
  const char* configured = std::getenv("BROWSER");
#ifdef __APPLE__
  std::string program = configured && *configured ? configured : "open";
#else
  std::string program = configured && *configured ? configured : "xdg-open";
#endif
  std::vector<char*> argv = {program.data(), const_cast<char*>(url.c_str()), nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  // The browser's chatter must not mix with foyer's output.
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  int failed = posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (failed != 0) {
    return MakeError("BrowserError", "could not start '" + program + "' to open the sign-in page; open the URL above by hand");
  }
  return OkStatus();
}

}  // namespace foyer::login
