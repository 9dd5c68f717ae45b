// Everything `foyer validate` checks, from a file on disk to a spec whose
// accounts, names and selectors make sense together.
#ifndef FOYER_ORG_ORG_VALIDATION_H_
#define FOYER_ORG_ORG_VALIDATION_H_

#include <filesystem>
#include <vector>

#include "base/result.h"
#include "org/naming.h"
#include "spec/diagnostic.h"
#include "spec/spec.h"

namespace foyer::org {

struct CheckedSpec {
  spec::Spec spec;
  // The accounts the spec asks for (naming.h); meaningful when ok().
  std::vector<DesiredAccount> accounts;
  // Every problem found, ordered by position.
  std::vector<spec::Diagnostic> diagnostics;

  bool ok() const { return diagnostics.empty(); }
};

// The checks that need the account list: spec::ValidateSpec, then account
// names (naming.h) and selectors (selector.h).
// REQUIRES: `spec` parsed without diagnostics and its files are loaded.
std::vector<spec::Diagnostic> ValidateOrganization(const spec::Spec& spec);

// Reads, parses and checks the spec at `path`. Structural problems (syntax,
// unknown keys, wrong types) are reported alone, since the meaning of a
// half-read file is guesswork; otherwise every other problem is reported.
// The error is only for a file that cannot be read.
Result<CheckedSpec> CheckSpecFile(const std::filesystem::path& path);

// For commands that need a valid spec: the checked spec, or an error whose
// message lists every diagnostic, one per line.
Result<CheckedSpec> LoadValidSpec(const std::filesystem::path& path);

}  // namespace foyer::org

#endif  // FOYER_ORG_ORG_VALIDATION_H_
