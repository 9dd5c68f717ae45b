// What every credential provider of the chain may need from the outside
// world: the environment, the network calls, the clock and the terminal.
// Tests build one from fakes.
#ifndef FOYER_CREDS_CHAIN_CONTEXT_H_
#define FOYER_CREDS_CHAIN_CONTEXT_H_

#include <functional>
#include <string>

#include "aws/credentials.h"
#include "base/result.h"
#include "creds/environment.h"
#include "creds/service_calls.h"

namespace foyer::creds {

// Prompts "Enter MFA code for SERIAL: " on stderr and reads a line from
// stdin when stdin is a terminal; otherwise fails with exit code 3, since a
// script cannot type a code.
Result<std::string> ReadMfaCodeFromTerminal(const std::string& mfa_serial);

struct ChainContext {
  Environment env = Environment::Process();
  ServiceCalls calls;
  std::function<aws::Clock::time_point()> now = [] { return aws::Clock::now(); };
  // Asks the person for the current code of the MFA device `mfa_serial`.
  std::function<Result<std::string>(const std::string& mfa_serial)> read_mfa_code =
      ReadMfaCodeFromTerminal;
};


// `error` with "STEP: " put before its message, keeping its code and exit
// code: each link of a chain names itself ("profile prod: source_profile
// dev: ...").
Error InStep(const std::string& step, Error error);

}  // namespace foyer::creds

#endif  // FOYER_CREDS_CHAIN_CONTEXT_H_
