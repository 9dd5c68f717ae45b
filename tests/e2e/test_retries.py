"""Retries, clock skew, TLS and the debug log of the real binary.

`foyer whoami --format json` calls STS GetCallerIdentity through a fault
proxy in front of moto; the proxy's log says how many attempts arrived and
what each got. The identity printed is checked against boto3 asking moto
directly.
"""
import datetime
import ipaddress
import json
import os
import subprocess
import tempfile
import unittest
import urllib.request

import boto3
import botocore.config
import botocore.exceptions
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from e2e.fault_proxy import FaultProxy
from e2e.moto import TEST_ACCESS_KEY, TEST_SECRET_KEY, MotoServer, foyer_binary

ACTION = "GetCallerIdentity"
SESSION_TOKEN = "FQoGZXIvYXdzEFoaDTestSessionTokenThatMustNeverBeLogged"


def json_values(document):
    """Every scalar in a JSON document, however nested."""
    if isinstance(document, dict):
        for value in document.values():
            yield from json_values(value)
    elif isinstance(document, list):
        for value in document:
            yield from json_values(value)
    else:
        yield document


def amz_date(text):
    return datetime.datetime.strptime(text, "%Y%m%dT%H%M%SZ")


class FoyerAgainstFaults(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.moto = MotoServer().__enter__()
        cls.proxy = FaultProxy(cls.moto.url).__enter__()
        cls.home = tempfile.TemporaryDirectory()
        identity = cls.moto.client("sts").get_caller_identity()
        cls.expected_arn = identity["Arn"]
        cls.expected_account = identity["Account"]

    @classmethod
    def tearDownClass(cls):
        cls.proxy.__exit__(None, None, None)
        cls.moto.__exit__(None, None, None)
        cls.home.cleanup()

    def setUp(self):
        self.proxy.set_plan([])
        self.proxy.clear_log()

    def whoami(self, endpoint=None, **env):
        env.setdefault("AWS_ENDPOINT_URL", endpoint or self.proxy.url)
        return subprocess.run([foyer_binary(), "whoami", "--format", "json"],
                              env=self.moto.env(home=self.home.name, **env),
                              capture_output=True, text=True, timeout=300)

    def assert_identity(self, result):
        self.assertEqual(result.returncode, 0, result.stderr)
        values = list(json_values(json.loads(result.stdout)))
        self.assertIn(self.expected_arn, values)
        self.assertIn(self.expected_account, values)

    def attempts(self):
        return self.proxy.actions(ACTION)

    def faults(self):
        return [entry["fault"] for entry in self.attempts()]


class RetriesTest(FoyerAgainstFaults):
    def test_server_errors_are_retried_until_success(self):
        for failures in (1, 2):
            with self.subTest(failures=failures):
                self.proxy.clear_log()
                self.proxy.set_plan([{"match": ACTION, "status": 503, "count": failures}])
                result = self.whoami()
                self.assert_identity(result)
                self.assertEqual(self.faults(), ["ServiceUnavailable"] * failures + ["pass"])

    def test_other_5xx_are_retried(self):
        self.proxy.set_plan([{"match": ACTION, "status": 500, "count": 1},
                             {"match": ACTION, "status": 502, "count": 1},
                             {"match": ACTION, "status": 504, "body": "<html>gateway</html>"}])
        result = self.whoami(AWS_MAX_ATTEMPTS="4")
        self.assert_identity(result)
        self.assertEqual(self.faults(), ["InternalError", "BadGateway", "GatewayTimeout", "pass"])

    def test_throttling_is_retried(self):
        self.proxy.set_plan([{"match": ACTION, "code": "Throttling", "count": 1},
                             {"match": ACTION, "code": "RequestLimitExceeded", "count": 1}])
        result = self.whoami()
        self.assert_identity(result)
        self.assertEqual(self.faults(), ["Throttling", "RequestLimitExceeded", "pass"])

    def test_connection_reset_is_retried(self):
        self.proxy.set_plan([{"match": ACTION, "reset": True, "count": 2}])
        result = self.whoami()
        self.assert_identity(result)
        self.assertEqual(self.faults(), ["reset", "reset", "pass"])

    def test_client_errors_are_not_retried(self):
        for status, code in ((403, "AccessDenied"), (400, "ValidationError"), (404, "NotFound")):
            with self.subTest(code=code):
                self.proxy.clear_log()
                self.proxy.set_plan([{"match": ACTION, "status": status, "code": code, "count": 5}])
                result = self.whoami()
                self.assertEqual(result.returncode, 1, result.stderr)
                self.assertEqual(self.faults(), [code])
                self.assertIn(code, result.stderr)
                self.assertIn(f"Injected {code} ({status}) by the fault proxy", result.stderr)
                self.assertEqual(result.stdout, "")

    def test_gives_up_after_aws_max_attempts(self):
        for max_attempts, expected in ((None, 3), ("2", 2), ("5", 5)):
            with self.subTest(max_attempts=max_attempts):
                self.proxy.clear_log()
                self.proxy.set_plan([{"match": ACTION, "status": 503, "count": 10}])
                result = self.whoami(AWS_MAX_ATTEMPTS=max_attempts)
                self.assertEqual(result.returncode, 1, result.stderr)
                self.assertEqual(self.faults(), ["ServiceUnavailable"] * expected)
                self.assertIn("ServiceUnavailable", result.stderr)
                self.assertIn("HTTP 503", result.stderr)
                self.assertIn(self.attempts()[-1]["request_id"], result.stderr)
                self.assertNotIn("Traceback", result.stderr)

    def test_an_invalid_aws_max_attempts_is_refused_before_any_call(self):
        result = self.whoami(AWS_MAX_ATTEMPTS="lots")
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("AWS_MAX_ATTEMPTS", result.stderr)
        self.assertIn("'lots'", result.stderr)
        self.assertEqual(self.proxy.log(), [])

    def test_attempts_are_spaced_by_backoff(self):
        self.proxy.set_plan([{"match": ACTION, "status": 503, "count": 4}])
        result = self.whoami(AWS_MAX_ATTEMPTS="5")
        self.assert_identity(result)
        times = [entry["time"] for entry in self.attempts()]
        self.assertEqual(len(times), 5)
        gaps = [later - earlier for earlier, later in zip(times, times[1:])]
        self.assertTrue(all(gap > 0 for gap in gaps), gaps)
        # Full jitter draws each delay from [0, 100 ms * 2^n]; the four of
        # them together fall under 20 ms about once in a million runs.
        self.assertGreater(sum(gaps), 0.020, gaps)

    def test_skewed_clock_is_corrected_and_the_request_signed_again(self):
        self.proxy.set_plan([{"match": ACTION, "status": 403, "code": "RequestTimeTooSkewed",
                              "date_offset": 3600, "count": 1}])
        result = self.whoami(AWS_MAX_ATTEMPTS="1")
        self.assert_identity(result)
        attempts = self.attempts()
        self.assertEqual([entry["fault"] for entry in attempts], ["RequestTimeTooSkewed", "pass"])
        shift = amz_date(attempts[1]["amz_date"]) - amz_date(attempts[0]["amz_date"])
        self.assertGreater(shift, datetime.timedelta(minutes=59))
        self.assertLess(shift, datetime.timedelta(minutes=61))
        self.assertNotEqual(attempts[0]["signature"], attempts[1]["signature"])

    def test_signature_error_without_skew_is_not_retried(self):
        self.proxy.set_plan([{"match": ACTION, "status": 403, "code": "SignatureDoesNotMatch", "count": 3}])
        result = self.whoami()
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertEqual(self.faults(), ["SignatureDoesNotMatch"])


class DebugLogTest(FoyerAgainstFaults):
    def test_debug_log_shows_the_exchange_and_no_secret(self):
        result = self.whoami(FOYER_DEBUG="1", AWS_SESSION_TOKEN=SESSION_TOKEN)
        self.assert_identity(result)
        log = result.stderr
        self.assertIn("foyer debug: request\nPOST " + self.proxy.url + "/", log)
        self.assertIn("Action=GetCallerIdentity", log)
        self.assertIn("foyer debug: response\nHTTP 200", log)
        self.assertIn(self.expected_arn, log)
        self.assertIn("Signature=<redacted>", log)
        self.assertIn("X-Amz-Security-Token: <redacted>", log)
        signatures = [entry["signature"] for entry in self.attempts()]
        self.assertEqual(len(signatures), 1)
        for secret in (TEST_SECRET_KEY, SESSION_TOKEN, signatures[0]):
            self.assertNotIn(secret, log)

    def test_debug_log_tells_about_retries(self):
        self.proxy.set_plan([{"match": ACTION, "status": 503, "count": 1},
                             {"match": ACTION, "status": 403, "code": "RequestTimeTooSkewed",
                              "date_offset": -1800, "count": 1}])
        result = self.whoami(FOYER_DEBUG="1")
        self.assert_identity(result)
        self.assertIn("foyer debug: ServiceUnavailable on attempt 1 of 3; retrying in ", result.stderr)
        self.assertRegex(result.stderr, r"foyer debug: RequestTimeTooSkewed: the local clock is 1[78]\d\d s "
                                        r"ahead of the server's; signing again")

    def test_no_debug_log_by_default(self):
        result = self.whoami()
        self.assert_identity(result)
        self.assertNotIn("foyer debug", result.stderr)


class FaultProxySelfTest(FoyerAgainstFaults):
    """The proxy itself, seen by botocore: an independent client, so that the
    tests above do not rest on foyer agreeing with a tool written alongside it."""

    def boto(self, service, attempts):
        config = botocore.config.Config(retries={"mode": "standard", "total_max_attempts": attempts})
        return boto3.client(service, region_name="us-east-1", endpoint_url=self.proxy.url, config=config,
                            aws_access_key_id=TEST_ACCESS_KEY, aws_secret_access_key=TEST_SECRET_KEY)

    def test_errors_parse_as_the_aws_shapes_they_imitate(self):
        self.proxy.set_plan([{"match": ACTION, "status": 403, "code": "AccessDenied"}])
        with self.assertRaises(botocore.exceptions.ClientError) as raised:
            self.boto("sts", 1).get_caller_identity()
        self.assertEqual(raised.exception.response["Error"]["Code"], "AccessDenied")
        self.assertEqual(raised.exception.response["ResponseMetadata"]["RequestId"],
                         self.attempts()[0]["request_id"])

        self.proxy.set_plan([{"match": "DescribeOrganization", "code": "TooManyRequestsException"}])
        with self.assertRaises(botocore.exceptions.ClientError) as raised:
            self.boto("organizations", 1).describe_organization()
        self.assertEqual(raised.exception.response["Error"]["Code"], "TooManyRequestsException")

    def test_botocore_retries_what_the_proxy_injects(self):
        self.proxy.set_plan([{"match": ACTION, "status": 503, "count": 1},
                             {"match": ACTION, "reset": True, "count": 1}])
        identity = self.boto("sts", 3).get_caller_identity()
        self.assertEqual(identity["Arn"], self.expected_arn)
        self.assertEqual(self.faults(), ["ServiceUnavailable", "reset", "pass"])

    def test_reset_is_a_connection_failure(self):
        self.proxy.set_plan([{"match": ACTION, "reset": True}])
        with self.assertRaises(botocore.exceptions.ConnectionClosedError) as raised:
            self.boto("sts", 1).get_caller_identity()
        self.assertIn("Connection reset by peer", repr(raised.exception.kwargs["error"]))

    def test_delay_outlasts_a_client_timeout(self):
        self.proxy.set_plan([{"match": ACTION, "delay": 2.0}])
        config = botocore.config.Config(read_timeout=0.5, retries={"total_max_attempts": 1})
        client = boto3.client("sts", region_name="us-east-1", endpoint_url=self.proxy.url, config=config,
                              aws_access_key_id=TEST_ACCESS_KEY, aws_secret_access_key=TEST_SECRET_KEY)
        with self.assertRaises(botocore.exceptions.ReadTimeoutError):
            client.get_caller_identity()
        self.assertEqual(self.faults(), ["delay 2.0"])

    def test_rules_apply_in_order_to_matching_requests_only(self):
        self.proxy.set_plan([{"match": ACTION, "status": 500, "count": 1}, {"status": 503, "count": 1}])
        sts, iam = self.boto("sts", 1), self.boto("iam", 1)
        iam.list_users()
        with self.assertRaises(botocore.exceptions.ClientError):
            sts.get_caller_identity()
        with self.assertRaises(botocore.exceptions.ClientError):
            iam.list_users()
        sts.get_caller_identity()
        self.assertEqual([(entry["action"], entry["fault"]) for entry in self.proxy.log()],
                         [("ListUsers", "pass"), (ACTION, "InternalError"),
                          ("ListUsers", "ServiceUnavailable"), (ACTION, "pass")])

    def test_control_endpoints(self):
        plan = json.dumps([{"match": ACTION, "code": "Throttling"}]).encode()
        request = urllib.request.Request(self.proxy.url + "/__fault__/plan", data=plan, method="POST")
        self.assertEqual(urllib.request.urlopen(request).status, 204)
        with self.assertRaises(botocore.exceptions.ClientError) as raised:
            self.boto("sts", 1).get_caller_identity()
        self.assertEqual(raised.exception.response["Error"]["Code"], "Throttling")
        log = json.load(urllib.request.urlopen(self.proxy.url + "/__fault__/log"))
        self.assertEqual([(e["action"], e["fault"]) for e in log], [(ACTION, "Throttling")])
        request = urllib.request.Request(self.proxy.url + "/__fault__/log", method="DELETE")
        self.assertEqual(urllib.request.urlopen(request).status, 204)
        self.assertEqual(self.proxy.log(), [])


def make_certificates(directory):
    """A CA and a server certificate for 127.0.0.1 signed by it; returns the
    paths of the CA certificate, the server certificate and its key."""
    now = datetime.datetime.now(datetime.timezone.utc)

    def build(subject, issuer, public_key, signing_key, is_ca):
        builder = (x509.CertificateBuilder()
                   .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
                   .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
                   .public_key(public_key)
                   .serial_number(x509.random_serial_number())
                   .not_valid_before(now - datetime.timedelta(minutes=5))
                   .not_valid_after(now + datetime.timedelta(days=1))
                   .add_extension(x509.BasicConstraints(ca=is_ca, path_length=None), critical=True))
        if not is_ca:
            builder = builder.add_extension(
                x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                critical=False)
        return builder.sign(signing_key, hashes.SHA256())

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = build("foyer test CA", "foyer test CA", ca_key.public_key(), ca_key, True)
    server_key = ec.generate_private_key(ec.SECP256R1())
    server = build("127.0.0.1", "foyer test CA", server_key.public_key(), ca_key, False)
    paths = [os.path.join(directory, name) for name in ("ca.pem", "server.pem", "server.key")]
    with open(paths[0], "wb") as out:
        out.write(ca.public_bytes(serialization.Encoding.PEM))
    with open(paths[1], "wb") as out:
        out.write(server.public_bytes(serialization.Encoding.PEM))
    with open(paths[2], "wb") as out:
        out.write(server_key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return paths


class TransportSecurityTest(FoyerAgainstFaults):
    def test_certificates_are_verified(self):
        with tempfile.TemporaryDirectory() as directory:
            ca, cert, key = make_certificates(directory)
            with FaultProxy(self.moto.url, tls=(cert, key)) as tls_proxy:
                untrusted = self.whoami(endpoint=tls_proxy.url)
                self.assertEqual(untrusted.returncode, 1, untrusted.stderr)
                self.assertIn("TlsError", untrusted.stderr)
                self.assertEqual(tls_proxy.log(), [])

                trusted = self.whoami(endpoint=tls_proxy.url, AWS_CA_BUNDLE=ca)
                self.assert_identity(trusted)
                self.assertEqual([entry["action"] for entry in tls_proxy.log()], [ACTION])

    def test_plain_http_is_refused_off_loopback(self):
        result = self.whoami(endpoint="http://203.0.113.7:8080")
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("InsecureEndpoint", result.stderr)
        self.assertIn("https://", result.stderr)


if __name__ == "__main__":
    unittest.main()
