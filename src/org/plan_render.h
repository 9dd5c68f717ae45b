// How a plan reads: for people, like `terraform plan` (+ create, ~ update,
// - delete, with the fields that change), and for scripts, a stable JSON
// document (`foyer plan --json`, format_version 1).
#ifndef FOYER_ORG_PLAN_RENDER_H_
#define FOYER_ORG_PLAN_RENDER_H_

#include <string>

#include <nlohmann/json.hpp>

#include "org/plan.h"

namespace foyer::org {

struct PlanCounts {
  int create = 0;
  int update = 0;
  int remove = 0;
};
PlanCounts CountChanges(const Plan& plan);

// The plan as text. With `color`, symbols are green/yellow/red (ANSI).
// Multi-line values (policy documents) are shown as a line diff.
std::string RenderPlanText(const Plan& plan, bool color);

// {"format_version":1,
//  "changes":[{"action","type","address","account","fields":{name:{"before","after"}},"depends_on"}],
//  "notes":[...], "summary":{"create","update","delete"}}
// Keys and change order are stable; scripts may rely on them.
nlohmann::ordered_json PlanJson(const Plan& plan);

}  // namespace foyer::org

#endif  // FOYER_ORG_PLAN_RENDER_H_
