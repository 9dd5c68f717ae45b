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
        # AWS checks GitHub's issuer with its own trusted CAs: foyer sends no thumbprint.
        self.assertEqual(provider["ThumbprintList"], [])
        self.assertIn({"Key": "foyer:managed", "Value": "true"}, provider["Tags"])

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


# payments on GitHub in payments-production; web on GitHub in both accounts.
TWO_PIPELINES = SPEC + textwrap.dedent("""
    [[ci]]
    name = "web"
    provider = "github"
    repository = "acme/web"
    branch = "main"
    in = { domains = ["payments", "web"] }
    """)


class CiRemovalTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.moto = MotoServer({"MOTO_IAM_LOAD_MANAGED_POLICIES": "true"}).__enter__()
        cls.home = tempfile.mkdtemp(prefix="foyer-ci-removal-")
        cls.spec = os.path.join(cls.home, "foyer.toml")

    @classmethod
    def tearDownClass(cls):
        cls.moto.__exit__(None, None, None)
        shutil.rmtree(cls.home, True)

    @classmethod
    def foyer(cls, *args):
        return subprocess.run([foyer_binary(), *args, "--spec", cls.spec], env=cls.moto.env(home=cls.home),
                              capture_output=True, text=True, timeout=300)

    iam_in = CiIdentitiesTest.iam_in

    def holdings(self, account):
        """The ci- roles at /foyer/ and the OIDC provider hosts of an account, read with boto3."""
        iam = self.iam_in(account)
        roles = sorted(r["RoleName"] for r in iam.list_roles(PathPrefix="/foyer/")["Roles"]
                       if r["RoleName"].startswith("ci-"))
        hosts = sorted(p["Arn"].split(":oidc-provider/")[1]
                       for p in iam.list_open_id_connect_providers()["OpenIDConnectProviderList"])
        return roles, hosts

    def write_spec(self, text):
        with open(self.spec, "w") as f:
            f.write(text)

    def test_a_removed_pipeline_is_noted_then_deleted_with_allow_delete(self):
        self.write_spec(TWO_PIPELINES)
        applied = self.foyer("apply", "--yes")
        self.assertEqual(applied.returncode, 0, applied.stdout + applied.stderr)
        ids = {a["Name"]: a["Id"] for a in self.moto.client("organizations").list_accounts()["Accounts"]}
        payments, web = ids["payments-production"], ids["web-production"]
        self.assertEqual(self.holdings(payments), (["ci-payments", "ci-web"], [GITHUB]))
        self.assertEqual(self.holdings(web), (["ci-web"], [GITHUB]))
        # Made by hand in web-production, untagged: a ci- role and a GitLab provider.
        hand = self.iam_in(web)
        hand.create_role(RoleName="ci-manual", Path="/foyer/", AssumeRolePolicyDocument=json.dumps(
            {"Version": "2012-10-17", "Statement": []}))
        hand.create_open_id_connect_provider(Url="https://gitlab.com", ClientIDList=["https://gitlab.com"])

        self.write_spec(SPEC)
        plan = self.foyer("plan", "--detailed-exitcode")
        self.assertEqual(plan.returncode, 0, plan.stdout + plan.stderr)
        notes = [line.strip().removeprefix("! ") for line in plan.stdout.splitlines()
                 if "--allow-delete" in line]
        self.assertEqual(sorted(notes), [
            "CI deploy role payments-production/foyer/ci-web belongs to no [[ci]] pipeline picking "
            "payments-production any more; pass --allow-delete to delete it",
            "CI deploy role web-production/foyer/ci-web belongs to no [[ci]] pipeline picking "
            "web-production any more; pass --allow-delete to delete it",
            f"OIDC provider arn:aws:iam::{web}:oidc-provider/{GITHUB} serves no [[ci]] pipeline in "
            "web-production any more; pass --allow-delete to delete it"], plan.stdout)
        self.assertEqual(self.holdings(web), (["ci-manual", "ci-web"], ["gitlab.com", GITHUB]))

        removed = self.foyer("apply", "--yes", "--allow-delete")
        self.assertEqual(removed.returncode, 0, removed.stdout + removed.stderr)
        self.assertEqual(self.holdings(payments), (["ci-payments"], [GITHUB]))
        self.assertEqual(self.holdings(web), (["ci-manual"], ["gitlab.com"]))
        again = self.foyer("plan", "--detailed-exitcode", "--allow-delete")
        self.assertEqual(again.returncode, 0, again.stdout + again.stderr)
        self.assertNotIn("--allow-delete", again.stdout)


if __name__ == "__main__":
    unittest.main()
