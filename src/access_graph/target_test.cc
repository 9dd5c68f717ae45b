#include "access_graph/target.h"

#include <gtest/gtest.h>

#include "access_graph/test_snapshot.h"

namespace foyer::access_graph {
namespace {

Snapshot Tagged() {
  nlohmann::json input = TestSnapshot();
  input["organization"]["accounts"][1]["tags"] = {{"foyer:kind", "admin"}};
  input["organization"]["accounts"][2]["name"] = "payments-production";
  input["organization"]["accounts"][2]["tags"] = {
      {"foyer:domain", "payments"}, {"foyer:environment", "production"}, {"foyer:quality", "default"}};
  input["organization"]["accounts"][3]["tags"] = {
      {"foyer:domain", "payments"}, {"foyer:environment", "production"}, {"foyer:quality", "canary"}};
  return *ParseSnapshot(input);
}

TEST(TargetTest, AccountsByIdNameAxesAndKind) {
  Snapshot snapshot = Tagged();
  EXPECT_EQ(AccountIdFor(snapshot, "333333333333"), "333333333333");
  EXPECT_EQ(AccountIdFor(snapshot, "payments-production"), "333333333333");
  EXPECT_EQ(AccountIdFor(snapshot, "payments/production"), "333333333333");
  EXPECT_EQ(AccountIdFor(snapshot, "payments/production/canary"), "444444444444");
  EXPECT_EQ(AccountIdFor(snapshot, "admin"), "222222222222");
  EXPECT_EQ(AccountIdFor(snapshot, "management"), "111111111111");
  EXPECT_EQ(AccountIdFor(snapshot, "payments/staging"), "payments/staging");
}

TEST(TargetTest, NamedAccountResolvesToItsRoles) {
  Snapshot snapshot = Tagged();
  AccessGraph graph = AccessGraph::Build(snapshot);
  auto roles = ResolveTarget(graph, AccountIdFor(snapshot, "payments/production"), "Administrator");
  ASSERT_TRUE(roles.ok()) << roles.error().message;
  ASSERT_EQ(roles->size(), 1u);
  EXPECT_EQ(graph.nodes()[(*roles)[0]].id, "arn:aws:iam::333333333333:role/foyer/Administrator");
}

}  // namespace
}  // namespace foyer::access_graph
