"""foyer terraform generate and run against an organization in moto.

The organization is built with boto3; every generated file is parsed with a
real HCL parser (@cdktf/hcl2json, tests/e2e/hcl) and its role ARNs, bucket
names, regions and state keys compared with values computed here from the
spec and the live organization. `terraform run` runs a stand-in `terraform`
(written by the test, first on PATH) that records its arguments and
environment; the account of each recorded access key is asked of moto with
boto3."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from e2e.moto import MotoServer, foyer_binary

MANAGEMENT_ID = "123456789012"  # moto makes the caller's account the management account
REGIONS = ["us-east-1", "us-west-2"]
PLACES = ["global"] + REGIONS
HCL_FOLDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "hcl")
GROUP = "sre"
TRUST = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["sts:AssumeRole", "sts:SetSourceIdentity"]}]})

SPEC = """[organization]
management_account_id = "123456789012"
email = "aws+{{account}}@example.com"
regions = ["us-east-1", "us-west-2"]
environments = ["production"]

[accounts]
admin = "admin"
audit = "audit"
deploy = "deploy"
{domains}
[[group]]
name = "sre"
grants = [{{ role = "Administrator" }}]
"""

CLIENT_CONFIG = """default_org = "acme"

[orgs.acme]
admin_account_id = "{admin}"
management_account_id = "123456789012"
regions = ["us-east-1", "us-west-2"]
method = "oidc"
default_group = "sre"

[orgs.acme.oidc]
issuer = "https://idp.example.com"
client_id = "foyer"
"""

# Records its working folder, arguments and AWS environment as one JSON file
# per run; fails in the module named by STANDIN_FAIL; unless STANDIN_ALONE is
# set, waits (a bounded while) until another run has started, so that a
# record exists only when runs overlapped.
STANDIN = r"""#!{python}
import json, os, sys, time, uuid
records = os.environ["STANDIN_RECORDS"]
mark = os.path.join(records, "started-" + uuid.uuid4().hex)
open(mark, "w").close()
deadline = time.monotonic() + 60
while not os.environ.get("STANDIN_ALONE") and sum(name.startswith("started-") for name in os.listdir(records)) < 2:
    if time.monotonic() > deadline:
        print("no other run started", file=sys.stderr)
        sys.exit(9)
    time.sleep(0.02)
record = {{"cwd": os.getcwd(), "argv": sys.argv[1:],
          "env": {{k: v for k, v in os.environ.items() if k.startswith(("AWS_", "FOYER_"))}}}}
with open(os.path.join(records, "run-" + uuid.uuid4().hex + ".json"), "w") as out:
    json.dump(record, out)
print("Terraform v0.0.0-standin")
print("on stderr", file=sys.stderr)
sys.exit(1 if os.getcwd().endswith(os.environ.get("STANDIN_FAIL", "\0")) else 0)
"""


def domain_table(name):
    return f'\n[[domain]]\nname = "{name}"\n'


def service_tags(domain):
    return {"foyer:kind": "service", "foyer:managed": "true", "foyer:domain": domain,
            "foyer:environment": "production", "foyer:quality": "default"}


def tree_files(root):
    """Every file under root: relative path -> bytes."""
    files = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                files[os.path.relpath(path, root)] = f.read()
    return files


def parse_hcl(paths):
    result = subprocess.run(["node", os.path.join(HCL_FOLDER, "parse.js"), *paths], capture_output=True,
                            text=True, timeout=120)
    if result.returncode != 0:
        raise AssertionError("HCL parser refused a generated file: " + result.stderr)
    return json.loads(result.stdout)


def state_bucket_policy(bucket, org_id, admin_id):
    """The state bucket's policy, as test_guardrails reads it back."""
    arn = f"arn:aws:s3:::{bucket}"
    own = arn + "/${aws:PrincipalAccount}/*"
    objects = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
    org_not_admin = {"StringEquals": {"aws:PrincipalOrgID": org_id},
                     "StringNotEquals": {"aws:PrincipalAccount": admin_id}}
    return {"Version": "2012-10-17", "Statement": [
        {"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
         "Resource": [arn, arn + "/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
        {"Sid": "DenyAdminAccount", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
         "Resource": [arn, arn + "/*"], "Condition": {"StringEquals": {"aws:PrincipalAccount": admin_id}}},
        {"Sid": "DenyObjectsOutsideOwnPrefix", "Effect": "Deny", "Principal": "*", "Action": objects,
         "NotResource": own},
        {"Sid": "AccountsReadWriteOwnPrefix", "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": objects,
         "Resource": own, "Condition": org_not_admin},
        {"Sid": "AccountsListOwnPrefix", "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:ListBucket",
         "Resource": arn, "Condition": dict(org_not_admin, StringLike={"s3:prefix": "${aws:PrincipalAccount}/*"})}]}


class TerraformTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.moto = MotoServer().__enter__()
        cls.org = cls.moto.client("organizations")
        cls.org.create_organization(FeatureSet="ALL")
        cls.ids = {}
        for name, tags in [("admin", {"foyer:kind": "admin", "foyer:managed": "true"}),
                           ("deploy", {"foyer:kind": "deploy", "foyer:managed": "true"}),
                           ("payments-production", service_tags("payments"))]:
            cls.create_account(name, tags)
        cls.create_role(cls.ids["admin"], GROUP)
        for name in ("deploy", "payments-production"):
            cls.create_role(cls.ids[name], "Administrator")

    @classmethod
    def tearDownClass(cls):
        cls.moto.__exit__(None, None, None)

    @classmethod
    def create_account(cls, name, tags):
        status = cls.org.create_account(Email=f"aws+{name}@example.com", AccountName=name, Tags=[
            {"Key": k, "Value": v} for k, v in tags.items()])["CreateAccountStatus"]
        cls.ids[name] = status["AccountId"]

    @classmethod
    def create_role(cls, account, name):
        creds = cls.moto.client("sts").assume_role(
            RoleArn=f"arn:aws:iam::{account}:role/OrganizationAccountAccessRole", RoleSessionName="setup")["Credentials"]
        iam = cls.moto.client("iam", aws_access_key_id=creds["AccessKeyId"],
                              aws_secret_access_key=creds["SecretAccessKey"], aws_session_token=creds["SessionToken"])
        iam.create_role(RoleName=name, Path="/foyer/", AssumeRolePolicyDocument=TRUST)

    def setUp(self):
        self.home = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.home, True)
        self.work = os.path.join(self.home, "org")
        os.makedirs(self.work)
        self.tree = os.path.join(self.work, "terraform")
        self.write_spec(["payments"])

    def write_spec(self, domains):
        with open(os.path.join(self.work, "foyer.toml"), "w") as f:
            f.write(SPEC.format(domains="".join(domain_table(d) for d in domains)))

    def foyer(self, args, **extra):
        env = self.moto.env(home=self.home, **extra)
        return subprocess.run([foyer_binary()] + args, env=env, cwd=self.work, capture_output=True, text=True,
                              timeout=120)

    def generate(self, *extra):
        result = self.foyer(["terraform", "generate", *extra])
        self.assertEqual(result.returncode, 0, result.stderr)
        return result

    def live_tags(self, account_id):
        return {t["Key"]: t["Value"] for t in self.org.list_tags_for_resource(ResourceId=account_id)["Tags"]}

    def expected_modules(self, domains):
        """label -> (account name, place, shared module) computed from the spec."""
        modules = {}
        accounts = [("deploy", "special/deploy", "modules/special/deploy")]
        accounts += [(f"{d}-production", f"{d}/production/default", f"modules/{d}") for d in domains]
        for name, folder, shared in accounts:
            for place in PLACES:
                modules[f"{folder}/{place}"] = (name, place, shared + ("/global" if place == "global" else "/regional"))
        return modules

    def check_module(self, label, account_name, place, shared, parsed):
        account_id = self.ids[account_name]
        folder = os.path.join(self.tree, "root-modules", label)
        role_arn = f"arn:aws:iam::{account_id}:role/foyer/Administrator"
        region = REGIONS[0] if place == "global" else place

        providers = parsed[os.path.join(folder, "providers.tf")]["provider"]["aws"]
        expected_regions = REGIONS if place == "global" else [place]
        self.assertEqual([p["region"] for p in providers], expected_regions)
        self.assertEqual([p.get("alias") for p in providers],
                         [None] + [r.replace("-", "_") for r in expected_regions[1:]])
        for provider in providers:
            # No assume_role: the injected session already is the role.
            self.assertEqual(set(provider), {"region", "allowed_account_ids", "default_tags"}
                             | ({"alias"} if "alias" in provider else set()))
            self.assertEqual(provider["allowed_account_ids"], [account_id])
            self.assertEqual(provider["default_tags"], [{"tags": self.live_tags(account_id)}])
        with open(os.path.join(folder, "providers.tf")) as f:
            comment = f.read().split("\nprovider ")[0]
        self.assertIn(f"# a session of {role_arn} that foyer injects\n", comment)
        self.assertIn(f"#   foyer terraform run {label} -- plan\n", comment)
        self.assertIn(f"#   foyer exec {account_name} --role Administrator -- terraform plan", comment)

        backend = parsed[os.path.join(folder, "backend.tf")]["terraform"][0]["backend"]["s3"][0]
        self.assertEqual(backend, {
            "bucket": f"foyer-tfstate-{self.ids['deploy']}-{region}",
            "key": f"{account_id}/{label}/terraform.tfstate",
            "region": region, "encrypt": True, "use_lockfile": True})

        versions = parsed[os.path.join(folder, "versions.tf")]["terraform"][0]
        self.assertEqual(versions["required_version"], ">= 1.10")
        self.assertEqual(versions["required_providers"], [{"aws": {"source": "hashicorp/aws", "version": ">= 5.0"}}])

        calls = parsed[os.path.join(folder, "main.tf")]["module"]
        (name, [call]), = calls.items()
        self.assertEqual(name, "global" if place == "global" else "regional")
        self.assertEqual(os.path.normpath(os.path.join(folder, call["source"])), os.path.join(self.tree, shared))

    def check_tree(self, domains):
        modules = self.expected_modules(domains)
        files = tree_files(self.tree)
        expected = {os.path.join("root-modules", label, name) for label in modules
                    for name in ("providers.tf", "backend.tf", "versions.tf", "main.tf")}
        expected |= {os.path.join(shared, "main.tf") for _, _, shared in modules.values()}
        self.assertEqual(set(files), expected)
        parsed = parse_hcl(sorted(os.path.join(self.tree, path) for path in files))
        for label, (account_name, place, shared) in modules.items():
            with self.subTest(module=label):
                self.check_module(label, account_name, place, shared, parsed)
        return files

    def test_generate_writes_valid_hcl_pointing_at_the_right_accounts_roles_and_state(self):
        result = self.generate()
        self.assertIn("account 'audit' does not exist yet", result.stderr)
        self.assertTrue(result.stdout.endswith("terraform: 6 root modules; 28 files created, 0 updated, 0 unchanged\n"),
                        result.stdout)
        files = self.check_tree(["payments"])
        for path, text in files.items():
            header = b"# generated by foyer" if not path.endswith("main.tf") else b"# Written once by"
            self.assertTrue(text.startswith(header), path)

    def test_regeneration_is_idempotent_adds_only_a_new_domain_and_keeps_user_edits(self):
        self.generate()
        before = tree_files(self.tree)
        mtimes = {p: os.stat(os.path.join(self.tree, p)).st_mtime_ns for p in before}
        again = self.generate()
        self.assertEqual(again.stdout, "terraform: 6 root modules; 0 files created, 0 updated, 28 unchanged\n")
        self.assertEqual(tree_files(self.tree), before)
        self.assertEqual({p: os.stat(os.path.join(self.tree, p)).st_mtime_ns for p in before}, mtimes)

        edited = os.path.join("root-modules", "payments", "production", "default", "us-east-1", "main.tf")
        user_text = before[edited] + b'\nresource "aws_sqs_queue" "orders" {\n  name = "orders"\n}\n'
        with open(os.path.join(self.tree, edited), "wb") as f:
            f.write(user_text)
        notes = os.path.join("root-modules", "payments", "production", "default", "global", "notes.tf")
        with open(os.path.join(self.tree, notes), "wb") as f:
            f.write(b"# mine\n")

        self.create_account("web-production", service_tags("web"))
        self.addCleanup(self.forget_account, "web-production")
        self.write_spec(["payments", "web"])
        self.generate("--refresh")
        after = tree_files(self.tree)
        self.assertEqual(after.pop(notes), b"# mine\n")
        self.assertEqual(after.pop(edited), user_text)
        added = {path for path in after if path not in before}
        self.assertEqual(added, {os.path.join("root-modules", "web", "production", "default", place, name)
                                 for place in PLACES
                                 for name in ("providers.tf", "backend.tf", "versions.tf", "main.tf")}
                         | {os.path.join("modules", "web", "global", "main.tf"),
                            os.path.join("modules", "web", "regional", "main.tf")})
        self.assertEqual({p: t for p, t in after.items() if p not in added},
                         {p: t for p, t in before.items() if p != edited})
        with open(os.path.join(self.tree, edited), "wb") as f:
            f.write(before[edited])
        os.remove(os.path.join(self.tree, notes))
        self.check_tree(["payments", "web"])

    def test_regeneration_removes_the_assume_role_blocks_of_an_older_tree_and_keeps_main_tf(self):
        self.generate()
        current = tree_files(self.tree)
        # A tree as earlier versions wrote it: every provider and the backend
        # assumed the module's role again.
        older = {}
        for path, text in current.items():
            if not path.endswith(("providers.tf", "backend.tf")):
                continue
            role_arn = f"arn:aws:iam::{self.account_in(path)}:role/foyer/Administrator".encode()
            if path.endswith("providers.tf"):
                older[path] = text.replace(b"\n\n  default_tags {", b'\n\n  assume_role {\n    role_arn = "'
                                           + role_arn + b'"\n  }\n\n  default_tags {')
            else:
                older[path] = text.replace(b"    use_lockfile = true\n", b'    use_lockfile = true\n\n'
                                           b'    assume_role {\n      role_arn = "' + role_arn + b'"\n    }\n')
        edited = os.path.join("root-modules", "payments", "production", "default", "global", "main.tf")
        older[edited] = current[edited] + b"# my edit\n"
        for path, text in older.items():
            self.assertNotEqual(text, current[path], path)
            with open(os.path.join(self.tree, path), "wb") as f:
                f.write(text)
        self.assertIn(b"assume_role", older[os.path.join("root-modules", "special", "deploy", "us-west-2",
                                                         "backend.tf")])

        result = self.generate()
        rewritten = sorted(p for p in older if p != edited)
        self.assertEqual(sorted(result.stdout.splitlines()[:-1]), [f"updated {p}" for p in rewritten])
        self.assertEqual(result.stdout.splitlines()[-1],
                         f"terraform: 6 root modules; 0 files created, {len(rewritten)} updated, "
                         f"{len(current) - len(rewritten)} unchanged")
        after = tree_files(self.tree)
        self.assertEqual(after.pop(edited), older[edited])
        self.assertEqual(after, {p: t for p, t in current.items() if p != edited})
        self.assertFalse(any(b"assume_role {" in text for text in after.values()))

    def account_in(self, path):
        """The account id of the root module holding `path`."""
        with open(os.path.join(self.tree, os.path.dirname(path), "providers.tf")) as f:
            return f.read().splitlines()[1].split()[3]

    def test_state_keys_are_writable_by_their_own_account_only(self):
        # moto cannot decide this: its bucket-policy check substitutes no
        # policy variables and reads no NotResource. The state bucket policy
        # is built here as test_guardrails reads it back from a foyer apply,
        # and each request is decided by `foyer simulate`.
        self.generate()
        parsed = parse_hcl([os.path.join(self.tree, "root-modules", label, "backend.tf")
                            for label in self.expected_modules(["payments"])])
        keys = {}
        for path, document in parsed.items():
            backend = document["terraform"][0]["backend"]["s3"][0]
            keys[os.path.relpath(os.path.dirname(path), os.path.join(self.tree, "root-modules"))] = backend
        payments = keys["payments/production/default/us-west-2"]
        deploy = keys["special/deploy/us-west-2"]
        self.assertEqual(payments["bucket"], deploy["bucket"])
        bucket = payments["bucket"]
        org_id = self.org.describe_organization()["Organization"]["Id"]
        policy = state_bucket_policy(bucket, org_id, self.ids["admin"])

        def decide(account, action, key):
            request = {"request": {
                "principal": f"arn:aws:sts::{account}:assumed-role/Administrator/alice@example.com",
                "action": action, "resource": f"arn:aws:s3:::{bucket}/{key}",
                "resource_account": self.ids["deploy"],
                "context": {"aws:PrincipalAccount": account, "aws:PrincipalOrgID": org_id,
                            "aws:SecureTransport": "true"}},
                "identity_policies": [{"Version": "2012-10-17", "Statement": [
                    {"Effect": "Allow", "Action": "*", "Resource": "*"}]}],
                "resource_policy": policy}
            result = subprocess.run([foyer_binary(), "simulate", "-"], input=json.dumps(request),
                                    capture_output=True, text=True, timeout=60)
            self.assertEqual(result.returncode, 0, result.stderr)
            return json.loads(result.stdout)["decision"]

        a, b, admin = self.ids["payments-production"], self.ids["deploy"], self.ids["admin"]
        for action in ("s3:PutObject", "s3:GetObject", "s3:DeleteObject"):
            with self.subTest(action=action):
                self.assertEqual(decide(a, action, payments["key"]), "allow")
                self.assertEqual(decide(a, action, payments["key"] + ".tflock"), "allow")
                self.assertEqual(decide(a, action, deploy["key"]), "explicit_deny")
                self.assertEqual(decide(b, action, deploy["key"]), "allow")
                self.assertEqual(decide(b, action, payments["key"]), "explicit_deny")
                self.assertEqual(decide(admin, action, f"{admin}/x/terraform.tfstate"), "explicit_deny")

    def forget_account(self, name):
        # Untag it, so that other tests of this class do not see a web account.
        self.org.untag_resource(ResourceId=self.ids.pop(name), TagKeys=list(service_tags("web")))

    # --- terraform run -------------------------------------------------------

    def prepare_run(self, fail=None):
        self.generate("--refresh")
        config = os.path.join(self.home, ".config", "foyer")
        os.makedirs(config)
        with open(os.path.join(config, "config.toml"), "w") as f:
            f.write(CLIENT_CONFIG.format(admin=self.ids["admin"]))
        bin_dir = os.path.join(self.home, "bin")
        os.makedirs(bin_dir)
        with open(os.path.join(bin_dir, "terraform"), "w") as f:
            f.write(STANDIN.format(python=sys.executable))
        os.chmod(os.path.join(bin_dir, "terraform"), 0o755)
        self.records = os.path.join(self.home, "records")
        os.makedirs(self.records)
        landing = self.moto.client("sts").assume_role(
            RoleArn=f"arn:aws:iam::{self.ids['admin']}:role/foyer/{GROUP}",
            RoleSessionName="alice@example.com")["Credentials"]
        return {"PATH": bin_dir + os.pathsep + os.environ.get("PATH", "/usr/bin:/bin"),
                "AWS_ACCESS_KEY_ID": landing["AccessKeyId"], "AWS_SECRET_ACCESS_KEY": landing["SecretAccessKey"],
                "AWS_SESSION_TOKEN": landing["SessionToken"], "STANDIN_RECORDS": self.records,
                "STANDIN_FAIL": fail}

    def run_records(self):
        records = []
        for name in os.listdir(self.records):
            if name.startswith("run-"):
                with open(os.path.join(self.records, name)) as f:
                    records.append(json.load(f))
        return sorted(records, key=lambda r: r["cwd"])

    def account_of(self, env):
        return self.moto.client("sts", aws_access_key_id=env["AWS_ACCESS_KEY_ID"],
                                aws_secret_access_key=env["AWS_SECRET_ACCESS_KEY"],
                                aws_session_token=env["AWS_SESSION_TOKEN"]).get_caller_identity()

    def test_run_all_runs_every_module_in_parallel_with_its_accounts_session_and_reports_a_failure(self):
        failing = "payments/production/default/us-west-2"
        env = self.prepare_run(fail=failing)
        result = self.foyer(["terraform", "run", "--all", "--parallel", "3", "--", "version"], **env)
        self.assertEqual(result.returncode, 1, result.stderr)

        modules = self.expected_modules(["payments"])
        records = self.run_records()
        root = os.path.realpath(os.path.join(self.tree, "root-modules"))
        self.assertEqual([os.path.relpath(r["cwd"], root) for r in records], sorted(modules))
        for record in records:
            label = os.path.relpath(record["cwd"], root)
            account_id = self.ids[modules[label][0]]
            with self.subTest(module=label):
                self.assertEqual(record["argv"], ["version"])
                identity = self.account_of(record["env"])
                self.assertEqual(identity["Account"], account_id)
                self.assertEqual(identity["Arn"],
                                 f"arn:aws:sts::{account_id}:assumed-role/Administrator/alice@example.com")
                self.assertEqual(record["env"]["AWS_REGION"], "us-east-1")
                self.assertEqual(record["env"]["FOYER_EXEC"], f"arn:aws:iam::{account_id}:role/foyer/Administrator")
                self.assertNotIn("AWS_PROFILE", record["env"])

        lines = result.stdout.splitlines()
        for label in modules:
            self.assertIn(f"[{label}] Terraform v0.0.0-standin", lines)
            self.assertIn(f"[{label}] on stderr", lines)
        summary = lines[lines.index("") + 1:]
        self.assertEqual(summary[0].split(), ["MODULE", "ACCOUNT", "RESULT", "EXIT"])
        rows = {row.split()[0]: row.split()[1:] for row in summary[1:]}
        for label, (account_name, _, _) in modules.items():
            outcome = ["failed", "1"] if label == failing else ["ok", "0"]
            self.assertEqual(rows[label], [account_name, f"({self.ids[account_name]})"] + outcome)
        self.assertEqual(len(rows), len(modules))

    def test_run_selected_targets_and_detailed_exitcode(self):
        env = self.prepare_run()
        result = self.foyer(["terraform", "run", "payments/production", "--", "plan", "-detailed-exitcode"], **env)
        self.assertEqual(result.returncode, 0, result.stderr)
        records = self.run_records()
        self.assertEqual(len(records), 3)
        for record in records:
            self.assertEqual(record["argv"], ["plan", "-detailed-exitcode"])
            self.assertEqual(self.account_of(record["env"])["Account"], self.ids["payments-production"])

    def test_run_refuses_unknown_targets_and_missing_arguments(self):
        env = self.prepare_run()
        unknown = self.foyer(["terraform", "run", "payments/prod", "--", "version"], **env)
        self.assertEqual(unknown.returncode, 2)
        self.assertIn("no root module matches 'payments/prod'", unknown.stderr)
        no_args = self.foyer(["terraform", "run", "--all"], **env)
        self.assertEqual(no_args.returncode, 2)
        self.assertIn("no Terraform arguments", no_args.stderr)
        self.assertEqual(self.run_records(), [])

    def test_fail_fast_starts_nothing_after_a_failure(self):
        env = self.prepare_run(fail="special/deploy/global")
        env["STANDIN_ALONE"] = "1"
        # One at a time, so that what has started when the failure is seen
        # does not depend on how fast each run is: with two at a time, the
        # modules after the failing one could all finish while it still runs.
        result = self.foyer(["terraform", "run", "--all", "--parallel", "1", "--fail-fast", "--", "version"], **env)
        self.assertEqual(result.returncode, 1, result.stderr)
        rows = {line.split()[0]: line.split()[-2] for line in result.stdout.splitlines()[-6:]}
        self.assertEqual(rows, {"payments/production/default/global": "ok",
                                "payments/production/default/us-east-1": "ok",
                                "payments/production/default/us-west-2": "ok",
                                "special/deploy/global": "failed",
                                "special/deploy/us-east-1": "skipped",
                                "special/deploy/us-west-2": "skipped"})
        self.assertEqual(len(self.run_records()), 4)

if __name__ == "__main__":
    unittest.main()
