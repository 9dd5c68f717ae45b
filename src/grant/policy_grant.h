// Granting on a live resource: read its policy, merge the grant's
// statement, write the result only when it changed.
#ifndef FOYER_GRANT_POLICY_GRANT_H_
#define FOYER_GRANT_POLICY_GRANT_H_

#include <nlohmann/json.hpp>

#include "aws/client_config.h"
#include "base/result.h"
#include "grant/resource_grant.h"

namespace foyer::grant {

struct GrantOutcome {
  // The resource's policy after the grant (what --dry-run prints); null
  // when an S3 bucket is left without one.
  nlohmann::json policy;
  bool changed = false;  // the policy differs from what it was
  bool written = false;  // and it was written (not a dry run)
};

// Applies `grant` (or its revocation) to the resource with `config`'s
// credentials and region. The statement's bucket ARN and the key's id are
// filled here. With `dry_run` nothing is written. A bucket whose last
// statement is revoked has its policy deleted; a key policy keeps at least
// its other statements (KMS refuses a key without a policy).
Result<GrantOutcome> ApplyGrant(const aws::ClientConfig& config, Grant grant, bool revoke, bool dry_run);

}  // namespace foyer::grant

#endif  // FOYER_GRANT_POLICY_GRANT_H_
