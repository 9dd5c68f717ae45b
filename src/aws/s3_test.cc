#include "aws/s3.h"

#include <deque>

#include <gtest/gtest.h>

#include "aws/fake_transport.h"

namespace foyer::aws {
namespace {

class S3ClientTest : public ::testing::Test {
 protected:
  // `endpoint_url` empty: AWS itself.
  S3Client MakeClient(std::string region, std::string endpoint_url) {
    ClientConfig config;
    config.region = std::move(region);
    config.profile_endpoint_url = std::move(endpoint_url);
    config.credentials = std::make_shared<StaticCredentialsProvider>(Credentials{"AKID", "secret", "", std::nullopt, "test"});
    config.transport = transport_;
    config.retry.max_attempts = 1;
    return S3Client(config);
  }
  const HttpRequest& Sent(size_t index) { return transport_->requests.at(index); }
  std::shared_ptr<FakeTransport> transport_ = std::make_shared<FakeTransport>();
};

constexpr char kEmulator[] = "http://127.0.0.1:9000";

TEST_F(S3ClientTest, CustomEndpointIsPathStyleAndKeysAreEncodedOnce) {
  transport_->responses.push_back({200, {{"ETag", "\"5d41\""}}, ""});
  S3Client s3 = MakeClient("us-east-1", kEmulator);
  Result<std::string> etag = s3.PutObject("my-bucket", "dir/a b+c~.txt", "hello", "text/plain");
  ASSERT_TRUE(etag.ok()) << etag.error().Describe();
  EXPECT_EQ(*etag, "\"5d41\"");
  EXPECT_EQ(Sent(0).method, "PUT");
  EXPECT_EQ(Sent(0).url, "http://127.0.0.1:9000/my-bucket/dir/a%20b%2Bc~.txt");
  EXPECT_EQ(Sent(0).body, "hello");
  EXPECT_EQ(Sent(0).Header("Content-Type"), "text/plain");
  EXPECT_EQ(Sent(0).Header("Content-MD5"), "XUFAKrxLKna5cZ2REBfFkg==");
  EXPECT_EQ(Sent(0).Header("x-amz-content-sha256"), "UNSIGNED-PAYLOAD");
  EXPECT_NE(Sent(0).Header("Authorization").find("/us-east-1/s3/aws4_request"), std::string::npos);
}

TEST_F(S3ClientTest, AwsEndpointIsVirtualHostedWithLocationConstraint) {
  transport_->responses.push_back({200, {}, ""});
  S3Client s3 = MakeClient("us-west-2", "");
  ASSERT_TRUE(s3.CreateBucket("my-bucket").ok());
  EXPECT_EQ(Sent(0).method, "PUT");
  EXPECT_EQ(Sent(0).url, "https://my-bucket.s3.us-west-2.amazonaws.com/");
  EXPECT_EQ(Sent(0).body,
            "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
            "<LocationConstraint>us-west-2</LocationConstraint></CreateBucketConfiguration>");
}

TEST_F(S3ClientTest, UsEast1CreateBucketHasNoBody) {
  transport_->responses.push_back({200, {}, ""});
  S3Client s3 = MakeClient("us-east-1", kEmulator);
  ASSERT_TRUE(s3.CreateBucket("b1").ok());
  EXPECT_EQ(Sent(0).url, "http://127.0.0.1:9000/b1");
  EXPECT_EQ(Sent(0).body, "");
}

TEST_F(S3ClientTest, BucketNamesWithDotsStayPathStyleOnAws) {
  transport_->responses.push_back({200, {}, ""});
  S3Client s3 = MakeClient("us-west-2", "");
  ASSERT_TRUE(s3.HeadBucket("logs.example.com").ok());
  EXPECT_EQ(Sent(0).method, "HEAD");
  EXPECT_EQ(Sent(0).url, "https://s3.us-west-2.amazonaws.com/logs.example.com");
}

TEST_F(S3ClientTest, VirtualHostedObjectKeepsTheKeyInThePath) {
  transport_->responses.push_back({200, {{"Content-Type", "application/json"}, {"Content-Length", "2"},
                                         {"ETag", "\"e\""}}, "{}"});
  S3Client s3 = MakeClient("eu-west-1", "");
  Result<S3ObjectContent> object = s3.GetObject("state-bucket", "env/prod/terraform.tfstate");
  ASSERT_TRUE(object.ok());
  EXPECT_EQ(Sent(0).url, "https://state-bucket.s3.eu-west-1.amazonaws.com/env/prod/terraform.tfstate");
  EXPECT_EQ(object->body, "{}");
  EXPECT_EQ(object->metadata.content_type, "application/json");
  EXPECT_EQ(object->metadata.content_length, 2);
  EXPECT_EQ(object->metadata.etag, "\"e\"");
}

TEST_F(S3ClientTest, PutBucketVersioningSendsXmlWithContentMd5) {
  transport_->responses.push_back({200, {}, ""});
  S3Client s3 = MakeClient("us-east-1", kEmulator);
  ASSERT_TRUE(s3.PutBucketVersioning("b1", true).ok());
  EXPECT_EQ(Sent(0).url, "http://127.0.0.1:9000/b1?versioning=");
  EXPECT_EQ(Sent(0).body,
            "<VersioningConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
            "<Status>Enabled</Status></VersioningConfiguration>");
  EXPECT_EQ(Sent(0).Header("Content-MD5"), "QQFYoy/mRYV9PGZUfFi0Bw==");
  EXPECT_EQ(Sent(0).Header("Content-Type"), "application/xml");
}

TEST_F(S3ClientTest, BucketOwnershipControls) {
  transport_->responses.push_back({200, {}, ""});
  transport_->responses.push_back({200, {}, R"(<?xml version="1.0" encoding="UTF-8"?>
<OwnershipControls xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Rule><ObjectOwnership>BucketOwnerEnforced</ObjectOwnership></Rule></OwnershipControls>)"});
  S3Client s3 = MakeClient("us-east-1", kEmulator);
  ASSERT_TRUE(s3.PutBucketOwnershipControls("b1", "BucketOwnerEnforced").ok());
  EXPECT_EQ(Sent(0).method, "PUT");
  EXPECT_EQ(Sent(0).url, "http://127.0.0.1:9000/b1?ownershipControls=");
  EXPECT_EQ(Sent(0).body,
            "<OwnershipControls xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
            "<Rule><ObjectOwnership>BucketOwnerEnforced</ObjectOwnership></Rule></OwnershipControls>");
  Result<std::string> ownership = s3.GetBucketOwnershipControls("b1");
  ASSERT_TRUE(ownership.ok()) << ownership.error().Describe();
  EXPECT_EQ(*ownership, "BucketOwnerEnforced");
  EXPECT_EQ(Sent(1).url, "http://127.0.0.1:9000/b1?ownershipControls=");
}

TEST_F(S3ClientTest, PutBucketPolicySendsTheDocumentAsIs) {
  transport_->responses.push_back({204, {}, ""});
  S3Client s3 = MakeClient("us-east-1", kEmulator);
  ASSERT_TRUE(s3.PutBucketPolicy("b1", "hello").ok());
  EXPECT_EQ(Sent(0).method, "PUT");
  EXPECT_EQ(Sent(0).url, "http://127.0.0.1:9000/b1?policy=");
  EXPECT_EQ(Sent(0).body, "hello");
  EXPECT_EQ(Sent(0).Header("Content-Type"), "application/json");
  EXPECT_EQ(Sent(0).Header("Content-MD5"), "XUFAKrxLKna5cZ2REBfFkg==");
}

TEST_F(S3ClientTest, PutBucketEncryptionWithKmsKey) {
  transport_->responses.push_back({200, {}, ""});
  S3Client s3 = MakeClient("us-east-1", kEmulator);
  ASSERT_TRUE(s3.PutBucketEncryption("b1", {"aws:kms", "arn:aws:kms:us-east-1:1:key/k", true}).ok());
  EXPECT_EQ(Sent(0).url, "http://127.0.0.1:9000/b1?encryption=");
  EXPECT_EQ(Sent(0).body,
            "<ServerSideEncryptionConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Rule>"
            "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm>"
            "<KMSMasterKeyID>arn:aws:kms:us-east-1:1:key/k</KMSMasterKeyID>"
            "</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true</BucketKeyEnabled></Rule>"
            "</ServerSideEncryptionConfiguration>");
}

TEST_F(S3ClientTest, ReadsBucketSettings) {
  transport_->responses.push_back({200, {}, R"(<?xml version="1.0" encoding="UTF-8"?>
<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Status>Suspended</Status></VersioningConfiguration>)"});
  transport_->responses.push_back({200, {}, R"(<ServerSideEncryptionConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault>
<BucketKeyEnabled>false</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>)"});
  transport_->responses.push_back({200, {}, R"(<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls>
<IgnorePublicAcls>false</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy>
<RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>)"});
  transport_->responses.push_back({200, {}, R"(<Tagging><TagSet><Tag><Key>a</Key><Value>1</Value></Tag>
<Tag><Key>b &amp; c</Key><Value></Value></Tag></TagSet></Tagging>)"});
  S3Client s3 = MakeClient("us-east-1", kEmulator);
  Result<std::string> versioning = s3.GetBucketVersioning("b1");
  ASSERT_TRUE(versioning.ok());
  EXPECT_EQ(*versioning, "Suspended");
  Result<BucketEncryption> encryption = s3.GetBucketEncryption("b1");
  ASSERT_TRUE(encryption.ok());
  EXPECT_EQ(encryption->sse_algorithm, "AES256");
  EXPECT_EQ(encryption->kms_master_key_id, "");
  EXPECT_FALSE(encryption->bucket_key_enabled);
  Result<PublicAccessBlock> block = s3.GetPublicAccessBlock("b1");
  ASSERT_TRUE(block.ok());
  EXPECT_EQ(*block, (PublicAccessBlock{true, false, true, true}));
  Result<S3TagList> tags = s3.GetBucketTagging("b1");
  ASSERT_TRUE(tags.ok());
  EXPECT_EQ(*tags, (S3TagList{{"a", "1"}, {"b & c", ""}}));
  EXPECT_EQ(Sent(2).url, "http://127.0.0.1:9000/b1?publicAccessBlock=");
  EXPECT_EQ(Sent(3).url, "http://127.0.0.1:9000/b1?tagging=");
}

TEST_F(S3ClientTest, PutBucketTaggingEscapesXml) {
  transport_->responses.push_back({204, {}, ""});
  S3Client s3 = MakeClient("us-east-1", kEmulator);
  ASSERT_TRUE(s3.PutBucketTagging("b1", {{"k<1>", "a&b"}}).ok());
  EXPECT_EQ(Sent(0).body,
            "<Tagging xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><TagSet><Tag><Key>k&lt;1&gt;</Key>"
            "<Value>a&amp;b</Value></Tag></TagSet></Tagging>");
}

TEST_F(S3ClientTest, ListObjectsV2FollowsContinuationTokens) {
  transport_->responses.push_back({200, {}, R"(<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
<IsTruncated>true</IsTruncated><NextContinuationToken>t/2=</NextContinuationToken>
<Contents><Key>a</Key><Size>5</Size><ETag>"x"</ETag><LastModified>2026-11-27T22:49:27.000Z</LastModified></Contents>
</ListBucketResult>)"});
  transport_->responses.push_back({200, {}, R"(<ListBucketResult><IsTruncated>false</IsTruncated>
<Contents><Key>b</Key><Size>7</Size></Contents></ListBucketResult>)"});
  S3Client s3 = MakeClient("us-east-1", kEmulator);
  Result<std::vector<S3Object>> objects = s3.ListObjectsV2("b1", "p/");
  ASSERT_TRUE(objects.ok()) << objects.error().Describe();
  ASSERT_EQ(objects->size(), 2u);
  EXPECT_EQ((*objects)[0].key, "a");
  EXPECT_EQ((*objects)[0].size, 5);
  EXPECT_EQ((*objects)[0].etag, "\"x\"");
  EXPECT_TRUE((*objects)[0].last_modified.has_value());
  EXPECT_EQ((*objects)[1].key, "b");
  EXPECT_EQ(Sent(0).url, "http://127.0.0.1:9000/b1?list-type=2&prefix=p%2F");
  EXPECT_EQ(Sent(1).url, "http://127.0.0.1:9000/b1?list-type=2&prefix=p%2F&continuation-token=t%2F2%3D");
}

TEST_F(S3ClientTest, ListBucketsReadsNamesAndDates) {
  transport_->responses.push_back({200, {}, R"(<ListAllMyBucketsResult><Buckets>
<Bucket><Name>b1</Name><CreationDate>2026-11-27T22:49:27.000Z</CreationDate></Bucket>
<Bucket><Name>b2</Name></Bucket></Buckets></ListAllMyBucketsResult>)"});
  S3Client s3 = MakeClient("us-east-1", kEmulator);
  Result<std::vector<S3Bucket>> buckets = s3.ListBuckets();
  ASSERT_TRUE(buckets.ok());
  ASSERT_EQ(buckets->size(), 2u);
  EXPECT_EQ((*buckets)[0].name, "b1");
  EXPECT_TRUE((*buckets)[0].creation_date.has_value());
  EXPECT_EQ((*buckets)[1].name, "b2");
  EXPECT_EQ(Sent(0).url, "http://127.0.0.1:9000/");
}

TEST_F(S3ClientTest, HeadErrorsWithoutBodyGetCodes) {
  transport_->responses.push_back({404, {}, ""});
  transport_->responses.push_back({404, {}, ""});
  transport_->responses.push_back({403, {}, ""});
  S3Client s3 = MakeClient("us-east-1", kEmulator);
  Result<ObjectMetadata> object = s3.HeadObject("b1", "missing");
  ASSERT_FALSE(object.ok());
  EXPECT_EQ(object.error().code, "NoSuchKey");
  EXPECT_EQ(object.error().http_status, 404);
  Status bucket = s3.HeadBucket("gone");
  ASSERT_FALSE(bucket.ok());
  EXPECT_EQ(bucket.error().code, "NoSuchBucket");
  Status foreign = s3.HeadBucket("theirs");
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().code, "AccessDenied");
}

TEST_F(S3ClientTest, MissingPolicyKeepsTheS3Code) {
  transport_->responses.push_back({404, {{"x-amz-request-id", "R1"}}, R"(<?xml version="1.0"?>
<Error><Code>NoSuchBucketPolicy</Code><Message>The bucket policy does not exist</Message></Error>)"});
  S3Client s3 = MakeClient("us-east-1", kEmulator);
  Result<std::string> policy = s3.GetBucketPolicy("b1");
  ASSERT_FALSE(policy.ok());
  EXPECT_EQ(policy.error().code, "NoSuchBucketPolicy");
  EXPECT_EQ(policy.error().request_id, "R1");
  EXPECT_EQ(Sent(0).url, "http://127.0.0.1:9000/b1?policy=");
}

TEST(IsVirtualHostableBucketTest, Rules) {
  EXPECT_TRUE(IsVirtualHostableBucket("abc"));
  EXPECT_TRUE(IsVirtualHostableBucket("my-bucket-123"));
  EXPECT_FALSE(IsVirtualHostableBucket("ab"));
  EXPECT_FALSE(IsVirtualHostableBucket(std::string(64, 'a')));
  EXPECT_FALSE(IsVirtualHostableBucket("My-Bucket"));
  EXPECT_FALSE(IsVirtualHostableBucket("my.bucket"));
  EXPECT_FALSE(IsVirtualHostableBucket("my_bucket"));
  EXPECT_FALSE(IsVirtualHostableBucket("-bucket"));
  EXPECT_FALSE(IsVirtualHostableBucket("bucket-"));
}

}  // namespace
}  // namespace foyer::aws
