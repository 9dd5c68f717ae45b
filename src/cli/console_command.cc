#include <cstdio>
#include <memory>
#include <string>

#include "access/console_sign_in.h"
#include "cli/commands.h"
#include "creds/environment.h"
#include "login/browser.h"

namespace foyer::cli {
namespace {

struct ConsoleOptions {
  access::TargetSessionOptions target;
  bool no_cache = false;
  std::string destination;
  bool print = false;
};

// The URL signs whoever opens it in: it goes to the browser, or to stdout
// with --print, never to a log or an error message.
int RunConsole(const ConsoleOptions& options) {
  auto url = access::ConsoleUrlForTarget(options.target, options.destination, creds::Environment::Process());
  if (!url.ok()) return ReportError(url.error());
  if (options.print) {
    std::printf("%s\n", url->c_str());
    return 0;
  }
  if (Status opened = login::OpenInBrowser(*url); !opened.ok()) {
    Error error = opened.error();
    error.message += "; run `foyer console --print` and open the URL yourself";
    return ReportError(error);
  }
  return 0;
}

}  // namespace

void AddConsoleCommand(CLI::App& root, Runner& selected) {
  auto options = std::make_shared<ConsoleOptions>();
  auto* command = root.add_subcommand("console", "Open the AWS console in TARGET (or print its sign-in URL)");
  AddTargetSessionOptions(*command, options->target, options->no_cache);
  command->add_option("--destination", options->destination,
                      "Console page to land on (https, on the console's own hosts only)");
  command->add_flag("--print", options->print, "Print the sign-in URL instead of opening a browser");
  command->callback([&selected, options] {
    options->target.use_cache = !options->no_cache;
    selected = [options] { return RunConsole(*options); };
  });
}

}  // namespace foyer::cli
