// Plain-text tables for people: columns padded to the widest cell, no
// borders, so that output stays greppable and pastes cleanly.
#ifndef FOYER_UI_TABLE_H_
#define FOYER_UI_TABLE_H_

#include <string>
#include <vector>

namespace foyer::ui {

class Table {
 public:
  explicit Table(std::vector<std::string> header = {}) : header_(std::move(header)) {}

  void AddRow(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
  bool empty() const { return rows_.empty(); }

  // Every row on its own line, cells separated by two spaces, the last
  // column not padded. The header, when there is one, comes first.
  std::string Render() const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace foyer::ui

#endif  // FOYER_UI_TABLE_H_
