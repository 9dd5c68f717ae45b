// AccessGraph::Build: nodes from the snapshot, then one trust policy at a
// time, the edges into that role.
#include <algorithm>
#include <deque>
#include <memory>

#include "access_graph/graph.h"
#include "base/account_id.h"
#include "access_graph/relaxed_policy.h"
#include "iam/evaluator.h"

namespace foyer::access_graph {

namespace {

// "arn:aws:iam::A:role/path/Name" -> "arn:aws:sts::A:assumed-role/Name/foyer":
// the caller of sts:AssumeRole is always a session of the role.
std::string SessionArn(const std::string& role_arn, const std::string& account) {
  std::string partition = role_arn.substr(4, role_arn.find(':', 4) - 4);
  std::string name = role_arn.substr(role_arn.rfind('/') + 1);
  return "arn:" + partition + ":sts::" + account + ":assumed-role/" + name + "/foyer";
}

// Services, identity providers and principals outside the snapshot have no
// identity policies we can read: what they may ask is up to their trust.
iam::Policy AllowEverything() {
  iam::Statement statement;
  statement.actions = {"*"};
  iam::Policy policy;
  policy.name = "(not in the snapshot)";
  policy.statements.push_back(std::move(statement));
  return policy;
}

}  // namespace

// What one principal brings to every request it makes.
struct Source {
  iam::Request request;
  iam::PolicySet policies;
  std::string action;
};

class GraphBuilder {
 public:
  GraphBuilder(const Snapshot& snapshot, AccessGraph& graph) : snapshot_(snapshot), graph_(graph) {}

  void AddNodes() {
    for (const SnapshotAccount& account : snapshot_.accounts) {
      std::vector<std::uint32_t>& members = principals_by_account_[account.id];
      for (const SnapshotRole& role : account.roles) {
        members.push_back(graph_.AddNode(role.arn, NodeKind::kRole, account.id));
      }
      for (const SnapshotUser& user : account.users) {
        members.push_back(graph_.AddNode(user.arn, NodeKind::kUser, account.id));
      }
      for (const std::string& arn : account.oidc_providers) {
        graph_.AddNode(arn, NodeKind::kIdentityProvider, account.id);
      }
      for (const std::string& arn : account.saml_providers) {
        graph_.AddNode(arn, NodeKind::kIdentityProvider, account.id);
      }
    }
  }

  void AddEdgesInto(const SnapshotAccount& account, const SnapshotRole& role) {
    std::uint32_t target = *graph_.Find(role.arn);
    RelaxedPolicy trust = Relax(role.trust_policy);
    for (std::uint32_t candidate : Candidates(trust.policy)) {
      if (candidate == target) continue;
      Source& source = SourceFor(candidate);
      source.request.resource = role.arn;
      source.request.resource_account = account.id;
      source.policies.resource = std::move(trust.policy);
      iam::Decision decision = iam::Evaluate(source.request, source.policies);
      if (decision.verdict == iam::Verdict::kAllow) {
        AddEdge(candidate, target, source, decision, trust);
      }
      trust.policy = std::move(*source.policies.resource);
      source.policies.resource.reset();
    }
  }

 private:
  void AddEdge(std::uint32_t from, std::uint32_t to, const Source& source, const iam::Decision& decision,
               const RelaxedPolicy& trust) {
    Edge edge{from, to, source.action, {}};
    for (const iam::StatementRef& ref : decision.deciding) {
      const RelaxedPolicy* relaxed = ref.policy == &*source.policies.resource ? &trust : relaxed_of_[ref.policy];
      if (relaxed) AppendConditions(*relaxed, ref.policy->name, ref.statement, edge.conditions);
    }
    auto index = static_cast<std::uint32_t>(graph_.edges_.size());
    graph_.edges_.push_back(std::move(edge));
    graph_.outgoing_[from].push_back(index);
    graph_.incoming_[to].push_back(index);
  }

  // Every principal a trust policy could admit, as nodes (created for
  // principals outside the snapshot), without duplicates.
  std::vector<std::uint32_t> Candidates(const iam::Policy& trust) {
    std::vector<std::uint32_t> out;
    auto everyone = [&] {
      for (std::uint32_t i = 0; i < graph_.nodes_.size(); ++i) {
        NodeKind kind = graph_.nodes_[i].kind;
        if (kind == NodeKind::kRole || kind == NodeKind::kUser) out.push_back(i);
      }
      out.push_back(graph_.AddNode("*", NodeKind::kExternal, ""));
    };
    for (const iam::Statement& statement : trust.statements) {
      if (statement.effect != iam::Effect::kAllow || statement.principal_kind == iam::PrincipalKind::kNone) continue;
      const iam::PrincipalSet& set = statement.principals;
      if (statement.principal_kind == iam::PrincipalKind::kNotPrincipal || set.everyone) {
        everyone();
        continue;
      }
      for (const std::string& aws : set.aws) AddAwsCandidates(aws, everyone, out);
      for (const std::string& service : set.service) out.push_back(graph_.AddNode(service, NodeKind::kService, ""));
      for (const std::string& provider : set.federated) {
        out.push_back(graph_.AddNode(provider, NodeKind::kIdentityProvider, AccountOf(provider)));
      }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  template <typename Everyone>
  void AddAwsCandidates(const std::string& aws, Everyone& everyone, std::vector<std::uint32_t>& out) {
    if (aws == "*") return everyone();
    std::string account = IsAccountId(aws) ? aws : "";
    if (aws.ends_with(":root")) account = AccountOf(aws);
    if (account.empty()) {
      out.push_back(graph_.AddNode(aws, NodeKind::kExternal, AccountOf(aws)));  // existing nodes keep their kind
      return;
    }
    auto members = principals_by_account_.find(account);
    if (members == principals_by_account_.end()) {
      out.push_back(graph_.AddNode("arn:aws:iam::" + account + ":root", NodeKind::kExternal, account));
      return;
    }
    out.insert(out.end(), members->second.begin(), members->second.end());
  }

  static std::string AccountOf(const std::string& arn) {
    size_t start = 0;
    for (int field = 0; field < 4 && start != std::string::npos; ++field) {
      start = arn.find(':', start);
      if (start != std::string::npos) ++start;
    }
    if (start == std::string::npos) return "";
    std::string account = arn.substr(start, arn.find(':', start) - start);
    return IsAccountId(account) ? account : "";
  }

  Source& SourceFor(std::uint32_t node_index) {
    std::unique_ptr<Source>& slot = sources_[node_index];
    if (!slot) slot = MakeSource(graph_.nodes_[node_index]);
    return *slot;
  }

  std::unique_ptr<Source> MakeSource(const Node& node) {
    auto source = std::make_unique<Source>();
    source->action = "sts:AssumeRole";
    const SnapshotAccount* account = node.account.empty() ? nullptr : snapshot_.FindAccount(node.account);
    if (node.kind == NodeKind::kRole || node.kind == NodeKind::kUser) {
      FillIamSource(node, *account, *source);
      return source;
    }
    source->request.principal = node.id;
    source->policies.identity.push_back(AllowEverything());
    if (node.kind == NodeKind::kIdentityProvider) {
      source->action = node.id.find(":saml-provider/") != std::string::npos ? "sts:AssumeRoleWithSAML"
                                                                               : "sts:AssumeRoleWithWebIdentity";
    }
    source->request.context.Set("aws:principalisawsservice", node.kind == NodeKind::kService ? "true" : "false");
    source->request.action = source->action;
    return source;
  }

  void FillIamSource(const Node& node, const SnapshotAccount& account, Source& source) {
    bool is_role = node.kind == NodeKind::kRole;
    iam::Request& request = source.request;
    request.principal = is_role ? SessionArn(node.id, account.id) : node.id;
    request.action = source.action;
    request.context.Set("aws:principalarn", node.id);
    request.context.Set("aws:principalaccount", account.id);
    request.context.Set("aws:principaltype", is_role ? "AssumedRole" : "User");
    request.context.Set("aws:principalisawsservice", "false");
    if (!is_role) request.context.Set("aws:username", node.id.substr(node.id.rfind('/') + 1));
    if (!snapshot_.organization_id.empty()) {
      request.context.Set("aws:principalorgid", snapshot_.organization_id);
      std::string path = snapshot_.organization_id + "/";
      for (const std::string& ou : account.ou_path) path += ou + "/";
      request.context.SetList("aws:principalorgpaths", {path});
    }
    const std::vector<iam::Policy>* policies = nullptr;
    const std::optional<iam::Policy>* boundary = nullptr;
    for (const SnapshotRole& role : account.roles) {
      if (role.arn == node.id) policies = &role.policies, boundary = &role.permission_boundary;
    }
    for (const SnapshotUser& user : account.users) {
      if (user.arn == node.id) policies = &user.policies, boundary = &user.permission_boundary;
    }
    iam::PolicySet& set = source.policies;
    for (const iam::Policy& policy : *policies) set.identity.push_back(RelaxCopy(policy));
    if (*boundary) set.permission_boundary = RelaxCopy(**boundary);
    for (const std::vector<iam::Policy>& level : snapshot_.ScpLevels(account)) {
      set.scps.emplace_back();
      for (const iam::Policy& policy : level) set.scps.back().push_back(RelaxCopy(policy));
    }
    set.management_account = account.id == snapshot_.management_account;
    // The addresses are final only now that the vectors stopped growing.
    RegisterAddresses(set);
  }

  // Relaxes `policy`, keeping the relaxed form for AppendConditions; the
  // PolicySet gets a copy whose address RegisterAddresses records.
  iam::Policy RelaxCopy(const iam::Policy& policy) {
    relaxed_.push_back(Relax(policy));
    pending_order_.push_back(&relaxed_.back());
    return relaxed_.back().policy;
  }

  void RegisterAddresses(const iam::PolicySet& set) {
    size_t next = 0;
    for (const iam::Policy& policy : set.identity) relaxed_of_[&policy] = pending_order_[next++];
    if (set.permission_boundary) relaxed_of_[&*set.permission_boundary] = pending_order_[next++];
    for (const std::vector<iam::Policy>& level : set.scps) {
      for (const iam::Policy& policy : level) relaxed_of_[&policy] = pending_order_[next++];
    }
    pending_order_.clear();
  }

  const Snapshot& snapshot_;
  AccessGraph& graph_;
  std::unordered_map<std::string, std::vector<std::uint32_t>> principals_by_account_;
  std::unordered_map<std::uint32_t, std::unique_ptr<Source>> sources_;
  std::deque<RelaxedPolicy> relaxed_;
  std::vector<const RelaxedPolicy*> pending_order_;
  std::unordered_map<const iam::Policy*, const RelaxedPolicy*> relaxed_of_;
};

AccessGraph AccessGraph::Build(const Snapshot& snapshot) {
  AccessGraph graph;
  GraphBuilder builder(snapshot, graph);
  builder.AddNodes();
  for (const SnapshotAccount& account : snapshot.accounts) {
    for (const SnapshotRole& role : account.roles) builder.AddEdgesInto(account, role);
  }
  return graph;
}

}  // namespace foyer::access_graph
