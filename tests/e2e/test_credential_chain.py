"""Every kind of AWS profile, resolved by foyer and by the AWS CLI (or
boto3), must come out as the same identity in moto.

For each kind the test writes config files into a scratch HOME, runs
`aws sts get-caller-identity --profile P` and `foyer whoami --profile P
--format json` with the same environment, and compares Account, Arn and
UserId. Identity Center profiles go through the fake SSO service, which mints
real moto credentials for a fixed session name, so both tools land on the
same assumed-role ARN.
"""
import hashlib
import http.server
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import unittest
from datetime import datetime, timedelta, timezone

import boto3

from e2e.moto import MotoServer, foyer_binary
from fakes.sso_server import FakeSso

START_URL = "https://corp.awsapps.com/start"


def iso(when):
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


class CredentialChainTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.moto = MotoServer().__enter__()
        cls.sso = FakeSso(moto_url=cls.moto.url).__enter__()
        org = cls.moto.client("organizations")
        org.create_organization(FeatureSet="ALL")
        cls.management = cls.moto.client("sts").get_caller_identity()["Account"]
        created = org.create_account(Email="target@example.com", AccountName="target")
        cls.target = created["CreateAccountStatus"]["AccountId"]
        iam = cls.moto.client("iam")
        iam.create_user(UserName="alice")
        key = iam.create_access_key(UserName="alice")["AccessKey"]
        cls.alice_key, cls.alice_secret = key["AccessKeyId"], key["SecretAccessKey"]
        trust = json.dumps({"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{cls.management}:root"},
            "Action": "sts:AssumeRole"}]})
        cls.hop_role = iam.create_role(RoleName="hop", AssumeRolePolicyDocument=trust)["Role"]["Arn"]
        cls.sso.assign(cls.target, "Admins")

    @classmethod
    def tearDownClass(cls):
        cls.sso.__exit__(None, None, None)
        cls.moto.__exit__(None, None, None)

    def setUp(self):
        self.home = tempfile.mkdtemp(prefix="foyer-chain-")
        os.makedirs(os.path.join(self.home, ".aws"))

    def tearDown(self):
        shutil.rmtree(self.home, ignore_errors=True)

    # ---- helpers ------------------------------------------------------------------

    def write(self, relative, text):
        path = os.path.join(self.home, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
        return path

    def env(self, **overrides):
        env = self.moto.env(home=self.home)
        for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
            env.pop(name)
        env["AWS_CONFIG_FILE"] = os.path.join(self.home, ".aws", "config")
        env["AWS_SHARED_CREDENTIALS_FILE"] = os.path.join(self.home, ".aws", "credentials")
        env["AWS_DEFAULT_REGION"] = "us-east-1"  # the CLI v1 does not read AWS_REGION
        env["AWS_ENDPOINT_URL_SSO"] = self.sso.url
        env["AWS_ENDPOINT_URL_SSO_OIDC"] = self.sso.url
        env.update(overrides)
        return {k: v for k, v in env.items() if v is not None}

    def run_foyer(self, profile=None, **env):
        args = [foyer_binary(), "whoami", "--format", "json"]
        if profile:
            args += ["--profile", profile]
        return subprocess.run(args, env=self.env(**env), capture_output=True, text=True, timeout=60)

    def run_aws(self, profile=None, **env):
        args = ["aws", "sts", "get-caller-identity", "--output", "json"]
        if profile:
            args += ["--profile", profile]
        return subprocess.run(args, env=self.env(**env), capture_output=True, text=True, timeout=60)

    def identity(self, result, tool):
        self.assertEqual(result.returncode, 0, f"{tool} failed: {result.stderr}")
        body = json.loads(result.stdout)
        return {k: body[k] for k in ("Account", "Arn", "UserId")}

    def assert_same_identity(self, expected_arn, profile=None, **env):
        ours = self.identity(self.run_foyer(profile, **env), "foyer")
        theirs = self.identity(self.run_aws(profile, **env), "aws")
        self.assertEqual(ours, theirs)
        self.assertEqual(ours["Arn"], expected_arn)
        return ours

    def alice_arn(self):
        return f"arn:aws:iam::{self.management}:user/alice"

    def sso_token(self):
        """A real token of the fake SSO, obtained through its device flow."""
        oidc = boto3.client("sso-oidc", region_name="us-east-1", endpoint_url=self.sso.url,
                            aws_access_key_id="x", aws_secret_access_key="x")
        client = oidc.register_client(clientName="test", clientType="public")
        device = oidc.start_device_authorization(clientId=client["clientId"],
                                                 clientSecret=client["clientSecret"], startUrl=START_URL)
        token = oidc.create_token(clientId=client["clientId"], clientSecret=client["clientSecret"],
                                  grantType="urn:ietf:params:oauth:grant-type:device_code",
                                  deviceCode=device["deviceCode"])
        return client, token

    def write_sso_cache(self, name, client, token, expires_at):
        cache = {"startUrl": START_URL, "region": "us-east-1", "accessToken": token["accessToken"],
                 "expiresAt": iso(expires_at), "clientId": client["clientId"],
                 "clientSecret": client["clientSecret"],
                 "registrationExpiresAt": iso(datetime.now(timezone.utc) + timedelta(days=90)),
                 "refreshToken": token["refreshToken"]}
        key = hashlib.sha1(name.encode()).hexdigest()
        return self.write(f".aws/sso/cache/{key}.json", json.dumps(cache))

    # ---- one test per kind of profile -----------------------------------------------

    def test_environment_keys(self):
        self.assert_same_identity(self.alice_arn(), AWS_ACCESS_KEY_ID=self.alice_key,
                                  AWS_SECRET_ACCESS_KEY=self.alice_secret)

    def test_static_keys_in_credentials_file(self):
        self.write(".aws/credentials", f"[keys]\naws_access_key_id = {self.alice_key}\n"
                                       f"aws_secret_access_key = {self.alice_secret}\n")
        self.assert_same_identity(self.alice_arn(), "keys")

    def test_static_keys_in_config_file(self):
        self.write(".aws/config", f"[profile keys]\naws_access_key_id = {self.alice_key}\n"
                                  f"aws_secret_access_key = {self.alice_secret}\n")
        self.assert_same_identity(self.alice_arn(), "keys")

    def test_two_hop_source_profile_chain_into_another_account(self):
        self.write(".aws/credentials", f"[base]\naws_access_key_id = {self.alice_key}\n"
                                       f"aws_secret_access_key = {self.alice_secret}\n")
        self.write(".aws/config",
                   f"[profile hop]\nrole_arn = {self.hop_role}\nsource_profile = base\n"
                   f"role_session_name = hop-session\n"
                   f"[profile target]\nrole_arn = arn:aws:iam::{self.target}:role/OrganizationAccountAccessRole\n"
                   f"source_profile = hop\nrole_session_name = target-session\n")
        ours = self.assert_same_identity(
            f"arn:aws:sts::{self.target}:assumed-role/OrganizationAccountAccessRole/target-session", "target")
        self.assertEqual(ours["Account"], self.target)
        self.assertTrue(ours["UserId"].endswith(":target-session"))

    def test_credential_source_environment(self):
        self.write(".aws/config", f"[profile fromenv]\nrole_arn = {self.hop_role}\n"
                                  f"credential_source = Environment\nrole_session_name = env-session\n")
        self.assert_same_identity(f"arn:aws:sts::{self.management}:assumed-role/hop/env-session", "fromenv",
                                  AWS_ACCESS_KEY_ID=self.alice_key, AWS_SECRET_ACCESS_KEY=self.alice_secret)

    def test_credential_process(self):
        script = self.write("bin/print creds.py",
                            "import json\nprint(json.dumps({'Version': 1, 'AccessKeyId': %r, "
                            "'SecretAccessKey': %r}))\n" % (self.alice_key, self.alice_secret))
        self.write(".aws/config", f"[profile proc]\ncredential_process = {sys.executable} \"{script}\"\n")
        self.assert_same_identity(self.alice_arn(), "proc")

    def test_web_identity_token_file(self):
        token = self.write("token.jwt", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2ln")
        self.write(".aws/config", f"[profile ci]\nweb_identity_token_file = {token}\n"
                                  f"role_arn = {self.hop_role}\nrole_session_name = ci-run\n")
        self.assert_same_identity(f"arn:aws:sts::{self.management}:assumed-role/hop/ci-run", "ci")

    def test_web_identity_from_environment(self):
        token = self.write("token.jwt", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2ln")
        self.assert_same_identity(f"arn:aws:sts::{self.management}:assumed-role/hop/env-ci",
                                  AWS_WEB_IDENTITY_TOKEN_FILE=token, AWS_ROLE_ARN=self.hop_role,
                                  AWS_ROLE_SESSION_NAME="env-ci")

    def sso_config(self):
        self.write(".aws/config",
                   f"[profile sso]\nsso_session = corp\nsso_account_id = {self.target}\n"
                   f"sso_role_name = Admins\n"
                   f"[sso-session corp]\nsso_start_url = {START_URL}\nsso_region = us-east-1\n"
                   f"[profile legacy]\nsso_start_url = {START_URL}\nsso_region = us-east-1\n"
                   f"sso_account_id = {self.target}\nsso_role_name = Admins\n")

    def reserved_role_session_arn(self):
        return (f"arn:aws:sts::{self.target}:assumed-role/"
                f"{FakeSso.reserved_role_name('Admins')}/{self.sso.user_name}")

    def test_sso_session_profile(self):
        self.sso_config()
        client, token = self.sso_token()
        self.write_sso_cache("corp", client, token, datetime.now(timezone.utc) + timedelta(hours=1))
        self.assert_same_identity(self.reserved_role_session_arn(), "sso")

    def test_legacy_sso_profile(self):
        self.sso_config()
        client, token = self.sso_token()
        self.write_sso_cache(START_URL, client, token, datetime.now(timezone.utc) + timedelta(hours=1))
        self.assert_same_identity(self.reserved_role_session_arn(), "legacy")

    def test_expired_sso_token_is_refreshed_and_the_cli_reads_the_new_file(self):
        self.sso_config()
        client, token = self.sso_token()
        path = self.write_sso_cache("corp", client, token, datetime.now(timezone.utc) - timedelta(minutes=5))
        ours = self.identity(self.run_foyer("sso"), "foyer")
        self.assertEqual(ours["Arn"], self.reserved_role_session_arn())
        with open(path) as f:
            rewritten = json.load(f)
        self.assertNotEqual(rewritten["accessToken"], token["accessToken"])
        self.assertNotEqual(rewritten["refreshToken"], token["refreshToken"])
        self.assertEqual(rewritten["clientId"], client["clientId"])
        self.assertGreater(datetime.strptime(rewritten["expiresAt"], "%Y-%m-%dT%H:%M:%SZ")
                           .replace(tzinfo=timezone.utc), datetime.now(timezone.utc))
        self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)
        self.assertEqual(len(self.sso.requests_to("/token")), 2)
        # The CLI takes the rewritten file as its own: no refresh needed.
        theirs = self.identity(self.run_aws("sso"), "aws")
        self.assertEqual(ours, theirs)
        self.assertEqual(len(self.sso.requests_to("/token")), 2)

    def test_container_credentials_endpoint(self):
        alice = (self.alice_key, self.alice_secret)
        seen = []

        class Endpoint(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                seen.append(self.headers.get("Authorization"))
                body = json.dumps({"AccessKeyId": alice[0], "SecretAccessKey": alice[1],
                                   "Token": "unused-by-moto",
                                   "Expiration": iso(datetime.now(timezone.utc) + timedelta(hours=1))})
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(body.encode())

            def log_message(self, *args):
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Endpoint)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            self.assert_same_identity(
                self.alice_arn(),
                AWS_CONTAINER_CREDENTIALS_FULL_URI=f"http://127.0.0.1:{server.server_port}/creds",
                AWS_CONTAINER_AUTHORIZATION_TOKEN="Bearer e2e")
        finally:
            server.shutdown()
            server.server_close()
        self.assertEqual(seen, ["Bearer e2e", "Bearer e2e"])

    # ---- failures -----------------------------------------------------------------

    def test_expired_sso_token_without_refresh_needs_login(self):
        self.sso_config()
        self.write(".aws/sso/cache/" + hashlib.sha1(b"corp").hexdigest() + ".json",
                   json.dumps({"accessToken": "at-gone", "expiresAt": "2020-01-01T00:00:00Z"}))
        done = self.run_foyer("sso")
        self.assertEqual(done.returncode, 3, done.stderr)
        self.assertIn("the SSO token for corp expired at 2020-01-01T00:00:00Z; run `aws sso login` "
                      "or `foyer login`", done.stderr)

    def test_malformed_config_names_file_and_line(self):
        config = self.write(".aws/config", "[default]\nregion = us-east-1\naws_secret_access_key hunter2\n")
        done = self.run_foyer(AWS_ACCESS_KEY_ID=self.alice_key, AWS_SECRET_ACCESS_KEY=self.alice_secret)
        self.assertEqual(done.returncode, 1)
        self.assertIn(f"{config}:3: ", done.stderr)
        self.assertNotIn("hunter2", done.stderr)
        self.assertNotEqual(self.run_aws().returncode, 0)

    def test_source_profile_loop_is_named(self):
        self.write(".aws/config", f"[profile a]\nrole_arn = {self.hop_role}\nsource_profile = b\n"
                                  f"[profile b]\nrole_arn = {self.hop_role}\nsource_profile = a\n")
        done = self.run_foyer("a")
        self.assertEqual(done.returncode, 1)
        self.assertIn("profile a: source_profile b: source_profile loop: a -> b -> a", done.stderr)
        self.assertNotEqual(self.run_aws("a").returncode, 0)

    def test_failing_credential_process_shows_its_stderr_not_its_stdout(self):
        script = self.write("bin/fail.sh", "echo '{\"SecretAccessKey\": \"hunter2\"}'\n"
                                           "echo 'token expired, log in again' >&2\nexit 4\n")
        self.write(".aws/config", f"[profile proc]\ncredential_process = sh {script}\n")
        done = self.run_foyer("proc")
        self.assertEqual(done.returncode, 1)
        self.assertIn("profile proc: credential_process exited with status 4: token expired, log in again",
                      done.stderr)
        self.assertNotIn("hunter2", done.stderr)


if __name__ == "__main__":
    unittest.main()
