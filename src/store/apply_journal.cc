#include "store/apply_journal.h"

#include <array>

#include <fmt/format.h>

#include "store/epoch_seconds.h"

namespace foyer::store {
namespace {

constexpr std::array<std::string_view, 1> kMigrations = {
    "CREATE TABLE runs ("
    "  id INTEGER PRIMARY KEY,"
    "  organization TEXT NOT NULL,"
    "  started_at INTEGER NOT NULL,"
    "  finished_at INTEGER,"
    "  status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')));"
    "CREATE TABLE operations ("
    "  id INTEGER PRIMARY KEY,"
    "  run_id INTEGER NOT NULL REFERENCES runs(id),"
    "  operation TEXT NOT NULL,"
    "  target TEXT NOT NULL,"
    "  fingerprint TEXT NOT NULL,"
    "  status TEXT NOT NULL CHECK (status IN ('started', 'done', 'failed')),"
    "  started_at INTEGER NOT NULL,"
    "  finished_at INTEGER,"
    "  request_id TEXT NOT NULL DEFAULT '',"
    "  result_id TEXT NOT NULL DEFAULT '',"
    "  error TEXT NOT NULL DEFAULT '');"
    "CREATE INDEX operations_by_status ON operations (status, run_id);"
    "CREATE INDEX operations_by_fingerprint ON operations (fingerprint);",
};

constexpr std::string_view kOperationColumns =
    "SELECT o.id, o.run_id, o.operation, o.target, o.fingerprint, o.status, o.started_at, "
    "o.finished_at, o.request_id, o.result_id, o.error FROM operations o JOIN runs r ON r.id = o.run_id ";

template <typename Enum>
std::optional<Enum> EnumNamed(std::string_view name, std::string_view (*name_of)(Enum),
                              std::initializer_list<Enum> values) {
  for (Enum value : values) {
    if (name_of(value) == name) return value;
  }
  return std::nullopt;
}

Result<JournalOperation> ReadOperation(const Statement& row, const std::filesystem::path& path) {
  JournalOperation operation;
  operation.id = row.ColumnInt(0);
  operation.run_id = row.ColumnInt(1);
  operation.planned.operation = row.ColumnText(2);
  operation.planned.target = row.ColumnText(3);
  operation.planned.fingerprint = row.ColumnText(4);
  auto status = EnumNamed(row.ColumnText(5), &OperationStatusName,
                          {OperationStatus::kStarted, OperationStatus::kDone, OperationStatus::kFailed});
  if (!status) return MakeError(kStateError, path.string() + " holds an unknown operation status");
  operation.status = *status;
  operation.started_at = FromEpochSeconds(row.ColumnInt(6));
  if (auto finished = row.ColumnOptionalInt(7)) operation.finished_at = FromEpochSeconds(*finished);
  operation.request_id = row.ColumnText(8);
  operation.result_id = row.ColumnText(9);
  operation.error = row.ColumnText(10);
  return operation;
}

}  // namespace

std::string_view OperationStatusName(OperationStatus status) {
  switch (status) {
    case OperationStatus::kStarted: return "started";
    case OperationStatus::kDone: return "done";
    case OperationStatus::kFailed: return "failed";
  }
  return "started";
}

std::string_view RunStatusName(RunStatus status) {
  switch (status) {
    case RunStatus::kRunning: return "running";
    case RunStatus::kDone: return "done";
    case RunStatus::kFailed: return "failed";
  }
  return "running";
}

Result<ApplyJournal> ApplyJournal::Open(const StateDir& state) {
  DatabaseOptions options;
  options.synchronous_full = true;
  auto db = Database::Open(state.File("journal.db"), options);
  if (!db.ok()) return db.error();
  FOYER_RETURN_IF_ERROR(db->Migrate(kMigrations));
  return ApplyJournal(std::move(*db));
}

Result<std::int64_t> ApplyJournal::BeginRun(std::string_view organization, SystemTime now) {
  auto insert = db_.Prepare("INSERT INTO runs (organization, started_at, status) VALUES (?, ?, 'running')");
  if (!insert.ok()) return insert.error();
  FOYER_RETURN_IF_ERROR(insert->BindAll(organization, ToEpochSeconds(now)));
  FOYER_RETURN_IF_ERROR(insert->Run());
  return db_.LastInsertRowId();
}

Status ApplyJournal::FinishRun(std::int64_t run_id, RunStatus status, SystemTime now) {
  auto update = db_.Prepare("UPDATE runs SET status = ?, finished_at = ? WHERE id = ?");
  if (!update.ok()) return update.error();
  FOYER_RETURN_IF_ERROR(update->BindAll(RunStatusName(status), ToEpochSeconds(now), run_id));
  FOYER_RETURN_IF_ERROR(update->Run());
  if (db_.ChangedRows() != 1) {
    return MakeError(kStateError, fmt::format("the apply journal has no run {}", run_id));
  }
  return OkStatus();
}

Result<JournalRun> ApplyJournal::GetRun(std::int64_t run_id) const {
  auto select = db_.Prepare("SELECT organization, started_at, finished_at, status FROM runs WHERE id = ?");
  if (!select.ok()) return select.error();
  FOYER_RETURN_IF_ERROR(select->Bind(1, run_id));
  auto row = select->Step();
  if (!row.ok()) return row.error();
  if (!*row) return MakeError(kStateError, fmt::format("the apply journal has no run {}", run_id));
  JournalRun run;
  run.id = run_id;
  run.organization = select->ColumnText(0);
  run.started_at = FromEpochSeconds(select->ColumnInt(1));
  if (auto finished = select->ColumnOptionalInt(2)) run.finished_at = FromEpochSeconds(*finished);
  auto status = EnumNamed(select->ColumnText(3), &RunStatusName,
                          {RunStatus::kRunning, RunStatus::kDone, RunStatus::kFailed});
  if (!status) return MakeError(kStateError, db_.path().string() + " holds an unknown run status");
  run.status = *status;
  return run;
}

Result<std::int64_t> ApplyJournal::RecordStarted(std::int64_t run_id, const PlannedOperation& operation,
                                                 SystemTime now) {
  auto insert = db_.Prepare(
      "INSERT INTO operations (run_id, operation, target, fingerprint, status, started_at) "
      "VALUES (?, ?, ?, ?, 'started', ?)");
  if (!insert.ok()) return insert.error();
  FOYER_RETURN_IF_ERROR(insert->BindAll(run_id, operation.operation, operation.target,
                                        operation.fingerprint, ToEpochSeconds(now)));
  FOYER_RETURN_IF_ERROR(insert->Run());
  return db_.LastInsertRowId();
}

Status ApplyJournal::Finish(std::int64_t operation_id, OperationStatus status,
                            std::string_view request_id, std::string_view result_id,
                            std::string_view error, SystemTime now) {
  auto update = db_.Prepare(
      "UPDATE operations SET status = ?, finished_at = ?, request_id = ?, result_id = ?, error = ? "
      "WHERE id = ? AND status = 'started'");
  if (!update.ok()) return update.error();
  FOYER_RETURN_IF_ERROR(update->BindAll(OperationStatusName(status), ToEpochSeconds(now), request_id,
                                        result_id, error, operation_id));
  FOYER_RETURN_IF_ERROR(update->Run());
  if (db_.ChangedRows() != 1) {
    return MakeError(kStateError,
                     fmt::format("the apply journal has no started operation {}", operation_id));
  }
  return OkStatus();
}

Status ApplyJournal::RecordDone(std::int64_t operation_id, std::string_view request_id,
                                std::string_view result_id, SystemTime now) {
  return Finish(operation_id, OperationStatus::kDone, request_id, result_id, "", now);
}

Status ApplyJournal::RecordFailed(std::int64_t operation_id, std::string_view request_id,
                                  std::string_view error, SystemTime now) {
  return Finish(operation_id, OperationStatus::kFailed, request_id, "", error, now);
}

Result<std::vector<JournalOperation>> ApplyJournal::Query(
    std::string_view where, const std::function<Status(Statement&)>& bind) const {
  auto select = db_.Prepare(std::string(kOperationColumns) + std::string(where));
  if (!select.ok()) return select.error();
  FOYER_RETURN_IF_ERROR(bind(*select));
  std::vector<JournalOperation> found;
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    auto operation = ReadOperation(*select, db_.path());
    if (!operation.ok()) return operation.error();
    found.push_back(std::move(*operation));
  }
  return found;
}

Result<std::vector<JournalOperation>> ApplyJournal::Unfinished(std::string_view organization,
                                                               std::int64_t current_run) const {
  return Query("WHERE o.status = 'started' AND r.organization = ? AND o.run_id != ? ORDER BY o.id",
               [&](Statement& select) { return select.BindAll(organization, current_run); });
}

Result<std::vector<JournalOperation>> ApplyJournal::OperationsOf(std::int64_t run_id) const {
  return Query("WHERE o.run_id = ? ORDER BY o.id",
               [&](Statement& select) { return select.Bind(1, run_id); });
}

Result<std::optional<JournalOperation>> ApplyJournal::LastDone(std::string_view organization,
                                                               std::string_view fingerprint) const {
  auto found = Query(
      "WHERE o.status = 'done' AND r.organization = ? AND o.fingerprint = ? ORDER BY o.id DESC LIMIT 1",
      [&](Statement& select) { return select.BindAll(organization, fingerprint); });
  if (!found.ok()) return found.error();
  if (found->empty()) return std::optional<JournalOperation>();
  return std::optional<JournalOperation>(std::move(found->front()));
}

}  // namespace foyer::store
