// The access graph: who can become whom by sts:AssumeRole*.
//
// Nodes are principals: IAM roles, IAM users, identity providers (the IdP
// groups behind them arrive through the landing roles' trust conditions),
// AWS services, and principals outside the snapshot that a trust policy
// names (other accounts, their roles or users). An edge A -> B means that A
// can assume role B: B's trust policy admits A for the action A would use
// (sts:AssumeRole, or AssumeRoleWithWebIdentity/AssumeRoleWithSAML for an
// identity provider) and, for IAM principals, A's identity policies, its
// permissions boundary and the SCPs of its account allow sts:AssumeRole on B,
// with iam::Evaluate deciding same- versus cross-account rules.
//
// Conditions. Whether an edge can be crossed often depends on the request
// (MFA, ExternalId, SourceIdentity, session tags, the IdP's claims), which no
// snapshot knows. Each condition clause is therefore sorted once:
//  - keys that the principal alone determines (aws:PrincipalArn,
//    aws:PrincipalAccount, aws:PrincipalOrgID, aws:PrincipalOrgPaths,
//    aws:PrincipalType, aws:PrincipalIsAWSService, aws:username) are given
//    their real values and evaluated exactly;
//  - every other clause is assumed satisfiable: removed from Allow
//    statements before evaluation, and listed on the edge when a statement
//    it was removed from is one the allow rests on (Decision::deciding);
//  - a Deny statement with such a clause is assumed not to apply, since the
//    caller may avoid it.
// The graph thus over-approximates reachability (it never hides a way in),
// and each hop lists the conditions one way of crossing it must meet.
// Unconditional denies (an SCP denying sts:AssumeRole) do cut edges.
#ifndef FOYER_ACCESS_GRAPH_GRAPH_H_
#define FOYER_ACCESS_GRAPH_GRAPH_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "access_graph/snapshot.h"

namespace foyer::access_graph {

enum class NodeKind : std::uint8_t { kRole, kUser, kIdentityProvider, kService, kExternal };

std::string_view NodeKindName(NodeKind kind);  // "role", "user", "identity_provider", "service", "external"

struct Node {
  std::string id;  // ARN, or service name ("ec2.amazonaws.com")
  NodeKind kind = NodeKind::kRole;
  std::string account;  // empty for services
};

// A condition clause an edge depends on, as written in its policy.
struct HopCondition {
  std::string policy;  // the policy's name ("trust_policy", "policies[0]", an SCP name)
  std::string op;  // "Bool", "StringEquals", "ForAnyValue:StringLike", "StringEqualsIfExists"...
  std::string key;  // lowercased, as the engine keeps it
  std::vector<std::string> values;
};

struct Edge {
  std::uint32_t from = 0;
  std::uint32_t to = 0;
  std::string action;  // "sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"
  std::vector<HopCondition> conditions;
};

// One way from a principal to a target: edges in order, principal first.
struct Path {
  std::uint32_t principal = 0;
  std::vector<std::uint32_t> edges;
};

class AccessGraph {
 public:
  static AccessGraph Build(const Snapshot& snapshot);

  const std::vector<Node>& nodes() const { return nodes_; }
  const std::vector<Edge>& edges() const { return edges_; }
  std::optional<std::uint32_t> Find(std::string_view id) const;

  // The roles of `account` (all of them, or those named `role_name`, the
  // last part of the ARN), sorted by ARN.
  std::vector<std::uint32_t> RolesIn(std::string_view account, std::string_view role_name) const;

  // Every principal that reaches any of `targets` in one hop or more, with
  // one shortest path each; sorted by path length, then id. The targets
  // themselves are never listed.
  std::vector<Path> WhoCan(const std::vector<std::uint32_t>& targets) const;

  // Every path without repeated nodes from `from` to any of `targets`,
  // shortest first, at most `limit` of them.
  std::vector<Path> Paths(std::uint32_t from, const std::vector<std::uint32_t>& targets, size_t limit = 100) const;

 private:
  std::uint32_t AddNode(std::string id, NodeKind kind, std::string account);

  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  std::unordered_map<std::string, std::uint32_t> index_;
  std::vector<std::vector<std::uint32_t>> incoming_;  // node -> edges into it
  std::vector<std::vector<std::uint32_t>> outgoing_;  // node -> edges out of it
  friend class GraphBuilder;
};

}  // namespace foyer::access_graph

#endif  // FOYER_ACCESS_GRAPH_GRAPH_H_
