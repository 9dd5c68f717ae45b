#include "iam/evaluator.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "iam/conditions.h"
#include "iam/principals.h"
#include "iam/variables.h"
#include "iam/wildcard.h"

namespace foyer::iam {
namespace {

// The request, prepared once for matching against many statements.
struct Scan {
  explicit Scan(const Request& request) : request(request), caller(IdentifyCaller(request.principal)) {
    action.reserve(request.action.size());
    for (char c : request.action) action.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    resource_is_arn = SplitArn(request.resource, resource_fields);
    resource_account = resource_is_arn && !resource_fields[4].empty() ? resource_fields[4]
                                                                       : std::string_view(request.resource_account);
  }

  const Request& request;
  CallerIdentity caller;
  std::string action;  // lowercased
  bool resource_is_arn = false;
  std::string_view resource_fields[6];  // the resource ARN, split once
  std::string_view resource_account;
  std::string scratch;  // reused by variable substitution
};

bool ActionMatches(const Statement& statement, std::string_view action) {
  bool any = std::any_of(statement.actions.begin(), statement.actions.end(), [&](const std::string& pattern) {
    return WildcardMatch(pattern, action);
  });
  return statement.not_action ? !any : any;
}

enum class ResourceTest { kMatch, kNoMatch, kUnresolved };

ResourceTest OneResourceMatches(const std::string& pattern, bool variables_enabled, Scan& scan) {
  if (pattern == "*") return ResourceTest::kMatch;
  bool matched;
  if (variables_enabled && HasVariables(pattern)) {
    if (!SubstituteVariables(pattern, scan.request.context, Substitution::kPattern, scan.scratch)) {
      return ResourceTest::kUnresolved;
    }
    matched = scan.resource_is_arn &&
              ArnMatchFields(scan.scratch, scan.resource_fields, {.ignore_case = false, .escapes = true});
  } else {
    matched = scan.resource_is_arn && ArnMatchFields(pattern, scan.resource_fields);
  }
  return matched ? ResourceTest::kMatch : ResourceTest::kNoMatch;
}

// A variable that cannot be resolved makes its Resource entry match nothing
// and, since AWS then treats the statement as invalid, keeps a NotResource
// statement from applying at all.
bool ResourceMatches(const Statement& statement, bool variables_enabled, Scan& scan) {
  if (!statement.has_resource) return true;
  bool any = false;
  for (const std::string& pattern : statement.resources) {
    ResourceTest test = OneResourceMatches(pattern, variables_enabled, scan);
    if (test == ResourceTest::kUnresolved && statement.not_resource) return false;
    any = any || test == ResourceTest::kMatch;
  }
  return statement.not_resource ? !any : any;
}

// Action, resource and conditions; the Principal element is the caller's
// business (only resource policies have one).
bool StatementApplies(const Policy& policy, const Statement& statement, Scan& scan) {
  return ActionMatches(statement, scan.action) && ResourceMatches(statement, policy.variables_enabled, scan) &&
         ConditionsHold(statement.conditions, scan.request.context, policy.variables_enabled);
}

struct Matches {
  std::vector<StatementRef> allow;
  std::vector<StatementRef> deny;
};

void Collect(const Policy& policy, Scan& scan, Matches& out) {
  for (std::uint32_t i = 0; i < policy.statements.size(); ++i) {
    const Statement& statement = policy.statements[i];
    if (!StatementApplies(policy, statement, scan)) continue;
    (statement.effect == Effect::kAllow ? out.allow : out.deny).push_back({&policy, i});
  }
}

// Allow statements of a resource policy, sorted by how they name the caller.
struct ResourceAllows {
  std::vector<StatementRef> deny;
  std::vector<StatementRef> names_caller;  // kDirect
  std::vector<StatementRef> names_everyone;  // kEveryone
  std::vector<StatementRef> names_role_or_user;  // kRoleOfSession, kUserOfSession
  std::vector<StatementRef> names_account;  // kAccount
};

ResourceAllows CollectResource(const Policy& policy, bool has_boundary, Scan& scan) {
  ResourceAllows out;
  for (std::uint32_t i = 0; i < policy.statements.size(); ++i) {
    const Statement& statement = policy.statements[i];
    PrincipalMatch match = MatchPrincipal(statement, scan.caller);
    // "NotPrincipal" with "Deny" denies every principal that has a
    // permissions boundary, whatever it lists (IAM User Guide, NotPrincipal).
    bool boundary_override = has_boundary && statement.effect == Effect::kDeny &&
                             statement.principal_kind == PrincipalKind::kNotPrincipal;
    if (match == PrincipalMatch::kNone && !boundary_override) continue;
    if (!StatementApplies(policy, statement, scan)) continue;
    StatementRef ref{&policy, i};
    if (statement.effect == Effect::kDeny) out.deny.push_back(ref);
    else if (match == PrincipalMatch::kDirect) out.names_caller.push_back(ref);
    else if (match == PrincipalMatch::kEveryone) out.names_everyone.push_back(ref);
    else if (match == PrincipalMatch::kAccount) out.names_account.push_back(ref);
    else out.names_role_or_user.push_back(ref);
  }
  return out;
}

// Services whose resource policy must trust the caller's account even for
// callers in the same account: role trust policies and KMS key policies.
bool ResourcePolicyMustTrustAccount(const Scan& scan, bool has_resource_policy) {
  if (scan.action.starts_with("sts:assumerole")) return has_resource_policy;
  std::string_view fields[6];
  return scan.action.starts_with("kms:") && SplitArn(scan.request.resource, fields) && fields[5].starts_with("key/");
}

void Append(std::vector<StatementRef>& to, const std::vector<StatementRef>& from) {
  to.insert(to.end(), from.begin(), from.end());
}

}  // namespace

std::string_view VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kAllow: return "allow";
    case Verdict::kExplicitDeny: return "explicit_deny";
    case Verdict::kImplicitDeny: return "implicit_deny";
  }
  return "implicit_deny";
}

std::string DescribeDenial(const Decision& decision) {
  switch (decision.reason) {
    case DenialReason::kNone: return "";
    case DenialReason::kNoAllow: return "no identity or resource policy statement allows it";
    case DenialReason::kScpLevel:
      return "no statement of SCP level " + std::to_string(decision.scp_level) + " (0 is the root) allows it";
    case DenialReason::kPermissionBoundary: return "the permissions boundary does not allow it";
    case DenialReason::kSessionPolicy: return "the session policy does not allow it";
    case DenialReason::kCrossAccount:
      return "it crosses accounts and the resource policy does not grant the caller or its account";
    case DenialReason::kUntrusted: return "the trust or key policy does not trust the caller's account";
  }
  return "";
}

Decision Evaluate(const Request& request, const PolicySet& policies) {
  Scan scan(request);
  const bool scps_apply = !policies.management_account && !scan.caller.is_service;

  Matches identity, boundary, session;
  for (const Policy& policy : policies.identity) Collect(policy, scan, identity);
  if (policies.permission_boundary) Collect(*policies.permission_boundary, scan, boundary);
  if (policies.session) Collect(*policies.session, scan, session);
  std::vector<Matches> scp_levels;
  if (scps_apply) {
    scp_levels.resize(policies.scps.size());
    for (size_t level = 0; level < policies.scps.size(); ++level) {
      for (const Policy& policy : policies.scps[level]) Collect(policy, scan, scp_levels[level]);
    }
  }
  ResourceAllows resource;
  if (policies.resource) {
    resource = CollectResource(*policies.resource, policies.permission_boundary.has_value(), scan);
  }

  // 1. Explicit deny anywhere.
  Decision decision;
  Append(decision.deciding, identity.deny);
  Append(decision.deciding, resource.deny);
  for (const Matches& level : scp_levels) Append(decision.deciding, level.deny);
  Append(decision.deciding, boundary.deny);
  Append(decision.deciding, session.deny);
  if (!decision.deciding.empty()) {
    decision.verdict = Verdict::kExplicitDeny;
    return decision;
  }

  // 2. Every SCP level must allow.
  for (size_t level = 0; level < scp_levels.size(); ++level) {
    if (scp_levels[level].allow.empty()) {
      decision.reason = DenialReason::kScpLevel;
      decision.scp_level = static_cast<int>(level);
      return decision;
    }
  }

  // 3. Identity path and resource path.
  const bool same_account = !scan.caller.account.empty() && scan.caller.account == scan.resource_account;
  const bool has_boundary = policies.permission_boundary.has_value();
  const bool has_session = policies.session.has_value();
  const bool boundary_allows = !has_boundary || !boundary.allow.empty();
  const bool session_allows = !has_session || !session.allow.empty();

  std::vector<StatementRef> trust;  // resource statements the identity path needs
  const bool identity_allows = !identity.allow.empty() && !scan.caller.is_service;
  bool trusted = true;
  if (same_account) {
    if (ResourcePolicyMustTrustAccount(scan, policies.resource.has_value())) {
      trust = resource.names_account;
      trusted = !trust.empty();
    }
  } else {
    Append(trust, resource.names_caller);
    Append(trust, resource.names_everyone);
    Append(trust, resource.names_role_or_user);
    Append(trust, resource.names_account);
    trusted = !trust.empty();
  }
  const bool identity_path = identity_allows && trusted && boundary_allows && session_allows;

  // Same account only (or a service principal): a resource policy naming the
  // caller grants on its own. Naming the session itself passes a session
  // policy, and naming the user or session (or everyone) passes a boundary;
  // naming the role or user behind a session passes neither.
  std::vector<StatementRef> resource_grant;
  if (same_account || scan.caller.is_service) {
    bool caller_is_session_or_user = scan.caller.is_user || scan.caller.is_role_session || scan.caller.is_federated_user;
    if ((boundary_allows || caller_is_session_or_user) && session_allows) {
      Append(resource_grant, resource.names_caller);
      Append(resource_grant, resource.names_everyone);
    } else if (boundary_allows || caller_is_session_or_user) {
      Append(resource_grant, resource.names_caller);
    }
    if (boundary_allows && session_allows) Append(resource_grant, resource.names_role_or_user);
  }
  if (!identity_path && resource_grant.empty()) {
    bool resource_names_caller = !resource.names_caller.empty() || !resource.names_everyone.empty() ||
                                 !resource.names_role_or_user.empty();
    bool something_allows = identity_allows || ((same_account || scan.caller.is_service) && resource_names_caller);
    if (!something_allows) decision.reason = DenialReason::kNoAllow;
    else if (!boundary_allows) decision.reason = DenialReason::kPermissionBoundary;
    else if (!session_allows) decision.reason = DenialReason::kSessionPolicy;
    else if (!same_account) decision.reason = DenialReason::kCrossAccount;
    else decision.reason = DenialReason::kUntrusted;
    return decision;
  }

  decision.verdict = Verdict::kAllow;
  if (identity_path) {
    Append(decision.deciding, identity.allow);
    Append(decision.deciding, trust);
  }
  for (const StatementRef& ref : resource_grant) {
    bool listed = std::any_of(decision.deciding.begin(), decision.deciding.end(), [&](const StatementRef& seen) {
      return seen.policy == ref.policy && seen.statement == ref.statement;
    });
    if (!listed) decision.deciding.push_back(ref);
  }
  for (const Matches& level : scp_levels) Append(decision.deciding, level.allow);
  Append(decision.deciding, boundary.allow);
  Append(decision.deciding, session.allow);
  return decision;
}

}  // namespace foyer::iam
