#include "org/planner.h"

#include <set>

#include "base/error.h"

namespace foyer::org {

Result<Plan> BuildPlan(const PlanContext& context,
                       const std::vector<std::unique_ptr<ResourceFamily>>& families) {
  Plan plan;
  for (const auto& family : families) {
    Status status = family->AddChanges(context, plan);
    if (!status.ok()) {
      Error error = status.error();
      error.message = "planning " + std::string(family->Name()) + ": " + error.message;
      return error;
    }
  }
  std::set<std::string> seen;
  for (const Change& change : plan.changes) {
    if (!seen.insert(change.address).second) {
      return MakeError("InternalError", "two changes of the plan have the address " + change.address);
    }
  }
  return plan;
}

}  // namespace foyer::org
