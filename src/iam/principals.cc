#include "iam/principals.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "base/account_id.h"
#include "iam/wildcard.h"

namespace foyer::iam {
namespace {

// Role names are unique regardless of case.
bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// Strips the IAM path: "role/foyer/Admin" -> "Admin".
std::string_view LastPathSegment(std::string_view resource) {
  size_t slash = resource.rfind('/');
  return slash == std::string_view::npos ? resource : resource.substr(slash + 1);
}

PrincipalMatch MatchAwsName(std::string_view name, const CallerIdentity& caller) {
  if (name == caller.arn) return PrincipalMatch::kDirect;
  if (IsAccountId(name)) return name == caller.account ? PrincipalMatch::kAccount : PrincipalMatch::kNone;
  if (caller.account.empty() || !name.starts_with(caller.iam_prefix)) return PrincipalMatch::kNone;
  std::string_view resource = name.substr(caller.iam_prefix.size());
  if (resource == "root") return PrincipalMatch::kAccount;
  if (caller.is_role_session && resource.starts_with("role/") &&
      EqualsIgnoreCase(LastPathSegment(resource), caller.session_role_name)) {
    return PrincipalMatch::kRoleOfSession;
  }
  if (caller.is_federated_user && resource.starts_with("user/") &&
      resource.substr(5) == caller.federated_user_name) {
    return PrincipalMatch::kUserOfSession;
  }
  return PrincipalMatch::kNone;
}

// The strongest match any listed principal gives.
PrincipalMatch MatchSet(const PrincipalSet& set, const CallerIdentity& caller) {
  PrincipalMatch best = set.everyone ? PrincipalMatch::kEveryone : PrincipalMatch::kNone;
  for (const std::string& name : set.aws) best = std::max(best, MatchAwsName(name, caller));
  auto named = [&](const std::vector<std::string>& names) {
    return std::find(names.begin(), names.end(), caller.arn) != names.end();
  };
  if (named(set.service) || named(set.federated) || named(set.canonical_user)) best = PrincipalMatch::kDirect;
  return best;
}

}  // namespace

CallerIdentity IdentifyCaller(std::string_view principal) {
  CallerIdentity caller;
  caller.arn = principal;
  std::string_view fields[6];
  if (!SplitArn(principal, fields) || fields[0] != "arn") {
    caller.is_service = principal.ends_with(".amazonaws.com") || principal.ends_with(".amazonaws.com.cn");
    return caller;
  }
  caller.partition = fields[1];
  caller.account = fields[4];
  caller.iam_prefix = "arn:" + std::string(caller.partition) + ":iam::" + std::string(caller.account) + ":";
  std::string_view resource = fields[5];
  if (fields[2] == "iam") {
    caller.is_user = resource.starts_with("user/");
    caller.is_role = resource.starts_with("role/");
  } else if (fields[2] == "sts" && resource.starts_with("assumed-role/")) {
    caller.is_role_session = true;
    std::string_view rest = resource.substr(13);
    caller.session_role_name = rest.substr(0, rest.find('/'));
  } else if (fields[2] == "sts" && resource.starts_with("federated-user/")) {
    caller.is_federated_user = true;
    caller.federated_user_name = resource.substr(15);
  }
  return caller;
}

PrincipalMatch MatchPrincipal(const Statement& statement, const CallerIdentity& caller) {
  switch (statement.principal_kind) {
    case PrincipalKind::kNone:
      return PrincipalMatch::kNone;
    case PrincipalKind::kPrincipal:
      return MatchSet(statement.principals, caller);
    case PrincipalKind::kNotPrincipal:
      return MatchSet(statement.principals, caller) == PrincipalMatch::kNone ? PrincipalMatch::kEveryone
                                                                              : PrincipalMatch::kNone;
  }
  return PrincipalMatch::kNone;
}

}  // namespace foyer::iam
