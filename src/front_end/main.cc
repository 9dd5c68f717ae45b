// `foyer`: answers a warm `credential-process` from the cache, and runs the
// full program, `foyer-cli`, for everything else (CMakeLists.txt says why).
#include <string>
#include <vector>

#include "creds/environment.h"
#include "front_end/full_program.h"
#include "front_end/warm_arguments.h"
#include "front_end/warm_credential_process.h"

int main(int argc, char** argv) {
  std::vector<std::string> arguments(argv + 1, argv + argc);
  if (auto options = foyer::front_end::WarmCredentialProcessArguments(arguments)) {
    if (foyer::front_end::AnswerFromCache(*options, foyer::creds::Environment::Process(), stdout)) return 0;
  }
  return foyer::front_end::ExecFullProgram(argv);
}
