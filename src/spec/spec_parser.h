// Parsing foyer.toml text into a Spec.
//
// The parser checks structure only: TOML syntax, that every key is known
// (with a "did you mean" hint when it is not), that every value has the
// right type, that required keys are present. It reports every such problem
// at once. Meaning (references between names, formats, limits) is checked
// by spec_validation.h on a Spec that parsed cleanly.
#ifndef FOYER_SPEC_SPEC_PARSER_H_
#define FOYER_SPEC_SPEC_PARSER_H_

#include <string>
#include <string_view>
#include <vector>

#include "spec/diagnostic.h"
#include "spec/spec.h"

namespace foyer::spec {

struct ParsedSpec {
  // As much of the spec as could be read; trustworthy only when
  // `diagnostics` is empty.
  Spec spec;
  std::vector<Diagnostic> diagnostics;

  bool ok() const { return diagnostics.empty(); }
};

// Parses `text`; `file` names it in diagnostics. Never throws. Referenced
// files (policy_file, metadata_file) are not read here: see spec_loader.h.
ParsedSpec ParseSpec(std::string_view text, std::string file);

}  // namespace foyer::spec

#endif  // FOYER_SPEC_SPEC_PARSER_H_
