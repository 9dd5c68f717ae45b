// Error: what went wrong, in words a person can act on.
//
// Every fallible function in foyer returns a Result<T> (or Status) holding
// either a value or an Error. Errors from AWS keep the service's error code,
// message, request id and HTTP status so that callers can decide (retry,
// explain, give up) without parsing strings.
#ifndef FOYER_BASE_ERROR_H_
#define FOYER_BASE_ERROR_H_

#include <string>

namespace foyer {

// Exit statuses of the command line (DESIGN.md section 3).
enum class ExitCode : int {
  kOk = 0,
  kFailure = 1,
  kUsage = 2,
  kLoginNeeded = 3,
};

struct Error {
  // A sentence (or a few) saying what happened, why, and what to do.
  std::string message;
  // A short machine-readable code: the AWS error code ("AccessDenied",
  // "Throttling") for service errors, or one of foyer's own for local ones
  // ("ConnectionError", "Timeout", "ParseError", "ConfigError", ...).
  std::string code;
  // HTTP status of the response that carried the error, 0 if none.
  int http_status = 0;
  // AWS request id, when the service sent one.
  std::string request_id;
  // What the command line exits with when this error ends it.
  ExitCode exit_code = ExitCode::kFailure;

  // A single line for a person: "message (code, HTTP 403, request id ...)".
  std::string Describe() const;
};

// Shorthands for the common cases.
Error MakeError(std::string code, std::string message);

}  // namespace foyer

#endif  // FOYER_BASE_ERROR_H_
