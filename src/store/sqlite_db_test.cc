#include "store/sqlite_db.h"

#include <sys/stat.h>

#include <array>
#include <fstream>

#include <gtest/gtest.h>

#include "store/scratch_dir_for_tests.h"
#include "store/state_dir.h"

namespace foyer::store {
namespace {

constexpr std::array<std::string_view, 2> kMigrations = {
    "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INTEGER)",
    "CREATE TABLE pets (owner INTEGER NOT NULL REFERENCES people(id), name TEXT NOT NULL)",
};

class SqliteDbTest : public ::testing::Test {
 protected:
  std::filesystem::path Path() const { return scratch_.path() / "test.db"; }

  Database OpenMigrated() {
    auto db = Database::Open(Path());
    EXPECT_TRUE(db.ok()) << db.error().message;
    auto migrated = db->Migrate(kMigrations);
    EXPECT_TRUE(migrated.ok()) << migrated.error().message;
    return std::move(*db);
  }

  ScratchDir scratch_;
};

TEST_F(SqliteDbTest, MigratesAnEmptyFileToTheLatestVersion) {
  Database db = OpenMigrated();
  EXPECT_EQ(*db.SchemaVersion(), 2);
  auto tables = db.Prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  ASSERT_TRUE(tables.ok());
  std::vector<std::string> names;
  while (*tables->Step()) names.push_back(tables->ColumnText(0));
  EXPECT_EQ(names, (std::vector<std::string>{"people", "pets"}));
}

TEST_F(SqliteDbTest, MigratesStepByStepFromAnOlderVersion) {
  {
    auto db = Database::Open(Path());
    ASSERT_TRUE(db->Migrate(std::span(kMigrations).first(1)).ok());
    EXPECT_EQ(*db->SchemaVersion(), 1);
    ASSERT_TRUE(db->Execute("INSERT INTO people (name) VALUES ('kept')").ok());
  }
  Database db = OpenMigrated();
  EXPECT_EQ(*db.SchemaVersion(), 2);
  auto kept = db.Prepare("SELECT name FROM people");
  ASSERT_TRUE(*kept->Step());
  EXPECT_EQ(kept->ColumnText(0), "kept");
  // Running the migrations again changes nothing.
  ASSERT_TRUE(db.Migrate(kMigrations).ok());
  EXPECT_EQ(*db.SchemaVersion(), 2);
}

TEST_F(SqliteDbTest, AFailedMigrationLeavesTheSchemaAsItWas) {
  constexpr std::array<std::string_view, 2> broken = {
      "CREATE TABLE first (x INTEGER)",
      "CREATE TABLEX second (y INTEGER)",
  };
  auto db = Database::Open(Path());
  auto migrated = db->Migrate(broken);
  ASSERT_FALSE(migrated.ok());
  EXPECT_EQ(*db->SchemaVersion(), 0);
  auto tables = db->Prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'");
  ASSERT_TRUE(*tables->Step());
  EXPECT_EQ(tables->ColumnInt(0), 0);
}

TEST_F(SqliteDbTest, RefusesAFileFromANewerFoyer) {
  {
    auto db = Database::Open(Path());
    ASSERT_TRUE(db->Execute("PRAGMA user_version = 7").ok());
  }
  auto db = Database::Open(Path());
  auto migrated = db->Migrate(kMigrations);
  ASSERT_FALSE(migrated.ok());
  EXPECT_EQ(migrated.error().message,
            Path().string() + " was written by a newer foyer (schema version 7, this foyer knows up "
                              "to 2). Upgrade foyer, or move the file away.");
}

TEST_F(SqliteDbTest, OpensInWalModeWithForeignKeysOwnerOnly) {
  mode_t old_umask = ::umask(0);
  Database db = OpenMigrated();
  auto written = db.Execute("INSERT INTO people (name) VALUES ('x')");
  ::umask(old_umask);
  ASSERT_TRUE(written.ok());
  // SQLite's own files (write-ahead log, shared memory index) take the mode
  // of the database file.
  for (const char* suffix : {"", "-wal", "-shm"}) {
    struct stat info {};
    ASSERT_EQ(::stat((Path().string() + suffix).c_str(), &info), 0) << suffix;
    EXPECT_EQ(info.st_mode & 07777, 0600u) << suffix;
  }
  auto mode = db.Prepare("PRAGMA journal_mode");
  ASSERT_TRUE(*mode->Step());
  EXPECT_EQ(mode->ColumnText(0), "wal");
  auto orphan = db.Execute("INSERT INTO pets (owner, name) VALUES (99, 'rex')");
  ASSERT_FALSE(orphan.ok());
  EXPECT_NE(orphan.error().message.find("FOREIGN KEY constraint failed"), std::string::npos)
      << orphan.error().message;
}

TEST_F(SqliteDbTest, SynchronousFullIsAnOption) {
  auto normal = Database::Open(Path());
  auto level = normal->Prepare("PRAGMA synchronous");
  ASSERT_TRUE(*level->Step());
  EXPECT_EQ(level->ColumnInt(0), 1) << "1 is NORMAL";
  auto full = Database::Open(Path(), {.synchronous_full = true});
  level = full->Prepare("PRAGMA synchronous");
  ASSERT_TRUE(*level->Step());
  EXPECT_EQ(level->ColumnInt(0), 2) << "2 is FULL";
}

TEST_F(SqliteDbTest, BindsAndReadsTypedValues) {
  Database db = OpenMigrated();
  auto insert = db.Prepare("INSERT INTO people (name, age) VALUES (?, ?)");
  ASSERT_TRUE(insert.ok());
  ASSERT_TRUE(insert->BindAll(std::string("O'Brien \"quoted\" \xc3\xa9"), std::optional<std::int64_t>()).ok());
  ASSERT_TRUE(insert->Run().ok());
  EXPECT_EQ(db.LastInsertRowId(), 1);
  ASSERT_TRUE(insert->BindAll("big", std::int64_t{9007199254740993}).ok());
  ASSERT_TRUE(insert->Run().ok());
  EXPECT_EQ(db.LastInsertRowId(), 2);

  auto select = db.Prepare("SELECT name, age FROM people ORDER BY id");
  ASSERT_TRUE(*select->Step());
  EXPECT_EQ(select->ColumnText(0), "O'Brien \"quoted\" \xc3\xa9");
  EXPECT_TRUE(select->ColumnIsNull(1));
  EXPECT_EQ(select->ColumnOptionalInt(1), std::nullopt);
  ASSERT_TRUE(*select->Step());
  EXPECT_EQ(select->ColumnText(0), "big");
  EXPECT_EQ(select->ColumnOptionalInt(1), std::optional<std::int64_t>(9007199254740993));
  EXPECT_FALSE(*select->Step());
}

TEST_F(SqliteDbTest, ATransactionRollsBackUnlessCommitted) {
  Database db = OpenMigrated();
  {
    auto transaction = db.Begin();
    ASSERT_TRUE(transaction.ok());
    ASSERT_TRUE(db.Execute("INSERT INTO people (name) VALUES ('dropped')").ok());
  }
  {
    auto transaction = db.Begin();
    ASSERT_TRUE(db.Execute("INSERT INTO people (name) VALUES ('kept')").ok());
    ASSERT_TRUE(transaction->Commit().ok());
  }
  auto names = db.Prepare("SELECT group_concat(name) FROM people");
  ASSERT_TRUE(*names->Step());
  EXPECT_EQ(names->ColumnText(0), "kept");
}

TEST_F(SqliteDbTest, ErrorsNameTheFileAndSqlitesMessage) {
  Database db = OpenMigrated();
  auto bad = db.Prepare("SELEC 1");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, kStateError);
  EXPECT_EQ(bad.error().message,
            "preparing `SELEC 1` failed on " + Path().string() + ": near \"SELEC\": syntax error.");
}

TEST_F(SqliteDbTest, AFileThatIsNotADatabaseGetsAnErrorWithAdvice) {
  std::ofstream(Path(), std::ios::binary) << std::string(4096, 'x');
  ASSERT_EQ(::chmod(Path().c_str(), 0600), 0);
  auto db = Database::Open(Path());
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().message, "running `PRAGMA journal_mode=WAL` failed on " + Path().string() +
                                    ": file is not a database. The file is damaged; move it away "
                                    "and foyer will start a new one.");
}

TEST_F(SqliteDbTest, RefusesADatabaseOthersCanRead) {
  std::ofstream(Path()) << "";
  ASSERT_EQ(::chmod(Path().c_str(), 0644), 0);
  auto db = Database::Open(Path());
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().code, kStatePermissionsError);
}

}  // namespace
}  // namespace foyer::store
