// Deciding, without any network call, which session a TARGET names (client
// configuration, target, role, cache key, refresh window) and whether the
// cache already holds it. OpenTargetSession (target_session.h) starts here;
// so does the `foyer` front end's warm credential-process (src/front_end),
// which links this and none of the network code, so both decide alike.
#ifndef FOYER_ACCESS_TARGET_SESSION_PLAN_H_
#define FOYER_ACCESS_TARGET_SESSION_PLAN_H_

#include <optional>
#include <string>

#include "access/role_session_request.h"
#include "base/result.h"
#include "creds/environment.h"
#include "login/client_config.h"
#include "store/credential_cache.h"
#include "store/state_dir.h"

namespace foyer::access {

struct TargetSessionOptions {
  std::string target;
  // Empty: the only role the group is granted there (granted_roles.h).
  std::string role;
  std::string org;    // empty: the configured default
  std::string group;  // empty: the org's default_group
  bool use_cache = true;
};

struct TargetSession {
  store::CachedCredentials session;
  std::string account_id;
  std::string region;  // the org's first region
  std::string role;    // the role assumed, once defaulted
};

// Where a TARGET's session comes from, all read locally.
struct TargetSessionPlan {
  login::OrgAccess org;
  store::StateDir state;
  RoleSessionRequest request;  // group, account, role (defaulted), window
  std::string region;          // the org's first region
};

// Reads the client configuration, resolves the target (the account
// inventory, SQLite, only for a TARGET that is a name), chooses the role and
// the refresh window. Fails as OpenTargetSession does on bad input.
Result<TargetSessionPlan> PlanTargetSession(const TargetSessionOptions& options, const creds::Environment& env);

// The cached session of `plan` when it stays valid for longer than the
// refresh window and the cache is in use; nullopt when a session has to be
// fetched. Reads one cache entry, takes no lock.
Result<std::optional<TargetSession>> PeekTargetSession(const TargetSessionPlan& plan);

}  // namespace foyer::access

#endif  // FOYER_ACCESS_TARGET_SESSION_PLAN_H_
