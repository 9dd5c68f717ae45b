#include "aws/http.h"

#include <algorithm>
#include <strings.h>

namespace foyer::aws {
namespace {

bool SameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

std::string FindHeader(const HeaderList& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (SameName(key, name)) return value;
  }
  return "";
}

void SetHeader(HeaderList& headers, std::string_view name, std::string value) {
  RemoveHeader(headers, name);
  headers.emplace_back(std::string(name), std::move(value));
}

void RemoveHeader(HeaderList& headers, std::string_view name) {
  std::erase_if(headers, [name](const auto& header) { return SameName(header.first, name); });
}

}  // namespace foyer::aws
