"""A deliberately misbehaving OpenID provider on loopback, for the negative
login tests: a real provider never sends a bad token, this one does on demand.

    with FakeIdp(fault="wrong_nonce") as idp:
        ...  # foyer configured with issuer idp.issuer, client id "foyer"

Its /authorize redirects straight back to the client's redirect_uri with a
code (no sign-in page). The token endpoint checks PKCE, then answers with an
ID token spoiled as `fault` says (None: a correct one). Faults:

  wrong_nonce, wrong_aud, wrong_iss, expired, bad_signature, alg_none,
  unknown_kid        the ID token
  wrong_iss_param    the authorization response's `iss` parameter (RFC 9207)
  access_denied      the authorization response is an error (the person declined)
  discovery_issuer   the discovery document names another issuer
  invalid_grant      the token endpoint refuses the code

`requests` counts what it received: "authorize" and "token".
"""
import base64
import hashlib
import json
import secrets
import threading
import time
import urllib.parse

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from flask import Flask, jsonify, redirect, request
from werkzeug.serving import WSGIRequestHandler, make_server

from e2e.moto import free_port

FAULTS = ("wrong_nonce", "wrong_aud", "wrong_iss", "expired", "bad_signature", "alg_none", "unknown_kid",
          "wrong_iss_param", "access_denied", "discovery_issuer", "invalid_grant")
KEY_ID = "fake-idp-key-1"
FOREIGN_ISSUER = "https://evil.example"
INVALID_GRANT_DESCRIPTION = "grant request is invalid"
ACCESS_DENIED_DESCRIPTION = "the person declined"


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64url_json(value):
    return b64url(json.dumps(value, separators=(",", ":")).encode())


class _QuietHandler(WSGIRequestHandler):
    def log_request(self, *args, **kwargs):
        pass


def _uint(number):
    return number.to_bytes((number.bit_length() + 7) // 8, "big")


class FakeIdp:
    def __init__(self, fault=None, client_id="foyer", email="mallory@example.com"):
        if fault is not None and fault not in FAULTS:
            raise ValueError(f"unknown fault {fault!r}")
        self.fault = fault
        self.client_id = client_id
        self.email = email
        self.port = free_port()
        self.issuer = f"http://127.0.0.1:{self.port}"
        self.requests = {"authorize": 0, "token": 0}
        self.issued_tokens = []  # every token the token endpoint handed out
        self.expired_at = int(time.time()) - 3600
        self._key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self._other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self._codes = {}  # code -> parameters of its authorization request
        self._server = make_server("127.0.0.1", self.port, self._app(), threaded=True,
                                   request_handler=_QuietHandler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._thread.join()

    def jwks(self):
        numbers = self._key.public_key().public_numbers()
        return {"keys": [{"kty": "RSA", "use": "sig", "alg": "RS256", "kid": KEY_ID,
                          "n": b64url(_uint(numbers.n)), "e": b64url(_uint(numbers.e))}]}

    def id_token(self, nonce):
        now = int(time.time())
        claims = {"iss": self.issuer, "sub": "mallory", "aud": self.client_id, "email": self.email,
                  "iat": now, "exp": now + 3600, "nonce": nonce}
        header = {"alg": "RS256", "typ": "JWT", "kid": KEY_ID}
        if self.fault == "wrong_nonce":
            claims["nonce"] = b64url(secrets.token_bytes(32))
        elif self.fault == "wrong_aud":
            claims["aud"] = "someone-else"
        elif self.fault == "wrong_iss":
            claims["iss"] = FOREIGN_ISSUER
        elif self.fault == "expired":
            claims["iat"], claims["exp"] = self.expired_at - 3600, self.expired_at
        elif self.fault == "unknown_kid":
            header["kid"] = "unknown-key"
        elif self.fault == "alg_none":
            return f"{b64url_json({'alg': 'none', 'typ': 'JWT'})}.{b64url_json(claims)}."
        signing_input = f"{b64url_json(header)}.{b64url_json(claims)}".encode()
        key = self._other_key if self.fault == "bad_signature" else self._key
        signature = key.sign(signing_input, padding.PKCS1v15(), hashes.SHA256())
        return f"{signing_input.decode()}.{b64url(signature)}"

    def _app(self):
        app = Flask(__name__)

        @app.get("/.well-known/openid-configuration")
        def discovery():
            return jsonify({
                "issuer": FOREIGN_ISSUER if self.fault == "discovery_issuer" else self.issuer,
                "authorization_endpoint": self.issuer + "/authorize",
                "token_endpoint": self.issuer + "/token",
                "jwks_uri": self.issuer + "/jwks",
                "response_types_supported": ["code"],
                "code_challenge_methods_supported": ["S256"],
                "authorization_response_iss_parameter_supported": True,
            })

        @app.get("/jwks")
        def jwks():
            return jsonify(self.jwks())

        @app.get("/authorize")
        def authorize():
            self.requests["authorize"] += 1
            code = b64url(secrets.token_bytes(16))
            self._codes[code] = dict(request.args)
            iss = FOREIGN_ISSUER if self.fault == "wrong_iss_param" else self.issuer
            response = {"code": code}
            if self.fault == "access_denied":
                response = {"error": "access_denied", "error_description": ACCESS_DENIED_DESCRIPTION}
            query = urllib.parse.urlencode({**response, "state": request.args["state"], "iss": iss})
            return redirect(request.args["redirect_uri"] + "?" + query, code=302)

        @app.post("/token")
        def token():
            self.requests["token"] += 1
            sent = self._codes.pop(request.form.get("code", ""), None)
            verifier = request.form.get("code_verifier", "")
            challenge = b64url(hashlib.sha256(verifier.encode()).digest())
            if (self.fault == "invalid_grant" or sent is None or sent["code_challenge"] != challenge
                    or sent["redirect_uri"] != request.form.get("redirect_uri")):
                return jsonify({"error": "invalid_grant", "error_description": INVALID_GRANT_DESCRIPTION}), 400
            tokens = {"access_token": b64url(secrets.token_bytes(32)), "id_token": self.id_token(sent["nonce"]),
                      "refresh_token": b64url(secrets.token_bytes(32))}
            self.issued_tokens.extend(tokens.values())
            return jsonify({**tokens, "token_type": "Bearer", "expires_in": 3600})

        return app
