// TableReader: reads the keys of one TOML table against a fixed schema.
//
// The parser asks for each key with the type it expects; the reader turns
// every mismatch into a Diagnostic naming the key and the table ("'regions'
// in [organization] must be an array of strings, not a string") and carries
// on, so that one pass finds every structural mistake. Keys nobody asked
// for are reported by ReportUnknownKeys with a "did you mean" hint.
#ifndef FOYER_SPEC_TABLE_READER_H_
#define FOYER_SPEC_TABLE_READER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "spec/diagnostic.h"
#include "spec/spec.h"

namespace foyer::spec {

SourcePosition PositionOf(const toml::source_region& region);

class TableReader {
 public:
  // `where` says which table this is, with its preposition, for messages:
  // "in [organization]", "at the top level". `allowed` is every key the
  // table may hold, for unknown-key hints.
  TableReader(const toml::table& table, std::string where, std::vector<std::string> allowed,
              Diagnostics& diagnostics);

  // Once a table's name is known, messages can say "in [[domain]] 'payments'".
  void set_where(std::string where) { where_ = std::move(where); }
  const std::string& where() const { return where_; }
  SourcePosition at() const { return PositionOf(table_.source()); }

  bool Has(std::string_view key) const { return table_.contains(key); }

  // Each getter returns nothing when the key is absent or has the wrong
  // type (the latter adds a diagnostic). Required* also report absence.
  std::optional<LocatedString> String(std::string_view key);
  LocatedString RequiredString(std::string_view key);
  std::optional<NameList> StringList(std::string_view key);
  NameList RequiredStringList(std::string_view key);
  std::optional<Located<int64_t>> Integer(std::string_view key);
  std::optional<bool> Boolean(std::string_view key);
  const toml::table* Table(std::string_view key);
  // An array whose elements must all be tables ([[domain]], grants).
  std::vector<const toml::table*> TableArray(std::string_view key, std::string_view written_as);

  // Reports every key of the table that is not in `allowed`.
  void ReportUnknownKeys();

 private:
  void WrongType(std::string_view key, const toml::node& node, std::string_view expected);

  const toml::table& table_;
  std::string where_;
  std::vector<std::string> allowed_;
  Diagnostics& diagnostics_;
};

// "a string", "an integer", ...: a TOML type as a person would say it.
std::string DescribeType(const toml::node& node);

}  // namespace foyer::spec

#endif  // FOYER_SPEC_TABLE_READER_H_
