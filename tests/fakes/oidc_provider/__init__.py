"""A real OpenID provider (server.js, the oidc-provider package) for a test case,
and a scripted person who signs in through it over plain HTTP.

    with OidcProvider(claims={"https://aws.amazon.com/tags": {...}}) as idp:
        callback = sign_in(authorization_url, login="alice")
        idp.counts()   # {"authorization": 1, "token": 1}
"""
import html
import json
import os
import re
import subprocess
import threading
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

from e2e.moto import free_port

HERE = os.path.dirname(os.path.abspath(__file__))


class OidcProvider:
    def __init__(self, claims=None):
        self.port = free_port()
        self.issuer = f"http://127.0.0.1:{self.port}"
        self.claims = claims or {}
        self.process = None

    def __enter__(self):
        if not os.path.isdir(os.path.join(HERE, "node_modules", "oidc-provider")):
            raise RuntimeError(f"oidc-provider is not installed: run scripts/setup (npm ci in {HERE})")
        self.process = subprocess.Popen(
            ["node", "server.js", "--port", str(self.port), "--claims", json.dumps(self.claims)],
            cwd=HERE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        ready = []
        reader = threading.Thread(target=lambda: ready.append(self.process.stdout.readline()), daemon=True)
        reader.start()
        reader.join(timeout=30)
        if not ready or not ready[0].startswith("ready "):
            self.__exit__()
            raise RuntimeError("the OpenID provider did not start within 30 s")
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()

    def counts(self):
        """How many authorization and token requests the provider has seen."""
        with urllib.request.urlopen(self.issuer + "/test/counts", timeout=10) as response:
            return json.load(response)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_FORM = re.compile(r'<form[^>]*action="([^"]*)"[^>]*>(.*?)</form>', re.S)
_HIDDEN = re.compile(r'<input type="hidden" name="([^"]*)" value="([^"]*)"')


def _submission(page, login, password):
    """The URL and body a browser would post for the provider's current form."""
    form = _FORM.search(page)
    if form is None:
        raise AssertionError("the provider's page holds no form:\n" + page[:2000])
    fields = {html.unescape(name): html.unescape(value) for name, value in _HIDDEN.findall(form.group(2))}
    if fields.get("prompt") == "login":
        fields.update(login=login, password=password)
    return html.unescape(form.group(1)), urllib.parse.urlencode(fields).encode()


def sign_in(url, login="alice", password="any password", request_callback=True, max_steps=20):
    """Follows `url` like a browser: redirects, the login form, the consent form,
    until the provider redirects to a loopback callback that is not its own.
    Requests that callback and returns (callback URL, body of its answer); with
    request_callback=False only returns the callback URL."""
    provider = urllib.parse.urlsplit(url).netloc
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
            target = urllib.parse.urljoin(request.full_url, error.headers["Location"])
            if urllib.parse.urlsplit(target).netloc != provider:
                return (target, follow_callback(target)) if request_callback else target
            request = urllib.request.Request(target)
            continue
        action, body = _submission(page, login, password)
        request = urllib.request.Request(urllib.parse.urljoin(current, action), data=body, method="POST")
    raise AssertionError(f"no redirect to the callback after {max_steps} steps")


def follow_callback(url):
    """GETs the loopback callback and returns the page it answers with."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode()
    except urllib.error.HTTPError as error:
        return error.read().decode()
