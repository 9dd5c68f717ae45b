// Diagnostic: one error found in a foyer.toml, with the place it was found.
//
// Checking a spec never stops at the first problem: parsers and validators
// append Diagnostics to a list so that a person sees every mistake at once,
// each pointing at the exact value to change.
#ifndef FOYER_SPEC_DIAGNOSTIC_H_
#define FOYER_SPEC_DIAGNOSTIC_H_

#include <string>
#include <vector>

namespace foyer::spec {

// 1-based line and column in the spec file; 0 when unknown.
struct SourcePosition {
  int line = 0;
  int column = 0;
};

struct Diagnostic {
  std::string file;
  SourcePosition at;
  std::string message;

  // "file:line:col: error: message", the form compilers use, so that editors
  // can jump to the place.
  std::string ToString() const;
};

// The diagnostics of one file, collected in the order they are found.
struct Diagnostics {
  std::string file;
  std::vector<Diagnostic> list;

  void Add(SourcePosition at, std::string message);
  bool empty() const { return list.empty(); }
};

// Orders diagnostics by position, keeping the order of equal positions.
void SortByPosition(std::vector<Diagnostic>& diagnostics);

}  // namespace foyer::spec

#endif  // FOYER_SPEC_DIAGNOSTIC_H_
