#include "ui/table.h"

#include <algorithm>

namespace foyer::ui {
namespace {

// Display width: counts UTF-8 code points, not bytes.
size_t DisplayWidth(const std::string& text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

std::string Table::Render() const {
  std::vector<const std::vector<std::string>*> lines;
  if (!header_.empty()) lines.push_back(&header_);
  for (const auto& row : rows_) lines.push_back(&row);

  std::vector<size_t> widths;
  for (const auto* line : lines) {
    if (widths.size() < line->size()) widths.resize(line->size(), 0);
    for (size_t i = 0; i < line->size(); ++i) widths[i] = std::max(widths[i], DisplayWidth((*line)[i]));
  }

  std::string out;
  for (const auto* line : lines) {
    std::string text;
    for (size_t i = 0; i < line->size(); ++i) {
      text += (*line)[i];
      if (i + 1 < line->size()) text.append(widths[i] - DisplayWidth((*line)[i]) + 2, ' ');
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  }
  return out;
}

}  // namespace foyer::ui
