"""foyer login --device: the OIDC device authorization flow (RFC 8628), end to end.

A real OpenID provider (fakes/oidc_provider, with its device flow enabled)
shows the user-code confirmation page; the test approves it over HTTP as the
person would on another device, while foyer polls. The ID token is exchanged
with moto's sts:AssumeRoleWithWebIdentity, and the session read back with boto3.
"""
import json
import os
import re
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

from e2e.moto import foyer_binary
from e2e.test_login_oidc import EMAIL_LOGIN, GROUP, GROUP_TAGS, JWT_SHAPE, TOKEN_NAMES, LoginCase
from fakes.oidc_provider import OidcProvider, _NoRedirects, _submission

CODE_HEADER = "To sign in, open this address and confirm the code "


def device_counts(idp):
    with urllib.request.urlopen(idp.issuer + "/test/device-counts", timeout=10) as response:
        return json.load(response)["device_authorization"]


def approve_device(url, login=EMAIL_LOGIN, abort=False, max_steps=12):
    """Follows the verification address like a browser: the user-code
    confirmation, the login form, the consent form, up to the provider's
    success page. With abort=True presses Abort on the confirmation instead."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()), _NoRedirects())
    request = urllib.request.Request(url)
    for _ in range(max_steps):
        try:
            with opener.open(request, timeout=30) as response:
                page = response.read().decode()
                current = response.geturl()
        except urllib.error.HTTPError as error:
            if error.code not in (302, 303):
                raise AssertionError(f"the provider answered HTTP {error.code}: {error.read()[:2000]!r}")
            request = urllib.request.Request(urllib.parse.urljoin(request.full_url, error.headers["Location"]))
            continue
        if "Sign-in Success" in page or "The Sign-in request was interrupted" in page:
            return page
        action, body = _submission(page, login, "any password")
        if abort and b"confirm=yes" in body:
            body = body.replace(b"confirm=yes", b"abort=yes")
        request = urllib.request.Request(urllib.parse.urljoin(current, action), data=body, method="POST")
    raise AssertionError(f"no success page after {max_steps} steps")


class OidcDeviceLoginTest(LoginCase):
    def setUp(self):
        super().setUp()
        self.idp = OidcProvider(claims=GROUP_TAGS)
        self.idp.__enter__()
        self.addCleanup(self.idp.__exit__, None, None, None)
        self.create_landing_role(self.idp.issuer)
        self.configure(self.idp.issuer)
        self.landing_role = f"arn:aws:iam::{self.account}:role/foyer/{GROUP}"

    def read_code(self, process):
        """Reads stderr up to the verification address; returns (address, user code, what was read)."""
        url, seen = self.read_url(process)
        # Up to the end of the instructions: what is left in the pipe's
        # buffer after this is read by finish() straight from the pipe.
        for line in process.stderr:
            seen += line
            if line.startswith("(or open "):
                break
        match = re.search(CODE_HEADER + r"([A-Z]{4}-[A-Z]{4}):\n\n  (\S+)\n\n\(or open (\S+) and type the code\)\n$",
                          seen)
        self.assertIsNotNone(match, seen)
        self.assertEqual((match.group(2), match.group(3)), (url, f"{self.idp.issuer}/device"))
        return url, match.group(1), seen

    def test_device_login_lands_without_a_redirect(self):
        process = self.start_login("--device")
        url, user_code, seen = self.read_code(process)
        self.assertEqual(url, f"{self.idp.issuer}/device?user_code={user_code}")
        self.assertIn("Sign-in Success", approve_device(url))
        code, stdout, stderr = self.finish(process, seen)
        self.assertEqual(code, 0, stderr)
        self.assertEqual(stdout, "")
        self.assertIn(f"Logged in to acme as group {GROUP} ({self.landing_role}), until ", stderr)
        self.assertEqual(device_counts(self.idp), 1)
        self.assertEqual(self.idp.counts()["authorization"], 0)
        self.assertEqual(self.web_identity_calls(), [(200, None)])
        entry = self.cached_entry()
        identity = self.moto.client("sts", aws_access_key_id=entry["access_key_id"],
                                    aws_secret_access_key=entry["secret_access_key"],
                                    aws_session_token=entry["session_token"]).get_caller_identity()
        self.assertEqual(identity["Arn"],
                         f"arn:aws:sts::{self.account}:assumed-role/{GROUP}/{EMAIL_LOGIN}@example.com")
        self.assert_no_token_on_disk()

    def test_an_aborted_confirmation_exits_3_and_caches_nothing(self):
        process = self.start_login("--device")
        url, _, seen = self.read_code(process)
        self.assertIn("The Sign-in request was interrupted", approve_device(url, abort=True))
        code, stdout, stderr = self.finish(process, seen)
        self.assertEqual(code, 3, stderr)
        self.assertIn("foyer: the sign-in was denied at the provider; run `foyer login` again (LoginRefused, HTTP 400)\n",
                      stderr)
        self.assertEqual(self.cache_files(), [])
        self.assertEqual(self.web_identity_calls(), [])

    def assert_no_token_on_disk(self):
        for root, _, files in os.walk(self.home):
            for name in files:
                with open(os.path.join(root, name), "rb") as file:
                    content = file.read()
                self.assertIsNone(JWT_SHAPE.search(content), f"a JWT in {name}")
                for token_name in TOKEN_NAMES:
                    self.assertNotIn(token_name, content, f"{token_name!r} in {name}")


class OidcRefreshTokenTest(LoginCase):
    """configure --oidc-refresh-tokens: offline_access is asked for, the
    refresh token kept in the secret store (the encrypted file here), and new
    sessions need nobody until the provider refuses it."""

    def setUp(self):
        super().setUp()
        self.start_provider()
        self.create_landing_role(self.idp.issuer)
        result = subprocess.run(
            [foyer_binary(), "configure", "--org", "acme", "--admin-account", self.account,
             "--regions", "us-east-1,us-west-2", "--method", "oidc", "--group", GROUP,
             "--oidc-issuer", self.idp.issuer, "--oidc-client-id", "foyer", "--oidc-refresh-tokens"],
            env=self.moto.env(home=self.home), capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)

    def start_provider(self, port=None):
        self.idp = OidcProvider(claims=GROUP_TAGS)
        if port is not None:  # the same issuer, with none of the old one's grants
            self.idp.port, self.idp.issuer = port, f"http://127.0.0.1:{port}"
        self.idp.__enter__()
        self.addCleanup(self.idp.__exit__, None, None, None)

    def env(self):
        return self.login_env(FOYER_SECRET_STORE="file", FOYER_PASSPHRASE="correct horse battery staple")

    def device_login(self, *args):
        process = self.start_login("--device", *args, env=self.env())
        url, seen = self.read_url(process)
        self.assertIn("Sign-in Success", approve_device(url))
        code, stdout, stderr = self.finish(process, seen)
        self.assertEqual(code, 0, stderr)
        return stderr

    def test_a_new_session_comes_from_the_refresh_token_until_the_provider_refuses_it(self):
        self.device_login()
        first = self.cached_entry()
        tokens_before = self.idp.counts()["token"]

        again = subprocess.run([foyer_binary(), "login", "--no-browser", "--device", "--force"], env=self.env(),
                               capture_output=True, text=True, timeout=60)
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertNotIn(CODE_HEADER, again.stderr)
        self.assertIn(f"Logged in to acme as group {GROUP} (", again.stderr)
        self.assertEqual(device_counts(self.idp), 1)
        self.assertEqual(self.idp.counts()["token"], tokens_before + 1)  # the refresh grant
        self.assertEqual(self.web_identity_calls(), [(200, None), (200, None)])
        self.assertNotEqual(self.cached_entry()["access_key_id"], first["access_key_id"])

        # A provider that forgot every grant refuses the refresh token: the
        # person is asked again, with a device code.
        port = self.idp.port
        self.idp.__exit__(None, None, None)
        self.start_provider(port)
        stderr = self.device_login("--force")
        self.assertIn(CODE_HEADER, stderr)
        self.assertEqual(device_counts(self.idp), 1)

        logout = subprocess.run([foyer_binary(), "logout"], env=self.env(), capture_output=True, text=True,
                                timeout=60)
        self.assertEqual(logout.returncode, 0, logout.stderr)
        # With the refresh token gone, the next session needs the person.
        process = self.start_login("--device", env=self.env())
        url, seen = self.read_url(process)
        self.assertIn(CODE_HEADER, seen)
        process.kill()
        process.communicate()


if __name__ == "__main__":
    import unittest
    unittest.main()
