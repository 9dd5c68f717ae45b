// Creating an account exactly once.
//
// CreateAccount is not idempotent: sent twice, it makes two accounts. A run
// may die between sending it and learning the result, so before creating,
// CreateOrLocateAccount looks for the account a previous attempt may have
// made — by root email among the organization's accounts, then among the
// creation requests still in progress by account name — and only sends
// CreateAccount when neither knows it. The request is journaled before it is
// sent and its id recorded after (ApplyContext::Journaled).
#ifndef FOYER_ORG_ACCOUNT_CREATION_H_
#define FOYER_ORG_ACCOUNT_CREATION_H_

#include <string>

#include "aws/organizations.h"
#include "base/result.h"
#include "org/naming.h"
#include "org/resource_family.h"

namespace foyer::org {

// The id of account `want`, created (with its tags) unless it already
// exists or is being created, once its creation has succeeded. Polls the
// creation status with exponential backoff (1 s doubling to 15 s), showing
// the state through ApplyContext::Progress. A failed creation is an error
// that says why and what to do.
Result<std::string> CreateOrLocateAccount(aws::OrganizationsClient& organizations,
                                          const DesiredAccount& want, ApplyContext& context);

// What to do about a creation that failed with `reason` (FailureReason of
// CreateAccountStatus), for the error message.
std::string CreationFailureAdvice(const std::string& reason, const DesiredAccount& want);

}  // namespace foyer::org

#endif  // FOYER_ORG_ACCOUNT_CREATION_H_
