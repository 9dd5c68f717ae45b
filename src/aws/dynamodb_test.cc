#include "aws/dynamodb.h"

#include <deque>

#include <gtest/gtest.h>

#include "aws/fake_transport.h"

namespace foyer::aws {
namespace {

class DynamoDbClientTest : public ::testing::Test {
 protected:
  DynamoDbClient MakeClient() {
    ClientConfig config;
    config.region = "us-west-2";
    config.credentials = std::make_shared<StaticCredentialsProvider>(Credentials{"AKID", "secret", "", std::nullopt, "test"});
    config.transport = transport_;
    config.retry.max_attempts = 1;
    return DynamoDbClient(config);
  }
  nlohmann::json SentBody(size_t index) { return nlohmann::json::parse(transport_->requests.at(index).body); }
  std::shared_ptr<FakeTransport> transport_ = std::make_shared<FakeTransport>();
};

TEST_F(DynamoDbClientTest, CreateTableIsOnDemandWithAStringHashKey) {
  transport_->responses.push_back({200, {}, R"({"TableDescription":{"TableName":"locks",
      "TableArn":"arn:aws:dynamodb:us-west-2:111122223333:table/locks","TableStatus":"CREATING",
      "KeySchema":[{"AttributeName":"LockID","KeyType":"HASH"}],
      "BillingModeSummary":{"BillingMode":"PAY_PER_REQUEST"},"ItemCount":0}})"});
  DynamoDbClient dynamodb = MakeClient();
  Result<TableDescription> table = dynamodb.CreateTable("locks", "LockID");
  ASSERT_TRUE(table.ok()) << table.error().Describe();
  EXPECT_EQ(table->name, "locks");
  EXPECT_EQ(table->arn, "arn:aws:dynamodb:us-west-2:111122223333:table/locks");
  EXPECT_EQ(table->status, "CREATING");
  EXPECT_EQ(table->hash_key, "LockID");
  EXPECT_EQ(table->billing_mode, "PAY_PER_REQUEST");

  const HttpRequest& sent = transport_->requests.at(0);
  EXPECT_EQ(sent.url, "https://dynamodb.us-west-2.amazonaws.com/");
  EXPECT_EQ(sent.Header("X-Amz-Target"), "DynamoDB_20120810.CreateTable");
  EXPECT_EQ(sent.Header("Content-Type"), "application/x-amz-json-1.0");
  EXPECT_NE(sent.Header("Authorization").find("/us-west-2/dynamodb/aws4_request"), std::string::npos);
  EXPECT_EQ(SentBody(0), nlohmann::json::parse(R"({"TableName":"locks",
      "AttributeDefinitions":[{"AttributeName":"LockID","AttributeType":"S"}],
      "KeySchema":[{"AttributeName":"LockID","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"})"));
}

TEST_F(DynamoDbClientTest, WaitUntilActivePollsUntilActive) {
  transport_->responses.push_back({200, {}, R"({"Table":{"TableName":"t","TableStatus":"CREATING"}})"});
  transport_->responses.push_back({200, {}, R"({"Table":{"TableName":"t","TableStatus":"ACTIVE"}})"});
  DynamoDbClient dynamodb = MakeClient();
  std::vector<std::chrono::milliseconds> sleeps;
  dynamodb.SetSleepForTesting([&](std::chrono::milliseconds delay) { sleeps.push_back(delay); });
  Result<TableDescription> table = dynamodb.WaitUntilActive("t", 5, std::chrono::milliseconds(250));
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->status, "ACTIVE");
  EXPECT_EQ(sleeps, std::vector<std::chrono::milliseconds>{std::chrono::milliseconds(250)});
}

TEST_F(DynamoDbClientTest, WaitUntilActiveGivesUp) {
  for (int i = 0; i < 3; ++i) {
    transport_->responses.push_back({200, {}, R"({"Table":{"TableName":"t","TableStatus":"CREATING"}})"});
  }
  DynamoDbClient dynamodb = MakeClient();
  dynamodb.SetSleepForTesting([](std::chrono::milliseconds) {});
  Result<TableDescription> table = dynamodb.WaitUntilActive("t", 3, std::chrono::milliseconds(1));
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().code, "Timeout");
  EXPECT_EQ(transport_->requests.size(), 3u);
}

TEST_F(DynamoDbClientTest, ConditionalPutSendsTheConditionAndReportsItsFailure) {
  transport_->responses.push_back(
      {400, {}, R"({"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException",
                    "message":"The conditional request failed"})"});
  DynamoDbClient dynamodb = MakeClient();
  Item item = {{"LockID", AttributeValue::String("apply")}, {"Expires", AttributeValue::Number(1700000000)}};
  Condition condition{"attribute_not_exists(#k) OR #e < :now",
                      {{"#k", "LockID"}, {"#e", "Expires"}},
                      {{":now", AttributeValue::Number(1690000000)}}};
  Status status = dynamodb.PutItem("locks", item, condition);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, kConditionalCheckFailed);
  EXPECT_EQ(status.error().http_status, 400);
  EXPECT_EQ(SentBody(0), nlohmann::json::parse(R"({"TableName":"locks",
      "Item":{"LockID":{"S":"apply"},"Expires":{"N":"1700000000"}},
      "ConditionExpression":"attribute_not_exists(#k) OR #e < :now",
      "ExpressionAttributeNames":{"#k":"LockID","#e":"Expires"},
      "ExpressionAttributeValues":{":now":{"N":"1690000000"}}})"));
}

TEST_F(DynamoDbClientTest, UnconditionalPutSendsNoConditionMembers) {
  transport_->responses.push_back({200, {}, "{}"});
  DynamoDbClient dynamodb = MakeClient();
  ASSERT_TRUE(dynamodb.PutItem("t", {{"k", AttributeValue::String("v")}}).ok());
  EXPECT_EQ(SentBody(0), nlohmann::json::parse(R"({"TableName":"t","Item":{"k":{"S":"v"}}})"));
}

TEST_F(DynamoDbClientTest, GetItemIsConsistentAndReadsStringsAndNumbers) {
  transport_->responses.push_back({200, {}, R"({"Item":{"k":{"S":"v"},"n":{"N":"12.50"}}})"});
  transport_->responses.push_back({200, {}, "{}"});
  DynamoDbClient dynamodb = MakeClient();
  Result<std::optional<Item>> found = dynamodb.GetItem("t", {{"k", AttributeValue::String("v")}});
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((**found).at("k"), AttributeValue::String("v"));
  EXPECT_EQ((**found).at("n"), (AttributeValue{AttributeValue::Type::kNumber, "12.50"}));
  EXPECT_EQ(SentBody(0), nlohmann::json::parse(
                             R"({"TableName":"t","Key":{"k":{"S":"v"}},"ConsistentRead":true})"));

  Result<std::optional<Item>> missing = dynamodb.GetItem("t", {{"k", AttributeValue::String("x")}});
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

TEST_F(DynamoDbClientTest, UnsupportedAttributeTypeIsAParseError) {
  transport_->responses.push_back({200, {}, R"({"Item":{"k":{"BOOL":true}}})"});
  DynamoDbClient dynamodb = MakeClient();
  Result<std::optional<Item>> found = dynamodb.GetItem("t", {{"k", AttributeValue::String("v")}});
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.error().code, "ParseError");
}

TEST_F(DynamoDbClientTest, MembersOfTheWrongTypeReadAsEmpty) {
  transport_->responses.push_back({200, {}, R"({"Table":null})"});
  transport_->responses.push_back({200, {}, R"({"Table":{"TableName":"t","BillingModeSummary":"x","KeySchema":7}})"});
  DynamoDbClient dynamodb = MakeClient();
  Result<TableDescription> table = dynamodb.DescribeTable("t");
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->name, "");
  table = dynamodb.DescribeTable("t");
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->name, "t");
  EXPECT_EQ(table->billing_mode, "");
  EXPECT_EQ(table->hash_key, "");
}

TEST_F(DynamoDbClientTest, UpdateItemReturnsAllNewAttributes) {
  transport_->responses.push_back({200, {}, R"({"Attributes":{"k":{"S":"c"},"n":{"N":"2"}}})"});
  DynamoDbClient dynamodb = MakeClient();
  Result<Item> item = dynamodb.UpdateItem("t", {{"k", AttributeValue::String("c")}}, "SET #n = #n + :one",
                                          {"attribute_exists(#n)", {{"#n", "n"}},
                                           {{":one", AttributeValue::Number(1)}}});
  ASSERT_TRUE(item.ok());
  EXPECT_EQ(item->at("n"), AttributeValue::Number(2));
  EXPECT_EQ(SentBody(0), nlohmann::json::parse(R"json({"TableName":"t","Key":{"k":{"S":"c"}},
      "UpdateExpression":"SET #n = #n + :one","ReturnValues":"ALL_NEW",
      "ConditionExpression":"attribute_exists(#n)","ExpressionAttributeNames":{"#n":"n"},
      "ExpressionAttributeValues":{":one":{"N":"1"}}})json"));
}

TEST_F(DynamoDbClientTest, DeleteItemWithCondition) {
  transport_->responses.push_back({200, {}, "{}"});
  DynamoDbClient dynamodb = MakeClient();
  ASSERT_TRUE(dynamodb.DeleteItem("t", {{"k", AttributeValue::String("v")}},
                                  {"#o = :me", {{"#o", "Owner"}}, {{":me", AttributeValue::String("alice")}}})
                  .ok());
  EXPECT_EQ(transport_->requests.at(0).Header("X-Amz-Target"), "DynamoDB_20120810.DeleteItem");
  EXPECT_EQ(SentBody(0), nlohmann::json::parse(R"({"TableName":"t","Key":{"k":{"S":"v"}},
      "ConditionExpression":"#o = :me","ExpressionAttributeNames":{"#o":"Owner"},
      "ExpressionAttributeValues":{":me":{"S":"alice"}}})"));
}

}  // namespace
}  // namespace foyer::aws
