// The INI dialect of the AWS config and credentials files, read exactly the
// way the AWS CLI reads it (Python's RawConfigParser plus botocore's nested
// sub-sections), so that a file the CLI accepts means the same thing here.
//
//   [profile dev]            section names are case-sensitive, kept verbatim
//   Region = us-east-1       keys are lower-cased; '=' or ':' separates
//   role_arn = arn:aws:...   the value is everything after the first separator
//   # comment                '#' or ';' as the first non-blank character only
//   s3 =                     an empty value followed by more-indented
//     addressing_style = path  'key = value' lines is a nested sub-section
//   note = first             more-indented lines continue a value
//     second
//
// Two things differ from the CLI on purpose: a section that appears twice is
// merged (the CLI refuses the file), and a key repeated within a section
// keeps its last value (the CLI refuses that too). `[DEFAULT]` behaves as in
// RawConfigParser: its keys are inherited by every other section.
#ifndef FOYER_CREDS_INI_FILE_H_
#define FOYER_CREDS_INI_FILE_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace foyer::creds {

struct IniValue {
  // The value with surrounding blanks removed; continuation lines are joined
  // with '\n'. Empty for a nested sub-section.
  std::string text;
  // The `key = value` pairs of a nested sub-section (keys keep their case,
  // as botocore keeps them).
  std::map<std::string, std::string> nested;
  bool is_nested = false;
  int line = 0;  // where the key was written, 1-based
};

struct IniSection {
  std::string name;
  int line = 0;  // of the first header naming it
  std::map<std::string, IniValue> values;  // keys lower-cased

  // The flat value of `key`, or nullptr when absent or nested.
  const std::string* Find(std::string_view key) const;
};

struct IniFile {
  std::string path;  // as given, for messages
  // In order of first appearance in the file.
  std::vector<IniSection> sections;

  const IniSection* FindSection(std::string_view name) const;
};

// Parses `text`. Errors (code "ConfigError") read "PATH:LINE: what is wrong;
// what to do" and never quote the line itself, which may hold a secret.
Result<IniFile> ParseIni(std::string_view text, const std::string& path);

// Reads and parses the file at `path`; nullopt when it does not exist.
Result<std::optional<IniFile>> ReadIniFile(const std::string& path);

}  // namespace foyer::creds

#endif  // FOYER_CREDS_INI_FILE_H_
