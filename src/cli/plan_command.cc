#include <cstdio>
#include <memory>

#include "audit/plan_proof.h"
#include "audit/report.h"
#include "cli/commands.h"
#include "cli/org_run.h"
#include "org/plan_render.h"
#include "ui/progress_board.h"

namespace foyer::cli {
namespace {

struct PlanOptions {
  OrgRunOptions run;
  bool json = false;
  bool detailed_exitcode = false;
  bool accept_unproven_access = false;
};

// The analyzer on the state the plan leads to (S2, S4, S7, S8). A plan
// that breaks them is refused, with the findings and their paths on
// stderr, unless --accept-unproven-access; while the accounts do not exist
// yet, the proof is skipped with a note.
Status ProvePlan(PlannedOrganization& planned, bool accept) {
  std::string organization = planned.live.organization ? planned.live.organization->id : "";
  auto findings = audit::ProvePlannedRoles(planned.spec.spec, planned.spec.accounts, planned.matching.ids,
                                           organization, planned.partition);
  if (!findings.ok()) {
    planned.plan.notes.push_back("access not proven: " + findings.error().message);
    return OkStatus();
  }
  if (findings->empty()) return OkStatus();
  std::fputs(audit::FindingsText(*findings).c_str(), stderr);
  if (accept) {
    std::fputs("foyer: warning: --accept-unproven-access: planning despite the findings above\n", stderr);
    return OkStatus();
  }
  return MakeError("UnprovenAccess", "the plan would break S2/S4/S7/S8 (findings above); fix foyer.toml, or "
                                     "pass --accept-unproven-access to plan anyway");
}

// With --detailed-exitcode: 0 nothing to do, 2 changes, 1 error.
constexpr int kChangesPending = 2;

int RunPlan(const PlanOptions& options) {
  auto planned = PlanOrganization(options.run);
  if (!planned.ok()) return ReportError(planned.error());
  Status proven = ProvePlan(**planned, options.accept_unproven_access);
  if (!proven.ok()) return ReportError(proven.error());
  const org::Plan& plan = (*planned)->plan;
  if (options.json) {
    std::printf("%s\n", org::PlanJson(plan).dump(2).c_str());
  } else {
    std::fputs(org::RenderPlanText(plan, ui::ColorsFor(stdout)).c_str(), stdout);
  }
  return options.detailed_exitcode && !plan.empty() ? kChangesPending : 0;
}

}  // namespace

void AddPlanCommand(CLI::App& root, Runner& selected) {
  auto options = std::make_shared<PlanOptions>();
  auto* command = root.add_subcommand("plan", "Show what `foyer apply` would change; changes nothing");
  AddOrgRunOptions(*command, options->run);
  command->add_flag("--json", options->json, "Print the plan as JSON (format_version 1)");
  command->add_flag("--detailed-exitcode", options->detailed_exitcode,
                    "Exit 0 when there is nothing to do, 2 when there are changes, 1 on error");
  command->add_flag("--accept-unproven-access", options->accept_unproven_access,
                    "Plan even when the planned roles break S2/S4/S7/S8 (the findings are printed)");
  command->callback([&selected, options] { selected = [options] { return RunPlan(*options); }; });
}

}  // namespace foyer::cli
