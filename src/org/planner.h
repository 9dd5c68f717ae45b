// The planner: runs every resource family over the same context, each
// appending the changes that take the live organization to the spec.
#ifndef FOYER_ORG_PLANNER_H_
#define FOYER_ORG_PLANNER_H_

#include <memory>
#include <vector>

#include "base/result.h"
#include "org/plan.h"
#include "org/resource_family.h"

namespace foyer::org {

// The plan of `families`, run in order. A family that fails stops the
// plan: the error names the family. Reads only: never mutates AWS.
Result<Plan> BuildPlan(const PlanContext& context,
                       const std::vector<std::unique_ptr<ResourceFamily>>& families);

}  // namespace foyer::org

#endif  // FOYER_ORG_PLANNER_H_
