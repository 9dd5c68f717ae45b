"""foyer accounts against moto: an organization built with boto3, read back
with boto3 (list_accounts, list_tags_for_resource, list_parents) and compared
exactly with what foyer prints; the inventory cache answers for an hour and
--refresh asks AWS again."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

from e2e.moto import MotoServer, foyer_binary

MANAGEMENT_ID = "123456789012"  # moto makes the caller's account the management account

CLIENT_CONFIG = """default_org = "acme"

[orgs.acme]
admin_account_id = "{admin}"
management_account_id = "{management}"
regions = ["us-east-1", "us-west-2"]
method = "oidc"

[orgs.acme.oidc]
issuer = "https://idp.example.com"
client_id = "foyer"
"""


def tags(**values):
    return [{"Key": "foyer:" + key, "Value": value} for key, value in values.items()]


def build_organization(org):
    """Security (admin, audit), Workloads/production (payments), and an
    untagged account left at the root. Returns the account ids by name."""
    org.create_organization(FeatureSet="ALL")
    root = org.list_roots()["Roots"][0]["Id"]
    org.tag_resource(ResourceId=MANAGEMENT_ID, Tags=tags(kind="management"))
    security = org.create_organizational_unit(ParentId=root, Name="Security")["OrganizationalUnit"]["Id"]
    workloads = org.create_organizational_unit(ParentId=root, Name="Workloads")["OrganizationalUnit"]["Id"]
    production = org.create_organizational_unit(ParentId=workloads, Name="production")["OrganizationalUnit"]["Id"]
    placed = {
        "admin": (tags(kind="admin", managed="true"), security),
        "audit": (tags(kind="audit", managed="true"), security),
        "payments-production": (tags(kind="service", managed="true", domain="payments",
                                     environment="production", quality="default"), production),
        "legacy": ([{"Key": "team", "Value": "old"}], None),
    }
    ids = {}
    for name, (account_tags, parent) in placed.items():
        status = org.create_account(Email=f"aws+{name}@example.com", AccountName=name,
                                    Tags=account_tags)["CreateAccountStatus"]
        ids[name] = status["AccountId"]
        if parent:
            org.move_account(AccountId=ids[name], SourceParentId=root, DestinationParentId=parent)
    return ids


def ou_path(org, account_id):
    names = []
    child = account_id
    while True:
        parent = org.list_parents(ChildId=child)["Parents"][0]
        if parent["Type"] == "ROOT":
            return "/".join(reversed(names))
        names.append(org.describe_organizational_unit(OrganizationalUnitId=parent["Id"])
                     ["OrganizationalUnit"]["Name"])
        child = parent["Id"]


def expected_accounts(org):
    """What `foyer accounts --format json` must print, read with boto3."""
    accounts = []
    for account in org.list_accounts()["Accounts"]:
        tag = {t["Key"]: t["Value"] for t in org.list_tags_for_resource(ResourceId=account["Id"])["Tags"]}
        accounts.append({"id": account["Id"], "name": account["Name"], "email": account["Email"],
                         "status": account["Status"], "kind": tag.get("foyer:kind", "unmanaged"),
                         "domain": tag.get("foyer:domain"), "environment": tag.get("foyer:environment"),
                         "quality": tag.get("foyer:quality"), "ou": ou_path(org, account["Id"])})
    return sorted(accounts, key=lambda a: a["id"])


class AccountsTest(unittest.TestCase):
    def setUp(self):
        self.home = tempfile.mkdtemp(prefix="foyer-accounts-")
        self.moto = MotoServer().__enter__()
        self.org = self.moto.client("organizations")
        self.ids = build_organization(self.org)

    def tearDown(self):
        self.moto.__exit__(None, None, None)
        shutil.rmtree(self.home)

    def foyer(self, *args):
        return subprocess.run([foyer_binary(), "accounts", *args], env=self.moto.env(home=self.home),
                              capture_output=True, text=True, timeout=60)

    def accounts_json(self, *args):
        result = self.foyer("--format", "json", *args)
        self.assertEqual(result.returncode, 0, result.stderr)
        return json.loads(result.stdout)

    def write_client_config(self, management):
        folder = os.path.join(self.home, ".config", "foyer")
        os.makedirs(folder)
        with open(os.path.join(folder, "config.toml"), "w") as config:
            config.write(CLIENT_CONFIG.format(admin=self.ids["admin"], management=management))

    def test_json_is_exactly_what_organizations_holds(self):
        expected = expected_accounts(self.org)
        self.assertEqual(len(expected), 5)
        self.assertEqual(self.accounts_json(), expected)
        by_name = {a["name"]: a for a in expected}
        self.assertEqual(by_name["legacy"]["kind"], "unmanaged")
        self.assertEqual(by_name["legacy"]["ou"], "")
        self.assertEqual(by_name["payments-production"]["ou"], "Workloads/production")
        self.assertEqual(by_name["admin"]["ou"], "Security")

    def test_table_has_one_row_per_account_in_name_order(self):
        result = self.foyer()
        self.assertEqual(result.returncode, 0, result.stderr)
        rows = [line.split() for line in result.stdout.splitlines()]
        self.assertEqual(rows[0], ["NAME", "ID", "KIND", "DOMAIN", "ENVIRONMENT", "QUALITY", "OU", "STATUS"])
        ids = self.ids
        self.assertEqual(rows[1:], [
            ["admin", ids["admin"], "admin", "-", "-", "-", "Security", "ACTIVE"],
            ["audit", ids["audit"], "audit", "-", "-", "-", "Security", "ACTIVE"],
            ["legacy", ids["legacy"], "unmanaged", "-", "-", "-", "(root)", "ACTIVE"],
            ["master", MANAGEMENT_ID, "management", "-", "-", "-", "(root)", "ACTIVE"],
            ["payments-production", ids["payments-production"], "service", "payments", "production",
             "default", "Workloads/production", "ACTIVE"],
        ])

    def test_shell_exports_one_variable_per_account(self):
        result = self.foyer("--format", "shell")
        self.assertEqual(result.returncode, 0, result.stderr)
        names = {a["id"]: a["name"] for a in expected_accounts(self.org)}
        expected = "".join(f"export FOYER_ACCOUNT_{names[i].upper().replace('-', '_')}={i}\n"
                           for i in sorted(names))
        self.assertEqual(result.stdout, expected)
        self.assertIn(f"export FOYER_ACCOUNT_PAYMENTS_PRODUCTION={self.ids['payments-production']}\n",
                      result.stdout)

    def test_second_run_comes_from_the_cache_and_refresh_asks_again(self):
        before = expected_accounts(self.org)
        self.assertEqual(self.accounts_json(), before)
        self.org.tag_resource(ResourceId=self.ids["legacy"], Tags=tags(kind="service", domain="legacy"))
        self.assertEqual(self.accounts_json(), before)
        after = expected_accounts(self.org)
        self.assertNotEqual(after, before)
        self.assertEqual(self.accounts_json("--refresh"), after)
        self.assertEqual(self.accounts_json(), after)

    def test_with_a_client_config_the_cache_answers_without_aws(self):
        self.write_client_config(MANAGEMENT_ID)
        first = self.accounts_json()
        self.assertEqual(first, expected_accounts(self.org))
        self.moto.__exit__(None, None, None)
        self.assertEqual(self.accounts_json(), first)
        refreshed = self.foyer("--format", "json", "--refresh")
        self.assertEqual(refreshed.returncode, 1)
        self.assertEqual(refreshed.stdout, "")

    def test_refuses_an_organization_other_than_the_configured_one(self):
        self.write_client_config("999999999999")
        result = self.foyer("--format", "json")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout, "")
        self.assertIn(f"whose management account is {MANAGEMENT_ID}, not the expected 999999999999",
                      result.stderr)


if __name__ == "__main__":
    unittest.main()
