"""Differential test: `foyer simulate` against the independent evaluator
@cloud-copilot/iam-simulate (run as a separate Node process).

A seeded generator builds thousands of (policies, request, context) cases
covering every condition operator, set qualifiers, IfExists, policy
variables, wildcards, and every policy type (identity, resource and trust
policies, SCP levels, permissions boundaries, session policies), within and
across accounts. Both evaluators decide every case; any disagreement that is
not one of the documented divergences below fails the test.
"""

import json
import os
import random
import shutil
import subprocess
import unittest

ORACLE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "iam_simulate")
SEED = 20261127
CASES = 10000

ACCOUNT_A = "111122223333"
ACCOUNT_B = "444455556666"

# (action, resource template, ARN carries the account?)
OPERATIONS = [
    ("s3:GetObject", "arn:aws:s3:::bucket-{acct}/home/alice/notes.txt", False),
    ("s3:PutObject", "arn:aws:s3:::bucket-{acct}/team/sre/run.log", False),
    ("s3:ListBucket", "arn:aws:s3:::bucket-{acct}", False),
    ("sqs:SendMessage", "arn:aws:sqs:us-east-1:{acct}:jobs", True),
    ("sns:Publish", "arn:aws:sns:us-west-2:{acct}:alerts", True),
    ("iam:GetRole", "arn:aws:iam::{acct}:role/foyer/Admin", True),
    ("sts:AssumeRole", "arn:aws:iam::{acct}:role/foyer/Target", True),
    ("ec2:StartInstances", "arn:aws:ec2:us-east-1:{acct}:instance/i-0abc", True),
    ("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:{acct}:table/orders", True),
    ("kms:Decrypt", "arn:aws:kms:us-east-1:{acct}:key/1234abcd-12ab-34cd-56ef-1234567890ab", True),
    ("lambda:InvokeFunction", "arn:aws:lambda:us-east-1:{acct}:function:worker", True),
    ("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:us-east-1:{acct}:secret:db-AbCdEf", True),
]

# Documented divergences: where iam-simulate departs from the AWS
# documentation, foyer follows the documentation. Each entry says what AWS
# documents; a disagreement is accepted only when the case shows that
# feature and, for the rewritable ones, when rewriting the case into an
# equivalent form without it (see neutralized) makes both evaluators agree.
DIVERGENCES = {
    "session-policy-session-arn": (
        "A resource-based policy that names the session ARN itself is not limited by the session "
        "policy (IAM User Guide, Policies and permissions > Session policies: the permissions from a "
        "resource-based policy naming the session are added after the session is created and are not "
        "limited by the session policy); iam-simulate applies the session policy to every path."),
    "old-version-variables": (
        "Policy variables are substituted only in documents with Version 2012-10-17; without it "
        "(or with 2008-10-17) '${...}' is literal text (IAM User Guide, IAM JSON policy elements: "
        "Version, and Variables and tags); iam-simulate substitutes them whatever the Version."),
    "ifexists-set-operator": (
        "...IfExists: 'If the key is not present, evaluate the condition element as true' (IAM User "
        "Guide, Condition operators > ...IfExists condition operators), also with ForAnyValue:; "
        "iam-simulate evaluates ForAnyValue:...IfExists on a missing key as false."),
    "cidr-zero-prefix": (
        "IpAddress/NotIpAddress take CIDR blocks (IAM User Guide, Condition operators > IP address "
        "condition operators, RFC 4632); 0.0.0.0/0 contains every IPv4 address, which iam-simulate "
        "does not recognise."),
    "ip-family": (
        "An IPv6 source address never lies in an IPv4 block (and the reverse), so NotIpAddress with "
        "only IPv4 blocks holds for an IPv6 caller (S3 User Guide, Making requests over IPv6 > Using "
        "IPv6 addresses in IAM policies: policies with only IPv4 ranges deny or fail to allow IPv6 "
        "callers); iam-simulate treats a block of the other family as invalid, so the negated "
        "operator fails."),
}

IP_OPERATORS = ("ipaddress", "notipaddress")


def _policy_documents(case):
    docs = list(case.get("identity_policies", []))
    docs += [case[k] for k in ("resource_policy", "permission_boundary", "session_policy") if k in case]
    docs += [p for level in case.get("scps", []) for p in level]
    return docs


def _statements(doc):
    statements = doc["Statement"]
    return statements if isinstance(statements, list) else [statements]


def _family(address):
    return 6 if ":" in address else 4


def neutralized(case):
    """An equivalent case (under the AWS documentation) that avoids the
    features iam-simulate gets wrong, and the names of those it rewrote."""
    case = json.loads(json.dumps(case))
    context = {k.lower(): v for k, v in case["request"].get("context", {}).items()}
    source_ip = context.get("aws:sourceip")
    applied = set()
    for doc in _policy_documents(case):
        if doc.get("Version") != "2012-10-17":
            text = json.dumps(doc)
            if "${" in text:
                applied.add("old-version-variables")
                doc.clear()
                doc.update(json.loads(text.replace("${", "${$}{")))
            doc["Version"] = "2012-10-17"
        for statement in _statements(doc):
            condition = statement.get("Condition", {})
            for op in list(condition):
                lower = op.lower()
                if lower.startswith("foranyvalue:") and lower.endswith("ifexists"):
                    for key in list(condition[op]):
                        if key.lower() not in context:
                            applied.add("ifexists-set-operator")
                            del condition[op][key]
                    if not condition[op]:
                        del condition[op]
                    continue
                base = lower.removesuffix("ifexists")
                if base not in IP_OPERATORS:
                    continue
                for key, values in condition[op].items():
                    listed = values if isinstance(values, list) else [values]
                    rewritten = []
                    for value in listed:
                        if value == "0.0.0.0/0":
                            applied.add("cidr-zero-prefix")
                            rewritten += ["0.0.0.0/1", "128.0.0.0/1"]
                        elif source_ip and _family(value) != _family(source_ip):
                            applied.add("ip-family")
                            rewritten.append("255.255.255.255/32" if _family(source_ip) == 4
                                             else "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128")
                        else:
                            rewritten.append(value)
                    condition[op][key] = rewritten
            if "Condition" in statement and not condition:
                del statement["Condition"]
    return case, applied


def resource_policy_names_session(case):
    policy_doc = case.get("resource_policy")
    if not policy_doc or "session_policy" not in case:
        return False
    principal = case["request"]["principal"]
    for statement in _statements(policy_doc):
        names = statement.get("Principal", {})
        aws = names.get("AWS") if isinstance(names, dict) else None
        if principal in (aws if isinstance(aws, list) else [aws]):
            return True
    return False


def principal_for(rng, account):
    kind = rng.choice(["user", "session", "session", "federated"])
    if kind == "user":
        return kind, f"arn:aws:iam::{account}:user/alice"
    if kind == "federated":
        return kind, f"arn:aws:sts::{account}:federated-user/alice"
    role = rng.choice(["Admin", "sre", "Reader"])
    return kind, f"arn:aws:sts::{account}:assumed-role/{role}/alice"


def pick_context(rng):
    context = {}
    maybe = lambda p=0.6: rng.random() < p  # noqa: E731
    if maybe():
        context["aws:username"] = rng.choice(["alice", "bob", "Alice"])
    if maybe():
        context["aws:PrincipalTag/team"] = rng.choice(["sre", "dev", "SRE", "alice", "s*e"])
    if maybe():
        context["aws:SourceIp"] = rng.choice(["10.1.2.3", "192.168.0.9", "203.0.113.7", "2001:db8::1", "2001:db9::5"])
    if maybe():
        context["aws:MultiFactorAuthPresent"] = rng.choice(["true", "false", "TRUE"])
    if maybe():
        context["aws:MultiFactorAuthAge"] = rng.choice(["0", "30", "3600", "86400", "12.5"])
    if maybe():
        context["aws:CurrentTime"] = rng.choice(
            ["2026-01-01T00:00:00Z", "2026-06-30T12:00:00Z", "2027-01-01T00:00:00Z", "2025-12-31"])
    if maybe():
        context["aws:TagKeys"] = rng.choice([[], ["team"], ["team", "env"], ["Team", "cost"], ["env"]])
    if maybe(0.4):
        context["aws:SourceIdentity"] = rng.choice(["alice", "bob"])
    if maybe(0.5):
        context["aws:PrincipalArn"] = rng.choice(
            [f"arn:aws:iam::{ACCOUNT_A}:role/foyer/sre", f"arn:aws:iam::{ACCOUNT_B}:role/ops/Admin",
             f"arn:aws:iam::{ACCOUNT_A}:user/alice"])
    if maybe(0.4):
        context["aws:RequestedRegion"] = rng.choice(["us-east-1", "eu-west-1", "US-EAST-1"])
    if maybe(0.3):
        context["aws:SecureTransport"] = rng.choice(["true", "false"])
    if maybe(0.3):
        context["aws:EpochTime"] = rng.choice(["1767225600", "1782820800", "1798761600"])
    if maybe(0.3):
        context["aws:PrincipalTag/blob"] = rng.choice(["QUJD", "qujd", "ZGVm"])
    return context


STRING_KEYS = ["aws:username", "aws:PrincipalTag/team", "aws:RequestedRegion", "aws:SourceIdentity"]


def condition_block(rng):
    family = rng.choice(["string", "string", "numeric", "date", "epoch", "bool", "binary", "ip", "arn", "null",
                         "set", "set", "vars"])
    suffix = "IfExists" if rng.random() < 0.25 else ""
    if family == "string":
        op = rng.choice(["StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
                         "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike"])
        key = rng.choice(STRING_KEYS)
        pool = ["alice", "sre", "dev", "us-east-1", "SRE", "al*", "s?e", "*", "bob", "us-*"]
        values = rng.sample(pool, rng.randint(1, 3))
        return {op + suffix: {key: values if len(values) > 1 else values[0]}}
    if family == "numeric":
        op = rng.choice(["NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
                         "NumericGreaterThan", "NumericGreaterThanEquals"])
        value = rng.choice(["30", "3600", "0", "12.5", 3600, 100])
        return {op + suffix: {"aws:MultiFactorAuthAge": value}}
    if family == "date":
        op = rng.choice(["DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals",
                         "DateGreaterThan", "DateGreaterThanEquals"])
        value = rng.choice(["2026-01-01T00:00:00Z", "2026-06-30T12:00:00Z", "2026-06-30T14:00:00+02:00",
                            "2026-01-01", "2027-01-01T00:00:00.000Z"])
        return {op + suffix: {"aws:CurrentTime": value}}
    if family == "epoch":
        op = rng.choice(["DateEquals", "DateNotEquals", "DateLessThan", "DateGreaterThanEquals"])
        return {op + suffix: {"aws:EpochTime": rng.choice(["1782820800", "1767225600", 1790000000])}}
    if family == "binary":
        return {"BinaryEquals" + suffix: {"aws:PrincipalTag/blob": rng.choice(["QUJD", ["ZGVm", "QUJD"], "qujd"])}}
    if family == "bool":
        key = rng.choice(["aws:MultiFactorAuthPresent", "aws:SecureTransport"])
        return {"Bool" + suffix: {key: rng.choice(["true", "false", True, False])}}
    if family == "ip":
        op = rng.choice(["IpAddress", "NotIpAddress"])
        values = rng.sample(["10.0.0.0/8", "192.168.0.0/16", "203.0.113.7", "2001:db8::/32", "0.0.0.0/0",
                             "10.1.2.0/24", "2001:db8::1/128"], rng.randint(1, 2))
        return {op + suffix: {"aws:SourceIp": values if len(values) > 1 else values[0]}}
    if family == "arn":
        op = rng.choice(["ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"])
        value = rng.choice([f"arn:aws:iam::{ACCOUNT_A}:role/foyer/*", "arn:aws:iam::*:role/*/Admin",
                            f"arn:aws:iam::{ACCOUNT_A}:user/alice", "arn:aws:iam::?????????????:*",
                            f"arn:aws:iam::{ACCOUNT_A}:role/foyer/sre", "arn:aws:iam::*:user/${aws:username}",
                            "arn:aws:iam::*:role/foyer/${aws:PrincipalTag/team}", "arn:aws:*:*:*:*"])
        return {op + suffix: {"aws:PrincipalArn": value}}
    if family == "null":
        key = rng.choice(STRING_KEYS + ["aws:TagKeys", "aws:SourceIp"])
        return {"Null": {key: rng.choice(["true", "false", True, ["true", "false"]])}}
    if family == "set":
        qualifier = rng.choice(["ForAllValues:", "ForAnyValue:"])
        op = rng.choice(["StringEquals", "StringLike", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotLike"])
        values = rng.sample(["team", "env", "cost", "t*", "Team"], rng.randint(1, 3))
        return {qualifier + op + suffix: {"aws:TagKeys": values}}
    # vars: policy variables inside condition values
    op = rng.choice(["StringEquals", "StringLike", "StringNotEquals"])
    value = rng.choice(["${aws:username}", "${aws:username}*", "${aws:SourceIdentity, 'alice'}",
                        "${aws:PrincipalTag/team}", "${*}", "a${?}ice"])
    return {op: {rng.choice(["aws:PrincipalTag/team", "aws:username", "aws:SourceIdentity"]): value}}


def action_pattern(rng, action):
    service, name = action.split(":")
    choice = rng.random()
    if choice < 0.35:
        return rng.choice([action, action.lower(), action.upper()])
    if choice < 0.55:
        return f"{service}:{name[:3]}*"
    if choice < 0.7:
        return f"{service}:*"
    if choice < 0.78:
        return "*"
    if choice < 0.85:
        return f"{service}:?{name[1:]}"
    return rng.choice(["s3:Delete*", "iam:Create*", "ec2:Stop*", "sqs:ReceiveMessage"])


def resource_pattern(rng, resource):
    choice = rng.random()
    if choice < 0.3:
        return resource
    if choice < 0.45:
        return "*"
    if choice < 0.6:
        cut = max(resource.rfind("/"), resource.rfind(":")) + 1
        return resource[:cut] + "*"
    if choice < 0.7:
        return resource.replace(ACCOUNT_A, "*").replace(ACCOUNT_B, "*")
    if choice < 0.8:
        return resource.replace("alice", "${aws:username}").replace("sre", "${aws:PrincipalTag/team}")
    if choice < 0.85:
        return resource.replace("alice", "${aws:SourceIdentity, 'alice'}")
    return rng.choice(["arn:aws:s3:::other-bucket/*", "arn:aws:sqs:us-east-1:*:other",
                       "arn:aws:iam::*:role/other/*"])


def statement(rng, action, resource, effect=None, principal=None):
    s = {"Effect": effect or rng.choice(["Allow", "Allow", "Allow", "Deny"])}
    if rng.random() < 0.3:
        s["Sid"] = f"S{rng.randint(0, 99)}"
    actions = [action_pattern(rng, action) for _ in range(rng.randint(1, 2))]
    key = "NotAction" if rng.random() < 0.1 else "Action"
    s[key] = actions if len(actions) > 1 or rng.random() < 0.5 else actions[0]
    if principal is not None:
        s["Principal"] = principal
    if principal is None or rng.random() < 0.7:
        resources = [resource_pattern(rng, resource) for _ in range(rng.randint(1, 2))]
        rkey = "NotResource" if rng.random() < 0.1 else "Resource"
        s[rkey] = resources if len(resources) > 1 else resources[0]
    if rng.random() < 0.45:
        condition = {}
        for _ in range(rng.randint(1, 2)):
            for op, keys in condition_block(rng).items():
                condition.setdefault(op, {}).update(keys)
        s["Condition"] = condition
    return s


def policy(rng, action, resource, count=None, version=None, effect=None, principal_fn=None):
    statements = []
    for _ in range(count or rng.randint(1, 3)):
        principal = principal_fn() if principal_fn else None
        statements.append(statement(rng, action, resource, effect, principal))
    doc = {"Statement": statements if len(statements) > 1 or rng.random() < 0.7 else statements[0]}
    doc_version = version or ("2012-10-17" if rng.random() < 0.93 else rng.choice(["2008-10-17", None]))
    if doc_version:
        doc = {"Version": doc_version, **doc}
    return doc


def resource_principal(rng, principal, principal_account):
    choice = rng.random()
    role_of_session = None
    if ":assumed-role/" in principal:
        role_name = principal.split("/")[1]
        role_of_session = f"arn:aws:iam::{principal_account}:role/foyer/{role_name}"
    options = [
        "*",
        {"AWS": principal},
        {"AWS": principal_account},
        {"AWS": f"arn:aws:iam::{principal_account}:root"},
        {"AWS": f"arn:aws:iam::{ACCOUNT_B if principal_account == ACCOUNT_A else ACCOUNT_A}:root"},
        {"AWS": [f"arn:aws:iam::{principal_account}:user/alice", "arn:aws:iam::999999999999:root"]},
        {"Service": "lambda.amazonaws.com"},
    ]
    if role_of_session:
        options += [{"AWS": role_of_session}, {"AWS": role_of_session}]
    if choice < 0.95:
        return rng.choice(options)
    return {"AWS": "*"}


def not_principal_deny(rng, action, resource, principal, principal_account):
    s = statement(rng, action, resource, effect="Deny")
    s["NotPrincipal"] = rng.choice([{"AWS": principal}, {"AWS": f"arn:aws:iam::{principal_account}:root"},
                                    {"AWS": f"arn:aws:iam::{ACCOUNT_B}:user/bob"}])
    return s


def service_case(rng):
    account = rng.choice([ACCOUNT_A, ACCOUNT_B])
    action, template, arn_has_account = rng.choice(OPERATIONS[3:5] + OPERATIONS[0:1])
    resource = template.format(acct=account)
    caller = rng.choice(["events.amazonaws.com", "sns.amazonaws.com"])
    request = {"principal": caller, "action": action, "resource": resource, "context": pick_context(rng)}
    if not arn_has_account:
        request["resource_account"] = account
    principal_fn = lambda: rng.choice([{"Service": "events.amazonaws.com"}, {"Service": ["sns.amazonaws.com",  # noqa: E731
                                       "s3.amazonaws.com"]}, {"AWS": account}, "*"])
    return {"request": request, "resource_policy": policy(rng, action, resource, principal_fn=principal_fn)}


def make_case(rng):
    if rng.random() < 0.04:
        return service_case(rng)
    principal_account = rng.choice([ACCOUNT_A, ACCOUNT_A, ACCOUNT_B])
    resource_account = rng.choice([ACCOUNT_A, ACCOUNT_A, ACCOUNT_B])
    kind, principal = principal_for(rng, principal_account)
    action, template, arn_has_account = rng.choice(OPERATIONS)
    resource = template.format(acct=resource_account)
    request = {"principal": principal, "action": action, "resource": resource, "context": pick_context(rng)}
    if not arn_has_account:
        request["resource_account"] = resource_account
    case = {"request": request,
            "identity_policies": [policy(rng, action, resource) for _ in range(rng.randint(0, 3))]}
    if rng.random() < 0.55 or action == "sts:AssumeRole":
        case["resource_policy"] = policy(
            rng, action, resource, principal_fn=lambda: resource_principal(rng, principal, principal_account))
        if rng.random() < 0.15:
            case["resource_policy"]["Statement"] = _statements(case["resource_policy"]) + [
                not_principal_deny(rng, action, resource, principal, principal_account)]
    if rng.random() < 0.3:
        levels = []
        for _ in range(rng.randint(1, 3)):
            levels.append([{"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Action": "*", "Resource": "*"}]}] if rng.random() < 0.6
                else [policy(rng, action, resource)])
        case["scps"] = levels
    if rng.random() < 0.2:
        case["permission_boundary"] = policy(rng, action, resource)
    if kind in ("session", "federated") and rng.random() < 0.25:
        case["session_policy"] = policy(rng, action, resource)
    return case


def run_lines(command, lines, cwd=None):
    result = subprocess.run(command, input="\n".join(lines) + "\n", capture_output=True, text=True, cwd=cwd,
                            timeout=600)
    return result, [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


class IamDifferentialTest(unittest.TestCase):
    def setUp(self):
        self.foyer = os.environ.get("FOYER_BIN")
        if not self.foyer:
            self.skipTest("FOYER_BIN is not set")
        if not os.path.isdir(os.path.join(ORACLE_DIR, "node_modules", "@cloud-copilot", "iam-simulate")):
            if shutil.which("npm") is None:
                self.skipTest("npm is not available to install the oracle")
            subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ORACLE_DIR, check=True,
                           capture_output=True)

    def test_decisions_agree_with_iam_simulate(self):
        rng = random.Random(SEED)
        cases = [make_case(rng) for _ in range(CASES)]
        lines = [json.dumps(case) for case in cases]
        result, ours = run_lines([self.foyer, "simulate", "--batch", "-"], lines)
        self.assertEqual(result.returncode, 0, result.stderr)
        _, theirs = run_lines(["node", "simulate_cases.mjs"], lines, cwd=ORACLE_DIR)
        self.assertEqual(len(ours), len(cases))
        self.assertEqual(len(theirs), len(cases))

        agreements, oracle_errors, differing = 0, 0, []
        for index, (case, mine, oracle) in enumerate(zip(cases, ours, theirs)):
            self.assertNotIn("error", mine, f"case {index}: {mine}")
            # A context key the oracle drops would make the comparison hollow.
            self.assertEqual(oracle.get("ignored_context_keys", []), [], f"case {index}")
            if "error" in oracle:
                oracle_errors += 1
            elif mine["decision"] == oracle["decision"]:
                agreements += 1
            else:
                differing.append(index)
        documented, disagreements = self.attribute(cases, differing)

        compared = len(cases) - oracle_errors
        print(f"\n{len(cases)} cases, {compared} decided by both, {agreements} agreements, "
              f"{oracle_errors} rejected by iam-simulate's validation")
        for reason, count in sorted(documented.items()):
            print(f"  documented divergence {reason}: {count} cases -- {DIVERGENCES[reason]}")
        self.assertLess(oracle_errors, len(cases) // 20, "too many cases the oracle could not decide")
        self.assertGreater(agreements, len(cases) * 9 // 10)
        for index, mine, oracle, case in disagreements[:5]:
            print(f"case {index}: foyer {mine} iam-simulate {oracle}\n{json.dumps(case)}")
        self.assertEqual(len(disagreements), 0, f"{len(disagreements)} undocumented disagreements")

    def attribute(self, cases, differing):
        """Splits disagreements into documented divergences (counted by
        reason) and the rest, re-deciding each case in its neutralized form."""
        rewritten = [neutralized(cases[index]) for index in differing]
        lines = [json.dumps(case) for case, _ in rewritten]
        _, ours = run_lines([self.foyer, "simulate", "--batch", "-"], lines) if lines else (None, [])
        _, theirs = run_lines(["node", "simulate_cases.mjs"], lines, cwd=ORACLE_DIR) if lines else (None, [])
        documented, disagreements = {}, []
        for index, (case, applied), mine, oracle in zip(differing, rewritten, ours, theirs):
            reasons = _attribute_one({"case": case, "applied": applied}, mine.get("decision"),
                                     oracle.get("decision"))
            if reasons is None:
                disagreements.append((index, mine, oracle, cases[index]))
                continue
            for reason in reasons:
                documented[reason] = documented.get(reason, 0) + 1
        return documented, disagreements


class SimulateCommandTest(unittest.TestCase):
    """The command-line contract of `foyer simulate` around the decisions."""

    def setUp(self):
        self.foyer = os.environ.get("FOYER_BIN")
        if not self.foyer:
            self.skipTest("FOYER_BIN is not set")

    def simulate(self, text, *flags):
        return subprocess.run([self.foyer, "simulate", *flags, "-"], input=text, capture_output=True, text=True,
                              timeout=60)

    def test_prints_decision_with_deciding_statements(self):
        case = {"request": {"principal": f"arn:aws:iam::{ACCOUNT_A}:user/alice", "action": "sqs:SendMessage",
                            "resource": f"arn:aws:sqs:us-east-1:{ACCOUNT_A}:jobs"},
                "identity_policies": [{"Version": "2012-10-17", "Statement": [
                    {"Effect": "Allow", "Action": "sqs:*", "Resource": "*"},
                    {"Sid": "NoSend", "Effect": "Deny", "Action": "sqs:Send*", "Resource": "*"}]}]}
        result = self.simulate(json.dumps(case))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout,
                         '{"decision":"explicit_deny","deciding":[{"policy":"identity_policies[0]","statement":1}]}\n')
        explained = self.simulate(json.dumps(case), "--explain")
        self.assertEqual(explained.stdout, "DENIED explicitly\n  identity_policies[0] statement 1 (NoSend): Deny\n")

    def test_malformed_input_names_the_json_path(self):
        bad_effect = {"request": {"principal": f"arn:aws:iam::{ACCOUNT_A}:user/alice", "action": "s3:GetObject",
                                  "resource": "arn:aws:s3:::b/k", "resource_account": ACCOUNT_A},
                      "identity_policies": [{"Statement": []}, {"Statement": [{"Effect": "allow", "Action": "*"}]}]}
        result = self.simulate(json.dumps(bad_effect))
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout, "")
        self.assertEqual(result.stderr, 'foyer: identity_policies[1]: statement 0: Effect must be Allow or Deny, '
                                        'got "allow" (ParseError)\n')
        result = self.simulate('{"request": {"principal": 7}}')
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr, "foyer: request.principal: must be a non-empty string (InvalidInput)\n")

    def test_batch_reports_bad_lines_and_fails(self):
        good = {"request": {"principal": f"arn:aws:iam::{ACCOUNT_A}:user/alice", "action": "sqs:SendMessage",
                            "resource": f"arn:aws:sqs:us-east-1:{ACCOUNT_A}:jobs"}}
        result = self.simulate(json.dumps(good) + "\nnot json\n", "--batch")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout.splitlines(), [
            '{"decision":"implicit_deny","deciding":[]}',
            '{"error":"the simulation input is not valid JSON"}'])


def _attribute_one(case, mine, oracle):
    """The documented divergences that explain a disagreement, or None."""
    reasons = set()
    if "applied" in case:
        reasons |= case["applied"]
    if mine == oracle:
        return reasons or None
    if resource_policy_names_session(case["case"]) and mine == "allow" and oracle == "implicit_deny":
        return reasons | {"session-policy-session-arn"}
    return None


if __name__ == "__main__":
    unittest.main()
