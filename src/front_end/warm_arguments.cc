#include "front_end/warm_arguments.h"

#include <map>

namespace foyer::front_end {
namespace {

// Splits "--role=X" into ("--role", "X"); "--role" alone into ("--role", nullopt).
std::pair<std::string, std::optional<std::string>> SplitOption(const std::string& word) {
  size_t equals = word.find('=');
  if (equals == std::string::npos) return {word, std::nullopt};
  return {word.substr(0, equals), word.substr(equals + 1)};
}

}  // namespace

std::optional<access::TargetSessionOptions> WarmCredentialProcessArguments(const std::vector<std::string>& arguments) {
  if (arguments.empty() || arguments[0] != "credential-process") return std::nullopt;
  access::TargetSessionOptions options;
  std::map<std::string, std::string*> fields = {
      {"--role", &options.role}, {"--org", &options.org}, {"--group", &options.group}};
  std::map<std::string, bool> seen;
  bool has_target = false;
  for (size_t i = 1; i < arguments.size(); ++i) {
    const std::string& word = arguments[i];
    if (word.empty()) return std::nullopt;
    if (word[0] != '-') {
      if (has_target) return std::nullopt;
      options.target = word;
      has_target = true;
      continue;
    }
    auto [name, value] = SplitOption(word);
    auto field = fields.find(name);
    if (field == fields.end() || seen[name]) return std::nullopt;
    seen[name] = true;
    if (!value) {
      if (i + 1 >= arguments.size()) return std::nullopt;
      value = arguments[++i];
    }
    if (value->empty() || (*value)[0] == '-') return std::nullopt;
    *field->second = *value;
  }
  if (!has_target) return std::nullopt;
  options.use_cache = true;
  return options;
}

}  // namespace foyer::front_end
