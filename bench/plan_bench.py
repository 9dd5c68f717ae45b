#!/usr/bin/env python3
"""No-op `foyer plan` over an applied organization of about 100 accounts, in
moto: API calls per account (target: at most 3) and wall time at
concurrency 1 vs 8, measured in the same run.

    bench/plan_bench.py FOYER_BINARY [DOMAINS]

DOMAINS (default 50) x 2 environments service accounts, plus admin, audit
and deploy. moto answers one request at a time, so concurrency cannot help
against it alone; the second measurement adds a round trip's latency to
every request (through the test proxy), as AWS has.
"""
import collections
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))

from e2e.fault_proxy import FaultProxy  # noqa: E402
from e2e.moto import MotoServer  # noqa: E402

FOYER = os.path.abspath(sys.argv[1])
DOMAINS = int(sys.argv[2]) if len(sys.argv) > 2 else 50


def spec_text():
    lines = ['[organization]', 'management_account_id = "123456789012"',
             'email = "aws+{account}@example.com"', 'regions = ["us-east-1", "us-west-2"]',
             'environments = ["development", "production"]', '',
             '[accounts]', 'admin = "admin"', 'audit = "audit"', 'deploy = "deploy"', '']
    for index in range(DOMAINS):
        lines += ['[[domain]]', f'name = "d{index:03d}"', '']
    lines += ['[[group]]', 'name = "sre"',
              'grants = [{ role = "Administrator" }, { role = "OrganizationAdministrator" }]', '',
              '[[group]]', 'name = "engineers"', 'grants = [{ role = "Auditor" }]']
    return "\n".join(lines) + "\n"


def run(env, *args):
    started = time.monotonic()
    result = subprocess.run([FOYER, *args], env=env, capture_output=True, text=True)
    took = time.monotonic() - started
    if result.returncode != 0:
        raise SystemExit(f"foyer {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return took, result.stdout


def main():
    home = tempfile.mkdtemp(prefix="foyer-plan-bench-")
    try:
        spec = os.path.join(home, "foyer.toml")
        with open(spec, "w") as f:
            f.write(spec_text())
        with MotoServer({"MOTO_IAM_LOAD_MANAGED_POLICIES": "true"}) as moto, FaultProxy(moto.url) as proxy:
            env = moto.env(home=home, AWS_ENDPOINT_URL=proxy.url)
            took, _ = run(env, "apply", "--yes", "--spec", spec)
            accounts = DOMAINS * 2 + 3
            print(f"applied {accounts} accounts (plus management) in {took:.1f} s")
            proxy.clear_log()
            run(env, "plan", "--detailed-exitcode", "--spec", spec)
            calls = proxy.log()
            by_action = collections.Counter(entry["action"] for entry in calls)
            print(f"no-op plan: {len(calls)} API calls, {len(calls) / accounts:.2f} per account")
            for action, count in by_action.most_common():
                print(f"  {count:5d} {action}")
            # moto answers one request at a time; AWS answers each after a
            # network round trip, in parallel. The second pair adds a 30 ms
            # delay to every request, as a round trip to a region would.
            for latency in (0.0, 0.03):
                proxy.set_plan([{"delay": latency, "count": 10**9}] if latency else [])
                times = {}
                for concurrency in (1, 8):
                    samples = [run(env, "plan", "--concurrency", str(concurrency), "--spec", spec)[0]
                               for _ in range(3)]
                    times[concurrency] = statistics.median(samples)
                    print(f"no-op plan, {latency * 1000:.0f} ms added per request, concurrency "
                          f"{concurrency}: median {times[concurrency]:.2f} s "
                          f"({', '.join(f'{s:.2f}' for s in samples)})")
                print(f"  concurrency 8 vs 1: {times[1] / times[8]:.2f}x faster")
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
