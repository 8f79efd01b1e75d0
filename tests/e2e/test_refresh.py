"""Keeping a task current end to end: the simulator's data grows after a collection, a refresh brings the
stored rows to the new truth exactly with the fewest VK calls the change needs, a schedule refreshes a task
across a restart, and PATCH changes the schedule."""
import http.client
import json
import sqlite3
import time
import unittest

from harness import Server, Simulator, iso, wait_for, walk_all

SIM_ARGS = ("--seed", "23", "--communities", "6", "--posts", "12", "--comments-mean", "25",
            "--long-thread-replies", "140", "--rps", "3")
PAGE = 100  # wall.get and wall.getComments items per call
INLINED = 10  # replies a top-level page carries per comment (thread_items_count)


def start_server(sim, **env):
    return Server(extra_env={"VKA_VK_API_URL": sim.url, "VKA_VK_TOKEN": "e2e-token", "VKA_VK_RPS": "3",
                             "VKA_WORKERS": "2", **env}).start()


def get_task(server, task_id):
    return server.request("GET", f"/api/v1/tasks/{task_id}").json()["data"]


def refreshed(server, task_id, after=None):
    """The task once a refresh ended (last_refreshed_at set, or later than `after`)."""
    task = get_task(server, task_id)
    if task["status"] not in ("completed", "completed_with_errors"):
        return None
    if task["last_refreshed_at"] is None or (after is not None and task["last_refreshed_at"] <= after):
        return None
    return task


def finished(server, task_id):
    task = get_task(server, task_id)
    return task if task["status"] in ("completed", "completed_with_errors", "failed", "canceled") else None


def readable_communities(truth, count):
    return [c["id"] for c in truth["communities"]
            if c["is_closed"] == 0 and not c["deactivated"] and not c["comments_closed"]][:count]


def grow(sim, spec):
    conn = http.client.HTTPConnection("127.0.0.1", sim.port, timeout=30)
    try:
        conn.request("POST", "/_sim/grow", json.dumps(spec), {"Content-Type": "application/json"})
        response = conn.getresponse()
        body = json.loads(response.read())
        assert response.status == 200, body
        return body
    finally:
        conn.close()


def key(post):
    return post["owner_id"], post["id"]


def pages(items):
    """wall.getComments calls that read a level of `items`: VK's counts do not reconcile with what it returns,
    so only a short page ends a level, and a level of 100 takes a second, empty page."""
    return items // PAGE + 1


def method_calls(stats):
    """VK methods called: inside `execute`, and on their own (a batch of one goes without `execute`)."""
    alone = sum(sum(outcomes.values()) for method, outcomes in stats["requests"].items() if method != "execute")
    return stats["totals"]["inner_calls"] + alone


def comment_calls(comments, owner_id, post_id):
    """The calls that read one post's comments in full: its top level (one call even when empty), then each
    thread with more replies than a top-level page inlines."""
    mine = [c for c in comments if c["owner_id"] == owner_id and c["post_id"] == post_id]
    calls = pages(sum(1 for c in mine if c["thread_root_id"] is None))
    replies = {}
    for c in mine:
        if c["thread_root_id"] is not None:
            replies[c["thread_root_id"]] = replies.get(c["thread_root_id"], 0) + 1
    return calls + sum(pages(n) for n in replies.values() if n > INLINED)


class RefreshTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.sim = Simulator(*SIM_ARGS).start()
        cls.before = cls.sim.truth()
        cls.groups = readable_communities(cls.before, 2)
        cls.server = start_server(cls.sim)
        cls.task = cls.server.create_task({"groups": cls.groups, "posts_per_group": 1000})
        wait_for(lambda: finished(cls.server, cls.task["id"]), timeout=300)
        # Times have a resolution of a second: a refresh started in the second the collection ended could not be
        # told apart from it by first_seen_at.
        time.sleep(1)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.sim.stop()

    def visible_comment(self, truth, owner_id, post_id, top_level=True, skip=()):
        for c in truth["comments"]:
            if (c["owner_id"], c["post_id"]) == (owner_id, post_id) and not c["deleted"] and c["id"] not in skip \
                    and (c["thread_root_id"] is None) == top_level:
                return c
        self.fail(f"no visible comment on {owner_id}_{post_id}")

    def old_posts(self, truth):
        """Posts of the task's walls that have visible top-level comments, fewest comments first (cheap to
        re-read)."""
        counts = {}
        for c in truth["comments"]:
            if not c["deleted"] and c["thread_root_id"] is None:
                counts[(c["owner_id"], c["post_id"])] = counts.get((c["owner_id"], c["post_id"]), 0) + 1
        posts = [p for p in truth["posts"] if -p["owner_id"] in self.groups and counts.get((p["owner_id"], p["id"]))]
        return sorted(posts, key=lambda p: (p["comments_count"], p["owner_id"], p["id"]))

    def test_a_refresh_brings_the_rows_to_the_new_truth_with_the_fewest_calls(self):
        """Runs first (tests run in name order): the VK calls it counts are its own."""
        task_id = self.task["id"]
        first, second = self.groups
        old = self.old_posts(self.before)
        commented, replied, deleted, liked = old[0], old[1], old[2], old[3]
        edited = self.visible_comment(self.before, *key(commented))
        root = self.visible_comment(self.before, *key(replied))
        gone = self.visible_comment(self.before, *key(deleted))
        added = grow(self.sim, {
            "posts": [{"community_id": first, "comments": 3}, {"community_id": first, "comments": 1},
                      {"community_id": second, "comments": 2}],
            "comments": [{"owner_id": commented["owner_id"], "post_id": commented["id"], "count": 4}],
            "replies": [{"owner_id": replied["owner_id"], "post_id": replied["id"], "comment_id": root["id"],
                         "count": 3}],
            # VK tells an edit by nothing but the text: it is seen on a post re-read for its new comments.
            "edits": [{"owner_id": commented["owner_id"], "post_id": commented["id"], "comment_id": edited["id"]}],
            "deletions": [{"owner_id": deleted["owner_id"], "post_id": deleted["id"], "comment_id": gone["id"]}],
            "likes": [{"owner_id": liked["owner_id"], "post_id": liked["id"], "likes": 424242}],
        })
        self.assertEqual(len(added["posts"]), 3)
        self.assertEqual(len(added["comments"]), 3 + 1 + 2 + 4 + 3)
        after = self.sim.truth()
        calls_before = method_calls(self.sim.stats())

        response = self.server.request("POST", f"/api/v1/tasks/{task_id}/refresh")
        self.assertEqual(response.status, 202, response.body)
        self.assertEqual(response.json()["data"]["status"], "queued")
        # The refresh needs paced VK calls: it cannot have ended yet, and a second one is refused.
        again = self.server.request("POST", f"/api/v1/tasks/{task_id}/refresh")
        self.assertEqual(again.status, 409, again.body)
        self.assertEqual(again.json()["error"]["code"], "conflict")
        done = wait_for(lambda: refreshed(self.server, task_id), timeout=120)
        calls = method_calls(self.sim.stats()) - calls_before

        # Stored rows equal the new truth.
        posts = {key(p): p for p in after["posts"] if -p["owner_id"] in self.groups}
        comments = {(c["owner_id"], c["id"]): c for c in after["comments"]
                    if (c["owner_id"], c["post_id"]) in posts}
        got_posts = {key(p): p for p in walk_all(self.server, f"/api/v1/tasks/{task_id}/posts")}
        self.assertEqual(set(got_posts), set(posts))
        for k, want in posts.items():
            for field in ("text", "likes", "reposts", "comments_count", "is_pinned"):
                self.assertEqual(got_posts[k][field], want[field], (k, field))
            self.assertLessEqual(got_posts[k]["first_seen_at"], got_posts[k]["last_seen_at"])
        self.assertEqual(got_posts[key(liked)]["likes"], 424242)
        got = {(c["owner_id"], c["id"]): c for c in walk_all(self.server, f"/api/v1/tasks/{task_id}/comments")}
        self.assertEqual(set(got), set(comments))
        for k, want in comments.items():
            for field in ("post_id", "parent_id", "thread_root_id", "from_id", "likes", "deleted", "text"):
                self.assertEqual(got[k][field], want[field], (k, field))
            self.assertEqual(got[k]["date"], iso(want["date"]))
        self.assertTrue(got[(gone["owner_id"], gone["id"])]["deleted"])
        self.assertNotEqual(got[(edited["owner_id"], edited["id"])]["text"], edited["text"])
        for c in added["comments"]:
            k = (c["owner_id"], c["id"])
            self.assertEqual(got[k]["first_seen_at"], got[k]["last_seen_at"])
            self.assertGreaterEqual(got[k]["first_seen_at"], done["started_at"])
        self.assertLess(got[(edited["owner_id"], edited["id"])]["first_seen_at"], done["started_at"])
        self.assertGreaterEqual(got[(edited["owner_id"], edited["id"])]["last_seen_at"], done["started_at"])
        self.assertEqual(done["progress"]["comments_collected"], len(comments))
        self.assertEqual(done["progress"]["posts_found"], len(posts))
        self.assertEqual(done["progress"]["posts_done"], len(posts))
        self.assertEqual(done["progress"]["groups_done"], 2)

        # The fewest calls: one wall.get per wall (each holds fewer than 100 posts), and a full read of the
        # comments of each post whose comments count changed (the new posts, the one with new comments, the one
        # with new replies, the one with a deletion). A post whose count did not change costs nothing: the
        # liked one shows its new likes on its wall page.
        changed = [key(p) for p in added["posts"]] + [key(commented), key(replied), key(deleted)]
        fewest = len(self.groups) + sum(comment_calls(after["comments"], o, p) for o, p in changed)
        self.assertGreaterEqual(calls, fewest)
        self.assertLessEqual(calls, fewest * 1.1, (calls, fewest))


    def test_refresh_is_refused_while_collecting_and_for_a_canceled_task(self):
        task = self.server.create_task({"groups": self.groups[:1], "posts_per_group": 1000})
        response = self.server.request("POST", f"/api/v1/tasks/{task['id']}/refresh")
        if finished(self.server, task["id"]) is None:
            self.assertEqual(response.status, 409, response.body)
            self.assertIn("cannot refresh a task that is", response.json()["error"]["message"])
        canceled = self.server.request("POST", f"/api/v1/tasks/{task['id']}/cancel")
        if canceled.status == 200:
            response = self.server.request("POST", f"/api/v1/tasks/{task['id']}/refresh")
            self.assertEqual(response.status, 409, response.body)
        missing = self.server.request("POST", "/api/v1/tasks/nope/refresh")
        self.assertEqual(missing.status, 404)

    def test_patch_sets_and_clears_the_schedule(self):
        task = self.server.create_task({"groups": self.groups[:1], "schedule": {"every": "6h"}})
        self.assertEqual(task["schedule"], {"every": "6h"})
        self.assertIsNotNone(task["next_refresh_at"])
        self.assertIsNone(task["last_refreshed_at"])
        path = f"/api/v1/tasks/{task['id']}"
        response = self.server.request("PATCH", path, {"schedule": {"every": "1d"}, "name": "daily"})
        self.assertEqual(response.status, 200, response.body)
        data = response.json()["data"]
        self.assertEqual((data["schedule"], data["name"]), ({"every": "1d"}, "daily"))
        self.assertGreater(data["next_refresh_at"], task["next_refresh_at"])
        response = self.server.request("PATCH", path, {"schedule": None})
        data = response.json()["data"]
        self.assertEqual((data["schedule"], data["next_refresh_at"], data["name"]), (None, None, "daily"))
        for body, field in (({"schedule": {"every": "14m"}}, "schedule.every"),
                            ({"schedule": {"every": "6x"}}, "schedule.every"),
                            ({"schedule": {"every": 900}}, "schedule.every"),
                            ({"schedule": "6h"}, "schedule"),
                            ({"schedule": {"every": "6h", "at": "noon"}}, "schedule.at"),
                            ({"posts_per_group": 5}, "posts_per_group"),
                            ({"name": 5}, "name")):
            response = self.server.request("PATCH", path, body)
            self.assertEqual(response.status, 400, (body, response.body))
            error = response.json()["error"]
            self.assertEqual(error["code"], "validation_failed")
            self.assertIn(field, [d["field"] for d in error["details"]], body)
        self.assertEqual(get_task(self.server, task["id"])["schedule"], None)  # nothing half-written
        response = self.server.request("POST", "/api/v1/tasks", {"groups": [1], "schedule": {"every": "10m"}})
        self.assertEqual(response.status, 400, response.body)


class ScheduledRefreshTest(unittest.TestCase):
    """A schedule lives in the database: a refresh falls due while the server is down and runs once it is
    back. The test moves next_refresh_at into the past in the database rather than waiting the 15 minutes the
    contract sets as the shortest period; the server cannot tell the difference."""

    def test_a_due_refresh_runs_after_a_restart(self):
        sim = Simulator(*SIM_ARGS).start()
        server = start_server(sim)
        try:
            truth = sim.truth()
            group = readable_communities(truth, 1)[0]
            task = server.create_task({"groups": [group], "posts_per_group": 1000, "schedule": {"every": "15m"}})
            wait_for(lambda: finished(server, task["id"]), timeout=300)
            server.stop()
            added = grow(sim, {"posts": [{"community_id": group, "comments": 2}]})
            with sqlite3.connect(f"{server.dir}/db.sqlite") as db:
                db.execute("UPDATE tasks SET next_refresh_at = ? WHERE id = ?", (int(time.time()) - 1, task["id"]))
            server.start()
            done = wait_for(lambda: refreshed(server, task["id"]), timeout=120)
            self.assertGreater(done["next_refresh_at"], done["last_refreshed_at"])
            comments = {c["id"] for c in walk_all(server, f"/api/v1/tasks/{task['id']}/comments")}
            self.assertTrue({c["id"] for c in added["comments"]} <= comments)
        finally:
            server.stop()
            sim.stop()


if __name__ == "__main__":
    unittest.main()
