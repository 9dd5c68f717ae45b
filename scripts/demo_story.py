#!/usr/bin/env python3
"""The demo's story: foyer at work on the example organization examples/acme,
against moto (the AWS emulator) and a real OpenID provider, both on loopback.

    scripts/demo_story.py FOYER_BINARY

Everything is foyer: validate the spec, plan and apply it with the
management account's keys (organization, OUs, accounts, roles with exact
trust policies, guardrails, audit trail, state buckets), plan again to see
nothing left to do, prove who can reach an account, prove a proposed change
before applying it (snapshot --planned), audit the organization,
see the audit fail once a KMS key is opened to everyone (the one change made
with boto3, as someone would), configure a person's client, log in through
the browser flow (a scripted person signs in), move into accounts, write AWS
profiles, generate the Terraform scaffolding, and check policies.
"""
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))

from e2e.moto import MotoServer  # noqa: E402
from fakes.oidc_provider import OidcProvider, sign_in  # noqa: E402

FOYER = os.path.abspath(sys.argv[1])
SPEC = os.path.join(ROOT, "examples", "acme", "foyer.toml")
COLOR = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
DEMO_HOME = None  # the demo's scratch folder, shown as $DEMO


def say(text):
    print(("\n\033[36m# %s\033[0m" if COLOR else "\n# %s") % text, flush=True)


def run(args, env, quiet=False, expect_failure=False, **kwargs):
    """Runs and shows a command; `quiet` keeps its output for the caller.
    A non-zero exit status ends the demo, unless `expect_failure`: then the
    status is shown, and a zero status ends the demo instead."""
    shown = " ".join(shlex.quote(a) for a in ["foyer"] + args[1:]) if args[0] == FOYER else " ".join(args)
    shown = shown.replace(os.path.dirname(os.path.dirname(SPEC)) + "/", "")
    if DEMO_HOME:
        shown = shown.replace(DEMO_HOME, "$DEMO")
    print(("\033[1m$ %s\033[0m" if COLOR else "$ %s") % shown, flush=True)
    result = subprocess.run(args, env=env, text=True, capture_output=True, **kwargs)
    if not quiet or result.returncode != 0:
        for text in (result.stdout, result.stderr):
            sys.stdout.write(text.replace(DEMO_HOME, "$DEMO") if DEMO_HOME else text)
    sys.stdout.flush()
    if expect_failure:
        if result.returncode == 0:
            raise SystemExit("demo: the command above succeeded, but it should have failed")
        print(f"(exit status {result.returncode}: a CI job stops here)", flush=True)
    elif result.returncode != 0:
        raise SystemExit(f"demo: the command above failed with exit status {result.returncode}")
    return result.stdout


def show_plan(env, spec_path):
    """`foyer plan`, shown as its list of changes: the full output, with every
    field and policy document, runs to hundreds of lines."""
    print(("\033[1m$ %s\033[0m" if COLOR else "$ %s") % "foyer plan --spec acme/foyer.toml", flush=True)
    result = subprocess.run([FOYER, "plan", "--spec", spec_path], env=env, text=True, capture_output=True)
    if result.returncode != 0:
        sys.stdout.write(result.stdout + result.stderr)
        raise SystemExit(f"demo: foyer plan failed with exit status {result.returncode}")
    changes = [line for line in result.stdout.splitlines() if line.startswith(("  + ", "  ~ ", "  - "))]
    for line in changes[:12]:
        print(line)
    if len(changes) > 12:
        print(f"  ... and {len(changes) - 12} more (fields and policy documents elided here)")
    print(result.stdout.strip().splitlines()[-1], flush=True)


def acme_spec_for(issuer, home):
    """examples/acme with its OpenID provider pointed at the demo's."""
    folder = os.path.join(home, "acme")
    shutil.copytree(os.path.dirname(SPEC), folder)
    path = os.path.join(folder, "foyer.toml")
    with open(path) as handle:
        text = handle.read()
    with open(path, "w") as handle:
        handle.write(text.replace('issuer = "https://idp.acme.example"', f'issuer = "{issuer}"'))
    return path


def propose_change(spec_path):
    """The acme spec with engineers granted Administrator in payments, and a
    domain billing whose accounts do not exist yet, beside the original."""
    with open(spec_path) as handle:
        text = handle.read()
    development = '  { role = "Administrator", in = { environments = ["development"] } },\n'
    text = text.replace(development, development + '  { role = "Administrator", in = { domains = ["payments"] } },\n')
    text = text.replace('[[domain]]\nname = "web"\n', '[[domain]]\nname = "web"\n\n[[domain]]\nname = "billing"\n')
    proposed = os.path.join(os.path.dirname(spec_path), "proposed.toml")
    with open(proposed, "w") as handle:
        handle.write(text)
    return proposed


def account_ids(env):
    accounts = json.loads(subprocess.run([FOYER, "accounts", "--format", "json"], env=env, text=True,
                                         capture_output=True, check=True).stdout)
    return {account["name"]: account["id"] for account in accounts}


def open_kms_key(moto, account):
    """A KMS key in `account` whose policy lets every principal do everything."""
    creds = moto.client("sts").assume_role(
        RoleArn=f"arn:aws:iam::{account}:role/OrganizationAccountAccessRole",
        RoleSessionName="demo")["Credentials"]
    kms = moto.client("kms", aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"],
                      aws_session_token=creds["SessionToken"])
    policy = {"Version": "2012-10-17", "Statement": [
        {"Sid": "Everyone", "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:*", "Resource": "*"}]}
    return kms.create_key(Description="shared", Policy=json.dumps(policy))["KeyMetadata"]["KeyId"]


def log_in(env):
    print("\033[1m$ foyer login --no-browser\033[0m" if COLOR else "$ foyer login --no-browser", flush=True)
    login = subprocess.Popen([FOYER, "login", "--no-browser"], env=env, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    url = None
    for line in login.stderr:
        sys.stdout.write(line)
        if line.strip().startswith("http"):
            url = line.strip()
            break
    if url is None:
        raise SystemExit("demo: foyer login printed no sign-in URL")
    print("(a scripted person opens that URL and signs in as alice)", flush=True)
    sign_in(url, login="alice")
    _, rest = login.communicate(timeout=60)
    sys.stdout.write(rest)
    if login.returncode != 0:
        raise SystemExit(f"demo: foyer login failed with exit status {login.returncode}")


def main():
    home = tempfile.mkdtemp(prefix="foyer-demo-")
    try:
        tell_the_story(home)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def tell_the_story(home):
    global DEMO_HOME
    DEMO_HOME = home
    claims = {"email": "alice@acme.example", "https://aws.amazon.com/tags": {
        "principal_tags": {"FoyerGroups": [":engineers:"]}}}
    with MotoServer({"MOTO_IAM_LOAD_MANAGED_POLICIES": "true"}) as moto, OidcProvider(claims=claims) as idp:
        print(f"moto (the AWS emulator) listens on {moto.url}; the OpenID provider on {idp.issuer}")
        management_env = moto.env(home=home)  # the management account's keys
        person_env = {k: v for k, v in management_env.items()
                      if k not in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")}

        say("The organization as code: examples/acme/foyer.toml")
        spec_path = acme_spec_for(idp.issuer, home)
        run([FOYER, "validate", "--path", spec_path], management_env)

        say("What foyer apply would change in an empty AWS account (the future management account)")
        show_plan(management_env, spec_path)

        say("Applying it, with the management account's keys: journaled, resumable, 8 changes at a time")
        applied = run([FOYER, "apply", "--yes", "--spec", spec_path], management_env, quiet=True)
        print(applied.strip().splitlines()[-1])

        say("A second plan: nothing left to do")
        run([FOYER, "plan", "--spec", spec_path], management_env)

        say("The accounts, found by their foyer:* tags")
        run([FOYER, "accounts"], management_env)
        ids = account_ids(management_env)
        admin = ids["admin"]

        say("Every foyer role, where it lives, and which groups' landing roles its trust policy names")
        run([FOYER, "roles", "--spec", spec_path], management_env)

        say("Proving it from the live policies: who can become Administrator in payments-production?")
        run([FOYER, "who-can", "payments/production", "--role", "Administrator",
             "--via", "organization-account-access-role"], management_env)

        say("A change proven before it is applied: engineers get Administrator in payments, and a new domain")
        proposed = propose_change(spec_path)
        planned = os.path.join(home, "planned.json")
        run([FOYER, "snapshot", "--planned", "--spec", proposed, "--via", "organization-account-access-role",
             "-o", planned], management_env)
        run([FOYER, "who-can", "payments/production", "--role", "Administrator", "--snapshot", planned],
            management_env)

        say("Auditing the whole organization against rules S1-S10")
        run([FOYER, "audit", "--via", "organization-account-access-role"], management_env)

        say("Someone opens a KMS key in payments-production to the world; the audit a CI job runs fails")
        key_id = open_kms_key(moto, ids["payments-production"])
        print(f'(with boto3, as OrganizationAccountAccessRole: key {key_id}, its policy allowing '
              f'{{"AWS": "*"}} kms:* without condition)', flush=True)
        run([FOYER, "audit", "--via", "organization-account-access-role", "--fail-on", "high"], management_env,
            expect_failure=True)

        say("A person's client configuration, then the browser login with OIDC + PKCE")
        run([FOYER, "configure", "--org", "acme", "--admin-account", admin, "--management-account",
             "123456789012", "--regions", "us-east-1,us-west-2", "--method", "oidc", "--group", "engineers",
             "--oidc-issuer", idp.issuer, "--oidc-client-id", "foyer", "--from", spec_path], person_env)
        log_in(person_env)

        say("Moving into an account: a chained, cached session of role/foyer/Administrator")
        run([FOYER, "exec", "payments-development", "--role", "Administrator", "--",
             "aws", "sts", "get-caller-identity"], person_env)
        run([FOYER, "assume", "ledger-production", "--role", "Auditor", "--format", "json"], person_env)

        say("Every AWS tool just works: one profile per account and granted role in ~/.aws/config")
        profile_env = dict(person_env, AWS_CONFIG_FILE=os.path.join(home, ".aws", "config"))
        run([FOYER, "config", "sync"], profile_env)
        run(["aws", "sts", "get-caller-identity", "--profile", "payments-development.Administrator",
             "--output", "json"], profile_env)

        say("Terraform scaffolding: a root module per account and region, state partitioned by account")
        terraform_dir = os.path.join(home, "terraform")
        generated = run([FOYER, "terraform", "generate", "--spec", spec_path, "--dir", terraform_dir],
                        management_env, quiet=True)
        print(generated.strip().splitlines()[-1].replace(home, "$DEMO"))
        module = os.path.join(terraform_dir, "root-modules", "payments", "production", "default", "us-east-1")
        with open(os.path.join(module, "providers.tf")) as handle:
            print(f"--- {os.path.relpath(module, home)}/providers.tf")
            print(handle.read().rstrip())

        say("Proving access offline: may engineers assume Administrator in production, where only sre is trusted?")
        simulation = json.dumps({
            "request": {"principal": f"arn:aws:sts::{admin}:assumed-role/engineers/alice",
                        "action": "sts:AssumeRole",
                        "resource": f"arn:aws:iam::{ids['payments-production']}:role/foyer/Administrator"},
            "identity_policies": [{"Version": "2012-10-17", "Statement": {
                "Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::*:role/foyer/*"}}],
            "resource_policy": {"Version": "2012-10-17", "Statement": [{
                "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{admin}:role/foyer/sre"},
                "Action": "sts:AssumeRole"}]}})
        run([FOYER, "simulate", "--explain", "-"], person_env, input=simulation)


if __name__ == "__main__":
    main()
