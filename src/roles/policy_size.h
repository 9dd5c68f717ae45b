// IAM's size limits on policy documents, checked while planning so that a
// spec that outgrows them fails at `foyer plan` with the way out, not
// halfway through `foyer apply`.
//
// IAM counts the characters of a document without its whitespace; foyer
// writes documents compactly, so that is their compact JSON text.
#ifndef FOYER_ROLES_POLICY_SIZE_H_
#define FOYER_ROLES_POLICY_SIZE_H_

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/result.h"

namespace foyer::roles {

// A role's trust policy: 2,048 characters unless the account's IAM quota
// "Role trust policy length" is raised (at most 4,096). foyer plans for the
// default, which holds in every account.
inline constexpr size_t kTrustPolicyLimit = 2048;
// All inline policies of one role together.
inline constexpr size_t kRoleInlinePoliciesLimit = 10240;
// One customer managed policy.
inline constexpr size_t kManagedPolicyLimit = 6144;

// The length IAM measures for `document`.
size_t PolicyLength(const nlohmann::json& document);

// An error naming the role, its size and the fix when the trust policy of
// `role_label` ("payments-production/foyer/Administrator") is too long.
Status CheckTrustPolicySize(const std::string& role_label, const nlohmann::json& document);
// The same for the inline policies of one role, together.
Status CheckInlinePoliciesSize(const std::string& role_label,
                               const std::vector<nlohmann::json>& documents);

}  // namespace foyer::roles

#endif  // FOYER_ROLES_POLICY_SIZE_H_
