"""[[ci]] pipelines through foyer apply against moto: the OIDC identity
provider and the role foyer/ci-<name> read back with boto3 inside the picked
account (through OrganizationAccountAccessRole), nothing in accounts the
selector leaves out, and a second plan with nothing to do."""
import json
import os
import shutil
import subprocess
import tempfile
import textwrap
import unittest

from e2e.moto import MotoServer, foyer_binary

SPEC = textwrap.dedent("""\
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

    [[domain]]
    name = "web"

    [[group]]
    name = "sre"
    grants = [{ role = "Administrator" }]

    [[ci]]
    name = "payments"
    provider = "github"
    repository = "acme/payments"
    branch = "main"
    in = { domains = ["payments"] }
    managed_policies = ["arn:aws:iam::aws:policy/PowerUserAccess"]
    """)

GITHUB = "token.actions.githubusercontent.com"


class CiIdentitiesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.moto = MotoServer({"MOTO_IAM_LOAD_MANAGED_POLICIES": "true"}).__enter__()
        cls.home = tempfile.mkdtemp(prefix="foyer-ci-")
        cls.spec = os.path.join(cls.home, "foyer.toml")
        with open(cls.spec, "w") as f:
            f.write(SPEC)
        cls.applied = cls.foyer("apply", "--yes")
        org = cls.moto.client("organizations")
        cls.ids = {a["Name"]: a["Id"] for a in org.list_accounts()["Accounts"]}

    @classmethod
    def tearDownClass(cls):
        cls.moto.__exit__(None, None, None)
        shutil.rmtree(cls.home, True)

    @classmethod
    def foyer(cls, *args):
        return subprocess.run([foyer_binary(), *args, "--spec", cls.spec], env=cls.moto.env(home=cls.home),
                              capture_output=True, text=True, timeout=300)

    def iam_in(self, account):
        creds = self.moto.client("sts").assume_role(
            RoleArn=f"arn:aws:iam::{account}:role/OrganizationAccountAccessRole", RoleSessionName="check")["Credentials"]
        return self.moto.client("iam", aws_access_key_id=creds["AccessKeyId"],
                                aws_secret_access_key=creds["SecretAccessKey"], aws_session_token=creds["SessionToken"])

    def test_provider_and_role_trust_exactly_the_repository_and_branch(self):
        self.assertEqual(self.applied.returncode, 0, self.applied.stdout + self.applied.stderr)
        account = self.ids["payments-production"]
        iam = self.iam_in(account)
        provider_arn = f"arn:aws:iam::{account}:oidc-provider/{GITHUB}"
        self.assertEqual(iam.list_open_id_connect_providers()["OpenIDConnectProviderList"], [{"Arn": provider_arn}])
        provider = iam.get_open_id_connect_provider(OpenIDConnectProviderArn=provider_arn)
        self.assertEqual(provider["ClientIDList"], ["sts.amazonaws.com"])
        self.assertEqual(provider["Url"], GITHUB)

        role = iam.get_role(RoleName="ci-payments")["Role"]
        self.assertEqual(role["Path"], "/foyer/")
        trust = role["AssumeRolePolicyDocument"]
        if isinstance(trust, str):
            trust = json.loads(trust)
        self.assertEqual(trust, {"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Principal": {"Federated": provider_arn},
            "Action": "sts:AssumeRoleWithWebIdentity",
            "Condition": {"StringEquals": {f"{GITHUB}:aud": "sts.amazonaws.com",
                                           f"{GITHUB}:sub": "repo:acme/payments:ref:refs/heads/main"}}}]})
        attached = iam.list_attached_role_policies(RoleName="ci-payments")["AttachedPolicies"]
        self.assertEqual([p["PolicyArn"] for p in attached], ["arn:aws:iam::aws:policy/PowerUserAccess"])

    def test_accounts_outside_the_selector_get_nothing(self):
        self.assertEqual(self.applied.returncode, 0, self.applied.stderr)
        for name in ("web-production", "admin", "audit", "deploy"):
            iam = self.iam_in(self.ids[name])
            with self.subTest(account=name):
                self.assertEqual(iam.list_open_id_connect_providers()["OpenIDConnectProviderList"], [])
                roles = [r["RoleName"] for r in iam.list_roles()["Roles"]]
                self.assertNotIn("ci-payments", roles)

    def test_second_plan_has_nothing_to_do(self):
        self.assertEqual(self.applied.returncode, 0, self.applied.stderr)
        again = self.foyer("plan", "--detailed-exitcode")
        self.assertEqual(again.returncode, 0, again.stdout + again.stderr)


if __name__ == "__main__":
    unittest.main()
