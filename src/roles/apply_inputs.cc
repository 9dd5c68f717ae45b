#include "roles/apply_inputs.h"

#include "roles/role_documents.h"

namespace foyer::roles {

Result<DocumentIds> RealIds(org::ApplyContext& context, const ApplyInputs& inputs) {
  auto admin = context.AccountId(inputs.spec.accounts.admin.value);
  if (!admin.ok()) return admin.error();
  auto organization = context.OrganizationId();
  if (!organization.ok()) return organization.error();
  return DocumentIds{AdminAccount{inputs.partition, *admin}, *organization};
}

Result<aws::IamClient> IamIn(org::ApplyContext& context, const ApplyInputs& inputs,
                             const std::string& account) {
  auto id = context.AccountId(account);
  if (!id.ok()) return id.error();
  auto config = context.access().ConfigIn(*id, inputs.region);
  if (!config.ok()) return config.error();
  return aws::IamClient(std::move(*config));
}

Status JournaledCall(org::ApplyContext& context, const std::string& operation,
                     const std::string& target, const std::function<Status()>& call,
                     const std::string& tolerated) {
  auto done = context.Journaled(operation, target, [&]() -> Result<std::string> {
    Status status = call();
    if (status.ok() || (!tolerated.empty() && status.error().code == tolerated)) return std::string();
    return status.error();
  });
  if (!done.ok()) return done.error();
  return OkStatus();
}

std::string RoleLabel(const std::string& account, const std::string& role) {
  return account + std::string(kRolePath) + role;
}

}  // namespace foyer::roles
