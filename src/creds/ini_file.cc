#include "creds/ini_file.h"

#include <cerrno>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

namespace foyer::creds {
namespace {

// Python's str.isspace() over ASCII, which is what RawConfigParser strips.
bool IsBlank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' ||
         (c >= '\x1c' && c <= '\x1f');
}

std::string_view Strip(std::string_view text) {
  while (!text.empty() && IsBlank(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsBlank(text.back())) text.remove_suffix(1);
  return text;
}

std::string Lower(std::string_view text) {
  std::string lowered(text);
  for (char& c : lowered) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lowered;
}

// Splits on "\n", "\r\n" and "\r", as Python's universal newlines do.
std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') continue;
    lines.push_back(text.substr(start, i - start));
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

// A value as it is being read: one entry per physical line.
struct RawValue {
  std::vector<std::string> lines;
  std::vector<int> line_numbers;
};

struct RawSection {
  std::string name;
  int line = 0;
  std::map<std::string, RawValue> values;
  std::vector<std::string> key_order;
};

Error LineError(const std::string& path, int line, const std::string& what) {
  return MakeError("ConfigError", path + ":" + std::to_string(line) + ": " + what);
}

class Parser {
 public:
  explicit Parser(const std::string& path) : path_(path) {}

  Status ReadLine(std::string_view line, int number) {
    std::string_view value = Strip(line);
    if (value.empty() || value.front() == '#' || value.front() == ';') {
      // Blank lines belong to the value being read (they end nothing);
      // comment lines are dropped.
      if (value.empty() && option_ != nullptr) AddLine(*option_, "", number);
      return OkStatus();
    }
    size_t indent = 0;
    while (indent < line.size() && IsBlank(line[indent])) ++indent;
    if (option_ != nullptr && indent > indent_level_) {
      AddLine(*option_, value, number);
      return OkStatus();
    }
    indent_level_ = indent;
    option_ = nullptr;
    size_t close = value.rfind(']');
    if (value.front() == '[' && close != std::string_view::npos && close >= 2) {
      OpenSection(value.substr(1, close - 1), number);
      return OkStatus();
    }
    if (section_ == nullptr) {
      return LineError(path_, number,
                       "a setting comes before any [section] header; start the file with a "
                       "header such as [default] or [profile NAME]");
    }
    return ReadSetting(value, number);
  }

  Result<IniFile> Finish() {
    IniFile file;
    file.path = path_;
    for (const RawSection& raw : sections_) {
      Result<IniSection> section = Build(raw);
      if (!section.ok()) return section.error();
      file.sections.push_back(std::move(*section));
    }
    Result<IniSection> defaults = Build(defaults_);
    if (!defaults.ok()) return defaults.error();
    for (IniSection& section : file.sections) {
      for (const auto& [key, value] : defaults->values) section.values.emplace(key, value);
    }
    return file;
  }

 private:
  static void AddLine(RawValue& value, std::string_view text, int number) {
    value.lines.emplace_back(text);
    value.line_numbers.push_back(number);
  }

  void OpenSection(std::string_view name, int number) {
    if (name == "DEFAULT") {
      section_ = &defaults_;
      return;
    }
    for (RawSection& existing : sections_) {
      if (existing.name == name) {
        section_ = &existing;
        return;
      }
    }
    sections_.push_back(RawSection{std::string(name), number, {}, {}});
    section_ = &sections_.back();
  }

  Status ReadSetting(std::string_view text, int number) {
    size_t separator = text.find_first_of("=:");
    if (separator == std::string_view::npos) {
      return LineError(path_, number,
                       "this line is neither a [section] header, a 'key = value' setting nor a "
                       "comment; write it as 'key = value', or start it with '#' to comment it out");
    }
    std::string_view key = Strip(text.substr(0, separator));
    if (key.empty()) {
      return LineError(path_, number, "a setting has no name before its '" +
                                          std::string(1, text[separator]) +
                                          "'; write it as 'key = value'");
    }
    std::string name = Lower(key);
    if (section_->values.count(name) == 0) section_->key_order.push_back(name);
    RawValue& value = section_->values[name];
    value = RawValue{};
    AddLine(value, Strip(text.substr(separator + 1)), number);
    option_ = &value;
    return OkStatus();
  }

  Result<IniSection> Build(const RawSection& raw) const {
    IniSection section;
    section.name = raw.name;
    section.line = raw.line;
    for (const std::string& key : raw.key_order) {
      Result<IniValue> value = BuildValue(key, raw.values.at(key));
      if (!value.ok()) return value.error();
      section.values[key] = std::move(*value);
    }
    return section;
  }

  // Joins the lines as RawConfigParser does, then splits an empty first line
  // followed by more into a nested sub-section, as botocore does.
  Result<IniValue> BuildValue(const std::string& key, const RawValue& raw) const {
    IniValue value;
    value.line = raw.line_numbers.front();
    size_t last = raw.lines.size();
    while (last > 1 && raw.lines[last - 1].empty()) --last;
    if (raw.lines.front().empty() && last > 1) {
      value.is_nested = true;
      for (size_t i = 1; i < last; ++i) {
        if (raw.lines[i].empty()) continue;
        size_t equals = raw.lines[i].find('=');
        if (equals == std::string::npos) {
          return LineError(path_, raw.line_numbers[i],
                           "a line in the nested settings of '" + key +
                               "' has no '='; write it as 'name = value', indented under '" + key +
                               " ='");
        }
        std::string_view line = raw.lines[i];
        value.nested[std::string(Strip(line.substr(0, equals)))] =
            std::string(Strip(line.substr(equals + 1)));
      }
      return value;
    }
    for (size_t i = 0; i < last; ++i) {
      if (i > 0) value.text += '\n';
      value.text += raw.lines[i];
    }
    return value;
  }

  std::string path_;
  std::deque<RawSection> sections_;  // a deque keeps section_ valid as it grows
  RawSection defaults_;
  RawSection* section_ = nullptr;
  RawValue* option_ = nullptr;
  size_t indent_level_ = 0;
};

}  // namespace

const std::string* IniSection::Find(std::string_view key) const {
  auto it = values.find(std::string(key));
  if (it == values.end() || it->second.is_nested) return nullptr;
  return &it->second.text;
}

const IniSection* IniFile::FindSection(std::string_view name) const {
  for (const IniSection& section : sections) {
    if (section.name == name) return &section;
  }
  return nullptr;
}

Result<IniFile> ParseIni(std::string_view text, const std::string& path) {
  Parser parser(path);
  int number = 0;
  for (std::string_view line : SplitLines(text)) {
    FOYER_RETURN_IF_ERROR(parser.ReadLine(line, ++number));
  }
  return parser.Finish();
}

Result<std::optional<IniFile>> ReadIniFile(const std::string& path) {
  // Like the CLI, anything but a regular file counts as no file at all.
  std::error_code ignored;
  if (!std::filesystem::is_regular_file(path, ignored)) return std::optional<IniFile>();
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError("ConfigError", "cannot read " + path + ": " + std::strerror(errno));
  std::ostringstream contents;
  contents << in.rdbuf();
  Result<IniFile> parsed = ParseIni(contents.str(), path);
  if (!parsed.ok()) return parsed.error();
  return std::optional<IniFile>(std::move(*parsed));
}

}  // namespace foyer::creds
