// Everything between a command line's TARGET and a session in that account:
// the client configuration, the target, the cache, the role session. The
// three commands that move people (credential-process, assume, exec) share
// it, so they resolve and cache exactly alike.
#ifndef FOYER_ACCESS_TARGET_SESSION_H_
#define FOYER_ACCESS_TARGET_SESSION_H_

#include <string>

#include "base/result.h"
#include "creds/environment.h"
#include "store/credential_cache.h"

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

// The session for `options`. The warm path reads the client configuration
// and one cache entry and calls nothing else: the account inventory
// (SQLite) is opened only for a TARGET that is a name.
Result<TargetSession> OpenTargetSession(const TargetSessionOptions& options, const creds::Environment& env);

}  // namespace foyer::access

#endif  // FOYER_ACCESS_TARGET_SESSION_H_
