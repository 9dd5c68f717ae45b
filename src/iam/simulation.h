// The input and output of `foyer simulate` (DESIGN.md section 3):
//
//   {"request": {"principal": ARN, "action": "svc:Action", "resource": ARN,
//                "resource_account": ID, "context": {"key": value-or-list}},
//    "identity_policies": [...], "resource_policy": {...},
//    "scps": [[...root...], [...OU...], [...account...]],
//    "permission_boundary": {...}, "session_policy": {...},
//    "management_account": false}
//
// Each policy is a document (object, JSON text, or URL-encoded JSON text) or
// {"name": N, "document": D} to give it a name for the decision. Errors name
// the JSON path of the bad value ("request.context.aws:SourceIp[1]: ...").
#ifndef FOYER_IAM_SIMULATION_H_
#define FOYER_IAM_SIMULATION_H_

#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/result.h"
#include "iam/evaluator.h"
#include "iam/request.h"

namespace foyer::iam {

struct Simulation {
  Request request;
  PolicySet policies;
};

// Reads a simulation from parsed JSON. Held by pointer so that decisions,
// which point into its policies, stay valid wherever it is passed.
Result<std::unique_ptr<Simulation>> ReadSimulation(const nlohmann::json& input);

// Reads a simulation from JSON text.
Result<std::unique_ptr<Simulation>> ReadSimulationText(std::string_view text);

// {"decision":"allow","deciding":[{"policy":"identity_policies[0]","statement":0}]}
nlohmann::ordered_json DecisionJson(const Decision& decision);

// A few lines for a person: the verdict (and, for an implicit deny, the gate
// it did not pass), then each deciding statement with its Sid and effect.
std::string ExplainDecision(const Decision& decision);

}  // namespace foyer::iam

#endif  // FOYER_IAM_SIMULATION_H_
