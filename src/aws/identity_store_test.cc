#include "aws/identity_store.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "aws/fake_transport.h"

namespace foyer::aws {
namespace {

class IdentityStoreTest : public ::testing::Test {
 protected:
  std::shared_ptr<FakeTransport> transport_ = std::make_shared<FakeTransport>();
  IdentityStoreClient client_{FakeConfig(transport_)};
};

TEST_F(IdentityStoreTest, FindsAGroupByDisplayName) {
  transport_->Reply(200, R"({"GroupId":"g-1","IdentityStoreId":"d-1"})");
  auto id = client_.FindGroupId("d-1", "sre");
  ASSERT_TRUE(id.ok()) << id.error().Describe();
  EXPECT_EQ(id->value_or(""), "g-1");
  EXPECT_EQ(transport_->requests[0].Header("X-Amz-Target"), "AWSIdentityStore.GetGroupId");
  EXPECT_EQ(nlohmann::json::parse(transport_->requests[0].body), nlohmann::json::parse(R"({"IdentityStoreId":"d-1",
      "AlternateIdentifier":{"UniqueAttribute":{"AttributePath":"displayName","AttributeValue":"sre"}}})"));
}

TEST_F(IdentityStoreTest, AMissingGroupIsNoGroupAndOtherErrorsAreErrors) {
  transport_->Reply(400, R"({"__type":"ResourceNotFoundException","message":"GROUP not found."})");
  transport_->Reply(400, R"({"__type":"AccessDeniedException","message":"no"})");
  auto missing = client_.FindGroupId("d-1", "nobody");
  ASSERT_TRUE(missing.ok()) << missing.error().Describe();
  EXPECT_FALSE(missing->has_value());
  auto denied = client_.FindGroupId("d-1", "sre");
  ASSERT_FALSE(denied.ok());
  EXPECT_EQ(denied.error().code, "AccessDeniedException");
}

}  // namespace
}  // namespace foyer::aws
