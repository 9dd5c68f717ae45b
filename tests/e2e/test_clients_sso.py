"""foyer's SSO-OIDC and SSO portal clients against the fake Identity Center.

Every call is one run of foyer_roundtrip_storage; the assertions are on what
it printed and on what the fake recorded (exact paths, headers and bodies).
Role credentials are minted in moto and proven there with boto3.
"""
import json
import time
import unittest

import boto3
import botocore
from botocore.config import Config

from e2e.moto import MotoServer
from e2e.test_clients_storage import run_tool
from fakes.sso_server import DEVICE_CODE_GRANT, FakeSso

START_URL = "https://example.awsapps.com/start"
ADMIN_ACCOUNT = "111111111111"
OTHER_ACCOUNT = "123456789012"


class SsoClientsTest(unittest.TestCase):
    def setUp(self):
        self.moto = MotoServer()
        self.moto.__enter__()
        self.addCleanup(self.moto.__exit__, None, None, None)
        self.sso = FakeSso(moto_url=self.moto.url)
        self.sso.__enter__()
        self.addCleanup(self.sso.__exit__, None, None, None)
        self.sso.assign(ADMIN_ACCOUNT, "Admins", account_name="admin", email="admin@example.com")
        self.sso.assign(ADMIN_ACCOUNT, "Readers", account_name="admin", email="admin@example.com")
        self.sso.assign(OTHER_ACCOUNT, "Readers", account_name="audit", email="audit@example.com")

    def call(self, *args):
        """Runs one command; returns (exit status, output)."""
        env = self.moto.env(AWS_ENDPOINT_URL=self.sso.url, AWS_ACCESS_KEY_ID=None,
                            AWS_SECRET_ACCESS_KEY=None)
        return run_tool(env, *args)

    def ok(self, *args):
        status, out = self.call(*args)
        self.assertEqual(status, 0, out)
        return out

    def error_of(self, *args):
        status, out = self.call(*args)
        self.assertEqual(status, 1, out)
        return out["error"]

    def register_and_start(self):
        client = self.ok("oidc-register", "foyer")
        device = self.ok("oidc-start", client["client_id"], client["client_secret"], START_URL)
        return client, device

    def device_token(self, client, device):
        return self.ok("oidc-token-device", client["client_id"], client["client_secret"], device["device_code"])

    def login(self):
        client, device = self.register_and_start()
        return client, self.device_token(client, device)

    def test_device_flow_pending_then_slow_down_then_token(self):
        self.sso.script_next_device(["authorization_pending", "slow_down"])
        client, device = self.register_and_start()
        poll = ("oidc-token-device", client["client_id"], client["client_secret"], device["device_code"])
        pending = self.error_of(*poll)
        self.assertEqual(pending["code"], "AuthorizationPendingException")
        self.assertEqual(pending["http_status"], 400)
        self.assertEqual(self.error_of(*poll)["code"], "SlowDownException")
        token = self.ok(*poll)
        issued = self.sso.tokens()
        self.assertEqual(len(issued), 1)
        self.assertEqual(token, {"access_token": issued[0].access_token, "token_type": "Bearer",
                                 "expires_in": 3600, "refresh_token": issued[0].refresh_token})
        # The device code is spent.
        self.assertEqual(self.error_of(*poll)["code"], "InvalidGrantException")

        register = self.sso.requests_to("/client/register")
        self.assertEqual(len(register), 1)
        self.assertEqual(register[0].method, "POST")
        self.assertEqual(register[0].body, {"clientName": "foyer", "clientType": "public",
                                            "scopes": ["sso:account:access"]})
        self.assertEqual(register[0].headers["content-type"], "application/json")
        self.assertTrue(register[0].headers["user-agent"].startswith("foyer/"))
        start = self.sso.requests_to("/device_authorization")
        self.assertEqual([r.body for r in start], [{"clientId": client["client_id"],
                                                    "clientSecret": client["client_secret"],
                                                    "startUrl": START_URL}])
        polls = self.sso.requests_to("/token")
        self.assertEqual(len(polls), 4)
        for recorded in polls:
            self.assertEqual(recorded.body, {"clientId": client["client_id"], "clientSecret": client["client_secret"],
                                             "grantType": DEVICE_CODE_GRANT, "deviceCode": device["device_code"]})
        for recorded in self.sso.requests:
            self.assertNotIn("authorization", recorded.headers)  # SSO-OIDC is unsigned
            self.assertNotIn("x-amz-security-token", recorded.headers)

        registered = self.sso.state.clients[client["client_id"]]
        self.assertEqual(client["client_secret"], registered.client_secret)
        created = self.sso.devices()[0]
        self.assertEqual(device, {"device_code": created.device_code, "user_code": created.user_code,
                                  "verification_uri": f"{self.sso.url}/device",
                                  "verification_uri_complete": f"{self.sso.url}/device?user_code={created.user_code}",
                                  "expires_in": 600, "interval": 1})
        self.assertEqual(created.polls, 3)

    def test_expired_and_denied_device_codes(self):
        self.sso.script_next_device(["expired_token"])
        client, device = self.register_and_start()
        expired = self.error_of("oidc-token-device", client["client_id"], client["client_secret"], device["device_code"])
        self.assertEqual(expired["code"], "ExpiredTokenException")
        self.assertEqual(expired["exit_code"], 3)
        device = self.ok("oidc-start", client["client_id"], client["client_secret"], START_URL)
        self.sso.deny(device["device_code"])
        denied = self.error_of("oidc-token-device", client["client_id"], client["client_secret"], device["device_code"])
        self.assertEqual(denied["code"], "AccessDeniedException")
        wrong_secret = self.error_of("oidc-start", client["client_id"], "not-the-secret", START_URL)
        self.assertEqual(wrong_secret["code"], "InvalidClientException")
        self.assertEqual(wrong_secret["http_status"], 401)

    def test_refresh_grant_rotates_and_revoked_refresh_token_is_invalid_grant(self):
        client, first = self.login()
        self.sso.access_token_lifetime = 900
        refreshed = self.ok("oidc-token-refresh", client["client_id"], client["client_secret"], first["refresh_token"])
        self.assertEqual(refreshed["expires_in"], 900)
        self.assertNotEqual(refreshed["access_token"], first["access_token"])
        self.assertEqual(refreshed["access_token"], self.sso.tokens()[-1].access_token)
        self.assertEqual(self.sso.requests_to("/token")[-1].body,
                         {"clientId": client["client_id"], "clientSecret": client["client_secret"],
                          "grantType": "refresh_token", "refreshToken": first["refresh_token"]})
        # Spent by the refresh: using it again fails.
        reused = self.error_of("oidc-token-refresh", client["client_id"], client["client_secret"],
                               first["refresh_token"])
        self.assertEqual(reused["code"], "InvalidGrantException")
        self.sso.revoke_refresh_token(refreshed["refresh_token"])
        revoked = self.error_of("oidc-token-refresh", client["client_id"], client["client_secret"],
                                refreshed["refresh_token"])
        self.assertEqual(revoked["code"], "InvalidGrantException")
        self.assertEqual(revoked["http_status"], 400)
        self.assertEqual(revoked["exit_code"], 3)

    def test_accounts_and_roles_across_pages(self):
        _, token = self.login()
        self.sso.page_size = 1
        accounts = self.ok("sso-accounts", token["access_token"])["accounts"]
        self.assertEqual(accounts, [
            {"account_id": ADMIN_ACCOUNT, "account_name": "admin", "email": "admin@example.com"},
            {"account_id": OTHER_ACCOUNT, "account_name": "audit", "email": "audit@example.com"}])
        roles = self.ok("sso-roles", token["access_token"], ADMIN_ACCOUNT)["roles"]
        self.assertEqual(roles, [{"role_name": "Admins", "account_id": ADMIN_ACCOUNT},
                                 {"role_name": "Readers", "account_id": ADMIN_ACCOUNT}])
        self.assertEqual([r.query for r in self.sso.requests_to("/assignment/accounts")], [{}, {"next_token": "1"}])
        self.assertEqual([r.query for r in self.sso.requests_to("/assignment/roles")],
                         [{"account_id": ADMIN_ACCOUNT}, {"account_id": ADMIN_ACCOUNT, "next_token": "1"}])
        for recorded in self.sso.requests_to("/assignment/roles"):
            self.assertEqual(recorded.headers["x-amz-sso_bearer_token"], token["access_token"])
            self.assertNotIn("authorization", recorded.headers)

    def test_role_credentials_are_real_in_moto(self):
        _, token = self.login()
        creds = self.ok("sso-credentials", token["access_token"], ADMIN_ACCOUNT, "Admins")
        self.assertEqual(creds["source"], f"sso {ADMIN_ACCOUNT}/Admins")
        recorded = self.sso.requests_to("/federation/credentials")
        self.assertEqual(len(recorded), 1)
        self.assertEqual(recorded[0].method, "GET")
        self.assertEqual(recorded[0].query, {"role_name": "Admins", "account_id": ADMIN_ACCOUNT})
        self.assertEqual(recorded[0].headers["x-amz-sso_bearer_token"], token["access_token"])
        self.assertNotIn("authorization", recorded[0].headers)

        sts = boto3.client("sts", region_name="us-east-1", endpoint_url=self.moto.url,
                           aws_access_key_id=creds["access_key_id"],
                           aws_secret_access_key=creds["secret_access_key"],
                           aws_session_token=creds["session_token"])
        identity = sts.get_caller_identity()
        self.assertEqual(identity["Account"], ADMIN_ACCOUNT)
        self.assertEqual(identity["Arn"], f"arn:aws:sts::{ADMIN_ACCOUNT}:assumed-role/"
                                          f"{FakeSso.reserved_role_name('Admins')}/alice")
        # The expiration came over the wire in milliseconds, about an hour ahead.
        remaining = creds["expiration_ms"] / 1000 - time.time()
        self.assertGreater(remaining, 3000)
        self.assertLess(remaining, 3700)

        forbidden = self.error_of("sso-credentials", token["access_token"], OTHER_ACCOUNT, "Admins")
        self.assertEqual(forbidden["code"], "ForbiddenException")
        self.assertEqual(forbidden["http_status"], 403)

    def test_fixed_credentials_are_returned_exactly(self):
        _, token = self.login()
        self.sso.fixed_credentials = {"accessKeyId": "ASIAFIXED", "secretAccessKey": "fixed-secret",
                                      "sessionToken": "fixed-token", "expiration": 1795823867522}
        creds = self.ok("sso-credentials", token["access_token"], OTHER_ACCOUNT, "Readers")
        self.assertEqual(creds, {"access_key_id": "ASIAFIXED", "secret_access_key": "fixed-secret",
                                 "session_token": "fixed-token", "source": f"sso {OTHER_ACCOUNT}/Readers",
                                 "expiration_ms": 1795823867522})

    def test_expired_bad_and_logged_out_tokens_are_unauthorized(self):
        _, token = self.login()
        self.sso.expire_access_token(token["access_token"])
        expired = self.error_of("sso-credentials", token["access_token"], ADMIN_ACCOUNT, "Admins")
        self.assertEqual(expired["code"], "UnauthorizedException")
        self.assertEqual(expired["http_status"], 401)
        self.assertEqual(expired["exit_code"], 3)
        self.assertEqual(self.error_of("sso-accounts", "not-a-token")["code"], "UnauthorizedException")

        _, fresh = self.login()
        self.assertEqual(self.ok("sso-logout", fresh["access_token"]), {"logged_out": True})
        logout = self.sso.requests_to("/logout")
        self.assertEqual([(r.method, r.headers["x-amz-sso_bearer_token"]) for r in logout],
                         [("POST", fresh["access_token"])])
        self.assertEqual(self.error_of("sso-roles", fresh["access_token"], ADMIN_ACCOUNT)["code"],
                         "UnauthorizedException")

    def test_fake_speaks_the_wire_shapes_botocore_expects(self):
        """The fake itself, checked with botocore's sso-oidc and sso models."""
        unsigned = dict(region_name="us-east-1", endpoint_url=self.sso.url,
                        config=Config(signature_version=botocore.UNSIGNED))
        oidc, portal = boto3.client("sso-oidc", **unsigned), boto3.client("sso", **unsigned)
        self.sso.script_next_device(["authorization_pending"])
        client = oidc.register_client(clientName="boto", clientType="public")
        device = oidc.start_device_authorization(clientId=client["clientId"], clientSecret=client["clientSecret"],
                                                 startUrl=START_URL)
        poll = dict(clientId=client["clientId"], clientSecret=client["clientSecret"],
                    grantType=DEVICE_CODE_GRANT, deviceCode=device["deviceCode"])
        with self.assertRaises(oidc.exceptions.AuthorizationPendingException):
            oidc.create_token(**poll)
        token = oidc.create_token(**poll)["accessToken"]
        roles = portal.list_account_roles(accessToken=token, accountId=OTHER_ACCOUNT)["roleList"]
        self.assertEqual(roles, [{"roleName": "Readers", "accountId": OTHER_ACCOUNT}])
        with self.assertRaises(portal.exceptions.UnauthorizedException):
            portal.get_role_credentials(accessToken="bad", accountId=OTHER_ACCOUNT, roleName="Readers")


if __name__ == "__main__":
    unittest.main()
