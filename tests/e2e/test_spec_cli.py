"""foyer init and foyer validate, run as the real binary.

No AWS is involved: these commands only read and write files. What foyer
writes is read back with Python's own TOML parser, and error output is
compared line for line.
"""
import json
import os
import subprocess
import tempfile
import textwrap
import tomllib
import unittest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ACME = os.path.join(REPO, "examples", "acme", "foyer.toml")

VALID = textwrap.dedent("""\
    [organization]
    management_account_id = "123456789012"
    email = "aws+{account}@example.com"
    regions = ["us-east-1", "us-west-2"]
    environments = ["development", "production"]

    [accounts]
    admin = "admin"
    audit = "audit"

    [[domain]]
    name = "payments"

    [[role]]
    name = "Deployer"
    in = { environments = ["production"] }

    [[group]]
    name = "engineers"
    grants = [{ role = "Deployer" }, { role = "Auditor" }]
    """)


def foyer(*args, cwd=None):
    """Runs foyer; returns (exit status, stdout, stderr)."""
    result = subprocess.run([os.environ["FOYER_BIN"], *args], cwd=cwd, capture_output=True,
                            text=True, timeout=60)
    return result.returncode, result.stdout, result.stderr


class SpecCliTest(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.addCleanup(self.folder.cleanup)
        self.path = os.path.join(self.folder.name, "foyer.toml")

    def write(self, text, name="foyer.toml"):
        path = os.path.join(self.folder.name, name)
        with open(path, "w", encoding="utf-8") as out:
            out.write(text)
        return path

    def assert_errors(self, text, expected_lines):
        path = self.write(text)
        status, out, err = foyer("validate", "--path", path)
        self.assertEqual(status, 1, err)
        self.assertEqual(out, "")
        self.assertEqual(err.splitlines(), [f"{path}:{line}" for line in expected_lines])

    def test_init_writes_a_starter_that_validates(self):
        status, out, err = foyer("init", "--path", self.path)
        self.assertEqual((status, err), (0, ""))
        self.assertEqual(out, f"wrote {self.path}; edit it, then check it with "
                              f"'foyer validate --path {self.path}'\n")
        with open(self.path, "rb") as written:
            starter = tomllib.load(written)
        self.assertEqual(starter["organization"]["regions"], ["us-east-1", "us-west-2"])
        self.assertEqual(starter["accounts"], {"admin": "admin", "audit": "audit",
                                               "deploy": "deploy"})
        self.assertEqual([group["name"] for group in starter["group"]], ["admins", "developers"])
        status, out, err = foyer("validate", "--path", self.path)
        self.assertEqual((status, err), (0, ""))
        self.assertEqual(out, f"{self.path}: ok (5 accounts, 4 roles, 2 groups)\n")

    def test_init_refuses_to_overwrite_without_force(self):
        self.write("# mine\n")
        status, out, err = foyer("init", "--path", self.path)
        self.assertEqual((status, out), (1, ""))
        self.assertEqual(err, f"foyer: {self.path} already exists; use --force to overwrite it "
                              "(FileExists)\n")
        with open(self.path, encoding="utf-8") as kept:
            self.assertEqual(kept.read(), "# mine\n")
        status, _, err = foyer("init", "--path", self.path, "--force")
        self.assertEqual((status, err), (0, ""))
        with open(self.path, encoding="utf-8") as replaced:
            self.assertIn("[organization]", replaced.read())

    def test_defaults_to_foyer_toml_in_the_current_folder(self):
        self.assertEqual(foyer("init", cwd=self.folder.name)[0], 0)
        self.assertTrue(os.path.exists(self.path))
        status, out, _ = foyer("validate", cwd=self.folder.name)
        self.assertEqual((status, out), (0, "foyer.toml: ok (5 accounts, 4 roles, 2 groups)\n"))

    def test_valid_spec_counts(self):
        # admin, audit, payments-development, payments-production; roles
        # OrganizationReader, Auditor, Deployer; one group.
        status, out, err = foyer("validate", "--path", self.write(VALID))
        self.assertEqual((status, err), (0, ""))
        self.assertEqual(out, f"{self.path}: ok (4 accounts, 3 roles, 1 groups)\n")

    def test_acme_example_is_valid(self):
        with open(ACME, "rb") as example:
            acme = tomllib.load(example)
        service_accounts = len(acme["domain"]) * len(acme["organization"]["environments"])
        self.assertEqual(service_accounts + len(acme["accounts"]), 9)
        status, out, err = foyer("validate", "--path", ACME)
        self.assertEqual((status, err), (0, ""))
        self.assertEqual(out, f"{ACME}: ok (9 accounts, 5 roles, 3 groups)\n")

    def test_unknown_key_and_wrong_type(self):
        text = VALID.replace('name = "payments"', 'name = "payments"\nenviroments = ["production"]')
        text = text.replace('regions = ["us-east-1", "us-west-2"]', 'regions = "us-east-1"')
        self.assert_errors(text, [
            "4:11: error: 'regions' in [organization] must be an array of strings, not a string",
            "13:1: error: unknown key 'enviroments' in [[domain]] 'payments' \u2014 did you mean "
            "'environments'?",
        ])

    def test_syntax_error(self):
        self.assert_errors(VALID.replace('admin = "admin"', 'admin = "admin'), [
            "8:15: error: invalid TOML: Error while parsing string: unescaped control characters "
            "other than TAB (U+0009) are explicitly prohibited",
        ])

    def test_every_semantic_error_at_once(self):
        text = VALID.replace('["us-east-1", "us-west-2"]', '["us-east-1"]')
        text = text.replace('"123456789012"', '"12345"')
        text = text.replace('{ role = "Deployer" }', '{ role = "Deployr" }')
        text = text.replace('audit = "audit"', 'audit = "payments-production"')
        text += '\n[identity.iam_users]\nbob = { groups = ["engineer"] }\n'
        self.assert_errors(text, [
            "2:25: error: management_account_id '12345' must be 12 digits",
            "4:11: error: at least two regions are required so that access survives a regional "
            "outage (rule S5); found 1",
            "12:8: error: two accounts would be named 'payments-production': [accounts] audit "
            "and [[domain]] 'payments' (environment 'production', quality 'default')",
            "20:20: error: unknown role 'Deployr' in grant #1 of [[group]] 'engineers' \u2014 did "
            "you mean 'Deployer'?",
            "23:19: error: unknown group 'engineer' for IAM user 'bob' \u2014 did you mean "
            "'engineers'?",
        ])

    def test_selector_errors(self):
        text = VALID.replace('in = { environments = ["production"] }',
                             'in = { accounts = ["admins"] }')
        self.assert_errors(text, [
            "16:20: error: unknown account 'admins' in the selector of [[role]] 'Deployer' "
            "\u2014 did you mean 'admin'?",
        ])
        text = VALID.replace('{ role = "Deployer" }',
                             '{ role = "Deployer", in = { environments = ["development"] } }')
        self.assert_errors(text, [
            "20:37: error: the selector of grant #1 of [[group]] 'engineers' picks no account "
            "where role 'Deployer' exists",
        ])

    def test_policy_file_is_read_relative_to_the_spec(self):
        os.mkdir(os.path.join(self.folder.name, "policies"))
        self.write('{"Statement": [', name="policies/deployer.json")
        text = VALID.replace('in = { environments = ["production"] }',
                             'in = { environments = ["production"] }\n'
                             'policy_file = "policies/deployer.json"')
        self.assert_errors(text, [
            "17:15: error: policy_file 'policies/deployer.json' is not valid JSON: parse error at "
            "line 1, column 16: syntax error while parsing value - unexpected end of input; "
            "expected '[', '{', or a literal",
        ])
        self.write('{"Version": "2012-10-17", "Statement": []}', name="policies/deployer.json")
        status, out, _ = foyer("validate", "--path", self.path)
        self.assertEqual((status, out), (0, f"{self.path}: ok (4 accounts, 3 roles, 1 groups)\n"))

    def test_json_format(self):
        status, out, err = foyer("validate", "--path", self.write(VALID), "--format", "json")
        self.assertEqual((status, err), (0, ""))
        self.assertEqual(json.loads(out), {"file": self.path, "ok": True, "accounts": 4,
                                           "roles": 3, "groups": 1})
        text = VALID.replace('["us-east-1", "us-west-2"]', '["us-east-1"]')
        status, out, err = foyer("validate", "--path", self.write(text), "--format", "json")
        self.assertEqual((status, err), (1, ""))
        self.assertEqual(json.loads(out), {"file": self.path, "ok": False, "errors": [{
            "file": self.path, "line": 4, "column": 11,
            "message": "at least two regions are required so that access survives a regional "
                       "outage (rule S5); found 1"}]})

    def test_missing_file(self):
        status, out, err = foyer("validate", "--path", self.path)
        self.assertEqual((status, out), (1, ""))
        self.assertEqual(err, f"foyer: cannot read {self.path}: No such file or directory; "
                              "'foyer init' writes a starter file (FileError)\n")

    def test_unknown_format_is_a_usage_error(self):
        status, _, _ = foyer("validate", "--path", self.write(VALID), "--format", "xml")
        self.assertEqual(status, 2)


if __name__ == "__main__":
    unittest.main()
