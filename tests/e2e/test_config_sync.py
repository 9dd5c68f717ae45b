"""foyer configure --from and foyer config sync against moto.

An organization in moto (management, admin, payments-production) and the
foyer.toml that describes it; `foyer configure --from` records the grants,
`foyer config sync` writes the profiles, and the AWS CLI and boto3 use them.
The person's own profiles and comments must come out byte-identical.
"""
import json
import os
import shutil
import stat
import subprocess
import tempfile
import unittest

import boto3

from e2e.moto import TEST_ACCESS_KEY, TEST_SECRET_KEY, MotoServer, foyer_binary

GROUP = "sre"
TRUST = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["sts:AssumeRole", "sts:SetSourceIdentity"]}]})

SPEC = """\
[organization]
management_account_id = "{management}"
email = "aws+{{account}}@example.com"
regions = ["us-east-1", "us-west-2"]
environments = ["production"]

[accounts]
admin = "admin"

[[domain]]
name = "payments"

[[group]]
name = "sre"
grants = [{{ role = "Administrator" }}]

[identity.oidc]
issuer = "https://idp.example.com"
client_id = "foyer"

[guardrails]
protect_audit_trail = false
"""

USER_CONFIG = """\
# my own settings; foyer must not touch them
[default]
region = eu-west-1
output = json

[profile personal]
region = ap-south-1   ; inline remark
aws_access_key_id = AKIDEXAMPLE
"""

PROFILES = ["admin.Administrator", "management.OrganizationReader", "payments-production.Administrator"]


class ConfigSyncTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.moto = MotoServer().__enter__()
        orgs = cls.moto.client("organizations")
        orgs.create_organization(FeatureSet="ALL")
        cls.management = orgs.describe_organization()["Organization"]["MasterAccountId"]
        cls.admin = cls.create_account(orgs, "admin", {"foyer:kind": "admin"})
        cls.target = cls.create_account(orgs, "payments-production", {
            "foyer:kind": "service", "foyer:domain": "payments", "foyer:environment": "production",
            "foyer:quality": "default"})
        for account, role in ((cls.admin, GROUP), (cls.admin, "Administrator"), (cls.target, "Administrator")):
            cls.client_in(account, "iam").create_role(RoleName=role, Path="/foyer/", AssumeRolePolicyDocument=TRUST)
        cls.moto.client("iam").create_role(RoleName="OrganizationReader", Path="/foyer/",
                                           AssumeRolePolicyDocument=TRUST)

    @classmethod
    def tearDownClass(cls):
        cls.moto.__exit__(None, None, None)

    @classmethod
    def create_account(cls, orgs, name, tags):
        account = orgs.create_account(AccountName=name, Email=f"{name}@example.com")["CreateAccountStatus"]["AccountId"]
        orgs.tag_resource(ResourceId=account, Tags=[{"Key": k, "Value": v} for k, v in tags.items()])
        return account

    @classmethod
    def client_in(cls, account, service):
        creds = cls.moto.client("sts").assume_role(
            RoleArn=f"arn:aws:iam::{account}:role/OrganizationAccountAccessRole",
            RoleSessionName="setup")["Credentials"]
        return cls.moto.client(service, aws_access_key_id=creds["AccessKeyId"],
                               aws_secret_access_key=creds["SecretAccessKey"],
                               aws_session_token=creds["SessionToken"])

    def setUp(self):
        self.home = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.home, True)
        self.aws_config = os.path.join(self.home, "aws config dir", "config")
        landing = self.moto.client("sts").assume_role(
            RoleArn=f"arn:aws:iam::{self.admin}:role/foyer/{GROUP}", RoleSessionName="alice@example.com")
        creds = landing["Credentials"]
        self.landing_env = {"AWS_ACCESS_KEY_ID": creds["AccessKeyId"],
                            "AWS_SECRET_ACCESS_KEY": creds["SecretAccessKey"],
                            "AWS_SESSION_TOKEN": creds["SessionToken"]}
        self.spec = os.path.join(self.home, "foyer.toml")
        with open(self.spec, "w") as out:
            out.write(SPEC.format(management=self.management))
        # The inventory first (with the management account's keys), so that
        # configure --from finds the admin account's id in it.
        self.check(self.foyer(["configure", "--org", "acme", "--management-account", self.management,
                               "--admin-account", "000000000000", "--regions", "us-east-1,us-west-2",
                               "--method", "oidc", "--group", GROUP, "--oidc-issuer", "https://idp.example.com",
                               "--oidc-client-id", "foyer"]))
        self.check(self.foyer(["accounts", "--refresh"], AWS_ACCESS_KEY_ID=TEST_ACCESS_KEY,
                              AWS_SECRET_ACCESS_KEY=TEST_SECRET_KEY))
        self.check(self.foyer(["configure", "--org", "acme", "--from", self.spec]))

    def check(self, run):
        self.assertEqual(run.returncode, 0, run.stderr)
        return run

    def env(self, **extra):
        env = self.moto.env(home=self.home, AWS_CONFIG_FILE=self.aws_config)
        for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
            env.pop(name)
        env.update(extra)
        return env

    def foyer(self, args, **extra):
        return subprocess.run([foyer_binary()] + args, env=self.env(**extra), capture_output=True, text=True,
                              timeout=120)

    def write_user_config(self):
        os.makedirs(os.path.dirname(self.aws_config), exist_ok=True)
        with open(self.aws_config, "w") as out:
            out.write(USER_CONFIG)
        os.chmod(self.aws_config, 0o640)

    def read_config(self):
        with open(self.aws_config) as config:
            return config.read()

    def test_configure_from_records_the_grants_and_the_admin_account(self):
        path = os.path.join(self.home, ".config", "foyer", "config.toml")
        with open(path) as config:
            text = config.read()
        self.assertIn(f'admin_account_id = "{self.admin}"', text)
        self.assertIn('[orgs.acme.grants."sre"]\n"admin" = ["Administrator"]\n'
                      '"management" = ["OrganizationReader"]\n"payments-production" = ["Administrator"]\n', text)

    def test_profiles_work_with_the_aws_cli_and_boto3_and_the_users_profiles_stay(self):
        self.write_user_config()
        sync = self.check(self.foyer(["config", "sync"]))
        self.assertIn(f"Updated {self.aws_config}: 3 foyer profiles", sync.stdout)
        text = self.read_config()
        self.assertTrue(text.startswith(USER_CONFIG + "\n# >>> foyer managed profiles"), text)
        self.assertEqual(stat.S_IMODE(os.stat(self.aws_config).st_mode), 0o640)
        with open(self.aws_config + ".foyer-backup") as backup:
            self.assertEqual(backup.read(), USER_CONFIG)
        self.assertIn(f"[profile payments-production.Administrator]\n"
                      f"credential_process = {os.path.realpath(foyer_binary())} credential-process "
                      "payments-production --role Administrator\nregion = us-east-1\n", text)

        # The first call takes the landing session from the environment and
        # caches the target session; the AWS CLI and boto3 then run without
        # any credentials of their own.
        self.check(self.foyer(["credential-process", "payments-production", "--role", "Administrator"],
                              **self.landing_env))
        cli = subprocess.run(["aws", "sts", "get-caller-identity", "--output", "json",
                              "--profile", "payments-production.Administrator"],
                             env=self.env(), capture_output=True, text=True, timeout=120)
        self.assertEqual(cli.returncode, 0, cli.stderr)
        expected = f"arn:aws:sts::{self.target}:assumed-role/Administrator/alice@example.com"
        self.assertEqual(json.loads(cli.stdout)["Arn"], expected)

        saved = dict(os.environ)
        try:
            os.environ.clear()
            os.environ.update(self.env())
            session = boto3.Session(profile_name="payments-production.Administrator")
            identity = session.client("sts", endpoint_url=self.moto.url).get_caller_identity()
        finally:
            os.environ.clear()
            os.environ.update(saved)
        self.assertEqual(identity["Account"], self.target)
        self.assertEqual(identity["Arn"], expected)
        self.assertEqual(session.region_name, "us-east-1")

    def test_sync_again_changes_nothing_and_prune_drops_what_is_no_longer_granted(self):
        self.write_user_config()
        self.check(self.foyer(["config", "sync"]))
        first = self.read_config()
        again = self.check(self.foyer(["config", "sync"]))
        self.assertIn("Up to date:", again.stdout)
        self.assertEqual(self.read_config(), first)

        # The group loses payments-production: kept and reported, then pruned.
        with open(self.spec) as spec:
            text = spec.read().replace('grants = [{ role = "Administrator" }]',
                                       'grants = [{ role = "Administrator", in = { accounts = ["admin"] } }]')
        with open(self.spec, "w") as spec:
            spec.write(text)
        self.check(self.foyer(["configure", "--org", "acme", "--from", self.spec]))
        kept = self.check(self.foyer(["config", "sync"]))
        self.assertIn("kept     payments-production.Administrator (no longer granted", kept.stdout)
        self.assertIn("[profile payments-production.Administrator]", self.read_config())
        pruned = self.check(self.foyer(["config", "sync", "--prune"]))
        self.assertIn("pruned   payments-production.Administrator", pruned.stdout)
        text = self.read_config()
        self.assertNotIn("payments-production", text)
        self.assertTrue(text.startswith(USER_CONFIG + "\n"), text)
        self.assertIn("[profile admin.Administrator]", text)

    def test_a_damaged_block_is_refused_and_the_file_left_alone(self):
        self.write_user_config()
        with open(self.aws_config, "a") as out:
            out.write("# >>> foyer managed profiles: written by `foyer config sync`, edits inside are replaced >>>\n")
        before = self.read_config()
        run = self.foyer(["config", "sync"])
        self.assertEqual(run.returncode, 1)
        self.assertIn("damaged", run.stderr)
        self.assertEqual(self.read_config(), before)

    def test_default_role_is_the_only_one_granted(self):
        run = self.check(self.foyer(["credential-process", "payments-production"], **self.landing_env))
        printed = json.loads(run.stdout)
        identity = self.moto.client("sts", aws_access_key_id=printed["AccessKeyId"],
                                    aws_secret_access_key=printed["SecretAccessKey"],
                                    aws_session_token=printed["SessionToken"]).get_caller_identity()
        self.assertEqual(identity["Arn"], f"arn:aws:sts::{self.target}:assumed-role/Administrator/alice@example.com")
        typo = self.foyer(["credential-process", "payments-production", "--role", "Administrater"],
                          **self.landing_env)
        self.assertEqual(typo.returncode, 2)
        self.assertIn("is not granted role 'Administrater' in payments-production; it holds Administrator "
                      "— did you mean 'Administrator'?", typo.stderr)


if __name__ == "__main__":
    unittest.main()
