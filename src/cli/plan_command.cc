#include <cstdio>
#include <memory>

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
};

// With --detailed-exitcode: 0 nothing to do, 2 changes, 1 error.
constexpr int kChangesPending = 2;

int RunPlan(const PlanOptions& options) {
  auto planned = PlanOrganization(options.run);
  if (!planned.ok()) return ReportError(planned.error());
  Status proven = ProvePlannedAccess(**planned, options.run.accept_unproven_access);
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
  command->callback([&selected, options] { selected = [options] { return RunPlan(*options); }; });
}

}  // namespace foyer::cli
