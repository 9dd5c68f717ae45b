#include "aws/kms.h"

#include <utility>

#include "aws/json_protocol.h"
#include "aws/paginate.h"
#include "base/base64.h"

namespace foyer::aws {
namespace {

const ServiceDescription kKms = {
    .name = "KMS",
    .endpoint_prefix = "kms",
    .protocol = Protocol::kJson,
    .json_target_prefix = "TrentService",
    .json_version = "1.1",
};

KmsKey KeyFromMetadata(const nlohmann::json& metadata) {
  KmsKey key;
  key.key_id = JsonString(metadata, "KeyId");
  key.arn = JsonString(metadata, "Arn");
  key.description = JsonString(metadata, "Description");
  key.key_state = JsonString(metadata, "KeyState");
  key.key_usage = JsonString(metadata, "KeyUsage");
  key.key_spec = JsonString(metadata, "KeySpec");
  key.key_manager = JsonString(metadata, "KeyManager");
  key.enabled = JsonBool(metadata, "Enabled");
  key.creation_date = JsonTimestamp(metadata, "CreationDate");
  key.deletion_date = JsonTimestamp(metadata, "DeletionDate");
  return key;
}

Result<KmsKey> KeyFromOutput(const nlohmann::json& output) {
  KmsKey key = KeyFromMetadata(JsonObject(output, "KeyMetadata"));
  if (key.key_id.empty()) return MakeError("ParseError", "KMS returned a key without a KeyId");
  return key;
}

// Lists every page of a KMS list operation ("Marker" in, "NextMarker" +
// "Truncated" out), handing each item of `list_member` to `consume`.
template <typename Consume>
Status ListAll(ServiceCaller& caller, std::string_view operation, std::string_view list_member,
               Consume&& consume) {
  return ForEachPage([&](const std::string& marker) -> Result<std::string> {
    nlohmann::json input = nlohmann::json::object();
    if (!marker.empty()) input["Marker"] = marker;
    Result<nlohmann::json> page = caller.CallJson(operation, input);
    if (!page.ok()) return page.error();
    for (const nlohmann::json& item : JsonArray(*page, list_member)) consume(item);
    return JsonBool(*page, "Truncated") ? JsonString(*page, "NextMarker") : "";
  });
}

}  // namespace

KmsClient::KmsClient(ClientConfig config) : caller_(std::move(config), kKms) {}

Result<KmsKey> KmsClient::CreateKey(const CreateKeyRequest& request) {
  nlohmann::json input = nlohmann::json::object();
  if (!request.policy.empty()) input["Policy"] = request.policy;
  if (!request.description.empty()) input["Description"] = request.description;
  if (!request.tags.empty()) {
    nlohmann::json tags = nlohmann::json::array();
    for (const auto& [key, value] : request.tags) tags.push_back({{"TagKey", key}, {"TagValue", value}});
    input["Tags"] = tags;
  }
  Result<nlohmann::json> output = caller_.CallJson("CreateKey", input);
  if (!output.ok()) return output.error();
  return KeyFromOutput(*output);
}

Result<KmsKey> KmsClient::DescribeKey(const std::string& key) {
  Result<nlohmann::json> output = caller_.CallJson("DescribeKey", {{"KeyId", key}});
  if (!output.ok()) return output.error();
  return KeyFromOutput(*output);
}

Result<std::vector<KeyListEntry>> KmsClient::ListKeys() {
  std::vector<KeyListEntry> keys;
  Status status = ListAll(caller_, "ListKeys", "Keys", [&](const nlohmann::json& item) {
    keys.push_back({JsonString(item, "KeyId"), JsonString(item, "KeyArn")});
  });
  if (!status.ok()) return status.error();
  return keys;
}

Result<std::string> KmsClient::GetKeyPolicy(const std::string& key_id) {
  Result<nlohmann::json> output =
      caller_.CallJson("GetKeyPolicy", {{"KeyId", key_id}, {"PolicyName", "default"}});
  if (!output.ok()) return output.error();
  return JsonString(*output, "Policy");
}

Status KmsClient::PutKeyPolicy(const std::string& key_id, const std::string& policy) {
  Result<nlohmann::json> output = caller_.CallJson(
      "PutKeyPolicy", {{"KeyId", key_id}, {"PolicyName", "default"}, {"Policy", policy}});
  if (!output.ok()) return output.error();
  return OkStatus();
}

Status KmsClient::CreateAlias(const std::string& alias_name, const std::string& target_key_id) {
  Result<nlohmann::json> output = caller_.CallJson(
      "CreateAlias", {{"AliasName", alias_name}, {"TargetKeyId", target_key_id}});
  if (!output.ok()) return output.error();
  return OkStatus();
}

Result<std::vector<KmsAlias>> KmsClient::ListAliases() {
  std::vector<KmsAlias> aliases;
  Status status = ListAll(caller_, "ListAliases", "Aliases", [&](const nlohmann::json& item) {
    aliases.push_back({JsonString(item, "AliasName"), JsonString(item, "AliasArn"),
                       JsonString(item, "TargetKeyId")});
  });
  if (!status.ok()) return status.error();
  return aliases;
}

Status KmsClient::EnableKeyRotation(const std::string& key_id) {
  Result<nlohmann::json> output = caller_.CallJson("EnableKeyRotation", {{"KeyId", key_id}});
  if (!output.ok()) return output.error();
  return OkStatus();
}

Result<Clock::time_point> KmsClient::ScheduleKeyDeletion(const std::string& key_id,
                                                         int pending_window_days) {
  Result<nlohmann::json> output = caller_.CallJson(
      "ScheduleKeyDeletion", {{"KeyId", key_id}, {"PendingWindowInDays", pending_window_days}});
  if (!output.ok()) return output.error();
  std::optional<Clock::time_point> deletion = JsonTimestamp(*output, "DeletionDate");
  if (!deletion.has_value()) return MakeError("ParseError", "KMS ScheduleKeyDeletion returned no DeletionDate");
  return *deletion;
}

Result<std::string> KmsClient::Encrypt(const std::string& key, const std::string& plaintext,
                                       const EncryptionContext& context) {
  nlohmann::json input = {{"KeyId", key}, {"Plaintext", Base64Encode(plaintext)}};
  if (!context.empty()) input["EncryptionContext"] = context;
  Result<nlohmann::json> output = caller_.CallJson("Encrypt", input);
  if (!output.ok()) return output.error();
  Result<std::string> blob = Base64Decode(JsonString(*output, "CiphertextBlob"));
  if (!blob.ok()) return MakeError("ParseError", "KMS Encrypt returned a CiphertextBlob that is not base64");
  return blob;
}

Result<DecryptResult> KmsClient::Decrypt(const std::string& ciphertext,
                                         const EncryptionContext& context) {
  nlohmann::json input = {{"CiphertextBlob", Base64Encode(ciphertext)}};
  if (!context.empty()) input["EncryptionContext"] = context;
  Result<nlohmann::json> output = caller_.CallJson("Decrypt", input);
  if (!output.ok()) return output.error();
  Result<std::string> plaintext = Base64Decode(JsonString(*output, "Plaintext"));
  if (!plaintext.ok()) return MakeError("ParseError", "KMS Decrypt returned a Plaintext that is not base64");
  return DecryptResult{std::move(*plaintext), JsonString(*output, "KeyId")};
}

}  // namespace foyer::aws
