"""Collection on PostgreSQL with several processes: an API-only server and worker processes sharing one
database and one VK token, a worker killed mid-collection, and the database restarted mid-collection.
The result still equals the simulator's truth exactly, without a single rate-limit violation."""
import re
import signal
import subprocess
import time
import unittest

from harness import BINARY, Postgres, Server, Simulator, wait_for, walk_all
from test_collection import expected_rows, finished, task_over_everything

TOKEN = "e2e-scale-out-token-5c1f0a9e"


def collecting_server(sim, pg, workers):
    return Server(extra_env={"VKA_DATABASE_URL": pg.url, "VKA_VK_API_URL": sim.url, "VKA_VK_TOKEN": TOKEN,
                             "VKA_VK_RPS": "3", "VKA_WORKERS": str(workers)})


def task_state(server, task_id):
    return server.request("GET", f"/api/v1/tasks/{task_id}").json()["data"]


def rows(server, task_id, what):
    """Keys (owner_id, id) of every collected post or comment of a task, in listing order."""
    return [(r["owner_id"], r["id"]) for r in walk_all(server, f"/api/v1/tasks/{task_id}/{what}")]


class MultiProcessTest(unittest.TestCase):
    """`serve --workers 0` and three `worker` processes sharing one database and one VK token. Three tasks
    over everything run at once in two or more processes; then the worker holding the first task's lease
    is SIGKILLed, and another process takes that task over once the lease expires."""

    # 45 VK requests per task, so about 45 s of VK traffic for the three at 3 rps.
    SIM_ARGS = ("--seed", "29", "--communities", "8", "--posts", "100", "--comments-mean", "10",
                "--long-thread-replies", "230", "--rps", "3")

    @classmethod
    def setUpClass(cls):
        cls.pg = Postgres()
        cls.addClassCleanup(cls.pg.stop)
        cls.pg.start()
        cls.sim = Simulator(*cls.SIM_ARGS).start()
        cls.addClassCleanup(cls.sim.stop)
        cls.truth = cls.sim.truth()
        cls.server = collecting_server(cls.sim, cls.pg, workers=0).start()
        cls.addClassCleanup(cls.server.stop, signal.SIGKILL)
        cls.workers = []
        cls.addClassCleanup(cls.kill_workers)

        # Two tasks fill both threads of the first worker, so the third goes to another process.
        cls.first_worker = cls.start_worker()
        cls.tasks = [task_over_everything(cls.server, cls.truth) for _ in range(2)]
        cls.first_holders = [cls.lease_holder(t["id"]) for t in cls.tasks]
        cls.start_worker()
        cls.start_worker()
        cls.tasks.append(task_over_everything(cls.server, cls.truth))
        cls.third_holder = cls.lease_holder(cls.tasks[2]["id"])

        for task in cls.tasks:
            wait_for(lambda: task_state(cls.server, task["id"])["progress"]["comments_collected"] > 0, timeout=120)
        # About ten seconds of both processes calling VK at once, then the kill.
        wait_for(lambda: task_state(cls.server, cls.tasks[2]["id"])["progress"]["vk_requests"] >= 10, timeout=120)
        # The first task's lease holder, or (should that task have ended meanwhile on a loaded machine) any
        # other task's.
        cls.victim = wait_for(lambda: next(filter(None, (cls.current_holder(t["id"]) for t in cls.tasks)), None),
                              timeout=60)
        cls.victim.kill()
        cls.victim.wait(20)
        cls.done = [wait_for(lambda: finished(cls.server, t["id"]), timeout=420, interval=0.5) for t in cls.tasks]
        cls.survivor_exits = []
        for worker in cls.workers:
            if worker is not cls.victim:
                worker.send_signal(signal.SIGTERM)
                cls.survivor_exits.append(worker.wait(30))

    @classmethod
    def start_worker(cls):
        log_path = f"{cls.server.dir}/worker{len(cls.workers)}.log"
        with open(log_path, "wb") as log:
            # Both streams in one file, so that nothing a worker prints escapes the token check.
            worker = subprocess.Popen([BINARY, "worker", "--workers", "2"], env=cls.server.env,
                                      stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        worker.log_path = log_path
        cls.workers.append(worker)
        return worker

    @classmethod
    def kill_workers(cls):
        for worker in cls.workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait(20)

    @classmethod
    def current_holder(cls, task_id):
        """The worker process whose thread holds the lease of the task's job now, or None."""
        found = cls.pg.query(f"SELECT lease_owner FROM jobs WHERE task_id = '{task_id}' AND state = 'leased'")
        pid = re.fullmatch(r"worker-(\d+)/\d+", found[0][0]) if found else None
        return {w.pid: w for w in cls.workers}.get(int(pid.group(1))) if pid else None

    @classmethod
    def lease_holder(cls, task_id):
        """The worker process whose thread holds the lease of the task's job, once one does."""
        return wait_for(lambda: cls.current_holder(task_id), timeout=60)

    def test_the_tasks_ran_in_several_processes_and_the_killed_ones_task_finished_elsewhere(self):
        self.assertEqual(self.first_holders, [self.first_worker] * 2)
        self.assertIsNot(self.third_holder, self.first_worker)
        self.assertEqual(self.victim.returncode, -signal.SIGKILL)
        self.assertEqual(self.survivor_exits, [0, 0])
        for task, done in zip(self.tasks, self.done):
            self.assertEqual(done["status"], "completed_with_errors", done["errors"])
            state = self.pg.query(f"SELECT state FROM jobs WHERE task_id = '{task['id']}'")
            self.assertEqual(state, [["done"]])

    def test_each_task_collected_exactly_the_truth(self):
        posts, comments = expected_rows(self.truth)
        for task, done in zip(self.tasks, self.done):
            collected_posts = rows(self.server, task["id"], "posts")
            self.assertEqual(len(collected_posts), len(set(collected_posts)), "a post is listed twice")
            self.assertEqual(set(collected_posts), set(posts))
            collected_comments = rows(self.server, task["id"], "comments")
            self.assertEqual(len(collected_comments), len(set(collected_comments)), "a comment is listed twice")
            self.assertEqual(set(collected_comments), set(comments))
            self.assertEqual(done["progress"]["posts_found"], len(posts))
            self.assertEqual(done["progress"]["comments_collected"], len(comments))

    def test_the_token_is_never_logged_or_stored(self):
        for worker in self.workers:
            with open(worker.log_path, encoding="utf-8", errors="replace") as f:
                log = f.read()
            self.assertTrue(log, "the worker logs its work")
            self.assertNotIn(TOKEN, log, worker.log_path)
        self.assertNotIn(TOKEN, self.server.stdout() + self.server.stderr())
        self.assertNotIn(TOKEN, self.pg.dump())

    def test_processes_sharing_a_token_never_broke_its_rate_limit(self):
        stats = self.sim.stats()
        self.assertEqual(stats["rate_violations"], 0, stats)
        for token in stats["tokens"].values():
            self.assertLessEqual(token["max_requests_per_second"], 3, stats)


class RestartTest(unittest.TestCase):
    """One `serve` on PostgreSQL; the database server restarts mid-collection."""

    SIM_ARGS = ("--seed", "11", "--communities", "6", "--posts", "12", "--comments-mean", "25",
                "--long-thread-replies", "230", "--rps", "3")

    def setUp(self):
        self.pg = Postgres()
        self.addCleanup(self.pg.stop)
        self.pg.start()
        self.sim = Simulator(*self.SIM_ARGS).start()
        self.addCleanup(self.sim.stop)
        self.server = collecting_server(self.sim, self.pg, workers=2).start()
        self.addCleanup(self.server.stop, signal.SIGKILL)

    def readyz(self):
        try:
            return self.server.request("GET", "/readyz", auth=False).status
        except OSError:
            return None

    def test_collection_survives_a_database_restart(self):
        truth = self.sim.truth()
        posts, comments = expected_rows(truth)
        task = task_over_everything(self.server, truth)
        wait_for(lambda: task_state(self.server, task["id"])["progress"]["comments_collected"] > 0, timeout=120)
        before = task_state(self.server, task["id"])["progress"]["comments_collected"]
        self.assertLess(before, len(comments), "the restart must come mid-collection")

        seen_while_down = []

        def while_down():
            seen_while_down.append(wait_for(lambda: self.readyz() == 503, timeout=15, interval=0.05))
            time.sleep(2)  # long enough for the workers' writes to fail
            seen_while_down.append(self.readyz())

        self.pg.restart(while_down)
        self.assertEqual(seen_while_down, [True, 503])
        wait_for(lambda: self.readyz() == 200, timeout=30, interval=0.1)

        done = wait_for(lambda: finished(self.server, task["id"]), timeout=240, interval=0.5)
        self.assertEqual(done["status"], "completed_with_errors", done["errors"])
        collected_posts = rows(self.server, task["id"], "posts")
        self.assertEqual(len(collected_posts), len(set(collected_posts)))
        self.assertEqual(set(collected_posts), set(posts))
        collected_comments = rows(self.server, task["id"], "comments")
        self.assertEqual(len(collected_comments), len(set(collected_comments)))
        self.assertEqual(set(collected_comments), set(comments))
        self.assertEqual(done["progress"]["comments_collected"], len(comments))
        self.assertEqual(self.sim.stats()["rate_violations"], 0)
        self.assertIsNone(self.server.process.poll(), "the server outlives its database's restart")
        self.assertNotIn(TOKEN, self.server.stdout() + self.server.stderr())


if __name__ == "__main__":
    unittest.main()
