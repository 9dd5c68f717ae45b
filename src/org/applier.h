// The applier: runs a plan's changes in dependency order, several at once,
// journaling every mutating call.
//
// A change starts once every change it depends on has succeeded; a change
// whose dependency failed is skipped (and says which); independent changes
// go on, so one failure does not stop the rest of the organization from
// converging. At most `concurrency` changes run at a time.
#ifndef FOYER_ORG_APPLIER_H_
#define FOYER_ORG_APPLIER_H_

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "base/result.h"
#include "org/plan.h"
#include "org/resource_family.h"
#include "store/apply_journal.h"

namespace foyer::org {

// Told what happens, from the worker threads (calls are serialized).
class ApplyObserver {
 public:
  virtual ~ApplyObserver() = default;
  virtual void Started(const Change& change) = 0;
  virtual void Progressed(const Change& change, const std::string& message) = 0;
  virtual void Finished(const Change& change, const Status& status,
                        std::chrono::steady_clock::duration took) = 0;
  virtual void Skipped(const Change& change, const std::string& reason) = 0;
};

// What the changes of one apply share.
struct ApplyRun {
  store::ApplyJournal* journal = nullptr;
  std::int64_t run_id = 0;
  // The management account id: the journal's organization key.
  std::string organization;
  std::string default_region;
  AccountAccess* access = nullptr;
  // Account name -> id, known before the apply (grows as accounts are made).
  std::map<std::string, std::string> account_ids;
  // The organization id (o-...), when it exists before the apply.
  std::string organization_id;
};

struct ApplyOutcome {
  int succeeded = 0;
  int failed = 0;
  int skipped = 0;
  // "address: message", one per failed change.
  std::vector<std::string> failures;
  bool ok() const { return failed == 0 && skipped == 0; }
};

// Applies every change of `plan`. Returns an error only when the run itself
// cannot go on (the journal cannot be written); failed changes are counted
// in the outcome.
// REQUIRES: concurrency >= 1; every depends_on within the plan is acyclic.
Result<ApplyOutcome> ApplyPlan(const Plan& plan, ApplyRun& run, int concurrency, ApplyObserver& observer);

}  // namespace foyer::org

#endif  // FOYER_ORG_APPLIER_H_
