"""Listing pages of a finished task come from the page cache: the same page again has the same ETag, answers
If-None-Match with 304 and decodes from gzip to the same JSON with its own request id; whatever changes the
stored rows changes what is served: a refresh of the task, another task collecting the same wall, a deletion;
and a kept page is served only to those who may see its task."""
import gzip
import json
import unittest

from accounts import create_user, sign_in
from harness import Server, Simulator, wait_for
from test_refresh import finished, get_task, grow, readable_communities, refreshed

SIM_ARGS = ("--seed", "31", "--communities", "4", "--posts", "4", "--comments-mean", "12", "--rps", "20")


def without_request_id(body):
    del body["meta"]["request_id"]
    return body


class PageCacheTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.sim = Simulator(*SIM_ARGS).start()
        truth = cls.sim.truth()
        cls.group = readable_communities(truth, 1)[0]
        # The most commented post whose comments, and those the tests add, fit on one page.
        cls.post = max((p for p in truth["posts"] if p["owner_id"] == -cls.group and p["comments_count"] < 90),
                       key=lambda p: p["comments_count"])
        cls.server = Server(extra_env={"VKA_VK_API_URL": cls.sim.url, "VKA_VK_TOKEN": "e2e-token",
                                       "VKA_VK_RPS": "20", "VKA_WORKERS": "2"}).start()
        cls.task = cls.collect()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.sim.stop()

    @classmethod
    def collect(cls):
        task = cls.server.create_task({"groups": [cls.group], "posts_per_group": 100})
        return wait_for(lambda: finished(cls.server, task["id"]), timeout=120)

    def page_path(self, task_id):
        return f"/api/v1/tasks/{task_id}/comments?group_id={self.group}&post_id={self.post['id']}&sort=date&limit=100"

    def page(self, task_id, headers=None):
        return self.server.request("GET", self.page_path(task_id), headers=headers)

    def add_comments(self, count):
        grow(self.sim, {"comments": [{"owner_id": self.post["owner_id"], "post_id": self.post["id"], "count": count}]})

    def test_a_repeated_page_is_the_same_and_answers_304(self):
        first, second = self.page(self.task["id"]), self.page(self.task["id"])
        self.assertEqual((first.status, second.status), (200, 200))
        self.assertTrue(first.json()["data"])
        self.assertEqual(without_request_id(first.json()), without_request_id(second.json()))
        self.assertNotEqual(first.header("X-Request-Id"), second.header("X-Request-Id"))
        self.assertEqual(first.header("ETag"), second.header("ETag"))

        unchanged = self.page(self.task["id"], {"If-None-Match": first.header("ETag")})
        self.assertEqual(unchanged.status, 304)
        self.assertEqual(unchanged.body, b"")
        self.assertEqual(unchanged.header("ETag"), first.header("ETag"))

        zipped = self.page(self.task["id"], {"Accept-Encoding": "gzip"})
        self.assertEqual(zipped.header("Content-Encoding"), "gzip")
        self.assertEqual(zipped.header("ETag"), first.header("ETag"))
        body = json.loads(gzip.decompress(zipped.body))
        self.assertEqual(body["meta"]["request_id"], zipped.header("X-Request-Id"))
        self.assertEqual(without_request_id(body), without_request_id(first.json()))

    def test_b_a_refresh_changes_the_page(self):
        task_id = self.task["id"]
        before = self.page(task_id)
        self.add_comments(3)
        previous = get_task(self.server, task_id)["last_refreshed_at"]
        self.assertEqual(self.server.request("POST", f"/api/v1/tasks/{task_id}/refresh").status, 202)
        wait_for(lambda: refreshed(self.server, task_id, previous), timeout=120)

        after = self.page(task_id)
        self.assertEqual(len(after.json()["data"]), len(before.json()["data"]) + 3)
        self.assertNotEqual(after.header("ETag"), before.header("ETag"))
        self.assertEqual(self.page(task_id, {"If-None-Match": before.header("ETag")}).status, 200)

    def test_c_another_task_collecting_the_same_wall_changes_the_page(self):
        task_id = self.task["id"]
        before = self.page(task_id)
        self.add_comments(2)
        other = self.collect()

        after = self.page(task_id)
        self.assertEqual(len(after.json()["data"]), len(before.json()["data"]) + 2)
        self.assertEqual(after.json()["data"], self.page(other["id"]).json()["data"])

    def test_d_a_deleted_task_has_no_page(self):
        other = self.collect()
        self.assertEqual(self.page(other["id"]).status, 200)
        self.assertEqual(self.server.request("DELETE", f"/api/v1/tasks/{other['id']}").status, 204)
        self.assertEqual(self.page(other["id"]).status, 404)

    def test_e_a_kept_page_is_served_only_to_those_who_may_see_the_task(self):
        task_id = self.task["id"]
        kept = self.page(task_id)
        self.assertEqual(kept.status, 200)
        password = "correct horse battery staple"
        analyst = create_user(self.server, "page-reader", "analyst", password)
        session = sign_in(self.server, "page-reader", password)
        self.assertEqual(session.request("GET", self.page_path(task_id)).status, 404)

        shares = f"/api/v1/tasks/{task_id}/shares/{analyst['id']}"
        self.assertEqual(self.server.request("PUT", shares).status, 204)
        shared = session.request("GET", self.page_path(task_id))
        self.assertEqual(shared.status, 200)
        self.assertEqual(shared.header("ETag"), kept.header("ETag"))

        self.assertEqual(self.server.request("DELETE", shares).status, 204)
        self.assertEqual(session.request("GET", self.page_path(task_id)).status, 404)


if __name__ == "__main__":
    unittest.main()
