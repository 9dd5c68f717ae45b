// The foyer.toml that `foyer init` writes: every table, commented, and
// valid as it stands so that `foyer validate` passes on it at once.
#ifndef FOYER_SPEC_STARTER_SPEC_H_
#define FOYER_SPEC_STARTER_SPEC_H_

#include <filesystem>
#include <string_view>

#include "base/result.h"

namespace foyer::spec {

std::string_view StarterSpecText();

// Writes StarterSpecText() to `path`. Refuses to replace an existing file
// unless `overwrite`: a foyer.toml is the organization's source of truth.
Status WriteStarterSpec(const std::filesystem::path& path, bool overwrite);

}  // namespace foyer::spec

#endif  // FOYER_SPEC_STARTER_SPEC_H_
