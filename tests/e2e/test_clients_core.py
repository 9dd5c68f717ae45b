"""The STS, IAM and Organizations clients against moto, read back with boto3.

foyer_roundtrip_core runs one scripted scenario per service and prints what
it read; every object it made is then fetched with boto3 and compared
attribute by attribute, and what it read of objects boto3 made is compared
with boto3's own view.
"""
import base64
import datetime
import json
import os
import subprocess
import unittest

import botocore.exceptions

from e2e.moto import MotoServer

MANAGEMENT = "123456789012"


def roundtrip_tool():
    path = os.environ.get("FOYER_ROUNDTRIP_CORE")
    if not path:
        build = os.environ.get("FOYER_BUILD_DIR", os.path.join(os.path.dirname(__file__), "..", "..", "build"))
        path = os.path.join(build, "tests", "foyer_roundtrip_core")
    return path


def run_tool(moto, scenario, scenario_input=None, **env_overrides):
    result = subprocess.run([roundtrip_tool(), scenario], input=json.dumps(scenario_input or {}),
                            capture_output=True, text=True, env=moto.env(**env_overrides), timeout=300)
    return result.returncode, json.loads(result.stdout) if result.stdout.strip() else None, result.stderr


def run_scenario(test, moto, scenario, scenario_input=None):
    code, out, stderr = run_tool(moto, scenario, scenario_input)
    test.assertEqual(code, 0, f"{scenario} failed: {out} {stderr}")
    return out


def saml_assertion(role_arn, provider_arn, session_name, duration):
    """A SAML response with the attributes moto reads; moto checks no signature."""
    def attribute(name, value):
        return (f'<saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/{name}">'
                f'<saml:AttributeValue>{value}</saml:AttributeValue></saml:Attribute>')
    xml = ('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" '
           'xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"><saml:Assertion>'
           '<saml:AttributeStatement>'
           + attribute("Role", f"{role_arn},{provider_arn}")
           + attribute("RoleSessionName", session_name)
           + attribute("SessionDuration", str(duration))
           + '</saml:AttributeStatement></saml:Assertion></samlp:Response>')
    return base64.b64encode(xml.encode()).decode()


def seconds_until(rfc3339):
    expiry = datetime.datetime.strptime(rfc3339, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)
    return (expiry - datetime.datetime.now(datetime.timezone.utc)).total_seconds()


TRUST_FEDERATED = json.dumps({"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/idp.example.com"},
    "Action": "sts:AssumeRoleWithWebIdentity"}]})


class StsTest(unittest.TestCase):
    def test_sts_scenario(self):
        with MotoServer() as moto:
            iam = moto.client("iam")
            web_role = iam.create_role(RoleName="web-role", AssumeRolePolicyDocument=TRUST_FEDERATED)["Role"]["Arn"]
            saml_role = iam.create_role(RoleName="saml-role", AssumeRolePolicyDocument=TRUST_FEDERATED)["Role"]["Arn"]
            provider = iam.create_saml_provider(Name="idp", SAMLMetadataDocument="<md/>" * 200)["SAMLProviderArn"]
            out = run_scenario(self, moto, "sts", {
                "web_role_arn": web_role,
                "web_identity_token": "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln",
                "saml_role_arn": saml_role,
                "saml_provider_arn": provider,
                "saml_assertion": saml_assertion(saml_role, provider, "alice@example.com", 1800),
            })
            self.check_caller_identity(moto, out)
            self.check_assume_role_into_member(moto, out)
            self.check_session_token(out)
            self.check_federated(moto, out, web_role, saml_role)

    def check_caller_identity(self, moto, out):
        boto_view = moto.client("sts").get_caller_identity()
        self.assertEqual(out["identity"], {"account": boto_view["Account"], "arn": boto_view["Arn"],
                                           "user_id": boto_view["UserId"]})

    def check_assume_role_into_member(self, moto, out):
        member = out["member_account"]
        accounts = moto.client("organizations").list_accounts()["Accounts"]
        self.assertEqual([a["Name"] for a in accounts if a["Id"] == member], ["member"])
        self.assertNotEqual(member, MANAGEMENT)
        assumed = out["assume_role"]["assumed"]
        self.assertEqual(assumed["assumed_role_arn"],
                         f"arn:aws:sts::{member}:assumed-role/OrganizationAccountAccessRole/roundtrip")
        self.assertTrue(assumed["assumed_role_id"].endswith(":roundtrip"), assumed["assumed_role_id"])
        self.assertEqual(assumed["credentials"]["source"],
                         f"assume-role arn:aws:iam::{member}:role/OrganizationAccountAccessRole")
        self.assertTrue(600 < seconds_until(assumed["credentials"]["expiration"]) <= 900)
        self.assertEqual(out["assume_role"]["identity_inside"]["account"], member)
        # The credentials really operate in the member account: boto3, with
        # them, finds the role the tool made there, and management has none.
        creds = assumed["credentials"]
        as_member = dict(aws_access_key_id=creds["access_key_id"], aws_secret_access_key=creds["secret_access_key"],
                         aws_session_token=creds["session_token"])
        self.assertEqual(moto.client("sts", **as_member).get_caller_identity()["Account"], member)
        role = moto.client("iam", **as_member).get_role(RoleName="made-by-assumed-role")["Role"]
        self.assertEqual(role["Arn"], f"arn:aws:iam::{member}:role/made-by-assumed-role")
        self.assertEqual(out["assume_role"]["role_created_inside"], role["Arn"])
        with self.assertRaises(botocore.exceptions.ClientError) as missing:
            moto.client("iam").get_role(RoleName="made-by-assumed-role")
        self.assertEqual(missing.exception.response["Error"]["Code"], "NoSuchEntity")

    def check_session_token(self, out):
        session = out["session_token"]
        self.assertEqual(session["source"], "session-token")
        for field in ("access_key_id", "secret_access_key", "session_token"):
            self.assertNotEqual(session[field], "", field)
        self.assertTrue(600 < seconds_until(session["expiration"]) <= 900)

    def check_federated(self, moto, out, web_role, saml_role):
        web = out["web_identity"]
        self.assertEqual(web["assumed_role_arn"], f"arn:aws:sts::{MANAGEMENT}:assumed-role/web-role/web-session")
        self.assertEqual(web["credentials"]["source"], f"web-identity {web_role}")
        self.assertTrue(1500 < seconds_until(web["credentials"]["expiration"]) <= 1800)
        saml = out["saml"]
        self.assertEqual(saml["assumed_role_arn"],
                         f"arn:aws:sts::{MANAGEMENT}:assumed-role/saml-role/alice@example.com")
        self.assertEqual(saml["credentials"]["source"], f"saml {saml_role}")
        for session in (web, saml):
            creds = session["credentials"]
            identity = moto.client("sts", aws_access_key_id=creds["access_key_id"],
                                   aws_secret_access_key=creds["secret_access_key"],
                                   aws_session_token=creds["session_token"]).get_caller_identity()
            self.assertEqual(identity["Arn"], session["assumed_role_arn"])


def documents_equal(test, ours, boto_document):
    test.assertEqual(ours, boto_document if isinstance(boto_document, dict) else json.loads(boto_document))


class IamTest(unittest.TestCase):
    def test_iam_scenario(self):
        with MotoServer() as moto:
            self.iam = moto.client("iam")
            boto_made = self.make_with_boto()
            # One item per page: every list the tool reads crosses pages.
            out = run_scenario(self, moto, "iam", dict(boto_made, page_size=1))
            self.check_roles(out["roles"])
            self.check_managed_policies(out["managed"])
            self.check_users(out["users"])
            self.check_access_keys(out["access_keys"])
            self.check_mfa(out["mfa"])
            self.check_oidc(out["oidc"])
            self.check_saml(out["saml"])
            self.check_authorization_details(out["authorization_details"])
            self.check_boto_made(out["boto_made"], boto_made)

    def make_with_boto(self):
        trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {
            "Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
        self.iam.create_role(RoleName="boto-role", Path="/foyer/", AssumeRolePolicyDocument=json.dumps(trust),
                             Description="from boto", MaxSessionDuration=5400, Tags=[{"Key": "k", "Value": "v"}])
        self.iam.create_user(UserName="boto-user", Path="/foyer/", Tags=[{"Key": "u", "Value": "1"}])
        arn = self.iam.create_policy(PolicyName="boto-policy", Description="boto policy", PolicyDocument=json.dumps(
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:Get*", "Resource": "*"}]})
        )["Policy"]["Arn"]
        return {"boto_role": "boto-role", "boto_user": "boto-user", "boto_policy_arn": arn}

    def assert_missing(self, call, **kwargs):
        with self.assertRaises(botocore.exceptions.ClientError) as missing:
            call(**kwargs)
        self.assertEqual(missing.exception.response["Error"]["Code"], "NoSuchEntity")

    def check_roles(self, out):
        role = self.iam.get_role(RoleName="rt-admin")["Role"]
        self.assertEqual(role["Path"], "/foyer/")
        self.assertEqual(role["Description"], "updated")
        self.assertEqual(role["MaxSessionDuration"], 3600)
        self.assertEqual({t["Key"]: t["Value"] for t in role["Tags"]}, {"foyer:managed": "true", "extra": "1"})
        self.assertEqual(role["AssumeRolePolicyDocument"]["Statement"][0]["Principal"],
                         {"AWS": "arn:aws:iam::123456789012:role/foyer/engineers"})
        documents_equal(self, out["role"]["assume_role_policy_document"], role["AssumeRolePolicyDocument"])
        self.assertEqual(out["role"]["role_id"], role["RoleId"])
        self.assertEqual(out["role"]["arn"], role["Arn"])
        self.assertEqual(out["role"]["tags"], {"foyer:managed": "true", "extra": "1"})
        self.assertEqual(out["tags"], {"foyer:managed": "true", "extra": "1"})
        self.assertEqual(out["created"]["description"], "admins")
        self.assertEqual(out["created"]["max_session_duration"], 7200)
        self.assertEqual(out["created"]["tags"], {"team": "sre", "foyer:managed": "true"})
        self.assertEqual(out["created"]["assume_role_policy_document"]["Statement"][0]["Principal"],
                         {"AWS": "arn:aws:iam::123456789012:role/foyer/sre"})
        inline = self.iam.get_role_policy(RoleName="rt-admin", PolicyName="inline")["PolicyDocument"]
        documents_equal(self, out["inline_policy"]["document"], inline)
        self.assertEqual(inline["Statement"][0]["Condition"], {"StringLike": {"aws:userid": "%41*"}})
        self.assertEqual(self.iam.list_role_policies(RoleName="rt-admin")["PolicyNames"], ["inline"])
        self.assertEqual(out["inline_policy_names"], ["inline"])
        # moto pages ListRoles at one item, so the tool's full list proves it
        # followed the Marker.
        self.assertTrue(self.iam.list_roles(PathPrefix="/foyer/", MaxItems=1)["IsTruncated"])
        boto_listed = self.iam.list_roles(PathPrefix="/foyer/")["Roles"]
        self.assertEqual(sorted((r["role_name"], r["role_id"], r["arn"], r["description"], r["max_session_duration"])
                                for r in out["listed"]),
                         sorted((r["RoleName"], r["RoleId"], r["Arn"], r["Description"], r["MaxSessionDuration"])
                                for r in boto_listed))
        self.assertEqual(sorted(r["role_name"] for r in out["listed"]), ["boto-role", "rt-admin"])
        for listed in out["listed"]:  # ListRoles sends trust policies raw
            documents_equal(self, listed["assume_role_policy_document"],
                            self.iam.get_role(RoleName=listed["role_name"])["Role"]["AssumeRolePolicyDocument"])
        self.assert_missing(self.iam.get_role, RoleName="rt-temp")

    def check_managed_policies(self, out):
        arn = out["created"]["arn"]
        self.assertEqual(arn, "arn:aws:iam::123456789012:policy/foyer/rt-managed")
        policy = self.iam.get_policy(PolicyArn=arn)["Policy"]
        self.assertEqual(out["policy"]["default_version_id"], policy["DefaultVersionId"])
        self.assertEqual(policy["DefaultVersionId"], "v2")
        self.assertEqual(out["policy"]["description"], policy["Description"])
        self.assertEqual(policy["Description"], "read objects")
        self.assertEqual(out["policy"]["policy_id"], policy["PolicyId"])
        self.assertEqual(out["policy"]["attachment_count"], policy["AttachmentCount"])
        self.assertEqual(policy["AttachmentCount"], 1)
        version = self.iam.get_policy_version(PolicyArn=arn, VersionId="v2")["PolicyVersion"]
        documents_equal(self, out["version_document"], version["Document"])
        self.assertEqual(out["version_document"]["Statement"][0]["Action"], ["s3:GetObject", "s3:ListBucket"])
        versions = self.iam.list_policy_versions(PolicyArn=arn)["Versions"]
        self.assertEqual([(v["VersionId"], v["IsDefaultVersion"]) for v in versions], [("v2", True)])
        self.assertEqual(out["versions"], [{"version_id": "v2", "is_default": True}])
        self.assertEqual(sorted((v["version_id"], v["is_default"]) for v in out["versions_before_delete"]),
                         [("v1", False), ("v2", True)])
        attached = self.iam.list_attached_role_policies(RoleName="rt-admin")["AttachedPolicies"]
        self.assertEqual(attached, [{"PolicyName": "rt-managed", "PolicyArn": arn}])
        self.assertEqual(out["attached"], [{"name": "rt-managed", "arn": arn}])
        with self.assertRaises(botocore.exceptions.ClientError):
            self.iam.get_policy(PolicyArn=out["temp_policy_arn"])

    def check_users(self, out):
        user = self.iam.get_user(UserName="rt-alice")["User"]
        self.assertEqual(user["Path"], "/foyer/")
        self.assertEqual(out["user"]["user_id"], user["UserId"])
        self.assertEqual(out["user"]["arn"], user["Arn"])
        self.assertEqual(out["created"]["tags"], {"team": "sre"})
        boto_tags = self.iam.list_user_tags(UserName="rt-alice")["Tags"]
        self.assertEqual(boto_tags, [{"Key": "extra", "Value": "1"}])
        self.assertEqual(out["tags"], {"extra": "1"})
        self.assertEqual(self.iam.list_user_policies(UserName="rt-alice")["PolicyNames"], ["alice-inline"])
        self.assertEqual(out["inline_policy_names"], ["alice-inline"])
        document = self.iam.get_user_policy(UserName="rt-alice", PolicyName="alice-inline")["PolicyDocument"]
        documents_equal(self, out["inline_policy"]["document"], document)
        self.assertEqual(sorted(out["listed"]),
                         sorted(u["UserName"] for u in self.iam.list_users(PathPrefix="/foyer/")["Users"]))
        self.assertEqual(sorted(out["listed"]), ["boto-user", "rt-alice"])
        self.assert_missing(self.iam.get_user, UserName="rt-temp-user")

    def check_access_keys(self, out):
        keys = self.iam.list_access_keys(UserName="rt-alice")["AccessKeyMetadata"]
        self.assertEqual([(k["AccessKeyId"], k["Status"]) for k in keys], [(out["inactive_key"], "Inactive")])
        self.assertEqual(out["listed"], [{"access_key_id": out["inactive_key"], "status": "Inactive",
                                          "user_name": "rt-alice"}])
        self.assertEqual(len(out["listed_before_delete"]), 2)
        self.assertEqual(out["created"]["status"], "Active")
        self.assertTrue(out["created"]["has_secret"])
        last_used = self.iam.get_access_key_last_used(AccessKeyId=out["inactive_key"])
        self.assertEqual(out["last_used"]["user_name"], last_used["UserName"])
        self.assertEqual(out["last_used"]["service_name"], last_used["AccessKeyLastUsed"]["ServiceName"])

    def check_mfa(self, out):
        devices = self.iam.list_mfa_devices(UserName="rt-alice")["MFADevices"]
        self.assertEqual([d["SerialNumber"] for d in devices], [out["alice_serial"]])
        self.assertEqual(out["alice_devices"], [{"user_name": "rt-alice", "serial_number": out["alice_serial"]}])
        self.assertEqual(out["alice_serial"], "arn:aws:iam::123456789012:mfa/rt-alice-mfa")
        self.assertGreater(out["alice_seed_length"], 0)
        self.assertEqual(self.iam.list_mfa_devices(UserName="rt-bob")["MFADevices"], [])
        self.assertEqual(out["bob_devices"], 0)
        serials = [d["SerialNumber"] for d in self.iam.list_virtual_mfa_devices()["VirtualMFADevices"]]
        self.assertNotIn(out["bob_serial"], serials)
        self.assertIn(out["alice_serial"], serials)

    def check_oidc(self, out):
        provider = self.iam.get_open_id_connect_provider(OpenIDConnectProviderArn=out["arn"])
        self.assertEqual(out["url"], provider["Url"])
        self.assertEqual(out["thumbprints"], provider["ThumbprintList"])
        self.assertEqual(provider["ThumbprintList"], ["b" * 40])
        self.assertEqual(out["client_ids"], provider["ClientIDList"])
        self.assertEqual({t["Key"]: t["Value"] for t in provider["Tags"]}, {"foyer:managed": "true"})
        self.assertEqual(out["tags"], {"foyer:managed": "true"})
        arns = [p["Arn"] for p in self.iam.list_open_id_connect_providers()["OpenIDConnectProviderList"]]
        self.assertEqual(out["listed"], arns)
        self.assertEqual(arns, [out["arn"]])
        # moto 5.2 lacks Add/RemoveClientIDToOpenIDConnectProvider: it
        # answers HTTP 500 with an HTML page, which foyer must report as such.
        expected = {"code": "InternalFailure", "http_status": 500, "message": (
            "IAM {} failed: the endpoint answered HTTP 500 with an HTML page instead of an AWS error; "
            "the service (or the emulator standing in for it) probably does not implement this operation")}
        self.assertEqual(out["add_client_id"], dict(expected, message=expected["message"].format(
            "AddClientIDToOpenIDConnectProvider")))
        self.assertEqual(out["remove_client_id"], dict(expected, message=expected["message"].format(
            "RemoveClientIDFromOpenIDConnectProvider")))

    def check_saml(self, out):
        provider = self.iam.get_saml_provider(SAMLProviderArn=out["arn"])
        self.assertEqual(out["metadata"], provider["SAMLMetadataDocument"])
        self.assertIn('entityID="https://idp.example.com/v2"', provider["SAMLMetadataDocument"])
        self.assertEqual(out["updated_arn"], out["arn"])
        arns = [p["Arn"] for p in self.iam.list_saml_providers()["SAMLProviderList"]]
        self.assertEqual(out["listed"], arns)
        self.assertEqual(arns, ["arn:aws:iam::123456789012:saml-provider/rt-saml"])

    def check_authorization_details(self, out):
        boto = self.iam.get_account_authorization_details()
        boto_roles = {r["RoleName"]: r for r in boto["RoleDetailList"]}
        self.assertEqual(sorted(out["roles"]), sorted(boto_roles))
        for name, role in out["roles"].items():
            documents_equal(self, role["trust"], boto_roles[name]["AssumeRolePolicyDocument"])
            self.assertEqual(role["attached"], [p["PolicyArn"] for p in boto_roles[name]["AttachedManagedPolicies"]])
            self.assertEqual(sorted(role["inline"]), sorted(p["PolicyName"] for p in boto_roles[name]["RolePolicyList"]))
        self.assertEqual(out["roles"]["rt-admin"]["inline"]["inline"]["Statement"][0]["Condition"],
                         {"StringLike": {"aws:userid": "%41*"}})
        self.assertEqual(out["roles"]["rt-admin"]["tags"], {"foyer:managed": "true", "extra": "1"})
        boto_users = {u["UserName"]: u for u in boto["UserDetailList"]}
        self.assertEqual(sorted(out["users"]), sorted(boto_users))
        self.assertEqual(sorted(out["users"]["rt-alice"]["inline"]), ["alice-inline"])
        boto_policies = {p["Arn"].rsplit("/", 1)[1]: p for p in boto["Policies"]}
        self.assertEqual(sorted(out["policies"]), sorted(boto_policies))
        self.assertEqual(sorted(out["policies"]), ["boto-policy", "rt-managed"])
        for name, policy in out["policies"].items():
            default = [v for v in boto_policies[name]["PolicyVersionList"] if v["IsDefaultVersion"]][0]
            documents_equal(self, policy["default_document"], default["Document"])

    def check_boto_made(self, out, boto_made):
        role = self.iam.get_role(RoleName=boto_made["boto_role"])["Role"]
        self.assertEqual(out["role"]["arn"], role["Arn"])
        self.assertEqual(out["role"]["role_id"], role["RoleId"])
        self.assertEqual(out["role"]["description"], "from boto")
        self.assertEqual(out["role"]["max_session_duration"], 5400)
        self.assertEqual(out["role"]["tags"], {"k": "v"})
        documents_equal(self, out["role"]["assume_role_policy_document"], role["AssumeRolePolicyDocument"])
        user = self.iam.get_user(UserName=boto_made["boto_user"])["User"]
        self.assertEqual(out["user"]["user_id"], user["UserId"])
        self.assertEqual(out["user"]["arn"], user["Arn"])
        self.assertEqual(out["user"]["tags"], {"u": "1"})
        policy = self.iam.get_policy(PolicyArn=boto_made["boto_policy_arn"])["Policy"]
        self.assertEqual(out["policy"]["policy_id"], policy["PolicyId"])
        self.assertEqual(out["policy"]["description"], "boto policy")
        version = self.iam.get_policy_version(PolicyArn=policy["Arn"], VersionId=policy["DefaultVersionId"])
        documents_equal(self, out["policy_document"], version["PolicyVersion"]["Document"])


class OrganizationsTest(unittest.TestCase):
    def test_organizations_scenario(self):
        with MotoServer() as moto:
            self.org = moto.client("organizations")
            out = run_scenario(self, moto, "organizations", {"page_size": 1})
            self.ids = out["ids"]
            self.check_tree(out["tree"])
            self.check_accounts(out["accounts"])
            self.check_policies(out["policies"])
            self.check_delegation(out["delegated_administrators"])

    def check_tree(self, out):
        organization = self.org.describe_organization()["Organization"]
        self.assertEqual(out["organization"], {"id": organization["Id"], "created_id": organization["Id"],
                                               "feature_set": "ALL", "master_account_id": MANAGEMENT})
        root = self.org.list_roots()["Roots"][0]
        self.assertEqual(out["root"], root["Id"])
        self.assertEqual(out["enable_policy_type"], "ENABLED")
        self.assertIn({"Type": "SERVICE_CONTROL_POLICY", "Status": "ENABLED"}, root["PolicyTypes"])
        # moto pages this list at one item: the tool saw both OUs only by
        # following NextToken.
        first_page = self.org.list_organizational_units_for_parent(ParentId=root["Id"], MaxResults=1)
        self.assertIn("NextToken", first_page)
        ous = self.org.list_organizational_units_for_parent(ParentId=root["Id"])["OrganizationalUnits"]
        self.assertEqual(sorted((o["Id"], o["Name"], o["Arn"]) for o in ous),
                         sorted((o["id"], o["name"], o["arn"]) for o in out["root_ous"]))
        self.assertEqual(sorted(o["Name"] for o in ous), ["Security", "Workloads"])
        tags = self.org.list_tags_for_resource(ResourceId=self.ids["security"])["Tags"]
        self.assertEqual(tags, [{"Key": "foyer:managed", "Value": "true"}])
        self.assertEqual(sorted(c["id"] for c in out["root_children_ous"]), sorted(o["Id"] for o in ous))
        self.assertEqual(out["development_parents"], [{"id": self.ids["workloads"], "type": "ORGANIZATIONAL_UNIT"}])
        parents = self.org.list_parents(ChildId=self.ids["development"])["Parents"]
        self.assertEqual(parents, [{"Id": self.ids["workloads"], "Type": "ORGANIZATIONAL_UNIT"}])

    def check_accounts(self, out):
        self.assertIn("NextToken", self.org.list_accounts(MaxResults=1))
        accounts = self.org.list_accounts()["Accounts"]
        self.assertEqual(len(accounts), 5)
        boto_view = sorted((a["Id"], a["Name"], a["Email"], a["Status"], a["Arn"]) for a in accounts)
        ours = sorted((a["id"], a["name"], a["email"], a["status"], a["arn"]) for a in out["all"])
        self.assertEqual(ours, boto_view)
        statuses = {a["Name"]: a["Status"] for a in accounts}
        self.assertEqual(statuses["to-close"], "SUSPENDED")
        self.assertEqual(statuses["admin"], "ACTIVE")
        security = self.org.list_accounts_for_parent(ParentId=self.ids["security"])["Accounts"]
        self.assertEqual(sorted(a["Id"] for a in security), sorted(a["id"] for a in out["security"]))
        self.assertEqual(sorted(a["Name"] for a in security), ["admin", "audit"])
        development = self.org.list_accounts_for_parent(ParentId=self.ids["development"])["Accounts"]
        self.assertEqual([a["Name"] for a in development], ["payments-development"])
        admin = self.org.describe_account(AccountId=self.ids["admin"])["Account"]
        self.assertEqual(out["admin"]["email"], admin["Email"])
        self.assertEqual(admin["Email"], "aws+admin@example.com")
        self.assertEqual(out["admin_parents"], [{"id": self.ids["security"], "type": "ORGANIZATIONAL_UNIT"}])
        self.assertEqual(sorted(c["id"] for c in out["security_children"]),
                         sorted([self.ids["admin"], self.ids["audit"]]))
        tags = {t["Key"]: t["Value"] for t in self.org.list_tags_for_resource(ResourceId=self.ids["admin"])["Tags"]}
        self.assertEqual(tags, {"foyer:kind": "admin", "foyer:managed": "true", "foyer:extra": "1"})
        self.assertEqual(out["admin_tags"], tags)

    def check_policies(self, out):
        policy = self.org.describe_policy(PolicyId=out["id"])["Policy"]
        self.assertEqual(policy["PolicySummary"]["Name"], "deny-leave")
        self.assertEqual(policy["PolicySummary"]["Description"], "updated")
        self.assertEqual(out["described"]["description"], "updated")
        self.assertEqual(out["described"]["content"], policy["Content"])
        self.assertEqual(json.loads(policy["Content"])["Statement"][0]["Action"], "organizations:LeaveOrganization")
        self.assertIn("NextToken", self.org.list_policies(Filter="SERVICE_CONTROL_POLICY", MaxResults=1))
        boto_all = self.org.list_policies(Filter="SERVICE_CONTROL_POLICY")["Policies"]
        self.assertEqual(sorted(p["Id"] for p in boto_all), sorted(p["id"] for p in out["all"]))
        self.assertEqual(len(out["all"]), 3)
        boto_workloads = self.org.list_policies_for_target(TargetId=self.ids["workloads"],
                                                           Filter="SERVICE_CONTROL_POLICY")["Policies"]
        self.assertEqual(sorted(p["Id"] for p in boto_workloads), sorted(p["id"] for p in out["workloads"]))
        self.assertIn(out["second_id"], [p["id"] for p in out["workloads"]])
        targets = self.org.list_targets_for_policy(PolicyId=out["id"])["Targets"]
        self.assertEqual([(t["TargetId"], t["Type"]) for t in targets], [(self.ids["workloads"], "ORGANIZATIONAL_UNIT")])
        self.assertEqual(out["targets"], [{"target_id": self.ids["workloads"], "type": "ORGANIZATIONAL_UNIT",
                                           "name": "Workloads"}])
        on_admin = self.org.list_policies_for_target(TargetId=self.ids["admin"], Filter="SERVICE_CONTROL_POLICY")
        self.assertNotIn(out["id"], [p["Id"] for p in on_admin["Policies"]])

    def check_delegation(self, out):
        admins = self.org.list_delegated_administrators()["DelegatedAdministrators"]
        self.assertEqual([(a["Id"], a["Name"]) for a in admins], [(self.ids["audit"], "audit")])
        self.assertEqual(out, [{"id": self.ids["audit"], "name": "audit", "has_delegation_date": True}])
        services = self.org.list_delegated_services_for_account(AccountId=self.ids["audit"])["DelegatedServices"]
        self.assertEqual([s["ServicePrincipal"] for s in services], ["access-analyzer.amazonaws.com"])


if __name__ == "__main__":
    unittest.main()
