// Reading JSON-protocol (and REST-JSON) responses.
#ifndef FOYER_AWS_JSON_PROTOCOL_H_
#define FOYER_AWS_JSON_PROTOCOL_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "aws/credentials.h"
#include "base/result.h"

namespace foyer::aws {

// Parses a response body: {} for an empty body or JSON null, the document
// for a JSON object, "ParseError" for anything else (truncated, not an object).
Result<nlohmann::json> ParseJsonResult(std::string_view body);

// Lenient readers: a missing member, or one of another type, reads as
// empty / nullopt, because AWS omits members freely.
std::string JsonString(const nlohmann::json& object, std::string_view key);
std::optional<long long> JsonInt(const nlohmann::json& object, std::string_view key);
bool JsonBool(const nlohmann::json& object, std::string_view key);
std::vector<std::string> JsonStrings(const nlohmann::json& object, std::string_view key);
// The member if it is an array, else an empty array.
const nlohmann::json& JsonArray(const nlohmann::json& object, std::string_view key);
// The member if it is an object, else an empty object.
const nlohmann::json& JsonObject(const nlohmann::json& object, std::string_view key);
// JSON-protocol timestamps: epoch seconds as a number (fractions allowed),
// or an ISO 8601 string.
std::optional<Clock::time_point> JsonTimestamp(const nlohmann::json& object, std::string_view key);

}  // namespace foyer::aws

#endif  // FOYER_AWS_JSON_PROTOCOL_H_
