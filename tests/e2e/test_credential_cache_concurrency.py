"""Cross-process single flight of the credential cache.

Fifty processes asking for the same credentials at once must cause one
fetch (one STS call in real use) and all get the same credentials. Each
process is foyer_cache_stress, whose fake fetch appends a line to a counter
file; this test counts the lines and reads the cache entry from disk itself.
"""
import hashlib
import os
import stat
import subprocess
import tempfile
import time
import unittest

PROCESSES = 50


class CredentialCacheConcurrencyTest(unittest.TestCase):
    def setUp(self):
        self.tool = os.environ.get("FOYER_CACHE_STRESS")
        if not self.tool:
            self.skipTest("FOYER_CACHE_STRESS is not set (run through ctest)")
        scratch = tempfile.TemporaryDirectory()
        self.addCleanup(scratch.cleanup)
        self.root = scratch.name
        self.counter = os.path.join(self.root, "fetches.log")
        self.env = dict(os.environ, XDG_STATE_HOME=os.path.join(self.root, "state"))
        self.round = 0

    def entry_path(self, key):
        digest = hashlib.sha256(key.encode()).hexdigest()
        return os.path.join(self.root, "state", "foyer", "credentials", digest + ".cred")

    def fetches(self):
        if not os.path.exists(self.counter):
            return []
        with open(self.counter) as counter:
            return [line.split()[0] for line in counter.read().splitlines()]

    def run_together(self, keys, *extra):
        """Starts one process per key, releases them at once, returns their outputs by key."""
        self.round += 1
        go = os.path.join(self.root, f"go-{self.round}")
        processes = [
            (key, subprocess.Popen(
                [self.tool, "--key", key, "--counter", self.counter, "--wait-for", go, *extra],
                env=self.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
            for key in keys]
        # Let every process reach its wait loop before opening the gate; the
        # outcome must be the same even if some are late.
        time.sleep(0.3)
        open(go, "w").close()
        outputs = {}
        for key, process in processes:
            out, err = process.communicate(timeout=120)
            self.assertEqual(process.returncode, 0, err)
            self.assertEqual(err, "")
            outputs.setdefault(key, []).append(out.strip())
        return outputs

    def assert_entry_holds(self, key, access_key_id):
        path = self.entry_path(key)
        info = os.stat(path)
        self.assertEqual(stat.S_IMODE(info.st_mode), 0o600)
        self.assertEqual(stat.S_IMODE(os.stat(os.path.dirname(path)).st_mode), 0o700)
        with open(path) as entry:
            lines = entry.read().splitlines()
        self.assertEqual(lines[0], "foyer-credentials 1")
        self.assertEqual(lines[1], "key " + key)
        self.assertEqual(lines[2], "access_key_id " + access_key_id)
        self.assertEqual(lines[-1], "end")

    def test_fifty_processes_on_a_cold_cache_fetch_once(self):
        outputs = self.run_together(["org|111122223333|Auditor"] * PROCESSES)
        ids = outputs["org|111122223333|Auditor"]
        self.assertEqual(len(ids), PROCESSES)
        self.assertEqual(self.fetches(), ["org|111122223333|Auditor"])
        self.assertEqual(len(set(ids)), 1, set(ids))
        self.assertTrue(ids[0].startswith("ASIASTRESS"), ids[0])
        self.assert_entry_holds("org|111122223333|Auditor", ids[0])

    def test_an_expired_entry_is_refetched_once(self):
        key = "org|111122223333|Administrator"
        first = self.run_together([key], "--lifetime-s", "-60")[key][0]
        self.assert_entry_holds(key, first)
        self.assertEqual(len(self.fetches()), 1)

        ids = self.run_together([key] * PROCESSES)[key]
        self.assertEqual(len(self.fetches()), 2)
        self.assertEqual(len(set(ids)), 1, set(ids))
        self.assertNotEqual(ids[0], first)
        self.assert_entry_holds(key, ids[0])

    def test_an_entry_inside_the_refresh_window_is_refetched_once(self):
        key = "org|111122223333|Deployer"
        first = self.run_together([key], "--lifetime-s", "120")[key][0]
        ids = self.run_together([key] * PROCESSES, "--window-s", "300")[key]
        self.assertEqual(len(self.fetches()), 2)
        self.assertEqual(len(set(ids)), 1)
        self.assertNotEqual(ids[0], first)

    def test_a_damaged_entry_is_refetched_once_without_a_crash(self):
        key = "org|444455556666|Auditor"
        damages = {
            "garbage": lambda text: b"\x00\xff not an entry \n" * 3,
            "truncated": lambda text: text[: len(text) // 2],
            "other version": lambda text: text.replace(b"foyer-credentials 1", b"foyer-credentials 9"),
            "empty": lambda text: b"",
        }
        previous = self.run_together([key])[key][0]
        for name, damage in damages.items():
            with self.subTest(damage=name):
                with open(self.entry_path(key), "rb") as entry:
                    text = entry.read()
                with open(self.entry_path(key), "wb") as entry:
                    entry.write(damage(text))
                before = len(self.fetches())
                ids = self.run_together([key] * PROCESSES)[key]
                self.assertEqual(len(self.fetches()), before + 1)
                self.assertEqual(len(set(ids)), 1, set(ids))
                self.assertNotEqual(ids[0], previous)
                self.assert_entry_holds(key, ids[0])
                previous = ids[0]

    def test_different_keys_fetch_independently(self):
        keys = [f"org|11112222333{n}|Auditor" for n in range(5)]
        outputs = self.run_together(keys * (PROCESSES // len(keys)))
        self.assertEqual(sorted(self.fetches()), sorted(keys))
        ids = {key: set(outputs[key]) for key in keys}
        for key in keys:
            self.assertEqual(len(outputs[key]), PROCESSES // len(keys))
            self.assertEqual(len(ids[key]), 1, ids[key])
            self.assert_entry_holds(key, next(iter(ids[key])))
        self.assertEqual(len({next(iter(found)) for found in ids.values()}), len(keys))

    def test_a_warm_cache_makes_no_fetch(self):
        key = "org|111122223333|Reader"
        first = self.run_together([key])[key][0]
        ids = self.run_together([key] * PROCESSES)[key]
        self.assertEqual(len(self.fetches()), 1)
        self.assertEqual(set(ids), {first})


if __name__ == "__main__":
    unittest.main()
