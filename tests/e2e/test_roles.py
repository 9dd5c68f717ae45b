"""foyer apply makes exactly the roles the grants ask for, in every account,
with trust policies computed here independently and read back with boto3;
a grant removed rewrites only the trust it changes; no write when nothing
changed; foyer roles lists them; foyer revoke and its expiry."""
import json
import os
import shutil
import subprocess
import tempfile
import textwrap
import unittest
import urllib.parse

from e2e.fault_proxy import FaultProxy
from e2e.moto import MotoServer, foyer_binary

MANAGEMENT = "123456789012"

SPEC = textwrap.dedent("""\
    [organization]
    management_account_id = "123456789012"
    email = "aws+{account}@example.com"
    regions = ["us-east-1", "us-west-2"]
    environments = ["development", "production"]

    [accounts]
    admin = "admin"

    [[domain]]
    name = "payments"

    [[group]]
    name = "sre"
    grants = [{ role = "Administrator" }, { role = "OrganizationAdministrator" }]

    [[group]]
    name = "engineers"
    grants = [{ role = "Auditor" }, ENGINEERS_ADMIN]

    [identity.iam_users]
    alice = { groups = ["sre"] }

    [guardrails]
    protect_audit_trail = false
    """)
ENGINEERS_ADMIN = '{ role = "Administrator", in = { environments = ["development"] } }'

MEMBERS = ["admin", "payments-development", "payments-production"]
READ_PREFIXES = ("List", "Describe", "Get", "Head", "GET ", "HEAD ")
AWS_POLICY = "arn:aws:iam::aws:policy/"


def spec_text(engineers_admin=True):
    return SPEC.replace(", ENGINEERS_ADMIN", ", " + ENGINEERS_ADMIN if engineers_admin else "")


def expected_grants(engineers_admin=True):
    """account -> role -> groups, from the grants above, computed by hand."""
    dev_admins = ["sre", "engineers"] if engineers_admin else ["sre"]
    grants = {
        "management": {"OrganizationAdministrator": ["sre"], "OrganizationReader": ["sre", "engineers"]},
        "admin": {"Administrator": ["sre"], "Auditor": ["engineers"]},
        "payments-development": {"Administrator": dev_admins, "Auditor": ["engineers"]},
        "payments-production": {"Administrator": ["sre"], "Auditor": ["engineers"]},
    }
    return grants


def canonical(document):
    """Order-insensitive form of a policy document."""
    if isinstance(document, str):
        document = json.loads(urllib.parse.unquote(document) if document.startswith("%") else document)

    def norm(value):
        if isinstance(value, dict):
            return {k: norm(v) for k, v in value.items()}
        if isinstance(value, list):
            return sorted((norm(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
        return value

    statements = document["Statement"]
    statements = statements if isinstance(statements, list) else [statements]
    out = []
    for statement in statements:
        s = dict(statement)
        for key in ("Action", "Resource", "NotAction"):
            if key in s and isinstance(s[key], str):
                s[key] = [s[key]]
        if "Principal" in s and isinstance(s["Principal"], dict):
            s["Principal"] = {k: v if isinstance(v, list) else [v] for k, v in s["Principal"].items()}
        out.append(norm(s))
    return sorted(out, key=lambda v: json.dumps(v, sort_keys=True))


def target_trust(admin_id, groups):
    return canonical({"Version": "2012-10-17", "Statement": [{
        "Sid": "FoyerLandingRoles", "Effect": "Allow",
        "Principal": {"AWS": [f"arn:aws:iam::{admin_id}:role/foyer/{g}" for g in groups]},
        "Action": ["sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession"]}]})


class RolesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.moto = MotoServer({"MOTO_IAM_LOAD_MANAGED_POLICIES": "true"}).__enter__()
        cls.proxy = FaultProxy(cls.moto.url).__enter__()
        cls.home = tempfile.mkdtemp(prefix="foyer-roles-")
        cls.spec = os.path.join(cls.home, "foyer.toml")

    @classmethod
    def tearDownClass(cls):
        cls.proxy.__exit__(None, None, None)
        cls.moto.__exit__(None, None, None)
        shutil.rmtree(cls.home, True)

    def write_spec(self, text):
        with open(self.spec, "w") as f:
            f.write(text)

    def foyer(self, *args):
        env = self.moto.env(home=self.home, AWS_ENDPOINT_URL=self.proxy.url)
        return subprocess.run([foyer_binary(), *args, "--spec", self.spec], env=env,
                              capture_output=True, text=True, timeout=300)

    def apply(self):
        result = self.foyer("apply", "--yes")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)

    def account_ids(self):
        org = self.moto.client("organizations")
        return {a["Name"]: a["Id"] for a in org.list_accounts()["Accounts"] if a["Id"] != MANAGEMENT}

    def iam_in(self, account_id):
        if account_id == MANAGEMENT:
            return self.moto.client("iam")
        creds = self.moto.client("sts").assume_role(
            RoleArn=f"arn:aws:iam::{account_id}:role/OrganizationAccountAccessRole",
            RoleSessionName="test")["Credentials"]
        return self.moto.client("iam", aws_access_key_id=creds["AccessKeyId"],
                                aws_secret_access_key=creds["SecretAccessKey"],
                                aws_session_token=creds["SessionToken"])

    def foyer_roles(self, iam):
        roles = {}
        for page in iam.get_paginator("list_roles").paginate(PathPrefix="/foyer/"):
            for role in page["Roles"]:
                name = role["RoleName"]
                attached = [p["PolicyArn"] for p in
                            iam.list_attached_role_policies(RoleName=name)["AttachedPolicies"]]
                inline = iam.list_role_policies(RoleName=name)["PolicyNames"]
                roles[name] = {"trust": role["AssumeRolePolicyDocument"], "attached": sorted(attached),
                               "inline": sorted(inline), "max": role["MaxSessionDuration"]}
        return roles

    def assert_roles_match(self, engineers_admin=True):
        ids = self.account_ids()
        ids["management"] = MANAGEMENT
        admin = ids["admin"]
        for account, grants in expected_grants(engineers_admin).items():
            roles = self.foyer_roles(self.iam_in(ids[account]))
            expected_names = set(grants) | ({"sre", "engineers"} if account == "admin" else set())
            self.assertEqual(set(roles), expected_names, account)
            for role, groups in grants.items():
                self.assertEqual(canonical(roles[role]["trust"]), target_trust(admin, groups),
                                 f"{account}/{role}")
                self.assertEqual(roles[role]["max"], 3600)
            self.check_no_open_trust(account, roles, admin)
            self.check_policies(account, roles)

    def check_no_open_trust(self, account, roles, admin):
        for name, role in roles.items():
            for statement in canonical(role["trust"]):
                if statement["Effect"] != "Allow":
                    continue
                principal = statement["Principal"]
                self.assertNotEqual(principal, "*", f"{account}/{name}")
                for kind, values in principal.items():
                    for value in values:
                        self.assertNotEqual(value, "*")
                        self.assertFalse(value.isdigit(), f"bare account in {account}/{name}")
                        self.assertFalse(value.endswith(":root"), f"{account}/{name} trusts {value}")
                        if kind == "AWS" and account != "admin":
                            self.assertTrue(value.startswith(f"arn:aws:iam::{admin}:role/foyer/"),
                                            f"{account}/{name} trusts {value}")

    def check_policies(self, account, roles):
        for name, role in roles.items():
            if name == "Administrator" or name == "OrganizationAdministrator":
                self.assertEqual(role["attached"], [AWS_POLICY + "AdministratorAccess"])
            elif name == "Auditor":
                self.assertEqual(role["attached"], [AWS_POLICY + "ReadOnlyAccess"])
                self.assertEqual(role["inline"], ["foyer-auditor-deny"])
            elif name == "OrganizationReader":
                self.assertEqual(role["attached"], [])
                self.assertEqual(role["inline"], ["foyer-organization-reader"])
            else:  # landing roles
                self.assertEqual(account, "admin")
                self.assertEqual(role["attached"], [])
                self.assertEqual(role["inline"], ["foyer-landing"])
                self.assertEqual(role["max"], 43200)

    def test_1_apply_makes_exactly_the_granted_roles(self):
        self.write_spec(spec_text())
        self.apply()
        self.assert_roles_match()
        admin = self.account_ids()["admin"]
        iam = self.iam_in(admin)
        sre = iam.get_role(RoleName="sre")["Role"]
        self.assertEqual(canonical(sre["AssumeRolePolicyDocument"]), canonical({"Statement": [{
            "Sid": "IamUserLogin", "Effect": "Allow",
            "Principal": {"AWS": [f"arn:aws:iam::{admin}:user/alice"]},
            "Action": ["sts:AssumeRole", "sts:SetSourceIdentity"],
            "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"},
                          "StringEquals": {"sts:SourceIdentity": "${aws:username}"}}}]}))
        landing = iam.get_role_policy(RoleName="sre", PolicyName="foyer-landing")["PolicyDocument"]
        org_id = self.moto.client("organizations").describe_organization()["Organization"]["Id"]
        self.assertEqual(landing["Statement"][0]["Resource"], "arn:aws:iam::*:role/foyer/*")
        self.assertEqual(landing["Statement"][0]["Condition"],
                         {"StringEquals": {"aws:ResourceOrgID": org_id}})
        self.assertEqual([u["UserName"] for u in iam.list_users()["Users"]], ["alice"])
        self.assertEqual(iam.list_user_policies(UserName="alice")["PolicyNames"], ["foyer-mfa"])

    def test_2_second_plan_and_apply_write_nothing(self):
        self.proxy.clear_log()
        plan = self.foyer("plan", "--detailed-exitcode")
        self.assertEqual(plan.returncode, 0, plan.stdout + plan.stderr)
        self.apply()
        writes = [e["action"] for e in self.proxy.log()
                  if not e["action"].startswith(READ_PREFIXES)
                  and e["action"] not in ("AssumeRole", "GetCallerIdentity", "PutItem", "DeleteItem")]
        self.assertEqual(writes, [])

    def test_3_foyer_roles_lists_who_may_assume(self):
        listed = self.foyer("roles", "--format", "json")
        self.assertEqual(listed.returncode, 0, listed.stderr)
        rows = {(r["account"], r["role"]): r for r in json.loads(listed.stdout)}
        self.assertEqual(rows[("payments-development", "Administrator")]["assumable_by"],
                         ["engineers", "sre"])
        self.assertEqual(rows[("admin", "sre")]["assumable_by"], ["user/alice"])
        self.assertEqual({r["status"] for r in rows.values()}, {"ok"})

    def test_4_removing_a_grant_rewrites_only_that_trust(self):
        self.write_spec(spec_text(engineers_admin=False))
        plan = json.loads(self.foyer("plan", "--json").stdout)
        self.assertEqual([(c["action"], c["address"], sorted(c["fields"])) for c in plan["changes"]],
                         [("update", "iam_role.payments-development/foyer/Administrator",
                           ["trust_policy"])])
        self.proxy.clear_log()
        self.apply()
        writes = [e["action"] for e in self.proxy.log()
                  if e["action"].startswith(("Create", "Update", "Put", "Attach", "Detach", "Delete", "Tag"))
                  and e["action"] not in ("PutItem", "DeleteItem")]
        self.assertEqual(writes, ["UpdateAssumeRolePolicy"])
        self.assert_roles_match(engineers_admin=False)

    def test_5_revoke_is_visible_then_removed_after_expiry(self):
        revoked = self.foyer("revoke", "--group", "sre", "--before", "2020-01-01T00:00:00Z")
        self.assertEqual(revoked.returncode, 0, revoked.stderr)
        iam = self.iam_in(self.account_ids()["admin"])
        document = iam.get_role_policy(RoleName="sre", PolicyName="foyer-revoke")["PolicyDocument"]
        self.assertEqual(document["Statement"][0]["Effect"], "Deny")
        self.assertEqual(document["Statement"][0]["Condition"],
                         {"DateLessThan": {"aws:TokenIssueTime": "2020-01-01T00:00:00Z"}})
        self.assertEqual(iam.list_role_policies(RoleName="engineers")["PolicyNames"], ["foyer-landing"])
        plan = json.loads(self.foyer("plan", "--json").stdout)
        self.assertEqual([(c["address"], sorted(c["fields"])) for c in plan["changes"]],
                         [("iam_role.admin/foyer/sre", ["inline_policy.foyer-revoke"])])
        self.apply()
        self.assertEqual(iam.list_role_policies(RoleName="sre")["PolicyNames"], ["foyer-landing"])

    def test_6_a_current_revocation_is_kept_by_plan(self):
        revoked = self.foyer("revoke")
        self.assertEqual(revoked.returncode, 0, revoked.stderr)
        iam = self.iam_in(self.account_ids()["admin"])
        for group in ("sre", "engineers"):
            self.assertIn("foyer-revoke", iam.list_role_policies(RoleName=group)["PolicyNames"])
        plan = self.foyer("plan", "--detailed-exitcode")
        self.assertEqual(plan.returncode, 0, plan.stdout + plan.stderr)
        unknown = self.foyer("revoke", "--group", "nobody")
        self.assertEqual(unknown.returncode, 2)
        self.assertIn("there is no group nobody in foyer.toml", unknown.stderr)


    def test_7_a_user_dropped_from_the_spec_loses_its_keys_and_stays(self):
        iam = self.iam_in(self.account_ids()["admin"])
        key = iam.create_access_key(UserName="alice")["AccessKey"]["AccessKeyId"]
        self.write_spec(spec_text(engineers_admin=False).replace(
            '[identity.iam_users]\nalice = { groups = ["sre"] }\n', ""))
        plan = json.loads(self.foyer("plan", "--json").stdout)
        user_changes = [(c["action"], c["address"]) for c in plan["changes"] if c["type"] == "iam_user"]
        self.assertEqual(user_changes, [("update", "iam_user.admin/alice")])
        self.assertIn("IAM user alice in admin is no longer in [identity.iam_users]; its access keys are "
                      "deactivated; pass --allow-delete to delete it", plan["notes"])
        self.apply()
        self.assertEqual([(k["AccessKeyId"], k["Status"]) for k in
                          iam.list_access_keys(UserName="alice")["AccessKeyMetadata"]], [(key, "Inactive")])
        self.assertEqual([u["UserName"] for u in iam.list_users()["Users"]], ["alice"])
        sre_trust = canonical(iam.get_role(RoleName="sre")["Role"]["AssumeRolePolicyDocument"])
        self.assertEqual([s["Effect"] for s in sre_trust], ["Deny"])


METADATA = ('<?xml version="1.0"?><EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" '
            'entityID="https://idp.example.com/saml"><IDPSSODescriptor protocolSupportEnumeration='
            '"urn:oasis:names:tc:SAML:2.0:protocol"><SingleSignOnService Binding='
            '"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.com/sso"/>'
            '</IDPSSODescriptor></EntityDescriptor>')

FEDERATED_SPEC = textwrap.dedent("""\
    [organization]
    management_account_id = "123456789012"
    email = "aws+{account}@example.com"
    regions = ["us-east-1", "us-west-2"]
    environments = ["production"]

    [accounts]
    admin = "admin"

    [[group]]
    name = "engineers"
    members = ["00u1", "00u2"]
    grants = [{ role = "Auditor" }]

    [identity.oidc]
    issuer = "https://idp.example.com/"
    client_id = "foyer"
    group_match = "subject"

    [identity.saml]
    metadata_file = "idp.xml"

    [guardrails]
    protect_audit_trail = false
    """)


class FederatedLandingTest(RolesTest):
    """Landing trust for OIDC (by subject) and SAML, and the providers apply makes."""

    def test_1_apply_makes_exactly_the_granted_roles(self):
        with open(os.path.join(self.home, "idp.xml"), "w") as f:
            f.write(METADATA)
        self.write_spec(FEDERATED_SPEC)
        self.apply()
        admin = self.account_ids()["admin"]
        iam = self.iam_in(admin)
        oidc_arn = f"arn:aws:iam::{admin}:oidc-provider/idp.example.com"
        self.assertEqual([p["Arn"] for p in iam.list_open_id_connect_providers()["OpenIDConnectProviderList"]],
                         [oidc_arn])
        self.assertEqual(iam.get_open_id_connect_provider(OpenIDConnectProviderArn=oidc_arn)["ClientIDList"],
                         ["foyer"])
        saml_arn = f"arn:aws:iam::{admin}:saml-provider/foyer"
        self.assertEqual([p["Arn"] for p in iam.list_saml_providers()["SAMLProviderList"]], [saml_arn])
        trust = iam.get_role(RoleName="engineers")["Role"]["AssumeRolePolicyDocument"]
        self.assertEqual(canonical(trust), canonical({"Statement": [
            {"Sid": "OidcLogin", "Effect": "Allow", "Principal": {"Federated": oidc_arn},
             "Action": ["sts:AssumeRoleWithWebIdentity", "sts:SetSourceIdentity"],
             "Condition": {"StringEquals": {"idp.example.com:aud": "foyer",
                                            "idp.example.com:sub": ["00u1", "00u2"]}}},
            {"Sid": "SamlLogin", "Effect": "Allow", "Principal": {"Federated": saml_arn},
             "Action": ["sts:AssumeRoleWithSAML", "sts:SetSourceIdentity"],
             "Condition": {"StringEquals": {"SAML:aud": "https://signin.aws.amazon.com/saml"}}}]}))
        self.assertEqual(sorted(self.foyer_roles(iam)), ["Auditor", "engineers"])
        plan = self.foyer("plan", "--detailed-exitcode")
        self.assertEqual(plan.returncode, 0, plan.stdout + plan.stderr)

    def test_2_a_changed_issuer_replaces_only_foyers_provider(self):
        admin = self.account_ids()["admin"]
        iam = self.iam_in(admin)
        old_arn = f"arn:aws:iam::{admin}:oidc-provider/idp.example.com"
        hand_made = iam.create_open_id_connect_provider(
            Url="https://token.example.net", ClientIDList=["sts.amazonaws.com"],
            ThumbprintList=["a" * 40])["OpenIDConnectProviderArn"]
        self.write_spec(FEDERATED_SPEC.replace("https://idp.example.com/", "https://login.example.org"))
        plan = json.loads(self.foyer("plan", "--json").stdout)
        self.assertNotIn("iam_oidc_provider.admin/oidc-provider/idp.example.com",
                         [c["address"] for c in plan["changes"]])
        self.assertIn(f"OIDC provider {old_arn} was made by foyer and [identity.oidc] no longer names it; "
                      "pass --allow-delete to delete it", plan["notes"])
        applied = self.foyer("apply", "--yes", "--allow-delete")
        self.assertEqual(applied.returncode, 0, applied.stdout + applied.stderr)
        new_arn = f"arn:aws:iam::{admin}:oidc-provider/login.example.org"
        self.assertEqual(sorted(p["Arn"] for p in iam.list_open_id_connect_providers()["OpenIDConnectProviderList"]),
                         sorted([new_arn, hand_made]))
        trust = canonical(iam.get_role(RoleName="engineers")["Role"]["AssumeRolePolicyDocument"])
        self.assertEqual([s["Principal"]["Federated"] for s in trust if s["Sid"] == "OidcLogin"], [[new_arn]])
        plan = self.foyer("plan", "--detailed-exitcode", "--allow-delete")
        self.assertEqual(plan.returncode, 0, plan.stdout + plan.stderr)

    test_2_second_plan_and_apply_write_nothing = None
    test_3_foyer_roles_lists_who_may_assume = None
    test_4_removing_a_grant_rewrites_only_that_trust = None
    test_5_revoke_is_visible_then_removed_after_expiry = None
    test_6_a_current_revocation_is_kept_by_plan = None
    test_7_a_user_dropped_from_the_spec_loses_its_keys_and_stays = None


if __name__ == "__main__":
    unittest.main()
