"""foyer apply against moto, read back with boto3: the guardrail SCPs and
where they are attached, the audit bucket and the organization trail, the
Terraform state buckets of every region, and the apply lock table. A second
plan is empty and a second apply makes no mutating call but the lock's own;
a guardrail turned off is only a note without --allow-delete; a lock held by
someone else (written with boto3) refuses the apply, naming its holder."""
import json
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import unittest

from e2e.fault_proxy import FaultProxy
from e2e.moto import MotoServer, foyer_binary

MANAGEMENT_ID = "123456789012"
REGIONS = ["us-east-1", "us-west-2"]

SPEC = """[organization]
management_account_id = "123456789012"
email = "aws+{account}@example.com"
regions = ["us-east-1", "us-west-2"]
environments = ["production"]

[accounts]
admin = "admin"
audit = "audit"
deploy = "deploy"

[[domain]]
name = "payments"

[[group]]
name = "sre"
grants = [{ role = "Administrator" }]
"""

MEMBERS = ["admin", "audit", "deploy", "payments-production"]

# Operations that change nothing, whatever their verb.
READ_ONLY = {"AssumeRole", "GetCallerIdentity"}
MUTATING_PREFIXES = ("Create", "Put", "Update", "Attach", "Detach", "Delete", "Enable", "Disable",
                     "Start", "Stop", "Tag", "Untag", "Move", "Register", "Add", "Remove", "Set")


def is_mutating(action):
    """Query and JSON actions by their verb, S3 (REST) by its method."""
    if " " in action:
        return action.split(" ", 1)[0] in ("PUT", "POST", "DELETE")
    name = action.split(".")[-1]
    return name not in READ_ONLY and name.startswith(MUTATING_PREFIXES)


def statement(sid, effect, action, resource, condition=None, principal=None, not_resource=False):
    s = {"Sid": sid, "Effect": effect, "Action": action, ("NotResource" if not_resource else "Resource"): resource}
    if principal is not None:
        s["Principal"] = principal
    if condition is not None:
        s["Condition"] = condition
    return s


def canonical(document):
    """Order-insensitive form of a policy document for comparison."""
    def norm(value):
        if isinstance(value, dict):
            return {k: norm(v) for k, v in value.items()}
        if isinstance(value, list):
            return sorted((norm(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
        return value
    return norm(document)


def expected_scps(admin_id, audit_id):
    audit_bucket = f"arn:aws:s3:::foyer-audit-{audit_id}"
    doc = lambda *statements: {"Version": "2012-10-17", "Statement": list(statements)}  # noqa: E731
    return {
        "foyer-deny-leave-organization": doc(statement(
            "DenyLeaveOrganization", "Deny", "organizations:LeaveOrganization", "*")),
        "foyer-protect-audit-trail": doc(
            statement("ProtectOrganizationTrail", "Deny",
                      ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail",
                       "cloudtrail:PutEventSelectors", "cloudtrail:PutInsightSelectors"],
                      f"arn:aws:cloudtrail:*:{MANAGEMENT_ID}:trail/foyer-organization-trail"),
            statement("ProtectAuditBucket", "Deny",
                      ["s3:DeleteBucket", "s3:DeleteBucketPolicy", "s3:PutBucketPolicy", "s3:PutBucketAcl",
                       "s3:PutBucketVersioning", "s3:PutEncryptionConfiguration",
                       "s3:PutLifecycleConfiguration", "s3:PutBucketPublicAccessBlock",
                       "s3:PutBucketOwnershipControls", "s3:PutReplicationConfiguration",
                       "s3:PutBucketObjectLockConfiguration"], audit_bucket),
            statement("ProtectAuditLogs", "Deny",
                      ["s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutObjectAcl", "s3:PutObjectVersionAcl"],
                      audit_bucket + "/*")),
        "foyer-deny-iam-users-outside-admin": doc(statement(
            "DenyIamUsersOutsideAdminAccount", "Deny",
            ["iam:CreateUser", "iam:CreateAccessKey", "iam:CreateLoginProfile"], "*",
            {"StringNotEquals": {"aws:PrincipalAccount": admin_id}})),
        "foyer-deny-root-user": doc(statement(
            "DenyRootUser", "Deny", "*", "*", {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:root"}})),
        "foyer-neuter-organization-account-access-role": doc(statement(
            "DenyOrganizationAccountAccessRole", "Deny", "*", "*",
            {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/OrganizationAccountAccessRole"}})),
    }


def deny_insecure(bucket):
    arn = f"arn:aws:s3:::{bucket}"
    return statement("DenyInsecureTransport", "Deny", "s3:*", [arn, arn + "/*"],
                     {"Bool": {"aws:SecureTransport": "false"}}, principal="*")


class GuardrailsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.moto = MotoServer(extra_env={"MOTO_IAM_LOAD_MANAGED_POLICIES": "true"}).__enter__()
        cls.proxy = FaultProxy(cls.moto.url).__enter__()
        cls.home = tempfile.mkdtemp()
        cls.spec = os.path.join(cls.home, "foyer.toml")
        with open(cls.spec, "w") as f:
            f.write(SPEC)
        cls.env = cls.moto.env(home=cls.home, AWS_ENDPOINT_URL=cls.proxy.url)
        applied = cls.foyer("apply", "--yes")
        if applied.returncode != 0:
            raise AssertionError(f"first apply failed:\n{applied.stdout}\n{applied.stderr}")
        cls.org = cls.moto.client("organizations")
        cls.ids = {a["Name"]: a["Id"] for a in cls.org.list_accounts()["Accounts"]}
        cls.org_id = cls.org.describe_organization()["Organization"]["Id"]
        cls.root = cls.org.list_roots()["Roots"][0]["Id"]

    @classmethod
    def tearDownClass(cls):
        cls.proxy.__exit__(None, None, None)
        cls.moto.__exit__(None, None, None)
        shutil.rmtree(cls.home, ignore_errors=True)

    @classmethod
    def foyer(cls, *args, spec=None):
        return subprocess.run([foyer_binary(), *args, "--spec", spec or cls.spec], env=cls.env,
                              capture_output=True, text=True, timeout=300)

    def client_in(self, account_name, service, region="us-east-1"):
        """boto3 in a member account, through OrganizationAccountAccessRole."""
        sts = self.moto.client("sts")
        creds = sts.assume_role(
            RoleArn=f"arn:aws:iam::{self.ids[account_name]}:role/OrganizationAccountAccessRole",
            RoleSessionName="test")["Credentials"]
        return self.moto.client(service, region=region, aws_access_key_id=creds["AccessKeyId"],
                                aws_secret_access_key=creds["SecretAccessKey"],
                                aws_session_token=creds["SessionToken"])

    def foyer_scps(self):
        policies = self.org.list_policies(Filter="SERVICE_CONTROL_POLICY")["Policies"]
        return {p["Name"]: p["Id"] for p in policies if p["Name"].startswith("foyer-")}

    def test_guardrail_scps_have_exactly_their_documents(self):
        expected = expected_scps(self.ids["admin"], self.ids["audit"])
        scps = self.foyer_scps()
        self.assertEqual(sorted(scps), sorted(expected))
        for name, policy_id in scps.items():
            content = self.org.describe_policy(PolicyId=policy_id)["Policy"]["Content"]
            self.assertLessEqual(len(content), 5120, name)
            self.assertEqual(canonical(json.loads(content)), canonical(expected[name]), name)

    def test_guardrails_are_attached_where_they_belong_and_full_access_stays(self):
        scps = self.foyer_scps()
        for name, policy_id in scps.items():
            targets = {t["TargetId"] for t in self.org.list_targets_for_policy(PolicyId=policy_id)["Targets"]}
            if name == "foyer-neuter-organization-account-access-role":
                # Every member where foyer/Administrator exists; never management.
                self.assertEqual(targets, {self.ids[m] for m in MEMBERS}, name)
            else:
                self.assertEqual(targets, {self.root}, name)
        on_root = {p["Name"] for p in self.org.list_policies_for_target(
            TargetId=self.root, Filter="SERVICE_CONTROL_POLICY")["Policies"]}
        self.assertIn("FullAWSAccess", on_root)

    def test_audit_bucket_settings_and_policy(self):
        s3 = self.client_in("audit", "s3")
        bucket = f"foyer-audit-{self.ids['audit']}"
        self.assertIn(bucket, [b["Name"] for b in s3.list_buckets()["Buckets"]])
        self.assertEqual(s3.get_bucket_versioning(Bucket=bucket)["Status"], "Enabled")
        rules = s3.get_bucket_encryption(Bucket=bucket)["ServerSideEncryptionConfiguration"]["Rules"]
        self.assertEqual(rules[0]["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"], "AES256")
        self.assertEqual(s3.get_public_access_block(Bucket=bucket)["PublicAccessBlockConfiguration"],
                         {"BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True,
                          "RestrictPublicBuckets": True})
        self.assertEqual(s3.get_bucket_ownership_controls(Bucket=bucket)["OwnershipControls"]["Rules"],
                         [{"ObjectOwnership": "BucketOwnerEnforced"}])
        trail = f"arn:aws:cloudtrail:us-east-1:{MANAGEMENT_ID}:trail/foyer-organization-trail"
        arn = f"arn:aws:s3:::{bucket}"
        cloudtrail = {"Service": "cloudtrail.amazonaws.com"}
        write = {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": trail}}
        expected = {"Version": "2012-10-17", "Statement": [
            statement("CloudTrailAclCheck", "Allow", "s3:GetBucketAcl", arn,
                      {"StringEquals": {"aws:SourceArn": trail}}, principal=cloudtrail),
            statement("CloudTrailWriteManagementAccount", "Allow", "s3:PutObject",
                      f"{arn}/AWSLogs/{MANAGEMENT_ID}/*", write, principal=cloudtrail),
            statement("CloudTrailWriteOrganization", "Allow", "s3:PutObject",
                      f"{arn}/AWSLogs/{self.org_id}/*", write, principal=cloudtrail),
            deny_insecure(bucket)]}
        policy = json.loads(s3.get_bucket_policy(Bucket=bucket)["Policy"])
        self.assertEqual(canonical(policy), canonical(expected))

    def test_organization_trail_logs_everything_into_the_audit_bucket(self):
        cloudtrail = self.moto.client("cloudtrail")
        trail = cloudtrail.get_trail(Name="foyer-organization-trail")["Trail"]
        self.assertEqual(trail["S3BucketName"], f"foyer-audit-{self.ids['audit']}")
        self.assertTrue(trail["IsOrganizationTrail"])
        self.assertTrue(trail["IsMultiRegionTrail"])
        self.assertTrue(trail["LogFileValidationEnabled"])
        self.assertTrue(trail["IncludeGlobalServiceEvents"])
        self.assertTrue(cloudtrail.get_trail_status(Name="foyer-organization-trail")["IsLogging"])
        services = self.org.list_aws_service_access_for_organization()["EnabledServicePrincipals"]
        self.assertIn("cloudtrail.amazonaws.com", [s["ServicePrincipal"] for s in services])

    def test_state_bucket_per_region_partitioned_by_account(self):
        deploy = self.ids["deploy"]
        for region in REGIONS:
            s3 = self.client_in("deploy", "s3", region=region)
            bucket = f"foyer-tfstate-{deploy}-{region}"
            location = s3.get_bucket_location(Bucket=bucket)["LocationConstraint"]
            self.assertEqual(location or "us-east-1", region)
            self.assertEqual(s3.get_bucket_versioning(Bucket=bucket)["Status"], "Enabled")
            rules = s3.get_bucket_encryption(Bucket=bucket)["ServerSideEncryptionConfiguration"]["Rules"]
            self.assertEqual(rules[0]["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"], "AES256")
            self.assertTrue(all(s3.get_public_access_block(Bucket=bucket)
                                ["PublicAccessBlockConfiguration"].values()))
            arn = f"arn:aws:s3:::{bucket}"
            own = arn + "/${aws:PrincipalAccount}/*"
            objects = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
            org_not_admin = {"StringEquals": {"aws:PrincipalOrgID": self.org_id},
                             "StringNotEquals": {"aws:PrincipalAccount": self.ids["admin"]}}
            expected = {"Version": "2012-10-17", "Statement": [
                deny_insecure(bucket),
                statement("DenyAdminAccount", "Deny", "s3:*", [arn, arn + "/*"],
                          {"StringEquals": {"aws:PrincipalAccount": self.ids["admin"]}}, principal="*"),
                statement("DenyObjectsOutsideOwnPrefix", "Deny", objects, own, principal="*", not_resource=True),
                statement("AccountsReadWriteOwnPrefix", "Allow", objects, own, org_not_admin,
                          principal={"AWS": "*"}),
                statement("AccountsListOwnPrefix", "Allow", "s3:ListBucket", arn,
                          dict(org_not_admin, StringLike={"s3:prefix": "${aws:PrincipalAccount}/*"}),
                          principal={"AWS": "*"})]}
            policy = json.loads(s3.get_bucket_policy(Bucket=bucket)["Policy"])
            self.assertEqual(canonical(policy), canonical(expected), region)

    def test_apply_lock_table(self):
        table = self.client_in("deploy", "dynamodb").describe_table(TableName="foyer-apply-lock")["Table"]
        self.assertEqual(table["KeySchema"], [{"AttributeName": "LockID", "KeyType": "HASH"}])
        self.assertEqual(table["AttributeDefinitions"], [{"AttributeName": "LockID", "AttributeType": "S"}])
        self.assertEqual(table["BillingModeSummary"]["BillingMode"], "PAY_PER_REQUEST")

    def test_second_plan_and_apply_change_nothing(self):
        plan = self.foyer("plan", "--detailed-exitcode")
        self.assertEqual(plan.returncode, 0, plan.stdout + plan.stderr)
        self.proxy.clear_log()
        applied = self.foyer("apply", "--yes")
        self.assertEqual(applied.returncode, 0, applied.stdout + applied.stderr)
        mutating = [e["action"] for e in self.proxy.log() if is_mutating(e["action"])]
        # Only the lock: taken in the deploy account's table, then released.
        self.assertEqual(mutating, ["PutItem", "DeleteItem"])

    def test_drift_is_restored_with_only_the_calls_it_needs(self):
        leave = self.foyer_scps()["foyer-deny-leave-organization"]
        weakened = {"Version": "2012-10-17", "Statement": [
            {"Effect": "Deny", "Action": "organizations:DescribeOrganization", "Resource": "*"}]}
        self.org.update_policy(PolicyId=leave, Content=json.dumps(weakened))
        bucket = f"foyer-tfstate-{self.ids['deploy']}-us-west-2"
        s3 = self.client_in("deploy", "s3", region="us-west-2")
        s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Suspended"})

        plan = self.foyer("plan", "--json")
        self.assertEqual(plan.returncode, 0, plan.stderr)
        changes = json.loads(plan.stdout)["changes"]
        self.assertEqual([(c["action"], c["address"]) for c in changes],
                         [("update", "service_control_policy.foyer-deny-leave-organization"),
                          ("update", "s3_bucket.deploy/terraform-state-us-west-2")])
        self.proxy.clear_log()
        applied = self.foyer("apply", "--yes")
        self.assertEqual(applied.returncode, 0, applied.stdout + applied.stderr)
        mutating = [e["action"] for e in self.proxy.log() if is_mutating(e["action"])]
        self.assertEqual(sorted(mutating), sorted(["PutItem", "UpdatePolicy", f"PUT /{bucket}", "DeleteItem"]))
        self.assertEqual(s3.get_bucket_versioning(Bucket=bucket)["Status"], "Enabled")
        content = self.org.describe_policy(PolicyId=leave)["Policy"]["Content"]
        self.assertEqual(canonical(json.loads(content)),
                         canonical(expected_scps("", "")["foyer-deny-leave-organization"]))

    def test_guardrail_turned_off_is_only_a_note_without_allow_delete(self):
        off = os.path.join(self.home, "off.toml")
        with open(off, "w") as f:
            f.write(SPEC + "\n[guardrails]\ndeny_root_user = false\n")
        plan = self.foyer("plan", "--detailed-exitcode", spec=off)
        self.assertEqual(plan.returncode, 0, plan.stdout + plan.stderr)
        self.assertIn("guardrail deny-root-user is turned off in foyer.toml, but SCP foyer-deny-root-user is "
                      "still in place (attached to root). Turning a guardrail off is a security decision: "
                      "pass --allow-delete to detach and delete it.", plan.stdout)
        deleting = self.foyer("plan", "--json", "--allow-delete", spec=off)
        self.assertEqual(deleting.returncode, 0, deleting.stderr)
        changes = json.loads(deleting.stdout)["changes"]
        self.assertEqual([(c["action"], c["address"]) for c in changes],
                         [("delete", "service_control_policy.foyer-deny-root-user")])
        self.assertIn("foyer-deny-root-user", self.foyer_scps(), "plan deletes nothing")

    def test_apply_refused_while_another_holds_the_lock(self):
        dynamodb = self.client_in("deploy", "dynamodb")
        dynamodb.put_item(TableName="foyer-apply-lock", Item={
            "LockID": {"S": "foyer-apply"}, "Holder": {"S": "bob@build-7 pid 4242"},
            "Since": {"S": "2026-11-28T01:00:00Z"}, "Expires": {"N": "4102444800"}})
        try:
            applied = self.foyer("apply", "--yes")
            self.assertEqual(applied.returncode, 1, applied.stdout + applied.stderr)
            self.assertIn("another foyer apply holds the lock: bob@build-7 pid 4242 since 2026-11-28T01:00:00Z "
                          "(DynamoDB table foyer-apply-lock)", applied.stderr)
            item = dynamodb.get_item(TableName="foyer-apply-lock", Key={"LockID": {"S": "foyer-apply"}})["Item"]
            self.assertEqual(item["Holder"], {"S": "bob@build-7 pid 4242"}, "the holder's lock is left alone")
        finally:
            dynamodb.delete_item(TableName="foyer-apply-lock", Key={"LockID": {"S": "foyer-apply"}})

    def test_expired_lock_is_taken_over(self):
        dynamodb = self.client_in("deploy", "dynamodb")
        dynamodb.put_item(TableName="foyer-apply-lock", Item={
            "LockID": {"S": "foyer-apply"}, "Holder": {"S": "carol@laptop pid 7"},
            "Since": {"S": "2026-11-27T01:00:00Z"}, "Expires": {"N": "1000"}})
        applied = self.foyer("apply", "--yes")
        self.assertEqual(applied.returncode, 0, applied.stdout + applied.stderr)
        self.assertNotIn("Item", dynamodb.get_item(TableName="foyer-apply-lock",
                                                   Key={"LockID": {"S": "foyer-apply"}}),
                         "taken over, then released")

    def test_a_lock_left_by_a_killed_apply_on_this_machine_is_taken_over(self):
        dead = subprocess.Popen(["true"])
        dead.wait()
        holder = f"{pwd.getpwuid(os.geteuid()).pw_name}@{socket.gethostname()} pid {dead.pid}"
        dynamodb = self.client_in("deploy", "dynamodb")
        dynamodb.put_item(TableName="foyer-apply-lock", Item={
            "LockID": {"S": "foyer-apply"}, "Holder": {"S": holder},
            "Since": {"S": "2026-11-28T01:00:00Z"}, "Expires": {"N": "4102444800"}})
        applied = self.foyer("apply", "--yes")
        self.assertEqual(applied.returncode, 0, applied.stdout + applied.stderr)
        self.assertNotIn("Item", dynamodb.get_item(TableName="foyer-apply-lock",
                                                   Key={"LockID": {"S": "foyer-apply"}}),
                         "taken over from the dead holder, then released")


if __name__ == "__main__":
    unittest.main()
