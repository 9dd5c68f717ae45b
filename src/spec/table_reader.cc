#include "spec/table_reader.h"

#include <algorithm>
#include <utility>

#include "spec/suggest.h"

namespace foyer::spec {

SourcePosition PositionOf(const toml::source_region& region) {
  return SourcePosition{static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
}

std::string DescribeType(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a float";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    case toml::node_type::none: break;
  }
  return "nothing";
}

TableReader::TableReader(const toml::table& table, std::string where,
                         std::vector<std::string> allowed, Diagnostics& diagnostics)
    : table_(table), where_(std::move(where)), allowed_(std::move(allowed)),
      diagnostics_(diagnostics) {}

void TableReader::WrongType(std::string_view key, const toml::node& node,
                            std::string_view expected) {
  diagnostics_.Add(PositionOf(node.source()), "'" + std::string(key) + "' " + where_ +
                                                  " must be " + std::string(expected) + ", not " +
                                                  DescribeType(node));
}

std::optional<LocatedString> TableReader::String(std::string_view key) {
  const toml::node* node = table_.get(key);
  if (node == nullptr) return std::nullopt;
  if (const auto* text = node->as_string()) {
    return LocatedString{text->get(), PositionOf(node->source())};
  }
  WrongType(key, *node, "a string");
  return std::nullopt;
}

LocatedString TableReader::RequiredString(std::string_view key) {
  if (table_.get(key) == nullptr) {
    diagnostics_.Add(at(), "missing key '" + std::string(key) + "' " + where_);
  }
  return String(key).value_or(LocatedString{"", at()});
}

std::optional<NameList> TableReader::StringList(std::string_view key) {
  const toml::node* node = table_.get(key);
  if (node == nullptr) return std::nullopt;
  const auto* array = node->as_array();
  if (array == nullptr) {
    WrongType(key, *node, "an array of strings");
    return std::nullopt;
  }
  NameList list;
  list.at = PositionOf(node->source());
  for (const toml::node& element : *array) {
    if (const auto* text = element.as_string()) {
      list.items.push_back(LocatedString{text->get(), PositionOf(element.source())});
    } else {
      diagnostics_.Add(PositionOf(element.source()), "'" + std::string(key) + "' " + where_ +
                                                         " must hold only strings, not " +
                                                         DescribeType(element));
    }
  }
  return list;
}

NameList TableReader::RequiredStringList(std::string_view key) {
  if (!Has(key)) {
    diagnostics_.Add(at(), "missing key '" + std::string(key) + "' " + where_);
  }
  return StringList(key).value_or(NameList{{}, at()});
}

std::optional<Located<int64_t>> TableReader::Integer(std::string_view key) {
  const toml::node* node = table_.get(key);
  if (node == nullptr) return std::nullopt;
  if (const auto* number = node->as_integer()) {
    return Located<int64_t>{number->get(), PositionOf(node->source())};
  }
  WrongType(key, *node, "an integer");
  return std::nullopt;
}

std::optional<bool> TableReader::Boolean(std::string_view key) {
  const toml::node* node = table_.get(key);
  if (node == nullptr) return std::nullopt;
  if (const auto* flag = node->as_boolean()) return flag->get();
  WrongType(key, *node, "true or false");
  return std::nullopt;
}

const toml::table* TableReader::Table(std::string_view key) {
  const toml::node* node = table_.get(key);
  if (node == nullptr) return nullptr;
  if (const auto* table = node->as_table()) return table;
  WrongType(key, *node, "a table");
  return nullptr;
}

std::vector<const toml::table*> TableReader::TableArray(std::string_view key,
                                                       std::string_view written_as) {
  std::vector<const toml::table*> tables;
  const toml::node* node = table_.get(key);
  if (node == nullptr) return tables;
  const auto* array = node->as_array();
  if (array == nullptr) {
    WrongType(key, *node, written_as);
    return tables;
  }
  for (const toml::node& element : *array) {
    if (const auto* table = element.as_table()) {
      tables.push_back(table);
    } else {
      diagnostics_.Add(PositionOf(element.source()), "'" + std::string(key) + "' " + where_ +
                                                         " must hold only tables, not " +
                                                         DescribeType(element));
    }
  }
  return tables;
}

void TableReader::ReportUnknownKeys() {
  for (const auto& [key, node] : table_) {
    const std::string name(key.str());
    if (std::find(allowed_.begin(), allowed_.end(), name) != allowed_.end()) continue;
    diagnostics_.Add(PositionOf(key.source()),
                     "unknown key '" + name + "' " + where_ + DidYouMean(name, allowed_));
  }
}

}  // namespace foyer::spec
