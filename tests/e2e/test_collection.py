"""Collection end to end: the real binary collects from the real simulator and the result
equals the simulator's truth exactly, without a single rate-limit violation."""
import csv
import io
import json
import re
import signal
import subprocess
import time
import unittest

from harness import BINARY, Server, Simulator, iso, wait_for, walk_all

SIM_ARGS = ("--seed", "11", "--communities", "6", "--posts", "12", "--comments-mean", "25",
            "--long-thread-replies", "230", "--rps", "3")


def expected_rows(truth):
    """What a task over every community must collect: posts of readable walls, and the
    comments of posts whose comments are open."""
    readable = {c["id"] for c in truth["communities"] if c["is_closed"] == 0 and not c["deactivated"]}
    closed_comments = {c["id"] for c in truth["communities"] if c["comments_closed"]}
    posts = {(p["owner_id"], p["id"]): p for p in truth["posts"] if -p["owner_id"] in readable}
    comments = {(c["owner_id"], c["id"]): c for c in truth["comments"]
                if (c["owner_id"], c["post_id"]) in posts and -c["owner_id"] not in closed_comments}
    return posts, comments


# What ends a run of adjacent words for the analyzer: sentence punctuation, emoticons and emoji; quotes and
# dashes do not (src/analysis/tokenizer.cpp).
PHRASE_BREAK = re.compile(r"[.,!?;:…()]|[\U0001F000-\U0001FAFF\u2600-\u27BF]")


def comments_containing(texts, phrase):
    """How many texts have the phrase's words in a row (the analyzer's phrases are lowercase, ё read as е)."""
    words = phrase.split()

    def has_phrase(text):
        for piece in PHRASE_BREAK.split(text.lower().replace("ё", "е")):
            run = re.findall(r"\w+(?:[-'’]\w+)*", piece)
            if any(run[i:i + len(words)] == words for i in range(len(run))):
                return True
        return False

    return sum(1 for text in texts if has_phrase(text))


def start_collection(sim, **env):
    server = Server(extra_env={"VKA_VK_API_URL": sim.url, "VKA_VK_TOKEN": "e2e-token", "VKA_VK_RPS": "3",
                               "VKA_WORKERS": "2", **env}).start()
    return server


def task_over_everything(server, truth):
    groups = [c["screen_name"] if i % 2 else c["id"] for i, c in enumerate(truth["communities"])]
    return server.create_task({"groups": groups, "posts_per_group": 1000, "name": "everything"})


def finished(server, task_id):
    task = server.request("GET", f"/api/v1/tasks/{task_id}").json()["data"]
    return task if task["status"] in ("completed", "completed_with_errors", "failed", "canceled") else None


class CollectionTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.sim = Simulator(*SIM_ARGS).start()
        cls.truth = cls.sim.truth()
        cls.server = start_collection(cls.sim)
        cls.task = task_over_everything(cls.server, cls.truth)
        cls.done = wait_for(lambda: finished(cls.server, cls.task["id"]), timeout=300)
        cls.posts, cls.comments = expected_rows(cls.truth)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.sim.stop()

    def api(self, path):
        return walk_all(self.server, f"/api/v1/tasks/{self.task['id']}/{path}")

    def test_task_completes_with_refusals_recorded(self):
        self.assertEqual(self.done["status"], "completed_with_errors", self.done["errors"])
        scopes = {e["scope"] for e in self.done["errors"]}
        for community in self.truth["communities"]:
            if community["is_closed"] == 2 or community["deactivated"]:
                self.assertIn(f"group:-{community['id']}", scopes)
        closed = [c["id"] for c in self.truth["communities"] if c["comments_closed"]]
        for (owner_id, post_id), post in self.posts.items():
            if -owner_id in closed and post["comments_count"] > 0:
                self.assertIn(f"post:{owner_id}_{post_id}", scopes)
        progress = self.done["progress"]
        self.assertEqual(progress["posts_found"], len(self.posts))
        self.assertEqual(progress["comments_collected"], len(self.comments))
        self.assertIsNotNone(self.done["finished_at"])

    def test_posts_equal_the_truth(self):
        collected = {(p["owner_id"], p["id"]): p for p in self.api("posts")}
        self.assertEqual(set(collected), set(self.posts))
        for key, want in self.posts.items():
            got = collected[key]
            for field in ("text", "likes", "reposts", "views", "comments_count", "is_pinned"):
                self.assertEqual(got[field], want[field], (key, field))
            self.assertEqual(got["date"], iso(want["date"]))
            self.assertEqual(got["url"], f"https://vk.com/wall{key[0]}_{key[1]}")

    def test_comments_and_replies_equal_the_truth(self):
        collected = {(c["owner_id"], c["id"]): c for c in self.api("comments")}
        self.assertEqual(len(collected), len(self.comments))
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
        longest = max(sum(1 for c in self.comments.values() if c["thread_root_id"] == root)
                      for root in {c["thread_root_id"] for c in self.comments.values() if c["thread_root_id"]})
        self.assertGreater(longest, 100, "the long thread must have been paged with comment_id")

    def test_no_request_broke_the_rate_limit(self):
        stats = self.sim.stats()
        self.assertEqual(stats["rate_violations"], 0, stats)
        for token in stats["tokens"].values():
            self.assertLessEqual(token["max_requests_per_second"], 3)

    def test_metrics_report_vk_traffic_and_ingestion(self):
        text = self.server.request("GET", "/metrics", auth=False).body.decode()
        self.assertRegex(text, r'vka_vk_requests_total\{method="execute",outcome="ok"\} \d+')
        ingested = re.search(r"^vka_comments_ingested_total (\d+)", text, re.M)
        self.assertEqual(int(ingested.group(1)), len(self.comments))
        self.assertRegex(text, r'vka_jobs\{state="done"\} [1-9]')
        self.assertNotIn("e2e-token", text)

    def test_sorts_and_filters_match_the_truth(self):
        task = self.task["id"]
        by_likes = self.api("comments?sort=likes")
        self.assertEqual([c["likes"] for c in by_likes], sorted((c["likes"] for c in self.comments.values()), reverse=True))
        oldest_first = self.api("comments?sort=date")
        self.assertEqual([c["date"] for c in oldest_first], sorted(c["date"] for c in oldest_first))
        community = next(c["id"] for c in self.truth["communities"] if c["is_closed"] == 0 and not c["deactivated"]
                         and not c["comments_closed"])
        in_group = self.api(f"comments?group_id={community}")
        self.assertEqual({(c["owner_id"], c["id"]) for c in in_group},
                         {k for k in self.comments if k[0] == -community})
        negative = self.api("comments?sentiment=negative")
        self.assertTrue(negative)
        self.assertTrue(all(c["sentiment"] == "negative" for c in negative))
        posts_by_comments = self.api("posts?sort=comments")
        counts = [p["comments_count"] for p in posts_by_comments]
        self.assertEqual(counts, sorted(counts, reverse=True))
        self.assertEqual(self.server.request("GET", f"/api/v1/tasks/{task}/comments?sort=bogus").status, 400)

    def test_search_matches_word_forms(self):
        sample = next(c for c in self.comments.values() if not c["deleted"] and len(c["text"].split()) > 3)
        words = [w.strip(".,!?\"'()«»") for w in sample["text"].split()]
        word = max(words, key=len)
        found = self.api(f"comments?q={word}")
        self.assertIn((sample["owner_id"], sample["id"]), {(c["owner_id"], c["id"]) for c in found})
        self.assertEqual(self.api("comments?q=zzzqqqxxyy"), [])

    def test_exports_parse_back_to_the_rows(self):
        listed = {(c["owner_id"], c["id"]): c for c in self.api("comments")}
        response = self.server.request("GET", f"/api/v1/tasks/{self.task['id']}/export?what=comments&format=csv&bom=true")
        self.assertEqual(response.status, 200)
        self.assertIn("attachment", response.header("Content-Disposition"))
        text = response.body.decode("utf-8")
        self.assertTrue(text.startswith("\ufeff"))
        rows = list(csv.DictReader(io.StringIO(text[1:], newline="")))
        self.assertEqual(len(rows), len(listed))
        for row in rows:
            want = listed[(int(row["owner_id"]), int(row["id"]))]
            self.assertEqual(row["text"], want["text"])
            self.assertEqual(row["author_name"], want["author_name"] or "")
        ndjson = self.server.request("GET", f"/api/v1/tasks/{self.task['id']}/export?what=posts&format=ndjson")
        lines = [json.loads(line) for line in ndjson.body.decode().splitlines()]
        self.assertEqual({(p["owner_id"], p["id"]) for p in lines}, set(self.posts))

    def test_analytics_totals_equal_the_truth(self):
        data = self.server.request("GET", f"/api/v1/tasks/{self.task['id']}/analytics").json()["data"]
        self.assertEqual(data["totals"]["posts"], len(self.posts))
        self.assertEqual(data["totals"]["comments"], len(self.comments))
        self.assertEqual(sum(data["activity"]["by_hour_of_week"]), len(self.comments))
        self.assertTrue(data["top_keywords"])

    def assert_phrases_count_their_comments(self, phrases, texts):
        self.assertEqual([p["score"] for p in phrases], sorted((p["score"] for p in phrases), reverse=True))
        for phrase in phrases:
            self.assertGreaterEqual(phrase["count"], 3, phrase)
            self.assertGreater(phrase["score"], 0, phrase)
            self.assertEqual(phrase["count"], comments_containing(texts, phrase["phrase"]), phrase)

    def test_top_phrases_count_the_comments_that_contain_them(self):
        data = self.server.request("GET", f"/api/v1/tasks/{self.task['id']}/analytics").json()["data"]
        # The simulator's comments repeat a bank of sentences, so their word pairs recur in many comments.
        self.assertEqual(len(data["top_phrases"]), 20)
        self.assert_phrases_count_their_comments(data["top_phrases"], [c["text"] for c in self.comments.values()])
        group = max(data["groups"], key=lambda g: g["comments"])
        self.assertTrue(group["top_phrases"])
        self.assert_phrases_count_their_comments(
            group["top_phrases"], [c["text"] for c in self.comments.values() if c["owner_id"] == -group["group_id"]])
        one_group = self.server.request(
            "GET", f"/api/v1/tasks/{self.task['id']}/analytics?group_id={group['group_id']}").json()["data"]
        self.assertEqual(one_group["top_phrases"][:len(group["top_phrases"])], group["top_phrases"])

    def test_events_stream_replays_the_whole_history(self):
        response = self.server.request("GET", f"/api/v1/tasks/{self.task['id']}/events")
        self.assertEqual(response.header("Content-Type").split(";")[0], "text/event-stream")
        text = response.body.decode()
        ids = [int(line[4:]) for line in text.splitlines() if line.startswith("id: ")]
        self.assertEqual(ids, list(range(1, len(ids) + 1)))
        self.assertIn("event: task.started", text)
        self.assertIn("event: task.completed", text)
        resumed = self.server.request("GET", f"/api/v1/tasks/{self.task['id']}/events",
                                      headers={"Last-Event-ID": str(ids[-3])}).body.decode()
        self.assertEqual([int(l[4:]) for l in resumed.splitlines() if l.startswith("id: ")], ids[-2:])


class CrashAndControlTest(unittest.TestCase):
    def test_sigkill_mid_collection_resumes_to_the_exact_result(self):
        sim = Simulator(*SIM_ARGS).start()
        try:
            truth = sim.truth()
            posts, comments = expected_rows(truth)
            server = start_collection(sim)
            task = task_over_everything(server, truth)
            for pause in (0.7, 1.3, 2.1):
                time.sleep(pause)
                server.stop(sig=signal.SIGKILL)
                server.start()
            done = wait_for(lambda: finished(server, task["id"]), timeout=300)
            self.assertEqual(done["status"], "completed_with_errors")
            collected = walk_all(server, f"/api/v1/tasks/{task['id']}/comments")
            self.assertEqual(len(collected), len(comments))
            self.assertEqual({(c["owner_id"], c["id"]) for c in collected}, set(comments))
            self.assertEqual(len(walk_all(server, f"/api/v1/tasks/{task['id']}/posts")), len(posts))
            self.assertEqual(done["progress"]["comments_collected"], len(comments))
            server.stop()
        finally:
            sim.stop()

    def test_pause_and_cancel_stop_vk_traffic_and_resume_finishes(self):
        sim = Simulator("--seed", "5", "--communities", "5", "--posts", "40", "--comments-mean", "60", "--rps", "3").start()
        try:
            truth = sim.truth()
            _, comments = expected_rows(truth)
            server = start_collection(sim)
            task = task_over_everything(server, truth)
            wait_for(lambda: server.request("GET", f"/api/v1/tasks/{task['id']}").json()["data"]["status"] == "running")
            time.sleep(1)
            paused = server.request("POST", f"/api/v1/tasks/{task['id']}/pause")
            self.assertEqual(paused.status, 200, paused.body)
            time.sleep(2.5)
            before = sim.stats()["totals"]["requests"]
            time.sleep(2)
            self.assertEqual(sim.stats()["totals"]["requests"], before, "a paused task must not call VK")
            self.assertEqual(server.request("POST", f"/api/v1/tasks/{task['id']}/resume").status, 200)
            done = wait_for(lambda: finished(server, task["id"]), timeout=300)
            self.assertEqual(done["status"], "completed_with_errors")
            self.assertEqual(len(walk_all(server, f"/api/v1/tasks/{task['id']}/comments")), len(comments))

            second = task_over_everything(server, truth)
            wait_for(lambda: server.request("GET", f"/api/v1/tasks/{second['id']}").json()["data"]["status"] == "running")
            canceled = server.request("POST", f"/api/v1/tasks/{second['id']}/cancel").json()["data"]
            self.assertEqual(canceled["status"], "canceled")
            time.sleep(2.5)
            before = sim.stats()["totals"]["requests"]
            time.sleep(2)
            self.assertEqual(sim.stats()["totals"]["requests"], before, "a canceled task must not call VK")
            server.stop()
        finally:
            sim.stop()


class SeparateWorkerTest(unittest.TestCase):
    def test_api_only_server_and_a_worker_process_share_the_database(self):
        sim = Simulator(*SIM_ARGS).start()
        server = start_collection(sim, VKA_WORKERS="0")
        worker = None
        try:
            truth = sim.truth()
            _, comments = expected_rows(truth)
            task = task_over_everything(server, truth)
            time.sleep(1.5)
            self.assertEqual(sim.stats()["totals"]["requests"], 0, "serve --workers 0 must not collect")
            worker = subprocess.Popen([BINARY, "worker", "--workers", "2"], env=server.env, stdin=subprocess.DEVNULL,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            done = wait_for(lambda: finished(server, task["id"]), timeout=300)
            self.assertEqual(done["status"], "completed_with_errors")
            collected = walk_all(server, f"/api/v1/tasks/{task['id']}/comments")
            self.assertEqual({(c["owner_id"], c["id"]) for c in collected}, set(comments))
            worker.send_signal(signal.SIGTERM)
            self.assertEqual(worker.wait(20), 0)
        finally:
            if worker and worker.poll() is None:
                worker.kill()
            server.stop()
            sim.stop()

    def test_a_worker_without_a_default_token_collects_with_the_tasks_stored_token(self):
        sim = Simulator(*SIM_ARGS).start()
        server = start_collection(sim, VKA_WORKERS="0")
        env = {k: v for k, v in server.env.items() if k != "VKA_VK_TOKEN"}
        log_path = f"{server.dir}/worker.log"
        with open(log_path, "wb") as log:
            worker = subprocess.Popen([BINARY, "worker", "--workers", "2"], env=env, stdin=subprocess.DEVNULL,
                                      stdout=log, stderr=subprocess.STDOUT)
        try:
            truth = sim.truth()
            _, comments = expected_rows(truth)
            stored = server.request("POST", "/api/v1/vk-tokens",
                                    {"name": "analyst's own", "token": "e2e-stored-token-77", "kind": "user"})
            self.assertEqual(stored.status, 201, stored.body)
            groups = [c["id"] for c in truth["communities"]]
            task = server.create_task({"groups": groups, "posts_per_group": 1000,
                                       "vk_token_id": stored.json()["data"]["id"]})
            done = wait_for(lambda: finished(server, task["id"]), timeout=300)
            self.assertEqual(done["status"], "completed_with_errors", done["errors"])
            collected = walk_all(server, f"/api/v1/tasks/{task['id']}/comments")
            self.assertEqual({(c["owner_id"], c["id"]) for c in collected}, set(comments))
            self.assertEqual(sim.stats()["rate_violations"], 0)
            worker.send_signal(signal.SIGTERM)
            self.assertEqual(worker.wait(20), 0)
            with open(log_path, "rb") as log:
                self.assertNotIn(b"e2e-stored-token-77", log.read())
        finally:
            if worker.poll() is None:
                worker.kill()
            server.stop()
            sim.stop()


class FaultsTest(unittest.TestCase):
    def test_faults_do_not_change_the_result(self):
        sim = Simulator(*SIM_ARGS, "--fault-rate", "0.15", "--faults", "5xx,error10,error9,truncated,stall",
                        "--stall-ms", "1500").start()
        try:
            truth = sim.truth()
            posts, comments = expected_rows(truth)
            server = start_collection(sim)
            task = task_over_everything(server, truth)
            done = wait_for(lambda: finished(server, task["id"]), timeout=600)
            self.assertEqual(done["status"], "completed_with_errors", done["errors"])
            collected = walk_all(server, f"/api/v1/tasks/{task['id']}/comments")
            self.assertEqual({(c["owner_id"], c["id"]) for c in collected}, set(comments))
            self.assertEqual(len(walk_all(server, f"/api/v1/tasks/{task['id']}/posts")), len(posts))
            self.assertGreater(done["progress"]["retries"], 0)
            self.assertEqual(sim.stats()["rate_violations"], 0)
            server.stop()
        finally:
            sim.stop()


if __name__ == "__main__":
    unittest.main()
