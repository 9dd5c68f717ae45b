// The foyer.toml that `foyer init` writes: every table, commented, and
// valid as it stands so that `foyer validate` passes on it at once.
#ifndef FOYER_SPEC_STARTER_SPEC_H_
#define FOYER_SPEC_STARTER_SPEC_H_

#include <string_view>

namespace foyer::spec {

std::string_view StarterSpecText();

}  // namespace foyer::spec

#endif  // FOYER_SPEC_STARTER_SPEC_H_
