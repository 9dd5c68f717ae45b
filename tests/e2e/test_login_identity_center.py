"""foyer login with IAM Identity Center, end to end.

The SSO-OIDC and portal APIs are the fake of fakes/sso_server.py (moto has
neither); STS is moto's, where the fake mints the permission set's
credentials and the test creates the landing role with boto3. What foyer
leaves behind is read back independently: the token file as JSON and through
the AWS CLI's own SSO credential provider, the landing session with boto3.
"""
import calendar
import hashlib
import json
import os
import shutil
import stat
import subprocess
import tempfile
import time
import tomllib
import unittest

from e2e.moto import MotoServer, foyer_binary
from fakes.sso_server import FakeSso

GROUP = "engineers"
PERMISSION_SET = "foyer-engineers"
START_URL = "https://d-1234567890.awsapps.com/start"
SIGN_IN_HEADER = "To sign in, open this address and confirm the code "
# The AWS CLI's token file, keys in its order.
TOKEN_KEYS = ["startUrl", "region", "accessToken", "expiresAt", "clientId", "clientSecret",
              "registrationExpiresAt", "refreshToken"]


def read_cache_entry(path):
    """The credential cache entry as a dict (format of src/store/credential_entry.cc)."""
    with open(path) as entry:
        lines = entry.read().split("\n")
    assert lines[0] == "foyer-credentials 1" and lines[-2:] == ["end", ""], lines
    return dict(line.split(" ", 1) for line in lines[1:-2])


class IdentityCenterCase(unittest.TestCase):
    """One moto and one fake Identity Center for the class; each test gets an
    empty home folder and a fresh fake state."""

    @classmethod
    def setUpClass(cls):
        cls.moto = MotoServer()
        cls.moto.__enter__()
        cls.account = cls.moto.client("sts").get_caller_identity()["Account"]
        cls.landing_role = f"arn:aws:iam::{cls.account}:role/foyer/{GROUP}"
        trust = {"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Action": ["sts:AssumeRole", "sts:SetSourceIdentity"],
            "Principal": {"AWS": f"arn:aws:iam::{cls.account}:root"},
            "Condition": {"ArnLike": {"aws:PrincipalArn": f"arn:aws:iam::{cls.account}:role/aws-reserved/"
                                                           f"sso.amazonaws.com/AWSReservedSSO_{PERMISSION_SET}_*"}}}]}
        cls.moto.client("iam").create_role(RoleName=GROUP, Path="/foyer/", AssumeRolePolicyDocument=json.dumps(trust))

    @classmethod
    def tearDownClass(cls):
        cls.moto.__exit__(None, None, None)

    def setUp(self):
        self.sso = FakeSso(moto_url=self.moto.url)
        self.sso.__enter__()
        self.addCleanup(self.sso.__exit__, None, None, None)
        self.sso.assign(self.account, PERMISSION_SET)
        self.home = tempfile.mkdtemp(prefix="foyer-idc-")
        self.addCleanup(shutil.rmtree, self.home, True)
        self.credentials_dir = os.path.join(self.home, ".local", "state", "foyer", "credentials")
        self.token_path = os.path.join(self.home, ".aws", "sso", "cache",
                                       hashlib.sha1(b"acme").hexdigest() + ".json")
        self.configure()

    def configure(self, *extra):
        result = subprocess.run(
            [foyer_binary(), "configure", "--org", "acme", "--admin-account", self.account,
             "--regions", "us-east-1,us-west-2", "--method", "identity-center", "--group", GROUP,
             "--sso-start-url", START_URL, "--sso-region", "eu-west-1", *extra],
            env=self.moto.env(home=self.home), capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)

    def env(self):
        # The person has no AWS keys: SSO-OIDC and the portal are unsigned.
        return self.moto.env(home=self.home, AWS_ACCESS_KEY_ID=None, AWS_SECRET_ACCESS_KEY=None,
                             AWS_ENDPOINT_URL_SSO_OIDC=self.sso.url, AWS_ENDPOINT_URL_SSO=self.sso.url)

    def login(self, *args):
        return subprocess.run([foyer_binary(), "login", "--no-browser", *args], env=self.env(),
                              capture_output=True, text=True, timeout=120)

    def assert_logged_in(self, result):
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, "")
        self.assertIn(f"Logged in to acme as group {GROUP} ({self.landing_role}), until ", result.stderr)

    def token(self):
        with open(self.token_path) as file:
            return json.load(file)

    def expire_token_file(self):
        token = self.token()
        token["expiresAt"] = "2020-01-01T00:00:00Z"
        with open(self.token_path, "w") as file:
            json.dump(token, file)

    def cached_entry(self):
        files = sorted(name for name in os.listdir(self.credentials_dir) if name.endswith(".cred"))
        self.assertEqual(len(files), 1, files)
        return read_cache_entry(os.path.join(self.credentials_dir, files[0]))

    def grants(self):
        return [r.body["grantType"] for r in self.sso.requests_to("/token")]

    def counts(self):
        return {path: len(self.sso.requests_to(path))
                for path in ("/client/register", "/device_authorization", "/token", "/federation/credentials")}


class IdentityCenterLoginTest(IdentityCenterCase):
    def test_device_login_lands_and_writes_the_cli_token_file(self):
        self.sso.script_next_device(["authorization_pending", "authorization_pending"])
        result = self.login()
        self.assert_logged_in(result)
        [device] = self.sso.devices()
        self.assertIn(f"{SIGN_IN_HEADER}{device.user_code}:\n\n  {self.sso.url}/device?user_code={device.user_code}\n\n"
                      f"(or open {self.sso.url}/device and type the code)\n", result.stderr)
        self.assertNotIn(device.device_code, result.stderr)
        self.assertEqual(self.counts(), {"/client/register": 1, "/device_authorization": 1, "/token": 3,
                                         "/federation/credentials": 1})
        [register] = self.sso.requests_to("/client/register")
        self.assertEqual(register.body, {"clientName": "foyer", "clientType": "public",
                                         "scopes": ["sso:account:access"]})
        [start] = self.sso.requests_to("/device_authorization")
        self.assertEqual(start.body["startUrl"], START_URL)
        [credentials_call] = self.sso.requests_to("/federation/credentials")
        self.assertEqual(credentials_call.query, {"account_id": self.account, "role_name": PERMISSION_SET})

        # The AWS CLI's format, exactly, readable by its owner only.
        self.assertEqual(stat.S_IMODE(os.stat(self.token_path).st_mode), 0o600)
        token = self.token()
        self.assertEqual(list(token), TOKEN_KEYS)
        [issued] = self.sso.tokens()
        client = self.sso.state.clients[token["clientId"]]
        self.assertEqual((token["startUrl"], token["region"], token["accessToken"], token["refreshToken"],
                          token["clientSecret"]),
                         (START_URL, "eu-west-1", issued.access_token, issued.refresh_token, client.client_secret))
        self.assertRegex(token["expiresAt"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        expires = calendar.timegm(time.strptime(token["expiresAt"], "%Y-%m-%dT%H:%M:%SZ"))
        self.assertAlmostEqual(expires, issued.expires_at, delta=120)

        entry = self.cached_entry()
        # The Identity Center user name, from the portal's role session
        # (moto does not echo SourceIdentity, so foyer records what it sent).
        self.assertEqual((entry["key"], entry["role_arn"], entry["source"], entry["source_identity"]),
                         (f"landing/acme/{GROUP}", self.landing_role, f"login identity-center acme/{GROUP}", "alice"))
        identity = self.moto.client("sts", aws_access_key_id=entry["access_key_id"],
                                    aws_secret_access_key=entry["secret_access_key"],
                                    aws_session_token=entry["session_token"]).get_caller_identity()
        self.assertEqual(identity["Arn"], f"arn:aws:sts::{self.account}:assumed-role/{GROUP}/alice")

    def test_the_aws_cli_uses_the_token_foyer_wrote(self):
        self.assert_logged_in(self.login())
        config = os.path.join(self.home, "aws-config")
        with open(config, "w") as file:
            file.write(f"[profile admin]\nsso_session = acme\nsso_account_id = {self.account}\n"
                       f"sso_role_name = {PERMISSION_SET}\nregion = us-east-1\n\n"
                       f"[sso-session acme]\nsso_start_url = {START_URL}\nsso_region = eu-west-1\n"
                       "sso_registration_scopes = sso:account:access\n")
        env = dict(self.env(), AWS_CONFIG_FILE=config, HOME=self.home)
        result = subprocess.run(["aws", "sts", "get-caller-identity", "--profile", "admin", "--output", "json"],
                                env=env, capture_output=True, text=True, timeout=120)
        self.assertEqual(result.returncode, 0, result.stderr)
        arn = json.loads(result.stdout)["Arn"]
        self.assertEqual(arn, f"arn:aws:sts::{self.account}:assumed-role/"
                              f"{FakeSso.reserved_role_name(PERMISSION_SET)}/alice")
        self.assertEqual(self.counts()["/device_authorization"], 1)

    def test_a_new_session_reuses_the_token_then_refreshes_it_without_a_browser(self):
        self.assert_logged_in(self.login())
        first = self.token()

        # The landing session is renewed; the token is still good: no OIDC call at all.
        again = self.login("--force")
        self.assert_logged_in(again)
        self.assertNotIn(SIGN_IN_HEADER, again.stderr)
        self.assertEqual(self.grants(), ["urn:ietf:params:oauth:grant-type:device_code"])
        self.assertEqual(self.token(), first)

        # The token has expired: one refresh grant, the refresh token rotated.
        self.expire_token_file()
        refreshed = self.login("--force")
        self.assert_logged_in(refreshed)
        self.assertNotIn(SIGN_IN_HEADER, refreshed.stderr)
        self.assertEqual(self.grants(), ["urn:ietf:params:oauth:grant-type:device_code", "refresh_token"])
        [refresh] = self.sso.requests_to("/token")[1:]
        self.assertEqual(refresh.body, {"clientId": first["clientId"], "clientSecret": first["clientSecret"],
                                        "grantType": "refresh_token", "refreshToken": first["refreshToken"]})
        token = self.token()
        self.assertNotEqual(token["accessToken"], first["accessToken"])
        self.assertNotEqual(token["refreshToken"], first["refreshToken"])
        self.assertEqual(token["clientId"], first["clientId"])
        self.assertEqual(self.counts()["/device_authorization"], 1)

    def test_a_token_the_portal_refuses_is_refreshed(self):
        self.assert_logged_in(self.login())
        first = self.token()
        # Signed out elsewhere: the file still says the token is good.
        self.sso.expire_access_token(first["accessToken"])
        result = self.login("--force")
        self.assert_logged_in(result)
        self.assertEqual(self.grants(), ["urn:ietf:params:oauth:grant-type:device_code", "refresh_token"])
        self.assertEqual(self.counts()["/federation/credentials"], 3)  # first, refused, after the refresh
        self.assertNotEqual(self.token()["accessToken"], first["accessToken"])

    def test_a_revoked_refresh_token_starts_a_new_device_authorization(self):
        self.assert_logged_in(self.login())
        first = self.token()
        self.sso.revoke_refresh_token(first["refreshToken"])
        self.expire_token_file()
        result = self.login("--force")
        self.assert_logged_in(result)
        self.assertIn(SIGN_IN_HEADER, result.stderr)
        self.assertEqual(self.grants(), ["urn:ietf:params:oauth:grant-type:device_code", "refresh_token",
                                         "urn:ietf:params:oauth:grant-type:device_code"])
        # The registration is still valid and is reused.
        self.assertEqual(self.counts()["/client/register"], 1)
        self.assertEqual(self.counts()["/device_authorization"], 2)
        self.assertNotEqual(self.token()["refreshToken"], first["refreshToken"])

    def test_slow_down_adds_five_seconds_between_polls(self):
        self.sso.script_next_device(["slow_down"])
        self.assert_logged_in(self.login())
        polls = self.sso.requests_to("/token")
        self.assertEqual(len(polls), 2)
        # interval 1 s, then 1 + 5 s (RFC 8628 3.5); a sleep is never shorter.
        self.assertGreaterEqual(polls[1].at - polls[0].at, 5.5)

    def test_denied_or_expired_sign_in_exits_3_and_caches_nothing(self):
        cases = [("access_denied", "it was denied in the browser"),
                 ("expired_token", "its code expired before it was approved")]
        for outcome, reason in cases:
            with self.subTest(outcome=outcome):
                self.sso.script_next_device([outcome])
                result = self.login()
                self.assertEqual(result.returncode, 3, result.stderr)
                exception = "AccessDeniedException" if outcome == "access_denied" else "ExpiredTokenException"
                self.assertRegex(result.stderr,
                                 f"\\n\\nfoyer: the Identity Center sign-in did not complete: {reason}; run `foyer login` "
                                 f"again \\({exception}, HTTP 400, request id [0-9a-f]{{32}}\\)\n\\Z")
                self.assertFalse(os.path.exists(self.token_path))
                self.assertFalse(os.path.isdir(self.credentials_dir) and os.listdir(self.credentials_dir)
                                 and any(n.endswith(".cred") for n in os.listdir(self.credentials_dir)))

    def test_no_permission_set_in_the_admin_account_is_explained(self):
        self.sso.state.assignments.clear()
        result = self.login()
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn(f"foyer: Identity Center gives you no permission set {PERMISSION_SET} in the admin account "
                      f"{self.account}: are you in group '{GROUP}', and has `foyer apply` provisioned it?",
                      result.stderr)

    def test_session_name_names_the_token_file(self):
        self.configure("--sso-session", "corp")
        self.assert_logged_in(self.login())
        path = os.path.join(self.home, ".aws", "sso", "cache", hashlib.sha1(b"corp").hexdigest() + ".json")
        with open(path) as file:
            self.assertEqual(json.load(file)["startUrl"], START_URL)
        self.assertFalse(os.path.exists(self.token_path))

    def test_logout_forgets_the_session_and_the_token_file(self):
        self.assert_logged_in(self.login())
        self.assertTrue(os.path.exists(self.token_path))
        result = subprocess.run([foyer_binary(), "logout"], env=self.env(), capture_output=True, text=True,
                                timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stderr, "Logged out: every cached session is forgotten.\n")
        self.assertFalse(os.path.exists(self.token_path))
        self.assertEqual([n for n in os.listdir(self.credentials_dir) if n.endswith(".cred")], [])
        # The next login needs the person again.
        again = self.login()
        self.assert_logged_in(again)
        self.assertIn(SIGN_IN_HEADER, again.stderr)
        self.assertEqual(self.counts()["/device_authorization"], 2)

    def test_configure_from_the_spec_takes_identity_center_settings(self):
        spec = os.path.join(self.home, "foyer.toml")
        init = subprocess.run([foyer_binary(), "init", "--path", spec], env=self.env(), capture_output=True,
                              text=True, timeout=60)
        self.assertEqual(init.returncode, 0, init.stderr)
        with open(spec, "a") as file:
            file.write(f'\n[identity.identity_center]\nregion = "eu-west-1"\nstart_url = "{START_URL}"\n')
        result = subprocess.run([foyer_binary(), "configure", "--org", "beta", "--from", spec,
                                 "--admin-account", self.account], env=self.env(), capture_output=True, text=True,
                                timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(os.path.join(self.home, ".config", "foyer", "config.toml"), "rb") as file:
            beta = tomllib.load(file)["orgs"]["beta"]
        self.assertEqual(beta["method"], "identity-center")
        self.assertEqual(beta["identity_center"], {"start_url": START_URL, "region": "eu-west-1"})
        login = subprocess.run([foyer_binary(), "login", "--no-browser", "--org", "beta", "--group", GROUP],
                               env=self.env(), capture_output=True, text=True, timeout=120)
        self.assertEqual(login.returncode, 0, login.stderr)
        self.assertIn(f"Logged in to beta as group {GROUP} ({self.landing_role})", login.stderr)

    def test_two_groups_logging_in_at_once_share_one_device_authorization(self):
        trust = json.dumps({"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Action": ["sts:AssumeRole", "sts:SetSourceIdentity"],
            "Principal": {"AWS": f"arn:aws:iam::{self.account}:root"}}]})
        iam = self.moto.client("iam")
        iam.create_role(RoleName="sre", Path="/foyer/", AssumeRolePolicyDocument=trust)
        self.addCleanup(iam.delete_role, RoleName="sre")
        self.sso.assign(self.account, "foyer-sre")
        self.sso.script_next_device(["authorization_pending"] * 2)
        processes = [subprocess.Popen([foyer_binary(), "login", "--no-browser", "--group", group], env=self.env(),
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                     for group in (GROUP, "sre")]
        results = [process.communicate(timeout=120) for process in processes]
        self.assertEqual([process.returncode for process in processes], [0, 0], results)
        self.assertEqual(sum(SIGN_IN_HEADER in stderr for _, stderr in results), 1)
        self.assertIn(f"Logged in to acme as group sre (arn:aws:iam::{self.account}:role/foyer/sre)", results[1][1])
        self.assertEqual(self.counts()["/device_authorization"], 1)
        self.assertEqual(self.counts()["/federation/credentials"], 2)

    def test_fifty_concurrent_logins_start_one_device_authorization(self):
        self.sso.script_next_device(["authorization_pending"] * 3)
        outputs = [tempfile.TemporaryFile(mode="w+") for _ in range(50)]
        self.addCleanup(lambda: [output.close() for output in outputs])
        processes = [subprocess.Popen([foyer_binary(), "login", "--no-browser"], env=self.env(),
                                      stdout=subprocess.DEVNULL, stderr=output, text=True) for output in outputs]
        codes = [process.wait(timeout=300) for process in processes]
        texts = []
        for output in outputs:
            output.seek(0)
            texts.append(output.read())
        self.assertEqual(codes, [0] * 50, [text for text in texts if "Logged in" not in text][:3])
        self.assertEqual(sum(SIGN_IN_HEADER in text for text in texts), 1)
        self.assertEqual(self.counts(), {"/client/register": 1, "/device_authorization": 1, "/token": 4,
                                         "/federation/credentials": 1})


if __name__ == "__main__":
    unittest.main()
