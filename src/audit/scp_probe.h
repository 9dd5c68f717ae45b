// Asking the policy engine what the SCPs of an account let a principal do,
// to prove guardrails by their effect rather than by their names.
#ifndef FOYER_AUDIT_SCP_PROBE_H_
#define FOYER_AUDIT_SCP_PROBE_H_

#include <string>

#include "access_graph/snapshot.h"

namespace foyer::audit {

// Whether the SCPs binding `account` keep `principal` from `action` on
// `resource`. Never true for the management account (SCPs do not bind it)
// or for a snapshot without SCPs.
bool ScpsDeny(const access_graph::Snapshot& snapshot, const access_graph::SnapshotAccount& account,
              const std::string& principal, const std::string& action, const std::string& resource);

// Whether `role_arn` of `account` can do nothing that matters: the SCPs deny
// it both changing IAM and moving on with sts:AssumeRole. A neutered
// OrganizationAccountAccessRole is the bootstrap door closed.
bool IsNeutered(const access_graph::Snapshot& snapshot, const access_graph::SnapshotAccount& account,
                const std::string& role_arn);

}  // namespace foyer::audit

#endif  // FOYER_AUDIT_SCP_PROBE_H_
