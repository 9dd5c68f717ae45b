#include "org/applier.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "aws/organizations.h"
#include "base/error.h"

namespace foyer::org {
namespace {

// What every change of a run shares, behind one lock each.
class SharedRun {
 public:
  SharedRun(ApplyRun& run, ApplyObserver& observer) : run_(run), observer_(observer) {}

  ApplyRun& run() { return run_; }

  Result<std::string> AccountId(const std::string& name) {
    std::lock_guard<std::mutex> lock(ids_mutex_);
    auto found = run_.account_ids.find(name);
    if (found == run_.account_ids.end()) {
      return MakeError("UnknownAccount", "account " + name + " does not exist yet; it is created by "
                                         "an earlier change of this plan that did not succeed");
    }
    return found->second;
  }
  void RecordAccountId(const std::string& name, const std::string& id) {
    std::lock_guard<std::mutex> lock(ids_mutex_);
    run_.account_ids[name] = id;
  }

  Result<std::string> OrganizationId() {
    std::lock_guard<std::mutex> lock(ids_mutex_);
    if (!run_.organization_id.empty()) return run_.organization_id;
    auto config = run_.access->ConfigIn(run_.organization, run_.default_region);
    if (!config.ok()) return config.error();
    auto organization = aws::OrganizationsClient(std::move(*config)).DescribeOrganization();
    if (!organization.ok()) return organization.error();
    run_.organization_id = organization->id;
    return run_.organization_id;
  }

  Result<std::int64_t> RecordStarted(const store::PlannedOperation& operation) {
    std::lock_guard<std::mutex> lock(journal_mutex_);
    return run_.journal->RecordStarted(run_.run_id, operation, std::chrono::system_clock::now());
  }
  Status RecordOutcome(std::int64_t id, const Result<std::string>& outcome) {
    std::lock_guard<std::mutex> lock(journal_mutex_);
    auto now = std::chrono::system_clock::now();
    if (outcome.ok()) return run_.journal->RecordDone(id, "", *outcome, now);
    return run_.journal->RecordFailed(id, outcome.error().request_id, outcome.error().message, now);
  }

  // Observer calls come from several threads; the observer sees them one
  // at a time.
  template <typename Call>
  void Tell(Call call) {
    std::lock_guard<std::mutex> lock(observer_mutex_);
    call(observer_);
  }

 private:
  ApplyRun& run_;
  ApplyObserver& observer_;
  std::mutex ids_mutex_;
  std::mutex journal_mutex_;
  std::mutex observer_mutex_;
};

class ChangeContext : public ApplyContext {
 public:
  ChangeContext(SharedRun& shared, const Change& change) : shared_(shared), change_(change) {}

  Result<std::string> AccountId(const std::string& name) override { return shared_.AccountId(name); }
  void RecordAccountId(const std::string& name, const std::string& id) override {
    shared_.RecordAccountId(name, id);
  }
  Result<std::string> OrganizationId() override { return shared_.OrganizationId(); }
  AccountAccess& access() override { return *shared_.run().access; }

  Result<std::string> Journaled(const std::string& operation, const std::string& target,
                                const std::function<Result<std::string>()>& call) override {
    auto id = shared_.RecordStarted({operation, target, operation + " " + target});
    if (!id.ok()) return id.error();
    Result<std::string> outcome = call();
    Status recorded = shared_.RecordOutcome(*id, outcome);
    if (!recorded.ok()) {
      return MakeError("JournalFailed", operation + " on " + target +
                                            " was sent but its outcome could not be journaled: " +
                                            recorded.error().message);
    }
    return outcome;
  }

  void Progress(const std::string& message) override {
    shared_.Tell([&](ApplyObserver& observer) { observer.Progressed(change_, message); });
  }

 private:
  SharedRun& shared_;
  const Change& change_;
};

enum class State { kWaiting, kRunning, kSucceeded, kFailed, kSkipped };

// The dependency-ordered, bounded-concurrency run of a plan's changes.
class Scheduler {
 public:
  Scheduler(const Plan& plan, SharedRun& shared) : plan_(plan), shared_(shared) {
    size_t n = plan.changes.size();
    states_.assign(n, State::kWaiting);
    waiting_on_.assign(n, 0);
    dependents_.assign(n, {});
    std::map<std::string, size_t> index;
    for (size_t i = 0; i < n; ++i) index[plan.changes[i].address] = i;
    for (size_t i = 0; i < n; ++i) {
      for (const std::string& address : plan.changes[i].depends_on) {
        auto found = index.find(address);
        if (found == index.end() || found->second == i) continue;
        dependents_[found->second].push_back(i);
        ++waiting_on_[i];
      }
    }
    for (size_t i = 0; i < n; ++i) {
      if (waiting_on_[i] == 0) ready_.push_back(i);
    }
  }

  ApplyOutcome Run(int concurrency) {
    size_t workers = std::min<size_t>(std::max(concurrency, 1), plan_.changes.size());
    std::vector<std::thread> threads;
    for (size_t i = 0; i < workers; ++i) threads.emplace_back([this] { Work(); });
    for (auto& thread : threads) thread.join();
    return outcome_;
  }

 private:
  void Work() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
      wake_.wait(lock, [this] { return !ready_.empty() || resolved_ == plan_.changes.size(); });
      if (ready_.empty()) return;
      size_t i = ready_.front();
      ready_.pop_front();
      states_[i] = State::kRunning;
      lock.unlock();
      Status status = RunOne(plan_.changes[i]);
      lock.lock();
      Resolve(i, status);
      wake_.notify_all();
    }
  }

  Status RunOne(const Change& change) {
    shared_.Tell([&](ApplyObserver& observer) { observer.Started(change); });
    auto started = std::chrono::steady_clock::now();
    ChangeContext context(shared_, change);
    Status status = change.apply ? change.apply(context)
                                 : Status(MakeError("InternalError", "change has no apply step"));
    auto took = std::chrono::steady_clock::now() - started;
    shared_.Tell([&](ApplyObserver& observer) { observer.Finished(change, status, took); });
    return status;
  }

  // REQUIRES: mutex_ held.
  void Resolve(size_t i, const Status& status) {
    ++resolved_;
    if (status.ok()) {
      states_[i] = State::kSucceeded;
      ++outcome_.succeeded;
      for (size_t next : dependents_[i]) {
        if (states_[next] == State::kWaiting && --waiting_on_[next] == 0) ready_.push_back(next);
      }
      return;
    }
    states_[i] = State::kFailed;
    ++outcome_.failed;
    outcome_.failures.push_back(plan_.changes[i].address + ": " + status.error().message);
    Skip(i);
  }

  // Skips every change that depends, directly or not, on change `i`.
  // REQUIRES: mutex_ held.
  void Skip(size_t i) {
    for (size_t next : dependents_[i]) {
      if (states_[next] != State::kWaiting) continue;
      states_[next] = State::kSkipped;
      ++resolved_;
      ++outcome_.skipped;
      std::string reason = "depends on " + plan_.changes[i].address + ", which did not succeed";
      shared_.Tell([&](ApplyObserver& observer) { observer.Skipped(plan_.changes[next], reason); });
      Skip(next);
    }
  }

  const Plan& plan_;
  SharedRun& shared_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<State> states_;
  std::vector<size_t> waiting_on_;
  std::vector<std::vector<size_t>> dependents_;
  std::deque<size_t> ready_;
  size_t resolved_ = 0;
  ApplyOutcome outcome_;
};

}  // namespace

Result<ApplyOutcome> ApplyPlan(const Plan& plan, ApplyRun& run, int concurrency, ApplyObserver& observer) {
  if (run.journal == nullptr || run.access == nullptr) {
    return MakeError("InternalError", "apply needs a journal and account access");
  }
  if (plan.changes.empty()) return ApplyOutcome{};
  SharedRun shared(run, observer);
  Scheduler scheduler(plan, shared);
  return scheduler.Run(concurrency);
}

}  // namespace foyer::org
