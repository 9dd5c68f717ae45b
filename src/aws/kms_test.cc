#include "aws/kms.h"

#include <deque>

#include <gtest/gtest.h>

#include "aws/fake_transport.h"

namespace foyer::aws {
namespace {

class KmsClientTest : public ::testing::Test {
 protected:
  KmsClient MakeClient() {
    ClientConfig config;
    config.region = "eu-central-1";
    config.credentials = std::make_shared<StaticCredentialsProvider>(Credentials{"AKID", "secret", "", std::nullopt, "test"});
    config.transport = transport_;
    config.retry.max_attempts = 1;
    return KmsClient(config);
  }
  nlohmann::json SentBody(size_t index) { return nlohmann::json::parse(transport_->requests.at(index).body); }
  std::shared_ptr<FakeTransport> transport_ = std::make_shared<FakeTransport>();
};

TEST_F(KmsClientTest, CreateKeySendsPolicyDescriptionAndTags) {
  transport_->responses.push_back({200, {}, R"({"KeyMetadata":{"KeyId":"k-1",
      "Arn":"arn:aws:kms:eu-central-1:111122223333:key/k-1","Description":"state",
      "KeyState":"Enabled","KeyUsage":"ENCRYPT_DECRYPT","KeySpec":"SYMMETRIC_DEFAULT",
      "KeyManager":"CUSTOMER","Enabled":true,"CreationDate":1700000000.5}})"});
  KmsClient kms = MakeClient();
  Result<KmsKey> key = kms.CreateKey({R"({"Version":"2012-10-17"})", "state", {{"foyer:managed", "true"}}});
  ASSERT_TRUE(key.ok()) << key.error().Describe();
  EXPECT_EQ(key->key_id, "k-1");
  EXPECT_EQ(key->arn, "arn:aws:kms:eu-central-1:111122223333:key/k-1");
  EXPECT_EQ(key->description, "state");
  EXPECT_EQ(key->key_state, "Enabled");
  EXPECT_EQ(key->key_usage, "ENCRYPT_DECRYPT");
  EXPECT_EQ(key->key_spec, "SYMMETRIC_DEFAULT");
  EXPECT_EQ(key->key_manager, "CUSTOMER");
  EXPECT_TRUE(key->enabled);
  EXPECT_EQ(key->creation_date, Clock::time_point(std::chrono::milliseconds(1700000000500)));
  EXPECT_FALSE(key->deletion_date.has_value());

  const HttpRequest& sent = transport_->requests.at(0);
  EXPECT_EQ(sent.url, "https://kms.eu-central-1.amazonaws.com/");
  EXPECT_EQ(sent.Header("X-Amz-Target"), "TrentService.CreateKey");
  EXPECT_EQ(sent.Header("Content-Type"), "application/x-amz-json-1.1");
  EXPECT_EQ(SentBody(0), nlohmann::json::parse(R"({"Policy":"{\"Version\":\"2012-10-17\"}",
      "Description":"state","Tags":[{"TagKey":"foyer:managed","TagValue":"true"}]})"));
}

TEST_F(KmsClientTest, ListAliasesFollowsMarkersWhileTruncated) {
  transport_->responses.push_back({200, {}, R"({"Aliases":[{"AliasName":"alias/a",
      "AliasArn":"arn:aws:kms:eu-central-1:111122223333:alias/a","TargetKeyId":"k-1"}],
      "Truncated":true,"NextMarker":"m2"})"});
  transport_->responses.push_back({200, {}, R"({"Aliases":[{"AliasName":"alias/aws/s3",
      "AliasArn":"arn:aws:kms:eu-central-1:111122223333:alias/aws/s3"}],"Truncated":false})"});
  KmsClient kms = MakeClient();
  Result<std::vector<KmsAlias>> aliases = kms.ListAliases();
  ASSERT_TRUE(aliases.ok()) << aliases.error().Describe();
  ASSERT_EQ(aliases->size(), 2u);
  EXPECT_EQ((*aliases)[0].alias_name, "alias/a");
  EXPECT_EQ((*aliases)[0].alias_arn, "arn:aws:kms:eu-central-1:111122223333:alias/a");
  EXPECT_EQ((*aliases)[0].target_key_id, "k-1");
  EXPECT_EQ((*aliases)[1].target_key_id, "");
  EXPECT_EQ(SentBody(0), nlohmann::json::object());
  EXPECT_EQ(SentBody(1), nlohmann::json::parse(R"({"Marker":"m2"})"));
}

TEST_F(KmsClientTest, ListKeysFollowsMarkersWhileTruncated) {
  transport_->responses.push_back({200, {}, R"({"Keys":[{"KeyId":"k-1",
      "KeyArn":"arn:aws:kms:eu-central-1:111122223333:key/k-1"}],"Truncated":true,"NextMarker":"m2"})"});
  transport_->responses.push_back({200, {}, R"({"Keys":[{"KeyId":"k-2",
      "KeyArn":"arn:aws:kms:eu-central-1:111122223333:key/k-2"}],"Truncated":false})"});
  KmsClient kms = MakeClient();
  Result<std::vector<KeyListEntry>> keys = kms.ListKeys();
  ASSERT_TRUE(keys.ok()) << keys.error().Describe();
  ASSERT_EQ(keys->size(), 2u);
  EXPECT_EQ((*keys)[0].key_id, "k-1");
  EXPECT_EQ((*keys)[0].key_arn, "arn:aws:kms:eu-central-1:111122223333:key/k-1");
  EXPECT_EQ((*keys)[1].key_id, "k-2");
  EXPECT_EQ(transport_->requests.at(0).Header("X-Amz-Target"), "TrentService.ListKeys");
  EXPECT_EQ(SentBody(0), nlohmann::json::object());
  EXPECT_EQ(SentBody(1), nlohmann::json::parse(R"({"Marker":"m2"})"));
}

TEST_F(KmsClientTest, KeyPolicyIsTheDefaultPolicy) {
  transport_->responses.push_back({200, {}, R"({"Policy":"{\"Statement\":[]}"})"});
  transport_->responses.push_back({200, {}, "null"});  // as moto answers it
  KmsClient kms = MakeClient();
  Result<std::string> policy = kms.GetKeyPolicy("k-1");
  ASSERT_TRUE(policy.ok());
  EXPECT_EQ(*policy, R"({"Statement":[]})");
  EXPECT_EQ(SentBody(0), nlohmann::json::parse(R"({"KeyId":"k-1","PolicyName":"default"})"));
  ASSERT_TRUE(kms.PutKeyPolicy("k-1", "{}").ok());
  EXPECT_EQ(SentBody(1), nlohmann::json::parse(R"({"KeyId":"k-1","PolicyName":"default","Policy":"{}"})"));
}

TEST_F(KmsClientTest, EncryptAndDecryptCarryBase64Blobs) {
  transport_->responses.push_back({200, {}, R"({"CiphertextBlob":"AAEC/w==","KeyId":"arn:k"})"});
  transport_->responses.push_back({200, {}, R"({"Plaintext":"aGVsbG8=","KeyId":"arn:k"})"});
  KmsClient kms = MakeClient();
  Result<std::string> blob = kms.Encrypt("alias/a", "hello", {{"purpose", "test"}});
  ASSERT_TRUE(blob.ok());
  EXPECT_EQ(*blob, std::string("\x00\x01\x02\xff", 4));
  EXPECT_EQ(SentBody(0), nlohmann::json::parse(
                             R"({"KeyId":"alias/a","Plaintext":"aGVsbG8=","EncryptionContext":{"purpose":"test"}})"));
  Result<DecryptResult> plain = kms.Decrypt(*blob);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->plaintext, "hello");
  EXPECT_EQ(plain->key_id, "arn:k");
  EXPECT_EQ(SentBody(1), nlohmann::json::parse(R"({"CiphertextBlob":"AAEC/w=="})"));
}

TEST_F(KmsClientTest, ScheduleKeyDeletionReturnsTheDate) {
  transport_->responses.push_back({200, {}, R"({"KeyId":"k-1","DeletionDate":1700604800,"KeyState":"PendingDeletion"})"});
  KmsClient kms = MakeClient();
  Result<Clock::time_point> when = kms.ScheduleKeyDeletion("k-1", 7);
  ASSERT_TRUE(when.ok());
  EXPECT_EQ(*when, Clock::time_point(std::chrono::seconds(1700604800)));
  EXPECT_EQ(SentBody(0), nlohmann::json::parse(R"({"KeyId":"k-1","PendingWindowInDays":7})"));
}

TEST_F(KmsClientTest, NotFoundKeepsItsCode) {
  transport_->responses.push_back({400, {}, R"({"__type":"NotFoundException","message":"Key 'x' does not exist"})"});
  KmsClient kms = MakeClient();
  Result<KmsKey> key = kms.DescribeKey("x");
  ASSERT_FALSE(key.ok());
  EXPECT_EQ(key.error().code, "NotFoundException");
  EXPECT_NE(key.error().message.find("Key 'x' does not exist"), std::string::npos);
}

TEST_F(KmsClientTest, CiphertextThatIsNotBase64IsAParseError) {
  transport_->responses.push_back({200, {}, R"({"CiphertextBlob":"not base64!"})"});
  KmsClient kms = MakeClient();
  Result<std::string> blob = kms.Encrypt("k", "x");
  ASSERT_FALSE(blob.ok());
  EXPECT_EQ(blob.error().code, "ParseError");
}

}  // namespace
}  // namespace foyer::aws
