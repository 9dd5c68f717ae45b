#include "aws/iam_document.h"

#include <nlohmann/json.hpp>

namespace foyer::aws {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsJson(std::string_view text) { return nlohmann::json::accept(text); }

}  // namespace

std::optional<std::string> PercentDecode(std::string_view text) {
  std::string decoded;
  decoded.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      decoded += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    int high = HexValue(text[i + 1]);
    int low = HexValue(text[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    decoded += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return decoded;
}

std::string DecodePolicyDocument(std::string_view text) {
  if (text.empty() || IsJson(text)) return std::string(text);
  std::optional<std::string> decoded = PercentDecode(text);
  if (decoded.has_value() && IsJson(*decoded)) return *decoded;
  return std::string(text);
}

}  // namespace foyer::aws
