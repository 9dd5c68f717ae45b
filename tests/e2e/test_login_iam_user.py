"""foyer login --method iam-user, foyer mfa enroll and key rotation, end to end.

moto plays the admin account: its sts:GetSessionToken answers with fixed
credentials of account 123456789012 and checks no MFA code, so the codes
typed below are real TOTP codes from the seeds moto hands out, and what
foyer did is read back with boto3 (the landing session's identity, the
user's MFA devices and access keys), never from foyer itself. Secrets live
in the encrypted file (FOYER_SECRET_STORE=file): no Secret Service in CI.
"""
import base64
import hashlib
import hmac
import json
import os
import pty
import select
import shutil
import struct
import subprocess
import tempfile
import time
import unittest

from e2e.moto import MotoServer, foyer_binary

ACCOUNT = "123456789012"
GROUP = "sre"
PASSPHRASE = "correct horse battery staple"


def totp(seed, at=None):
    """RFC 6238 code (SHA-1, 30 s, 6 digits) of a base32 seed."""
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(base64.b32decode(seed), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)


def read_cache_entry(path):
    """The cache entry as a dict (format of src/store/credential_entry.cc)."""
    with open(path) as entry:
        lines = entry.read().split("\n")
    assert lines[0] == "foyer-credentials 1" and lines[-2:] == ["end", ""], lines
    return dict(line.split(" ", 1) for line in lines[1:-2])


def run_in_terminal(argv, env, answers, timeout=60):
    """Runs argv on a pseudo-terminal. `answers` maps a prompt to a function
    of everything printed so far that returns the line to type. Returns
    (exit status, everything printed)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(argv[0], argv, env)
    output = b""
    pending = list(answers)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 1)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            output += chunk
            text = output.decode(errors="replace")
            if pending and text.rstrip().endswith(pending[0].rstrip()):
                os.write(fd, (answers[pending.pop(0)](text) + "\n").encode())
        else:
            os.kill(pid, 9)
    finally:
        os.close(fd)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), output.decode(errors="replace")


class IamUserFixture(unittest.TestCase):
    """One moto and one person's home for a class: alice, bob and carol are
    IAM users of the admin account, each configured in an organization of
    their own (acme, beta, gamma); alice and carol have an MFA device."""

    @classmethod
    def setUpClass(cls):
        cls.moto = MotoServer()
        cls.moto.__enter__()
        cls.folder = tempfile.mkdtemp(prefix="foyer-iam-user-")
        cls.home = os.path.join(cls.folder, "home")
        os.mkdir(cls.home)
        iam = cls.moto.client("iam")
        cls.keys, cls.seeds = {}, {}
        for user in ("alice", "bob", "carol"):
            iam.create_user(UserName=user)
            key = iam.create_access_key(UserName=user)["AccessKey"]
            cls.keys[user] = {"AccessKeyId": key["AccessKeyId"], "SecretAccessKey": key["SecretAccessKey"]}
        for user in ("alice", "carol"):
            device = iam.create_virtual_mfa_device(VirtualMFADeviceName=user)["VirtualMFADevice"]
            cls.seeds[user] = device["Base32StringSeed"].decode()
            now = time.time()
            iam.enable_mfa_device(UserName=user, SerialNumber=device["SerialNumber"],
                                  AuthenticationCode1=totp(cls.seeds[user], now - 30),
                                  AuthenticationCode2=totp(cls.seeds[user], now))
        trust = {"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Action": ["sts:AssumeRole", "sts:SetSourceIdentity"],
            "Principal": {"AWS": [f"arn:aws:iam::{ACCOUNT}:user/{u}" for u in ("alice", "bob", "carol")]},
            "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]}
        iam.create_role(RoleName=GROUP, Path="/foyer/", AssumeRolePolicyDocument=json.dumps(trust),
                        MaxSessionDuration=12 * 3600)
        cls.configured = []
        for org, user in (("acme", "alice"), ("beta", "bob"), ("gamma", "carol")):
            cls.configured.append(subprocess.run(
                [foyer_binary(), "configure", "--org", org, "--admin-account", ACCOUNT, "--regions", "us-east-1",
                 "--method", "iam-user", "--group", GROUP, "--iam-user", user],
                env=cls.env(), capture_output=True, text=True, timeout=60))

    @classmethod
    def tearDownClass(cls):
        cls.moto.__exit__(None, None, None)
        shutil.rmtree(cls.folder, True)

    @classmethod
    def env(cls, **overrides):
        # The person's only AWS secret is the stored key.
        values = {"AWS_ACCESS_KEY_ID": None, "AWS_SECRET_ACCESS_KEY": None, "FOYER_SECRET_STORE": "file",
                  "FOYER_PASSPHRASE": PASSPHRASE}
        values.update(overrides)
        return cls.moto.env(home=cls.home, **values)

    def setUp(self):
        for result in self.configured:
            self.assertEqual(result.returncode, 0, result.stderr)

    def foyer(self, *args, stdin="", **env):
        return subprocess.run([foyer_binary(), *args], input=stdin, env=self.env(**env), capture_output=True,
                              text=True, timeout=60)

    def store_key_and_log_in(self, org="acme", user="alice"):
        result = self.foyer("login", "--org", org, "--secret-stdin", "--mfa-code", totp(self.seeds[user]),
                            stdin=json.dumps(self.keys[user]))
        self.assertEqual(result.returncode, 0, result.stderr)
        return result

    def landing_identity(self, org="acme"):
        """get_caller_identity of the cached landing session of `org`."""
        folder = os.path.join(self.home, ".local", "state", "foyer", "credentials")
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".cred"):
                continue
            entry = read_cache_entry(os.path.join(folder, name))
            if entry.get("source", "").endswith(f" {org}/{GROUP}"):
                sts = self.moto.client("sts", aws_access_key_id=entry["access_key_id"],
                                       aws_secret_access_key=entry["secret_access_key"],
                                       aws_session_token=entry["session_token"])
                return sts.get_caller_identity()
        self.fail(f"no cached landing session of {org} in {os.listdir(folder)}")


class IamUserLoginTest(IamUserFixture):
    """alice logs in, bob enrolls a device, carol rotates her key."""

    def test_secret_stdin_and_mfa_code_end_in_the_landing_role(self):
        result = self.store_key_and_log_in()
        self.assertIn("Stored the access key " + self.keys["alice"]["AccessKeyId"], result.stderr)
        self.assertIn(f"Logged in to acme as group {GROUP} (arn:aws:iam::{ACCOUNT}:role/foyer/{GROUP})",
                      result.stderr)
        identity = self.landing_identity()
        self.assertEqual(identity["Arn"], f"arn:aws:sts::{ACCOUNT}:assumed-role/{GROUP}/alice")
        self.assertEqual(identity["Account"], ACCOUNT)

    def test_two_line_key_is_accepted(self):
        key = self.keys["alice"]
        result = self.foyer("login", "--secret-stdin", "--mfa-code", totp(self.seeds["alice"]),
                            stdin=key["AccessKeyId"] + "\n" + key["SecretAccessKey"] + "\n")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(self.landing_identity()["Arn"], f"arn:aws:sts::{ACCOUNT}:assumed-role/{GROUP}/alice")

    def test_no_secret_in_plaintext_under_state_and_config(self):
        self.store_key_and_log_in()
        secret_file = os.path.join(self.home, ".local", "state", "foyer", "secrets.enc")
        self.assertEqual(os.stat(secret_file).st_mode & 0o777, 0o600)
        self.assertEqual(os.stat(os.path.dirname(secret_file)).st_mode & 0o777, 0o700)
        secrets = [self.keys["alice"]["SecretAccessKey"].encode(), PASSPHRASE.encode()]
        checked = 0
        for root in (os.path.join(self.home, ".local", "state"), os.path.join(self.home, ".config")):
            for folder, _, names in os.walk(root):
                for name in names:
                    with open(os.path.join(folder, name), "rb") as contents:
                        data = contents.read()
                    checked += 1
                    for secret in secrets:
                        self.assertNotIn(secret, data, os.path.join(folder, name))
        self.assertGreaterEqual(checked, 3)

    def test_wrong_passphrase_is_refused(self):
        self.store_key_and_log_in()
        result = self.foyer("login", "--force", "--mfa-code", totp(self.seeds["alice"]),
                            FOYER_PASSPHRASE="not the passphrase")
        self.assertEqual(result.returncode, 3, result.stderr)
        self.assertIn("wrong passphrase for the secret file", result.stderr)
        self.assertNotIn(self.keys["alice"]["SecretAccessKey"], result.stderr + result.stdout)

    def test_no_terminal_and_no_passphrase_fails_at_once(self):
        self.store_key_and_log_in()
        result = subprocess.run([foyer_binary(), "login", "--force", "--mfa-code", totp(self.seeds["alice"])],
                                stdin=subprocess.DEVNULL, env=self.env(FOYER_PASSPHRASE=None),
                                capture_output=True, text=True, timeout=30)
        self.assertEqual(result.returncode, 3, result.stderr)
        self.assertIn("set FOYER_PASSPHRASE", result.stderr)

    def test_no_terminal_and_no_mfa_code_fails_at_once(self):
        self.store_key_and_log_in()
        result = subprocess.run([foyer_binary(), "login", "--force"], stdin=subprocess.DEVNULL, env=self.env(),
                                capture_output=True, text=True, timeout=30)
        self.assertEqual(result.returncode, 3, result.stderr)
        self.assertIn("pass --mfa-code CODE", result.stderr)

    def test_terminal_prompts_hide_the_passphrase(self):
        self.store_key_and_log_in()
        status, printed = run_in_terminal(
            [foyer_binary(), "login", "--force"], self.env(FOYER_PASSPHRASE=None),
            {"Passphrase for foyer's secret file: ": lambda printed: PASSPHRASE,
             f"MFA code for arn:aws:iam::{ACCOUNT}:mfa/alice: ": lambda printed: totp(self.seeds["alice"])})
        self.assertEqual(status, 0, printed)
        self.assertNotIn(PASSPHRASE, printed)
        self.assertIn("Logged in to acme", printed)

    def test_logout_keeps_the_key_and_forget_key_removes_it(self):
        self.store_key_and_log_in()
        self.assertEqual(self.foyer("logout").returncode, 0)
        again = self.foyer("login", "--mfa-code", totp(self.seeds["alice"]))
        self.assertEqual(again.returncode, 0, again.stderr)
        forgot = self.foyer("logout", "--forget-key")
        self.assertEqual(forgot.returncode, 0, forgot.stderr)
        self.assertIn("Forgot the stored access key of alice (acme)", forgot.stderr)
        after = self.foyer("login", "--mfa-code", totp(self.seeds["alice"]))
        self.assertEqual(after.returncode, 3, after.stderr)
        self.assertIn("no access key is stored for IAM user alice of acme", after.stderr)

    def test_mfa_enroll_creates_and_enables_a_device(self):
        iam = self.moto.client("iam")
        stored = self.foyer("login", "--org", "beta", "--secret-stdin", "--mfa-code", "123456",
                            stdin=json.dumps(self.keys["bob"]))
        self.assertEqual(stored.returncode, 3, stored.stderr)
        self.assertIn("IAM user bob has 0 MFA devices; run `foyer mfa enroll`", stored.stderr)

        no_terminal = self.foyer("mfa", "enroll", "--org", "beta")
        self.assertEqual(no_terminal.returncode, 3, no_terminal.stderr)
        self.assertNotIn("otpauth://", no_terminal.stderr + no_terminal.stdout)
        self.assertEqual(len(iam.list_virtual_mfa_devices()["VirtualMFADevices"]), 2)

        def seed(printed):
            return printed.split("secret=", 1)[1].split("&", 1)[0]
        status, printed = run_in_terminal(
            [foyer_binary(), "mfa", "enroll", "--org", "beta"], self.env(),
            {"First code shown by the app: ": lambda printed: totp(seed(printed), time.time() - 30),
             "Next code (wait until the first one changes): ": lambda printed: totp(seed(printed))})
        self.assertEqual(status, 0, printed)
        self.assertIn("\u2588", printed)  # the QR code
        devices = iam.list_mfa_devices(UserName="bob")["MFADevices"]
        self.assertEqual([d["SerialNumber"] for d in devices], [f"arn:aws:iam::{ACCOUNT}:mfa/bob"])
        self.assertIn(f"MFA device arn:aws:iam::{ACCOUNT}:mfa/bob is enabled for bob", printed)
        with open(os.path.join(self.home, ".config", "foyer", "config.toml")) as config:
            self.assertIn(f'mfa_serial = "arn:aws:iam::{ACCOUNT}:mfa/bob"', config.read())

        login = self.foyer("login", "--org", "beta", "--mfa-code", totp(seed(printed)))
        self.assertEqual(login.returncode, 0, login.stderr)
        self.assertEqual(self.landing_identity("beta")["Arn"], f"arn:aws:sts::{ACCOUNT}:assumed-role/{GROUP}/bob")

    def test_rotate_key_leaves_only_the_new_key(self):
        iam = self.moto.client("iam")
        self.store_key_and_log_in(org="gamma", user="carol")
        old_key = self.keys["carol"]["AccessKeyId"]
        result = self.foyer("login", "--org", "gamma", "--rotate-key", "--mfa-code", totp(self.seeds["carol"]))
        self.assertEqual(result.returncode, 0, result.stderr)
        keys = [k["AccessKeyId"] for k in iam.list_access_keys(UserName="carol")["AccessKeyMetadata"]]
        self.assertEqual(len(keys), 1, keys)
        self.assertNotEqual(keys[0], old_key)
        self.assertIn(f"Rotated the access key of carol: {keys[0]} is stored", result.stderr)
        # The stored key is the new one: logging in again signs with it.
        again = self.foyer("login", "--org", "gamma", "--force", "--mfa-code", totp(self.seeds["carol"]))
        self.assertEqual(again.returncode, 0, again.stderr)


# Run inside `dbus-run-session`: unlocks a fresh GNOME Keyring, then runs the
# foyer commands given as JSON on stdin and prints their results as JSON.
IN_SESSION = """
import json, subprocess, sys
steps = json.load(sys.stdin)
daemon = subprocess.run(["gnome-keyring-daemon", "--unlock", "--components=secrets"], input=b"keyring password",
                        capture_output=True, timeout=30)
results = [subprocess.run(step["argv"], input=step["stdin"], capture_output=True, text=True, timeout=60).__dict__
           for step in steps]
print(json.dumps([{k: r[k] for k in ("returncode", "stderr")} for r in results]))
"""


@unittest.skipUnless(shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon"),
                     "needs dbus-run-session and gnome-keyring-daemon (scripts/setup installs them)")
class KeyringStoreTest(IamUserFixture):
    """The same login with a Secret Service on the session bus: the key goes
    to the keyring, no passphrase is asked and no secret file appears."""

    def test_key_lives_in_the_keyring(self):
        key, seed = self.keys["alice"], self.seeds["alice"]
        steps = [
            {"argv": [foyer_binary(), "login", "--secret-stdin", "--mfa-code", totp(seed)], "stdin": json.dumps(key)},
            {"argv": [foyer_binary(), "login", "--force", "--mfa-code", totp(seed)], "stdin": ""},
            {"argv": [foyer_binary(), "logout", "--forget-key"], "stdin": ""},
            {"argv": [foyer_binary(), "login", "--force", "--mfa-code", totp(seed)], "stdin": ""},
        ]
        data_home = os.path.join(self.folder, "keyring-data")
        env = self.env(FOYER_SECRET_STORE=None, FOYER_PASSPHRASE=None, XDG_DATA_HOME=data_home,
                       XDG_RUNTIME_DIR=os.path.join(self.folder, "keyring-run"))
        os.makedirs(env["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
        session = subprocess.run(["dbus-run-session", "--", "python3", "-c", IN_SESSION], input=json.dumps(steps),
                                 env=env, capture_output=True, text=True, timeout=240)
        self.assertEqual(session.returncode, 0, session.stderr)
        stored, again, forgot, after = json.loads(session.stdout)
        self.assertEqual(stored["returncode"], 0, stored["stderr"])
        self.assertIn("(OS keyring)", stored["stderr"])
        self.assertEqual(again["returncode"], 0, again["stderr"])
        # Without FOYER_PASSPHRASE or a terminal, only the keyring can have
        # given the key back.
        self.assertIn(f"Logged in to acme as group {GROUP}", again["stderr"])
        self.assertFalse(os.path.exists(os.path.join(self.home, ".local", "state", "foyer", "secrets.enc")))
        self.assertEqual(forgot["returncode"], 0, forgot["stderr"])
        self.assertEqual(after["returncode"], 3, after["stderr"])
        self.assertIn("no access key is stored for IAM user alice of acme", after["stderr"])
        for folder, _, names in os.walk(data_home):
            for name in names:
                with open(os.path.join(folder, name), "rb") as contents:
                    self.assertNotIn(key["SecretAccessKey"].encode(), contents.read())


if __name__ == "__main__":
    unittest.main()
