// AWS's policy evaluation logic (IAM User Guide, "Policy evaluation logic"
// and "Cross-account policy evaluation logic"), over parsed policies:
//
//  1. An explicit Deny in any applicable policy wins.
//  2. Every SCP level (root, OUs, account) must allow; SCPs do not bind the
//     management account.
//  3. Same account: an identity-policy Allow or a resource-policy Allow that
//     names the caller (or the role/user behind its session) suffices.
//     Cross account: the identity policy and the resource policy must both
//     allow. Role trust policies (sts:AssumeRole*) and KMS key policies must
//     trust the caller's account even within the account.
//  4. A permissions boundary and a session policy limit identity-policy
//     allows; resource-policy allows that name the user or the session
//     itself pass them, those that name a role do not.
#ifndef FOYER_IAM_EVALUATOR_H_
#define FOYER_IAM_EVALUATOR_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "iam/policy.h"
#include "iam/request.h"

namespace foyer::iam {

// Every policy that applies to one request.
struct PolicySet {
  std::vector<Policy> identity;
  std::optional<Policy> resource;  // resource-based or role trust policy
  std::vector<std::vector<Policy>> scps;  // one list per level, root first
  std::optional<Policy> permission_boundary;
  std::optional<Policy> session;
  // The caller belongs to the organization's management account, which
  // SCPs never restrict.
  bool management_account = false;
};

enum class Verdict : std::uint8_t { kAllow, kExplicitDeny, kImplicitDeny };

// A statement that decided: its policy and its index in that policy.
struct StatementRef {
  const Policy* policy;
  std::uint32_t statement;
};

// Why an implicit deny happened: the first gate the request did not pass.
enum class DenialReason : std::uint8_t {
  kNone,  // not an implicit deny
  kNoAllow,  // no identity or resource policy statement allows it
  kScpLevel,  // an SCP level (Decision::scp_level) has no Allow for it
  kPermissionBoundary,  // allowed, but not by the permissions boundary
  kSessionPolicy,  // allowed, but not by the session policy
  kCrossAccount,  // cross-account: the resource policy does not grant the caller
  kUntrusted,  // the trust or key policy does not trust the caller's account
};

struct Decision {
  Verdict verdict = Verdict::kImplicitDeny;
  DenialReason reason = DenialReason::kNone;
  int scp_level = -1;  // for DenialReason::kScpLevel, counted from 0 (root)
  // For an explicit deny, every matching Deny statement; for an allow, the
  // Allow statements the decision rests on (SCP levels, the identity or
  // resource policy path taken, boundary, session policy); empty for an
  // implicit deny.
  std::vector<StatementRef> deciding;
};

// REQUIRES: the policies in `policies` outlive the returned Decision.
Decision Evaluate(const Request& request, const PolicySet& policies);

std::string_view VerdictName(Verdict verdict);  // "allow", "explicit_deny", "implicit_deny"

// A phrase for a person: "no SCP level allows it", "the session policy does not allow it".
std::string DescribeDenial(const Decision& decision);

}  // namespace foyer::iam

#endif  // FOYER_IAM_EVALUATOR_H_
