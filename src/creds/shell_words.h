// Splitting a command line into words the way a POSIX shell quotes them,
// without running a shell: what the AWS CLI does to `credential_process`
// (Python's shlex.split) and to section names such as [profile "my name"].
#ifndef FOYER_CREDS_SHELL_WORDS_H_
#define FOYER_CREDS_SHELL_WORDS_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace foyer::creds {

// Words separated by blanks. '...' keeps everything literally; "..." keeps
// everything except that \" and \\ stand for " and \; outside quotes a
// backslash makes the next character literal. Adjacent pieces join into one
// word ("a"'b'c is abc). No variables, globs, pipes or comments.
// An unterminated quote or a trailing backslash is an error (code
// "ConfigError") that does not quote the text.
Result<std::vector<std::string>> SplitShellWords(std::string_view text);

}  // namespace foyer::creds

#endif  // FOYER_CREDS_SHELL_WORDS_H_
