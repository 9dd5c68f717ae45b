"""foyer credential-process, assume and exec against moto.

An organization in moto with an admin account holding the landing role
foyer/sre and a target account holding foyer/Administrator. The landing
session comes from boto3 (sts.assume_role of the landing role) and reaches
foyer through the environment; every result is read back with boto3 or the
AWS CLI. STS calls go through the fault proxy, whose log counts them.
"""
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
import unittest
from concurrent.futures import ThreadPoolExecutor

from e2e.fault_proxy import FaultProxy
from e2e.moto import MotoServer, foyer_binary

GROUP = "sre"
TRUST = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["sts:AssumeRole", "sts:SetSourceIdentity"]}]})


class AssumeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.moto = MotoServer().__enter__()
        cls.proxy = FaultProxy(cls.moto.url).__enter__()
        orgs = cls.moto.client("organizations")
        orgs.create_organization(FeatureSet="ALL")
        cls.admin = cls.create_account(orgs, "admin")
        cls.target = cls.create_account(orgs, "payments-production")
        cls.create_role(cls.admin, GROUP)
        cls.create_role(cls.target, "Administrator")
        cls.create_role(cls.admin, "Administrator")
        orgs.tag_resource(ResourceId=cls.target, Tags=[
            {"Key": "foyer:kind", "Value": "service"}, {"Key": "foyer:domain", "Value": "payments"},
            {"Key": "foyer:environment", "Value": "production"}, {"Key": "foyer:quality", "Value": "default"}])

    @classmethod
    def tearDownClass(cls):
        cls.proxy.__exit__(None, None, None)
        cls.moto.__exit__(None, None, None)

    @classmethod
    def create_account(cls, orgs, name):
        status = orgs.create_account(AccountName=name, Email=f"{name}@example.com")["CreateAccountStatus"]
        return status["AccountId"]

    @classmethod
    def client_in(cls, account, service):
        creds = cls.moto.client("sts").assume_role(
            RoleArn=f"arn:aws:iam::{account}:role/OrganizationAccountAccessRole",
            RoleSessionName="setup")["Credentials"]
        return cls.moto.client(service, aws_access_key_id=creds["AccessKeyId"],
                               aws_secret_access_key=creds["SecretAccessKey"],
                               aws_session_token=creds["SessionToken"])

    @classmethod
    def create_role(cls, account, name):
        cls.client_in(account, "iam").create_role(RoleName=name, Path="/foyer/", AssumeRolePolicyDocument=TRUST)

    def setUp(self):
        self.home = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.home, True)
        landing = self.moto.client("sts").assume_role(
            RoleArn=f"arn:aws:iam::{self.admin}:role/foyer/{GROUP}", RoleSessionName="alice@example.com")
        creds = landing["Credentials"]
        self.landing_env = {"AWS_ACCESS_KEY_ID": creds["AccessKeyId"],
                            "AWS_SECRET_ACCESS_KEY": creds["SecretAccessKey"],
                            "AWS_SESSION_TOKEN": creds["SessionToken"]}
        configure = self.foyer(["configure", "--org", "acme", "--admin-account", self.admin,
                                "--regions", "us-east-1,us-west-2", "--method", "oidc", "--group", GROUP,
                                "--oidc-issuer", "https://idp.example.com", "--oidc-client-id", "foyer"])
        self.assertEqual(configure.returncode, 0, configure.stderr)
        self.proxy.clear_log()

    def env(self, credentials=True, **extra):
        env = self.moto.env(home=self.home, AWS_ENDPOINT_URL=self.proxy.url)
        for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
            env.pop(name)
        if credentials:
            env.update(self.landing_env)
        env.update(extra)
        return env

    def foyer(self, args, credentials=True, **extra):
        return subprocess.run([foyer_binary()] + args, env=self.env(credentials, **extra), capture_output=True,
                              text=True, timeout=120)

    def caller_with(self, access_key, secret, token):
        return self.moto.client("sts", aws_access_key_id=access_key, aws_secret_access_key=secret,
                                aws_session_token=token).get_caller_identity()

    def assert_target_session(self, arn):
        self.assertEqual(arn, f"arn:aws:sts::{self.target}:assumed-role/Administrator/alice@example.com")

    def credential_process(self, credentials=True, extra_args=()):
        return self.foyer(["credential-process", self.target, "--role", "Administrator", *extra_args],
                          credentials=credentials)

    def entry_path(self):
        key = f"target/acme/{self.target}/Administrator/from/{GROUP}"
        digest = hashlib.sha256(key.encode()).hexdigest()
        return os.path.join(self.home, ".local", "state", "foyer", "credentials", digest + ".cred")

    def test_credential_process_prints_a_working_session_and_caches_it(self):
        first = self.credential_process()
        self.assertEqual(first.returncode, 0, first.stderr)
        printed = json.loads(first.stdout)
        self.assertEqual(list(printed), ["Version", "AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"])
        self.assertEqual(printed["Version"], 1)
        identity = self.caller_with(printed["AccessKeyId"], printed["SecretAccessKey"], printed["SessionToken"])
        self.assertEqual(identity["Account"], self.target)
        self.assert_target_session(identity["Arn"])
        self.assertEqual(len(self.proxy.actions("AssumeRole")), 1)

        # Warm: no credentials in the environment, served from the cache, no AWS call.
        self.proxy.clear_log()
        second = self.credential_process(credentials=False)
        self.assertEqual(second.returncode, 0, second.stderr)
        self.assertEqual(json.loads(second.stdout), printed)
        self.assertEqual(self.proxy.log(), [])

    def test_each_issuance_is_logged_without_secrets_and_cache_hits_are_not(self):
        first = self.credential_process()
        self.assertEqual(first.returncode, 0, first.stderr)
        self.assertEqual(self.credential_process().returncode, 0)
        printed = json.loads(first.stdout)
        database = os.path.join(self.home, ".local", "state", "foyer", "issuance.db")
        with sqlite3.connect(database) as db:
            rows = db.execute("SELECT principal, target_account, role_arn, access_key_id, method "
                              "FROM issuances").fetchall()
            dump = "\n".join(db.iterdump())
        self.assertEqual(rows, [(f"arn:aws:sts::{self.admin}:assumed-role/{GROUP}/alice@example.com", self.target,
                                 f"arn:aws:iam::{self.target}:role/foyer/Administrator", printed["AccessKeyId"],
                                 "assume-role")])
        self.assertNotIn(printed["SecretAccessKey"], dump)
        self.assertNotIn(printed["SessionToken"], dump)

    def test_aws_cli_profile_with_credential_process(self):
        config = os.path.join(self.home, "aws-config")
        with open(config, "w") as out:
            out.write(f"[profile target]\ncredential_process = {foyer_binary()} credential-process "
                      f"{self.target} --role Administrator\nregion = us-east-1\n")
        env = self.env(AWS_CONFIG_FILE=config, AWS_PROFILE="target")
        for name in self.landing_env:
            env.pop(name)
        self.assertEqual(self.credential_process().returncode, 0)  # caches from the environment
        cli = subprocess.run(["aws", "sts", "get-caller-identity", "--output", "json"], env=env,
                             capture_output=True, text=True, timeout=120)
        self.assertEqual(cli.returncode, 0, cli.stderr)
        self.assert_target_session(json.loads(cli.stdout)["Arn"])

    def test_exec_runs_the_command_in_the_target_account(self):
        run = self.foyer(["exec", self.target, "--", "aws", "sts", "get-caller-identity", "--output", "json"],
                         AWS_PROFILE="nonexistent")
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assert_target_session(json.loads(run.stdout)["Arn"])

    def test_exec_passes_the_exit_status_through(self):
        run = self.foyer(["exec", self.target, "--", "sh", "-c", "exit 7"])
        self.assertEqual(run.returncode, 7, run.stderr)

    def test_exec_passes_a_terminating_signal_through(self):
        run = self.foyer(["exec", self.target, "--", "sh", "-c", "kill -TERM $$"])
        self.assertEqual(run.returncode, -15, run.stderr)

    def test_exec_of_a_missing_command_fails_naming_it(self):
        run = self.foyer(["exec", self.target, "--", "no-such-command-here"])
        self.assertEqual(run.returncode, 1)
        self.assertIn("could not run 'no-such-command-here'", run.stderr)

    def test_exec_refuses_to_nest_without_nested(self):
        nested = self.foyer(["exec", self.target, "--", "true"], FOYER_EXEC="arn:outer")
        self.assertEqual(nested.returncode, 2)
        self.assertIn("--nested", nested.stderr)
        allowed = self.foyer(["exec", self.target, "--nested", "--", "true"], FOYER_EXEC="arn:outer")
        self.assertEqual(allowed.returncode, 0, allowed.stderr)

    def test_assume_sh_output_evaluated_in_sh(self):
        run = self.foyer(["assume", self.target, "--format", "sh"])
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertTrue(run.stdout.startswith("export AWS_ACCESS_KEY_ID='"), run.stdout)
        env = {"PATH": os.environ["PATH"], "AWS_ENDPOINT_URL": self.moto.url, "HOME": self.home,
               "AWS_CONFIG_FILE": "/nonexistent/config", "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/c"}
        shell = subprocess.run(["sh", "-c", run.stdout + 'aws sts get-caller-identity --output json && '
                                'printf "%s" "$AWS_REGION"'], env=env, capture_output=True, text=True, timeout=120)
        self.assertEqual(shell.returncode, 0, shell.stderr)
        self.assertTrue(shell.stdout.endswith("}\nus-east-1"), shell.stdout)
        self.assert_target_session(json.loads(shell.stdout[:shell.stdout.rindex("}") + 1])["Arn"])

    def test_twenty_concurrent_cold_calls_make_one_assume_role(self):
        with ThreadPoolExecutor(20) as pool:
            runs = list(pool.map(lambda _: self.credential_process(), range(20)))
        for run in runs:
            self.assertEqual(run.returncode, 0, run.stderr)
        self.assertEqual(len({json.loads(run.stdout)["AccessKeyId"] for run in runs}), 1)
        self.assertEqual(len(self.proxy.actions("AssumeRole")), 1)

    def test_corrupted_cache_entry_is_fetched_again(self):
        first = self.credential_process()
        self.assertEqual(first.returncode, 0, first.stderr)
        with open(self.entry_path(), "w") as entry:
            entry.write("garbage\n")
        self.proxy.clear_log()
        second = self.credential_process()
        self.assertEqual(second.returncode, 0, second.stderr)
        self.assertEqual(len(self.proxy.actions("AssumeRole")), 1)
        printed = json.loads(second.stdout)
        identity = self.caller_with(printed["AccessKeyId"], printed["SecretAccessKey"], printed["SessionToken"])
        self.assert_target_session(identity["Arn"])

    def test_no_cache_asks_sts_every_time(self):
        self.assertEqual(self.credential_process().returncode, 0)
        self.proxy.clear_log()
        again = self.credential_process(extra_args=["--no-cache"])
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertEqual(len(self.proxy.actions("AssumeRole")), 1)

    def test_no_credentials_and_nothing_cached_is_exit_3(self):
        run = self.credential_process(credentials=False)
        self.assertEqual(run.returncode, 3, run.stderr)
        self.assertIn("foyer login", run.stderr)
        self.assertEqual(run.stdout, "")
        self.assertEqual(self.proxy.actions("AssumeRole"), [])

    def test_environment_credentials_of_another_identity_are_refused(self):
        run = self.foyer(["credential-process", self.target], credentials=False,
                         AWS_ACCESS_KEY_ID="AKIAIOSFODNN7EXAMPLE",
                         AWS_SECRET_ACCESS_KEY="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
        self.assertEqual(run.returncode, 3, run.stderr)
        self.assertIn("not a session of the landing role", run.stderr)
        self.assertEqual(self.proxy.actions("AssumeRole"), [])

    def test_unknown_name_without_inventory_says_to_refresh(self):
        run = self.foyer(["credential-process", "payments-production"])
        self.assertEqual(run.returncode, 2, run.stderr)
        self.assertIn("foyer accounts --refresh", run.stderr)

    def test_names_resolve_through_the_inventory_of_foyer_accounts(self):
        management = self.moto.client("organizations").describe_organization()["Organization"]["MasterAccountId"]
        self.assertEqual(self.foyer(["configure", "--org", "acme", "--management-account", management]).returncode, 0)
        management_env = {"AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE",
                          "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AWS_SESSION_TOKEN": None}
        env = {k: v for k, v in self.env(**management_env).items() if v is not None}
        accounts = subprocess.run([foyer_binary(), "accounts", "--refresh"], env=env, capture_output=True,
                                  text=True, timeout=120)
        self.assertEqual(accounts.returncode, 0, accounts.stderr)
        for target in ("payments-production", "payments/production", "payments/production/default"):
            run = self.foyer(["credential-process", target])
            self.assertEqual(run.returncode, 0, f"{target}: {run.stderr}")
            printed = json.loads(run.stdout)
            identity = self.caller_with(printed["AccessKeyId"], printed["SecretAccessKey"], printed["SessionToken"])
            self.assert_target_session(identity["Arn"])
        typo = self.foyer(["credential-process", "payments-prodution"])
        self.assertEqual(typo.returncode, 2)
        self.assertIn("did you mean 'payments-production'", typo.stderr)

    def test_admin_target_resolves_from_the_client_config(self):
        run = self.foyer(["credential-process", "admin"])
        self.assertEqual(run.returncode, 0, run.stderr)
        printed = json.loads(run.stdout)
        identity = self.caller_with(printed["AccessKeyId"], printed["SecretAccessKey"], printed["SessionToken"])
        self.assertEqual(identity["Arn"], f"arn:aws:sts::{self.admin}:assumed-role/Administrator/alice@example.com")


    # `foyer` is a small front end that answers a warm credential-process
    # from the cache by itself and runs `foyer-cli` beside it for everything
    # else (src/front_end). A copy of the front end alone in a folder cannot
    # reach `foyer-cli`: what it answers, it answered by itself.

    def lone_front_end(self):
        folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, folder, True)
        path = os.path.join(folder, "foyer")
        shutil.copy2(foyer_binary(), path)
        return path

    def run_binary(self, binary, args, credentials=True, **extra):
        return subprocess.run([binary] + args, env=self.env(credentials, **extra), capture_output=True,
                              text=True, timeout=120)

    def warm(self):
        first = self.credential_process()
        self.assertEqual(first.returncode, 0, first.stderr)
        self.proxy.clear_log()
        return first.stdout

    def test_the_front_end_alone_answers_a_warm_call_byte_for_byte_like_the_full_program(self):
        printed = self.warm()
        args = ["credential-process", self.target, "--role=Administrator"]
        alone = self.run_binary(self.lone_front_end(), args, credentials=False)
        self.assertEqual(alone.returncode, 0, alone.stderr)
        full = self.run_binary(os.path.join(os.path.dirname(foyer_binary()), "foyer-cli"), args, credentials=False)
        self.assertEqual(full.returncode, 0, full.stderr)
        self.assertEqual(alone.stdout, printed)
        self.assertEqual(full.stdout, printed)
        self.assertEqual(self.proxy.log(), [])

    def test_everything_the_front_end_does_not_answer_goes_to_the_full_program(self):
        self.warm()
        lone = self.lone_front_end()
        for args, extra in [(["credential-process", self.target, "--role", "Administrator", "--no-cache"], {}),
                            (["credential-process", self.target, "--role", "Administrator"],
                             {"FOYER_REFRESH_WINDOW_SECONDS": "3700"}),
                            (["credential-process", self.target, "--role", "Auditor"], {}),
                            (["--version"], {})]:
            run = self.run_binary(lone, args, **extra)
            self.assertEqual(run.returncode, 1, args)
            self.assertIn("the installation is incomplete", run.stderr)
            self.assertIn("foyer-cli", run.stderr)
            self.assertEqual(run.stdout, "")

    def test_an_entry_inside_the_refresh_window_is_renewed_by_the_full_program(self):
        printed = json.loads(self.warm())
        renewed = self.foyer(["credential-process", self.target, "--role", "Administrator"],
                             FOYER_REFRESH_WINDOW_SECONDS="3700")
        self.assertEqual(renewed.returncode, 0, renewed.stderr)
        self.assertNotEqual(json.loads(renewed.stdout)["AccessKeyId"], printed["AccessKeyId"])
        self.assertEqual(len(self.proxy.actions("AssumeRole")), 1)

    def test_the_front_end_loads_none_of_the_network_or_keyring_libraries(self):
        dynamic = subprocess.run(["readelf", "-d", foyer_binary()], capture_output=True, text=True, check=True)
        needed = [line.split("[")[1].rstrip("]") for line in dynamic.stdout.splitlines() if "(NEEDED)" in line]
        self.assertIn("libc.so.6", needed)
        for heavy in ("libcurl", "libxmlsec1", "libxml2", "libsecret", "libglib", "libgio", "libqrencode",
                      "libssl", "libcrypto", "libgnutls"):
            self.assertFalse([name for name in needed if name.startswith(heavy)], (heavy, needed))


if __name__ == "__main__":
    unittest.main()
