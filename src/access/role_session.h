// Moving from the admin account into another one: a session of
// `<account>:role/foyer/<Role>`, assumed from the person's landing session
// (DESIGN.md section 1) and cached single-flight across processes.
//
// The source is the cached landing session of the group. When none is
// cached, the environment's credentials are used instead, but only when they
// are themselves a session of that group's landing role (checked with
// sts:GetCallerIdentity): foyer never moves anyone in from an identity the
// trust policies do not name.
#ifndef FOYER_ACCESS_ROLE_SESSION_H_
#define FOYER_ACCESS_ROLE_SESSION_H_

#include <chrono>
#include <string>

#include "access/role_session_request.h"
#include "base/result.h"
#include "creds/environment.h"
#include "login/client_config.h"
#include "store/credential_cache.h"
#include "store/state_dir.h"

namespace foyer::access {

// A fresh session of the target role. From the cache when it holds one
// valid for longer than the refresh window (no AWS call, nothing logged);
// otherwise one process among all that ask at once calls sts:AssumeRole
// (session lasts 1 hour, the cap for chained roles; role session name and
// SourceIdentity carried over from the landing session), stores the result
// and records it in the issuance log of `state` (a session that cannot be
// recorded is not handed out). No usable source: exit status 3.
Result<store::CachedCredentials> GetRoleSession(const login::OrgAccess& org, const RoleSessionRequest& request,
                                                const store::StateDir& state, store::CredentialCache& cache,
                                                const creds::Environment& env);

}  // namespace foyer::access

#endif  // FOYER_ACCESS_ROLE_SESSION_H_
