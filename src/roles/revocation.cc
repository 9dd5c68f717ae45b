#include "roles/revocation.h"

#include "iam/policy_comparison.h"
#include "roles/role_documents.h"

namespace foyer::roles {

Result<SystemTime> RevokeSessions(aws::IamClient& iam, const std::string& group, SystemTime before) {
  const std::string policy_name(kRevocationPolicyName);
  auto current = iam.GetRolePolicy(group, policy_name);
  if (current.ok()) {
    std::optional<nlohmann::json> document = iam::ParsePolicyText(current->policy_document);
    std::optional<SystemTime> cutoff = document ? RevocationCutoff(*document) : std::nullopt;
    if (cutoff && *cutoff >= before) return *cutoff;
  } else if (current.error().code != "NoSuchEntity") {
    return current.error();
  }
  Status put = iam.PutRolePolicy(group, {policy_name, RevocationPolicy(before).dump()});
  if (!put.ok()) {
    Error error = put.error();
    if (error.code == "NoSuchEntity") {
      error.message = "there is no landing role foyer/" + group +
                      " in the admin account; run `foyer apply` first (" + error.message + ")";
    }
    return error;
  }
  return before;
}

}  // namespace foyer::roles
