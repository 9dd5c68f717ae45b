#include "roles/revocation.h"

#include <gtest/gtest.h>

#include "aws/fake_transport.h"
#include "base/url_encoding.h"
#include "roles/role_documents.h"

namespace foyer::roles {
namespace {

std::string Response(const std::string& action, const std::string& inner) {
  return "<" + action + "Response xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><" + action +
         "Result>" + inner + "</" + action + "Result></" + action + "Response>";
}

constexpr char kNoSuchEntity[] =
    "<ErrorResponse><Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>not found</Message>"
    "</Error><RequestId>r</RequestId></ErrorResponse>";

class RevocationTest : public ::testing::Test {
 protected:
  std::shared_ptr<aws::FakeTransport> transport_ = std::make_shared<aws::FakeTransport>();
  aws::IamClient iam_{aws::FakeConfig(transport_)};
  SystemTime before_ = *ParseIso8601("2026-11-28T02:00:00Z");
};

TEST_F(RevocationTest, PutsThePolicyOnTheLandingRole) {
  transport_->Reply(404, kNoSuchEntity);
  transport_->Reply(200, "<PutRolePolicyResponse></PutRolePolicyResponse>");
  Result<SystemTime> cutoff = RevokeSessions(iam_, "sre", before_);
  ASSERT_TRUE(cutoff.ok()) << cutoff.error().Describe();
  EXPECT_EQ(*cutoff, before_);
  ASSERT_EQ(transport_->requests.size(), 2u);
  auto put = transport_->FormOf(1);
  EXPECT_EQ(put[0].second, "PutRolePolicy");
  EXPECT_EQ(put[2], (std::pair<std::string, std::string>{"RoleName", "sre"}));
  EXPECT_EQ(put[3], (std::pair<std::string, std::string>{"PolicyName", "foyer-revoke"}));
  EXPECT_EQ(put[4], (std::pair<std::string, std::string>{"PolicyDocument", RevocationPolicy(before_).dump()}));
}

TEST_F(RevocationTest, ALaterCutoffInForceIsKept) {
  SystemTime later = before_ + std::chrono::hours(1);
  transport_->Reply(200, Response("GetRolePolicy", "<RoleName>sre</RoleName><PolicyName>foyer-revoke</PolicyName>"
                                                   "<PolicyDocument>" + PercentEncode(RevocationPolicy(later).dump()) +
                                                   "</PolicyDocument>"));
  Result<SystemTime> cutoff = RevokeSessions(iam_, "sre", before_);
  ASSERT_TRUE(cutoff.ok());
  EXPECT_EQ(*cutoff, later);
  EXPECT_EQ(transport_->requests.size(), 1u);
}

TEST_F(RevocationTest, MissingLandingRoleSaysToApplyFirst) {
  transport_->Reply(404, kNoSuchEntity);
  transport_->Reply(404, kNoSuchEntity);
  Result<SystemTime> cutoff = RevokeSessions(iam_, "ghosts", before_);
  ASSERT_FALSE(cutoff.ok());
  EXPECT_EQ(cutoff.error().code, "NoSuchEntity");
  EXPECT_EQ(cutoff.error().message.rfind("there is no landing role foyer/ghosts in the admin account; run `foyer apply` first", 0), 0u)
      << cutoff.error().message;
}

}  // namespace
}  // namespace foyer::roles
