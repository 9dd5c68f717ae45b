// AWS Key Management Service (JSON 1.1): the keys foyer creates for the
// audit trail and state, their policies (cross-account grants, S10), and
// Encrypt/Decrypt to prove that a grant works.
#ifndef FOYER_AWS_KMS_H_
#define FOYER_AWS_KMS_H_

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "aws/client_config.h"
#include "aws/service_call.h"
#include "base/result.h"

namespace foyer::aws {

struct KmsKey {
  std::string key_id;
  std::string arn;
  std::string description;
  std::string key_state;    // "Enabled", "PendingDeletion", ...
  std::string key_usage;    // "ENCRYPT_DECRYPT"
  std::string key_spec;     // "SYMMETRIC_DEFAULT"
  std::string key_manager;  // "CUSTOMER" or "AWS"
  bool enabled = false;
  std::optional<Clock::time_point> creation_date;
  std::optional<Clock::time_point> deletion_date;
};

struct CreateKeyRequest {
  std::string policy;  // JSON; empty: the default key policy
  std::string description;
  std::vector<std::pair<std::string, std::string>> tags;
};

struct KmsAlias {
  std::string alias_name;  // "alias/foyer-state"
  std::string alias_arn;
  std::string target_key_id;  // empty for aliases of AWS managed keys not yet created
};

struct KeyListEntry {
  std::string key_id;
  std::string key_arn;
};

struct DecryptResult {
  std::string plaintext;  // raw bytes
  std::string key_id;     // ARN of the key that decrypted
};

using EncryptionContext = std::map<std::string, std::string>;

class KmsClient {
 public:
  explicit KmsClient(ClientConfig config);

  Result<KmsKey> CreateKey(const CreateKeyRequest& request);
  // `key` is a key id, key ARN, alias name or alias ARN.
  Result<KmsKey> DescribeKey(const std::string& key);
  Result<std::vector<KeyListEntry>> ListKeys();
  // The policy named "default", the only one a key has.
  Result<std::string> GetKeyPolicy(const std::string& key_id);
  Status PutKeyPolicy(const std::string& key_id, const std::string& policy);
  Status CreateAlias(const std::string& alias_name, const std::string& target_key_id);
  Result<std::vector<KmsAlias>> ListAliases();
  Status EnableKeyRotation(const std::string& key_id);
  // Returns when the key will be deleted.
  Result<Clock::time_point> ScheduleKeyDeletion(const std::string& key_id, int pending_window_days);
  // Returns the ciphertext blob (raw bytes).
  Result<std::string> Encrypt(const std::string& key, const std::string& plaintext,
                              const EncryptionContext& context = {});
  Result<DecryptResult> Decrypt(const std::string& ciphertext, const EncryptionContext& context = {});

 private:
  ServiceCaller caller_;
};

}  // namespace foyer::aws

#endif  // FOYER_AWS_KMS_H_
