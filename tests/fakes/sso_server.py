"""A fake IAM Identity Center: the SSO-OIDC and SSO portal APIs, scripted by tests.

moto has neither service, so Identity Center logins are tested against this
one. It speaks the wire shapes of botocore's `sso-oidc` and `sso` models
(both rest-json, unsigned, the portal authenticated by the
`x-amz-sso_bearer_token` header) and answers errors as AWS does: the
exception name in `x-amzn-ErrorType`, and an OAuth body
`{"error": ..., "error_description": ...}` (SSO-OIDC) or `{"message": ...}`
(portal).

    with FakeSso(moto_url=moto.url) as sso:
        sso.assign("123456789012", "Admins")
        sso.script_next_device(["authorization_pending", "slow_down"])
        ... run the client against sso.url ...
        sso.requests_to("/token")   # everything the client sent

Device authorizations answer CreateToken polls from a script: each poll
consumes one outcome ("authorization_pending", "slow_down", "access_denied",
"expired_token"); when the script is exhausted the device is approved.
GetRoleCredentials returns `fixed_credentials` when set, otherwise (with a
moto URL) it creates the role `AWSReservedSSO_<permission set>_<hash>` in the
account's IAM and mints real credentials with moto's sts:AssumeRole.
"""
import hashlib
import json
import secrets
import threading
import time
from dataclasses import dataclass, field

import boto3
from flask import Flask, Response, request
from werkzeug.serving import WSGIRequestHandler, make_server

MOTO_ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE"
MOTO_SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
MOTO_DEFAULT_ACCOUNT = "123456789012"

DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
REFRESH_TOKEN_GRANT = "refresh_token"

# OAuth error code -> (HTTP status, the exception name AWS puts in x-amzn-ErrorType).
OIDC_ERRORS = {
    "authorization_pending": (400, "AuthorizationPendingException"),
    "slow_down": (400, "SlowDownException"),
    "expired_token": (400, "ExpiredTokenException"),
    "access_denied": (400, "AccessDeniedException"),
    "invalid_grant": (400, "InvalidGrantException"),
    "invalid_client": (401, "InvalidClientException"),
    "invalid_request": (400, "InvalidRequestException"),
    "unsupported_grant_type": (400, "UnsupportedGrantTypeException"),
}


def _bearer_token():
    return dict(request.environ["fake_sso.raw_headers"]).get("x-amz-sso_bearer_token", "")


@dataclass
class RecordedRequest:
    method: str
    path: str
    query: dict
    headers: dict  # names lower-cased
    body: object   # parsed JSON, or the raw text when it is not JSON
    at: float = 0.0  # time.monotonic() on arrival


@dataclass
class Client:
    client_id: str
    client_secret: str
    name: str


@dataclass
class Device:
    device_code: str
    user_code: str
    client_id: str
    script: list
    polls: int = 0
    consumed: bool = False


@dataclass
class Token:
    access_token: str
    refresh_token: str
    client_id: str
    expires_at: float
    revoked: bool = False


@dataclass
class Assignment:
    account_id: str
    role_name: str
    account_name: str
    email: str


@dataclass
class State:
    clients: dict = field(default_factory=dict)
    devices: dict = field(default_factory=dict)
    tokens: dict = field(default_factory=dict)          # access token -> Token
    refresh_tokens: dict = field(default_factory=dict)  # refresh token -> Token
    assignments: list = field(default_factory=list)
    next_scripts: list = field(default_factory=list)
    requests: list = field(default_factory=list)


class _RawHeaderHandler(WSGIRequestHandler):
    """The WSGI server drops header names containing '_', and the portal's
    bearer header is `x-amz-sso_bearer_token`: keep every raw header aside."""

    def make_environ(self):
        environ = super().make_environ()
        environ["fake_sso.raw_headers"] = [(k.lower(), v) for k, v in self.headers.items()]
        return environ

    def log_request(self, *args):
        pass


def _free_port():
    import socket
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class FakeSso:
    def __init__(self, moto_url=None, region="us-east-1", user_name="alice", moto_keys=None):
        self.moto_url = moto_url
        # (access key, secret) for moto; needed once moto checks signatures,
        # since its default test keys then belong to nobody.
        self.moto_keys = moto_keys or (MOTO_ACCESS_KEY, MOTO_SECRET_KEY)
        self.region = region
        self.user_name = user_name
        # Scripting knobs, read at request time.
        self.access_token_lifetime = 3600
        self.device_expires_in = 600
        self.device_interval = 1
        self.issue_refresh_tokens = True
        self.page_size = 100
        self.credentials_lifetime = 3600
        self.fixed_credentials = None  # dict: accessKeyId, secretAccessKey, sessionToken, expiration
        self.state = State()
        self._lock = threading.Lock()
        self._server = None
        self._thread = None
        self.url = None

    # ---- lifetime -------------------------------------------------------------------

    def __enter__(self):
        port = _free_port()
        self._server = make_server("127.0.0.1", port, self._make_app(), threaded=True,
                                   request_handler=_RawHeaderHandler)
        self.url = f"http://127.0.0.1:{port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._thread.join(timeout=10)

    # ---- scripting ------------------------------------------------------------------

    def script_next_device(self, outcomes):
        """The next StartDeviceAuthorization answers its CreateToken polls with
        `outcomes` in order, then approves."""
        with self._lock:
            self.state.next_scripts.append(list(outcomes))

    def approve(self, device_code):
        with self._lock:
            self.state.devices[device_code].script = []

    def deny(self, device_code):
        with self._lock:
            self.state.devices[device_code].script = ["access_denied"] * 1000

    def expire_device(self, device_code):
        with self._lock:
            self.state.devices[device_code].script = ["expired_token"] * 1000

    def revoke_refresh_token(self, refresh_token):
        with self._lock:
            self.state.refresh_tokens[refresh_token].revoked = True

    def expire_access_token(self, access_token):
        with self._lock:
            self.state.tokens[access_token].expires_at = time.time() - 1

    def assign(self, account_id, role_name, account_name=None, email=None):
        """Gives the user `role_name` (a permission set) in `account_id`."""
        with self._lock:
            self.state.assignments.append(Assignment(
                account_id, role_name, account_name or f"account-{account_id}",
                email or f"aws+{account_id}@example.com"))

    @property
    def requests(self):
        with self._lock:
            return list(self.state.requests)

    def requests_to(self, path):
        return [r for r in self.requests if r.path == path]

    def devices(self):
        with self._lock:
            return list(self.state.devices.values())

    def tokens(self):
        with self._lock:
            return list(self.state.tokens.values())

    @staticmethod
    def reserved_role_name(permission_set):
        digest = hashlib.sha256(permission_set.encode()).hexdigest()[:16]
        return f"AWSReservedSSO_{permission_set}_{digest}"

    def reserved_role_arn(self, account_id, permission_set):
        return (f"arn:aws:iam::{account_id}:role/aws-reserved/sso.amazonaws.com/"
                f"{self.reserved_role_name(permission_set)}")

    # ---- HTTP -----------------------------------------------------------------------

    def _make_app(self):
        app = Flask("fake_sso")
        routes = [
            ("/client/register", "POST", self._register_client),
            ("/device_authorization", "POST", self._start_device_authorization),
            ("/token", "POST", self._create_token),
            ("/federation/credentials", "GET", self._get_role_credentials),
            ("/assignment/accounts", "GET", self._list_accounts),
            ("/assignment/roles", "GET", self._list_account_roles),
            ("/logout", "POST", self._logout),
        ]
        for path, method, handler in routes:
            app.add_url_rule(path, path, self._recorded(handler), methods=[method])
        return app

    def _recorded(self, handler):
        def wrapper():
            raw = request.get_data(as_text=True)
            try:
                body = json.loads(raw) if raw else None
            except ValueError:
                body = raw
            with self._lock:
                self.state.requests.append(RecordedRequest(
                    request.method, request.path, dict(request.args),
                    dict(request.environ["fake_sso.raw_headers"]), body, time.monotonic()))
                return handler(body if isinstance(body, dict) else {})
        return wrapper

    @staticmethod
    def _json(status, payload, error_type=None):
        headers = {"x-amzn-RequestId": secrets.token_hex(16)}
        if error_type:
            headers["x-amzn-ErrorType"] = error_type
        return Response(json.dumps(payload), status=status, headers=headers,
                        content_type="application/json")

    def _oidc_error(self, error, description):
        status, error_type = OIDC_ERRORS[error]
        return self._json(status, {"error": error, "error_description": description}, error_type)

    def _portal_error(self, status, error_type, message):
        return self._json(status, {"message": message}, error_type)

    # ---- SSO-OIDC -------------------------------------------------------------------

    def _register_client(self, body):
        if not body.get("clientName") or body.get("clientType") != "public":
            return self._oidc_error("invalid_request", "clientName and clientType=public are required")
        client = Client("cl-" + secrets.token_hex(8), "secret-" + secrets.token_hex(16),
                        body["clientName"])
        self.state.clients[client.client_id] = client
        now = int(time.time())
        return self._json(200, {"clientId": client.client_id, "clientSecret": client.client_secret,
                                "clientIdIssuedAt": now, "clientSecretExpiresAt": now + 90 * 86400})

    def _client_ok(self, body):
        client = self.state.clients.get(body.get("clientId"))
        return client is not None and client.client_secret == body.get("clientSecret")

    def _start_device_authorization(self, body):
        if not self._client_ok(body):
            return self._oidc_error("invalid_client", "Invalid client provided")
        if not body.get("startUrl"):
            return self._oidc_error("invalid_request", "startUrl is required")
        script = self.state.next_scripts.pop(0) if self.state.next_scripts else []
        device = Device("dc-" + secrets.token_hex(12), secrets.token_hex(2).upper() + "-" +
                        secrets.token_hex(2).upper(), body["clientId"], script)
        self.state.devices[device.device_code] = device
        verification = f"{self.url}/device"
        return self._json(200, {
            "deviceCode": device.device_code, "userCode": device.user_code,
            "verificationUri": verification,
            "verificationUriComplete": f"{verification}?user_code={device.user_code}",
            "expiresIn": self.device_expires_in, "interval": self.device_interval})

    def _create_token(self, body):
        if not self._client_ok(body):
            return self._oidc_error("invalid_client", "Invalid client provided")
        grant = body.get("grantType")
        if grant == DEVICE_CODE_GRANT:
            return self._device_code_grant(body)
        if grant == REFRESH_TOKEN_GRANT:
            return self._refresh_token_grant(body)
        return self._oidc_error("unsupported_grant_type", f"Unsupported grant type: {grant}")

    def _device_code_grant(self, body):
        device = self.state.devices.get(body.get("deviceCode"))
        if device is None or device.client_id != body["clientId"] or device.consumed:
            return self._oidc_error("invalid_grant", "Invalid grant provided")
        device.polls += 1
        if device.script:
            outcome = device.script.pop(0)
            return self._oidc_error(outcome, {
                "authorization_pending": "Authorization is still pending",
                "slow_down": "Client is polling too quickly",
                "access_denied": "Authorization was denied",
                "expired_token": "Device code has expired",
            }[outcome])
        device.consumed = True
        return self._issue_token(device.client_id)

    def _refresh_token_grant(self, body):
        old = self.state.refresh_tokens.get(body.get("refreshToken"))
        if old is None or old.revoked or old.client_id != body["clientId"]:
            return self._oidc_error("invalid_grant", "Invalid refresh token provided")
        # Refresh tokens rotate: the old one is spent.
        old.revoked = True
        return self._issue_token(old.client_id)

    def _issue_token(self, client_id):
        token = Token("at-" + secrets.token_hex(16),
                      "rt-" + secrets.token_hex(16) if self.issue_refresh_tokens else "",
                      client_id, time.time() + self.access_token_lifetime)
        self.state.tokens[token.access_token] = token
        reply = {"accessToken": token.access_token, "tokenType": "Bearer",
                 "expiresIn": self.access_token_lifetime}
        if token.refresh_token:
            self.state.refresh_tokens[token.refresh_token] = token
            reply["refreshToken"] = token.refresh_token
        return self._json(200, reply)

    # ---- SSO portal -----------------------------------------------------------------

    def _bearer_ok(self):
        token = self.state.tokens.get(_bearer_token())
        return token is not None and not token.revoked and token.expires_at > time.time()

    def _unauthorized(self):
        return self._portal_error(401, "UnauthorizedException", "Session token not found or invalid")

    def _page(self, items, list_name):
        start = int(request.args.get("next_token", "0") or 0)
        size = min(int(request.args.get("max_result", self.page_size)), self.page_size)
        reply = {list_name: items[start:start + size]}
        if start + size < len(items):
            reply["nextToken"] = str(start + size)
        return self._json(200, reply)

    def _list_accounts(self, _body):
        if not self._bearer_ok():
            return self._unauthorized()
        seen, accounts = set(), []
        for a in self.state.assignments:
            if a.account_id not in seen:
                seen.add(a.account_id)
                accounts.append({"accountId": a.account_id, "accountName": a.account_name,
                                 "emailAddress": a.email})
        return self._page(accounts, "accountList")

    def _list_account_roles(self, _body):
        if not self._bearer_ok():
            return self._unauthorized()
        account = request.args.get("account_id", "")
        roles = [{"roleName": a.role_name, "accountId": a.account_id}
                 for a in self.state.assignments if a.account_id == account]
        return self._page(roles, "roleList")

    def _logout(self, _body):
        token = self.state.tokens.get(_bearer_token())
        if token is None:
            return self._unauthorized()
        token.revoked = True
        return Response(status=200)

    def _get_role_credentials(self, _body):
        if not self._bearer_ok():
            return self._unauthorized()
        account = request.args.get("account_id", "")
        role = request.args.get("role_name", "")
        if not any(a.account_id == account and a.role_name == role for a in self.state.assignments):
            return self._portal_error(403, "ForbiddenException", "No access")
        if self.fixed_credentials is not None:
            return self._json(200, {"roleCredentials": self.fixed_credentials})
        if self.moto_url is None:
            return self._portal_error(500, "InternalServerException", "no moto URL and no fixed credentials")
        return self._json(200, {"roleCredentials": self._mint_in_moto(account, role)})

    # ---- minting real credentials in moto ------------------------------------------

    def _moto(self, service, credentials=None):
        creds = credentials or {"aws_access_key_id": self.moto_keys[0],
                                "aws_secret_access_key": self.moto_keys[1]}
        return boto3.client(service, region_name=self.region, endpoint_url=self.moto_url, **creds)

    def _account_credentials(self, account_id):
        """Credentials that act in `account_id` inside moto (moto's AssumeRole
        lands in the role's account, whether or not the role exists)."""
        if account_id == MOTO_DEFAULT_ACCOUNT:
            return None
        assumed = self._moto("sts").assume_role(
            RoleArn=f"arn:aws:iam::{account_id}:role/OrganizationAccountAccessRole",
            RoleSessionName="fake-sso")["Credentials"]
        return {"aws_access_key_id": assumed["AccessKeyId"],
                "aws_secret_access_key": assumed["SecretAccessKey"],
                "aws_session_token": assumed["SessionToken"]}

    def _ensure_reserved_role(self, account_id, permission_set):
        iam = self._moto("iam", self._account_credentials(account_id))
        name = self.reserved_role_name(permission_set)
        try:
            iam.get_role(RoleName=name)
        except iam.exceptions.NoSuchEntityException:
            trust = {"Version": "2012-10-17", "Statement": [{
                "Effect": "Allow",
                "Principal": {"Federated": f"arn:aws:iam::{account_id}:saml-provider/"
                                           "AWSSSO_0000000000000000_DO_NOT_DELETE"},
                "Action": ["sts:AssumeRoleWithSAML", "sts:TagSession"]}]}
            iam.create_role(RoleName=name, Path="/aws-reserved/sso.amazonaws.com/",
                            AssumeRolePolicyDocument=json.dumps(trust))

    def _mint_in_moto(self, account_id, permission_set):
        self._ensure_reserved_role(account_id, permission_set)
        assumed = self._moto("sts").assume_role(
            RoleArn=self.reserved_role_arn(account_id, permission_set),
            RoleSessionName=self.user_name,
            DurationSeconds=self.credentials_lifetime)["Credentials"]
        return {"accessKeyId": assumed["AccessKeyId"],
                "secretAccessKey": assumed["SecretAccessKey"],
                "sessionToken": assumed["SessionToken"],
                "expiration": int(assumed["Expiration"].timestamp() * 1000)}
