#include "aws/iam_document.h"

#include <optional>

#include <nlohmann/json.hpp>

#include "base/url_encoding.h"

namespace foyer::aws {
namespace {

bool IsJson(std::string_view text) { return nlohmann::json::accept(text); }

}  // namespace

std::string DecodePolicyDocument(std::string_view text) {
  if (text.empty() || IsJson(text)) return std::string(text);
  std::optional<std::string> decoded = PercentDecode(text);
  if (decoded.has_value() && IsJson(*decoded)) return *decoded;
  return std::string(text);
}

}  // namespace foyer::aws
