// What names a role session: the request (group, account, role), its cache
// key, the role's ARN, the refresh window, and the checks on them. Apart
// from role_session.cc (which calls STS) so that the warm path of
// `foyer credential-process` (src/front_end) links none of the network code
// and still decides exactly as the full program does.
#ifndef FOYER_ACCESS_ROLE_SESSION_REQUEST_H_
#define FOYER_ACCESS_ROLE_SESSION_REQUEST_H_

#include <chrono>
#include <string>

#include "aws/client_config.h"
#include "base/result.h"
#include "creds/environment.h"
#include "login/client_config.h"

namespace foyer::access {

struct RoleSessionRequest {
  std::string group;       // required: whose landing role is the source
  std::string account_id;  // 12 digits
  std::string role = "Administrator";
  bool use_cache = true;   // false is --no-cache
  // Cached sessions closer than this to expiry are renewed.
  std::chrono::seconds refresh_window{std::chrono::minutes(15)};
  // How to reach AWS (endpoint overrides, retries); regions come from the org.
  aws::ClientConfig aws;
};

// True for an IAM role name: 1 to 64 of letters, digits and +=,.@_-. The
// name goes into an ARN, so anything else (a '/', a ':') is refused.
bool IsRoleName(const std::string& name);

// "target/<org>/<account>/<role>/from/<group>"
std::string RoleSessionCacheKey(const login::OrgAccess& org, const RoleSessionRequest& request);

// arn:<partition>:iam::<account>:role/foyer/<role>
std::string TargetRoleArn(const login::OrgAccess& org, const RoleSessionRequest& request);

// The refresh window from FOYER_REFRESH_WINDOW_SECONDS, else 15 minutes.
// Fails (exit 2) on a value that is not a whole number of seconds.
Result<std::chrono::seconds> RefreshWindowFromEnvironment(const creds::Environment& env);

// OK when `request` can name a session: a group to move from (exit 2
// otherwise, saying how to set one) and a role name (IsRoleName).
Status CheckRoleSessionRequest(const RoleSessionRequest& request);

}  // namespace foyer::access

#endif  // FOYER_ACCESS_ROLE_SESSION_REQUEST_H_
