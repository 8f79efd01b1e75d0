"""Collection that outlasts outages: the simulator (VK) is stopped mid-collection and started again on the same
port with the same seed; the task waits meanwhile, says why, and ends with exactly the truth. A task that
failed for a permanent cause (an invalid token) is resumed once the cause is fixed."""
import json
import os
import re
import time
import unittest

from harness import Simulator, iso, wait_for, walk_all
from test_collection import expected_rows, finished, start_collection, task_over_everything

# How long VK stays unreachable: the five minutes unless VKA_E2E_OUTAGE_SECONDS says otherwise.
OUTAGE_SECONDS = float(os.environ.get("VKA_E2E_OUTAGE_SECONDS", "300"))

SIM_ARGS = ("--seed", "23", "--communities", "6", "--posts", "60", "--comments-mean", "40", "--rps", "3")


def get_task(server, task_id):
    response = server.request("GET", f"/api/v1/tasks/{task_id}")
    assert response.status == 200, (response.status, response.body)
    return response.json()["data"]


def metric(server, name, labels=""):
    text = server.request("GET", "/metrics", auth=False).body.decode()
    found = re.search(rf"^{re.escape(name + labels)} (\S+)$", text, re.M)
    return float(found.group(1)) if found else None


def logged(server, level, containing):
    """The messages of the server's log lines at `level` that contain `containing`."""
    lines = [json.loads(line) for line in server.stderr().splitlines() if line.startswith("{")]
    return [l["msg"] for l in lines if l.get("level") == level and containing in l.get("msg", "")]


def waiting_events(server, task_id):
    """The payloads of a finished task's task.waiting events, oldest first."""
    text = server.request("GET", f"/api/v1/tasks/{task_id}/events").body.decode()
    return [json.loads(line[len("data: "):])["payload"] for line in text.splitlines()
            if line.startswith("data: ") and '"type":"task.waiting"' in line]


class OutageTest(unittest.TestCase):
    def assert_exactly_the_truth(self, server, task_id, posts, comments):
        collected = {(p["owner_id"], p["id"]): p for p in walk_all(server, f"/api/v1/tasks/{task_id}/posts")}
        self.assertEqual(set(collected), set(posts))
        for key, want in posts.items():
            for field in ("text", "likes", "reposts", "views", "comments_count"):
                self.assertEqual(collected[key][field], want[field], (key, field))
        listed = walk_all(server, f"/api/v1/tasks/{task_id}/comments")
        self.assertEqual(len(listed), len(comments), "each comment exactly once")
        got = {(c["owner_id"], c["id"]): c for c in listed}
        self.assertEqual(set(got), set(comments))
        for key, want in comments.items():
            for field in ("post_id", "parent_id", "thread_root_id", "from_id", "likes", "deleted"):
                self.assertEqual(got[key][field], want[field], (key, field))
            self.assertEqual(got[key]["date"], iso(want["date"]))
            if not want["deleted"]:
                self.assertEqual(got[key]["text"], want["text"], key)

    def test_vk_unreachable_mid_collection_then_back_completes_with_exactly_the_truth(self):
        sim = Simulator(*SIM_ARGS).start()
        server = None
        try:
            truth = sim.truth()
            posts, comments = expected_rows(truth)
            server = start_collection(sim, VKA_VK_RPS="1")  # slow enough to be stopped mid-way
            task_id = task_over_everything(server, truth)["id"]
            wait_for(lambda: get_task(server, task_id)["progress"]["comments_collected"] > 0, timeout=120)
            sim.stop()  # VK is gone: connections are refused
            midway = get_task(server, task_id)
            self.assertEqual(midway["status"], "running")
            self.assertLess(midway["progress"]["comments_collected"], len(comments))

            reasons, outage_ends = set(), time.time() + OUTAGE_SECONDS
            while time.time() < outage_ends:
                task = get_task(server, task_id)
                self.assertEqual(task["status"], "running", task)
                if task["waiting_reason"]:
                    reasons.add(task["waiting_reason"])
                    self.assertIsNotNone(task["waiting_since"])
                    self.assertIsNone(task["progress"]["eta_seconds"], "no ETA while nothing is known")
                time.sleep(2)
            self.assertTrue(any("connection refused" in r.lower() for r in reasons), reasons)
            self.assertTrue(all(r.startswith("VK unreachable: ") for r in reasons), reasons)
            self.assertEqual(metric(server, "vka_tasks_waiting"), 1)
            self.assertEqual(metric(server, "vka_tasks", '{status="running"}'), 1)
            self.assertEqual(metric(server, "vka_tasks", '{status="failed"}'), 0)
            self.assertEqual(metric(server, "vka_jobs", '{state="failed"}'), 0)
            told = logged(server, "warning", "waits: VK unreachable")
            self.assertTrue(any("Connection refused" in m for m in told), told)

            sim.start()  # the same port and seed: the same VK, answering again
            done = wait_for(lambda: finished(server, task_id), timeout=600)
            self.assertEqual(done["status"], "completed_with_errors", done["errors"])
            self.assertIsNone(done["waiting_reason"])
            self.assertFalse([e for e in done["errors"] if e["scope"] == "task"], done["errors"])
            self.assertEqual(done["progress"]["comments_collected"], len(comments))
            self.assert_exactly_the_truth(server, task_id, posts, comments)
            self.assertEqual(sim.stats()["rate_violations"], 0)
            self.assertEqual(metric(server, "vka_tasks_waiting"), 0)
            # Warned once per change of reason, not once per retry.
            waits = waiting_events(server, task_id)
            self.assertIsNone(waits[-1]["reason"], "the wait ended")
            reasons_in_order = [w["reason"] for w in waits]
            changes = sum(1 for previous, reason in zip([None] + reasons_in_order, reasons_in_order)
                          if reason and reason != previous)
            self.assertEqual(len(logged(server, "warning", "waits: VK unreachable")), changes)
            tries = [w for w in waits if w["reason"]]
            self.assertGreaterEqual(len(tries), OUTAGE_SECONDS // 90, "waits are capped (at 60 s), so VK is tried often")
            self.assertTrue(all(0 < w["retry_in_seconds"] <= 60 for w in tries), tries)
        finally:
            if server:
                server.stop()
            sim.stop()

    def test_a_task_failed_for_an_invalid_token_resumes_from_its_checkpoints_once_fixed(self):
        sim = Simulator(*SIM_ARGS, "--invalid-token", "revoked-token").start()
        server = None
        try:
            truth = sim.truth()
            posts, comments = expected_rows(truth)
            server = start_collection(sim, VKA_VK_TOKEN="revoked-token")
            task_id = task_over_everything(server, truth)["id"]
            failed = wait_for(lambda: finished(server, task_id), timeout=120)
            self.assertEqual(failed["status"], "failed")
            self.assertIsNotNone(failed["finished_at"])
            self.assertIn("vk_no_usable_token", {e["code"] for e in failed["errors"] if e["scope"] == "task"})
            refusal = next(e for e in failed["errors"] if e["code"] == "vk_no_usable_token")
            self.assertTrue(refusal["message"].startswith("the VK token was refused by VK (VK error 5: "), refusal)
            self.assertEqual(refusal["vk_error_code"], 5)
            self.assertNotIn("revoked-token", json.dumps(failed))
            self.assertTrue(logged(server, "warning", f"task {task_id}) failed"), "the job's failure names its task")
            self.assertEqual(metric(server, "vka_tasks", '{status="failed"}'), 1)
            self.assertEqual(metric(server, "vka_jobs", '{state="failed"}'), 1, "alerts on failed jobs can fire")
            self.assertTrue(logged(server, "error", f"task {task_id} failed"))

            # The operator replaces the token and restarts; the failed task is resumed, not started over.
            server.stop()
            server.env["VKA_VK_TOKEN"] = "fresh-token"
            server.start()
            resumed = server.request("POST", f"/api/v1/tasks/{task_id}/resume")
            self.assertEqual(resumed.status, 200, resumed.body)
            self.assertEqual(resumed.json()["data"]["status"], "queued")
            self.assertIsNone(resumed.json()["data"]["finished_at"])
            done = wait_for(lambda: finished(server, task_id), timeout=300)
            self.assertEqual(done["status"], "completed_with_errors", done["errors"])
            self.assertFalse([e for e in done["errors"] if e["scope"] == "task"], "why it failed is gone")
            self.assert_exactly_the_truth(server, task_id, posts, comments)
            self.assertEqual(server.request("POST", f"/api/v1/tasks/{task_id}/resume").status, 409)
            self.assertNotIn("revoked-token", server.stderr())
            self.assertNotIn("fresh-token", server.stderr())
        finally:
            if server:
                server.stop()
            sim.stop()


if __name__ == "__main__":
    unittest.main()
