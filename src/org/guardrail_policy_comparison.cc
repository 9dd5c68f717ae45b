#include "org/guardrail_policy_comparison.h"

#include <algorithm>
#include <string>

#include "base/url_encoding.h"

namespace foyer::org {
namespace {

using nlohmann::json;

// Keys whose value is a single string by nature, never a list.
bool IsScalarKey(const std::string& key) { return key == "Version" || key == "Sid" || key == "Effect"; }

json Canonical(const json& value, bool listable) {
  if (value.is_object()) {
    json result = json::object();
    for (const auto& [key, member] : value.items()) {
      // A single statement may stand without its list.
      bool lone_statement = key == "Statement" && member.is_object();
      result[key] = Canonical(lone_statement ? json::array({member}) : member, !IsScalarKey(key));
    }
    return result;
  }
  if (value.is_array()) {
    std::vector<json> items;
    for (const json& item : value) items.push_back(Canonical(item, false));
    std::sort(items.begin(), items.end(), [](const json& a, const json& b) { return a.dump() < b.dump(); });
    items.erase(std::unique(items.begin(), items.end()), items.end());
    return json(items);
  }
  // Condition values may be written as numbers or booleans; IAM reads them as
  // text either way.
  json text = value.is_string() ? value : json(value.dump());
  return listable ? json::array({text}) : text;
}

}  // namespace

json CanonicalDocument(const json& document) { return Canonical(document, false); }

std::optional<json> ParseDocumentText(std::string_view text) {
  json parsed = json::parse(text, nullptr, false);
  if (!parsed.is_discarded()) return parsed;
  std::optional<std::string> decoded = PercentDecode(text);
  if (!decoded.has_value()) return std::nullopt;
  parsed = json::parse(*decoded, nullptr, false);
  if (parsed.is_discarded()) return std::nullopt;
  return parsed;
}

bool SameDocument(std::string_view live_text, const json& desired) {
  std::optional<json> live = ParseDocumentText(live_text);
  return live.has_value() && CanonicalDocument(*live) == CanonicalDocument(desired);
}

}  // namespace foyer::org
