#include "access/target_session.h"

#include "access/role_session.h"

namespace foyer::access {

Result<TargetSession> OpenTargetSession(const TargetSessionOptions& options, const creds::Environment& env) {
  auto plan = PlanTargetSession(options, env);
  if (!plan.ok()) return plan.error();
  auto warm = PeekTargetSession(*plan);
  if (!warm.ok()) return warm.error();
  if (*warm) return std::move(**warm);
  auto cache = store::CredentialCache::Open(plan->state);
  if (!cache.ok()) return cache.error();
  auto session = GetRoleSession(plan->org, plan->request, plan->state, *cache, env);
  if (!session.ok()) return session.error();
  return TargetSession{std::move(*session), plan->request.account_id, plan->region, plan->request.role};
}

}  // namespace foyer::access
