// A small RAII layer over SQLite for foyer's state files.
//
//   auto db = Database::Open(dir.File("journal.db"), {.synchronous_full = true});
//   FOYER_RETURN_IF_ERROR(db->Migrate(kMigrations));
//   auto insert = db->Prepare("INSERT INTO runs (started_at) VALUES (?)");
//   FOYER_RETURN_IF_ERROR(insert->Bind(1, now_seconds));
//   FOYER_RETURN_IF_ERROR(insert->Run());
//
// Every error carries SQLite's own message and the database's path, so a
// person can tell which file is locked, full or damaged.
#ifndef FOYER_STORE_SQLITE_DB_H_
#define FOYER_STORE_SQLITE_DB_H_

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "base/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace foyer::store {

class Database;

// A prepared statement. Parameters are numbered from 1, columns from 0, as
// in SQLite. Move-only; finalized when destroyed.
// REQUIRES: the Database it came from outlives it.
class Statement {
 public:
  Statement(Statement&&) noexcept;
  Statement& operator=(Statement&&) noexcept;
  ~Statement();

  Status Bind(int index, std::int64_t value);
  Status Bind(int index, std::string_view text);
  Status Bind(int index, const char* text) { return Bind(index, std::string_view(text)); }
  Status Bind(int index, const std::string& text) { return Bind(index, std::string_view(text)); }
  // An empty optional binds NULL.
  Status Bind(int index, const std::optional<std::int64_t>& value);
  Status BindNull(int index);

  // Binds `values` to parameters 1, 2, ... in order.
  template <typename... Values>
  Status BindAll(const Values&... values) {
    int index = 0;
    Status status;
    ((status.ok() ? (status = Bind(++index, values), 0) : 0), ...);
    return status;
  }

  // Advances to the next row: true when a row is available, false when the
  // statement is done.
  Result<bool> Step();
  // Steps until done, for statements that return no rows.
  Status Run();
  // Makes the statement ready to run again, keeping its bindings.
  Status Reset();

  // REQUIRES: the last Step() returned true.
  std::int64_t ColumnInt(int column) const;
  std::string ColumnText(int column) const;  // "" for NULL
  bool ColumnIsNull(int column) const;
  std::optional<std::int64_t> ColumnOptionalInt(int column) const;

 private:
  friend class Database;
  explicit Statement(sqlite3_stmt* statement) : statement_(statement) {}
  Error ErrorFor(std::string_view what, int code) const;

  sqlite3_stmt* statement_;  // null once moved from
};

// A transaction that rolls back unless committed. Move-only.
// REQUIRES: the Database it came from outlives it.
class Transaction {
 public:
  Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();

  Status Commit();

 private:
  friend class Database;
  explicit Transaction(sqlite3* db) : db_(db) {}

  sqlite3* db_;  // null once committed or moved from
};

struct DatabaseOptions {
  // How long a writer waits for another process's write lock before failing.
  std::chrono::milliseconds busy_timeout{5000};
  // PRAGMA synchronous=FULL: every commit is fsynced before it returns, for
  // records that must survive a power cut (the apply journal). Otherwise
  // NORMAL, which in WAL mode survives a crash of the process but may lose
  // the last commits on power loss.
  bool synchronous_full = false;
};

class Database {
 public:
  // Opens (creating it, mode 0600) the database at `path` in WAL mode with
  // foreign keys enforced. Refuses a file that is not private (see
  // private_file.h).
  static Result<Database> Open(const std::filesystem::path& path, DatabaseOptions options = {});

  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  ~Database();

  Result<Statement> Prepare(std::string_view sql) const;
  // Runs one or more statements that return no rows.
  Status Execute(std::string_view sql) const;

  // BEGIN IMMEDIATE: takes the write lock at once, so two processes never
  // both read, then both fail to upgrade to writing.
  Result<Transaction> Begin();

  // Brings the schema to version migrations.size(): migrations[i] is the SQL
  // that takes version i to i+1 (PRAGMA user_version). Runs in one
  // transaction, so a concurrent process sees the old schema or the new one.
  // Fails on a file made by a newer foyer (version > migrations.size()).
  Status Migrate(std::span<const std::string_view> migrations);
  Result<std::int64_t> SchemaVersion() const;

  std::int64_t LastInsertRowId() const;
  // Rows changed by the last INSERT, UPDATE or DELETE.
  std::int64_t ChangedRows() const;
  const std::filesystem::path& path() const { return path_; }

 private:
  Database(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}

  sqlite3* db_;
  std::filesystem::path path_;
};

}  // namespace foyer::store

#endif  // FOYER_STORE_SQLITE_DB_H_
