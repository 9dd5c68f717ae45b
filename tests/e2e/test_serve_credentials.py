"""foyer serve-credentials and foyer exec --server against moto.

The AWS CLI and boto3 run inside `foyer exec --server` with no keys in
their environment, only the container-credentials endpoint, and must end
up in the target role; the endpoint must refuse requests without the token.
"""
import json
import os
import shutil
import subprocess
import tempfile
import unittest
import urllib.error
import urllib.request

from e2e.moto import MotoServer, foyer_binary

GROUP = "sre"
TRUST = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["sts:AssumeRole", "sts:SetSourceIdentity"]}]})

# Run inside the server: the request a client would make, without a token,
# with a wrong one and with the right one; prints the status codes and
# whether any body said anything about keys.
PROBE = """
import json, os, urllib.error, urllib.request
url = os.environ["AWS_CONTAINER_CREDENTIALS_FULL_URI"]
token = os.environ["AWS_CONTAINER_AUTHORIZATION_TOKEN"]
results = []
for headers in ({}, {"Authorization": token[:-1] + ("A" if token[-1] != "A" else "B")}, {"Authorization": token}):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
            results.append([response.status, sorted(json.loads(response.read()))])
    except urllib.error.HTTPError as error:
        results.append([error.code, error.read().decode()])
print(json.dumps({"results": results, "keys": sorted(k for k in os.environ if k.startswith("AWS_ACCESS")),
                  "url": url}))
"""


class ServeCredentialsTest(unittest.TestCase):
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

    @classmethod
    def tearDownClass(cls):
        cls.moto.__exit__(None, None, None)

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
                                "--regions", "us-west-2,us-east-1", "--method", "oidc", "--group", GROUP,
                                "--oidc-issuer", "https://idp.example.com", "--oidc-client-id", "foyer"])
        self.assertEqual(configure.returncode, 0, configure.stderr)
        self.expected = f"arn:aws:sts::{self.target}:assumed-role/Administrator/alice@example.com"

    def env(self):
        env = self.moto.env(home=self.home)
        env.update(self.landing_env)
        return env

    def foyer(self, args):
        return subprocess.run([foyer_binary()] + args, env=self.env(), capture_output=True, text=True, timeout=120)

    def test_aws_cli_inside_exec_server_gets_the_target_role(self):
        run = self.foyer(["exec", "--server", self.target, "--", "aws", "sts", "get-caller-identity",
                          "--output", "json"])
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertEqual(json.loads(run.stdout)["Arn"], self.expected)

    def test_boto3_inside_exec_server_gets_the_target_role_and_region(self):
        script = ("import boto3, json; s = boto3.Session(); c = s.get_credentials();"
                  "print(json.dumps([c.method, s.region_name, s.client('sts').get_caller_identity()['Arn']]))")
        run = self.foyer(["exec", "--server", self.target, "--", "python3", "-c", script])
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertEqual(json.loads(run.stdout), ["container-role", "us-west-2", self.expected])

    def test_the_endpoint_refuses_requests_without_the_token(self):
        run = self.foyer(["exec", "--server", self.target, "--", "python3", "-c", PROBE])
        self.assertEqual(run.returncode, 0, run.stderr)
        probe = json.loads(run.stdout)
        self.assertEqual(probe["results"], [[401, ""], [403, ""],
                                            [200, ["AccessKeyId", "Expiration", "SecretAccessKey", "Token"]]])
        self.assertEqual(probe["keys"], [])
        self.assertRegex(probe["url"], r"^http://127\.0\.0\.1:\d+/credentials$")

    def test_exit_status_passes_through(self):
        run = self.foyer(["exec", "--server", self.target, "--", "sh", "-c", "exit 9"])
        self.assertEqual(run.returncode, 9, run.stderr)

    def test_a_signal_that_ends_the_command_ends_foyer_the_same_way(self):
        run = self.foyer(["exec", "--server", self.target, "--", "sh", "-c", "kill -TERM $$"])
        self.assertEqual(run.returncode, -15, run.stderr)

    def test_no_session_no_server(self):
        env = self.moto.env(home=self.home)
        run = subprocess.run([foyer_binary(), "exec", "--server", self.target, "--", "true"], env=env,
                             capture_output=True, text=True, timeout=120)
        self.assertEqual(run.returncode, 3, run.stderr)

    def test_serve_credentials_prints_the_endpoint_and_serves_until_stopped(self):
        server = subprocess.Popen([foyer_binary(), "serve-credentials", self.target, "--format", "json"],
                                  env=self.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            text = ""
            while not text.rstrip().endswith("}"):
                line = server.stdout.readline()
                self.assertNotEqual(line, "", "foyer stopped before printing the endpoint")
                text += line
            printed = json.loads(text)
            self.assertEqual(sorted(printed), ["AWS_CONTAINER_AUTHORIZATION_TOKEN",
                                               "AWS_CONTAINER_CREDENTIALS_FULL_URI"])
            url = printed["AWS_CONTAINER_CREDENTIALS_FULL_URI"]
            with self.assertRaises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(url, timeout=30)
            self.assertEqual(refused.exception.code, 401)
            request = urllib.request.Request(url, headers={
                "Authorization": printed["AWS_CONTAINER_AUTHORIZATION_TOKEN"]})
            with urllib.request.urlopen(request, timeout=30) as response:
                served = json.loads(response.read())
            identity = self.moto.client("sts", aws_access_key_id=served["AccessKeyId"],
                                        aws_secret_access_key=served["SecretAccessKey"],
                                        aws_session_token=served["Token"]).get_caller_identity()
            self.assertEqual(identity["Arn"], self.expected)
        finally:
            server.terminate()
            self.assertEqual(server.wait(timeout=30), 0)
            server.stdout.close()
            server.stderr.close()


if __name__ == "__main__":
    unittest.main()
