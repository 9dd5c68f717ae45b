// `foyer revoke`: cut off every session of landing roles issued before a
// time, by the standard inline policy denying everything to sessions whose
// aws:TokenIssueTime is earlier (DESIGN.md section 1).
//
// Sessions already chained into target roles are not landing sessions:
// they live on until they expire, at most an hour (the role-chaining
// limit), and cannot be renewed from a revoked landing session.
#ifndef FOYER_ROLES_REVOCATION_H_
#define FOYER_ROLES_REVOCATION_H_

#include <string>

#include "aws/iam.h"
#include "base/result.h"
#include "base/time_format.h"

namespace foyer::roles {

// Puts the revocation policy on the landing role of `group` (through `iam`,
// acting in the admin account) with cutoff `before`, unless the role
// already carries a later cutoff, which denies more and is kept. Returns
// the cutoff in force.
Result<SystemTime> RevokeSessions(aws::IamClient& iam, const std::string& group, SystemTime before);

}  // namespace foyer::roles

#endif  // FOYER_ROLES_REVOCATION_H_
