#include "aws/query_params.h"

#include "base/url_encoding.h"

namespace foyer::aws {

void QueryParams::Add(std::string name, std::string value) {
  pairs_.emplace_back(std::move(name), std::move(value));
}

void QueryParams::AddIfNotEmpty(std::string name, const std::string& value) {
  if (!value.empty()) Add(std::move(name), value);
}

void QueryParams::AddIfSet(std::string name, std::optional<int> value) {
  if (value.has_value()) Add(std::move(name), std::to_string(*value));
}

void QueryParams::AddBool(std::string name, bool value) {
  Add(std::move(name), value ? "true" : "false");
}

void QueryParams::AddList(const std::string& prefix, const std::vector<std::string>& values) {
  for (size_t i = 0; i < values.size(); ++i) {
    Add(prefix + ".member." + std::to_string(i + 1), values[i]);
  }
}

void QueryParams::AddPairList(const std::string& prefix, const Pairs& pairs,
                              std::string_view key_name, std::string_view value_name) {
  for (size_t i = 0; i < pairs.size(); ++i) {
    std::string member = prefix + ".member." + std::to_string(i + 1) + ".";
    Add(member + std::string(key_name), pairs[i].first);
    Add(member + std::string(value_name), pairs[i].second);
  }
}

void QueryParams::AddMap(const std::string& prefix, const Pairs& entries) {
  for (size_t i = 0; i < entries.size(); ++i) {
    std::string entry = prefix + ".entry." + std::to_string(i + 1) + ".";
    Add(entry + "key", entries[i].first);
    Add(entry + "value", entries[i].second);
  }
}

std::string QueryParams::Encode() const { return EncodeQueryString(pairs_); }

}  // namespace foyer::aws
