#include "aws/dynamodb.h"

#include <thread>
#include <utility>

#include "aws/json_protocol.h"

namespace foyer::aws {
namespace {

const ServiceDescription kDynamoDb = {
    .name = "DynamoDB",
    .endpoint_prefix = "dynamodb",
    .protocol = Protocol::kJson,
    .json_target_prefix = "DynamoDB_20120810",
    .json_version = "1.0",
};

TableDescription TableFromJson(const nlohmann::json& table) {
  TableDescription description;
  description.name = JsonString(table, "TableName");
  description.arn = JsonString(table, "TableArn");
  description.status = JsonString(table, "TableStatus");
  for (const nlohmann::json& key : JsonArray(table, "KeySchema")) {
    if (JsonString(key, "KeyType") == "HASH") description.hash_key = JsonString(key, "AttributeName");
  }
  const nlohmann::json& billing = JsonObject(table, "BillingModeSummary");
  description.billing_mode = JsonString(billing, "BillingMode");
  description.item_count = JsonInt(table, "ItemCount").value_or(0);
  return description;
}

// Adds the expression, names and values of `condition` to a request.
void AddCondition(nlohmann::json& input, const Condition& condition) {
  if (!condition.expression.empty()) input["ConditionExpression"] = condition.expression;
  if (!condition.names.empty()) input["ExpressionAttributeNames"] = condition.names;
  if (!condition.values.empty()) input["ExpressionAttributeValues"] = ItemToJson(condition.values);
}

// A losing conditional write says so in words, keeping its code.
Error ExplainConditionFailure(Error error, const std::string& table) {
  if (error.code == kConditionalCheckFailed) {
    error.message = "DynamoDB: the condition on the write to table " + table +
                    " did not hold (another writer got there first)";
  }
  return error;
}

}  // namespace

nlohmann::json ItemToJson(const Item& item) {
  nlohmann::json json = nlohmann::json::object();
  for (const auto& [name, value] : item) {
    json[name] = {{value.type == AttributeValue::Type::kNumber ? "N" : "S", value.value}};
  }
  return json;
}

Result<Item> ItemFromJson(const nlohmann::json& json) {
  Item item;
  if (!json.is_object()) return MakeError("ParseError", "DynamoDB item is not a JSON object");
  for (const auto& [name, value] : json.items()) {
    if (value.contains("S") && value["S"].is_string()) {
      item[name] = AttributeValue::String(value["S"].get<std::string>());
    } else if (value.contains("N") && value["N"].is_string()) {
      item[name] = {AttributeValue::Type::kNumber, value["N"].get<std::string>()};
    } else {
      return MakeError("ParseError", "DynamoDB attribute " + name +
                                         " is neither a string nor a number: " + value.dump());
    }
  }
  return item;
}

DynamoDbClient::DynamoDbClient(ClientConfig config)
    : caller_(std::move(config), kDynamoDb),
      sleep_([](std::chrono::milliseconds delay) { std::this_thread::sleep_for(delay); }) {}

void DynamoDbClient::SetSleepForTesting(std::function<void(std::chrono::milliseconds)> sleep) {
  sleep_ = std::move(sleep);
}

Result<TableDescription> DynamoDbClient::CreateTable(const std::string& table,
                                                     const std::string& hash_key) {
  nlohmann::json input = {
      {"TableName", table},
      {"AttributeDefinitions", {{{"AttributeName", hash_key}, {"AttributeType", "S"}}}},
      {"KeySchema", {{{"AttributeName", hash_key}, {"KeyType", "HASH"}}}},
      {"BillingMode", "PAY_PER_REQUEST"}};
  Result<nlohmann::json> output = caller_.CallJson("CreateTable", input);
  if (!output.ok()) return output.error();
  return TableFromJson(JsonObject(*output, "TableDescription"));
}

Result<TableDescription> DynamoDbClient::DescribeTable(const std::string& table) {
  Result<nlohmann::json> output = caller_.CallJson("DescribeTable", {{"TableName", table}});
  if (!output.ok()) return output.error();
  return TableFromJson(JsonObject(*output, "Table"));
}

Result<TableDescription> DynamoDbClient::WaitUntilActive(const std::string& table, int attempts,
                                                         std::chrono::milliseconds interval) {
  for (int attempt = 0; attempt < attempts; ++attempt) {
    if (attempt > 0) sleep_(interval);
    Result<TableDescription> description = DescribeTable(table);
    if (!description.ok() || description->status == "ACTIVE") return description;
  }
  return MakeError("Timeout", "DynamoDB table " + table + " did not become ACTIVE after " +
                                  std::to_string(attempts) + " checks");
}

Status DynamoDbClient::DeleteTable(const std::string& table) {
  Result<nlohmann::json> output = caller_.CallJson("DeleteTable", {{"TableName", table}});
  if (!output.ok()) return output.error();
  return OkStatus();
}

Status DynamoDbClient::PutItem(const std::string& table, const Item& item,
                               const Condition& condition) {
  nlohmann::json input = {{"TableName", table}, {"Item", ItemToJson(item)}};
  AddCondition(input, condition);
  Result<nlohmann::json> output = caller_.CallJson("PutItem", input);
  if (!output.ok()) return ExplainConditionFailure(std::move(output.error()), table);
  return OkStatus();
}

Result<std::optional<Item>> DynamoDbClient::GetItem(const std::string& table, const Item& key,
                                                    bool consistent_read) {
  nlohmann::json input = {
      {"TableName", table}, {"Key", ItemToJson(key)}, {"ConsistentRead", consistent_read}};
  Result<nlohmann::json> output = caller_.CallJson("GetItem", input);
  if (!output.ok()) return output.error();
  if (!output->contains("Item")) return std::optional<Item>();
  Result<Item> item = ItemFromJson((*output)["Item"]);
  if (!item.ok()) return item.error();
  return std::optional<Item>(std::move(*item));
}

Status DynamoDbClient::DeleteItem(const std::string& table, const Item& key,
                                  const Condition& condition) {
  nlohmann::json input = {{"TableName", table}, {"Key", ItemToJson(key)}};
  AddCondition(input, condition);
  Result<nlohmann::json> output = caller_.CallJson("DeleteItem", input);
  if (!output.ok()) return ExplainConditionFailure(std::move(output.error()), table);
  return OkStatus();
}

Result<Item> DynamoDbClient::UpdateItem(const std::string& table, const Item& key,
                                        const std::string& update_expression,
                                        const Condition& condition) {
  nlohmann::json input = {{"TableName", table},
                          {"Key", ItemToJson(key)},
                          {"UpdateExpression", update_expression},
                          {"ReturnValues", "ALL_NEW"}};
  AddCondition(input, condition);
  Result<nlohmann::json> output = caller_.CallJson("UpdateItem", input);
  if (!output.ok()) return ExplainConditionFailure(std::move(output.error()), table);
  return ItemFromJson(JsonObject(*output, "Attributes"));
}

}  // namespace foyer::aws
