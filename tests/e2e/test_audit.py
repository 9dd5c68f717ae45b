"""foyer snapshot, audit and who-can against a live organization in moto.

The organization is built with boto3 the way foyer makes it: landing roles
in the admin account trusting the OIDC provider, target roles whose trust
names exact landing roles, the guardrail SCPs. Results are compared with
what boto3 reads back; moto enforces none of the policies, so what is
proven here is foyer's reading and analysis of them.
"""
import json
import os
import subprocess
import tempfile
import unittest

from e2e.moto import MotoServer, foyer_binary

ISSUER = "idp.example.com"


def document(*statements):
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


def trust_landing(*landing_roles):
    return document({"Effect": "Allow", "Principal": {"AWS": list(landing_roles)},
                     "Action": ["sts:AssumeRole", "sts:SetSourceIdentity"]})


ALLOW_ALL = document({"Effect": "Allow", "Action": "*", "Resource": "*"})
READ_ONLY = document({"Effect": "Allow", "Action": ["iam:Get*", "iam:List*", "s3:List*", "s3:GetBucketPolicy",
                                                    "cloudtrail:Describe*", "organizations:Describe*",
                                                    "organizations:List*"], "Resource": "*"})
ASSUME_FOYER_ROLES = document({"Effect": "Allow", "Action": ["sts:AssumeRole", "sts:SetSourceIdentity"],
                               "Resource": "arn:aws:iam::*:role/foyer/*"})


def guardrails(management, admin):
    """The guardrail SCPs, as foyer writes them."""
    trail = f"arn:aws:cloudtrail:*:{management}:trail/foyer-organization-trail"
    return {
        "foyer-deny-leave-organization": document(
            {"Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"}),
        "foyer-protect-audit-trail": document(
            {"Effect": "Deny", "Action": ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail"], "Resource": trail}),
        "foyer-deny-iam-users-outside-admin": document(
            {"Effect": "Deny", "Action": ["iam:CreateUser", "iam:CreateAccessKey"], "Resource": "*",
             "Condition": {"StringNotEquals": {"aws:PrincipalAccount": admin}}}),
        "foyer-deny-root-user": document(
            {"Effect": "Deny", "Action": "*", "Resource": "*",
             "Condition": {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:root"}}}),
    }


NEUTER = document({"Effect": "Deny", "Action": "*", "Resource": "*",
                   "Condition": {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/OrganizationAccountAccessRole"}}})


class Organization:
    """management (the moto caller), admin and payments-production."""

    def __init__(self, moto):
        self.moto = moto
        org = moto.client("organizations")
        org.create_organization(FeatureSet="ALL")
        self.management = moto.client("sts").get_caller_identity()["Account"]
        self.root = org.list_roots()["Roots"][0]["Id"]
        org.enable_policy_type(RootId=self.root, PolicyType="SERVICE_CONTROL_POLICY")
        security = org.create_organizational_unit(ParentId=self.root, Name="Security")["OrganizationalUnit"]["Id"]
        workloads = org.create_organizational_unit(ParentId=self.root, Name="Workloads")["OrganizationalUnit"]["Id"]
        production = org.create_organizational_unit(ParentId=workloads, Name="production")["OrganizationalUnit"]["Id"]
        self.ous = {"Security": security, "Workloads": workloads, "Workloads/production": production}
        self.admin = self.account(org, "admin", security, {"foyer:kind": "admin"})
        self.payments = self.account(org, "payments-production", production,
                                     {"foyer:kind": "service", "foyer:domain": "payments",
                                      "foyer:environment": "production"})
        self.sre = f"arn:aws:iam::{self.admin}:role/foyer/sre"
        self.engineers = f"arn:aws:iam::{self.admin}:role/foyer/engineers"
        self.provider = f"arn:aws:iam::{self.admin}:oidc-provider/{ISSUER}"
        self.build_admin()
        self.build_payments()
        self.build_management()
        for name, content in guardrails(self.management, self.admin).items():
            self.attach(org, name, content, self.root)
        for account in (self.admin, self.payments):
            self.attach(org, f"foyer-neuter-organization-account-access-role-{account}", NEUTER, account)

    def account(self, org, name, parent, tags):
        status = org.create_account(Email=f"aws+{name}@example.com", AccountName=name,
                                    Tags=[{"Key": k, "Value": v} for k, v in tags.items()])
        account = status["CreateAccountStatus"]["AccountId"]
        org.move_account(AccountId=account, SourceParentId=self.root, DestinationParentId=parent)
        return account

    def attach(self, org, name, content, target):
        policy = org.create_policy(Name=name, Description=name, Type="SERVICE_CONTROL_POLICY", Content=content)
        org.attach_policy(PolicyId=policy["Policy"]["PolicySummary"]["Id"], TargetId=target)

    def credentials(self, role_arn):
        creds = self.moto.client("sts").assume_role(RoleArn=role_arn, RoleSessionName="test-setup")["Credentials"]
        return {"aws_access_key_id": creds["AccessKeyId"], "aws_secret_access_key": creds["SecretAccessKey"],
                "aws_session_token": creds["SessionToken"]}

    def client(self, service, account):
        if account == self.management:
            return self.moto.client(service)
        return self.moto.client(service, **self.credentials(
            f"arn:aws:iam::{account}:role/OrganizationAccountAccessRole"))

    def role(self, iam, name, trust, policy=None):
        iam.create_role(RoleName=name, Path="/foyer/", AssumeRolePolicyDocument=trust)
        if policy:
            iam.put_role_policy(RoleName=name, PolicyName="foyer", PolicyDocument=policy)

    def build_admin(self):
        iam = self.client("iam", self.admin)
        iam.create_open_id_connect_provider(Url=f"https://{ISSUER}", ClientIDList=["foyer"],
                                           ThumbprintList=["a" * 40])
        for group in ("sre", "engineers"):
            trust = document({"Effect": "Allow", "Principal": {"Federated": self.provider},
                              "Action": ["sts:AssumeRoleWithWebIdentity", "sts:SetSourceIdentity", "sts:TagSession"],
                              "Condition": {"StringEquals": {f"{ISSUER}:aud": "foyer"},
                                            "StringLike": {"aws:RequestTag/FoyerGroups": f"*:{group}:*"}}})
            self.role(iam, group, trust, ASSUME_FOYER_ROLES)
        self.role(iam, "Auditor", trust_landing(self.sre, self.engineers), READ_ONLY)

    def build_payments(self):
        iam = self.client("iam", self.payments)
        self.role(iam, "Administrator", trust_landing(self.sre), ALLOW_ALL)
        self.role(iam, "Auditor", trust_landing(self.sre, self.engineers), READ_ONLY)

    def build_management(self):
        iam = self.client("iam", self.management)
        self.role(iam, "OrganizationReader", trust_landing(self.sre, self.engineers), READ_ONLY)
        self.role(iam, "OrganizationAdministrator", trust_landing(self.sre), ALLOW_ALL)


def run(moto, env, *args):
    return subprocess.run([foyer_binary(), *args], env=env, capture_output=True, text=True, timeout=120)


class AuditTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.moto = MotoServer().__enter__()
        cls.org = Organization(cls.moto)
        cls.home = tempfile.TemporaryDirectory()
        cls.management_env = cls.moto.env(cls.home.name)
        landing = cls.org.credentials(cls.org.sre)
        cls.landing_env = cls.moto.env(cls.home.name, AWS_ACCESS_KEY_ID=landing["aws_access_key_id"],
                                       AWS_SECRET_ACCESS_KEY=landing["aws_secret_access_key"],
                                       AWS_SESSION_TOKEN=landing["aws_session_token"])
        cls.clean_snapshot = cls.snapshot(cls.management_env, "--via", "organization-account-access-role")

    @classmethod
    def tearDownClass(cls):
        cls.home.cleanup()
        cls.moto.__exit__(None, None, None)

    @classmethod
    def snapshot(cls, env, *args):
        path = os.path.join(cls.home.name, f"snapshot-{len(os.listdir(cls.home.name))}.json")
        result = run(cls.moto, env, "snapshot", "-o", path, *args)
        assert result.returncode == 0, result.stderr
        return path

    def audit(self, snapshot, *args):
        result = run(self.moto, self.management_env, "audit", "--snapshot", snapshot, "--format", "json", *args)
        return result.returncode, json.loads(result.stdout)

    def test_snapshot_matches_what_boto3_reads(self):
        with open(self.clean_snapshot) as f:
            snapshot = json.load(f)
        self.assertEqual(os.stat(self.clean_snapshot).st_mode & 0o777, 0o600)
        org = self.moto.client("organizations")
        self.assertEqual(snapshot["organization"]["management_account"], self.org.management)
        self.assertEqual(sorted(a["id"] for a in snapshot["organization"]["accounts"]),
                         sorted(a["Id"] for a in org.list_accounts()["Accounts"]))
        payments = next(a for a in snapshot["organization"]["accounts"] if a["id"] == self.org.payments)
        self.assertEqual(payments["ou_path"], [self.org.root, self.org.ous["Workloads"],
                                               self.org.ous["Workloads/production"]])
        self.assertEqual(payments["tags"]["foyer:domain"], "payments")
        for account in (self.org.management, self.org.admin, self.org.payments):
            iam = self.org.client("iam", account)
            self.assertEqual(sorted(r["arn"] for r in snapshot["accounts"][account]["roles"]),
                             sorted(r["Arn"] for r in iam.list_roles()["Roles"]), account)
            self.assertNotIn("errors", snapshot["accounts"][account])
        scps = snapshot["organization"]["scps"]
        expected_root = sorted(p["Name"] for p in org.list_policies_for_target(
            TargetId=self.org.root, Filter="SERVICE_CONTROL_POLICY")["Policies"])
        self.assertEqual(sorted(p["name"] for p in scps[self.org.root]), expected_root)
        self.assertEqual(snapshot["accounts"][self.org.admin]["oidc_providers"], [self.org.provider])

    def test_snapshot_through_auditor_from_a_landing_session_reads_the_same_roles(self):
        with open(self.snapshot(self.landing_env)) as f:
            through_auditor = json.load(f)
        with open(self.clean_snapshot) as f:
            through_bootstrap = json.load(f)
        for account in (self.org.management, self.org.admin, self.org.payments):
            self.assertEqual(sorted(r["arn"] for r in through_auditor["accounts"][account]["roles"]),
                             sorted(r["arn"] for r in through_bootstrap["accounts"][account]["roles"]))

    def test_clean_organization_has_no_high_finding(self):
        status, report = self.audit(self.clean_snapshot)
        self.assertEqual([f for f in report["findings"] if f["severity"] == "high"], [])
        self.assertEqual(status, 0)

    def test_who_can_reach_payments_production_administrator(self):
        administrator = f"arn:aws:iam::{self.org.payments}:role/foyer/Administrator"
        # The grants: sre is granted Administrator, engineers only Auditor.
        expected = {self.org.sre: [administrator], self.org.provider: [self.org.sre, administrator]}
        for source in (["--snapshot", self.clean_snapshot], []):  # from the file, then live
            result = run(self.moto, self.landing_env, "who-can", "payments/production", "--role", "Administrator",
                         "--format", "json", *source)
            self.assertEqual(result.returncode, 0, result.stderr)
            principals = {p["principal"]: [h["to"] for h in p["hops"]]
                          for p in json.loads(result.stdout)["principals"]}
            self.assertEqual(principals, expected, source)

    def test_graph_html_is_one_page_without_fetches(self):
        result = run(self.moto, self.management_env, "graph", "--snapshot", self.clean_snapshot, "--format", "html")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("<svg", result.stdout)
        self.assertIn(self.org.sre, result.stdout)
        self.assertNotIn("src=", result.stdout)

    def test_broken_organization_reports_exactly_what_was_broken(self):
        payments_iam = self.org.client("iam", self.org.payments)
        admin_iam = self.org.client("iam", self.org.admin)
        ci = f"arn:aws:iam::{self.org.payments}:role/ci"
        payments_iam.create_role(RoleName="ci", AssumeRolePolicyDocument=document(
            {"Effect": "Allow", "Principal": {"Service": "codebuild.amazonaws.com"}, "Action": "sts:AssumeRole"}))
        payments_iam.put_role_policy(RoleName="ci", PolicyName="deploy", PolicyDocument=document(
            {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}))
        sre_trust = admin_iam.get_role(RoleName="sre")["Role"]["AssumeRolePolicyDocument"]  # boto3 decodes it
        sre_trust["Statement"].append({"Effect": "Allow", "Principal": {"AWS": ci},
                                       "Action": ["sts:AssumeRole", "sts:SetSourceIdentity"]})
        admin_iam.update_assume_role_policy(RoleName="sre", PolicyDocument=json.dumps(sre_trust))
        payments_iam.create_user(UserName="deployer")
        payments_iam.create_role(RoleName="open", AssumeRolePolicyDocument=document(
            {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}))
        self.org.client("s3", self.org.admin).create_bucket(Bucket="admin-trail-logs")
        self.org.client("cloudtrail", self.org.admin).create_trail(Name="admin-trail", S3BucketName="admin-trail-logs")
        try:
            status, report = self.audit(self.snapshot(self.management_env, "--via", "organization-account-access-role"))
        finally:
            self.repair(payments_iam, admin_iam, sre_trust)
        high = sorted((f["rule"], f["resource"]) for f in report["findings"] if f["severity"] == "high")
        self.assertEqual(high, sorted([
            ("S3-bucket-in-admin", "s3://admin-trail-logs"),
            ("S3-trail-in-admin", f"arn:aws:cloudtrail:us-east-1:{self.org.admin}:trail/admin-trail"),
            ("S4-path-into-admin", ci),
            ("S4-path-into-management", ci),  # through sre, which may assume OrganizationAdministrator
            ("S7-iam-user-outside-admin", f"arn:aws:iam::{self.org.payments}:user/deployer"),
            ("S8-trust-everyone", f"arn:aws:iam::{self.org.payments}:role/open"),
        ]))
        path = next(f for f in report["findings"] if f["rule"] == "S4-path-into-admin")
        self.assertEqual(path["evidence"], [f"{ci} (role)", f"  -> sts:AssumeRole {self.org.sre}"])
        self.assertEqual(status, 1)

    def test_path_through_an_iam_group_policy_is_found_and_ends_with_the_membership(self):
        payments_iam = self.org.client("iam", self.org.payments)
        admin_iam = self.org.client("iam", self.org.admin)
        builder = f"arn:aws:iam::{self.org.payments}:user/builder"
        payments_iam.create_group(GroupName="builders")
        payments_iam.put_group_policy(GroupName="builders", PolicyName="assume", PolicyDocument=document(
            {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": self.org.sre}))
        payments_iam.create_user(UserName="builder")  # no policy of its own
        payments_iam.add_user_to_group(GroupName="builders", UserName="builder")
        sre_trust = admin_iam.get_role(RoleName="sre")["Role"]["AssumeRolePolicyDocument"]
        sre_trust["Statement"].append({"Effect": "Allow", "Principal": {"AWS": builder}, "Action": "sts:AssumeRole"})
        admin_iam.update_assume_role_policy(RoleName="sre", PolicyDocument=json.dumps(sre_trust))
        try:
            in_group = self.snapshot(self.management_env, "--via", "organization-account-access-role")
            payments_iam.remove_user_from_group(GroupName="builders", UserName="builder")
            outside_group = self.snapshot(self.management_env, "--via", "organization-account-access-role")
        finally:
            sre_trust["Statement"].pop()
            admin_iam.update_assume_role_policy(RoleName="sre", PolicyDocument=json.dumps(sre_trust))
            payments_iam.delete_group_policy(GroupName="builders", PolicyName="assume")
            payments_iam.delete_group(GroupName="builders")
            payments_iam.delete_user(UserName="builder")
        with open(in_group) as f:
            account = json.load(f)["accounts"][self.org.payments]
        self.assertEqual([g["name"] for g in account["groups"]], ["builders"])
        self.assertEqual(next(u for u in account["users"] if u["arn"] == builder)["groups"], ["builders"])
        _, report = self.audit(in_group)
        self.assertIn(("S4-path-into-admin", builder), [(f["rule"], f["resource"]) for f in report["findings"]])
        result = run(self.moto, self.management_env, "paths", "--snapshot", in_group, "--from", builder,
                     "--to", self.org.sre, "--format", "json")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn(self.org.sre, result.stdout)
        _, report = self.audit(outside_group)
        self.assertNotIn(builder, [f["resource"] for f in report["findings"] if f["rule"].startswith("S4")])

    def test_key_and_bucket_policies_open_or_naming_an_outside_account_are_found(self):
        kms = self.org.client("kms", self.org.payments)
        s3 = self.org.client("s3", self.org.payments)
        outside = "999999999999"
        account_root = {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{self.org.payments}:root"},
                        "Action": "kms:*", "Resource": "*"}
        keys = {
            "open": kms.create_key(Policy=document(
                {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:*", "Resource": "*"})),
            "partner": kms.create_key(Policy=document(account_root, {
                "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{outside}:root"},
                "Action": "kms:Decrypt", "Resource": "*"})),
            "default": kms.create_key(),  # the account's root may do everything
            # moto refuses DescribeKey to everyone: this key cannot be read
            "hidden": kms.create_key(Policy=document(account_root, {
                "Effect": "Deny", "Principal": "*", "Action": "kms:DescribeKey", "Resource": "*"})),
        }
        keys = {name: key["KeyMetadata"] for name, key in keys.items()}
        s3.create_bucket(Bucket="payments-partner-share")
        s3.put_bucket_policy(Bucket="payments-partner-share", Policy=document(
            {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{outside}:role/reader"},
             "Action": "s3:GetObject", "Resource": "arn:aws:s3:::payments-partner-share/*"}))
        try:
            broken = self.snapshot(self.management_env, "--via", "organization-account-access-role")
            policies = {keys[name]["KeyId"]: kms.get_key_policy(KeyId=keys[name]["KeyId"], PolicyName="default")
                        ["Policy"] for name in ("open", "partner", "default")}
        finally:
            kms.put_key_policy(KeyId=keys["hidden"]["KeyId"], PolicyName="default", Policy=document(account_root))
            for key in keys.values():
                kms.schedule_key_deletion(KeyId=key["KeyId"], PendingWindowInDays=7)
            s3.delete_bucket_policy(Bucket="payments-partner-share")
            s3.delete_bucket(Bucket="payments-partner-share")
        with open(broken) as f:
            account = json.load(f)["accounts"][self.org.payments]
        self.assertEqual(sorted(account["keys"], key=lambda k: k["id"]), sorted(
            ({"id": key["KeyId"], "arn": key["Arn"], "policy": policies[key["KeyId"]]}
             for name, key in keys.items() if name != "hidden"), key=lambda k: k["id"]))
        self.assertEqual(len(account["errors"]), 1, account["errors"])
        self.assertTrue(account["errors"][0].startswith(f"kms:DescribeKey {keys['hidden']['KeyId']}: "),
                        account["errors"])
        _, report = self.audit(broken)
        found = sorted((f["rule"], f["severity"], f["resource"]) for f in report["findings"]
                       if f["rule"].startswith("S10") or f["rule"] == "snapshot-incomplete")
        self.assertEqual(found, sorted([
            ("S10-resource-policy-open", "high", keys["open"]["Arn"]),
            ("S10-resource-policy-outside", "medium", keys["partner"]["Arn"]),
            ("S10-resource-policy-outside", "medium", "s3://payments-partner-share"),
            ("snapshot-incomplete", "medium", self.org.payments),
        ]))
        with open(self.snapshot(self.management_env, "--via", "organization-account-access-role")) as f:
            repaired = json.load(f)["accounts"][self.org.payments]
        self.assertEqual((repaired["keys"], repaired.get("errors")), ([], None))  # pending deletion: left out

    def test_keys_and_trails_of_other_regions_are_read_with_regions(self):
        west = "us-west-2"
        kms = self.moto.client("kms", region=west, **self.org.credentials(
            f"arn:aws:iam::{self.org.payments}:role/OrganizationAccountAccessRole"))
        admin = self.org.credentials(f"arn:aws:iam::{self.org.admin}:role/OrganizationAccountAccessRole")
        s3 = self.moto.client("s3", **admin)
        cloudtrail = self.moto.client("cloudtrail", region=west, **admin)
        key = kms.create_key(Policy=document(
            {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:*", "Resource": "*"}))["KeyMetadata"]
        s3.create_bucket(Bucket="west-trail-logs")
        trail = cloudtrail.create_trail(Name="west-trail", S3BucketName="west-trail-logs")["TrailARN"]
        try:
            home_only = self.snapshot(self.management_env, "--via", "organization-account-access-role")
            both = self.snapshot(self.management_env, "--via", "organization-account-access-role",
                                 "--regions", "us-east-1,us-west-2")
        finally:
            kms.schedule_key_deletion(KeyId=key["KeyId"], PendingWindowInDays=7)
            cloudtrail.delete_trail(Name="west-trail")
            s3.delete_bucket(Bucket="west-trail-logs")
        with open(home_only) as f:
            snapshot = json.load(f)["accounts"]
        self.assertEqual(snapshot[self.org.payments]["keys"], [])
        self.assertNotIn(trail, [t["arn"] for t in snapshot[self.org.admin]["trails"]])
        with open(both) as f:
            snapshot = json.load(f)["accounts"]
        self.assertEqual([k["arn"] for k in snapshot[self.org.payments]["keys"]], [key["Arn"]])
        self.assertIn(f":{west}:", key["Arn"])
        self.assertIn(trail, [t["arn"] for t in snapshot[self.org.admin]["trails"]])
        _, report = self.audit(both)
        found = {(f["rule"], f["resource"]) for f in report["findings"]}
        self.assertIn(("S10-resource-policy-open", key["Arn"]), found)
        self.assertIn(("S3-trail-in-admin", trail), found)
        bad = run(self.moto, self.management_env, "snapshot", "--regions", "us-east-1,moon")
        self.assertEqual(bad.returncode, 2, bad.stderr)
        self.assertIn("'moon' is not an AWS region name like 'us-east-1'", bad.stderr)

    def repair(self, payments_iam, admin_iam, sre_trust):
        sre_trust["Statement"].pop()
        admin_iam.update_assume_role_policy(RoleName="sre", PolicyDocument=json.dumps(sre_trust))
        payments_iam.delete_role_policy(RoleName="ci", PolicyName="deploy")
        payments_iam.delete_role(RoleName="ci")
        payments_iam.delete_role(RoleName="open")
        payments_iam.delete_user(UserName="deployer")
        self.org.client("cloudtrail", self.org.admin).delete_trail(Name="admin-trail")
        self.org.client("s3", self.org.admin).delete_bucket(Bucket="admin-trail-logs")


APPLIED_SPEC = """\
[organization]
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
grants = [{ role = "Administrator" }, { role = "OrganizationAdministrator" }]

[identity.oidc]
issuer = "https://idp.example.com"
client_id = "foyer"
group_match = "tag"
"""


class AppliedOrganizationTest(unittest.TestCase):
    """The organization as `foyer apply` makes it, with its guardrails."""

    def test_applied_organization_is_clean_and_a_role_trusting_everyone_is_found(self):
        with MotoServer(extra_env={"MOTO_IAM_LOAD_MANAGED_POLICIES": "true"}) as moto, \
                tempfile.TemporaryDirectory() as home:
            spec = os.path.join(home, "foyer.toml")
            with open(spec, "w") as f:
                f.write(APPLIED_SPEC)
            env = moto.env(home)
            applied = run(moto, env, "apply", "--yes", "--spec", spec)
            self.assertEqual(applied.returncode, 0, applied.stderr)
            clean = run(moto, env, "audit", "--via", "organization-account-access-role", "--fail-on", "low")
            self.assertEqual((clean.returncode, clean.stdout), (0, "0 findings: 0 high, 0 medium, 0 low\n"))

            accounts = {a["Name"]: a["Id"] for a in moto.client("organizations").list_accounts()["Accounts"]}
            self.check_planned_snapshot(moto, env, home, accounts)
            creds = moto.client("sts").assume_role(
                RoleArn=f"arn:aws:iam::{accounts['payments-production']}:role/OrganizationAccountAccessRole",
                RoleSessionName="test-break")["Credentials"]
            moto.client("iam", aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"],
                        aws_session_token=creds["SessionToken"]).create_role(
                RoleName="open", AssumeRolePolicyDocument=document(
                    {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}))
            broken = run(moto, env, "audit", "--via", "organization-account-access-role", "--format", "sarif")
            self.assertEqual(broken.returncode, 1, broken.stderr)
            results = json.loads(broken.stdout)["runs"][0]["results"]
            self.assertEqual([(r["ruleId"], r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"])
                              for r in results],
                             [("S8-trust-everyone", f"arn:aws:iam::{accounts['payments-production']}:role/open")])

    def check_planned_snapshot(self, moto, env, home, accounts):
        """`foyer snapshot --planned` answers who-can for a spec not applied yet, and writes nothing."""
        changed = os.path.join(home, "changed.toml")
        with open(changed, "w") as f:
            f.write(APPLIED_SPEC.replace('[[group]]\nname = "sre"', '[[domain]]\nname = "ledger"\n\n'
                                         '[[group]]\nname = "engineers"\ngrants = [{ role = "Administrator", '
                                         'in = { domains = ["payments"] } }]\n\n[[group]]\nname = "sre"'))
        planned_file = os.path.join(home, "planned.json")
        planned = run(moto, env, "snapshot", "--planned", "--spec", changed, "--via",
                      "organization-account-access-role", "-o", planned_file)
        self.assertEqual(planned.returncode, 0, planned.stderr)
        self.assertIn("1 accounts not created yet (stand-in ids)", planned.stderr)
        admin, payments = accounts["admin"], accounts["payments-production"]
        administrator = f"arn:aws:iam::{payments}:role/foyer/Administrator"
        landing = {group: f"arn:aws:iam::{admin}:role/foyer/{group}" for group in ("sre", "engineers")}

        def reachers(target, *source):
            result = run(moto, env, "who-can", target, "--role", "Administrator", "--format", "json",
                         "--via", "organization-account-access-role", *source)
            self.assertEqual(result.returncode, 0, result.stderr)
            return {p["principal"]: [h["to"] for h in p["hops"]] for p in json.loads(result.stdout)["principals"]
                    if p["kind"] == "role"}

        self.assertEqual(reachers("payments/production"), {landing["sre"]: [administrator]})
        self.assertEqual(reachers("payments/production", "--snapshot", planned_file),
                         {landing["sre"]: [administrator], landing["engineers"]: [administrator]})
        with open(planned_file) as f:
            snapshot = json.load(f)
        (stand_in, name), = snapshot["planned"]["stand_ins"].items()
        self.assertEqual(name, "ledger-production")
        self.assertNotIn(stand_in, accounts.values())
        # The guardrails apply keeps: at the root, and on each account that gets foyer's Administrator.
        scps = snapshot["organization"]["scps"]
        root = moto.client("organizations").list_roots()["Roots"][0]["Id"]
        self.assertLessEqual({"foyer-deny-leave-organization", "foyer-deny-root-user"},
                             {p["name"] for p in scps[root]})
        self.assertEqual([p["name"] for p in scps[stand_in]],
                         ["FullAWSAccess", "foyer-neuter-organization-account-access-role"])
        # engineers' grant picks payments only.
        self.assertEqual(reachers("ledger-production", "--snapshot", planned_file),
                         {landing["sre"]: [f"arn:aws:iam::{stand_in}:role/foyer/Administrator"]})
        audited = run(moto, env, "audit", "--snapshot", planned_file, "--fail-on", "high")
        self.assertEqual(audited.returncode, 0, audited.stdout + audited.stderr)
        # Nothing was written: no engineers landing role, no ledger account.
        creds = moto.client("sts").assume_role(RoleArn=f"arn:aws:iam::{admin}:role/OrganizationAccountAccessRole",
                                               RoleSessionName="test-read")["Credentials"]
        admin_iam = moto.client("iam", aws_access_key_id=creds["AccessKeyId"],
                                aws_secret_access_key=creds["SecretAccessKey"], aws_session_token=creds["SessionToken"])
        landing_roles = [r["RoleName"] for r in admin_iam.list_roles(PathPrefix="/foyer/")["Roles"]]
        self.assertIn("sre", landing_roles)
        self.assertNotIn("engineers", landing_roles)
        self.assertNotIn("ledger-production", [a["Name"] for a in moto.client("organizations").list_accounts()["Accounts"]])


if __name__ == "__main__":
    unittest.main()
