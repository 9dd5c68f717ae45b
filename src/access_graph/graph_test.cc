#include "access_graph/graph.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "access_graph/test_snapshot.h"

namespace foyer::access_graph {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using nlohmann::json;

constexpr const char* kLanding = "arn:aws:iam::222222222222:role/foyer/ops";
constexpr const char* kProvider = "arn:aws:iam::222222222222:oidc-provider/idp.example.com";
constexpr const char* kAlice = "arn:aws:iam::222222222222:user/alice";
constexpr const char* kDeployer = "arn:aws:iam::333333333333:role/app/deployer";

AccessGraph BuildFrom(const json& input) {
  Result<Snapshot> snapshot = ParseSnapshot(input);
  EXPECT_TRUE(snapshot.ok()) << snapshot.error().message;
  return AccessGraph::Build(*snapshot);
}

std::vector<std::string> Principals(const AccessGraph& graph, const std::vector<Path>& paths) {
  std::vector<std::string> ids;
  for (const Path& path : paths) ids.push_back(graph.nodes()[path.principal].id);
  return ids;
}

// The nodes a path visits, principal first.
std::vector<std::string> Hops(const AccessGraph& graph, const Path& path) {
  std::vector<std::string> ids = {graph.nodes()[path.principal].id};
  for (std::uint32_t edge : path.edges) ids.push_back(graph.nodes()[graph.edges()[edge].to].id);
  return ids;
}

std::vector<Path> WhoCanRole(const AccessGraph& graph, const std::string& arn) {
  return graph.WhoCan({*graph.Find(arn)});
}

void AddRole(json& snapshot, const std::string& account, json role) {
  snapshot["accounts"][account]["roles"].push_back(std::move(role));
}

TEST(AccessGraphTest, LandingRoleReachesAdministratorInBothWorkloadAccounts) {
  AccessGraph graph = BuildFrom(TestSnapshot());
  for (const char* account : {"333333333333", "444444444444"}) {
    std::vector<Path> paths = graph.WhoCan(graph.RolesIn(account, "Administrator"));
    ASSERT_THAT(Principals(graph, paths), ElementsAre(kLanding, kProvider, kAlice)) << account;
    EXPECT_THAT(Hops(graph, paths[1]),
                ElementsAre(kProvider, kLanding, std::string("arn:aws:iam::") + account + ":role/foyer/Administrator"));
    EXPECT_EQ(graph.edges()[paths[1].edges[0]].action, "sts:AssumeRoleWithWebIdentity");
    EXPECT_EQ(graph.edges()[paths[0].edges[0]].action, "sts:AssumeRole");
    EXPECT_THAT(graph.edges()[paths[0].edges[0]].conditions, IsEmpty());
  }
}

TEST(AccessGraphTest, RequestConditionsAreRecordedOnTheHopNotDropped) {
  AccessGraph graph = BuildFrom(TestSnapshot());
  std::vector<Path> paths = WhoCanRole(graph, kLanding);
  ASSERT_THAT(Principals(graph, paths), ElementsAre(kProvider, kAlice));
  const Edge& mfa_hop = graph.edges()[paths[1].edges[0]];
  ASSERT_EQ(mfa_hop.conditions.size(), 1u);
  EXPECT_EQ(mfa_hop.conditions[0].policy, "accounts.222222222222.roles[0].trust_policy");
  EXPECT_EQ(mfa_hop.conditions[0].op, "Bool");
  EXPECT_EQ(mfa_hop.conditions[0].key, "aws:multifactorauthpresent");
  EXPECT_THAT(mfa_hop.conditions[0].values, ElementsAre("true"));
  const Edge& idp_hop = graph.edges()[paths[0].edges[0]];
  ASSERT_EQ(idp_hop.conditions.size(), 1u);
  EXPECT_EQ(idp_hop.conditions[0].key, "idp.example.com:aud");
  EXPECT_THAT(idp_hop.conditions[0].values, ElementsAre("foyer-cli"));
}

TEST(AccessGraphTest, ServiceRoleTrustedByAnAdministratorIsFoundTransitively) {
  json snapshot = TestSnapshot();
  AddRole(snapshot, "333333333333",
          {{"arn", kDeployer}, {"trust_policy", Trust({{"Service", "lambda.amazonaws.com"}})},
           {"policies", {AllowAssume("*")}}});
  snapshot["accounts"]["444444444444"]["roles"][0]["trust_policy"] = Trust({{"AWS", {kLanding, kDeployer}}});
  AccessGraph graph = BuildFrom(snapshot);
  std::vector<Path> paths = WhoCanRole(graph, "arn:aws:iam::444444444444:role/foyer/Administrator");
  EXPECT_THAT(Principals(graph, paths),
              ElementsAre(kLanding, kDeployer, kProvider, kAlice, "lambda.amazonaws.com"));
  EXPECT_THAT(Hops(graph, paths[4]),
              ElementsAre("lambda.amazonaws.com", kDeployer, "arn:aws:iam::444444444444:role/foyer/Administrator"));
}

TEST(AccessGraphTest, StarTrustAdmitsEveryPrincipalWhosePoliciesAllowIt) {
  json snapshot = TestSnapshot();
  const char* open = "arn:aws:iam::444444444444:role/foyer/open";
  AddRole(snapshot, "444444444444", {{"arn", open}, {"trust_policy", Trust("*")}});
  AccessGraph graph = BuildFrom(snapshot);
  // alice's policies allow only the landing role and the Administrators have
  // no policy: only the one in the same account needs none, "*" naming it.
  EXPECT_THAT(Principals(graph, WhoCanRole(graph, open)),
              ElementsAre("*", kLanding, "arn:aws:iam::444444444444:role/foyer/Administrator", kProvider, kAlice));
}

TEST(AccessGraphTest, ScpExplicitDenyCutsTheEdge) {
  json snapshot = TestSnapshot();
  json deny = {{"Version", "2012-10-17"},
               {"Statement", {{{"Effect", "Deny"}, {"Action", "sts:AssumeRole"},
                               {"Resource", "arn:aws:iam::*:role/foyer/Administrator"}}}}};
  snapshot["organization"]["scps"]["222222222222"].push_back(deny);
  AccessGraph graph = BuildFrom(snapshot);
  EXPECT_THAT(graph.WhoCan(graph.RolesIn("333333333333", "Administrator")), IsEmpty());
  EXPECT_THAT(Principals(graph, WhoCanRole(graph, kLanding)), ElementsAre(kProvider, kAlice));
}

TEST(AccessGraphTest, ConditionalScpDenyIsAssumedAvoidable) {
  json snapshot = TestSnapshot();
  json deny = json::parse(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Deny",
      "Action": "sts:AssumeRole", "Resource": "*",
      "Condition": {"Null": {"sts:SourceIdentity": "true"}}}]})");
  snapshot["organization"]["scps"]["222222222222"].push_back(deny);
  AccessGraph graph = BuildFrom(snapshot);
  EXPECT_THAT(Principals(graph, graph.WhoCan(graph.RolesIn("333333333333", "Administrator"))),
              ElementsAre(kLanding, kProvider, kAlice));
}

TEST(AccessGraphTest, CrossAccountEdgeNeedsTrustAndIdentityPolicy) {
  json snapshot = TestSnapshot();
  const char* reader = "arn:aws:iam::333333333333:role/app/reader";
  const char* target = "arn:aws:iam::444444444444:role/app/target";
  AddRole(snapshot, "333333333333", {{"arn", reader}, {"trust_policy", Trust({{"AWS", kLanding}})}});
  AddRole(snapshot, "333333333333",
          {{"arn", kDeployer}, {"trust_policy", Trust({{"Service", "lambda.amazonaws.com"}})},
           {"policies", {AllowAssume(target)}}});
  AddRole(snapshot, "444444444444", {{"arn", target}, {"trust_policy", Trust({{"AWS", {reader, kDeployer}}})}});
  // An identity policy alone is not enough either: the Administrators are not trusted.
  AccessGraph graph = BuildFrom(snapshot);
  EXPECT_THAT(Principals(graph, WhoCanRole(graph, target)), ElementsAre(kDeployer, "lambda.amazonaws.com"));
  EXPECT_FALSE(graph.Paths(*graph.Find(reader), {*graph.Find(target)}).size());
}

// A user with no policy of its own, in a group whose policy allows the
// AssumeRole, in an account the target trusts as a whole.
json GroupSnapshot(bool bob_in_group) {
  json snapshot = TestSnapshot();
  AddRole(snapshot, "444444444444",
          {{"arn", "arn:aws:iam::444444444444:role/app/shared"},
           {"trust_policy", Trust({{"AWS", "arn:aws:iam::333333333333:root"}})}});
  json bob = {{"arn", "arn:aws:iam::333333333333:user/bob"}};
  if (bob_in_group) bob["groups"] = {"deployers"};
  snapshot["accounts"]["333333333333"]["users"] = {bob};
  snapshot["accounts"]["333333333333"]["groups"] = {
      {{"name", "deployers"},
       {"arn", "arn:aws:iam::333333333333:group/deployers"},
       {"policies", {{{"name", "assume"}, {"document", AllowAssume("arn:aws:iam::444444444444:role/app/*")}}}}}};
  return snapshot;
}

TEST(AccessGraphTest, GroupPolicyGivesItsMembersTheEdge) {
  AccessGraph graph = BuildFrom(GroupSnapshot(/*bob_in_group=*/true));
  EXPECT_THAT(Principals(graph, WhoCanRole(graph, "arn:aws:iam::444444444444:role/app/shared")),
              ElementsAre("arn:aws:iam::333333333333:user/bob"));
}

TEST(AccessGraphTest, UserOutsideTheGroupHasNoEdge) {
  AccessGraph graph = BuildFrom(GroupSnapshot(/*bob_in_group=*/false));
  EXPECT_FALSE(graph.Paths(*graph.Find("arn:aws:iam::333333333333:user/bob"),
                           {*graph.Find("arn:aws:iam::444444444444:role/app/shared")})
                   .size());
}

TEST(AccessGraphTest, AccountRootTrustAdmitsThePrincipalsOfThatAccountOnly) {
  json snapshot = TestSnapshot();
  const char* target = "arn:aws:iam::444444444444:role/foyer/shared";
  AddRole(snapshot, "444444444444",
          {{"arn", target}, {"trust_policy", Trust({{"AWS", {"arn:aws:iam::222222222222:root", "555555555555"}}})}});
  AccessGraph graph = BuildFrom(snapshot);
  EXPECT_THAT(Principals(graph, WhoCanRole(graph, target)),
              ElementsAre(kLanding, "arn:aws:iam::555555555555:root", kProvider, kAlice));
}

TEST(AccessGraphTest, PrincipalOrgIdConditionIsEvaluatedExactly) {
  json snapshot = TestSnapshot();
  const char* target = "arn:aws:iam::444444444444:role/app/org";
  json trust = json::parse(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
      "Principal": "*", "Action": "sts:AssumeRole",
      "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-test"}}}]})");
  AddRole(snapshot, "444444444444", {{"arn", target}, {"trust_policy", trust}});
  AccessGraph graph = BuildFrom(snapshot);
  // The outside world ("*") is not in o-test; the landing role may assume
  // only roles under foyer/, so it goes through the Administrator.
  EXPECT_THAT(Principals(graph, WhoCanRole(graph, target)),
              ElementsAre("arn:aws:iam::444444444444:role/foyer/Administrator", kLanding, kProvider, kAlice));
}

TEST(AccessGraphTest, PathsListsEveryWayShortestFirst) {
  json snapshot = TestSnapshot();
  snapshot["accounts"]["444444444444"]["roles"][0]["trust_policy"] =
      Trust({{"AWS", {kLanding, "arn:aws:iam::333333333333:role/foyer/Administrator"}}});
  snapshot["accounts"]["333333333333"]["roles"][0]["policies"] = {AllowAssume("*")};
  AccessGraph graph = BuildFrom(snapshot);
  std::vector<Path> paths =
      graph.Paths(*graph.Find(kAlice), graph.RolesIn("444444444444", ""));
  ASSERT_EQ(paths.size(), 2u);
  EXPECT_THAT(Hops(graph, paths[0]),
              ElementsAre(kAlice, kLanding, "arn:aws:iam::444444444444:role/foyer/Administrator"));
  EXPECT_THAT(Hops(graph, paths[1]), ElementsAre(kAlice, kLanding, "arn:aws:iam::333333333333:role/foyer/Administrator",
                                                 "arn:aws:iam::444444444444:role/foyer/Administrator"));
}

}  // namespace
}  // namespace foyer::access_graph
