// `foyer audit`: the organization checked against DESIGN.md's rules S1-S10
// and more, from a snapshot (live or from a file) and its access graph.
//
// Rules that the policies cannot show are not guessed at: S5 (regions) and
// S9 (tools just work) are properties of the spec and the client, S6 of the
// login methods, so they are checked by `foyer validate` and the login
// tests, not here. Everything else has at least one rule (rules.h).
#ifndef FOYER_AUDIT_AUDIT_H_
#define FOYER_AUDIT_AUDIT_H_

#include <chrono>
#include <string>
#include <vector>

#include "access_graph/graph.h"
#include "access_graph/snapshot.h"
#include "audit/finding.h"

namespace foyer::audit {

struct AuditOptions {
  // The administrative access account; "" = the account tagged
  // foyer:kind=admin, else the one named "admin".
  std::string admin_account;
  // Access key ages are measured from the snapshot's collection time, or
  // from `now` when the snapshot does not say.
  std::chrono::system_clock::time_point now = std::chrono::system_clock::now();
};

// Every finding, sorted (finding.h). REQUIRES: `graph` was built from `snapshot`.
std::vector<Finding> RunAudit(const access_graph::Snapshot& snapshot, const access_graph::AccessGraph& graph,
                              const AuditOptions& options);

}  // namespace foyer::audit

#endif  // FOYER_AUDIT_AUDIT_H_
