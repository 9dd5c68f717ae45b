// foyer_roundtrip_storage: drives foyer's S3, KMS, DynamoDB, CloudTrail,
// SSO and SSO-OIDC clients through scripted scenarios against whatever
// AWS_ENDPOINT_URL names (moto, the fake Identity Center), so that the
// Python end-to-end tests can read the results back with independent
// clients.
//
//   foyer_roundtrip_storage s3 BUCKET KMS_KEY_ARN|"" OBJECT_KEY...
//   foyer_roundtrip_storage kms ALIAS
//   foyer_roundtrip_storage dynamodb TABLE
//   foyer_roundtrip_storage cloudtrail TRAIL BUCKET KMS_KEY_ARN
//   foyer_roundtrip_storage oidc-register CLIENT_NAME
//   foyer_roundtrip_storage oidc-start CLIENT_ID CLIENT_SECRET START_URL
//   foyer_roundtrip_storage oidc-token-device CLIENT_ID CLIENT_SECRET DEVICE_CODE
//   foyer_roundtrip_storage oidc-token-refresh CLIENT_ID CLIENT_SECRET REFRESH_TOKEN
//   foyer_roundtrip_storage sso-credentials ACCESS_TOKEN ACCOUNT_ID ROLE_NAME
//   foyer_roundtrip_storage sso-accounts ACCESS_TOKEN
//   foyer_roundtrip_storage sso-roles ACCESS_TOKEN ACCOUNT_ID
//   foyer_roundtrip_storage sso-logout ACCESS_TOKEN
//
// Prints one JSON object: what foyer's clients read, and the error codes of
// the calls that were meant to fail. A call that fails unexpectedly prints
// {"error": {...}} and exits 1.
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "aws/cloudtrail.h"
#include "aws/dynamodb.h"
#include "aws/kms.h"
#include "aws/s3.h"
#include "aws/sso.h"
#include "aws/ssooidc.h"
#include "base/base64.h"
#include "base/time_format.h"

namespace foyer::aws {
namespace {

using Args = std::vector<std::string>;
using nlohmann::json;

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? "" : value;
}

ClientConfig ConfigFromEnvironment() {
  ClientConfig config;
  if (!Env("AWS_REGION").empty()) config.region = Env("AWS_REGION");
  Credentials credentials;
  credentials.access_key_id = Env("AWS_ACCESS_KEY_ID");
  credentials.secret_access_key = Env("AWS_SECRET_ACCESS_KEY");
  credentials.session_token = Env("AWS_SESSION_TOKEN");
  credentials.source = "environment";
  config.credentials = std::make_shared<StaticCredentialsProvider>(credentials);
  return config;
}

json ErrorJson(const Error& error) {
  return {{"code", error.code}, {"message", error.message}, {"http_status", error.http_status},
          {"exit_code", static_cast<int>(error.exit_code)}};
}

[[noreturn]] void Fail(const std::string& what, const Error& error) {
  json failure = ErrorJson(error);
  failure["step"] = what;
  std::cout << json{{"error", failure}}.dump() << "\n";
  std::exit(1);
}

template <typename T>
T Must(Result<T> result, const std::string& what) {
  if (!result.ok()) Fail(what, result.error());
  return std::move(*result);
}

void Must(Status status, const std::string& what) {
  if (!status.ok()) Fail(what, status.error());
}

// The code of a call that must fail; an unexpected success is a failure.
template <typename R>
std::string MustFail(const R& result, const std::string& what) {
  if (result.ok()) Fail(what, MakeError("UnexpectedSuccess", what + " should have failed"));
  return result.error().code;
}

json S3Scenario(const Args& args) {
  const std::string& bucket = args.at(0);
  const std::string& kms_key = args.at(1);  // "": AES256
  // plain.txt is written, then deleted; the other keys stay.
  std::vector<std::string> keys = {"plain.txt"};
  keys.insert(keys.end(), args.begin() + 2, args.end());
  S3Client s3(ConfigFromEnvironment());
  json out;
  Must(s3.CreateBucket(bucket), "CreateBucket");
  Must(s3.HeadBucket(bucket), "HeadBucket");
  out["head_missing_bucket"] = MustFail(s3.HeadBucket(bucket + "-missing"), "HeadBucket missing");
  out["policy_before"] = MustFail(s3.GetBucketPolicy(bucket), "GetBucketPolicy before");
  out["encryption_before"] = MustFail(s3.GetBucketEncryption(bucket), "GetBucketEncryption before");

  Must(s3.PutBucketVersioning(bucket, true), "PutBucketVersioning");
  BucketEncryption encryption{kms_key.empty() ? "AES256" : "aws:kms", kms_key, !kms_key.empty()};
  Must(s3.PutBucketEncryption(bucket, encryption), "PutBucketEncryption");
  Must(s3.PutPublicAccessBlock(bucket, PublicAccessBlock::All()), "PutPublicAccessBlock");
  Must(s3.PutBucketTagging(bucket, {{"foyer:managed", "true"}, {"purpose", "audit & state"}}),
       "PutBucketTagging");
  json policy = {{"Version", "2012-10-17"},
                 {"Statement",
                  {{{"Sid", "ReaderFromAudit"},
                    {"Effect", "Allow"},
                    {"Principal", {{"AWS", "arn:aws:iam::222222222222:role/foyer/Auditor"}}},
                    {"Action", "s3:GetObject"},
                    {"Resource", "arn:aws:s3:::" + bucket + "/*"}}}}};
  Must(s3.PutBucketPolicy(bucket, policy.dump()), "PutBucketPolicy");

  out["versioning"] = Must(s3.GetBucketVersioning(bucket), "GetBucketVersioning");
  BucketEncryption read_encryption = Must(s3.GetBucketEncryption(bucket), "GetBucketEncryption");
  out["encryption"] = {{"algorithm", read_encryption.sse_algorithm},
                       {"kms_key", read_encryption.kms_master_key_id},
                       {"bucket_key", read_encryption.bucket_key_enabled}};
  out["public_access_block_all"] =
      Must(s3.GetPublicAccessBlock(bucket), "GetPublicAccessBlock") == PublicAccessBlock::All();
  out["tags"] = Must(s3.GetBucketTagging(bucket), "GetBucketTagging");
  out["policy"] = json::parse(Must(s3.GetBucketPolicy(bucket), "GetBucketPolicy"));

  json objects = json::object();
  for (const std::string& key : keys) {
    Must(s3.PutObject(bucket, key, "body of " + key, "text/plain"), "PutObject " + key);
    S3ObjectContent content = Must(s3.GetObject(bucket, key), "GetObject " + key);
    ObjectMetadata head = Must(s3.HeadObject(bucket, key), "HeadObject " + key);
    objects[key] = {{"body", content.body}, {"content_type", content.metadata.content_type},
                    {"head_length", head.content_length}};
  }
  out["objects"] = objects;
  Must(s3.DeleteObject(bucket, "plain.txt"), "DeleteObject");
  out["head_deleted_object"] = MustFail(s3.HeadObject(bucket, "plain.txt"), "HeadObject deleted");
  json listed = json::array();
  for (const S3Object& object : Must(s3.ListObjectsV2(bucket), "ListObjectsV2")) {
    listed.push_back({{"key", object.key}, {"size", object.size}});
  }
  out["listed"] = listed;
  json listed_prefix = json::array();
  for (const S3Object& object : Must(s3.ListObjectsV2(bucket, "dir"), "ListObjectsV2 prefix")) {
    listed_prefix.push_back(object.key);
  }
  out["listed_prefix"] = listed_prefix;

  std::string scratch = bucket + "-scratch";
  Must(s3.CreateBucket(scratch), "CreateBucket scratch");
  Must(s3.PutBucketPolicy(scratch, policy.dump()), "PutBucketPolicy scratch");
  Must(s3.DeleteBucketPolicy(scratch), "DeleteBucketPolicy scratch");
  out["scratch_policy_after_delete"] = MustFail(s3.GetBucketPolicy(scratch), "GetBucketPolicy scratch");
  json buckets = json::array();
  for (const S3Bucket& listed_bucket : Must(s3.ListBuckets(), "ListBuckets")) {
    buckets.push_back(listed_bucket.name);
  }
  out["buckets_before_delete"] = buckets;
  Must(s3.DeleteBucket(scratch), "DeleteBucket scratch");
  return out;
}

json KmsScenario(const Args& args) {
  const std::string& alias = args.at(0);
  KmsClient kms(ConfigFromEnvironment());
  json out;
  json policy = {{"Version", "2012-10-17"},
                 {"Statement",
                  {{{"Sid", "Root"},
                    {"Effect", "Allow"},
                    {"Principal", {{"AWS", "arn:aws:iam::123456789012:root"}}},
                    {"Action", "kms:*"},
                    {"Resource", "*"}}}}};
  KmsKey key = Must(kms.CreateKey({policy.dump(), "foyer state key", {{"foyer:managed", "true"}}}),
                    "CreateKey");
  out["key_id"] = key.key_id;
  out["arn"] = key.arn;
  out["created_state"] = key.key_state;
  out["created_description"] = key.description;
  out["get_policy_initial"] = json::parse(Must(kms.GetKeyPolicy(key.key_id), "GetKeyPolicy"));
  policy["Statement"].push_back({{"Sid", "AuditorDecrypt"},
                                 {"Effect", "Allow"},
                                 {"Principal", {{"AWS", "arn:aws:iam::222222222222:role/foyer/Auditor"}}},
                                 {"Action", "kms:Decrypt"},
                                 {"Resource", "*"}});
  Must(kms.PutKeyPolicy(key.key_id, policy.dump()), "PutKeyPolicy");
  out["put_policy"] = policy;
  Must(kms.CreateAlias(alias, key.key_id), "CreateAlias");
  Must(kms.EnableKeyRotation(key.key_id), "EnableKeyRotation");
  out["described_by_alias"] = Must(kms.DescribeKey(alias), "DescribeKey alias").key_id;
  json aliases = json::object();
  for (const KmsAlias& entry : Must(kms.ListAliases(), "ListAliases")) aliases[entry.alias_name] = entry.target_key_id;
  out["aliases"] = aliases;

  std::string ciphertext = Must(kms.Encrypt(alias, "secret bytes \x01\xff", {{"purpose", "roundtrip"}}), "Encrypt");
  DecryptResult plain = Must(kms.Decrypt(ciphertext, {{"purpose", "roundtrip"}}), "Decrypt");
  out["decrypted_matches"] = plain.plaintext == "secret bytes \x01\xff";
  out["decrypted_by"] = plain.key_id;
  out["ciphertext_base64"] = Base64Encode(ciphertext);

  KmsKey doomed = Must(kms.CreateKey({"", "doomed", {}}), "CreateKey doomed");
  out["doomed_key_id"] = doomed.key_id;
  Clock::time_point deletion = Must(kms.ScheduleKeyDeletion(doomed.key_id, 7), "ScheduleKeyDeletion");
  out["doomed_deletion"] = FormatRfc3339(deletion);
  json keys = json::array();
  for (const KeyListEntry& entry : Must(kms.ListKeys(), "ListKeys")) keys.push_back(entry.key_id);
  out["keys"] = keys;
  out["describe_missing"] = MustFail(kms.DescribeKey("alias/does-not-exist"), "DescribeKey missing");
  return out;
}

json ItemJson(const Item& item) {
  json out = json::object();
  for (const auto& [name, value] : item) {
    out[name] = {{value.type == AttributeValue::Type::kNumber ? "N" : "S", value.value}};
  }
  return out;
}

json DynamoDbScenario(const Args& args) {
  const std::string& table = args.at(0);
  DynamoDbClient dynamodb(ConfigFromEnvironment());
  json out;
  Must(dynamodb.CreateTable(table, "LockID"), "CreateTable");
  TableDescription active = Must(dynamodb.WaitUntilActive(table, 30, std::chrono::milliseconds(200)),
                                 "WaitUntilActive");
  out["status"] = active.status;
  out["hash_key"] = active.hash_key;
  out["arn"] = active.arn;

  Condition first_writer{"attribute_not_exists(#k)", {{"#k", "LockID"}}, {}};
  Item lock = {{"LockID", AttributeValue::String("apply")},
               {"Owner", AttributeValue::String("alice")},
               {"Counter", AttributeValue::Number(1)}};
  Must(dynamodb.PutItem(table, lock, first_writer), "PutItem first");
  Item rival = lock;
  rival["Owner"] = AttributeValue::String("bob");
  out["second_put"] = MustFail(dynamodb.PutItem(table, rival, first_writer), "PutItem second");

  Item key = {{"LockID", AttributeValue::String("apply")}};
  Condition owned_by_alice{"#o = :me", {{"#o", "Owner"}, {"#c", "Counter"}},
                           {{":me", AttributeValue::String("alice")}, {":one", AttributeValue::Number(1)}}};
  out["updated"] = ItemJson(Must(dynamodb.UpdateItem(table, key, "SET #c = #c + :one", owned_by_alice),
                                 "UpdateItem"));
  std::optional<Item> read = Must(dynamodb.GetItem(table, key), "GetItem");
  out["read"] = read.has_value() ? ItemJson(*read) : json();
  std::optional<Item> missing =
      Must(dynamodb.GetItem(table, {{"LockID", AttributeValue::String("none")}}), "GetItem missing");
  out["missing_found"] = missing.has_value();

  Condition owned_by_bob{"#o = :me", {{"#o", "Owner"}}, {{":me", AttributeValue::String("bob")}}};
  out["delete_by_bob"] = MustFail(dynamodb.DeleteItem(table, key, owned_by_bob), "DeleteItem bob");
  Item scratch_key = {{"LockID", AttributeValue::String("scratch")}};
  Must(dynamodb.PutItem(table, {{"LockID", AttributeValue::String("scratch")}, {"Owner", AttributeValue::String("bob")}}),
       "PutItem scratch");
  Must(dynamodb.DeleteItem(table, scratch_key, owned_by_bob), "DeleteItem scratch");

  std::string temporary = table + "-temporary";
  Must(dynamodb.CreateTable(temporary, "Id"), "CreateTable temporary");
  Must(dynamodb.DeleteTable(temporary), "DeleteTable temporary");
  out["describe_deleted"] = MustFail(dynamodb.DescribeTable(temporary + "-never"), "DescribeTable missing");
  return out;
}

json TrailJson(const Trail& trail) {
  return {{"name", trail.name}, {"arn", trail.arn}, {"bucket", trail.s3_bucket_name},
          {"prefix", trail.s3_key_prefix}, {"kms_key", trail.kms_key_id},
          {"multi_region", trail.is_multi_region_trail}, {"organization", trail.is_organization_trail},
          {"validation", trail.log_file_validation_enabled}};
}

json CloudTrailScenario(const Args& args) {
  const std::string& name = args.at(0);
  const std::string& bucket = args.at(1);
  const std::string& kms_key = args.at(2);
  CloudTrailClient cloudtrail(ConfigFromEnvironment());
  json out;
  TrailSettings settings;
  settings.name = name;
  settings.s3_bucket_name = bucket;
  settings.kms_key_id = kms_key;
  settings.is_multi_region_trail = true;
  settings.is_organization_trail = true;
  settings.enable_log_file_validation = false;
  out["created"] = TrailJson(Must(cloudtrail.CreateTrail(settings), "CreateTrail"));

  TrailSettings update;
  update.name = name;
  update.enable_log_file_validation = true;
  update.s3_key_prefix = "org";
  out["updated"] = TrailJson(Must(cloudtrail.UpdateTrail(update), "UpdateTrail"));
  Trail trail = Must(cloudtrail.GetTrail(name), "GetTrail");
  out["read"] = TrailJson(trail);

  Must(cloudtrail.StartLogging(name), "StartLogging");
  out["logging_after_start"] = Must(cloudtrail.GetTrailStatus(name), "GetTrailStatus").is_logging;
  Must(cloudtrail.StopLogging(name), "StopLogging");
  out["logging_after_stop"] = Must(cloudtrail.GetTrailStatus(name), "GetTrailStatus").is_logging;
  Must(cloudtrail.StartLogging(name), "StartLogging again");

  Must(cloudtrail.AddTags(trail.arn, {{"foyer:managed", "true"}, {"foyer:kind", "audit"}}), "AddTags");
  json tags = json::object();
  for (const auto& [key, value] : Must(cloudtrail.ListTags(trail.arn), "ListTags")) tags[key] = value;
  out["tags"] = tags;

  TrailSettings doomed;
  doomed.name = name + "-doomed";
  doomed.s3_bucket_name = bucket;
  Must(cloudtrail.CreateTrail(doomed), "CreateTrail doomed");
  Must(cloudtrail.DeleteTrail(doomed.name), "DeleteTrail doomed");
  json names = json::array();
  for (const Trail& listed : Must(cloudtrail.DescribeTrails(), "DescribeTrails")) names.push_back(listed.name);
  out["described"] = names;
  out["get_deleted"] = MustFail(cloudtrail.GetTrail(doomed.name), "GetTrail deleted");
  return out;
}

RegisteredClient ClientFrom(const Args& args) { return {args.at(0), args.at(1), {}, {}}; }

json TokenJson(const SsoToken& token) {
  return {{"access_token", token.access_token}, {"token_type", token.token_type},
          {"expires_in", token.expires_in_seconds}, {"refresh_token", token.refresh_token}};
}

// The SSO commands make one call each and report its error instead of
// failing, because the tests script failures on purpose.
template <typename T, typename Render>
json OneCall(Result<T> result, Render render) {
  if (!result.ok()) return {{"error", ErrorJson(result.error())}};
  return render(*result);
}

// SSO and SSO-OIDC are unsigned: no credentials.
ClientConfig UnsignedConfig() {
  ClientConfig config = ConfigFromEnvironment();
  config.credentials = nullptr;
  return config;
}

json OidcCommand(const std::string& command, const Args& args) {
  SsoOidcClient oidc(UnsignedConfig());
  if (command == "oidc-register") {
    return OneCall(oidc.RegisterClient({args.at(0), "public", {"sso:account:access"}}),
                   [](const RegisteredClient& c) {
                     return json{{"client_id", c.client_id}, {"client_secret", c.client_secret},
                                 {"secret_expires_at", FormatRfc3339(c.secret_expires_at)}};
                   });
  }
  if (command == "oidc-start") {
    return OneCall(oidc.StartDeviceAuthorization(ClientFrom(args), args.at(2)),
                   [](const DeviceAuthorization& d) {
                     return json{{"device_code", d.device_code}, {"user_code", d.user_code},
                                 {"verification_uri", d.verification_uri},
                                 {"verification_uri_complete", d.verification_uri_complete},
                                 {"expires_in", d.expires_in_seconds}, {"interval", d.interval_seconds}};
                   });
  }
  if (command == "oidc-token-device") {
    return OneCall(oidc.CreateTokenFromDeviceCode(ClientFrom(args), args.at(2)), TokenJson);
  }
  if (command == "oidc-token-refresh") {
    return OneCall(oidc.CreateTokenFromRefreshToken(ClientFrom(args), args.at(2)), TokenJson);
  }
  return {{"error", {{"code", "Usage"}, {"message", "unknown command " + command}}}};
}

json PortalCommand(const std::string& command, const Args& args) {
  SsoClient sso(UnsignedConfig());
  if (command == "sso-credentials") {
    return OneCall(sso.GetRoleCredentials(args.at(0), args.at(1), args.at(2)), [](const Credentials& c) {
      return json{{"access_key_id", c.access_key_id}, {"secret_access_key", c.secret_access_key},
                  {"session_token", c.session_token}, {"source", c.source},
                  {"expiration_ms", std::chrono::duration_cast<std::chrono::milliseconds>(
                                        c.expiration.value_or(Clock::time_point()).time_since_epoch())
                                        .count()}};
    });
  }
  if (command == "sso-accounts") {
    return OneCall(sso.ListAccounts(args.at(0)), [](const std::vector<SsoAccount>& accounts) {
      json list = json::array();
      for (const SsoAccount& a : accounts) {
        list.push_back({{"account_id", a.account_id}, {"account_name", a.account_name}, {"email", a.email_address}});
      }
      return json{{"accounts", list}};
    });
  }
  if (command == "sso-roles") {
    return OneCall(sso.ListAccountRoles(args.at(0), args.at(1)), [](const std::vector<SsoRole>& roles) {
      json list = json::array();
      for (const SsoRole& r : roles) list.push_back({{"role_name", r.role_name}, {"account_id", r.account_id}});
      return json{{"roles", list}};
    });
  }
  if (command == "sso-logout") {
    Status status = sso.Logout(args.at(0));
    return status.ok() ? json{{"logged_out", true}} : json{{"error", ErrorJson(status.error())}};
  }
  return {{"error", {{"code", "Usage"}, {"message", "unknown command " + command}}}};
}

int Run(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: foyer_roundtrip_storage COMMAND ARGS... (see the source)\n";
    return 2;
  }
  std::string command = argv[1];
  Args args(argv + 2, argv + argc);
  static const std::map<std::string, json (*)(const Args&)> kScenarios = {
      {"s3", S3Scenario}, {"kms", KmsScenario}, {"dynamodb", DynamoDbScenario},
      {"cloudtrail", CloudTrailScenario}};
  auto scenario = kScenarios.find(command);
  json out = scenario != kScenarios.end() ? scenario->second(args)
             : command.starts_with("oidc-") ? OidcCommand(command, args)
                                            : PortalCommand(command, args);
  std::cout << out.dump() << "\n";
  return out.contains("error") ? 1 : 0;
}

}  // namespace
}  // namespace foyer::aws

int main(int argc, char** argv) { return foyer::aws::Run(argc, argv); }
