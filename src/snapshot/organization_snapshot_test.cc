#include "snapshot/organization_snapshot.h"

#include <gtest/gtest.h>

#include "snapshot/live_snapshot.h"

namespace foyer::snapshot {
namespace {

TEST(OrganizationSnapshotTest, OuIdPathRunsFromTheRootToTheParent) {
  org::LiveOrganization live;
  live.root_id = "r-root";
  live.ou_ids = {{"Workloads", "ou-w"}, {"Workloads/production", "ou-wp"}, {"Security", "ou-s"}};
  EXPECT_EQ(OuIdPath(live, ""), std::vector<std::string>{"r-root"});
  EXPECT_EQ(OuIdPath(live, "Security"), (std::vector<std::string>{"r-root", "ou-s"}));
  EXPECT_EQ(OuIdPath(live, "Workloads/production"), (std::vector<std::string>{"r-root", "ou-w", "ou-wp"}));
}

TEST(LiveSnapshotTest, MembersAreReadThroughAuditorOrTheBootstrapRole) {
  EXPECT_EQ(MemberRoleArn("aws", "333333333333", MemberRole::kAuditor), "arn:aws:iam::333333333333:role/foyer/Auditor");
  EXPECT_EQ(MemberRoleArn("aws-us-gov", "333333333333", MemberRole::kOrganizationAccountAccessRole),
            "arn:aws-us-gov:iam::333333333333:role/OrganizationAccountAccessRole");
}

}  // namespace
}  // namespace foyer::snapshot
