#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "base/error.h"
#include "cli/commands.h"
#include "cli/org_run.h"
#include "org/applier.h"
#include "org/inventory.h"
#include "org/naming.h"
#include "org/apply_lock.h"
#include "org/plan_render.h"
#include "store/apply_journal.h"
#include "store/state_dir.h"
#include "ui/progress_board.h"

namespace foyer::cli {
namespace {

struct ApplyOptions {
  OrgRunOptions run;
  bool yes = false;
};

// Renew the DynamoDB lease well before it runs out during a long apply.
constexpr std::chrono::minutes kLeaseRenewal{10};

std::string Seconds(std::chrono::steady_clock::duration took) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1fs", std::chrono::duration<double>(took).count());
  return text;
}

// Shows the applier's events on the progress board and keeps the lock's
// lease alive.
class BoardObserver : public org::ApplyObserver {
 public:
  BoardObserver(ui::ProgressBoard& board, org::ApplyLock& lock) : board_(board), lock_(lock) {}
  void Started(const org::Change& change) override { board_.Begin(change.address); }
  void Progressed(const org::Change& change, const std::string& message) override {
    board_.Update(change.address, message);
    RenewLease();
  }
  void Finished(const org::Change& change, const Status& status,
                std::chrono::steady_clock::duration took) override {
    board_.End(change.address, status.ok(), status.ok() ? Seconds(took) : status.error().message);
    RenewLease();
  }
  void Skipped(const org::Change& change, const std::string& reason) override {
    board_.Skip(change.address, reason);
  }

 private:
  void RenewLease() {
    auto now = std::chrono::steady_clock::now();
    if (now - last_renewal_ < kLeaseRenewal) return;
    last_renewal_ = now;
    (void)lock_.Renew(std::chrono::system_clock::now());
  }

  ui::ProgressBoard& board_;
  org::ApplyLock& lock_;
  std::chrono::steady_clock::time_point last_renewal_ = std::chrono::steady_clock::now();
};

// The lock lives in the deploy account once it exists (found by its tags),
// else locally.
Result<std::unique_ptr<org::ApplyLock>> TakeLock(const OrganizationSession& session, const store::StateDir& state) {
  org::LockPlace place;
  place.local_dir = state.path();
  for (const store::InventoryAccount& account : session.live.accounts) {
    if (org::KindOf(account) != org::KindName(org::AccountKind::kDeploy)) continue;
    auto config = session.access->ConfigIn(account.id, session.Region());
    if (config.ok()) place.deploy_account = std::move(*config);
  }
  return org::AcquireApplyLock(place, org::CurrentProcessHolder(std::chrono::system_clock::now()));
}

// Asks for a typed "yes" on a terminal; a script must say --yes.
Status Confirm(bool yes) {
  if (yes) return OkStatus();
  if (::isatty(STDIN_FILENO) != 1) {
    Error error = MakeError("ConfirmationNeeded",
                            "apply changes the organization and stdin is not a terminal to confirm "
                            "on; review `foyer plan` and run `foyer apply --yes`");
    error.exit_code = ExitCode::kUsage;
    return error;
  }
  std::fputs("\nApply these changes? Only 'yes' is accepted: ", stderr);
  std::string answer;
  std::getline(std::cin, answer);
  if (answer != "yes") return MakeError("Cancelled", "apply cancelled; nothing was changed");
  return OkStatus();
}

// Operations that an interrupted run started and never confirmed: the plan
// just made re-read the organization, so what they did is already known;
// they are closed as superseded by this run.
Status CloseInterruptedOperations(store::ApplyJournal& journal, const std::string& organization,
                                  std::int64_t run_id) {
  auto unfinished = journal.Unfinished(organization, run_id);
  if (!unfinished.ok()) return unfinished.error();
  if (unfinished->empty()) return OkStatus();
  std::fprintf(stderr,
               "An earlier apply (run %lld) was interrupted with %zu call(s) unconfirmed; the plan "
               "above re-read the organization, so nothing they did is repeated.\n",
               static_cast<long long>(unfinished->front().run_id), unfinished->size());
  for (const store::JournalOperation& operation : *unfinished) {
    FOYER_RETURN_IF_ERROR(journal.RecordFailed(operation.id, "",
                                               "interrupted; re-checked by run " + std::to_string(run_id),
                                               std::chrono::system_clock::now()));
  }
  return OkStatus();
}

int ReportOutcome(const org::ApplyOutcome& outcome) {
  if (outcome.ok()) {
    std::printf("\nApply complete: %d change(s) made.\n", outcome.succeeded);
    return 0;
  }
  std::printf("\nApply incomplete: %d made, %d failed, %d skipped.\n", outcome.succeeded, outcome.failed,
              outcome.skipped);
  for (const std::string& failure : outcome.failures) std::printf("  %s\n", failure.c_str());
  std::printf("Fix the cause and run `foyer apply` again: it resumes where this run stopped.\n");
  return static_cast<int>(ExitCode::kFailure);
}

int RunApply(const ApplyOptions& options) {
  auto state = store::StateDir::OpenDefault();
  if (!state.ok()) return ReportError(state.error());
  auto session = OpenOrganization(options.run.spec_path, options.run.profile);
  if (!session.ok()) return ReportError(session.error());
  auto lock = TakeLock(**session, *state);
  if (!lock.ok()) return ReportError(lock.error());
  auto planned = PlanOpenedOrganization(std::move(*session), options.run);
  if (!planned.ok()) return ReportError(planned.error());
  PlannedOrganization& org = **planned;
  Status proven = ProvePlannedAccess(org, options.run.accept_unproven_access);
  if (!proven.ok()) return ReportError(proven.error());

  std::fputs(org::RenderPlanText(org.plan, ui::ColorsFor(stdout)).c_str(), stdout);
  std::fflush(stdout);
  const std::string& management_id = org.spec.spec.organization.management_account_id.value;
  auto journal = store::ApplyJournal::Open(*state);
  if (!journal.ok()) return ReportError(journal.error());
  if (org.plan.empty()) {
    auto closed = CloseInterruptedOperations(*journal, management_id, 0);
    return closed.ok() ? 0 : ReportError(closed.error());
  }
  Status confirmed = Confirm(options.yes);
  if (!confirmed.ok()) return ReportError(confirmed.error());

  auto run_id = journal->BeginRun(management_id, std::chrono::system_clock::now());
  if (!run_id.ok()) return ReportError(run_id.error());
  Status closed = CloseInterruptedOperations(*journal, management_id, *run_id);
  if (!closed.ok()) return ReportError(closed.error());
  if (options.run.accept_unproven_access) {
    // Overriding the proof is a decision someone must be able to find later.
    auto id = journal->RecordStarted(*run_id, {"foyer:AcceptUnprovenAccess", "plan", "accept-unproven-access"},
                                     std::chrono::system_clock::now());
    if (!id.ok()) return ReportError(id.error());
    Status recorded = journal->RecordDone(*id, "", org::CurrentProcessHolder(std::chrono::system_clock::now()).name,
                                          std::chrono::system_clock::now());
    if (!recorded.ok()) return ReportError(recorded.error());
  }

  org::ApplyRun run;
  run.journal = &*journal;
  run.run_id = *run_id;
  run.organization = management_id;
  run.default_region = org.spec.spec.organization.regions.items.front().value;
  run.access = org.access.get();
  run.account_ids = org.matching.ids;
  if (org.live.organization) run.organization_id = org.live.organization->id;

  Result<org::ApplyOutcome> outcome = [&] {
    ui::ProgressBoard board(stderr, ui::StderrIsLiveTerminal(), ui::ColorsFor(stderr),
                            static_cast<int>(org.plan.changes.size()));
    BoardObserver observer(board, **lock);
    return org::ApplyPlan(org.plan, run, options.run.concurrency, observer);
  }();
  auto finished = std::chrono::system_clock::now();
  if (!outcome.ok()) {
    (void)journal->FinishRun(*run_id, store::RunStatus::kFailed, finished);
    return ReportError(outcome.error());
  }
  (void)journal->FinishRun(*run_id, outcome->ok() ? store::RunStatus::kDone : store::RunStatus::kFailed,
                           finished);
  Status released = (*lock)->Release();
  if (!released.ok()) std::fprintf(stderr, "foyer: %s\n", released.error().message.c_str());
  return ReportOutcome(*outcome);
}

}  // namespace

void AddApplyCommand(CLI::App& root, Runner& selected) {
  auto options = std::make_shared<ApplyOptions>();
  auto* command = root.add_subcommand(
      "apply", "Converge the organization to foyer.toml: journaled, resumable, idempotent");
  AddOrgRunOptions(*command, options->run);
  command->add_flag("--yes", options->yes, "Apply without asking for confirmation");
  command->callback([&selected, options] { selected = [options] { return RunApply(*options); }; });
}

}  // namespace foyer::cli
