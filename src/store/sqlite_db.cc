#include "store/sqlite_db.h"

#include <sqlite3.h>

#include <fmt/format.h>

#include "store/private_file.h"
#include "store/state_dir.h"

namespace foyer::store {
namespace {

// What a person can do about the errors that have a remedy.
std::string_view AdviceFor(int code) {
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return " Another foyer process is using it; retry when that one finishes.";
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return " The file is damaged; move it away and foyer will start a new one.";
    case SQLITE_FULL:
      return " The disk is full.";
    default:
      return "";
  }
}

Error SqliteError(sqlite3* db, std::string_view what, int code) {
  const char* file = db != nullptr ? sqlite3_db_filename(db, "main") : nullptr;
  const char* message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  return MakeError(kStateError, fmt::format("{} failed on {}: {}.{}", what,
                                            file != nullptr ? file : "a database", message,
                                            AdviceFor(code)));
}

Status ExecuteOn(sqlite3* db, std::string_view sql) {
  // sqlite3_exec needs a terminated string.
  std::string text(sql);
  int code = sqlite3_exec(db, text.c_str(), nullptr, nullptr, nullptr);
  if (code != SQLITE_OK) return SqliteError(db, fmt::format("running `{}`", text), code);
  return OkStatus();
}

}  // namespace

// --- Statement ---

Statement::Statement(Statement&& other) noexcept : statement_(other.statement_) {
  other.statement_ = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(statement_);
    statement_ = other.statement_;
    other.statement_ = nullptr;
  }
  return *this;
}

Statement::~Statement() { sqlite3_finalize(statement_); }

Error Statement::ErrorFor(std::string_view what, int code) const {
  return SqliteError(sqlite3_db_handle(statement_),
                     fmt::format("{} `{}`", what, sqlite3_sql(statement_)), code);
}

Status Statement::Bind(int index, std::int64_t value) {
  int code = sqlite3_bind_int64(statement_, index, value);
  if (code != SQLITE_OK) return ErrorFor("binding parameter " + std::to_string(index) + " of", code);
  return OkStatus();
}

Status Statement::Bind(int index, std::string_view text) {
  int code = sqlite3_bind_text64(statement_, index, text.data(), text.size(), SQLITE_TRANSIENT,
                                 SQLITE_UTF8);
  if (code != SQLITE_OK) return ErrorFor("binding parameter " + std::to_string(index) + " of", code);
  return OkStatus();
}

Status Statement::Bind(int index, const std::optional<std::int64_t>& value) {
  return value.has_value() ? Bind(index, *value) : BindNull(index);
}

Status Statement::BindNull(int index) {
  int code = sqlite3_bind_null(statement_, index);
  if (code != SQLITE_OK) return ErrorFor("binding parameter " + std::to_string(index) + " of", code);
  return OkStatus();
}

Result<bool> Statement::Step() {
  int code = sqlite3_step(statement_);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  Error error = ErrorFor("running", code);
  sqlite3_reset(statement_);
  return error;
}

Status Statement::Run() {
  for (;;) {
    auto row = Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
  }
  return Reset();
}

Status Statement::Reset() {
  int code = sqlite3_reset(statement_);
  if (code != SQLITE_OK) return ErrorFor("resetting", code);
  return OkStatus();
}

std::int64_t Statement::ColumnInt(int column) const {
  return sqlite3_column_int64(statement_, column);
}

std::string Statement::ColumnText(int column) const {
  const unsigned char* text = sqlite3_column_text(statement_, column);
  if (text == nullptr) return "";
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
}

bool Statement::ColumnIsNull(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

std::optional<std::int64_t> Statement::ColumnOptionalInt(int column) const {
  if (ColumnIsNull(column)) return std::nullopt;
  return ColumnInt(column);
}

// --- Transaction ---

Transaction::~Transaction() {
  // Errors cannot be reported from here; a failed ROLLBACK leaves SQLite to
  // roll back when the connection closes.
  if (db_ != nullptr) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

Status Transaction::Commit() {
  FOYER_RETURN_IF_ERROR(ExecuteOn(db_, "COMMIT"));
  db_ = nullptr;
  return OkStatus();
}

// --- Database ---

Result<Database> Database::Open(const std::filesystem::path& path, DatabaseOptions options) {
  // Created here rather than by SQLite so that its mode is 0600 whatever the
  // umask; SQLite gives its -wal and -shm files the mode of this one. The
  // descriptor is closed before SQLite opens the file: closing any
  // descriptor of a file drops the process's POSIX locks on it, SQLite's too.
  {
    auto file = OpenOrCreatePrivateFile(path);
    if (!file.ok()) return file.error();
  }

  sqlite3* handle = nullptr;
  int code = sqlite3_open_v2(path.c_str(), &handle,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, nullptr);
  Database db(handle, path);
  if (code != SQLITE_OK) return SqliteError(handle, "opening", code);
  sqlite3_busy_timeout(handle, static_cast<int>(options.busy_timeout.count()));
  FOYER_RETURN_IF_ERROR(db.Execute("PRAGMA journal_mode=WAL"));
  FOYER_RETURN_IF_ERROR(db.Execute("PRAGMA foreign_keys=ON"));
  FOYER_RETURN_IF_ERROR(
      db.Execute(options.synchronous_full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL"));
  return db;
}

Database::Database(Database&& other) noexcept : db_(other.db_), path_(std::move(other.path_)) {
  other.db_ = nullptr;
}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    sqlite3_close_v2(db_);
    db_ = other.db_;
    path_ = std::move(other.path_);
    other.db_ = nullptr;
  }
  return *this;
}

Database::~Database() { sqlite3_close_v2(db_); }

Result<Statement> Database::Prepare(std::string_view sql) const {
  sqlite3_stmt* statement = nullptr;
  int code = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &statement, nullptr);
  if (code != SQLITE_OK) return SqliteError(db_, fmt::format("preparing `{}`", sql), code);
  return Statement(statement);
}

Status Database::Execute(std::string_view sql) const { return ExecuteOn(db_, sql); }

Result<Transaction> Database::Begin() {
  FOYER_RETURN_IF_ERROR(Execute("BEGIN IMMEDIATE"));
  return Transaction(db_);
}

Result<std::int64_t> Database::SchemaVersion() const {
  auto statement = Prepare("PRAGMA user_version");
  if (!statement.ok()) return statement.error();
  auto row = statement->Step();
  if (!row.ok()) return row.error();
  return statement->ColumnInt(0);
}

Status Database::Migrate(std::span<const std::string_view> migrations) {
  const auto target = static_cast<std::int64_t>(migrations.size());
  auto version = SchemaVersion();
  if (!version.ok()) return version.error();
  // The common case, an up-to-date file, takes no write lock.
  if (*version == target) return OkStatus();

  auto transaction = Begin();
  if (!transaction.ok()) return transaction.error();
  version = SchemaVersion();  // another process may have migrated meanwhile
  if (!version.ok()) return version.error();
  if (*version > target) {
    return MakeError(kStateError,
                     fmt::format("{} was written by a newer foyer (schema version {}, this foyer "
                                 "knows up to {}). Upgrade foyer, or move the file away.",
                                 path_.string(), *version, target));
  }
  for (auto step = *version; step < target; ++step) {
    FOYER_RETURN_IF_ERROR(Execute(migrations[static_cast<std::size_t>(step)]));
  }
  FOYER_RETURN_IF_ERROR(Execute(fmt::format("PRAGMA user_version = {}", target)));
  return transaction->Commit();
}

std::int64_t Database::LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }

std::int64_t Database::ChangedRows() const { return sqlite3_changes64(db_); }

}  // namespace foyer::store
