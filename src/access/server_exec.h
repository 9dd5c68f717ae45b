// `foyer exec --server`: a command run beside a credential server
// (credential_server.h) instead of with keys in its environment, so that a
// job longer than one role session keeps fresh credentials.
#ifndef FOYER_ACCESS_SERVER_EXEC_H_
#define FOYER_ACCESS_SERVER_EXEC_H_

#include <string>
#include <vector>

#include "access/target_session.h"
#include "base/result.h"
#include "creds/environment.h"

namespace foyer::access {

// Serves the session of `options` on loopback and runs `command` (a PATH
// lookup, no shell) with AWS_CONTAINER_CREDENTIALS_FULL_URI,
// AWS_CONTAINER_AUTHORIZATION_TOKEN, AWS_REGION, AWS_DEFAULT_REGION and
// FOYER_EXEC set and every credential or profile variable removed (they would
// win over the server in the SDKs' chains). SIGINT, SIGTERM and SIGHUP sent
// to foyer are passed to the command. Returns its wait status (waitpid).
// Fails before starting anything when the session cannot be had.
Result<int> RunWithCredentialServer(const TargetSessionOptions& options, const std::vector<std::string>& command,
                                    const creds::Environment& env);

}  // namespace foyer::access

#endif  // FOYER_ACCESS_SERVER_EXEC_H_
