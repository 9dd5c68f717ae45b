#!/usr/bin/env python3
"""The demo's story: foyer at work on the example organization examples/acme,
against moto (the AWS emulator) and a real OpenID provider, both on loopback.

    scripts/demo_story.py FOYER_BINARY

`foyer apply` is not built yet, so the organization it would create is set up
here with boto3, exactly as foyer names and tags it (DESIGN.md section 2).
Everything after that is foyer: validate the spec, configure the client,
log in through the browser flow (a scripted person signs in), list the
accounts, move into them, and check policies offline.
"""
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))

from e2e.moto import MotoServer  # noqa: E402
from fakes.oidc_provider import OidcProvider, sign_in  # noqa: E402

FOYER = os.path.abspath(sys.argv[1])
SPEC = os.path.join(ROOT, "examples", "acme", "foyer.toml")
COLOR = sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def say(text):
    print(("\n\033[36m# %s\033[0m" if COLOR else "\n# %s") % text, flush=True)


def run(args, env, **kwargs):
    shown = " ".join(shlex.quote(a) for a in ["foyer"] + args[1:]) if args[0] == FOYER else " ".join(args)
    print(("\033[1m$ %s\033[0m" if COLOR else "$ %s") % shown, flush=True)
    result = subprocess.run(args, env=env, text=True, capture_output=True, **kwargs)
    sys.stdout.write(result.stdout)
    sys.stdout.write(result.stderr)
    sys.stdout.flush()
    if result.returncode != 0:
        raise SystemExit(f"demo: the command above failed with exit status {result.returncode}")
    return result.stdout


def account_names(spec):
    """The accounts foyer derives from the spec: (name, kind, domain, environment, OU)."""
    org = spec["organization"]
    accounts = [(spec["accounts"]["admin"], "admin", "", "", "Security"),
                (spec["accounts"]["audit"], "audit", "", "", "Security"),
                (spec["accounts"]["deploy"], "deploy", "", "", "Infrastructure")]
    for domain in spec["domain"]:
        for environment in domain.get("environments", org["environments"]):
            accounts.append((f"{domain['name']}-{environment}", "service", domain["name"], environment,
                             f"Workloads/{environment}"))
    return accounts


def build_organization(moto, spec, issuer):
    """What `foyer apply` will do, done with boto3 for the demo."""
    org = moto.client("organizations")
    org.create_organization(FeatureSet="ALL")
    root = org.list_roots()["Roots"][0]["Id"]
    ous = {}
    for path in ["Security", "Infrastructure", "Workloads", "Workloads/development", "Workloads/production"]:
        parent = ous.get(path.rsplit("/", 1)[0], root) if "/" in path else root
        ous[path] = org.create_organizational_unit(ParentId=parent, Name=path.split("/")[-1])["OrganizationalUnit"]["Id"]
    ids = {}
    for name, kind, domain, environment, ou in account_names(spec):
        tags = [{"Key": "foyer:kind", "Value": kind}, {"Key": "foyer:managed", "Value": "true"}]
        if domain:
            tags += [{"Key": "foyer:domain", "Value": domain}, {"Key": "foyer:environment", "Value": environment},
                     {"Key": "foyer:quality", "Value": "default"}]
        email = spec["organization"]["email"].replace("{account}", name)
        status = org.create_account(Email=email, AccountName=name, Tags=tags)["CreateAccountStatus"]
        ids[name] = status["AccountId"]
        org.move_account(AccountId=ids[name], SourceParentId=root, DestinationParentId=ous[ou])

    sts = moto.client("sts")

    def iam_in(account):
        creds = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/OrganizationAccountAccessRole",
                                RoleSessionName="demo-setup")["Credentials"]
        return moto.client("iam", aws_access_key_id=creds["AccessKeyId"],
                           aws_secret_access_key=creds["SecretAccessKey"], aws_session_token=creds["SessionToken"])

    admin = ids[spec["accounts"]["admin"]]
    admin_iam = iam_in(admin)
    provider = admin_iam.create_open_id_connect_provider(Url=issuer, ClientIDList=["foyer"],
                                                         ThumbprintList=["0" * 40])["OpenIDConnectProviderArn"]
    host = issuer.split("://", 1)[1]
    for group in spec["group"]:
        trust = {"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Principal": {"Federated": provider},
            "Action": ["sts:AssumeRoleWithWebIdentity", "sts:TagSession", "sts:SetSourceIdentity"],
            "Condition": {"StringEquals": {f"{host}:aud": "foyer"},
                          "StringLike": {"aws:RequestTag/FoyerGroups": f"*:{group['name']}:*"}}}]}
        admin_iam.create_role(Path="/foyer/", RoleName=group["name"], AssumeRolePolicyDocument=json.dumps(trust),
                              MaxSessionDuration=43200)
    for name, account in ids.items():
        if account == admin:
            continue
        trust = {"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Principal": {"AWS": [f"arn:aws:iam::{admin}:role/foyer/engineers",
                                                     f"arn:aws:iam::{admin}:role/foyer/sre"]},
            "Action": ["sts:AssumeRole", "sts:SetSourceIdentity"]}]}
        iam_in(account).create_role(Path="/foyer/", RoleName="Administrator",
                                    AssumeRolePolicyDocument=json.dumps(trust))
    return ids


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
    with open(SPEC, "rb") as handle:
        spec = tomllib.load(handle)
    home = tempfile.mkdtemp(prefix="foyer-demo-")
    try:
        tell_the_story(spec, home)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def tell_the_story(spec, home):
    claims = {"email": "alice@acme.example", "https://aws.amazon.com/tags": {
        "principal_tags": {"FoyerGroups": [":engineers:"]}}}
    with MotoServer() as moto, OidcProvider(claims=claims) as idp:
        print(f"moto (the AWS emulator) listens on {moto.url}; the OpenID provider on {idp.issuer}")
        management_env = moto.env(home=home)  # the management account's keys
        person_env = {k: v for k, v in management_env.items()
                      if k not in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")}

        say("The organization as code: examples/acme/foyer.toml")
        run([FOYER, "validate", "--path", SPEC], management_env)

        say("Setting up the acme organization in moto the way `foyer apply` will (apply is not built yet)")
        ids = build_organization(moto, spec, idp.issuer)
        admin = ids["admin"]
        print(f"{len(ids)} accounts created; the admin account is {admin}")

        say("The accounts, found by their foyer:* tags")
        run([FOYER, "accounts"], management_env)

        say("A person's client configuration, then the browser login with OIDC + PKCE")
        run([FOYER, "configure", "--org", "acme", "--admin-account", admin, "--management-account",
             "123456789012", "--regions", "us-east-1,us-west-2", "--method", "oidc", "--group", "engineers",
             "--oidc-issuer", idp.issuer, "--oidc-client-id", "foyer"], person_env)
        log_in(person_env)

        say("Moving into an account: a chained, cached session of role/foyer/Administrator")
        run([FOYER, "exec", "payments-development", "--role", "Administrator", "--",
             "aws", "sts", "get-caller-identity"], person_env)
        run([FOYER, "assume", "ledger-production", "--role", "Administrator", "--format", "json"], person_env)

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
