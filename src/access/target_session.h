// Everything between a command line's TARGET and a session in that account:
// the client configuration, the target, the cache, the role session. The
// three commands that move people (credential-process, assume, exec) share
// it, so they resolve and cache exactly alike.
#ifndef FOYER_ACCESS_TARGET_SESSION_H_
#define FOYER_ACCESS_TARGET_SESSION_H_

#include <string>

#include "access/target_session_plan.h"
#include "base/result.h"
#include "creds/environment.h"

namespace foyer::access {

// The session for `options`: PeekTargetSession's when it has one, else a
// new one from STS (GetRoleSession: single-flight, logged, cached).
Result<TargetSession> OpenTargetSession(const TargetSessionOptions& options, const creds::Environment& env);

}  // namespace foyer::access

#endif  // FOYER_ACCESS_TARGET_SESSION_H_
