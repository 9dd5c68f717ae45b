#include "store/issuance_log.h"

#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "aws/credentials.h"
#include "store/scratch_dir_for_tests.h"

namespace foyer::store {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

const SystemTime kT0 = SystemTime(seconds(1795819767));
constexpr std::string_view kSecret = "wJalrXUtnFEMI/K7MDENG/SECRETVALUE";
constexpr std::string_view kToken = "FwoGZXIvYXdzSESSIONTOKENVALUE";

Issuance Sample(SystemTime at, IssuanceMethod method, std::string request_id) {
  Issuance issuance;
  issuance.issued_at = at;
  issuance.source_identity = "alice@example.com";
  issuance.principal = "arn:aws:sts::111111111111:assumed-role/sre/alice@example.com";
  issuance.target_account = "222222222222";
  issuance.role_arn = "arn:aws:iam::222222222222:role/foyer/Administrator";
  issuance.access_key_id = "ASIAISSUED" + request_id.substr(0, 4);
  issuance.expires_at = at + hours(1);
  issuance.method = method;
  issuance.request_id = std::move(request_id);
  return issuance;
}

class IssuanceLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto state = StateDir::Open(scratch_.path() / "foyer");
    ASSERT_TRUE(state.ok());
    state_.emplace(std::move(*state));
    auto log = IssuanceLog::Open(*state_);
    ASSERT_TRUE(log.ok()) << log.error().message;
    log_.emplace(std::move(*log));
  }

  ScratchDir scratch_;
  std::optional<StateDir> state_;
  std::optional<IssuanceLog> log_;
};

TEST_F(IssuanceLogTest, RoundTripsEveryField) {
  Issuance recorded = Sample(kT0, IssuanceMethod::kWebIdentity, "1111-aaaa");
  ASSERT_TRUE(log_->Record(recorded).ok());
  auto found = log_->Between(kT0, kT0 + seconds(1));
  ASSERT_TRUE(found.ok()) << found.error().message;
  ASSERT_EQ(found->size(), 1u);
  const Issuance& got = found->front();
  EXPECT_EQ(got.issued_at, kT0);
  EXPECT_EQ(got.source_identity, "alice@example.com");
  EXPECT_EQ(got.principal, "arn:aws:sts::111111111111:assumed-role/sre/alice@example.com");
  EXPECT_EQ(got.target_account, "222222222222");
  EXPECT_EQ(got.role_arn, "arn:aws:iam::222222222222:role/foyer/Administrator");
  EXPECT_EQ(got.access_key_id, "ASIAISSUED1111");
  EXPECT_EQ(got.expires_at, kT0 + hours(1));
  EXPECT_EQ(got.method, IssuanceMethod::kWebIdentity);
  EXPECT_EQ(got.request_id, "1111-aaaa");
}

TEST_F(IssuanceLogTest, SelectsAHalfOpenTimeRangeOldestFirst) {
  ASSERT_TRUE(log_->Record(Sample(kT0 + minutes(10), IssuanceMethod::kSaml, "c")).ok());
  ASSERT_TRUE(log_->Record(Sample(kT0, IssuanceMethod::kAssumeRole, "a")).ok());
  ASSERT_TRUE(log_->Record(Sample(kT0 + minutes(5), IssuanceMethod::kSso, "b")).ok());
  ASSERT_TRUE(log_->Record(Sample(kT0 + minutes(5), IssuanceMethod::kGetSessionToken, "b2")).ok());
  ASSERT_TRUE(log_->Record(Sample(kT0 - seconds(1), IssuanceMethod::kAssumeRole, "before")).ok());

  auto found = log_->Between(kT0, kT0 + minutes(10));
  ASSERT_TRUE(found.ok());
  std::vector<std::string> ids;
  for (const Issuance& issuance : *found) ids.push_back(issuance.request_id);
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "b", "b2"}));
  EXPECT_EQ((*found)[1].method, IssuanceMethod::kSso);
  EXPECT_EQ((*found)[2].method, IssuanceMethod::kGetSessionToken);
}

TEST_F(IssuanceLogTest, KeepsSessionsWithoutExpiry) {
  Issuance issuance = Sample(kT0, IssuanceMethod::kAssumeRole, "x");
  issuance.expires_at.reset();
  ASSERT_TRUE(log_->Record(issuance).ok());
  EXPECT_EQ(log_->Between(kT0, kT0 + seconds(1))->front().expires_at, std::nullopt);
}

TEST_F(IssuanceLogTest, NamesMethodsAsDocumented) {
  EXPECT_EQ(IssuanceMethodName(IssuanceMethod::kAssumeRole), "assume-role");
  EXPECT_EQ(IssuanceMethodName(IssuanceMethod::kWebIdentity), "web-identity");
  EXPECT_EQ(IssuanceMethodName(IssuanceMethod::kSaml), "saml");
  EXPECT_EQ(IssuanceMethodName(IssuanceMethod::kGetSessionToken), "get-session-token");
  EXPECT_EQ(IssuanceMethodName(IssuanceMethod::kSso), "sso");
  EXPECT_EQ(ParseIssuanceMethod("saml"), IssuanceMethod::kSaml);
  EXPECT_EQ(ParseIssuanceMethod("password"), std::nullopt);
}

std::string ReadBytes(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

// The log records issuances made with real secrets in hand; none of them may
// reach the file. The issuance is built from credentials the way a caller
// would, then every byte SQLite wrote (database and write-ahead log) is
// searched.
TEST_F(IssuanceLogTest, NoSecretReachesTheFiles) {
  aws::Credentials issued;
  issued.access_key_id = "ASIAWITHSECRETS1";
  issued.secret_access_key = std::string(kSecret);
  issued.session_token = std::string(kToken);
  issued.expiration = kT0 + hours(1);
  Issuance issuance = Sample(kT0, IssuanceMethod::kAssumeRole, "req-1");
  issuance.access_key_id = issued.access_key_id;
  issuance.expires_at = issued.expiration;
  ASSERT_TRUE(log_->Record(issuance).ok());

  std::string bytes;
  for (const char* name : {"issuance.db", "issuance.db-wal"}) {
    if (std::filesystem::exists(state_->File(name))) bytes += ReadBytes(state_->File(name));
  }
  ASSERT_NE(bytes.find("ASIAWITHSECRETS1"), std::string::npos) << "the search must see the row";
  EXPECT_EQ(bytes.find(kSecret), std::string::npos);
  EXPECT_EQ(bytes.find(kToken), std::string::npos);
  EXPECT_EQ(bytes.find("SECRETVALUE"), std::string::npos);
}

}  // namespace
}  // namespace foyer::store
