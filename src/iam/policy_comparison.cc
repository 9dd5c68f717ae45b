#include "iam/policy_comparison.h"

#include <algorithm>
#include <string>

#include "base/url_encoding.h"

namespace foyer::iam {
namespace {

using nlohmann::json;

// Orders JSON values by their text: total, stable, and free of the
// comparison operators' corner cases between types.
bool ByText(const json& a, const json& b) { return a.dump() < b.dump(); }

// A string or list of scalars as a sorted list without duplicates.
json SortedList(const json& value) {
  json list = value.is_array() ? value : json::array({value});
  std::vector<json> items(list.begin(), list.end());
  std::sort(items.begin(), items.end(), ByText);
  items.erase(std::unique(items.begin(), items.end()), items.end());
  return json(items);
}

// Condition values as a sorted list of text: a policy may write `false` or
// `"false"`, and services read (and return) both as the text.
json ConditionValues(const json& value) {
  json texts = json::array();
  for (const json& item : value.is_array() ? value : json::array({value})) {
    texts.push_back(item.is_string() ? item : json(item.dump()));
  }
  return SortedList(texts);
}

// {"AWS": "a"} and {"AWS": ["a"]} alike; "*" stays a string.
json CanonicalPrincipal(const json& principal) {
  if (!principal.is_object()) return principal;
  json canonical = json::object();
  for (const auto& item : principal.items()) canonical[item.key()] = SortedList(item.value());
  return canonical;
}

json CanonicalCondition(const json& condition) {
  if (!condition.is_object()) return condition;
  json canonical = json::object();
  for (const auto& op : condition.items()) {
    if (!op.value().is_object()) {
      canonical[op.key()] = op.value();
      continue;
    }
    json keys = json::object();
    for (const auto& key : op.value().items()) keys[key.key()] = ConditionValues(key.value());
    canonical[op.key()] = keys;
  }
  return canonical;
}

json CanonicalStatement(const json& statement) {
  if (!statement.is_object()) return statement;
  json canonical = statement;
  for (const char* key : {"Action", "NotAction", "Resource", "NotResource"}) {
    if (statement.contains(key)) canonical[key] = SortedList(statement[key]);
  }
  for (const char* key : {"Principal", "NotPrincipal"}) {
    if (statement.contains(key)) canonical[key] = CanonicalPrincipal(statement[key]);
  }
  if (statement.contains("Condition")) canonical["Condition"] = CanonicalCondition(statement["Condition"]);
  return canonical;
}

}  // namespace

json CanonicalPolicy(const json& document) {
  if (!document.is_object() || !document.contains("Statement")) return document;
  json canonical = document;
  const json& statements = document["Statement"];
  std::vector<json> list;
  if (statements.is_array()) {
    for (const json& statement : statements) list.push_back(CanonicalStatement(statement));
  } else {
    list.push_back(CanonicalStatement(statements));
  }
  std::sort(list.begin(), list.end(), ByText);
  canonical["Statement"] = json(list);
  return canonical;
}

std::optional<json> ParsePolicyText(std::string_view text) {
  json parsed = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_discarded()) return parsed;
  std::optional<std::string> decoded = PercentDecode(text);
  if (!decoded.has_value()) return std::nullopt;
  parsed = json::parse(*decoded, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return std::nullopt;
  return parsed;
}

bool SamePolicy(const json& a, const json& b) { return CanonicalPolicy(a) == CanonicalPolicy(b); }

bool SameAsLive(std::string_view live_text, const json& desired) {
  std::optional<json> live = ParsePolicyText(live_text);
  return live.has_value() && SamePolicy(*live, desired);
}

}  // namespace foyer::iam
