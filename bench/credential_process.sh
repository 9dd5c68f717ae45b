#!/usr/bin/env bash
# Warm-cache credential resolution, side by side in one hyperfine run:
#   - foyer credential-process TARGET --role Administrator (warm foyer cache)
#   - botocore resolving the equivalent role_arn/source_profile profile with
#     its own warm JSON cache (what the AWS CLI does before any call)
#   - the AWS CLI doing the same plus one STS call (it has no command that
#     only prints credentials in v1)
#   - cat of foyer's cache entry: the floor for reading a file in a process
#   bench/credential_process.sh [build-dir]     (default: build)
# Prints hyperfine's table and writes bench/results/credential-process.md.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
foyer=$PWD/$build/src/cli/foyer
[ -x "$foyer" ] || { echo "build foyer first: scripts/build" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "hyperfine is missing: scripts/setup" >&2; exit 1; }
aws=$( (pyenv which aws 2>/dev/null) || command -v aws)
python=$( (pyenv which python3 2>/dev/null) || command -v python3)

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m moto.server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto_pid=$!
trap 'kill $moto_pid 2>/dev/null; wait $moto_pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/moto-api/" >/dev/null && break; sleep 0.1; done

export HOME=$work AWS_ENDPOINT_URL=http://127.0.0.1:$port AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
export AWS_CONFIG_FILE=$work/config AWS_SHARED_CREDENTIALS_FILE=$work/credentials

# An admin account with the landing role foyer/sre, a target account with
# foyer/Administrator, a landing session; the AWS profiles of the same chain.
read -r admin target landing_key landing_secret landing_token < <(AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE \
  AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY "$python" - <<'PY'
import json, boto3
trust = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"},
                    "Action": ["sts:AssumeRole", "sts:SetSourceIdentity"]}]})
orgs = boto3.client("organizations")
orgs.create_organization(FeatureSet="ALL")
ids = [orgs.create_account(AccountName=n, Email=f"{n}@example.com")["CreateAccountStatus"]["AccountId"]
       for n in ("admin", "payments-production")]
for account, role in ((ids[0], "sre"), (ids[1], "Administrator")):
    c = boto3.client("sts").assume_role(RoleArn=f"arn:aws:iam::{account}:role/OrganizationAccountAccessRole",
                                        RoleSessionName="setup")["Credentials"]
    boto3.client("iam", aws_access_key_id=c["AccessKeyId"], aws_secret_access_key=c["SecretAccessKey"],
                 aws_session_token=c["SessionToken"]).create_role(RoleName=role, Path="/foyer/",
                                                                 AssumeRolePolicyDocument=trust)
c = boto3.client("sts").assume_role(RoleArn=f"arn:aws:iam::{ids[0]}:role/foyer/sre",
                                    RoleSessionName="alice@example.com")["Credentials"]
print(ids[0], ids[1], c["AccessKeyId"], c["SecretAccessKey"], c["SessionToken"])
PY
)
cat >"$work/config" <<INI
[profile landing]
aws_access_key_id = $landing_key
aws_secret_access_key = $landing_secret
aws_session_token = $landing_token
[profile target]
role_arn = arn:aws:iam::$target:role/foyer/Administrator
source_profile = landing
role_session_name = alice@example.com
INI
: >"$work/credentials"

"$foyer" configure --org acme --admin-account "$admin" --regions us-east-1,us-west-2 --method oidc --group sre \
  --oidc-issuer https://idp.example.com --oidc-client-id foyer 2>/dev/null
AWS_ACCESS_KEY_ID=$landing_key AWS_SECRET_ACCESS_KEY=$landing_secret AWS_SESSION_TOKEN=$landing_token \
  "$foyer" credential-process "$target" --role Administrator >/dev/null
entry=$(ls "$work"/.local/state/foyer/credentials/*.cred | head -1)

# botocore with the JSON file cache the AWS CLI gives its assume-role provider.
cat >"$work/botocore_resolve.py" <<'PY'
import json
import botocore.session
from botocore.credentials import JSONFileCache
session = botocore.session.Session(profile="target")
session.get_component("credential_provider").get_provider("assume-role").cache = JSONFileCache()
c = session.get_credentials().get_frozen_credentials()
print(json.dumps({"Version": 1, "AccessKeyId": c.access_key, "SecretAccessKey": c.secret_key,
                  "SessionToken": c.token}))
PY
"$python" "$work/botocore_resolve.py" >/dev/null  # warms botocore's cache
"$aws" sts get-caller-identity --profile target >/dev/null  # warms the CLI's cache

mkdir -p bench/results
hyperfine --warmup 5 --min-runs 30 -N --export-markdown bench/results/credential-process.md \
  -n "cat <foyer cache entry>" "cat $entry" \
  -n "foyer credential-process (warm)" "$foyer credential-process $target --role Administrator" \
  -n "botocore resolving the profile (warm cache)" "$python $work/botocore_resolve.py" \
  -n "aws sts get-caller-identity --profile (warm cache)" "$aws sts get-caller-identity --profile target"
