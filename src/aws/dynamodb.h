// Amazon DynamoDB (JSON 1.0): the few table and item operations foyer's
// state needs, above all conditional writes (the applier's lock).
//
// Items are small maps of string and number attributes; numbers stay in
// their decimal text, as DynamoDB sends them, so nothing is lost to a double.
#ifndef FOYER_AWS_DYNAMODB_H_
#define FOYER_AWS_DYNAMODB_H_

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "aws/client_config.h"
#include "aws/service_call.h"
#include "base/result.h"

namespace foyer::aws {

// The error code of a write whose ConditionExpression did not hold: the
// expected outcome of losing a race for a lock, not a failure.
inline constexpr std::string_view kConditionalCheckFailed = "ConditionalCheckFailedException";

struct AttributeValue {
  enum class Type { kString, kNumber };
  Type type = Type::kString;
  std::string value;  // the string, or the number in decimal

  static AttributeValue String(std::string text) { return {Type::kString, std::move(text)}; }
  static AttributeValue Number(long long number) { return {Type::kNumber, std::to_string(number)}; }
  bool operator==(const AttributeValue&) const = default;
};

using Item = std::map<std::string, AttributeValue>;

struct TableDescription {
  std::string name;
  std::string arn;
  std::string status;    // "CREATING", "ACTIVE", "DELETING", ...
  std::string hash_key;  // the partition key's attribute name
  std::string billing_mode;  // "PAY_PER_REQUEST" or "PROVISIONED"
  long long item_count = 0;
};

// A condition on a write, with its placeholders:
//   {"attribute_not_exists(#k) OR #exp < :now", {{"#k", "LockID"}, {"#exp", "Expires"}},
//    {{":now", AttributeValue::Number(now)}}}
struct Condition {
  std::string expression;  // empty: unconditional
  std::map<std::string, std::string> names;
  Item values;
};

class DynamoDbClient {
 public:
  explicit DynamoDbClient(ClientConfig config);

  // An on-demand table keyed by one string attribute.
  Result<TableDescription> CreateTable(const std::string& table, const std::string& hash_key);
  // "ResourceNotFoundException" when there is no such table.
  Result<TableDescription> DescribeTable(const std::string& table);
  // Polls DescribeTable until the table is ACTIVE, at most `attempts` times,
  // sleeping `interval` between polls; "Timeout" if it never gets there.
  Result<TableDescription> WaitUntilActive(const std::string& table, int attempts = 60,
                                           std::chrono::milliseconds interval = std::chrono::seconds(1));
  Status DeleteTable(const std::string& table);

  // kConditionalCheckFailed when `condition` does not hold.
  Status PutItem(const std::string& table, const Item& item, const Condition& condition = {});
  // nullopt when there is no item with that key. Strongly consistent when asked.
  Result<std::optional<Item>> GetItem(const std::string& table, const Item& key,
                                      bool consistent_read = true);
  Status DeleteItem(const std::string& table, const Item& key, const Condition& condition = {});
  // Applies `update_expression` ("SET #c = #c + :one"); the names and values
  // of `condition` serve both expressions. Returns the item as it is after.
  Result<Item> UpdateItem(const std::string& table, const Item& key,
                          const std::string& update_expression, const Condition& condition);

  // Test hook: replaces the sleep between WaitUntilActive polls.
  void SetSleepForTesting(std::function<void(std::chrono::milliseconds)> sleep);

 private:
  ServiceCaller caller_;
  std::function<void(std::chrono::milliseconds)> sleep_;
};

// The wire form {"S": "..."} / {"N": "..."} of items, exposed for tests.
nlohmann::json ItemToJson(const Item& item);
Result<Item> ItemFromJson(const nlohmann::json& json);

}  // namespace foyer::aws

#endif  // FOYER_AWS_DYNAMODB_H_
