#include "store/credential_entry.h"

#include <gtest/gtest.h>

namespace foyer::store {
namespace {

CachedCredentials SampleEntry() {
  CachedCredentials entry;
  entry.credentials.access_key_id = "ASIAEXAMPLE";
  entry.credentials.secret_access_key = "secret/key+1";
  entry.credentials.session_token = "token==";
  entry.credentials.expiration = aws::Clock::time_point(std::chrono::seconds(1795819767));
  entry.credentials.source = "assume-role arn:aws:iam::111122223333:role/foyer/Auditor";
  entry.role_arn = "arn:aws:iam::111122223333:role/foyer/Auditor";
  entry.source_identity = "alice";
  return entry;
}

constexpr std::string_view kSampleText =
    "foyer-credentials 1\n"
    "key org|111122223333|Auditor\n"
    "access_key_id ASIAEXAMPLE\n"
    "secret_access_key secret/key+1\n"
    "session_token token==\n"
    "expiration 1795819767\n"
    "role_arn arn:aws:iam::111122223333:role/foyer/Auditor\n"
    "source_identity alice\n"
    "source assume-role arn:aws:iam::111122223333:role/foyer/Auditor\n"
    "end\n";

TEST(CredentialEntryTest, WritesTheDocumentedLines) {
  auto text = SerializeCredentialEntry("org|111122223333|Auditor", SampleEntry());
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(*text, kSampleText);
}

TEST(CredentialEntryTest, ReadsBackEveryField) {
  auto entry = ParseCredentialEntry(kSampleText, "org|111122223333|Auditor");
  ASSERT_TRUE(entry.has_value());
  CachedCredentials expected = SampleEntry();
  EXPECT_EQ(entry->credentials.access_key_id, expected.credentials.access_key_id);
  EXPECT_EQ(entry->credentials.secret_access_key, expected.credentials.secret_access_key);
  EXPECT_EQ(entry->credentials.session_token, expected.credentials.session_token);
  EXPECT_EQ(entry->credentials.expiration, expected.credentials.expiration);
  EXPECT_EQ(entry->credentials.source, expected.credentials.source);
  EXPECT_EQ(entry->role_arn, expected.role_arn);
  EXPECT_EQ(entry->source_identity, expected.source_identity);
}

TEST(CredentialEntryTest, EmptyValuesRoundTrip) {
  CachedCredentials entry = SampleEntry();
  entry.credentials.session_token.clear();
  entry.role_arn.clear();
  entry.source_identity.clear();
  auto text = SerializeCredentialEntry("k", entry);
  ASSERT_TRUE(text.ok());
  auto parsed = ParseCredentialEntry(*text, "k");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->credentials.session_token, "");
  EXPECT_EQ(parsed->role_arn, "");
  EXPECT_EQ(parsed->credentials.access_key_id, "ASIAEXAMPLE");
}

TEST(CredentialEntryTest, RefusesWhatCannotBeWrittenFaithfully) {
  CachedCredentials no_expiry = SampleEntry();
  no_expiry.credentials.expiration.reset();
  EXPECT_FALSE(SerializeCredentialEntry("k", no_expiry).ok());
  CachedCredentials newline = SampleEntry();
  newline.source_identity = "alice\nexpiration 9999999999";
  EXPECT_FALSE(SerializeCredentialEntry("k", newline).ok());
  EXPECT_FALSE(SerializeCredentialEntry("k\nk", SampleEntry()).ok());
}

TEST(CredentialEntryTest, AnEntryForAnotherKeyIsNotUsed) {
  EXPECT_FALSE(ParseCredentialEntry(kSampleText, "org|444455556666|Auditor").has_value());
}

TEST(CredentialEntryTest, EveryTruncationIsRejected) {
  const std::string text(kSampleText);
  for (std::size_t length = 0; length < text.size(); ++length) {
    EXPECT_FALSE(ParseCredentialEntry(text.substr(0, length), "org|111122223333|Auditor").has_value())
        << "accepted the first " << length << " bytes";
  }
}

TEST(CredentialEntryTest, DamagedOrForeignEntriesAreRejected) {
  const std::string key = "org|111122223333|Auditor";
  auto with = [](std::string_view from, std::string_view to) {
    std::string text(kSampleText);
    text.replace(text.find(from), from.size(), to);
    return text;
  };
  for (const std::string& bad :
       {with("foyer-credentials 1", "foyer-credentials 2"), with("expiration 1795819767", "expiration soon"),
        with("expiration 1795819767", "expiration 17958x9767"), with("access_key_id ASIAEXAMPLE", "access_key_id "),
        with("secret_access_key", "secret_key"), with("end\n", "end\nextra\n"),
        with("role_arn", "source_identity"), std::string("\0\0\0\0", 4), std::string("{\"Version\":1}\n")}) {
    EXPECT_FALSE(ParseCredentialEntry(bad, key).has_value()) << bad;
  }
}

}  // namespace
}  // namespace foyer::store
