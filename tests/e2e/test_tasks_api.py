"""Tasks API end to end: validation, normalization, listing, state changes, roles, idempotency."""
import concurrent.futures
import json
import unittest
import urllib.parse

from harness import Server


class TasksTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # Viewers here are keys of no user, so nothing can be shared with them: they read every task instead.
        cls.server = Server(extra_env={"VKA_VIEWERS_SEE_ALL": "true"}).start()
        cls.analyst = cls.new_key("analyst")
        cls.other_analyst = cls.new_key("analyst")
        cls.viewer = cls.new_key("viewer")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    @classmethod
    def new_key(cls, role):
        result = cls.server.cli("api-keys", "create", "--role", role, "--name", f"e2e {role}")
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    def walk(self, path, key=None, limit=2):
        items, cursor, pages = [], None, 0
        while True:
            query = {"limit": limit}
            if cursor:
                query["cursor"] = cursor
            sep = "&" if "?" in path else "?"
            response = self.server.request("GET", f"{path}{sep}{urllib.parse.urlencode(query)}", key=key)
            self.assertEqual(response.status, 200, response.body)
            body = response.json()
            items += body["data"]
            pages += 1
            cursor = body["meta"].get("next_cursor")
            if not cursor:
                return items, pages

    def test_create_returns_201_location_and_normalized_params(self):
        response = self.server.request("POST", "/api/v1/tasks", {
            "name": "Моя задача", "groups": [-1, 1, "club1", "ApiClub", "https://vk.com/apiclub", "public7"],
            "posts": ["-1_123", "https://vk.com/wall-1_123", "wall-5_6"], "posts_per_group": 25,
            "since": "2026-01-01T03:00:00+03:00", "threads": False})
        self.assertEqual(response.status, 201, response.body)
        task = response.json()["data"]
        self.assertEqual(response.header("Location"), f"/api/v1/tasks/{task['id']}")
        self.assertEqual(task["status"], "queued")
        self.assertEqual(task["name"], "Моя задача")
        params = task["params"]
        self.assertEqual(params["groups"], [1, "apiclub", 7])
        self.assertEqual(params["posts"], ["-1_123", "-5_6"])
        self.assertEqual(params["posts_per_group"], 25)
        self.assertEqual(params["since"], "2026-01-01T00:00:00Z")
        self.assertIsNone(params["until"])
        self.assertFalse(params["threads"])
        self.assertRegex(task["created_at"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        self.assertIsNone(task["started_at"])
        self.assertEqual(task["errors"], [])
        for counter in ("groups_total", "groups_done", "posts_found", "posts_done", "comments_expected",
                        "comments_collected", "vk_requests", "retries"):
            self.assertIsInstance(task["progress"][counter], int)
        self.assertEqual(self.server.request("GET", f"/api/v1/tasks/{task['id']}").json()["data"], task)

    def test_each_bad_group_is_reported_by_index(self):
        response = self.server.request("POST", "/api/v1/tasks", {
            "groups": [1, "id5", 0, {"x": 1}, "ok_name", "bad name!"], "posts_per_group": 0})
        self.assertEqual(response.status, 400)
        fields = [d["field"] for d in response.json()["error"]["details"]]
        self.assertEqual(fields, ["groups[1]", "groups[2]", "groups[3]", "groups[5]", "posts_per_group"])

    def test_field_rules(self):
        cases = [({}, "groups"), ({"groups": []}, "groups"), ({"groups": "apiclub"}, "groups"),
                 ({"groups": [1], "posts_per_group": 100001}, "posts_per_group"),
                 ({"groups": [1], "since": "yesterday"}, "since"),
                 ({"groups": [1], "since": "2026-02-01T00:00:00Z", "until": "2026-01-01T00:00:00Z"}, "until"),
                 ({"groups": [1], "threads": "yes"}, "threads"), ({"groups": [1], "name": 5}, "name"),
                 ({"posts": ["-1_x"]}, "posts[0]")]
        for body, field in cases:
            response = self.server.request("POST", "/api/v1/tasks", body)
            self.assertEqual(response.status, 400, body)
            self.assertIn(field, [d["field"] for d in response.json()["error"]["details"]], body)

    def test_list_is_newest_first_and_walks_without_gaps_while_tasks_arrive(self):
        owner = self.new_key("analyst")
        created = [self.server.create_task({"groups": [i + 1]}, key=owner)["id"] for i in range(7)]
        seen, cursor = [], None
        while True:
            path = "/api/v1/tasks?limit=2" + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else "")
            body = self.server.request("GET", path, key=owner).json()
            seen += [t["id"] for t in body["data"]]
            self.server.create_task({"groups": [99]}, key=owner)  # arrives mid-walk, newer than the cursor
            cursor = body["meta"]["next_cursor"]
            if not cursor:
                break
        self.assertEqual(seen, list(reversed(created)))

    def test_status_filter_and_limit_rules(self):
        task = self.server.create_task(key=self.analyst)
        self.server.request("POST", f"/api/v1/tasks/{task['id']}/pause", key=self.analyst)
        paused, _ = self.walk("/api/v1/tasks?status=paused", key=self.analyst)
        self.assertIn(task["id"], [t["id"] for t in paused])
        self.assertTrue(all(t["status"] == "paused" for t in paused))
        for query in ("status=sleeping", "limit=0", "limit=1001", "limit=abc", "cursor=garbage"):
            self.assertEqual(self.server.request("GET", f"/api/v1/tasks?{query}").status, 400, query)
        response = self.server.request("GET", "/api/v1/tasks")
        self.assertEqual(response.json()["meta"]["limit"], 50)

    def test_state_machine_over_http(self):
        task = self.server.create_task()
        path = f"/api/v1/tasks/{task['id']}"
        self.assertEqual(self.server.request("POST", f"{path}/pause").json()["data"]["status"], "paused")
        conflict = self.server.request("POST", f"{path}/pause")
        self.assertEqual(conflict.status, 409)
        self.assertEqual(conflict.json()["error"]["code"], "conflict")
        self.assertEqual(self.server.request("POST", f"{path}/resume").json()["data"]["status"], "queued")
        canceled = self.server.request("POST", f"{path}/cancel").json()["data"]
        self.assertEqual(canceled["status"], "canceled")
        self.assertIsNotNone(canceled["finished_at"])
        self.assertEqual(self.server.request("POST", f"{path}/resume").status, 409)
        self.assertEqual(self.server.request("DELETE", path).status, 204)
        self.assertEqual(self.server.request("GET", path).status, 404)
        self.assertEqual(self.server.request("DELETE", path).status, 404)
        self.assertEqual(self.server.request("POST", "/api/v1/tasks/t_nope/cancel").status, 404)

    def test_roles(self):
        mine = self.server.create_task(key=self.analyst)
        path = f"/api/v1/tasks/{mine['id']}"
        self.assertEqual(mine["owner"], self.server.request("GET", path, key=self.analyst).json()["data"]["owner"])
        # Another analyst cannot tell the task exists.
        for method, sub in (("GET", ""), ("POST", "/pause"), ("DELETE", "")):
            response = self.server.request(method, path + sub, key=self.other_analyst)
            self.assertEqual(response.status, 404, (method, sub))
        listed, _ = self.walk("/api/v1/tasks", key=self.other_analyst, limit=100)
        self.assertNotIn(mine["id"], [t["id"] for t in listed])
        # Viewers read but never write.
        self.assertEqual(self.server.request("GET", path, key=self.viewer).status, 200)
        self.assertEqual(self.server.request("POST", "/api/v1/tasks", {"groups": [1]}, key=self.viewer).status, 403)
        self.assertEqual(self.server.request("POST", path + "/cancel", key=self.viewer).status, 403)
        # Admins see everything.
        self.assertEqual(self.server.request("GET", path).status, 200)

    def test_revoked_key_is_rejected(self):
        key = self.new_key("analyst")
        self.assertEqual(self.server.request("GET", "/api/v1/tasks", key=key).status, 200)
        listing = self.server.cli("api-keys", "list").stdout.splitlines()
        key_id = [line.split("\t")[0] for line in listing if "e2e analyst" in line][-1]
        self.assertNotIn(key, "\n".join(listing))
        self.assertEqual(self.server.cli("api-keys", "revoke", key_id).returncode, 0)
        self.assertEqual(self.server.request("GET", "/api/v1/tasks", key=key).status, 401)

    def test_idempotency_replay_conflict_and_validation(self):
        body = {"groups": [42], "name": "idem"}
        headers = {"Idempotency-Key": "create-42"}
        first = self.server.request("POST", "/api/v1/tasks", body, headers=headers)
        self.assertEqual(first.status, 201)
        replay = self.server.request("POST", "/api/v1/tasks", body, headers=headers)
        self.assertEqual(replay.status, 201)
        self.assertEqual(replay.body, first.body)
        self.assertEqual(replay.header("Idempotent-Replayed"), "true")
        self.assertEqual(replay.header("Location"), first.header("Location"))
        self.assertIsNone(first.header("Idempotent-Replayed"))
        reused = self.server.request("POST", "/api/v1/tasks", {"groups": [43]}, headers=headers)
        self.assertEqual(reused.status, 422)
        self.assertEqual(reused.json()["error"]["code"], "idempotency_key_reused")
        # Keys belong to their caller: another caller's same key is a new request.
        other = self.server.request("POST", "/api/v1/tasks", body, headers=headers, key=self.analyst)
        self.assertEqual(other.status, 201)
        self.assertNotEqual(other.json()["data"]["id"], first.json()["data"]["id"])
        for bad in ("", "x" * 256, "caf\u00e9"):
            response = self.server.request("POST", "/api/v1/tasks", body,
                                           headers={"Idempotency-Key": bad.encode("utf-8").decode("latin-1")})
            self.assertEqual(response.status, 400, bad)

    def test_concurrent_requests_with_one_key_create_one_task(self):
        key = self.new_key("analyst")
        body = {"groups": [77], "name": "race"}

        def send(_):
            return self.server.request("POST", "/api/v1/tasks", body, key=key, headers={"Idempotency-Key": "race-1"})

        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            responses = list(pool.map(send, range(16)))
        statuses = sorted(r.status for r in responses)
        self.assertTrue(set(statuses) <= {201, 409}, statuses)
        created = {r.json()["data"]["id"] for r in responses if r.status == 201}
        self.assertEqual(len(created), 1)
        listed, _ = self.walk("/api/v1/tasks", key=key, limit=100)
        self.assertEqual(len(listed), 1)
        conflicts = [r for r in responses if r.status == 409]
        for response in conflicts:
            self.assertEqual(response.json()["error"]["code"], "conflict")

    def post_form(self, fields, file_text=None, key=None):
        boundary = "vkaBoundary7MA4YWxk"
        body = b""
        for name, value in fields.items():
            body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").encode()
        if file_text is not None:
            body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"groups_file\"; filename=\"groups.csv\"\r\n"
                     f"Content-Type: text/csv\r\n\r\n").encode() + file_text.encode() + b"\r\n"
        body += f"--{boundary}--\r\n".encode()
        return self.server.request("POST", "/api/v1/tasks", body, key=key,
                                   headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})

    def test_multipart_groups_file(self):
        text = "# communities for the study\napiclub, main one\n\nclub1\n-1\n\"public5\",quoted\r\n"
        response = self.post_form({"name": "from a file", "posts_per_group": "5", "threads": "false"}, text)
        self.assertEqual(response.status, 201, response.body)
        task = response.json()["data"]
        self.assertEqual(task["params"]["groups"], ["apiclub", 1, 5])
        self.assertEqual(task["params"]["posts_per_group"], 5)
        self.assertFalse(task["params"]["threads"])

    def test_multipart_bad_lines_are_reported_by_line_and_nothing_is_created(self):
        key = self.new_key("analyst")
        response = self.post_form({"name": "bad"}, "apiclub\n# fine\nid5\nok_name\nbad name!\n", key=key)
        self.assertEqual(response.status, 400)
        fields = [d["field"] for d in response.json()["error"]["details"]]
        self.assertEqual(fields, ["groups_file:3", "groups_file:5"])
        self.assertEqual(self.walk("/api/v1/tasks", key=key)[0], [])
        unknown = self.post_form({"colour": "red"}, "apiclub\n", key=key)
        self.assertEqual(unknown.status, 400)
        too_many = self.post_form({}, "apiclub\n" * 10001, key=key)
        self.assertEqual(too_many.status, 400)
        too_big = self.post_form({}, ("a" * 99 + "\n") * 11000, key=key)
        self.assertEqual(too_big.status, 413)
        self.assertEqual(self.walk("/api/v1/tasks", key=key)[0], [])

    def test_vk_token_id_must_be_one_of_the_callers_tokens(self):
        token = self.server.request("POST", "/api/v1/vk-tokens", {"name": "mine", "token": "vk1.a.secret-value-123456789",
                                                                   "kind": "service"}, key=self.analyst).json()["data"]
        ok = self.server.request("POST", "/api/v1/tasks", {"groups": [1], "vk_token_id": token["id"]}, key=self.analyst)
        self.assertEqual(ok.status, 201, ok.body)
        self.assertEqual(ok.json()["data"]["params"]["vk_token_id"], token["id"])
        for key, token_id in ((self.other_analyst, token["id"]), (self.analyst, "vt_nope")):
            response = self.server.request("POST", "/api/v1/tasks", {"groups": [1], "vk_token_id": token_id}, key=key)
            self.assertEqual(response.status, 400)
            self.assertEqual(response.json()["error"]["details"][0]["field"], "vk_token_id")

    def test_failed_validation_is_replayed_too(self):
        headers = {"Idempotency-Key": "bad-body"}
        first = self.server.request("POST", "/api/v1/tasks", {"groups": ["id1"]}, headers=headers)
        self.assertEqual(first.status, 400)
        again = self.server.request("POST", "/api/v1/tasks", {"groups": ["id1"]}, headers=headers)
        self.assertEqual(again.body, first.body)


if __name__ == "__main__":
    unittest.main()
