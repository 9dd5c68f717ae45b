"""foyer plan / apply against moto: the organization, its OUs and accounts,
read back with boto3; no-op plans; deltas; SIGKILL at five points; faults."""
import json
import os
import shutil
import signal
import subprocess
import tempfile
import textwrap
import time
import unittest

from e2e.fault_proxy import FaultProxy
from e2e.moto import MotoServer, foyer_binary

SPEC = textwrap.dedent("""\
    [organization]
    management_account_id = "123456789012"
    email = "aws+{account}@example.com"
    regions = ["us-east-1", "us-west-2"]
    environments = ["development", "production"]

    [accounts]
    admin = "admin"
    audit = "audit"
    deploy = "deploy"

    [[domain]]
    name = "payments"

    [[group]]
    name = "sre"
    grants = [{ role = "Administrator" }, { role = "OrganizationAdministrator" }]
    """)

WEB_DOMAIN = textwrap.dedent("""\

    [[domain]]
    name = "web"
    environments = ["production"]
    """)

# Account name -> (OU path, foyer tags besides foyer:managed).
EXPECTED = {
    "admin": ("Security", {"foyer:kind": "admin"}),
    "audit": ("Security", {"foyer:kind": "audit"}),
    "deploy": ("Infrastructure", {"foyer:kind": "deploy"}),
    "payments-development": ("Workloads/development", {
        "foyer:kind": "service", "foyer:domain": "payments", "foyer:environment": "development",
        "foyer:quality": "default"}),
    "payments-production": ("Workloads/production", {
        "foyer:kind": "service", "foyer:domain": "payments", "foyer:environment": "production",
        "foyer:quality": "default"}),
}

READ_PREFIXES = ("List", "Describe", "Get", "Head", "GET ", "HEAD ")
ORG_TYPES = {"organization", "policy_type", "organizational_unit", "account"}


def is_read(action):
    return action.startswith(READ_PREFIXES) or action in ("AssumeRole", "GetCallerIdentity")


class OrgReader:
    """Reads the organization back with boto3, independently of foyer."""

    def __init__(self, moto):
        self.org = moto.client("organizations")

    def ou_path(self, child_id):
        names = []
        while True:
            parent = self.org.list_parents(ChildId=child_id)["Parents"][0]
            if parent["Type"] == "ROOT":
                return "/".join(reversed(names))
            names.append(self.org.describe_organizational_unit(
                OrganizationalUnitId=parent["Id"])["OrganizationalUnit"]["Name"])
            child_id = parent["Id"]

    def accounts(self):
        found = {}
        for page in self.org.get_paginator("list_accounts").paginate():
            for account in page["Accounts"]:
                if account["Id"] == "123456789012":
                    continue
                tags = {t["Key"]: t["Value"] for t in
                        self.org.list_tags_for_resource(ResourceId=account["Id"])["Tags"]}
                found.setdefault(account["Name"], []).append(
                    {"id": account["Id"], "email": account["Email"], "tags": tags,
                     "ou": self.ou_path(account["Id"])})
        return found

    def ou_paths(self):
        paths = []
        root = self.org.list_roots()["Roots"][0]["Id"]

        def walk(parent, prefix):
            for page in self.org.get_paginator("list_organizational_units_for_parent").paginate(
                    ParentId=parent):
                for unit in page["OrganizationalUnits"]:
                    path = prefix + unit["Name"]
                    paths.append(path)
                    walk(unit["Id"], path + "/")
        walk(root, "")
        return sorted(paths)


class ApplyTestCase(unittest.TestCase):
    moto_env = {"MOTO_IAM_LOAD_MANAGED_POLICIES": "true"}

    def setUp(self):
        self.moto = MotoServer(self.moto_env).__enter__()
        self.addCleanup(self.moto.__exit__, None, None, None)
        self.proxy = FaultProxy(self.moto.url).__enter__()
        self.addCleanup(self.proxy.__exit__, None, None, None)
        self.home = tempfile.mkdtemp(prefix="foyer-apply-")
        self.addCleanup(shutil.rmtree, self.home, True)
        self.spec = os.path.join(self.home, "foyer.toml")
        self.write_spec(SPEC)

    def write_spec(self, text):
        with open(self.spec, "w") as f:
            f.write(text)

    def env(self):
        return self.moto.env(home=self.home, AWS_ENDPOINT_URL=self.proxy.url)

    def foyer(self, *args, check=True):
        result = subprocess.run([foyer_binary(), *args, "--spec", self.spec], env=self.env(),
                                capture_output=True, text=True, timeout=300)
        if check and result.returncode not in (0, 2):
            self.fail(f"foyer {' '.join(args)} exited {result.returncode}:\n"
                      f"{result.stdout}\n{result.stderr}")
        return result

    def plan_json(self):
        return json.loads(self.foyer("plan", "--json").stdout)

    def assert_converged(self, names=None):
        accounts = OrgReader(self.moto).accounts()
        names = names or EXPECTED
        self.assertEqual(sorted(accounts), sorted(names))
        for name in names:
            ou, tags = EXPECTED[name]
            self.assertEqual(len(accounts[name]), 1, f"{name} exists {len(accounts[name])} times")
            account = accounts[name][0]
            self.assertEqual(account["email"], f"aws+{name}@example.com")
            self.assertEqual(account["ou"], ou, name)
            self.assertEqual(account["tags"], {**tags, "foyer:managed": "true"}, name)


class FirstApplyTest(ApplyTestCase):
    def test_apply_builds_the_organization_and_a_second_plan_is_a_no_op(self):
        plan = self.plan_json()
        org_changes = {c["address"]: c for c in plan["changes"] if c["type"] in ORG_TYPES}
        self.assertEqual(org_changes["organization"]["action"], "create")
        self.assertEqual(org_changes["organization"]["fields"]["feature_set"]["after"], "ALL")
        self.assertEqual(
            sorted(a for a in org_changes if a.startswith("organizational_unit.")),
            ["organizational_unit.Infrastructure", "organizational_unit.Security",
             "organizational_unit.Workloads", "organizational_unit.Workloads/development",
             "organizational_unit.Workloads/production"])
        self.assertEqual(sorted(a for a in org_changes if a.startswith("account.")),
                         sorted("account." + n for n in EXPECTED))
        self.assertEqual(org_changes["account.payments-production"]["fields"]["ou"]["after"],
                         "Workloads/production")
        self.assertEqual([e["action"] for e in self.proxy.log() if not is_read(e["action"])], [])
        # The first plan is proven too, under stand-in ids for the accounts it creates.
        self.assertEqual([n for n in plan["notes"] if "not proven" in n], [])

        applied = self.foyer("apply", "--yes")
        self.assertEqual(applied.returncode, 0, applied.stderr)
        self.assertIn("Apply complete", applied.stdout)
        self.assert_converged()
        org = self.moto.client("organizations")
        self.assertEqual(org.describe_organization()["Organization"]["FeatureSet"], "ALL")
        root = org.list_roots()["Roots"][0]
        self.assertIn({"Type": "SERVICE_CONTROL_POLICY", "Status": "ENABLED"}, root["PolicyTypes"])
        self.assertEqual(OrgReader(self.moto).ou_paths(),
                         ["Infrastructure", "Security", "Workloads", "Workloads/development",
                          "Workloads/production"])

        self.proxy.clear_log()
        again = self.foyer("plan", "--detailed-exitcode")
        self.assertEqual(again.returncode, 0, again.stdout + again.stderr)
        self.assertIn("No changes.", again.stdout)
        writes = [e["action"] for e in self.proxy.log() if not is_read(e["action"])]
        self.assertEqual(writes, [])
        self.proxy.clear_log()
        noop = self.foyer("apply", "--yes")
        self.assertEqual(noop.returncode, 0, noop.stderr)
        writes = [e["action"] for e in self.proxy.log() if not is_read(e["action"])
                  and e["action"] not in ("PutItem", "DeleteItem")]  # the apply lock
        self.assertEqual(writes, [])

    def test_editing_the_spec_plans_exactly_the_delta(self):
        self.assertEqual(self.foyer("apply", "--yes").returncode, 0)
        self.write_spec(SPEC + WEB_DOMAIN)
        plan = self.plan_json()
        org_changes = [c for c in plan["changes"] if c["type"] in ORG_TYPES]
        self.assertEqual([(c["action"], c["address"]) for c in org_changes],
                         [("create", "account.web-production")])
        detailed = self.foyer("plan", "--detailed-exitcode")
        self.assertEqual(detailed.returncode, 2)
        self.assertIn("+ account.web-production", detailed.stdout)
        self.assertEqual(self.foyer("apply", "--yes").returncode, 0)
        EXPECTED_WITH_WEB = dict(EXPECTED)
        EXPECTED_WITH_WEB["web-production"] = ("Workloads/production", {
            "foyer:kind": "service", "foyer:domain": "web", "foyer:environment": "production",
            "foyer:quality": "default"})
        accounts = OrgReader(self.moto).accounts()
        self.assertEqual(sorted(accounts), sorted(EXPECTED_WITH_WEB))
        self.assertEqual(accounts["web-production"][0]["ou"], "Workloads/production")

    def test_an_account_moved_by_hand_is_moved_back_and_lost_tags_rewritten(self):
        self.assertEqual(self.foyer("apply", "--yes").returncode, 0)
        org = self.moto.client("organizations")
        account = OrgReader(self.moto).accounts()["payments-production"][0]
        root = org.list_roots()["Roots"][0]["Id"]
        parent = org.list_parents(ChildId=account["id"])["Parents"][0]["Id"]
        org.move_account(AccountId=account["id"], SourceParentId=parent, DestinationParentId=root)
        org.untag_resource(ResourceId=account["id"], TagKeys=["foyer:managed"])
        plan = self.plan_json()
        change = next(c for c in plan["changes"] if c["address"] == "account.payments-production")
        self.assertEqual(change["action"], "update")
        self.assertEqual(change["fields"]["ou"], {"before": "", "after": "Workloads/production"})
        self.assertEqual(self.foyer("apply", "--yes").returncode, 0)
        self.assert_converged()

    def test_an_untagged_account_with_the_spec_email_is_adopted_not_duplicated(self):
        org = self.moto.client("organizations")
        org.create_organization(FeatureSet="ALL")
        made = org.create_account(Email="aws+audit@example.com", AccountName="Audit (old)")
        plan = self.plan_json()
        change = next(c for c in plan["changes"] if c["address"] == "account.audit")
        self.assertEqual(change["action"], "update")
        self.assertEqual(change["fields"]["adopted"]["after"],
                         made["CreateAccountStatus"]["AccountId"])
        self.assertEqual(self.foyer("apply", "--yes").returncode, 0)
        accounts = OrgReader(self.moto).accounts()
        self.assertNotIn("audit", accounts)  # adopted under its own name
        self.assertEqual(accounts["Audit (old)"][0]["tags"]["foyer:kind"], "audit")

    def test_account_close_needs_the_name_typed_back_and_never_closes_admin(self):
        self.assertEqual(self.foyer("apply", "--yes").returncode, 0)
        org = self.moto.client("organizations")
        account = OrgReader(self.moto).accounts()["payments-development"][0]

        def status(account_id):
            return org.describe_account(AccountId=account_id)["Account"]["Status"]

        def close(*args):
            return subprocess.run([foyer_binary(), "account", "close", *args, "--spec", self.spec],
                                  env=self.env(), capture_output=True, text=True,
                                  stdin=subprocess.DEVNULL, timeout=120)

        unconfirmed = close("payments/development")
        self.assertEqual(unconfirmed.returncode, 2)
        self.assertIn("pass --confirm payments-development", unconfirmed.stderr)
        wrong = close("payments/development", "--confirm", "payments-production")
        self.assertEqual(wrong.returncode, 2)
        self.assertIn("nothing was closed", wrong.stderr)
        admin = OrgReader(self.moto).accounts()["admin"][0]
        refused = close("admin", "--confirm", "admin")
        self.assertEqual(refused.returncode, 2)
        self.assertIn("does not close the admin account", refused.stderr)
        self.assertEqual((status(account["id"]), status(admin["id"])), ("ACTIVE", "ACTIVE"))

        closed = close("payments/development", "--confirm", "payments-development")
        self.assertEqual(closed.returncode, 0, closed.stderr)
        self.assertEqual(status(account["id"]), "SUSPENDED")
        plan = self.plan_json()
        self.assertNotIn("account.payments-development", [c["address"] for c in plan["changes"]])
        self.assertIn(f"account payments-development ({account['id']}) is SUSPENDED; foyer leaves it "
                      "alone until it is ACTIVE again", plan["notes"])

    def test_apply_without_yes_and_without_a_terminal_changes_nothing(self):
        refused = subprocess.run([foyer_binary(), "apply", "--spec", self.spec], env=self.env(),
                                 capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
        self.assertEqual(refused.returncode, 2)
        self.assertIn("run `foyer apply --yes`", refused.stderr)
        self.assertEqual([e["action"] for e in self.proxy.log() if not is_read(e["action"])], [])

    def test_another_organization_is_refused(self):
        self.write_spec(SPEC.replace("123456789012", "210987654321", 1))
        self.moto.client("organizations").create_organization(FeatureSet="ALL")
        result = self.foyer("plan", check=False)
        self.assertEqual(result.returncode, 1)
        self.assertIn("whose management account is 123456789012, not the expected 210987654321",
                      result.stderr)

    def test_throttling_and_server_errors_are_survived(self):
        self.proxy.set_plan([
            # In the order apply meets them: the proxy's rules are a queue.
            {"match": "CreateOrganizationalUnit", "status": 500, "count": 2},
            {"match": "ListAccounts", "status": 503, "count": 1},
            {"match": "CreateAccount", "code": "TooManyRequestsException", "count": 2},
        ])
        applied = self.foyer("apply", "--yes")
        self.assertEqual(applied.returncode, 0, applied.stdout + applied.stderr)
        self.assert_converged()
        faults = [e["fault"] for e in self.proxy.log() if e["fault"] != "pass"]
        self.assertEqual(len(faults), 5)


class KillTest(ApplyTestCase):
    """SIGKILL at five points of an apply; each rerun converges further, the
    last one completely, and nothing exists twice."""

    POINTS = [
        ("CreateOrganization", 0),
        ("CreateOrganizationalUnit", 1),
        ("CreateAccount", 0),
        ("CreateAccount", 1),
        ("MoveAccount", 0),
    ]

    def kill_during(self, action, skip):
        """Starts an apply whose request `action` (after `skip` of them pass)
        is held by the proxy, kills it with SIGKILL while held, and waits
        for the held request to reach moto anyway."""
        rules = [{"match": action, "pass": True, "count": skip}] if skip else []
        rules.append({"match": action, "delay": 2.0, "count": 1})
        self.proxy.set_plan(rules)
        self.proxy.clear_log()
        process = subprocess.Popen([foyer_binary(), "apply", "--yes", "--concurrency", "2",
                                    "--spec", self.spec], env=self.env(),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            held = [e for e in self.proxy.log() if e["fault"].startswith("delay")]
            if held or process.poll() is not None:
                break
            time.sleep(0.02)
        self.assertIsNone(process.poll(), f"apply ended before reaching {action} #{skip + 1}")
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        while time.monotonic() < deadline:
            if all(e["status"] is not None for e in self.proxy.log()
                   if e["fault"].startswith("delay")):
                break
            time.sleep(0.05)
        self.proxy.set_plan([])

    def test_sigkill_at_five_points_then_apply_converges_without_duplicates(self):
        for action, skip in self.POINTS:
            self.kill_during(action, skip)
        final = self.foyer("apply", "--yes")
        self.assertEqual(final.returncode, 0, final.stdout + final.stderr)
        self.assert_converged()
        self.assertEqual(OrgReader(self.moto).ou_paths(),
                         ["Infrastructure", "Security", "Workloads", "Workloads/development",
                          "Workloads/production"])
        self.assertEqual(self.foyer("plan", "--detailed-exitcode").returncode, 0)


if __name__ == "__main__":
    unittest.main()
