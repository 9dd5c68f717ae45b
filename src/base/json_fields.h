// Reading fields of untrusted JSON without exceptions: a missing member or
// one of another type reads as empty.
#ifndef FOYER_BASE_JSON_FIELDS_H_
#define FOYER_BASE_JSON_FIELDS_H_

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace foyer {

// The string member `key` of `object`, or "" when `object` is not an object,
// has no such member, or the member is not a string.
inline std::string StringField(const nlohmann::json& object, std::string_view key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

}  // namespace foyer

#endif  // FOYER_BASE_JSON_FIELDS_H_
