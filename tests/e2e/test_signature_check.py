"""foyer's SigV4 signatures, verified by moto itself.

With signature verification on, moto recomputes every request's signature
from the secret of the access key it names. The right secret must pass and a
wrong one must fail with SignatureDoesNotMatch, for a query service (STS) and
a JSON service (Organizations).
"""
import json
import subprocess
import tempfile
import unittest

from e2e.moto import MotoServer, foyer_binary
from e2e.test_clients_core import run_tool

ALLOW_ALL = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})


class SignatureCheckTest(unittest.TestCase):
    def setUp(self):
        self.moto = MotoServer().__enter__()
        self.addCleanup(self.moto.__exit__, None, None, None)
        self.organization_id = self.moto.client("organizations").create_organization(FeatureSet="ALL")[
            "Organization"]["Id"]
        iam = self.moto.client("iam")
        self.user_arn = iam.create_user(UserName="signer")["User"]["Arn"]
        iam.put_user_policy(UserName="signer", PolicyName="admin", PolicyDocument=ALLOW_ALL)
        key = iam.create_access_key(UserName="signer")["AccessKey"]
        self.key_id, self.secret = key["AccessKeyId"], key["SecretAccessKey"]
        self.moto.check_signatures()

    def run_as(self, scenario, secret, key_id=None):
        return run_tool(self.moto, scenario, AWS_ACCESS_KEY_ID=key_id or self.key_id,
                        AWS_SECRET_ACCESS_KEY=secret)

    def assert_signature_rejected(self, scenario, service_and_operation):
        wrong = self.secret[:-1] + ("A" if self.secret[-1] != "A" else "B")
        code, out, stderr = self.run_as(scenario, wrong)
        self.assertEqual(code, 1, stderr)
        self.assertEqual(out["error"]["code"], "SignatureDoesNotMatch")
        self.assertEqual(out["error"]["http_status"], 403)
        self.assertTrue(out["error"]["message"].startswith(service_and_operation + " failed: "),
                        out["error"]["message"])

    def test_query_service_accepts_the_right_secret(self):
        code, out, stderr = self.run_as("whoami", self.secret)
        self.assertEqual(code, 0, f"{out} {stderr}")
        self.assertEqual(out["arn"], self.user_arn)
        self.assertEqual(out["account"], "123456789012")

    def test_query_service_rejects_a_wrong_secret(self):
        self.assert_signature_rejected("whoami", "STS GetCallerIdentity")

    def test_json_service_accepts_the_right_secret(self):
        code, out, stderr = self.run_as("describe-organization", self.secret)
        self.assertEqual(code, 0, f"{out} {stderr}")
        self.assertEqual(out["id"], self.organization_id)
        self.assertEqual(out["master_account_id"], "123456789012")

    def test_json_service_rejects_a_wrong_secret(self):
        self.assert_signature_rejected("describe-organization", "Organizations DescribeOrganization")

    def foyer_whoami(self, secret):
        with tempfile.TemporaryDirectory() as home:
            env = self.moto.env(home=home, AWS_ACCESS_KEY_ID=self.key_id, AWS_SECRET_ACCESS_KEY=secret)
            return subprocess.run([foyer_binary(), "whoami", "--format", "json"], capture_output=True,
                                  text=True, env=env, timeout=60)

    def test_foyer_whoami_signs_as_moto_expects(self):
        result = self.foyer_whoami(self.secret)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(json.loads(result.stdout)["Arn"], self.user_arn)

    def test_foyer_whoami_with_a_wrong_secret_names_the_error(self):
        result = self.foyer_whoami("not-the-secret")
        self.assertEqual(result.returncode, 1, result.stdout)
        self.assertIn("STS GetCallerIdentity failed: ", result.stderr)
        self.assertIn("(SignatureDoesNotMatch, HTTP 403", result.stderr)
        self.assertEqual(result.stdout, "")

    def test_unknown_access_key_is_rejected(self):
        code, out, stderr = self.run_as("whoami", self.secret, key_id="AKIAAAAAAAAAAAAAAAAA")
        self.assertEqual(code, 1, stderr)
        self.assertEqual(out["error"]["code"], "InvalidClientTokenId")
        self.assertEqual(out["error"]["http_status"], 403)


if __name__ == "__main__":
    unittest.main()
