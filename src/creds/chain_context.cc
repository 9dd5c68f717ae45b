#include "creds/chain_context.h"

#include <unistd.h>

#include <iostream>
#include <utility>

namespace foyer::creds {

Result<std::string> ReadMfaCodeFromTerminal(const std::string& mfa_serial) {
  if (!isatty(STDIN_FILENO)) {
    Error error = MakeError("MfaRequired", "an MFA code for " + mfa_serial +
                                               " is needed, but stdin is not a terminal to "
                                               "type it in; run the command in a terminal");
    error.exit_code = ExitCode::kLoginNeeded;
    return error;
  }
  std::cerr << "Enter MFA code for " << mfa_serial << ": " << std::flush;
  std::string code;
  if (!std::getline(std::cin, code) || code.empty()) {
    Error error = MakeError("MfaRequired", "no MFA code was entered");
    error.exit_code = ExitCode::kLoginNeeded;
    return error;
  }
  return code;
}

Error InStep(const std::string& step, Error error) {
  error.message = step + ": " + error.message;
  return error;
}

}  // namespace foyer::creds
