#include "snapshot/key_snapshot.h"

#include "aws/kms.h"

namespace foyer::snapshot {
namespace {

bool IsAuditedKey(const aws::KmsKey& key) {
  return key.key_manager != "AWS" && key.key_state != "PendingDeletion" &&
         key.key_state != "PendingReplicaDeletion";
}

std::string Failure(const std::string& call, const Error& error) { return call + ": " + error.message; }

}  // namespace

void CollectKeys(const aws::ClientConfig& config, nlohmann::json& account, std::vector<std::string>& errors) {
  aws::KmsClient kms(config);
  auto keys = kms.ListKeys();
  if (!keys.ok()) return errors.push_back(Failure("kms:ListKeys in " + config.region, keys.error()));
  if (!account.contains("keys")) account["keys"] = nlohmann::json::array();
  for (const aws::KeyListEntry& listed : *keys) {
    auto key = kms.DescribeKey(listed.key_id);
    if (!key.ok()) {
      errors.push_back(Failure("kms:DescribeKey " + listed.key_id, key.error()));
      continue;
    }
    if (!IsAuditedKey(*key)) continue;
    nlohmann::json entry = {{"id", key->key_id}, {"arn", key->arn}};
    auto policy = kms.GetKeyPolicy(key->key_id);
    if (!policy.ok()) errors.push_back(Failure("kms:GetKeyPolicy " + key->key_id, policy.error()));
    else if (!policy->empty()) entry["policy"] = *policy;
    account["keys"].push_back(std::move(entry));
  }
}

}  // namespace foyer::snapshot
