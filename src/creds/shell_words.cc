#include "creds/shell_words.h"

namespace foyer::creds {
namespace {

// shlex's whitespace: space, tab, carriage return and newline.
bool IsWordBreak(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

Result<std::vector<std::string>> SplitShellWords(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i++];
    if (IsWordBreak(c)) {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
      continue;
    }
    in_word = true;
    if (c == '\\') {
      if (i == text.size()) {
        return MakeError("ConfigError", "the command ends with a lone backslash");
      }
      word += text[i++];
    } else if (c == '\'' || c == '"') {
      bool closed = false;
      while (i < text.size()) {
        char q = text[i++];
        if (q == c) {
          closed = true;
          break;
        }
        if (c == '"' && q == '\\' && i < text.size() && (text[i] == '"' || text[i] == '\\')) {
          q = text[i++];
        }
        word += q;
      }
      if (!closed) {
        return MakeError("ConfigError",
                         std::string("the command has an unterminated ") +
                             (c == '"' ? "double" : "single") + " quote");
      }
    } else {
      word += c;
    }
  }
  if (in_word) words.push_back(std::move(word));
  return words;
}

}  // namespace foyer::creds
