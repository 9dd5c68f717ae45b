#include "iam/wildcard.h"

namespace foyer::iam {
namespace {

char Fold(char c, bool ignore_case) {
  return ignore_case && c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// One step of the pattern: a wildcard or a literal character, and its width
// in the pattern (2 for an escaped character).
struct Token {
  char literal;
  enum Kind { kLiteral, kStar, kQuestion } kind;
  size_t width;
};

Token TokenAt(std::string_view pattern, size_t at, bool escapes) {
  char c = pattern[at];
  if (escapes && c == '\\' && at + 1 < pattern.size()) return {pattern[at + 1], Token::kLiteral, 2};
  if (c == '*') return {c, Token::kStar, 1};
  if (c == '?') return {c, Token::kQuestion, 1};
  return {c, Token::kLiteral, 1};
}

}  // namespace

// Greedy matching with a single backtrack point: on a mismatch after a `*`,
// let that star swallow one more character and retry. Linear in practice,
// O(n*m) at worst, never exponential.
bool WildcardMatch(std::string_view pattern, std::string_view text, WildcardOptions options) {
  if (pattern.size() == 1 && pattern[0] == '*') return true;
  size_t p = 0, t = 0;
  size_t star_p = std::string_view::npos, star_t = 0;
  while (t < text.size()) {
    if (p < pattern.size()) {
      Token token = TokenAt(pattern, p, options.escapes);
      if (token.kind == Token::kStar) {
        star_p = p + token.width;
        star_t = t;
        p = star_p;
        continue;
      }
      if (token.kind == Token::kQuestion ||
          Fold(token.literal, options.ignore_case) == Fold(text[t], options.ignore_case)) {
        p += token.width;
        ++t;
        continue;
      }
    }
    if (star_p == std::string_view::npos) return false;
    p = star_p;
    t = ++star_t;
  }
  while (p < pattern.size()) {
    Token token = TokenAt(pattern, p, options.escapes);
    if (token.kind != Token::kStar) return false;
    p += token.width;
  }
  return true;
}

bool SplitArn(std::string_view arn, std::string_view (&fields)[6]) {
  size_t start = 0;
  for (int i = 0; i < 5; ++i) {
    size_t colon = arn.find(':', start);
    if (colon == std::string_view::npos) return false;
    fields[i] = arn.substr(start, colon - start);
    start = colon + 1;
  }
  fields[5] = arn.substr(start);
  return true;
}

// Splits the pattern field by field and stops at the first field that
// differs, which is usually the service or the account.
bool ArnMatchFields(std::string_view pattern, const std::string_view (&arn)[6], WildcardOptions options) {
  if (pattern == "*") return true;
  size_t start = 0;
  for (int i = 0; i < 5; ++i) {
    size_t colon = pattern.find(':', start);
    if (colon == std::string_view::npos) return false;
    if (!WildcardMatch(pattern.substr(start, colon - start), arn[i], options)) return false;
    start = colon + 1;
  }
  return WildcardMatch(pattern.substr(start), arn[5], options);
}

bool ArnMatch(std::string_view pattern, std::string_view arn, WildcardOptions options) {
  if (pattern == "*") return true;
  std::string_view have[6];
  return SplitArn(arn, have) && ArnMatchFields(pattern, have, options);
}

}  // namespace foyer::iam
