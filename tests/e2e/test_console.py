"""foyer console against moto and a fake federation endpoint.

The fake stands in for signin.aws.amazon.com/federation (reached through
FOYER_FEDERATION_ENDPOINT, which foyer accepts only as a loopback http URL):
it records each getSigninToken request and answers with a sign-in token. The
test checks the exact Session JSON it receives against the session foyer
caches, the exact URL printed or handed to the browser, and that hostile
destinations are refused before anything is asked of anyone.
"""
import json
import os
import shutil
import subprocess
import tempfile
import threading
import unittest
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from e2e.moto import MotoServer, foyer_binary

GROUP = "sre"
TOKEN = "fake-sign-in/token+1"
TRUST = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["sts:AssumeRole", "sts:SetSourceIdentity"]}]})


class FakeFederation(BaseHTTPRequestHandler):
    received = []

    def do_GET(self):
        FakeFederation.received.append(self.path)
        body = json.dumps({"SigninToken": TOKEN}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class ConsoleTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.moto = MotoServer().__enter__()
        orgs = cls.moto.client("organizations")
        orgs.create_organization(FeatureSet="ALL")
        cls.admin = orgs.create_account(AccountName="admin", Email="admin@example.com")[
            "CreateAccountStatus"]["AccountId"]
        cls.target = orgs.create_account(AccountName="payments-production", Email="p@example.com")[
            "CreateAccountStatus"]["AccountId"]
        for account, role in ((cls.admin, GROUP), (cls.target, "Administrator")):
            creds = cls.moto.client("sts").assume_role(
                RoleArn=f"arn:aws:iam::{account}:role/OrganizationAccountAccessRole",
                RoleSessionName="setup")["Credentials"]
            cls.moto.client("iam", aws_access_key_id=creds["AccessKeyId"],
                            aws_secret_access_key=creds["SecretAccessKey"],
                            aws_session_token=creds["SessionToken"]).create_role(
                RoleName=role, Path="/foyer/", AssumeRolePolicyDocument=TRUST)
        cls.federation = ThreadingHTTPServer(("127.0.0.1", 0), FakeFederation)
        threading.Thread(target=cls.federation.serve_forever, daemon=True).start()
        cls.federation_url = f"http://127.0.0.1:{cls.federation.server_address[1]}/federation"

    @classmethod
    def tearDownClass(cls):
        cls.federation.shutdown()
        cls.federation.server_close()
        cls.moto.__exit__(None, None, None)

    def setUp(self):
        self.home = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.home, True)
        FakeFederation.received.clear()
        landing = self.moto.client("sts").assume_role(
            RoleArn=f"arn:aws:iam::{self.admin}:role/foyer/{GROUP}", RoleSessionName="alice@example.com")
        creds = landing["Credentials"]
        self.landing_env = {"AWS_ACCESS_KEY_ID": creds["AccessKeyId"],
                            "AWS_SECRET_ACCESS_KEY": creds["SecretAccessKey"],
                            "AWS_SESSION_TOKEN": creds["SessionToken"]}
        self.check(self.foyer(["configure", "--org", "acme", "--admin-account", self.admin,
                               "--regions", "us-west-2,us-east-1", "--method", "oidc", "--group", GROUP,
                               "--oidc-issuer", "https://idp.example.com", "--oidc-client-id", "foyer"]))

    def check(self, run):
        self.assertEqual(run.returncode, 0, run.stderr)
        return run

    def foyer(self, args, **extra):
        env = self.moto.env(home=self.home, FOYER_FEDERATION_ENDPOINT=self.federation_url)
        env.update(self.landing_env)
        env.update(extra)
        return subprocess.run([foyer_binary()] + args, env=env, capture_output=True, text=True, timeout=120)

    def cached_session(self):
        return json.loads(self.check(self.foyer(["credential-process", self.target])).stdout)

    def login_url(self, destination):
        return (f"{self.federation_url}?Action=login&Issuer=foyer&Destination="
                f"{urllib.parse.quote(destination, safe='')}&SigninToken={urllib.parse.quote(TOKEN, safe='')}")

    def test_print_shows_the_login_url_made_from_the_target_session(self):
        run = self.check(self.foyer(["console", self.target, "--print"]))
        self.assertEqual(run.stdout, self.login_url("https://console.aws.amazon.com/console/home?region=us-west-2")
                         + "\n")
        self.assertEqual(len(FakeFederation.received), 1)
        path, query = FakeFederation.received[0].split("?", 1)
        self.assertEqual(path, "/federation")
        pairs = urllib.parse.parse_qsl(query, keep_blank_values=True, strict_parsing=True)
        self.assertEqual([name for name, _ in pairs], ["Action", "Session"])  # no SessionDuration: chained role
        self.assertEqual(pairs[0][1], "getSigninToken")
        session = self.cached_session()
        self.assertEqual(pairs[1][1], json.dumps({"sessionId": session["AccessKeyId"],
                                                  "sessionKey": session["SecretAccessKey"],
                                                  "sessionToken": session["SessionToken"]},
                                                 separators=(",", ":")))
        self.assertNotIn(session["SecretAccessKey"], run.stderr)

    def test_destination_on_the_console_is_carried_into_the_url(self):
        destination = "https://us-west-2.console.aws.amazon.com/ec2/home?region=us-west-2#Instances:"
        run = self.check(self.foyer(["console", self.target, "--print", "--destination", destination]))
        self.assertEqual(run.stdout, self.login_url(destination) + "\n")

    def test_the_browser_gets_the_url_as_its_only_argument(self):
        opened = os.path.join(self.home, "opened")
        browser = os.path.join(self.home, "browser.sh")
        with open(browser, "w") as script:
            script.write(f'#!/bin/sh\nprintf "%s|%s" "$#" "$1" > "{opened}"\n')
        os.chmod(browser, 0o700)
        run = self.check(self.foyer(["console", self.target], BROWSER=browser))
        self.assertEqual(run.stdout, "")
        for _ in range(100):
            if os.path.exists(opened) and os.path.getsize(opened):
                break
            threading.Event().wait(0.05)
        with open(opened) as result:
            self.assertEqual(result.read(),
                             "1|" + self.login_url("https://console.aws.amazon.com/console/home?region=us-west-2"))

    def test_hostile_destinations_are_refused_before_any_request(self):
        for destination in ("https://evil.example/", "https://console.aws.amazon.com.evil.example/",
                            "javascript:alert(document.cookie)", "https://console.aws.amazon.com@evil.example/",
                            "http://console.aws.amazon.com/", "//evil.example/"):
            run = self.foyer(["console", self.target, "--print", "--destination", destination])
            self.assertEqual(run.returncode, 2, destination)
            self.assertEqual(run.stdout, "")
            self.assertIn(f"--destination '{destination}' is refused: only https URLs on console.aws.amazon.com",
                          run.stderr)
        self.assertEqual(FakeFederation.received, [])
        cache = os.path.join(self.home, ".local", "state", "foyer", "credentials")
        self.assertFalse(os.path.isdir(cache) and os.listdir(cache))

    def test_a_federation_override_off_loopback_is_refused(self):
        run = self.foyer(["console", self.target, "--print"], FOYER_FEDERATION_ENDPOINT="http://evil.example/x")
        self.assertEqual(run.returncode, 1)
        self.assertIn("FOYER_FEDERATION_ENDPOINT must be a loopback http URL", run.stderr)
        self.assertEqual(FakeFederation.received, [])


if __name__ == "__main__":
    unittest.main()
