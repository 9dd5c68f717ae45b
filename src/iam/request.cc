#include "iam/request.h"

#include <algorithm>
#include <cctype>

namespace foyer::iam {
namespace {

std::string Lowercase(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

}  // namespace

void RequestContext::Set(std::string_view key, std::string value) {
  ContextValue& slot = values_[Lowercase(key)];
  slot.values.assign(1, std::move(value));
  slot.multivalued = false;
}

void RequestContext::SetList(std::string_view key, std::vector<std::string> values) {
  ContextValue& slot = values_[Lowercase(key)];
  slot.values = std::move(values);
  slot.multivalued = true;
}

const ContextValue* RequestContext::Find(std::string_view lowercase_key) const {
  auto it = values_.find(lowercase_key);
  return it == values_.end() ? nullptr : &it->second;
}

const ContextValue* RequestContext::FindAnyCase(std::string_view key) const {
  return Find(Lowercase(key));
}

}  // namespace foyer::iam
