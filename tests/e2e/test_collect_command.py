"""`vk-analytics collect` end to end: the real binary collects from the real simulator with no
server, writes exactly the simulator's truth as NDJSON or CSV, and resumes from its own database."""
import csv
import io
import json
import os
import signal
import subprocess
import tempfile
import unittest

from harness import BINARY, Simulator, iso, wait_for
from test_collection import SIM_ARGS, expected_rows
from test_refresh import grow

TOKEN = "e2e-collect-secret-token-42"


def collect(sim, database, *args, token=TOKEN, timeout=300):
    """Runs `vk-analytics collect` to the end; returns the CompletedProcess (text mode)."""
    env = dict(os.environ)
    env.pop("VKA_VK_TOKEN", None)
    if token:
        env["VKA_VK_TOKEN"] = token
    return subprocess.run([BINARY, "collect", "--vk-api-url", sim.url, "--vk-rps", "3",
                           "--database", f"sqlite://{database}", *args],
                          env=env, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def every_community(truth):
    """Half by screen name, half by id, as an analyst would mix them."""
    return [c["screen_name"] if i % 2 else str(c["id"]) for i, c in enumerate(truth["communities"])]


class CollectCommandTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.sim = Simulator(*SIM_ARGS).start()
        cls.truth = cls.sim.truth()
        cls.posts, cls.comments = expected_rows(cls.truth)
        cls.dir = tempfile.mkdtemp(prefix="vka-e2e-collect-")
        cls.database = f"{cls.dir}/collect.db"
        cls.args = (*every_community(cls.truth), "--posts-per-group", "1000")
        cls.first = collect(cls.sim, cls.database, *cls.args)
        cls.stats_after_first = cls.sim.stats()

    @classmethod
    def tearDownClass(cls):
        cls.sim.stop()

    def again(self, *args):
        """The same collection written out again (--no-refresh: without calling VK), with other output options."""
        return collect(self.sim, self.database, *self.args, "--no-refresh", *args)

    def test_first_run_collects_and_reports(self):
        self.assertEqual(self.first.returncode, 0, self.first.stderr)
        lines = self.first.stderr.splitlines()
        self.assertIn("collecting into new task", lines[0])
        summary = next(line for line in lines if " completed_with_errors: " in line)
        self.assertIn(f"{len(self.comments)} comments", summary)
        errors = [line for line in lines if line.startswith("error ")]
        scopes = {line.split()[1] for line in errors}
        for community in self.truth["communities"]:
            if community["is_closed"] == 2 or community["deactivated"]:
                self.assertIn(f"group:-{community['id']}", scopes)
        self.assertTrue(all(len(line.split(" ", 3)) == 4 for line in errors), errors)  # scope, code, message
        self.assertNotIn("\r", self.first.stderr, "no redrawn line when stderr is not a terminal")

    def test_ndjson_comments_equal_the_truth(self):
        rows = [json.loads(line) for line in self.first.stdout.splitlines()]
        collected = {(c["owner_id"], c["id"]): c for c in rows}
        self.assertEqual(len(rows), len(self.comments))
        self.assertEqual(set(collected), set(self.comments))
        for key, want in self.comments.items():
            got = collected[key]
            for field in ("post_id", "parent_id", "thread_root_id", "from_id", "likes", "deleted"):
                self.assertEqual(got[field], want[field], (key, field))
            self.assertEqual(got["date"], iso(want["date"]))
            if not want["deleted"]:
                self.assertEqual(got["text"], want["text"], key)
                self.assertEqual(got["author_name"], want["author_name"], key)
                self.assertIn(got["sentiment"], ("positive", "neutral", "negative"))

    def test_second_run_writes_csv_again_without_calling_vk(self):
        output = f"{self.dir}/comments.csv"
        run = self.again("--format", "csv", "--output", output)
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn("already completed_with_errors", run.stderr)
        self.assertEqual(self.sim.stats()["totals"], self.stats_after_first["totals"])
        self.assertFalse(os.path.exists(output + ".partial"))
        with open(output, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        by_key = {(c["owner_id"], c["id"]): c for c in map(json.loads, self.first.stdout.splitlines())}
        self.assertEqual(len(rows), len(by_key))
        for row in rows:
            want = by_key[(int(row["owner_id"]), int(row["id"]))]
            self.assertEqual(row["text"], want["text"])
            self.assertEqual(row["author_name"], want["author_name"] or "")
            self.assertEqual(row["date"], want["date"])
            self.assertEqual(row["likes"], str(want["likes"]))
            self.assertEqual(row["keywords"], " ".join(want["keywords"]))

    def test_output_is_written_through_a_fresh_file_never_a_planted_one(self):
        output = f"{self.dir}/planted.csv"
        victim = f"{self.dir}/victim.txt"
        with open(victim, "w", encoding="utf-8") as f:
            f.write("untouched")
        os.symlink(victim, output + ".partial")  # where the previous version wrote
        run = self.again("--format", "csv", "--output", output)
        self.assertEqual(run.returncode, 0, run.stderr)
        with open(victim, encoding="utf-8") as f:
            self.assertEqual(f.read(), "untouched")
        self.assertFalse(os.path.islink(output))
        self.assertGreater(os.path.getsize(output), 0)
        leftovers = [name for name in os.listdir(self.dir)
                     if name.startswith("planted.csv.") and name != "planted.csv.partial"]
        self.assertEqual(leftovers, [])

    def test_posts_as_ndjson(self):
        run = self.again("--what", "posts")
        self.assertEqual(run.returncode, 0, run.stderr)
        posts = {(p["owner_id"], p["id"]): p for p in map(json.loads, run.stdout.splitlines())}
        self.assertEqual(set(posts), set(self.posts))
        for key, want in self.posts.items():
            for field in ("text", "likes", "reposts", "comments_count", "is_pinned"):
                self.assertEqual(posts[key][field], want[field], (key, field))

    def test_z_run_again_refreshes_the_finished_task(self):
        """Last: it grows the simulator's data, which the other tests compare with."""
        owner_id, post_id = next((c["owner_id"], c["post_id"]) for c in self.comments.values())
        added = grow(self.sim, {"comments": [{"owner_id": owner_id, "post_id": post_id, "count": 2}]})
        run = collect(self.sim, self.database, *self.args)
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn("refreshing task", run.stderr)
        rows = {(c["owner_id"], c["id"]) for c in map(json.loads, run.stdout.splitlines())}
        self.assertEqual(rows, set(self.comments) | {(c["owner_id"], c["id"]) for c in added["comments"]})

    def test_no_request_broke_the_rate_limit(self):
        self.assertEqual(self.stats_after_first["rate_violations"], 0, self.stats_after_first)

    def test_bad_references_exit_2_with_one_line_per_problem(self):
        run = collect(self.sim, f"{self.dir}/bad.db", "apiclub", "id12", "https://vk.com/wall-1_2",
                      "--posts", "-1_2", "--posts", "nonsense", "--posts-per-group", "0", "--since", "yesterday")
        self.assertEqual(run.returncode, 2)
        lines = run.stderr.splitlines()
        self.assertEqual(len(lines), 5, lines)
        for line, start in zip(lines, ("community 2: 'id12' ", "community 3: ", "--posts 2: 'nonsense' ",
                                       "--posts-per-group: ", "--since: ")):
            self.assertTrue(line.startswith("vk-analytics collect: " + start), line)
        self.assertEqual(run.stdout, "")
        self.assertFalse(os.path.exists(f"{self.dir}/bad.db"), "nothing is created for bad input")

    def test_nothing_to_collect_and_no_token_are_usage_errors(self):
        run = collect(self.sim, f"{self.dir}/none.db", token=None)
        self.assertEqual(run.returncode, 2)
        self.assertEqual(len(run.stderr.splitlines()), 2, run.stderr)
        self.assertIn("vk-analytics collect: communities: give at least one community, or a post in --posts\n", run.stderr)
        self.assertIn("VKA_VK_TOKEN: ", run.stderr)

    def test_an_output_without_a_directory_is_refused_before_collecting(self):
        run = collect(self.sim, f"{self.dir}/other.db", "1", "--output", f"{self.dir}/missing/rows.csv")
        self.assertEqual(run.returncode, 2)
        self.assertEqual(run.stderr.splitlines(), [f"vk-analytics collect: --output: no directory '{self.dir}/missing'"])
        self.assertFalse(os.path.exists(f"{self.dir}/other.db"))

    def test_the_token_never_appears_in_stderr(self):
        self.assertNotIn(TOKEN, self.first.stderr)
        self.assertNotIn(TOKEN, self.again("--log-level", "debug").stderr)


class InterruptedCollectTest(unittest.TestCase):
    def test_sigint_stops_and_the_same_command_resumes_to_the_exact_result(self):
        sim = Simulator("--seed", "5", "--communities", "5", "--posts", "40", "--comments-mean", "60",
                        "--rps", "3").start()
        try:
            truth = sim.truth()
            _, comments = expected_rows(truth)
            database = f"{tempfile.mkdtemp(prefix='vka-e2e-collect-')}/collect.db"
            env = dict(os.environ, VKA_VK_TOKEN=TOKEN)
            args = [BINARY, "collect", "--vk-api-url", sim.url, "--database", f"sqlite://{database}",
                    *every_community(truth), "--posts-per-group", "1000"]
            process = subprocess.Popen(args, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, text=True)
            # VK traffic means the workers run, so the stop signals are already being watched.
            wait_for(lambda: sim.stats()["totals"]["requests"] >= 5, timeout=60, interval=0.05)
            process.send_signal(signal.SIGINT)
            stdout, stderr = process.communicate(timeout=60)
            self.assertEqual(process.returncode, 128 + signal.SIGINT, stderr)
            self.assertIn("run the same command again to resume", stderr)
            self.assertEqual(stdout, "", "an interrupted run writes no rows")
            requests_before = sim.stats()["totals"]["requests"]
            self.assertGreater(requests_before, 0)

            resumed = collect(sim, database, *every_community(truth), "--posts-per-group", "1000")
            self.assertEqual(resumed.returncode, 0, resumed.stderr)
            self.assertIn("resuming task", resumed.stderr)
            rows = [json.loads(line) for line in resumed.stdout.splitlines()]
            self.assertEqual(len(rows), len(comments))
            self.assertEqual({(c["owner_id"], c["id"]) for c in rows}, set(comments))
            self.assertEqual(sim.stats()["rate_violations"], 0)
        finally:
            sim.stop()


if __name__ == "__main__":
    unittest.main()
