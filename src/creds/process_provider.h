// Credentials printed by an external program, as a profile's
// credential_process asks: the command is split into words as the AWS CLI
// splits it (no shell), run, and its stdout read as the Version 1 JSON:
//
//   {"Version": 1, "AccessKeyId": "...", "SecretAccessKey": "...",
//    "SessionToken": "...", "Expiration": "2026-11-27T23:49:27Z"}
//
// SessionToken and Expiration are optional; with an Expiration the program
// is run again when the credentials come within 15 minutes of it.
// Errors never repeat stdout, which holds secrets.
#ifndef FOYER_CREDS_PROCESS_PROVIDER_H_
#define FOYER_CREDS_PROCESS_PROVIDER_H_

#include <memory>
#include <string>
#include <string_view>

#include "aws/credentials.h"
#include "creds/chain_context.h"

namespace foyer::creds {

// Parses and checks the program's stdout; `now` decides whether the
// Expiration has passed already.
Result<aws::Credentials> ParseCredentialProcessOutput(std::string_view out, aws::Clock::time_point now);

std::shared_ptr<aws::CredentialsProvider> MakeProcessProvider(std::string command,
                                                              const ChainContext& context);

}  // namespace foyer::creds

#endif  // FOYER_CREDS_PROCESS_PROVIDER_H_
