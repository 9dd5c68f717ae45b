"""foyer login --method saml, end to end.

The test plays the identity provider: it makes a key pair and a self-signed
certificate, writes the IdP metadata foyer is configured with, and signs SAML
responses with the xmlsec1 command-line tool. moto's AssumeRoleWithSAML
checks no signature, audience or date, so foyer must: every bad response
below is refused with a precise message and exit status 3 before any
request reaches STS (counted at a proxy in front of moto). Good responses,
posted to the loopback ACS as a browser would or given with
--assertion-file, end in landing-role credentials that boto3 checks.
"""
import base64
import datetime
import json
import os
import shutil
import subprocess
import tempfile
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from e2e.fault_proxy import FaultProxy
from e2e.moto import MotoServer, foyer_binary, free_port

GROUP = "sre"
ISSUER = "https://idp.example.com/saml"
SIGN_IN_URL = "https://idp.example.com/sso/aws"
SESSION_NAME = "alice@example.com"
SIGNATURE_TEMPLATE = (
    '<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo>'
    '<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>'
    '<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>'
    '<ds:Reference URI="#{id}"><ds:Transforms>'
    '<ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>'
    '<ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms>'
    '<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue/>'
    '</ds:Reference></ds:SignedInfo><ds:SignatureValue/>'
    '<ds:KeyInfo><ds:X509Data><ds:X509Certificate/></ds:X509Data></ds:KeyInfo></ds:Signature>')


def read_cache_entry(path):
    """The cache entry as a dict (format of src/store/credential_entry.cc)."""
    with open(path) as entry:
        lines = entry.read().split("\n")
    assert lines[0] == "foyer-credentials 1" and lines[-2:] == ["end", ""], lines
    return dict(line.split(" ", 1) for line in lines[1:-2])


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


class IdentityProvider:
    """A key, its certificate and files for xmlsec1, in `folder`."""

    def __init__(self, folder, name):
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
        now = datetime.datetime.now(datetime.timezone.utc)
        certificate = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
                       .public_key(key.public_key()).serial_number(x509.random_serial_number())
                       .not_valid_before(now - datetime.timedelta(days=1))
                       .not_valid_after(now + datetime.timedelta(days=30)).sign(key, hashes.SHA256()))
        self.folder = folder
        self.key_path = os.path.join(folder, name + "-key.pem")
        self.certificate_path = os.path.join(folder, name + "-cert.pem")
        with open(self.key_path, "wb") as out:
            out.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                        serialization.NoEncryption()))
        with open(self.certificate_path, "wb") as out:
            out.write(certificate.public_bytes(serialization.Encoding.PEM))
        self.certificate_base64 = base64.b64encode(certificate.public_bytes(serialization.Encoding.DER)).decode()

    def metadata(self):
        return ('<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" '
                f'entityID="{ISSUER}"><md:IDPSSODescriptor '
                'protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">'
                '<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">'
                f'<ds:X509Data><ds:X509Certificate>{self.certificate_base64}</ds:X509Certificate>'
                '</ds:X509Data></ds:KeyInfo></md:KeyDescriptor>'
                f'<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" '
                f'Location="{SIGN_IN_URL}"/></md:IDPSSODescriptor></md:EntityDescriptor>')

    def sign(self, xml, element_id):
        """`xml` with its Signature template (after the Issuer of the element
        `element_id`) filled in by xmlsec1."""
        template = os.path.join(self.folder, "template.xml")
        with open(template, "w") as out:
            out.write(xml)
        result = subprocess.run(
            ["xmlsec1", "--sign", "--privkey-pem", f"{self.key_path},{self.certificate_path}",
             "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:protocol:Response",
             "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:assertion:Assertion", template],
            capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        return result.stdout


def response_xml(role, provider, audience="urn:amazon:webservices", valid_from=-1, valid_until=5,
                 signed="assertion", recipient="https://signin.aws.amazon.com/saml"):
    """An unsigned samlp:Response whose `signed` element ("assertion",
    "response" or None) holds a signature template."""
    now = datetime.datetime.now(datetime.timezone.utc)
    at = lambda minutes: iso(now + datetime.timedelta(minutes=minutes))  # noqa: E731
    template = lambda element_id: SIGNATURE_TEMPLATE.format(id=element_id)  # noqa: E731
    return ('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" '
            'xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r1" Version="2.0" '
            f'IssueInstant="{at(0)}" Destination="{recipient}"><saml:Issuer>{ISSUER}</saml:Issuer>'
            + (template("_r1") if signed == "response" else "") +
            '<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>'
            f'<saml:Assertion ID="_a1" Version="2.0" IssueInstant="{at(0)}"><saml:Issuer>{ISSUER}</saml:Issuer>'
            + (template("_a1") if signed == "assertion" else "") +
            f'<saml:Subject><saml:NameID>{SESSION_NAME}</saml:NameID>'
            '<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">'
            f'<saml:SubjectConfirmationData NotOnOrAfter="{at(valid_until)}" Recipient="{recipient}"/>'
            '</saml:SubjectConfirmation></saml:Subject>'
            f'<saml:Conditions NotBefore="{at(valid_from)}" NotOnOrAfter="{at(valid_until)}">'
            f'<saml:AudienceRestriction><saml:Audience>{audience}</saml:Audience></saml:AudienceRestriction>'
            '</saml:Conditions><saml:AttributeStatement>'
            '<saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/Role">'
            f'<saml:AttributeValue>{role},{provider}</saml:AttributeValue></saml:Attribute>'
            '<saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/RoleSessionName">'
            f'<saml:AttributeValue>{SESSION_NAME}</saml:AttributeValue></saml:Attribute>'
            '<saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/SourceIdentity">'
            f'<saml:AttributeValue>{SESSION_NAME}</saml:AttributeValue></saml:Attribute>'
            '</saml:AttributeStatement></saml:Assertion></samlp:Response>')


SPEC = """\
[organization]
management_account_id = "222222222222"
email = "aws+{account}@example.com"
regions = ["us-east-1", "us-west-2"]
environments = ["production"]

[accounts]
admin = "admin"

[[group]]
name = "sre"
grants = [{ role = "Administrator" }]

[identity.saml]
metadata_file = "idp-metadata.xml"

[guardrails]
protect_audit_trail = false
"""


class SamlLoginTest(unittest.TestCase):
    """One moto (behind a counting proxy) and one configured person for all
    tests; each test logs in with --force or a fresh response."""

    @classmethod
    def setUpClass(cls):
        cls.moto = MotoServer()
        cls.moto.__enter__()
        cls.proxy = FaultProxy(cls.moto.url)
        cls.proxy.__enter__()
        cls.folder = tempfile.mkdtemp(prefix="foyer-saml-")
        cls.home = os.path.join(cls.folder, "home")
        os.mkdir(cls.home)
        cls.idp = IdentityProvider(cls.folder, "idp")
        cls.stranger = IdentityProvider(cls.folder, "stranger")
        cls.account = cls.moto.client("sts").get_caller_identity()["Account"]
        iam = cls.moto.client("iam")
        cls.provider = iam.create_saml_provider(Name="foyer", SAMLMetadataDocument=cls.idp.metadata())[
            "SAMLProviderArn"]
        trust = {"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Action": ["sts:AssumeRoleWithSAML", "sts:SetSourceIdentity"],
            "Principal": {"Federated": cls.provider},
            "Condition": {"StringEquals": {"SAML:aud": "https://signin.aws.amazon.com/saml"}}}]}
        cls.landing_role = iam.create_role(RoleName=GROUP, Path="/foyer/", AssumeRolePolicyDocument=json.dumps(trust),
                                           MaxSessionDuration=12 * 3600)["Role"]["Arn"]
        cls.metadata_path = os.path.join(cls.folder, "idp-metadata.xml")
        with open(cls.metadata_path, "w") as out:
            out.write(cls.idp.metadata())
        cls.acs_port = free_port()
        cls.configure_result = subprocess.run(
            [foyer_binary(), "configure", "--org", "acme", "--admin-account", cls.account,
             "--regions", "us-east-1,us-west-2", "--method", "saml", "--group", GROUP,
             "--saml-sign-in-url", SIGN_IN_URL, "--saml-metadata", cls.metadata_path,
             "--saml-acs-port", str(cls.acs_port)],
            env=cls.moto.env(home=cls.home), capture_output=True, text=True, timeout=60)

    @classmethod
    def tearDownClass(cls):
        cls.proxy.__exit__(None, None, None)
        cls.moto.__exit__(None, None, None)
        shutil.rmtree(cls.folder, True)

    def setUp(self):
        self.assertEqual(self.configure_result.returncode, 0, self.configure_result.stderr)
        self.proxy.clear_log()

    def login_env(self):
        # AssumeRoleWithSAML is unsigned: the person has no AWS keys yet.
        return self.moto.env(home=self.home, AWS_ACCESS_KEY_ID=None, AWS_SECRET_ACCESS_KEY=None,
                             AWS_ENDPOINT_URL=self.proxy.url)

    def good_response(self, signed="assertion"):
        return self.idp.sign(response_xml(self.landing_role, self.provider, signed=signed),
                             "_a1" if signed == "assertion" else "_r1")

    def login_with(self, response, *args):
        """foyer login --assertion-file - with `response` on stdin."""
        return subprocess.run([foyer_binary(), "login", "--assertion-file", "-", *args], input=response,
                              env=self.login_env(), capture_output=True, text=True, timeout=60)

    def saml_calls(self):
        return len(self.proxy.actions("AssumeRoleWithSAML"))

    def assert_landing_credentials(self):
        """The cached landing session really is the landing role, for boto3."""
        folder = os.path.join(self.home, ".local", "state", "foyer", "credentials")
        files = [name for name in os.listdir(folder) if name.endswith(".cred")]
        self.assertEqual(len(files), 1, files)
        entry = read_cache_entry(os.path.join(folder, files[0]))
        sts = self.moto.client("sts", aws_access_key_id=entry["access_key_id"],
                               aws_secret_access_key=entry["secret_access_key"],
                               aws_session_token=entry["session_token"])
        identity = sts.get_caller_identity()
        self.assertEqual(identity["Arn"], f"arn:aws:sts::{self.account}:assumed-role/{GROUP}/{SESSION_NAME}")
        self.assertEqual(identity["Account"], self.account)

    def assert_refused(self, response, message):
        result = self.login_with(response)
        self.assertEqual(result.returncode, 3, result.stderr)
        self.assertIn(message, result.stderr)
        self.assertTrue(result.stderr.startswith("foyer: "), result.stderr)
        self.assertEqual(self.saml_calls(), 0, "a refused response reached STS")
        return result

    def test_configure_keeps_a_private_copy_of_the_metadata(self):
        copy = os.path.join(self.home, ".config", "foyer", "saml", "acme-idp-metadata.xml")
        with open(copy) as kept, open(self.metadata_path) as original:
            self.assertEqual(kept.read(), original.read())
        self.assertEqual(os.stat(copy).st_mode & 0o777, 0o600)
        with open(os.path.join(self.home, ".config", "foyer", "config.toml")) as config:
            text = config.read()
        self.assertIn('metadata_file = "saml/acme-idp-metadata.xml"', text)
        self.assertIn(f"acs_port = {self.acs_port}", text)
        self.assertIn(f'sign_in_url = "{SIGN_IN_URL}"', text)

    def test_configure_from_spec_copies_its_saml_metadata(self):
        home, spec_folder = os.path.join(self.folder, "from-home"), os.path.join(self.folder, "spec")
        os.mkdir(home)
        os.mkdir(spec_folder)
        with open(os.path.join(spec_folder, "idp-metadata.xml"), "w") as out:
            out.write(self.stranger.metadata())
        with open(os.path.join(spec_folder, "foyer.toml"), "w") as out:
            out.write(SPEC)
        result = subprocess.run(
            [foyer_binary(), "configure", "--org", "acme", "--from", os.path.join(spec_folder, "foyer.toml"),
             "--admin-account", "111111111111", "--method", "saml", "--group", GROUP],
            env=self.moto.env(home=home), capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(os.path.join(home, ".config", "foyer", "saml", "acme-idp-metadata.xml")) as kept:
            self.assertEqual(kept.read(), self.stranger.metadata())
        with open(os.path.join(home, ".config", "foyer", "config.toml")) as config:
            self.assertIn('metadata_file = "saml/acme-idp-metadata.xml"', config.read())
        # The spec names no sign-in URL: a browser login says how to add one.
        login = subprocess.run([foyer_binary(), "login", "--no-browser"], env=self.moto.env(home=home),
                               capture_output=True, text=True, timeout=60)
        self.assertEqual(login.returncode, 2, login.stderr)
        self.assertIn("no SAML sign-in URL is configured for 'acme': run `foyer configure --org acme "
                      "--saml-sign-in-url URL`, or give the response with --assertion-file", login.stderr)

    def test_response_posted_to_the_acs_logs_in(self):
        process = subprocess.Popen([foyer_binary(), "login", "--no-browser", "--force"], env=self.login_env(),
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        seen = ""
        for line in process.stderr:
            seen += line
            if line.strip() == SIGN_IN_URL:
                break
        self.assertIn(SIGN_IN_URL, seen)
        form = urllib.parse.urlencode({"SAMLResponse": base64.b64encode(self.good_response().encode()).decode(),
                                       "RelayState": ""}).encode()
        page = urllib.request.urlopen(f"http://127.0.0.1:{self.acs_port}/saml", data=form, timeout=30).read()
        self.assertIn(b"foyer received the SAML response", page)
        _, rest = process.communicate(timeout=60)
        self.assertEqual(process.returncode, 0, seen + rest)
        self.assertIn(f"Logged in to acme as group {GROUP} ({self.landing_role})", rest)
        self.assertEqual(self.saml_calls(), 1)
        self.assert_landing_credentials()

    def test_assertion_file_in_base64_logs_in(self):
        path = os.path.join(self.folder, "response.b64")
        with open(path, "w") as out:
            out.write(base64.encodebytes(self.good_response(signed="response").encode()).decode())
        result = subprocess.run([foyer_binary(), "login", "--assertion-file", path], env=self.login_env(),
                                capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(self.saml_calls(), 1)
        self.assert_landing_credentials()
        self.assertNotIn("SAMLResponse", result.stderr)

    def test_raw_xml_on_stdin_logs_in(self):
        result = self.login_with(self.good_response())
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(self.saml_calls(), 1)
        self.assert_landing_credentials()

    def test_tampered_response_is_refused(self):
        tampered = self.good_response().replace(f"<saml:NameID>{SESSION_NAME}<", "<saml:NameID>mallory@example.com<")
        self.assert_refused(tampered, "the SAML Assertion was changed after it was signed")

    def test_expired_response_is_refused(self):
        expired = self.idp.sign(response_xml(self.landing_role, self.provider, valid_from=-30, valid_until=-10), "_a1")
        self.assert_refused(expired, "the SAML assertion has expired: its Conditions NotOnOrAfter was ")

    def test_response_not_yet_valid_is_refused(self):
        early = self.idp.sign(response_xml(self.landing_role, self.provider, valid_from=30, valid_until=40), "_a1")
        self.assert_refused(early, "the SAML assertion is not valid yet: its Conditions NotBefore is ")

    def test_wrong_audience_is_refused(self):
        foreign = self.idp.sign(response_xml(self.landing_role, self.provider, audience="https://wiki.example.com"),
                                "_a1")
        self.assert_refused(foreign, "the SAML assertion is for the audience 'https://wiki.example.com', "
                                     "not 'urn:amazon:webservices'")

    def test_unsigned_response_is_refused(self):
        self.assert_refused(response_xml(self.landing_role, self.provider, signed=None),
                            "the SAML response is not signed")

    def test_response_signed_by_another_key_is_refused(self):
        forged = self.stranger.sign(response_xml(self.landing_role, self.provider), "_a1")
        self.assert_refused(forged, "is signed by a key that is not in the IdP metadata")

    def test_wrapped_response_is_refused(self):
        signed = self.good_response()
        start, end = signed.index("<saml:Assertion"), signed.index("</saml:Assertion>") + len("</saml:Assertion>")
        original = signed[start:end]
        evil = original.replace('ID="_a1"', 'ID="_evil"').replace(SESSION_NAME, "mallory@example.com")
        wrapped = signed[:start] + "<samlp:Extensions>" + original + "</samlp:Extensions>" + evil + signed[end:]
        self.assert_refused(wrapped, "signature-wrapping")

    def test_sha1_signature_is_refused(self):
        template = response_xml(self.landing_role, self.provider)
        weak = self.idp.sign(
            template.replace("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "http://www.w3.org/2000/09/xmldsig#rsa-sha1")
            .replace("http://www.w3.org/2001/04/xmlenc#sha256", "http://www.w3.org/2000/09/xmldsig#sha1"), "_a1")
        self.assertIn("http://www.w3.org/2000/09/xmldsig#rsa-sha1", weak)
        self.assert_refused(weak, "it must be an enveloped RSA-SHA256 signature with exclusive canonicalization "
                                  "and a SHA-256 digest")

    def test_role_the_idp_does_not_offer_is_refused(self):
        other = self.idp.sign(response_xml(f"arn:aws:iam::{self.account}:role/foyer/dev", self.provider), "_a1")
        result = self.assert_refused(other, f"the IdP does not offer the landing role {self.landing_role}")
        self.assertIn(f"arn:aws:iam::{self.account}:role/foyer/dev (through {self.provider})", result.stderr)


if __name__ == "__main__":
    unittest.main()
