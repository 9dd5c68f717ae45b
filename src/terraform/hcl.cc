#include "terraform/hcl.h"

#include <algorithm>
#include <cstdio>
#include <utility>

namespace foyer::terraform {
namespace {

std::string Indent(int depth) { return std::string(static_cast<size_t>(depth) * 2, ' '); }

// Lines `name = value`, the `=` aligned across the lines given. Values may
// span several lines; their continuation lines are written as they are.
std::string AlignedAttributes(const std::vector<std::pair<std::string, std::string>>& attributes, int depth) {
  size_t width = 0;
  for (const auto& attribute : attributes) width = std::max(width, attribute.first.size());
  std::string out;
  for (const auto& [name, value] : attributes) {
    out += Indent(depth) + name + std::string(width - name.size(), ' ') + " = " + value + "\n";
  }
  return out;
}

// An object constructor over several lines, its entries laid out
// unindented: Render indents them, since only it knows the block's depth.
std::string ObjectLines(const std::vector<std::pair<std::string, std::string>>& entries) {
  return "{\n" + AlignedAttributes(entries, 0) + "}";
}

}  // namespace

std::string QuoteHcl(std::string_view text) {
  std::string out = "\"";
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool opens_template = (c == '$' || c == '%') && i + 1 < text.size() && text[i + 1] == '{';
    if (opens_template) {
      out += c;
      out += c;
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

HclBlock::HclBlock(std::string type, std::vector<std::string> labels)
    : type_(std::move(type)), labels_(std::move(labels)) {}

HclBlock& HclBlock::String(std::string name, std::string_view value) {
  return Expression(std::move(name), QuoteHcl(value));
}

HclBlock& HclBlock::Bool(std::string name, bool value) {
  return Expression(std::move(name), value ? "true" : "false");
}

HclBlock& HclBlock::StringList(std::string name, const std::vector<std::string>& values) {
  std::string list = "[";
  for (size_t i = 0; i < values.size(); ++i) list += (i == 0 ? "" : ", ") + QuoteHcl(values[i]);
  return Expression(std::move(name), list + "]");
}

HclBlock& HclBlock::StringMap(std::string name, const std::map<std::string, std::string>& values) {
  std::vector<std::pair<std::string, std::string>> entries;
  for (const auto& [key, value] : values) entries.emplace_back(QuoteHcl(key), QuoteHcl(value));
  return Expression(std::move(name), ObjectLines(entries));
}

HclBlock& HclBlock::Object(std::string name, const std::map<std::string, std::string>& values) {
  std::vector<std::pair<std::string, std::string>> entries;
  for (const auto& [key, value] : values) entries.emplace_back(key, QuoteHcl(value));
  return Expression(std::move(name), ObjectLines(entries));
}

HclBlock& HclBlock::Expression(std::string name, std::string expression) {
  items_.push_back(Item{std::move(name), std::move(expression), {}});
  return *this;
}

HclBlock& HclBlock::Block(HclBlock block) {
  items_.push_back(Item{"", "", {std::move(block)}});
  return *this;
}

std::string HclBlock::Render(int depth) const {
  std::string out = Indent(depth) + type_;
  for (const std::string& label : labels_) out += " " + QuoteHcl(label);
  out += " {\n";
  std::vector<std::pair<std::string, std::string>> run;
  auto flush = [&] {
    out += AlignedAttributes(run, depth + 1);
    run.clear();
  };
  bool previous_was_block = false;
  for (const Item& item : items_) {
    if (!item.block.empty()) {
      flush();
      if (out.back() == '\n' && out.size() > 1 && out[out.size() - 2] != '{') out += "\n";
      out += item.block.front().Render(depth + 1);
      previous_was_block = true;
      continue;
    }
    if (previous_was_block) out += "\n";
    previous_was_block = false;
    // A value of several lines (a map) is indented as a whole, one level
    // deeper than its attribute for the entries, at the attribute's level
    // for the closing brace.
    std::string value;
    size_t start = 0;
    while (start < item.value.size()) {
      size_t end = item.value.find('\n', start);
      std::string line = item.value.substr(start, end == std::string::npos ? std::string::npos : end - start);
      if (start > 0) {
        bool closing = end == std::string::npos;
        value += "\n" + Indent(depth + (closing ? 1 : 2)) + line;
      } else {
        value += line;
      }
      if (end == std::string::npos) break;
      start = end + 1;
    }
    run.emplace_back(item.name, value);
    if (value.find('\n') != std::string::npos) flush();
  }
  flush();
  return out + Indent(depth) + "}\n";
}

}  // namespace foyer::terraform
