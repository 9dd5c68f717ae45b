// Which command lines the front end may answer by itself.
//
// Only `foyer credential-process TARGET [--role R] [--org O] [--group G]`
// (each option once, as `--x V` or `--x=V`, non-empty values). Anything
// else — another command, `--no-cache`, `--help`, an unknown or repeated
// option, a second TARGET — goes to the full program, which parses it with
// CLI11 and reports errors; so the front end never has to know the whole
// command line grammar to stay exact.
#ifndef FOYER_FRONT_END_WARM_ARGUMENTS_H_
#define FOYER_FRONT_END_WARM_ARGUMENTS_H_

#include <optional>
#include <string>
#include <vector>

#include "access/target_session_plan.h"

namespace foyer::front_end {

// `arguments` excludes the program name. nullopt: not for the front end.
std::optional<access::TargetSessionOptions> WarmCredentialProcessArguments(const std::vector<std::string>& arguments);

}  // namespace foyer::front_end

#endif  // FOYER_FRONT_END_WARM_ARGUMENTS_H_
