// The journal of `foyer apply`: what each run set out to change, and what
// came of it, durable across crashes.
//
// Every mutating AWS call is recorded *before* it is sent (status started)
// and again *after* (done or failed, with the AWS request id and what the
// call created). A run killed between the two leaves an operation that is
// started and never finished; the next run asks Unfinished() for those and
// looks each one up in AWS (by its fingerprint or result) before repeating
// it, so that, say, CreateAccount is never sent twice for one account.
//
// Commits are fsynced (SQLite synchronous=FULL): once RecordStarted returns,
// the record survives a SIGKILL or a power cut.
#ifndef FOYER_STORE_APPLY_JOURNAL_H_
#define FOYER_STORE_APPLY_JOURNAL_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "base/time_format.h"
#include "store/sqlite_db.h"
#include "store/state_dir.h"

namespace foyer::store {

enum class OperationStatus { kStarted, kDone, kFailed };
std::string_view OperationStatusName(OperationStatus status);  // "started", "done", "failed"

enum class RunStatus { kRunning, kDone, kFailed };
std::string_view RunStatusName(RunStatus status);  // "running", "done", "failed"

// A mutating call about to be sent.
struct PlannedOperation {
  std::string operation;    // "organizations:CreateAccount"
  std::string target;       // what it acts on: "account payments-production"
  // Identifies the change itself, the same in every run that plans it
  // (e.g. a hash of operation and request): how a resumed run recognizes
  // an operation an earlier run started.
  std::string fingerprint;
};

struct JournalOperation {
  std::int64_t id = 0;
  std::int64_t run_id = 0;
  PlannedOperation planned;
  OperationStatus status = OperationStatus::kStarted;
  SystemTime started_at;
  std::optional<SystemTime> finished_at;
  std::string request_id;  // AWS request id of the call, when known
  std::string result_id;   // what it created: an account id, a CreateAccount request id...
  std::string error;       // why it failed
};

struct JournalRun {
  std::int64_t id = 0;
  std::string organization;  // management account id
  SystemTime started_at;
  std::optional<SystemTime> finished_at;
  RunStatus status = RunStatus::kRunning;
};

class ApplyJournal {
 public:
  // The journal in `<state>/journal.db`, created or migrated as needed.
  static Result<ApplyJournal> Open(const StateDir& state);

  // Starts a run against `organization`; returns its id.
  Result<std::int64_t> BeginRun(std::string_view organization, SystemTime now);
  Status FinishRun(std::int64_t run_id, RunStatus status, SystemTime now);
  Result<JournalRun> GetRun(std::int64_t run_id) const;

  // Records `operation` as started by `run_id`, before the call is sent;
  // returns the operation's id.
  Result<std::int64_t> RecordStarted(std::int64_t run_id, const PlannedOperation& operation,
                                     SystemTime now);
  // Records the outcome of a started operation. An operation of an earlier
  // run may be finished this way too, once a resumed run has found out what
  // became of it. Fails when `operation_id` is not a started operation.
  Status RecordDone(std::int64_t operation_id, std::string_view request_id,
                    std::string_view result_id, SystemTime now);
  Status RecordFailed(std::int64_t operation_id, std::string_view request_id,
                      std::string_view error, SystemTime now);

  // Operations on `organization` started by runs other than `current_run`
  // and never finished, oldest first.
  Result<std::vector<JournalOperation>> Unfinished(std::string_view organization,
                                                   std::int64_t current_run) const;
  // Every operation of `run_id`, in the order they were started.
  Result<std::vector<JournalOperation>> OperationsOf(std::int64_t run_id) const;
  // The latest operation with `fingerprint` on `organization` that is done,
  // from any run.
  Result<std::optional<JournalOperation>> LastDone(std::string_view organization,
                                                   std::string_view fingerprint) const;

 private:
  explicit ApplyJournal(Database db) : db_(std::move(db)) {}

  Result<std::vector<JournalOperation>> Query(std::string_view where,
                                              const std::function<Status(Statement&)>& bind) const;
  Status Finish(std::int64_t operation_id, OperationStatus status, std::string_view request_id,
                std::string_view result_id, std::string_view error, SystemTime now);

  Database db_;
};

}  // namespace foyer::store

#endif  // FOYER_STORE_APPLY_JOURNAL_H_
