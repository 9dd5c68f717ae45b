#!/usr/bin/env bash
# Process start-up and one STS call: foyer against the AWS CLI, side by side in
# one hyperfine run, both against the same local moto server.
#   bench/startup.sh [build-dir]     (default: build)
# Prints hyperfine's table and writes bench/results/startup.md.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
foyer=$PWD/$build/src/cli/foyer
[ -x "$foyer" ] || { echo "build foyer first: scripts/build" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "hyperfine is missing: scripts/setup" >&2; exit 1; }
# The AWS CLI itself, not a version manager's shim in front of it (a shim
# would add its own start-up to every run, and needs the real HOME).
aws=$( (pyenv which aws 2>/dev/null) || command -v aws)

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m moto.server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto_pid=$!
trap 'kill $moto_pid 2>/dev/null; wait $moto_pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/moto-api/" >/dev/null && break; sleep 0.1; done

export HOME=$work AWS_ENDPOINT_URL=http://127.0.0.1:$port AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
export AWS_CONFIG_FILE=$work/config AWS_SHARED_CREDENTIALS_FILE=$work/credentials
: >"$work/config"; : >"$work/credentials"

mkdir -p bench/results
hyperfine --warmup 3 --min-runs 20 -N --export-markdown bench/results/startup-version.md \
  -n "foyer --version" "$foyer --version" \
  -n "aws --version" "$aws --version"
hyperfine --warmup 3 --min-runs 20 -N --export-markdown bench/results/startup-whoami.md \
  -n "foyer whoami" "$foyer whoami --format json" \
  -n "aws sts get-caller-identity" "$aws sts get-caller-identity --endpoint-url $AWS_ENDPOINT_URL"
