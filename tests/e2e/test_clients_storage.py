"""foyer's S3, KMS, DynamoDB and CloudTrail clients against moto.

foyer_roundtrip_storage runs a scripted scenario through each client; every
setting it wrote is then read back with boto3, never with foyer itself.
"""
import base64
import json
import os
import subprocess
import unittest

from e2e.moto import MotoServer

BUCKET = "foyer-audit-logs"
ALIAS = "alias/foyer-state"
TABLE = "foyer-locks"
TRAIL = "foyer-organization-trail"
SIGNED_KEYS = ["dir/with space~.json", "env/prod/terraform.tfstate"]
AWKWARD_KEYS = ["dir/with space+plus~(1).json", "unicodé/ключ.txt", "a=b&c;d"]


def roundtrip_tool():
    path = os.environ.get("FOYER_ROUNDTRIP_STORAGE")
    if not path:
        build = os.environ.get("FOYER_BUILD_DIR", os.path.join(os.path.dirname(__file__), "..", "..", "build"))
        path = os.path.join(build, "tests", "foyer_roundtrip_storage")
    return path


def run_tool(env, *args):
    """Runs one scenario; returns (exit status, parsed JSON output)."""
    done = subprocess.run([roundtrip_tool(), *args], env=env, capture_output=True, text=True, timeout=180)
    try:
        output = json.loads(done.stdout)
    except ValueError:
        raise AssertionError(f"not JSON: {done.stdout!r} {done.stderr!r}")
    return done.returncode, output


class StorageClientsTest(unittest.TestCase):
    def setUp(self):
        self.moto = MotoServer()
        self.moto.__enter__()
        self.addCleanup(self.moto.__exit__, None, None, None)

    def scenario(self, *args, **env):
        status, output = run_tool(self.moto.env(**env), *args)
        self.assertEqual(status, 0, output)
        return output

    def admin_keys(self):
        """An IAM user allowed everything, for runs with signature checking on."""
        iam = self.moto.client("iam")
        iam.create_user(UserName="operator")
        iam.put_user_policy(UserName="operator", PolicyName="all", PolicyDocument=json.dumps(
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
        key = iam.create_access_key(UserName="operator")["AccessKey"]
        return key["AccessKeyId"], key["SecretAccessKey"]

    def test_s3_settings_policy_and_objects_read_back(self):
        key_arn = self.moto.client("kms", "eu-west-1").create_key()["KeyMetadata"]["Arn"]
        access_key, secret_key = self.admin_keys()
        # From here on moto verifies every SigV4 signature: S3's unsigned
        # payload and keys that need encoding must pass. (moto's own check
        # fails on keys with '+', '(' or non-ASCII, and on query values with
        # '/', even for boto3: those are in test_us_east_1_bucket_with_awkward_keys.)
        self.moto.check_signatures()
        out = self.scenario("s3", BUCKET, key_arn, *SIGNED_KEYS, AWS_REGION="eu-west-1",
                            AWS_ACCESS_KEY_ID=access_key, AWS_SECRET_ACCESS_KEY=secret_key)
        s3 = self.moto.client("s3", "eu-west-1", aws_access_key_id=access_key, aws_secret_access_key=secret_key)

        self.assertEqual(s3.get_bucket_location(Bucket=BUCKET)["LocationConstraint"], "eu-west-1")
        self.assertEqual(s3.get_bucket_versioning(Bucket=BUCKET)["Status"], "Enabled")
        rule = s3.get_bucket_encryption(Bucket=BUCKET)["ServerSideEncryptionConfiguration"]["Rules"][0]
        self.assertEqual(rule["ApplyServerSideEncryptionByDefault"],
                         {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": key_arn})
        self.assertTrue(rule["BucketKeyEnabled"])
        self.assertEqual(s3.get_public_access_block(Bucket=BUCKET)["PublicAccessBlockConfiguration"],
                         {"BlockPublicAcls": True, "IgnorePublicAcls": True,
                          "BlockPublicPolicy": True, "RestrictPublicBuckets": True})
        self.assertEqual(s3.get_bucket_tagging(Bucket=BUCKET)["TagSet"],
                         [{"Key": "foyer:managed", "Value": "true"}, {"Key": "purpose", "Value": "audit & state"}])
        expected_policy = {"Version": "2012-10-17", "Statement": [{
            "Sid": "ReaderFromAudit", "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::222222222222:role/foyer/Auditor"},
            "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{BUCKET}/*"}]}
        self.assertEqual(json.loads(s3.get_bucket_policy(Bucket=BUCKET)["Policy"]), expected_policy)

        self.assert_objects(s3, SIGNED_KEYS)
        self.assertEqual([b["Name"] for b in s3.list_buckets()["Buckets"]], [BUCKET])

        # What foyer read agrees, and the calls meant to fail failed as they should.
        self.assertEqual(out["versioning"], "Enabled")
        self.assertEqual(out["encryption"], {"algorithm": "aws:kms", "kms_key": key_arn, "bucket_key": True})
        self.assertTrue(out["public_access_block_all"])
        self.assertEqual(out["policy"], expected_policy)
        self.assertEqual(out["objects"]["plain.txt"],
                         {"body": "body of plain.txt", "content_type": "text/plain", "head_length": 17})
        self.assertEqual(out["listed_prefix"], ["dir/with space~.json"])
        self.assertEqual(out["buckets_before_delete"], [BUCKET, BUCKET + "-scratch"])
        self.assertEqual(out["head_missing_bucket"], "NoSuchBucket")
        self.assertEqual(out["head_deleted_object"], "NoSuchKey")
        self.assertEqual(out["policy_before"], "NoSuchBucketPolicy")
        self.assertEqual(out["scratch_policy_after_delete"], "NoSuchBucketPolicy")
        self.assertEqual(out["encryption_before"], "ServerSideEncryptionConfigurationNotFoundError")

    def test_s3_with_a_wrong_secret_is_refused_and_changes_nothing(self):
        access_key, secret_key = self.admin_keys()
        self.moto.check_signatures()
        status, out = run_tool(self.moto.env(AWS_ACCESS_KEY_ID=access_key,
                                             AWS_SECRET_ACCESS_KEY="x" + secret_key[1:]), "s3", BUCKET, "")
        self.assertEqual(status, 1)
        self.assertEqual(out["error"]["step"], "CreateBucket")
        self.assertEqual(out["error"]["code"], "SignatureDoesNotMatch")
        self.assertEqual(out["error"]["http_status"], 403)
        s3 = self.moto.client("s3", aws_access_key_id=access_key, aws_secret_access_key=secret_key)
        self.assertEqual(s3.list_buckets()["Buckets"], [])

    def assert_objects(self, s3, keys):
        for key in keys:
            got = s3.get_object(Bucket=BUCKET, Key=key)
            self.assertEqual(got["Body"].read().decode(), "body of " + key)
            self.assertEqual(got["ContentType"], "text/plain")
        listed = s3.list_objects_v2(Bucket=BUCKET)["Contents"]
        self.assertEqual(sorted(o["Key"] for o in listed), sorted(keys))
        with self.assertRaises(s3.exceptions.ClientError) as deleted:
            s3.head_object(Bucket=BUCKET, Key="plain.txt")
        self.assertEqual(deleted.exception.response["Error"]["Code"], "404")

    def test_us_east_1_bucket_with_awkward_keys(self):
        out = self.scenario("s3", BUCKET, "", *AWKWARD_KEYS)
        s3 = self.moto.client("s3")
        self.assert_objects(s3, AWKWARD_KEYS)
        self.assertEqual(out["listed_prefix"], ["dir/with space+plus~(1).json"])
        self.assertEqual({k: v["body"] for k, v in out["objects"].items()},
                         {k: "body of " + k for k in ["plain.txt"] + AWKWARD_KEYS})
        self.assertIsNone(s3.get_bucket_location(Bucket=BUCKET)["LocationConstraint"])
        rule = s3.get_bucket_encryption(Bucket=BUCKET)["ServerSideEncryptionConfiguration"]["Rules"][0]
        self.assertEqual(rule["ApplyServerSideEncryptionByDefault"], {"SSEAlgorithm": "AES256"})

    def test_kms_key_policy_alias_rotation_and_deletion_read_back(self):
        out = self.scenario("kms", ALIAS)
        kms = self.moto.client("kms")
        key_id = out["key_id"]
        metadata = kms.describe_key(KeyId=key_id)["KeyMetadata"]
        self.assertEqual(metadata["Arn"], out["arn"])
        self.assertEqual(metadata["Description"], "foyer state key")
        self.assertEqual(metadata["KeyState"], "Enabled")
        self.assertEqual(json.loads(kms.get_key_policy(KeyId=key_id, PolicyName="default")["Policy"]),
                         out["put_policy"])
        self.assertEqual([s["Sid"] for s in out["put_policy"]["Statement"]], ["Root", "AuditorDecrypt"])
        aliases = {a["AliasName"]: a.get("TargetKeyId") for a in kms.list_aliases()["Aliases"]}
        self.assertEqual(aliases[ALIAS], key_id)
        self.assertTrue(kms.get_key_rotation_status(KeyId=key_id)["KeyRotationEnabled"])
        self.assertEqual(kms.list_resource_tags(KeyId=key_id)["Tags"],
                         [{"TagKey": "foyer:managed", "TagValue": "true"}])
        # foyer's ciphertext decrypts with boto3, under the same context.
        plain = kms.decrypt(CiphertextBlob=base64.b64decode(out["ciphertext_base64"]),
                            EncryptionContext={"purpose": "roundtrip"})
        self.assertEqual(plain["Plaintext"], b"secret bytes \x01\xff")
        self.assertEqual(plain["KeyId"], out["arn"])
        doomed = kms.describe_key(KeyId=out["doomed_key_id"])["KeyMetadata"]
        self.assertEqual(doomed["KeyState"], "PendingDeletion")
        self.assertEqual(doomed["DeletionDate"].strftime("%Y-%m-%dT%H:%M:%SZ"), out["doomed_deletion"])

        self.assertEqual(out["get_policy_initial"]["Statement"][0]["Sid"], "Root")
        self.assertEqual(out["described_by_alias"], key_id)
        self.assertTrue(out["decrypted_matches"])
        self.assertEqual(sorted(out["keys"]), sorted([key_id, out["doomed_key_id"]]))
        self.assertEqual(out["describe_missing"], "NotFoundException")

    def test_dynamodb_table_items_and_conditional_writes_read_back(self):
        out = self.scenario("dynamodb", TABLE)
        dynamodb = self.moto.client("dynamodb")
        table = dynamodb.describe_table(TableName=TABLE)["Table"]
        self.assertEqual(table["TableStatus"], "ACTIVE")
        self.assertEqual(table["KeySchema"], [{"AttributeName": "LockID", "KeyType": "HASH"}])
        self.assertEqual(table["AttributeDefinitions"], [{"AttributeName": "LockID", "AttributeType": "S"}])
        self.assertEqual(table["BillingModeSummary"]["BillingMode"], "PAY_PER_REQUEST")
        item = dynamodb.get_item(TableName=TABLE, Key={"LockID": {"S": "apply"}}, ConsistentRead=True)["Item"]
        # The second conditional put (bob) failed: alice still holds the lock.
        self.assertEqual(item, {"LockID": {"S": "apply"}, "Owner": {"S": "alice"}, "Counter": {"N": "2"}})
        self.assertNotIn("Item", dynamodb.get_item(TableName=TABLE, Key={"LockID": {"S": "scratch"}}))
        self.assertEqual(dynamodb.list_tables()["TableNames"], [TABLE])

        self.assertEqual(out["second_put"], "ConditionalCheckFailedException")
        self.assertEqual(out["delete_by_bob"], "ConditionalCheckFailedException")
        self.assertEqual(out["updated"], item)
        self.assertEqual(out["read"], item)
        self.assertFalse(out["missing_found"])
        self.assertEqual(out["hash_key"], "LockID")
        self.assertEqual(out["arn"], table["TableArn"])
        self.assertEqual(out["describe_deleted"], "ResourceNotFoundException")

    def test_cloudtrail_trail_settings_status_and_tags_read_back(self):
        self.moto.client("s3").create_bucket(Bucket=BUCKET)
        key_arn = self.moto.client("kms").create_key()["KeyMetadata"]["Arn"]
        out = self.scenario("cloudtrail", TRAIL, BUCKET, key_arn)
        cloudtrail = self.moto.client("cloudtrail")
        trail = cloudtrail.get_trail(Name=TRAIL)["Trail"]
        self.assertEqual(trail["S3BucketName"], BUCKET)
        self.assertEqual(trail["S3KeyPrefix"], "org")
        self.assertEqual(trail["KmsKeyId"], key_arn)
        self.assertTrue(trail["IsMultiRegionTrail"])
        self.assertTrue(trail["IsOrganizationTrail"])
        self.assertTrue(trail["LogFileValidationEnabled"])
        self.assertTrue(cloudtrail.get_trail_status(Name=TRAIL)["IsLogging"])
        tags = cloudtrail.list_tags(ResourceIdList=[trail["TrailARN"]])["ResourceTagList"][0]["TagsList"]
        self.assertEqual(sorted((t["Key"], t["Value"]) for t in tags),
                         [("foyer:kind", "audit"), ("foyer:managed", "true")])
        self.assertEqual([t["Name"] for t in cloudtrail.describe_trails()["trailList"]], [TRAIL])

        self.assertFalse(out["created"]["validation"])
        self.assertEqual(out["created"]["prefix"], "")
        self.assertTrue(out["updated"]["validation"])
        self.assertEqual(out["read"]["arn"], trail["TrailARN"])
        self.assertTrue(out["logging_after_start"])
        self.assertFalse(out["logging_after_stop"])
        self.assertEqual(out["tags"], {"foyer:kind": "audit", "foyer:managed": "true"})
        self.assertEqual(out["described"], [TRAIL])
        self.assertEqual(out["get_deleted"], "TrailNotFoundException")


if __name__ == "__main__":
    unittest.main()
