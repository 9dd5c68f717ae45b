// What IAM holds of foyer's roles and users in one account, read in as few
// calls as IAM allows: GetAccountAuthorizationDetails gives every role with
// its trust, attached and inline policies and tags in one paginated call.
// The maximum session duration it leaves out is read from the tag foyer
// keeps of it (desired_roles.h); only for roles without that tag does
// ListRoles under /foyer/ supply it.
#ifndef FOYER_ROLES_LIVE_ROLES_H_
#define FOYER_ROLES_LIVE_ROLES_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "aws/iam.h"
#include "base/result.h"
#include "org/resource_family.h"

namespace foyer::roles {

struct LiveRole {
  std::string name;
  std::string arn;
  std::string trust_policy;  // JSON text, decoded
  std::vector<std::string> managed_policies;  // ARNs, sorted
  std::map<std::string, std::string> inline_policies;  // name -> JSON text
  std::optional<int> max_session_seconds;
  aws::TagList tags;
};

struct LiveUser {
  std::string name;
  std::string arn;
  std::map<std::string, std::string> inline_policies;
  aws::TagList tags;
};

struct LiveAccountIam {
  // Roles at path /foyer/, by name.
  std::map<std::string, LiveRole> roles;
  // Users tagged foyer:managed = true, by name (read only when asked).
  std::map<std::string, LiveUser> users;
};

// Reads the account `iam` acts in; users too when `with_users`.
Result<LiveAccountIam> ReadAccountIam(aws::IamClient& iam, bool with_users);

// The IAM of every account of `accounts` (names) that `account_ids` says
// exists, read `concurrency` accounts at a time through `access`; users
// are read in `admin` only. Accounts that do not exist are absent.
Result<std::map<std::string, LiveAccountIam>> ReadAccounts(
    org::AccountAccess& access, const std::map<std::string, std::string>& account_ids,
    const std::vector<std::string>& accounts, const std::string& admin, const std::string& region,
    int concurrency);

// The value of tag `key` in `tags`, or nullopt.
std::optional<std::string> TagValue(const aws::TagList& tags, const std::string& key);

// Whether `tags` carry foyer's managed tag: foyer made it, so foyer may
// delete it. Anything without it was made by hand and is never touched.
bool ManagedByFoyer(const aws::TagList& tags);

}  // namespace foyer::roles

#endif  // FOYER_ROLES_LIVE_ROLES_H_
