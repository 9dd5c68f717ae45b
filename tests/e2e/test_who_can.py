"""foyer who-can, paths and graph, run as the real binary on a snapshot file.

No AWS is involved: the commands read a snapshot the test writes, and their
JSON output is compared whole.
"""
import json
import os
import subprocess
import tempfile
import unittest

LANDING = "arn:aws:iam::222222222222:role/foyer/ops"
PROVIDER = "arn:aws:iam::222222222222:oidc-provider/idp.example.com"
ALICE = "arn:aws:iam::222222222222:user/alice"
ADMIN_A = "arn:aws:iam::333333333333:role/foyer/Administrator"
DEPLOYER = "arn:aws:iam::333333333333:role/app/deployer"
VAULT = "arn:aws:iam::333333333333:role/restricted/vault"
TRUST_POLICY = "accounts.222222222222.roles[0].trust_policy"


def document(*statements):
    return {"Version": "2012-10-17", "Statement": list(statements)}


def trust(principal):
    return document({"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole"})


def allow_assume(resource):
    return document({"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": resource})


FULL = document({"Effect": "Allow", "Action": "*", "Resource": "*"})
DENY_RESTRICTED = document({"Effect": "Deny", "Action": "sts:AssumeRole",
                            "Resource": "arn:aws:iam::*:role/restricted/*"})

SNAPSHOT = {
    "organization": {
        "id": "o-test",
        "management_account": "111111111111",
        "accounts": [
            {"id": "111111111111", "name": "management", "ou_path": ["r-root"]},
            {"id": "222222222222", "name": "admin", "ou_path": ["r-root"]},
            {"id": "333333333333", "name": "alpha", "ou_path": ["r-root", "ou-work"]},
        ],
        "scps": {"r-root": [FULL], "ou-work": [FULL], "222222222222": [FULL, DENY_RESTRICTED],
                 "333333333333": [FULL]},
    },
    "accounts": {
        "222222222222": {
            "oidc_providers": [PROVIDER],
            "roles": [{
                "arn": LANDING,
                "trust_policy": document(
                    {"Effect": "Allow", "Principal": {"Federated": PROVIDER},
                     "Action": "sts:AssumeRoleWithWebIdentity",
                     "Condition": {"StringLike": {"idp.example.com:sub": "group-ops-*"}}},
                    {"Effect": "Allow", "Principal": {"AWS": ALICE}, "Action": "sts:AssumeRole",
                     "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}),
                "policies": [allow_assume("*")],
            }],
            "users": [{"arn": ALICE, "mfa": True, "policies": [allow_assume(LANDING)]}],
        },
        "333333333333": {
            "roles": [
                {"arn": ADMIN_A, "trust_policy": trust({"AWS": LANDING})},
                {"arn": DEPLOYER, "trust_policy": trust({"Service": "codebuild.amazonaws.com"}),
                 "policies": [allow_assume("*")]},
                {"arn": VAULT, "trust_policy": trust({"AWS": LANDING})},
            ],
        },
    },
}


def hop(source, target, action="sts:AssumeRole", conditions=()):
    return {"from": source, "to": target, "action": action, "conditions": list(conditions)}


MFA = {"policy": TRUST_POLICY, "operator": "Bool", "key": "aws:multifactorauthpresent", "values": ["true"]}
SUB = {"policy": TRUST_POLICY, "operator": "StringLike", "key": "idp.example.com:sub",
       "values": ["group-ops-*"]}


class WhoCanTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.scratch = tempfile.TemporaryDirectory()
        cls.snapshot = os.path.join(cls.scratch.name, "snapshot.json")
        with open(cls.snapshot, "w") as out:
            json.dump(SNAPSHOT, out)

    @classmethod
    def tearDownClass(cls):
        cls.scratch.cleanup()

    def foyer(self, *args):
        return subprocess.run([os.environ["FOYER_BIN"], *args], capture_output=True, text=True, timeout=60)

    def json_of(self, *args):
        result = self.foyer(*args)
        self.assertEqual(result.returncode, 0, result.stderr)
        return json.loads(result.stdout)

    def test_who_can_administrator_lists_every_principal_with_hop_conditions(self):
        out = self.json_of("who-can", "333333333333", "--role", "Administrator", "--snapshot", self.snapshot,
                           "--format", "json")
        self.assertEqual(out, {
            "targets": [ADMIN_A],
            "principals": [
                {"principal": LANDING, "kind": "role", "account": "222222222222",
                 "hops": [hop(LANDING, ADMIN_A)]},
                {"principal": PROVIDER, "kind": "identity_provider", "account": "222222222222",
                 "hops": [hop(PROVIDER, LANDING, "sts:AssumeRoleWithWebIdentity", [SUB]), hop(LANDING, ADMIN_A)]},
                {"principal": ALICE, "kind": "user", "account": "222222222222",
                 "hops": [hop(ALICE, LANDING, conditions=[MFA]), hop(LANDING, ADMIN_A)]},
            ]})

    def test_scp_deny_leaves_nobody_able_to_reach_the_vault(self):
        out = self.json_of("who-can", VAULT, "--snapshot", self.snapshot, "--format", "json")
        self.assertEqual(out, {"targets": [VAULT], "principals": []})

    def test_service_role_reaches_every_role_of_its_account_that_trusts_it(self):
        out = self.json_of("paths", "--from", "codebuild.amazonaws.com", "--to", "333333333333",
                           "--snapshot", self.snapshot, "--format", "json")
        self.assertEqual(out, {"from": "codebuild.amazonaws.com", "targets": sorted([ADMIN_A, DEPLOYER, VAULT]),
                               "paths": [{"hops": [hop("codebuild.amazonaws.com", DEPLOYER)]}]})

    def test_graph_json_holds_every_node_and_edge(self):
        out = self.json_of("graph", "--snapshot", self.snapshot, "--format", "json")
        edges = sorted((edge["from"], edge["to"]) for edge in out["edges"])
        self.assertEqual(edges, sorted([(PROVIDER, LANDING), (ALICE, LANDING), (LANDING, ADMIN_A),
                                        ("codebuild.amazonaws.com", DEPLOYER)]))
        self.assertEqual(len(out["nodes"]), 7)

    def test_text_output_names_the_conditions(self):
        result = self.foyer("who-can", LANDING, "--snapshot", self.snapshot)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout,
                         f"{PROVIDER} (identity_provider)\n"
                         f"  -> sts:AssumeRoleWithWebIdentity {LANDING}\n"
                         f"     if StringLike idp.example.com:sub = group-ops-*\n"
                         f"{ALICE} (user)\n"
                         f"  -> sts:AssumeRole {LANDING}\n"
                         f"     if Bool aws:multifactorauthpresent = true\n")

    def test_unknown_account_and_bad_snapshot_fail_with_a_reason(self):
        result = self.foyer("who-can", "999999999999", "--snapshot", self.snapshot)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout, "")
        self.assertIn("the snapshot has no role in account 999999999999", result.stderr)
        broken = os.path.join(self.scratch.name, "broken.json")
        with open(broken, "w") as out:
            out.write('{"organization": {"accounts": [{"id": "12"}]}}')
        result = self.foyer("who-can", "333333333333", "--snapshot", broken)
        self.assertEqual(result.returncode, 1)
        self.assertIn("snapshot organization.accounts[0].id: \"12\" is not a 12-digit account id", result.stderr)


if __name__ == "__main__":
    unittest.main()
