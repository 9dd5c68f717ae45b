#include "iam/variables.h"

#include <algorithm>
#include <cctype>

namespace foyer::iam {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

void AppendEscaped(std::string_view text, Substitution mode, std::string& out) {
  for (char c : text) {
    if (mode == Substitution::kPattern && (c == '*' || c == '?' || c == '\\')) out.push_back('\\');
    out.push_back(c);
  }
}

// Resolves the inside of `${...}`; false when it cannot be resolved.
bool Resolve(std::string_view inside, const RequestContext& context, Substitution mode, std::string& out) {
  if (inside == "*" || inside == "?" || inside == "$") {
    AppendEscaped(inside, mode, out);
    return true;
  }
  std::string_view key = inside;
  std::string_view fallback;
  bool has_default = false;
  size_t comma = inside.find(',');
  if (comma != std::string_view::npos) {
    key = inside.substr(0, comma);
    std::string_view rest = Trim(inside.substr(comma + 1));
    if (rest.size() >= 2 && rest.front() == '\'' && rest.back() == '\'') {
      fallback = rest.substr(1, rest.size() - 2);
      has_default = true;
    }
  }
  const ContextValue* value = context.FindAnyCase(Trim(key));
  if (value && !value->multivalued && !value->values.empty() && !value->values[0].empty()) {
    AppendEscaped(value->values[0], mode, out);
    return true;
  }
  if (has_default && !fallback.empty()) {
    AppendEscaped(fallback, mode, out);
    return true;
  }
  return false;
}

}  // namespace

bool HasVariables(std::string_view value) { return value.find("${") != std::string_view::npos; }

bool SubstituteVariables(std::string_view value, const RequestContext& context, Substitution mode,
                         std::string& out) {
  out.clear();
  size_t at = 0;
  while (at < value.size()) {
    size_t open = value.find("${", at);
    size_t close = open == std::string_view::npos ? open : value.find('}', open + 2);
    if (close == std::string_view::npos) {
      for (char c : value.substr(at)) {
        if (mode == Substitution::kPattern && c == '\\') out.push_back('\\');
        out.push_back(c);
      }
      return true;
    }
    for (char c : value.substr(at, open - at)) {
      if (mode == Substitution::kPattern && c == '\\') out.push_back('\\');
      out.push_back(c);
    }
    if (!Resolve(value.substr(open + 2, close - open - 2), context, mode, out)) return false;
    at = close + 1;
  }
  return true;
}

}  // namespace foyer::iam
