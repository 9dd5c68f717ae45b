#include "roles/policy_size.h"

#include <fmt/format.h>

namespace foyer::roles {

size_t PolicyLength(const nlohmann::json& document) { return document.dump().size(); }

Status CheckTrustPolicySize(const std::string& role_label, const nlohmann::json& document) {
  size_t length = PolicyLength(document);
  if (length <= kTrustPolicyLimit) return OkStatus();
  Error error = MakeError(
      "PolicyTooLarge",
      fmt::format("the trust policy of {} would be {} characters, over IAM's limit of {}: too many "
                  "groups are granted this role here. Group the grants: make one group for the "
                  "people who need this role in this account and grant it to that group instead "
                  "of to each group. (The limit can be raised to 4,096 with an IAM quota increase "
                  "for \"Role trust policy length\" in every account, but foyer plans for the "
                  "default.)",
                  role_label, length, kTrustPolicyLimit));
  return error;
}

Status CheckInlinePoliciesSize(const std::string& role_label,
                               const std::vector<nlohmann::json>& documents) {
  size_t length = 0;
  for (const nlohmann::json& document : documents) length += PolicyLength(document);
  if (length <= kRoleInlinePoliciesLimit) return OkStatus();
  return MakeError(
      "PolicyTooLarge",
      fmt::format("the inline policies of {} would be {} characters together, over IAM's limit "
                  "of {} per role: move statements of the role's policy_file into a customer "
                  "managed policy and list it in managed_policies, or split the role.",
                  role_label, length, kRoleInlinePoliciesLimit));
}

}  // namespace foyer::roles
