#include "store/apply_journal.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "store/scratch_dir_for_tests.h"

namespace foyer::store {
namespace {

using std::chrono::seconds;

const SystemTime kT0 = SystemTime(seconds(1795819767));
const std::string kOrg = "123456789012";

PlannedOperation CreateAccount(std::string name) {
  return {"organizations:CreateAccount", "account " + name, "create-account:" + name};
}

class ApplyJournalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto state = StateDir::Open(scratch_.path() / "foyer");
    ASSERT_TRUE(state.ok());
    state_.emplace(std::move(*state));
    journal_.emplace(Reopen());
  }

  ApplyJournal Reopen() {
    auto journal = ApplyJournal::Open(*state_);
    EXPECT_TRUE(journal.ok()) << journal.error().message;
    return std::move(*journal);
  }

  ScratchDir scratch_;
  std::optional<StateDir> state_;
  std::optional<ApplyJournal> journal_;
};

TEST_F(ApplyJournalTest, RecordsARunFromStartToFinish) {
  auto run = journal_->BeginRun(kOrg, kT0);
  ASSERT_TRUE(run.ok()) << run.error().message;
  auto op = journal_->RecordStarted(*run, CreateAccount("payments-production"), kT0 + seconds(1));
  ASSERT_TRUE(op.ok());
  ASSERT_TRUE(journal_->RecordDone(*op, "req-create-1", "car-abc123", kT0 + seconds(2)).ok());
  auto failed = journal_->RecordStarted(*run, CreateAccount("payments-development"), kT0 + seconds(3));
  ASSERT_TRUE(journal_->RecordFailed(*failed, "req-create-2", "TooManyRequestsException", kT0 + seconds(4)).ok());
  ASSERT_TRUE(journal_->FinishRun(*run, RunStatus::kFailed, kT0 + seconds(5)).ok());

  journal_.emplace(Reopen());
  auto ops = journal_->OperationsOf(*run);
  ASSERT_TRUE(ops.ok()) << ops.error().message;
  ASSERT_EQ(ops->size(), 2u);
  const JournalOperation& done = (*ops)[0];
  EXPECT_EQ(done.id, *op);
  EXPECT_EQ(done.run_id, *run);
  EXPECT_EQ(done.planned.operation, "organizations:CreateAccount");
  EXPECT_EQ(done.planned.target, "account payments-production");
  EXPECT_EQ(done.planned.fingerprint, "create-account:payments-production");
  EXPECT_EQ(done.status, OperationStatus::kDone);
  EXPECT_EQ(done.started_at, kT0 + seconds(1));
  EXPECT_EQ(done.finished_at, kT0 + seconds(2));
  EXPECT_EQ(done.request_id, "req-create-1");
  EXPECT_EQ(done.result_id, "car-abc123");
  EXPECT_EQ(done.error, "");
  EXPECT_EQ((*ops)[1].status, OperationStatus::kFailed);
  EXPECT_EQ((*ops)[1].error, "TooManyRequestsException");
  EXPECT_EQ((*ops)[1].result_id, "");

  auto stored_run = journal_->GetRun(*run);
  ASSERT_TRUE(stored_run.ok());
  EXPECT_EQ(stored_run->organization, kOrg);
  EXPECT_EQ(stored_run->status, RunStatus::kFailed);
  EXPECT_EQ(stored_run->started_at, kT0);
  EXPECT_EQ(stored_run->finished_at, kT0 + seconds(5));
}

TEST_F(ApplyJournalTest, AResumedRunFindsWhatEarlierRunsLeftUnfinished) {
  auto first = *journal_->BeginRun(kOrg, kT0);
  auto finished = *journal_->RecordStarted(first, CreateAccount("a"), kT0);
  ASSERT_TRUE(journal_->RecordDone(finished, "r1", "111111111111", kT0).ok());
  auto dangling = *journal_->RecordStarted(first, CreateAccount("b"), kT0);
  auto other_org = *journal_->BeginRun("999999999999", kT0);
  ASSERT_TRUE(journal_->RecordStarted(other_org, CreateAccount("x"), kT0).ok());

  auto second = *journal_->BeginRun(kOrg, kT0 + seconds(60));
  ASSERT_TRUE(journal_->RecordStarted(second, CreateAccount("c"), kT0 + seconds(61)).ok());
  auto unfinished = journal_->Unfinished(kOrg, second);
  ASSERT_TRUE(unfinished.ok()) << unfinished.error().message;
  ASSERT_EQ(unfinished->size(), 1u);
  EXPECT_EQ(unfinished->front().id, dangling);
  EXPECT_EQ(unfinished->front().planned.fingerprint, "create-account:b");

  // Once the resumed run has found the account, it closes the old record.
  ASSERT_TRUE(journal_->RecordDone(dangling, "", "222222222222", kT0 + seconds(62)).ok());
  EXPECT_TRUE(journal_->Unfinished(kOrg, second)->empty());
  auto last = journal_->LastDone(kOrg, "create-account:b");
  ASSERT_TRUE(last.ok());
  ASSERT_TRUE(last->has_value());
  EXPECT_EQ((*last)->result_id, "222222222222");
  EXPECT_FALSE(journal_->LastDone("999999999999", "create-account:b")->has_value());
}

TEST_F(ApplyJournalTest, AnOperationIsFinishedOnlyOnce) {
  auto run = *journal_->BeginRun(kOrg, kT0);
  auto op = *journal_->RecordStarted(run, CreateAccount("a"), kT0);
  ASSERT_TRUE(journal_->RecordDone(op, "r1", "111111111111", kT0).ok());
  auto again = journal_->RecordFailed(op, "r2", "late failure", kT0);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().message, "the apply journal has no started operation " + std::to_string(op));
  EXPECT_FALSE(journal_->RecordDone(op + 100, "", "", kT0).ok());
  EXPECT_FALSE(journal_->FinishRun(run + 100, RunStatus::kDone, kT0).ok());
}

TEST_F(ApplyJournalTest, OperationsMustBelongToARun) {
  auto orphan = journal_->RecordStarted(42, CreateAccount("a"), kT0);
  ASSERT_FALSE(orphan.ok());
  EXPECT_NE(orphan.error().message.find("FOREIGN KEY constraint failed"), std::string::npos);
}

// The point of writing before sending: a process killed right after
// RecordStarted returns must leave the record behind.
TEST_F(ApplyJournalTest, ARecordSurvivesSigkillRightAfterTheWrite) {
  journal_.reset();
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto journal = ApplyJournal::Open(*state_);
    if (!journal.ok()) ::_exit(3);
    auto run = journal->BeginRun(kOrg, kT0);
    if (!run.ok()) ::_exit(4);
    if (!journal->RecordStarted(*run, CreateAccount("killed"), kT0).ok()) ::_exit(5);
    ::kill(::getpid(), SIGKILL);
    ::_exit(6);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "child exited with " << WEXITSTATUS(status);
  EXPECT_EQ(WTERMSIG(status), SIGKILL);

  ApplyJournal journal = Reopen();
  auto next = *journal.BeginRun(kOrg, kT0 + seconds(10));
  auto unfinished = journal.Unfinished(kOrg, next);
  ASSERT_TRUE(unfinished.ok()) << unfinished.error().message;
  ASSERT_EQ(unfinished->size(), 1u);
  EXPECT_EQ(unfinished->front().planned.target, "account killed");
  EXPECT_EQ(unfinished->front().status, OperationStatus::kStarted);
  EXPECT_EQ(journal.GetRun(unfinished->front().run_id)->status, RunStatus::kRunning);
}

}  // namespace
}  // namespace foyer::store
