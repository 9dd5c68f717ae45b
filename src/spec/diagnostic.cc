#include "spec/diagnostic.h"

#include <algorithm>
#include <tuple>
#include <utility>

namespace foyer::spec {

std::string Diagnostic::ToString() const {
  return file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) +
         ": error: " + message;
}

void Diagnostics::Add(SourcePosition at, std::string message) {
  list.push_back(Diagnostic{file, at, std::move(message)});
}

void SortByPosition(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.at.line, a.at.column) < std::tie(b.at.line, b.at.column);
                   });
}

}  // namespace foyer::spec
