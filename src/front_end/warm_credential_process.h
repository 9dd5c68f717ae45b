// The one thing the front end does itself: print a cached session for
// `credential_process`, exactly as `foyer-cli credential-process` would.
#ifndef FOYER_FRONT_END_WARM_CREDENTIAL_PROCESS_H_
#define FOYER_FRONT_END_WARM_CREDENTIAL_PROCESS_H_

#include <cstdio>

#include "access/target_session_plan.h"
#include "creds/environment.h"

namespace foyer::front_end {

// Writes the credential_process line of the cached session of `options` to
// `out` and returns true when the cache holds one valid for longer than the
// refresh window (access::PeekTargetSession). Returns false, having written
// nothing, in every other case — a miss, an entry about to expire, any
// error — so that the full program handles it and reports what it must.
bool AnswerFromCache(const access::TargetSessionOptions& options, const creds::Environment& env, std::FILE* out);

}  // namespace foyer::front_end

#endif  // FOYER_FRONT_END_WARM_CREDENTIAL_PROCESS_H_
