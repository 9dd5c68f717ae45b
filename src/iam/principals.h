// How the Principal element of a resource-based policy relates to the
// principal making a request. The kind of match matters beyond yes/no: AWS
// treats a policy that names an account differently from one that names the
// caller, and one that names a role differently from one that names a
// session of that role (IAM User Guide, "Policy evaluation logic" and
// "Cross-account policy evaluation logic").
#ifndef FOYER_IAM_PRINCIPALS_H_
#define FOYER_IAM_PRINCIPALS_H_

#include <string_view>

#include "iam/policy.h"

namespace foyer::iam {

enum class PrincipalMatch {
  kNone,
  // The statement names the caller's account ("123456789012" or
  // "arn:aws:iam::123456789012:root"): the account delegates to its own
  // identity policies, so an identity policy must allow too.
  kAccount,
  // The statement names the IAM role (or IAM user) whose session is calling.
  kRoleOfSession,
  kUserOfSession,
  // "*", or a NotPrincipal statement that leaves the caller out.
  kEveryone,
  // The statement names the caller itself: its exact ARN or service name.
  kDirect,
};

// What the caller's ARN says about it.
struct CallerIdentity {
  std::string_view arn;
  std::string_view partition;
  std::string_view account;  // empty for service principals
  bool is_service = false;  // "ec2.amazonaws.com"
  bool is_user = false;  // arn:aws:iam::A:user/...
  bool is_role = false;  // arn:aws:iam::A:role/...
  bool is_role_session = false;  // arn:aws:sts::A:assumed-role/Role/Session
  bool is_federated_user = false;  // arn:aws:sts::A:federated-user/Name
  std::string_view session_role_name;  // "Role" of an assumed-role ARN
  std::string_view federated_user_name;
  // "arn:<partition>:iam::<account>:", the prefix of every IAM ARN of the
  // caller's account, so that principals are matched without splitting them.
  std::string iam_prefix;
};

CallerIdentity IdentifyCaller(std::string_view principal);

PrincipalMatch MatchPrincipal(const Statement& statement, const CallerIdentity& caller);

}  // namespace foyer::iam

#endif  // FOYER_IAM_PRINCIPALS_H_
