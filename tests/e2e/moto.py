"""Starts moto in server mode on a free loopback port for a test case.

    with MotoServer() as moto:
        env = moto.env()          # AWS_ENDPOINT_URL and fake credentials
        boto = moto.client("sts")  # an independent client to read results back
"""
import os
import socket
import subprocess
import sys
import time
import urllib.request

import boto3

TEST_ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE"
TEST_SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class MotoServer:
    def __init__(self, extra_env=None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.extra_env = extra_env or {}
        self.process = None

    def __enter__(self):
        env = dict(os.environ)
        env.pop("MOTO_ACCOUNT_ID", None)
        env.update(self.extra_env)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/moto-api/", timeout=1).read()
                return self
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError("moto_server exited at start")
                time.sleep(0.1)
        self.process.kill()
        raise RuntimeError("moto_server did not start within 30 s")

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def reset(self):
        req = urllib.request.Request(self.url + "/moto-api/reset", method="POST")
        urllib.request.urlopen(req, timeout=10).read()

    def check_signatures(self):
        """From now on moto verifies SigV4 signatures and identity policies."""
        # Not form-encoded: moto reads the raw body, which Flask empties for forms.
        req = urllib.request.Request(self.url + "/moto-api/reset-auth", data=b"0", method="POST",
                                     headers={"Content-Type": "text/plain"})
        urllib.request.urlopen(req, timeout=10).read()

    def env(self, home=None, **overrides):
        """An environment for the foyer binary: only this moto, nothing of the host's."""
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "AWS_ENDPOINT_URL": self.url,
            "AWS_ACCESS_KEY_ID": TEST_ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": TEST_SECRET_KEY,
            "AWS_REGION": "us-east-1",
            "AWS_CONFIG_FILE": "/nonexistent/config",
            "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/credentials",
        }
        if home:
            env["HOME"] = home
            env["XDG_CONFIG_HOME"] = os.path.join(home, ".config")
            env["XDG_STATE_HOME"] = os.path.join(home, ".local", "state")
        env.update(overrides)
        return {k: v for k, v in env.items() if v is not None}

    def client(self, service, region="us-east-1", **credentials):
        creds = {"aws_access_key_id": TEST_ACCESS_KEY, "aws_secret_access_key": TEST_SECRET_KEY}
        creds.update(credentials)
        return boto3.client(service, region_name=region, endpoint_url=self.url, **creds)


def foyer_binary():
    path = os.environ.get("FOYER_BIN")
    if not path:
        build = os.environ.get("FOYER_BUILD_DIR", os.path.join(os.path.dirname(__file__), "..", "..", "build"))
        path = os.path.join(build, "src", "cli", "foyer")
    return path
