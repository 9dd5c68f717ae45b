"""foyer grant against moto: an S3 bucket policy and a KMS key policy, each
already holding a statement of its own, read back with boto3 after every
run. Requests go through the fault proxy, whose log shows whether a run
wrote anything."""
import json
import shutil
import subprocess
import tempfile
import unittest

from e2e.fault_proxy import FaultProxy
from e2e.moto import MotoServer, foyer_binary

GRANTEE = "210987654321"
BUCKET = "shared-data"
OTHER_BUCKET_STATEMENT = {
    "Sid": "ReadForAuditors", "Effect": "Allow",
    "Principal": {"AWS": "arn:aws:iam::123456789012:role/foyer/Auditor"},
    "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{BUCKET}/*"}


def expected_bucket_statement(access):
    actions = ["s3:GetObject", "s3:ListBucket"]
    if access == "write":
        actions = ["s3:AbortMultipartUpload", "s3:DeleteObject", "s3:GetObject", "s3:ListBucket", "s3:PutObject"]
    return {"Sid": f"foyer-grant-{GRANTEE}-Deployer-{access}", "Effect": "Allow",
            "Principal": {"AWS": f"arn:aws:iam::{GRANTEE}:role/foyer/Deployer"},
            "Action": actions, "Resource": [f"arn:aws:s3:::{BUCKET}", f"arn:aws:s3:::{BUCKET}/*"]}


class GrantTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.moto = MotoServer().__enter__()
        cls.proxy = FaultProxy(cls.moto.url).__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.proxy.__exit__(None, None, None)
        cls.moto.__exit__(None, None, None)

    def setUp(self):
        self.moto.reset()
        self.home = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.home, True)
        self.s3 = self.moto.client("s3")
        self.s3.create_bucket(Bucket=BUCKET)
        self.s3.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(
            {"Version": "2012-10-17", "Statement": [OTHER_BUCKET_STATEMENT]}))
        self.kms = self.moto.client("kms")
        self.key = self.kms.create_key(Description="state")["KeyMetadata"]["KeyId"]
        self.key_policy = json.loads(self.kms.get_key_policy(KeyId=self.key, PolicyName="default")["Policy"])
        self.proxy.clear_log()

    def foyer(self, args):
        env = self.moto.env(home=self.home, AWS_ENDPOINT_URL=self.proxy.url)
        return subprocess.run([foyer_binary(), "grant", *args], env=env, capture_output=True, text=True, timeout=120)

    def bucket_statements(self):
        return json.loads(self.s3.get_bucket_policy(Bucket=BUCKET)["Policy"])["Statement"]

    def writes(self):
        return [e for e in self.proxy.log()
                if e["method"] in ("PUT", "DELETE") or e["action"] in ("PutKeyPolicy",)]

    def test_bucket_grant_adds_exactly_one_statement_then_changes_nothing(self):
        first = self.foyer([f"s3://{BUCKET}", "--to", GRANTEE, "--role", "Deployer", "--actions", "read"])
        self.assertEqual(first.returncode, 0, first.stderr)
        self.assertEqual(first.stdout, f"s3://{BUCKET}: granted foyer-grant-{GRANTEE}-Deployer-read\n")
        self.assertEqual(self.bucket_statements(), [OTHER_BUCKET_STATEMENT, expected_bucket_statement("read")])
        self.assertEqual(len(self.writes()), 1)

        self.proxy.clear_log()
        second = self.foyer([f"s3://{BUCKET}", "--to", GRANTEE, "--role", "Deployer", "--actions", "read"])
        self.assertEqual(second.returncode, 0, second.stderr)
        self.assertIn("already in place; nothing changed", second.stdout)
        self.assertEqual(self.writes(), [])
        self.assertEqual(self.bucket_statements(), [OTHER_BUCKET_STATEMENT, expected_bucket_statement("read")])

    def test_revoke_removes_only_the_grant_and_a_second_revoke_writes_nothing(self):
        for access in ("read", "write"):
            result = self.foyer([f"s3://{BUCKET}", "--to", GRANTEE, "--role", "Deployer", "--actions", access])
            self.assertEqual(result.returncode, 0, result.stderr)
        revoke = self.foyer([f"s3://{BUCKET}", "--to", GRANTEE, "--role", "Deployer", "--actions", "read",
                             "--revoke"])
        self.assertEqual(revoke.returncode, 0, revoke.stderr)
        self.assertEqual(self.bucket_statements(), [OTHER_BUCKET_STATEMENT, expected_bucket_statement("write")])
        self.proxy.clear_log()
        again = self.foyer([f"s3://{BUCKET}", "--to", GRANTEE, "--role", "Deployer", "--actions", "read", "--revoke"])
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertIn("already absent; nothing changed", again.stdout)
        self.assertEqual(self.writes(), [])

    def test_dry_run_prints_the_policy_and_writes_nothing(self):
        result = self.foyer([f"s3://{BUCKET}", "--to", GRANTEE, "--role", "Deployer", "--actions", "write",
                             "--dry-run"])
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(json.loads(result.stdout), {
            "Version": "2012-10-17", "Statement": [OTHER_BUCKET_STATEMENT, expected_bucket_statement("write")]})
        self.assertEqual(self.writes(), [])
        self.assertEqual(self.bucket_statements(), [OTHER_BUCKET_STATEMENT])

    def test_key_grant_merges_into_the_key_policy(self):
        first = self.foyer([f"kms:{self.key}", "--to", GRANTEE, "--role", "Deployer", "--actions", "write"])
        self.assertEqual(first.returncode, 0, first.stderr)
        policy = json.loads(self.kms.get_key_policy(KeyId=self.key, PolicyName="default")["Policy"])
        self.assertEqual(policy["Statement"], self.key_policy["Statement"] + [{
            "Sid": f"foyer-grant-{GRANTEE}-Deployer-write", "Effect": "Allow",
            "Principal": {"AWS": f"arn:aws:iam::{GRANTEE}:role/foyer/Deployer"},
            "Action": ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"],
            "Resource": "*"}])
        self.proxy.clear_log()
        second = self.foyer([f"kms:{self.key}", "--to", GRANTEE, "--role", "Deployer", "--actions", "write"])
        self.assertEqual(second.returncode, 0, second.stderr)
        self.assertEqual(self.writes(), [])
        revoke = self.foyer([f"kms:{self.key}", "--to", GRANTEE, "--role", "Deployer", "--actions", "write",
                             "--revoke"])
        self.assertEqual(revoke.returncode, 0, revoke.stderr)
        policy = json.loads(self.kms.get_key_policy(KeyId=self.key, PolicyName="default")["Policy"])
        self.assertEqual(policy["Statement"], self.key_policy["Statement"])

    def test_bad_arguments_are_usage_errors(self):
        for args, message in [
                (["s3://bucket/prefix", "--to", GRANTEE, "--role", "R", "--actions", "read"], "is not a bucket"),
                (["arn:aws:s3:::b", "--to", GRANTEE, "--role", "R", "--actions", "read"], "neither s3://BUCKET"),
                ([f"s3://{BUCKET}", "--to", GRANTEE, "--role", "R", "--actions", "admin"], "read or write")]:
            result = self.foyer(args)
            self.assertEqual(result.returncode, 2, args)
            self.assertIn(message, result.stderr)
        self.assertEqual(self.proxy.log(), [])


if __name__ == "__main__":
    unittest.main()
