#include "org/applier.h"

#include <atomic>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "base/error.h"
#include "store/scratch_dir_for_tests.h"

namespace foyer::org {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class NoAccess : public AccountAccess {
 public:
  Result<aws::ClientConfig> ConfigIn(const std::string&, const std::string&) override {
    return MakeError("NoAccess", "tests reach no account");
  }
};

class RecordingObserver : public ApplyObserver {
 public:
  void Started(const Change& change) override { started.push_back(change.address); }
  void Progressed(const Change& change, const std::string& message) override {
    progress.push_back(change.address + ": " + message);
  }
  void Finished(const Change& change, const Status& status, std::chrono::steady_clock::duration) override {
    finished.push_back(change.address + (status.ok() ? " ok" : " failed"));
  }
  void Skipped(const Change& change, const std::string& reason) override {
    skipped.push_back(change.address + ": " + reason);
  }
  std::vector<std::string> started, progress, finished, skipped;
};

class ApplierTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto state = store::StateDir::Open(scratch_.path());
    ASSERT_TRUE(state.ok());
    auto journal = store::ApplyJournal::Open(*state);
    ASSERT_TRUE(journal.ok());
    journal_.emplace(std::move(*journal));
    auto run_id = journal_->BeginRun("111111111111", std::chrono::system_clock::now());
    ASSERT_TRUE(run_id.ok());
    run_.journal = &*journal_;
    run_.run_id = *run_id;
    run_.organization = "111111111111";
    run_.access = &access_;
  }

  Change Step(std::string address, std::vector<std::string> depends_on,
              std::function<Status(ApplyContext&)> apply) {
    Change change;
    change.address = std::move(address);
    change.depends_on = std::move(depends_on);
    change.apply = std::move(apply);
    return change;
  }

  store::ScratchDir scratch_;
  std::optional<store::ApplyJournal> journal_;
  NoAccess access_;
  ApplyRun run_;
  RecordingObserver observer_;
};

TEST_F(ApplierTest, RunsDependenciesFirstAndSharesAccountIds) {
  std::mutex order_mutex;
  std::vector<std::string> order;
  auto log = [&](const std::string& what) {
    std::lock_guard<std::mutex> lock(order_mutex);
    order.push_back(what);
  };
  Plan plan;
  plan.changes.push_back(Step("iam_role.web/foyer/Auditor", {"account.web"}, [&](ApplyContext& context) {
    auto id = context.AccountId("web");
    if (!id.ok()) return Status(id.error());
    log("role in " + *id);
    return OkStatus();
  }));
  plan.changes.push_back(Step("account.web", {"organization"}, [&](ApplyContext& context) {
    context.RecordAccountId("web", "222222222222");
    log("account");
    return OkStatus();
  }));
  auto outcome = ApplyPlan(plan, run_, 8, observer_);
  ASSERT_TRUE(outcome.ok());
  EXPECT_TRUE(outcome->ok());
  EXPECT_EQ(outcome->succeeded, 2);
  EXPECT_THAT(order, ElementsAre("account", "role in 222222222222"));
}

TEST_F(ApplierTest, AFailureSkipsItsDependentsButNotIndependentChanges) {
  Plan plan;
  plan.changes.push_back(Step("account.a", {}, [](ApplyContext&) {
    return Status(MakeError("Boom", "no quota left"));
  }));
  plan.changes.push_back(Step("iam_role.a/foyer/Administrator", {"account.a"}, [](ApplyContext&) { return OkStatus(); }));
  plan.changes.push_back(Step("scp.neuter", {"iam_role.a/foyer/Administrator"}, [](ApplyContext&) { return OkStatus(); }));
  plan.changes.push_back(Step("account.b", {}, [](ApplyContext&) { return OkStatus(); }));
  auto outcome = ApplyPlan(plan, run_, 1, observer_);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->succeeded, 1);
  EXPECT_EQ(outcome->failed, 1);
  EXPECT_EQ(outcome->skipped, 2);
  EXPECT_THAT(outcome->failures, ElementsAre("account.a: no quota left"));
  EXPECT_THAT(observer_.skipped,
              ElementsAre("iam_role.a/foyer/Administrator: depends on account.a, which did not succeed",
                          "scp.neuter: depends on iam_role.a/foyer/Administrator, which did not succeed"));
}

TEST_F(ApplierTest, NeverRunsMoreThanTheConcurrencyAtOnce) {
  std::atomic<int> running{0};
  std::atomic<int> most{0};
  Plan plan;
  for (int i = 0; i < 12; ++i) {
    plan.changes.push_back(Step("account." + std::to_string(i), {}, [&](ApplyContext&) {
      int now = ++running;
      int seen = most.load();
      while (now > seen && !most.compare_exchange_weak(seen, now)) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      --running;
      return OkStatus();
    }));
  }
  auto outcome = ApplyPlan(plan, run_, 3, observer_);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->succeeded, 12);
  EXPECT_LE(most.load(), 3);
  EXPECT_GE(most.load(), 1);
}

TEST_F(ApplierTest, JournalsEveryCallBeforeAndAfter) {
  Plan plan;
  plan.changes.push_back(Step("account.a", {}, [](ApplyContext& context) {
    auto made = context.Journaled("organizations:CreateAccount", "account a",
                                  []() -> Result<std::string> { return std::string("car-1"); });
    if (!made.ok()) return Status(made.error());
    context.Progress("polling");
    auto refused = context.Journaled("organizations:MoveAccount", "account a into Security",
                                     []() -> Result<std::string> {
                                       return MakeError("ConcurrentModificationException", "busy");
                                     });
    return refused.ok() ? OkStatus() : Status(refused.error());
  }));
  auto outcome = ApplyPlan(plan, run_, 2, observer_);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->failed, 1);
  auto operations = journal_->OperationsOf(run_.run_id);
  ASSERT_TRUE(operations.ok());
  ASSERT_EQ(operations->size(), 2u);
  EXPECT_EQ((*operations)[0].planned.operation, "organizations:CreateAccount");
  EXPECT_EQ((*operations)[0].status, store::OperationStatus::kDone);
  EXPECT_EQ((*operations)[0].result_id, "car-1");
  EXPECT_EQ((*operations)[1].status, store::OperationStatus::kFailed);
  EXPECT_THAT((*operations)[1].error, HasSubstr("busy"));
  EXPECT_THAT(observer_.progress, ElementsAre("account.a: polling"));
}

}  // namespace
}  // namespace foyer::org
