"""foyer configure / login / logout with OIDC, end to end.

A real OpenID provider (fakes/oidc_provider, the oidc-provider package) signs a
scripted person in over plain HTTP; foyer exchanges the ID token with moto's
sts:AssumeRoleWithWebIdentity. Everything foyer leaves behind is read back
independently: the cache file by hand, its credentials with boto3.

Attacks a real provider will not perform (bad tokens, mix-ups) come from
fakes/fake_idp.py.

moto checks neither the landing role's trust policy nor the web identity
token: these tests prove what foyer itself checks, and what it asks of STS
(through a proxy that logs every AWS call), not what AWS would admit.
"""
import json
import os
import re
import shutil
import socket
import stat
import subprocess
import tempfile
import time
import unittest
import urllib.parse

from e2e.fault_proxy import FaultProxy
from e2e.moto import MotoServer, foyer_binary
from fakes.fake_idp import ACCESS_DENIED_DESCRIPTION, FOREIGN_ISSUER, INVALID_GRANT_DESCRIPTION, FakeIdp
from fakes.oidc_provider import OidcProvider, follow_callback, sign_in

GROUP = "engineers"
EMAIL_LOGIN = "alice"
GROUP_TAGS = {"https://aws.amazon.com/tags": {"principal_tags": {"FoyerGroups": [":engineers:"]}}}
SIGN_IN_HEADER = "Sign in at this address"
JWT_SHAPE = re.compile(rb"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.")
TOKEN_NAMES = (b"id_token", b"access_token", b"refresh_token")


def read_cache_entry(path):
    """The cache entry as a dict (format of src/store/credential_entry.cc)."""
    with open(path) as entry:
        lines = entry.read().split("\n")
    assert lines[0] == "foyer-credentials 1" and lines[-2:] == ["end", ""], lines
    return dict(line.split(" ", 1) for line in lines[1:-2])


class LoginCase(unittest.TestCase):
    """moto with the admin account's OIDC provider and landing role, and a
    person's empty home folder."""

    def setUp(self):
        self.moto = MotoServer()
        self.moto.__enter__()
        self.addCleanup(self.moto.__exit__, None, None, None)
        self.account = self.moto.client("sts").get_caller_identity()["Account"]
        # foyer reaches moto through this proxy, which logs every AWS call.
        self.proxy = FaultProxy(self.moto.url)
        self.proxy.__enter__()
        self.addCleanup(self.proxy.__exit__, None, None, None)
        self.home = tempfile.mkdtemp(prefix="foyer-login-")
        self.addCleanup(shutil.rmtree, self.home, True)
        self.credentials_dir = os.path.join(self.home, ".local", "state", "foyer", "credentials")

    def create_landing_role(self, issuer):
        iam = self.moto.client("iam")
        iam.create_open_id_connect_provider(Url=issuer, ClientIDList=["foyer"], ThumbprintList=["0" * 40])
        provider = urllib.parse.urlsplit(issuer).netloc
        trust = {"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Action": ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"],
            "Principal": {"Federated": f"arn:aws:iam::{self.account}:oidc-provider/{provider}"},
            "Condition": {"StringEquals": {f"{provider}:aud": "foyer"},
                          "StringLike": {"aws:RequestTag/FoyerGroups": "*:engineers:*"}}}]}
        iam.create_role(RoleName=GROUP, Path="/foyer/", AssumeRolePolicyDocument=json.dumps(trust),
                        MaxSessionDuration=12 * 3600)

    def configure(self, issuer):
        result = subprocess.run(
            [foyer_binary(), "configure", "--org", "acme", "--admin-account", self.account,
             "--regions", "us-east-1,us-west-2", "--method", "oidc", "--group", GROUP,
             "--oidc-issuer", issuer, "--oidc-client-id", "foyer"],
            env=self.moto.env(home=self.home), capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)

    def login_env(self, **overrides):
        # Web identity calls are unsigned: the person has no AWS keys yet.
        return self.moto.env(home=self.home, AWS_ACCESS_KEY_ID=None, AWS_SECRET_ACCESS_KEY=None,
                             AWS_ENDPOINT_URL=self.proxy.url, **overrides)

    def web_identity_calls(self):
        return [(entry["status"], entry["signature"]) for entry in self.proxy.actions("AssumeRoleWithWebIdentity")]

    def start_login(self, *args, env=None):
        return subprocess.Popen([foyer_binary(), "login", "--no-browser", *args], env=env or self.login_env(),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def read_url(self, process):
        """Reads stderr up to the sign-in URL; returns (URL, what was read)."""
        seen = ""
        for line in process.stderr:
            seen += line
            if line.strip().startswith("http://"):
                return line.strip(), seen
        process.wait(timeout=60)
        self.fail(f"foyer printed no sign-in URL; exit {process.returncode}, stderr:\n{seen}")

    def finish(self, process, seen=""):
        stdout, rest = process.communicate(timeout=120)
        return process.returncode, stdout, seen + rest

    def cache_files(self):
        if not os.path.isdir(self.credentials_dir):
            return []
        return sorted(name for name in os.listdir(self.credentials_dir) if name.endswith(".cred"))

    def cached_entry(self):
        files = self.cache_files()
        self.assertEqual(len(files), 1, files)
        return read_cache_entry(os.path.join(self.credentials_dir, files[0]))


class OidcLoginTest(LoginCase):
    def setUp(self):
        super().setUp()
        self.idp = OidcProvider(claims=GROUP_TAGS)
        self.idp.__enter__()
        self.addCleanup(self.idp.__exit__, None, None, None)
        self.create_landing_role(self.idp.issuer)
        self.configure(self.idp.issuer)
        self.landing_role = f"arn:aws:iam::{self.account}:role/foyer/{GROUP}"

    def log_in(self, *args, env=None):
        process = self.start_login(*args, env=env)
        url, seen = self.read_url(process)
        self.assert_authorization_request(url)
        callback, page = sign_in(url, login=EMAIL_LOGIN)
        self.assertIn("foyer received the sign-in response", page)
        return self.finish(process, seen)

    def assert_authorization_request(self, url):
        parts = urllib.parse.urlsplit(url)
        self.assertEqual(f"{parts.scheme}://{parts.netloc}{parts.path}", self.idp.issuer + "/auth")
        query = dict(urllib.parse.parse_qsl(parts.query))
        self.assertEqual(sorted(query), ["client_id", "code_challenge", "code_challenge_method", "nonce",
                                         "redirect_uri", "response_type", "scope", "state"])
        self.assertEqual((query["response_type"], query["client_id"], query["scope"], query["code_challenge_method"]),
                         ("code", "foyer", "openid email profile", "S256"))
        self.assertRegex(query["redirect_uri"], r"^http://127\.0\.0\.1:[0-9]+/callback$")
        for name in ("state", "nonce", "code_challenge"):  # 32 random bytes, or a SHA-256, in base64url
            self.assertRegex(query[name], r"^[A-Za-z0-9_-]{43}$", name)
        self.assertNotEqual(query["state"], query["nonce"])

    def assert_logged_in(self, code, stdout, stderr):
        self.assertEqual(code, 0, stderr)
        self.assertEqual(stdout, "")
        self.assertIn(f"Logged in to acme as group {GROUP} ({self.landing_role}), until ", stderr)

    def test_login_caches_a_working_landing_session_and_no_token(self):
        code, stdout, stderr = self.log_in()
        self.assert_logged_in(code, stdout, stderr)
        self.assertEqual(self.idp.counts(), {"authorization": 1, "token": 1})
        self.assertEqual(self.web_identity_calls(), [(200, None)])  # one call, unsigned

        self.assertEqual(stat.S_IMODE(os.stat(self.credentials_dir).st_mode), 0o700)
        [name] = self.cache_files()
        self.assertEqual(stat.S_IMODE(os.stat(os.path.join(self.credentials_dir, name)).st_mode), 0o600)
        entry = self.cached_entry()
        self.assertEqual(entry["key"], f"landing/acme/{GROUP}")
        self.assertEqual(entry["role_arn"], self.landing_role)
        self.assertEqual(entry["source"], f"login oidc acme/{GROUP}")

        sts = self.moto.client("sts", aws_access_key_id=entry["access_key_id"],
                               aws_secret_access_key=entry["secret_access_key"],
                               aws_session_token=entry["session_token"])
        identity = sts.get_caller_identity()
        self.assertEqual(identity["Account"], self.account)
        self.assertEqual(identity["Arn"],
                         f"arn:aws:sts::{self.account}:assumed-role/{GROUP}/{EMAIL_LOGIN}@example.com")
        self.assert_no_token_on_disk()

    def assert_no_token_on_disk(self):
        for folder in (os.path.join(self.home, ".local", "state"), os.path.join(self.home, ".config")):
            for root, _, files in os.walk(folder):
                for name in files:
                    with open(os.path.join(root, name), "rb") as file:
                        content = file.read()
                    self.assertIsNone(JWT_SHAPE.search(content), f"a JWT in {name}")
                    for token_name in TOKEN_NAMES:
                        self.assertNotIn(token_name, content, f"{token_name!r} in {name}")

    def test_fresh_session_is_reused_force_logs_in_again_logout_forgets(self):
        self.assert_logged_in(*self.log_in())
        first = self.cached_entry()

        again = subprocess.run([foyer_binary(), "login", "--no-browser"], env=self.login_env(),
                               capture_output=True, text=True, timeout=60)
        self.assert_logged_in(again.returncode, again.stdout, again.stderr)
        self.assertNotIn(SIGN_IN_HEADER, again.stderr)
        self.assertEqual(self.idp.counts(), {"authorization": 1, "token": 1})
        self.assertEqual(self.cached_entry(), first)

        failed = self.start_login("--force")
        url, seen = self.read_url(failed)
        query = urllib.parse.urlsplit(urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)["redirect_uri"][0])
        forged = f"http://{query.netloc}{query.path}?code=forged&state=forged"
        self.assertIn("foyer received the sign-in response", follow_callback(forged))
        code, _, stderr = self.finish(failed, seen)
        self.assertEqual(code, 1, stderr)
        self.assertEqual(self.cached_entry(), first, "a failed --force login must keep the cached session")

        code, stdout, stderr = self.log_in("--force")
        self.assert_logged_in(code, stdout, stderr)
        self.assertIn(SIGN_IN_HEADER, stderr)
        self.assertEqual(self.idp.counts(), {"authorization": 2, "token": 2})  # the failed one never got there
        self.assertNotEqual(self.cached_entry()["access_key_id"], first["access_key_id"])

        logout = subprocess.run([foyer_binary(), "logout"], env=self.login_env(),
                                capture_output=True, text=True, timeout=60)
        self.assertEqual(logout.returncode, 0, logout.stderr)
        self.assertEqual(logout.stderr, "Logged out: every cached session is forgotten.\n")
        self.assertEqual(self.cache_files(), [])

    def test_an_unavailable_region_fails_over_to_the_next(self):
        self.proxy.set_plan([{"match": "AssumeRoleWithWebIdentity", "status": 503, "count": 1}])
        # One attempt per region: the second call can only be the failover.
        code, stdout, stderr = self.log_in(env=self.login_env(AWS_MAX_ATTEMPTS="1"))
        self.assert_logged_in(code, stdout, stderr)
        self.assertEqual(self.web_identity_calls(), [(503, None), (200, None)])

    def test_forged_state_is_refused_and_the_real_redirect_told_it_is_over(self):
        process = self.start_login()
        url, seen = self.read_url(process)
        real_callback = sign_in(url, login=EMAIL_LOGIN, request_callback=False)
        parts = urllib.parse.urlsplit(real_callback)
        query = dict(urllib.parse.parse_qsl(parts.query))
        forged = parts._replace(query=urllib.parse.urlencode({**query, "state": "forged-state"})).geturl()

        # The real redirect's request is begun first and completed after the
        # forged one is answered: once the listener reads a request, foyer
        # cannot exit before answering it. The pause lets a listener thread
        # take up the half-sent request before the forged one ends the login.
        real = socket.create_connection((parts.hostname, parts.port), timeout=30)
        real.sendall(f"GET {parts.path}?{parts.query} HTTP/1.1\r\nHost: {parts.netloc}\r\n".encode())
        time.sleep(0.2)
        with socket.create_connection((parts.hostname, parts.port), timeout=30) as attacker:
            attacker.sendall(f"GET {parts.path}?{urllib.parse.urlsplit(forged).query} HTTP/1.1\r\n"
                             f"Host: {parts.netloc}\r\nConnection: close\r\n\r\n".encode())
            forged_answer = b"".join(iter(lambda: attacker.recv(65536), b""))
        self.assertIn(b"foyer received the sign-in response", forged_answer)
        real.sendall(b"Connection: close\r\n\r\n")
        real_answer = b"".join(iter(lambda: real.recv(65536), b""))
        real.close()
        self.assertIn(b"This sign-in has already finished.", real_answer)

        code, stdout, stderr = self.finish(process, seen)
        self.assertEqual(code, 1, stderr)
        self.assertIn("foyer: the login was refused: the redirect's state does not match this login's "
                      "(a forged or stale redirect); start again (LoginRefused)\n", stderr)
        self.assertEqual(self.idp.counts(), {"authorization": 1, "token": 0})
        self.assertEqual(self.cache_files(), [])

    def test_fifty_concurrent_logins_run_one_sign_in(self):
        outputs = [tempfile.TemporaryFile(mode="w+") for _ in range(50)]
        processes = [subprocess.Popen([foyer_binary(), "login", "--no-browser"], env=self.login_env(),
                                      stdout=subprocess.DEVNULL, stderr=output, text=True)
                     for output in outputs]
        self.addCleanup(lambda: [output.close() for output in outputs])
        url = self.wait_for_one_url(outputs, processes)
        sign_in(url, login=EMAIL_LOGIN)
        codes = [process.wait(timeout=300) for process in processes]
        texts = []
        for output in outputs:
            output.seek(0)
            texts.append(output.read())
        self.assertEqual(codes, [0] * 50, [text for text in texts if "Logged in" not in text][:3])
        self.assertEqual(sum(SIGN_IN_HEADER in text for text in texts), 1)
        endings = {text.strip().splitlines()[-1] for text in texts}
        self.assertEqual(len(endings), 1, endings)
        self.assertTrue(endings.pop().startswith(f"Logged in to acme as group {GROUP} ({self.landing_role})"))
        self.assertEqual(len(self.cache_files()), 1)
        self.assertEqual(self.idp.counts(), {"authorization": 1, "token": 1})

    def wait_for_one_url(self, outputs, processes, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for output in outputs:
                output.seek(0)
                urls = [line.strip() for line in output if line.strip().startswith("http://")]
                if urls:
                    return urls[0]
            if all(process.poll() is not None for process in processes):
                break
            time.sleep(0.05)
        self.fail("no foyer login printed a sign-in URL")


# (fault, exit status, the message foyer must print); {issuer} is the fake's.
ATTACKS = [
    ("wrong_nonce", 1, "the ID token was refused: its nonce does not match the one this login sent "
                       "(a replayed or foreign token) (InvalidToken)"),
    ("wrong_aud", 1, "the ID token was refused: its audience is [someone-else], which does not include the "
                     "client id 'foyer'; check client_id in the client configuration (InvalidToken)"),
    ("wrong_iss", 1, f"the ID token was refused: its issuer is '{FOREIGN_ISSUER}', expected '{{issuer}}'; "
                     "check issuer in the client configuration (InvalidToken)"),
    ("expired", 1, "the ID token was refused: it expired at {expired_at} (now "),
    ("bad_signature", 1, "the ID token's signature does not verify with the provider's keys (InvalidToken)"),
    ("alg_none", 1, "the ID token is signed with 'none', which foyer does not accept "
                    "(only RS*, PS* and ES* algorithms) (InvalidToken)"),
    ("unknown_kid", 1, "no key in the provider's JWKS matches the ID token (kid 'unknown-key', alg RS256); "
                       "the provider may have rotated its keys (InvalidToken)"),
    ("wrong_iss_param", 1, f"the login was refused: the redirect comes from issuer '{FOREIGN_ISSUER}', not "
                           "'{issuer}' (a mix-up attack or a misconfigured provider) (LoginRefused)"),
    ("access_denied", 1, f"the login was refused: the provider answered access_denied: {ACCESS_DENIED_DESCRIPTION} "
                         "(LoginRefused)"),
    ("invalid_grant", 1, "the provider refused the token request: invalid_grant: "
                         f"{INVALID_GRANT_DESCRIPTION} (LoginRefused, HTTP 400)"),
]


class OidcLoginAttackTest(LoginCase):
    """Each attack ends the login with an exact message before any STS call:
    moto would accept any token, so a cached session would mean foyer let the
    token through."""

    def attempt(self, idp):
        self.create_landing_role(idp.issuer)
        self.configure(idp.issuer)
        process = self.start_login()
        url, seen = self.read_url(process)
        self.assertTrue(url.startswith(idp.issuer + "/authorize?"), url)
        sign_in(url)
        return self.finish(process, seen)

    def test_each_bad_token_or_redirect_is_refused(self):
        for fault, status, message in ATTACKS:
            with self.subTest(fault=fault), FakeIdp(fault=fault) as idp:
                code, stdout, stderr = self.attempt(idp)
                expected = message.format(issuer=idp.issuer, expired_at=time.strftime(
                    "%Y-%m-%dT%H:%M:%SZ", time.gmtime(idp.expired_at)))
                self.assertEqual(code, status, stderr)
                self.assertIn("foyer: " + expected, stderr)
                self.assertNotIn("Logged in", stderr)
                self.assertEqual(self.cache_files(), [])
                self.assertEqual(self.web_identity_calls(), [])
                tokens_requested = 0 if fault in ("wrong_iss_param", "access_denied") else 1
                self.assertEqual(idp.requests, {"authorize": 1, "token": tokens_requested})
            self.moto.reset()

    def test_the_fake_provider_without_fault_logs_in(self):
        # The control for the attacks above: the same fake, behaving, is accepted.
        with FakeIdp() as idp:
            code, stdout, stderr = self.attempt(idp)
        self.assertEqual(code, 0, stderr)
        self.assertEqual(self.web_identity_calls(), [(200, None)])
        # The fake checked PKCE; no token it issued may be written anywhere.
        self.assertEqual(len(idp.issued_tokens), 3)
        for root, _, files in os.walk(self.home):
            for name in files:
                with open(os.path.join(root, name), "rb") as file:
                    content = file.read()
                for token in idp.issued_tokens:
                    self.assertNotIn(token.encode(), content, f"a token in {name}")
        entry = self.cached_entry()
        identity = self.moto.client("sts", aws_access_key_id=entry["access_key_id"],
                                    aws_secret_access_key=entry["secret_access_key"],
                                    aws_session_token=entry["session_token"]).get_caller_identity()
        self.assertEqual(identity["Arn"], f"arn:aws:sts::{self.account}:assumed-role/{GROUP}/mallory@example.com")

    def test_discovery_naming_another_issuer_is_refused_before_any_sign_in(self):
        with FakeIdp(fault="discovery_issuer") as idp:
            self.create_landing_role(idp.issuer)
            self.configure(idp.issuer)
            result = subprocess.run([foyer_binary(), "login", "--no-browser"], env=self.login_env(),
                                    capture_output=True, text=True, timeout=60)
            self.assertEqual(idp.requests, {"authorize": 0, "token": 0})
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertNotIn(SIGN_IN_HEADER, result.stderr)
        self.assertEqual(result.stderr,
                         f"foyer: the OpenID provider '{idp.issuer}' cannot be used: its discovery document names "
                         f"the issuer '{FOREIGN_ISSUER}'; the configured issuer must be exactly that "
                         "(OidcDiscoveryError)\n")
        self.assertEqual(self.cache_files(), [])


class LoginSetupErrorTest(LoginCase):
    def test_login_before_configure_says_to_configure(self):
        result = subprocess.run([foyer_binary(), "login", "--no-browser"], env=self.login_env(),
                                capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 3, result.stderr)
        config = os.path.join(self.home, ".config", "foyer", "config.toml")
        self.assertEqual(result.stderr, f"foyer: foyer is not configured yet (no {config}); "
                                        "run `foyer configure` first (ConfigError)\n")

    def test_login_without_a_group_is_a_usage_error(self):
        result = subprocess.run(
            [foyer_binary(), "configure", "--org", "acme", "--admin-account", self.account,
             "--regions", "us-east-1,us-west-2", "--method", "oidc",
             "--oidc-issuer", "https://idp.example.com", "--oidc-client-id", "foyer"],
            env=self.moto.env(home=self.home), capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        result = subprocess.run([foyer_binary(), "login", "--no-browser"], env=self.login_env(),
                                capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertEqual(result.stderr, "foyer: no group to log in as: pass --group, or set default_group with "
                                        "`foyer configure --group G` (ConfigError)\n")

    def test_configure_refuses_oidc_without_its_settings_and_writes_nothing(self):
        result = subprocess.run(
            [foyer_binary(), "configure", "--org", "acme", "--admin-account", self.account,
             "--regions", "us-east-1,us-west-2", "--method", "oidc"],
            env=self.moto.env(home=self.home), capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertEqual(result.stderr, "foyer: the configuration would not be usable, nothing was written:\n"
                                        "  method 'oidc' in [orgs.acme] needs a [orgs.acme.oidc] table (ConfigError)\n")
        self.assertFalse(os.path.exists(os.path.join(self.home, ".config", "foyer")))


if __name__ == "__main__":
    unittest.main()
