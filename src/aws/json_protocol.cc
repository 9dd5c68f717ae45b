#include "aws/json_protocol.h"

#include <cmath>

#include "base/time_format.h"

namespace foyer::aws {
namespace {

const nlohmann::json* Member(const nlohmann::json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

}  // namespace

Result<nlohmann::json> ParseJsonResult(std::string_view body) {
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return nlohmann::json::object();
  nlohmann::json document = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) {
    return MakeError("ParseError", "the response is not valid JSON (" +
                                       std::to_string(body.size()) + " bytes, truncated or garbled)");
  }
  // moto answers operations without output (kms:PutKeyPolicy...) with "null".
  if (document.is_null()) return nlohmann::json::object();
  if (!document.is_object()) return MakeError("ParseError", "the response is JSON but not an object");
  return document;
}

std::string JsonString(const nlohmann::json& object, std::string_view key) {
  const nlohmann::json* member = Member(object, key);
  return member != nullptr && member->is_string() ? member->get<std::string>() : "";
}

std::optional<long long> JsonInt(const nlohmann::json& object, std::string_view key) {
  const nlohmann::json* member = Member(object, key);
  if (member == nullptr || !member->is_number_integer()) return std::nullopt;
  return member->get<long long>();
}

bool JsonBool(const nlohmann::json& object, std::string_view key) {
  const nlohmann::json* member = Member(object, key);
  return member != nullptr && member->is_boolean() && member->get<bool>();
}

std::vector<std::string> JsonStrings(const nlohmann::json& object, std::string_view key) {
  std::vector<std::string> strings;
  for (const nlohmann::json& item : JsonArray(object, key)) {
    if (item.is_string()) strings.push_back(item.get<std::string>());
  }
  return strings;
}

const nlohmann::json& JsonArray(const nlohmann::json& object, std::string_view key) {
  static const nlohmann::json kEmpty = nlohmann::json::array();
  const nlohmann::json* member = Member(object, key);
  return member != nullptr && member->is_array() ? *member : kEmpty;
}

const nlohmann::json& JsonObject(const nlohmann::json& object, std::string_view key) {
  static const nlohmann::json kEmpty = nlohmann::json::object();
  const nlohmann::json* member = Member(object, key);
  return member != nullptr && member->is_object() ? *member : kEmpty;
}

std::optional<Clock::time_point> JsonTimestamp(const nlohmann::json& object, std::string_view key) {
  const nlohmann::json* member = Member(object, key);
  if (member == nullptr) return std::nullopt;
  if (member->is_number()) {
    double seconds = member->get<double>();
    // Beyond year 9999 is not a date AWS sends; it would overflow the clock.
    if (!std::isfinite(seconds) || seconds < 0 || seconds > 253402300799.0) return std::nullopt;
    return Clock::time_point(std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(seconds)));
  }
  if (member->is_string()) {
    Result<SystemTime> time = ParseIso8601(member->get<std::string>());
    if (time.ok()) return *time;
  }
  return std::nullopt;
}

}  // namespace foyer::aws
