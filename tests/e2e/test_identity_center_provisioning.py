"""foyer apply provisions IAM Identity Center: the admin account as its
delegated administrator, one permission set foyer-<group> per group whose
inline policy (computed here) assumes only that group's landing role, and
its assignment to the identity store's group in the admin account; a
converged plan changes nothing; a group removed from the spec has its
permission set deleted only with --allow-delete, and so are all of foyer's
once the spec drops [identity.identity_center]. Read back with boto3."""
import json
import os
import shutil
import subprocess
import tempfile
import textwrap
import unittest

from e2e.moto import MotoServer, foyer_binary

MANAGEMENT = "123456789012"
REGION = "us-east-1"
SPEC = textwrap.dedent("""\
    [organization]
    management_account_id = "123456789012"
    email = "aws+{account}@example.com"
    regions = ["us-east-1", "us-west-2"]
    environments = ["production"]

    [accounts]
    admin = "admin"

    [[group]]
    name = "sre"
    grants = [{ role = "Administrator" }]
    ENGINEERS
    [identity.identity_center]
    region = "us-east-1"

    [guardrails]
    protect_audit_trail = false
    """)
ENGINEERS = '\n[[group]]\nname = "engineers"\ngrants = [{ role = "Auditor" }]\n'


def spec_text(with_engineers=True, identity_center=True):
    text = SPEC.replace("ENGINEERS\n", ENGINEERS if with_engineers else "")
    if not identity_center:
        text = text.replace('[identity.identity_center]\nregion = "us-east-1"\n', "")
    return text


def expected_policy(admin, group):
    return {"Version": "2012-10-17", "Statement": [{
        "Sid": "AssumeLandingRole", "Effect": "Allow",
        "Action": ["sts:AssumeRole", "sts:SetSourceIdentity"],
        "Resource": f"arn:aws:iam::{admin}:role/foyer/{group}"}]}


class IdentityCenterProvisioningTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        patches = os.path.join(os.path.dirname(os.path.abspath(__file__)), "moto_sso_delegation")
        cls.moto = MotoServer({"MOTO_IAM_LOAD_MANAGED_POLICIES": "true", "PYTHONPATH": patches}).__enter__()
        cls.home = tempfile.mkdtemp(prefix="foyer-idc-")
        cls.spec = os.path.join(cls.home, "foyer.toml")

    @classmethod
    def tearDownClass(cls):
        cls.moto.__exit__(None, None, None)
        shutil.rmtree(cls.home, True)

    def foyer(self, *args, spec=None):
        with open(self.spec, "w") as f:
            f.write(spec if spec is not None else spec_text())
        return subprocess.run([foyer_binary(), *args, "--spec", self.spec], env=self.moto.env(home=self.home),
                              capture_output=True, text=True, timeout=300)

    def admin_id(self):
        accounts = self.moto.client("organizations").list_accounts()["Accounts"]
        return next(a["Id"] for a in accounts if a["Name"] == "admin")

    def in_admin(self, service):
        creds = self.moto.client("sts").assume_role(
            RoleArn=f"arn:aws:iam::{self.admin_id()}:role/OrganizationAccountAccessRole",
            RoleSessionName="test")["Credentials"]
        return self.moto.client(service, region=REGION, aws_access_key_id=creds["AccessKeyId"],
                                aws_secret_access_key=creds["SecretAccessKey"],
                                aws_session_token=creds["SessionToken"])

    def instance(self):
        return self.in_admin("sso-admin").list_instances()["Instances"][0]

    def permission_sets(self):
        """name -> (arn, description, session duration, inline policy)"""
        sso = self.in_admin("sso-admin")
        instance = self.instance()["InstanceArn"]
        sets = {}
        for arn in sso.list_permission_sets(InstanceArn=instance)["PermissionSets"]:
            described = sso.describe_permission_set(InstanceArn=instance, PermissionSetArn=arn)["PermissionSet"]
            policy = sso.get_inline_policy_for_permission_set(InstanceArn=instance, PermissionSetArn=arn)
            inline = policy.get("InlinePolicy")
            sets[described["Name"]] = (arn, described.get("Description"), described.get("SessionDuration"),
                                       json.loads(inline) if inline else None)
        return sets

    def test_1_first_apply_delegates_and_makes_the_permission_sets(self):
        applied = self.foyer("apply", "--yes")
        self.assertEqual(applied.returncode, 0, applied.stdout + applied.stderr)
        admin = self.admin_id()
        delegated = self.moto.client("organizations").list_delegated_administrators(
            ServicePrincipal="sso.amazonaws.com")["DelegatedAdministrators"]
        self.assertEqual([d["Id"] for d in delegated], [admin])
        sets = self.permission_sets()
        self.assertEqual(sorted(sets), ["foyer-engineers", "foyer-sre"])
        # moto keeps Identity Center per account: nothing was written with management's credentials.
        management = self.moto.client("sso-admin")
        for instance in management.list_instances()["Instances"]:
            self.assertEqual(management.list_permission_sets(InstanceArn=instance["InstanceArn"])["PermissionSets"], [])
        for group in ("sre", "engineers"):
            _, description, duration, policy = sets[f"foyer-{group}"]
            self.assertEqual(description, "Managed by foyer: assumes the group's landing role in the admin account")
            self.assertEqual(duration, "PT1H")
            self.assertEqual(policy, expected_policy(admin, group))
        trust = self.in_admin("iam").get_role(RoleName="sre")["Role"]["AssumeRolePolicyDocument"]
        self.assertEqual(trust["Statement"][0]["Condition"]["ArnLike"]["aws:PrincipalArn"],
                         f"arn:aws:iam::{admin}:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_foyer-sre_*")
        # No group exists in the identity store yet: nothing is assigned, and plan says why.
        plan = json.loads(self.foyer("plan", "--json").stdout)
        self.assertEqual(plan["changes"], [])
        self.assertIn("Identity Center's identity store has no group named 'sre': permission set foyer-sre is "
                      "not assigned to anyone; create the group (or sync it from your IdP) and plan again",
                      plan["notes"])

    def test_2_groups_are_assigned_in_the_admin_account_only(self):
        store = self.in_admin("identitystore")
        store_id = self.instance()["IdentityStoreId"]
        ids = {g: store.create_group(IdentityStoreId=store_id, DisplayName=g)["GroupId"] for g in ("sre", "engineers")}
        store.create_group(IdentityStoreId=store_id, DisplayName="foyer-sre")  # a decoy of the set's name
        plan = json.loads(self.foyer("plan", "--json").stdout)
        self.assertEqual(sorted(c["address"] for c in plan["changes"]), ["assignment.engineers", "assignment.sre"])
        applied = self.foyer("apply", "--yes")
        self.assertEqual(applied.returncode, 0, applied.stdout + applied.stderr)
        admin = self.admin_id()
        sso = self.in_admin("sso-admin")
        instance = self.instance()["InstanceArn"]
        sets = self.permission_sets()
        for group in ("sre", "engineers"):
            arn = sets[f"foyer-{group}"][0]
            assignments = sso.list_account_assignments(InstanceArn=instance, AccountId=admin,
                                                       PermissionSetArn=arn)["AccountAssignments"]
            self.assertEqual([(a["AccountId"], a["PrincipalType"], a["PrincipalId"]) for a in assignments],
                             [(admin, "GROUP", ids[group])])
            for account in self.moto.client("organizations").list_accounts()["Accounts"]:
                if account["Id"] == admin:
                    continue
                self.assertEqual(sso.list_account_assignments(InstanceArn=instance, AccountId=account["Id"],
                                                              PermissionSetArn=arn)["AccountAssignments"], [])

    def test_3_a_converged_plan_changes_nothing(self):
        plan = self.foyer("plan", "--detailed-exitcode")
        self.assertEqual(plan.returncode, 0, plan.stdout + plan.stderr)

    def test_4_a_removed_group_loses_its_permission_set_only_with_allow_delete(self):
        spec = spec_text(with_engineers=False)
        plan = json.loads(self.foyer("plan", "--json", spec=spec).stdout)
        self.assertNotIn("permission_set.engineers", [c["address"] for c in plan["changes"]])
        self.assertIn("permission set foyer-engineers belongs to no [[group]] any more; pass --allow-delete to "
                      "delete it and its assignments", plan["notes"])
        applied = self.foyer("apply", "--yes", spec=spec)
        self.assertEqual(applied.returncode, 0, applied.stdout + applied.stderr)
        self.assertEqual(sorted(self.permission_sets()), ["foyer-engineers", "foyer-sre"])
        plan = json.loads(self.foyer("plan", "--json", "--allow-delete", spec=spec).stdout)
        deletions = [(c["action"], c["address"]) for c in plan["changes"] if c["type"].startswith("identity_center")]
        self.assertEqual(deletions, [("delete", "permission_set.engineers")])
        applied = self.foyer("apply", "--yes", "--allow-delete", spec=spec)
        self.assertEqual(applied.returncode, 0, applied.stdout + applied.stderr)
        self.assertEqual(sorted(self.permission_sets()), ["foyer-sre"])

    def test_5_without_the_section_foyers_permission_sets_go_with_allow_delete(self):
        sso = self.in_admin("sso-admin")
        instance = self.instance()["InstanceArn"]
        # Made by hand, and assigned: never foyer's to touch.
        developers = sso.create_permission_set(InstanceArn=instance, Name="Developers")["PermissionSet"]
        store = self.in_admin("identitystore")
        group_id = store.get_group_id(IdentityStoreId=self.instance()["IdentityStoreId"], AlternateIdentifier={
            "UniqueAttribute": {"AttributePath": "displayName", "AttributeValue": "sre"}})["GroupId"]
        sso.create_account_assignment(InstanceArn=instance, TargetId=self.admin_id(), TargetType="AWS_ACCOUNT",
                                      PermissionSetArn=developers["PermissionSetArn"], PrincipalType="GROUP",
                                      PrincipalId=group_id)
        spec = spec_text(with_engineers=False, identity_center=False)
        plan = json.loads(self.foyer("plan", "--json", spec=spec).stdout)
        self.assertEqual([c for c in plan["changes"] if c["type"].startswith("identity_center")], [])
        self.assertIn("permission set foyer-sre was made for [identity.identity_center], which the spec no longer "
                      "has; pass --allow-delete to delete it and its assignments", plan["notes"])
        plan = json.loads(self.foyer("plan", "--json", "--allow-delete", spec=spec).stdout)
        deletions = [(c["action"], c["address"]) for c in plan["changes"] if c["type"].startswith("identity_center")]
        self.assertEqual(deletions, [("delete", "permission_set.sre")])
        applied = self.foyer("apply", "--yes", "--allow-delete", spec=spec)
        self.assertEqual(applied.returncode, 0, applied.stdout + applied.stderr)
        self.assertEqual(sorted(self.permission_sets()), ["Developers"])
        kept = sso.list_account_assignments(InstanceArn=instance, AccountId=self.admin_id(),
                                            PermissionSetArn=developers["PermissionSetArn"])["AccountAssignments"]
        self.assertEqual([(a["PrincipalType"], a["PrincipalId"]) for a in kept], [("GROUP", group_id)])
        # The landing role no longer admits Identity Center's roles, and the next plan is converged.
        trust = self.in_admin("iam").get_role(RoleName="sre")["Role"]["AssumeRolePolicyDocument"]
        self.assertNotIn("AWSReservedSSO", json.dumps(trust))
        plan = self.foyer("plan", "--detailed-exitcode", "--allow-delete", spec=spec)
        self.assertEqual(plan.returncode, 0, plan.stdout + plan.stderr)


if __name__ == "__main__":
    unittest.main()
