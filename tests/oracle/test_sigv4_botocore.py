"""Differential test: foyer's SigV4 signer against botocore's.

A seeded generator builds random requests (methods, paths with unicode,
spaces, reserved characters, dot segments and double slashes; query strings
with repeated names, empty values, '+', '~' and unicode; headers with odd
spacing, mixed case, repeats and the ones never signed; empty, text and
binary bodies; with and without session tokens; several services, regions,
schemes and ports). Each one is signed by botocore's SigV4Auth, S3SigV4Auth,
SigV4QueryAuth or S3SigV4QueryAuth at a frozen time and by foyer through
foyer_sign_tool, and the results must be byte-identical: every header of a
signed request, every character of a presigned URL.

Documented divergence, kept out of the generator: when presigning, botocore
keeps only the first value of a repeated query name; foyer keeps them all
(sigv4_test.cc, PresignKeepsRepeatedQueryNames).
"""

import datetime
import difflib
import json
import os
import random
import subprocess
import types
import unittest
from unittest import mock
from urllib.parse import parse_qsl, quote

from botocore.auth import (S3SigV4Auth, S3SigV4QueryAuth, SigV4Auth,
                           SigV4QueryAuth, _host_from_url)
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

SEED = int(os.environ.get("FOYER_SIGV4_SEED", "20261127"))
CASES = int(os.environ.get("FOYER_SIGV4_CASES", "2000"))

NON_S3_SERVICES = ["sts", "iam", "organizations", "execute-api", "awsssoportal", "sso-oauth", "kms"]
REGIONS = ["us-east-1", "eu-west-3", "ap-southeast-2", "cn-north-1", "us-gov-west-1"]
ORIGINS = [
    "https://example.amazonaws.com",
    "https://sts.us-east-1.amazonaws.com:443",
    "https://Service.Example.COM:8443",
    "http://127.0.0.1:5000",
    "http://localhost:80",
    "http://[::1]:9000",
    "http://user:secret@127.0.0.1:4566",
    "https://s3.cn-north-1.amazonaws.com.cn",
]
METHODS = ["GET", "POST", "PUT", "DELETE", "HEAD", "PATCH", "get", "Post"]
# Characters a path segment may hold raw on the wire: unreserved, sub-delims,
# ':' and '@', plus '%' escapes (generated separately).
PATH_CHARS = "abcXYZ019-._~!$&'()*+,;=:@"
QUERY_CHARS = "abcXYZ019-._~!$'()*,;:@/?"
UNICODE_SAMPLES = ["é", "ü", "ሴ", "日本", "😀", "Ω"]
HEADER_NAMES = ["X-Custom", "x-custom", "My-Header", "Content-Type", "X-Amz-Meta-Note", "X-Amz-Target",
                "Accept", "Content-MD5", "x-amz-acl", "X-Forwarded-For"]
UNSIGNED_HEADERS = ["User-Agent", "Expect", "X-Amzn-Trace-Id", "Connection", "Keep-Alive", "TE",
                    "Transfer-Encoding", "Upgrade", "Proxy-Authorization"]
# White space botocore's str.split() collapses; unicode spaces are left out
# (foyer trims ASCII white space only).
SPACES = [" ", "  ", "\t", " \t ", "\x0b", "\x0c", "\x1f"]


def random_text(rng, alphabet, low, high):
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(low, high)))


def random_segment(rng):
    roll = rng.random()
    if roll < 0.08:
        return ""
    if roll < 0.14:
        return rng.choice([".", ".."])
    pieces = []
    for _ in range(rng.randint(1, 4)):
        kind = rng.random()
        if kind < 0.55:
            pieces.append(random_text(rng, PATH_CHARS, 1, 6))
        elif kind < 0.7:
            pieces.append(quote(rng.choice(UNICODE_SAMPLES), safe=""))
        elif kind < 0.8:
            pieces.append(rng.choice(["%20", "%2F", "%2B", "%25", "%7E", "%3f", "%23"]))
        elif kind < 0.9:
            pieces.append(rng.choice(UNICODE_SAMPLES))  # raw, not percent-encoded
        else:
            pieces.append(rng.choice(["%", "%zz", "a%2"]))  # stray percent signs
    return "".join(pieces)


def random_path(rng):
    roll = rng.random()
    if roll < 0.05:
        return ""
    if roll < 0.12:
        return "/"
    path = "/" + "/".join(random_segment(rng) for _ in range(rng.randint(1, 5)))
    if rng.random() < 0.2:
        path += "/"
    return path


def random_query_word(rng, presign):
    kind = rng.random()
    if kind < 0.5:
        return quote(random_text(rng, QUERY_CHARS + " +&=", 0, 6), safe="-_.~")
    if kind < 0.65:
        return quote(rng.choice(UNICODE_SAMPLES), safe="")
    if kind < 0.75:
        return rng.choice(["a+b", "%7e", "%2b", "~x", "%e6%97%a5", "x%20y"])
    if kind < 0.85 and not presign:
        return rng.choice(UNICODE_SAMPLES)  # raw unicode in the URL
    if kind < 0.92 and not presign:
        return rng.choice(["%", "%g1", "a=b"])  # oddities signed as they are
    return random_text(rng, "abcABC0189", 1, 5)


def random_query(rng, presign):
    if rng.random() < 0.3:
        return ""
    pairs = []
    decoded_names = set()
    for _ in range(rng.randint(1, 6)):
        if pairs and not presign and rng.random() < 0.25:
            name = pairs[-1][0]  # a repeated name
        else:
            name = random_query_word(rng, presign)
        shape = rng.random()
        if shape < 0.12:
            pair = name  # no '='
        elif shape < 0.25:
            pair = name + "="
        else:
            pair = name + "=" + random_query_word(rng, presign)
        if presign:
            parsed = parse_qsl(pair, keep_blank_values=True)
            if not parsed or parsed[0][0] in decoded_names:
                continue
            decoded_names.add(parsed[0][0])
        pairs.append((name, pair))
    query = "&".join(pair for _, pair in pairs)
    if not presign and rng.random() < 0.1:
        query += rng.choice(["&", "&&x=1", "&="])
    return query


def random_header_value(rng):
    words = [random_text(rng, "abcXYZ019-_/:;=,\"'", 1, 8) for _ in range(rng.randint(0, 4))]
    if rng.random() < 0.15:
        words.append(rng.choice(["é", "日本"]))
    value = "".join(word + rng.choice(SPACES) for word in words).rstrip(" ") if words else ""
    if rng.random() < 0.4:
        value = rng.choice(SPACES) + value + rng.choice(SPACES)
    return value


def random_headers(rng, mode):
    headers = []
    for _ in range(rng.randint(0, 5)):
        headers.append((rng.choice(HEADER_NAMES), random_header_value(rng)))
    for _ in range(rng.randint(0, 2)):
        headers.append((rng.choice(UNSIGNED_HEADERS), random_header_value(rng)))
    extras = [("Host", "custom.example.com"), ("Date", "Mon, 01 Jan 2001 00:00:00 GMT"),
              ("X-Amz-Date", "20010101T000000Z"), ("Authorization", "stale"),
              ("X-Amz-Content-SHA256", "feedface"), ("X-Amz-Security-Token", "stale-token")]
    if mode == "presign":
        extras.append(("content-type", "application/x-www-form-urlencoded; charset=utf-8"))
    for extra in extras:
        if rng.random() < 0.07:
            headers.append(extra)
    rng.shuffle(headers)
    return headers


def random_body(rng):
    roll = rng.random()
    if roll < 0.4:
        return b""
    if roll < 0.6:
        return "Action=GetCallerIdentity&Version=2011-06-15".encode()
    if roll < 0.8:
        return json.dumps({"Name": random_text(rng, "abc é", 0, 20)}, ensure_ascii=False).encode()
    return bytes(rng.randrange(256) for _ in range(rng.randint(1, 300)))


def random_credentials(rng):
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    access_key = rng.choice(["AKIA", "ASIA"]) + random_text(rng, alphabet, 16, 16)
    secret = random_text(rng, "abcdefghijKLMNOP0123456789+/", 40, 40)
    token = ""
    if rng.random() < 0.5:
        token = random_text(rng, "abcdefXYZ0123456789+/=", 20, 300)
    return access_key, secret, token


def random_case(rng):
    mode = rng.choice(["header", "presign"])
    s3 = rng.random() < 0.4
    access_key, secret, token = random_credentials(rng)
    case = {
        "mode": mode,
        "s3": s3,
        "method": rng.choice(METHODS),
        "url": rng.choice(ORIGINS) + random_path(rng),
        "headers": random_headers(rng, mode),
        "body_hex": (b"" if mode == "presign" else random_body(rng)).hex(),
        "access_key_id": access_key,
        "secret_access_key": secret,
        "session_token": token,
        "region": rng.choice(REGIONS),
        "service": "s3" if s3 else rng.choice(NON_S3_SERVICES),
        "time": rng.randint(946684800, 2114380800),  # 2000 to 2037
        "expires": rng.randint(1, 604800),
        "double_encode_path": not s3,
        "add_content_sha256_header": s3 and mode == "header",
    }
    # The combinations botocore itself makes: S3 presigned URLs never sign
    # the payload; other presigned URLs always hash it.
    if mode == "presign":
        case["unsigned_payload"] = s3
    else:
        case["unsigned_payload"] = rng.random() < 0.3
    query = random_query(rng, presign=(mode == "presign"))
    if query:
        case["url"] += "?" + query
    return case


def botocore_sign(case):
    """Returns (headers or url, canonical request) as botocore signs `case`."""
    credentials = Credentials(case["access_key_id"], case["secret_access_key"],
                              case["session_token"] or None)
    request = AWSRequest(method=case["method"], url=case["url"], data=bytes.fromhex(case["body_hex"]))
    for name, value in case["headers"]:
        request.headers[name] = value  # appends: repeated headers stay repeated
    service, region = case["service"], case["region"]
    if case["mode"] == "presign":
        signer_class = S3SigV4QueryAuth if case["s3"] else SigV4QueryAuth
        signer = signer_class(credentials, service, region, expires=case["expires"])
    elif case["s3"]:
        signer = S3SigV4Auth(credentials, service, region)
        request.context["client_config"] = types.SimpleNamespace(
            s3={"payload_signing_enabled": not case["unsigned_payload"]})
    else:
        signer = SigV4Auth(credentials, service, region)
        if case["unsigned_payload"]:
            request.context["payload_signing_enabled"] = False
    captured = {}
    canonical_request = signer.canonical_request

    def capture(req):
        captured["canonical_request"] = canonical_request(req)
        return captured["canonical_request"]

    signer.canonical_request = capture
    frozen = datetime.datetime.fromtimestamp(case["time"], datetime.timezone.utc).replace(tzinfo=None)
    with mock.patch("botocore.auth.get_current_datetime", return_value=frozen):
        signer.add_auth(request)
    if case["mode"] == "presign":
        return request.url, captured["canonical_request"]
    headers = [(name.lower(), value) for name, value in request.headers.items()]
    if "host" not in {name for name, _ in headers}:
        # botocore signs the Host its HTTP client will send; foyer adds it.
        headers.append(("host", _host_from_url(case["url"])))
    return sorted(headers), captured["canonical_request"]


def foyer_sign(cases):
    tool = os.environ.get("FOYER_SIGN_TOOL")
    if not tool:
        build = os.environ.get("FOYER_BUILD_DIR", "")
        tool = os.path.join(build, "tests", "foyer_sign_tool")
    lines = "".join(json.dumps(case, ensure_ascii=False) + "\n" for case in cases)
    completed = subprocess.run([tool], input=lines.encode(), capture_output=True, check=True, timeout=300)
    return [json.loads(line) for line in completed.stdout.decode().splitlines()]


def describe_mismatch(index, case, expected, expected_canonical, actual):
    diff = "\n".join(difflib.unified_diff(expected_canonical.split("\n"),
                                          actual.get("canonical_request", "").split("\n"),
                                          "botocore canonical request", "foyer canonical request",
                                          lineterm=""))
    return (f"case {index} differs (seed {SEED}):\n{json.dumps(case, ensure_ascii=False, indent=1)}\n"
            f"botocore: {expected!r}\nfoyer:    {actual!r}\n{diff or 'canonical requests are equal'}")


class Sigv4BotocoreTest(unittest.TestCase):
    def compare(self, cases):
        results = foyer_sign(cases)
        self.assertEqual(len(results), len(cases))
        for index, (case, result) in enumerate(zip(cases, results)):
            self.assertNotIn("error", result, f"case {index}: {result.get('error')}")
            expected, expected_canonical = botocore_sign(case)
            if case["mode"] == "presign":
                actual = result["url"]
            else:
                actual = sorted((name.lower(), value) for name, value in result["headers"])
            if actual != expected:
                self.fail(describe_mismatch(index, case, expected, expected_canonical, result))
            self.assertEqual(result["canonical_request"], expected_canonical, f"case {index}")
        return len(cases)

    def test_random_requests_sign_identically(self):
        rng = random.Random(SEED)
        cases = [random_case(rng) for _ in range(CASES)]
        compared = self.compare(cases)
        kinds = {}
        for case in cases:
            kind = ("s3 " if case["s3"] else "") + case["mode"]
            kinds[kind] = kinds.get(kind, 0) + 1
        print(f"\ncompared {compared} random cases with botocore (seed {SEED}): "
              + ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items())))
        # The generator must really reach every signer and the odd corners.
        self.assertEqual(set(kinds), {"header", "presign", "s3 header", "s3 presign"})
        self.assertTrue(any(case["session_token"] for case in cases))
        self.assertTrue(any(case["unsigned_payload"] and case["mode"] == "header" for case in cases))
        paths = [case["url"].split("://", 1)[1].split("?", 1)[0] for case in cases]
        self.assertTrue(any("/../" in path for path in paths))
        self.assertTrue(any("//" in path for path in paths))
        self.assertTrue(any("%" in path and "%25" not in path for path in paths))

    def test_aws_suite_examples(self):
        base = {"access_key_id": "AKIDEXAMPLE", "secret_access_key": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                "session_token": "", "region": "us-east-1", "service": "service", "time": 1440938160,
                "s3": False, "double_encode_path": True, "add_content_sha256_header": False,
                "unsigned_payload": False, "headers": [], "body_hex": "", "expires": 3600}
        cases = [
            dict(base, mode="header", method="GET", url="https://example.amazonaws.com/"),
            dict(base, mode="header", method="GET", url="https://example.amazonaws.com/?Param2=value2&Param1=value1"),
            dict(base, mode="header", method="POST", url="https://example.amazonaws.com/",
                 headers=[["Content-Type", "application/x-www-form-urlencoded"]], body_hex=b"Param1=value1".hex()),
            dict(base, mode="header", method="GET", url="https://example.amazonaws.com/",
                 headers=[["My-Header1", "value4"], ["My-Header1", "value1"], ["My-Header1", "value3"]]),
            dict(base, mode="presign", method="GET", url="https://example.amazonaws.com/?Param1=value1"),
        ]
        self.compare(cases)
        results = foyer_sign(cases[:1])
        authorization = dict(results[0]["headers"])["Authorization"]
        self.assertTrue(authorization.endswith(
            "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"))

    def test_a_wrong_signature_is_detected(self):
        # The comparison itself must be able to fail: a different secret on
        # one side gives a different Authorization header.
        rng = random.Random(SEED + 1)
        case = random_case(rng)
        case["mode"] = "header"
        tampered = dict(case, secret_access_key=case["secret_access_key"] + "x")
        result = foyer_sign([tampered])[0]
        expected, _ = botocore_sign(case)
        actual = sorted((name.lower(), value) for name, value in result["headers"])
        self.assertNotEqual(actual, expected)


if __name__ == "__main__":
    unittest.main()
