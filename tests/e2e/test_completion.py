"""foyer completion: the bash script completes targets and roles.

The inventory is cached once by `foyer accounts --refresh` against moto;
then bash loads the script and runs its completion function as it would on
<Tab>, with moto stopped, to show completion needs no AWS call.
"""
import os
import shutil
import subprocess
import tempfile
import unittest

from e2e.moto import TEST_ACCESS_KEY, TEST_SECRET_KEY, MotoServer, foyer_binary

COMPLETE = """
source <("$FOYER" completion bash)
COMP_WORDS=("$FOYER" "$@")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
_foyer
printf '%s\\n' "${COMPREPLY[@]}"
"""


class CompletionTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.home = tempfile.mkdtemp()
        with MotoServer() as moto:
            orgs = moto.client("organizations")
            orgs.create_organization(FeatureSet="ALL")
            management = orgs.describe_organization()["Organization"]["MasterAccountId"]
            for name, tags in (("admin", {"foyer:kind": "admin"}),
                               ("payments-production", {"foyer:kind": "service", "foyer:domain": "payments",
                                                        "foyer:environment": "production",
                                                        "foyer:quality": "default"}),
                               ("payments-development", {"foyer:kind": "service", "foyer:domain": "payments",
                                                         "foyer:environment": "development",
                                                         "foyer:quality": "default"})):
                account = orgs.create_account(AccountName=name, Email=f"{name}@example.com")[
                    "CreateAccountStatus"]["AccountId"]
                orgs.tag_resource(ResourceId=account, Tags=[{"Key": k, "Value": v} for k, v in tags.items()])
            env = moto.env(home=cls.home, AWS_ACCESS_KEY_ID=TEST_ACCESS_KEY, AWS_SECRET_ACCESS_KEY=TEST_SECRET_KEY)
            for args in (["configure", "--org", "acme", "--admin-account", "000000000000",
                          "--management-account", management, "--regions", "us-east-1,us-west-2",
                          "--method", "oidc", "--group", "sre", "--oidc-issuer", "https://idp.example.com",
                          "--oidc-client-id", "foyer"],
                         ["accounts", "--refresh"]):
                run = subprocess.run([foyer_binary()] + args, env=env, capture_output=True, text=True, timeout=120)
                assert run.returncode == 0, run.stderr
        # From here on, no AWS at all.
        cls.env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": cls.home, "FOYER": foyer_binary(),
                   "AWS_ENDPOINT_URL": "http://127.0.0.1:9"}

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.home, True)

    def complete(self, *words):
        run = subprocess.run(["bash", "-c", COMPLETE, "complete"] + list(words), env=self.env,
                             capture_output=True, text=True, timeout=60)
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertEqual(run.stderr, "")
        return run.stdout.split()

    def test_completes_a_target_by_name_and_by_path(self):
        self.assertEqual(self.complete("assume", "payments-p"), ["payments-production"])
        self.assertEqual(self.complete("exec", "payments/"),
                         ["payments/development", "payments/development/default", "payments/production",
                          "payments/production/default"])
        # moto names the management account "master"; "management" is foyer's name for it.
        self.assertEqual(self.complete("console", "ma"), ["management", "master"])

    def test_completes_subcommands_and_roles(self):
        self.assertEqual(self.complete("ser"), ["serve-credentials"])
        self.assertNotIn("__complete", self.complete(""))
        self.assertEqual(self.complete("assume", "payments-production", "--role", "A"), ["Administrator", "Auditor"])

    def test_no_target_completion_after_the_target_or_for_other_commands(self):
        self.assertEqual(self.complete("assume", "admin", "pay"), [])
        self.assertEqual(self.complete("validate", "pay"), [])

    def test_zsh_and_fish_scripts_are_printed(self):
        for shell, first in (("zsh", "#compdef foyer"),
                             ("fish", "# fish completion for foyer; load with: foyer completion fish | source")):
            run = subprocess.run([foyer_binary(), "completion", shell], env=self.env, capture_output=True, text=True)
            self.assertEqual(run.returncode, 0, run.stderr)
            self.assertEqual(run.stdout.splitlines()[0], first)


if __name__ == "__main__":
    unittest.main()
