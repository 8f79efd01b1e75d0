"""VK tokens end to end: create, list, delete, roles, masking, encryption at rest, nothing secret in logs."""
import pathlib
import secrets
import sqlite3
import unittest
import urllib.parse

from harness import Server

PATH = "/api/v1/vk-tokens"


def new_token():
    """A fresh token shaped like VK's user tokens, unique per call so that every search is unambiguous."""
    return "vk1.a." + secrets.token_urlsafe(60) + "xY"


class VkTokensTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server().start()
        cls.viewer = cls.new_key("viewer")
        cls.tokens_sent = []

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    @classmethod
    def new_key(cls, role):
        result = cls.server.cli("api-keys", "create", "--role", role, "--name", f"e2e {role}")
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    def add(self, key, name="main", kind="user", token=None, headers=None):
        token = token or new_token()
        self.tokens_sent.append(token)
        response = self.server.request("POST", PATH, {"name": name, "token": token, "kind": kind}, key=key,
                                       headers=headers)
        return response, token

    def add_ok(self, key, **fields):
        response, token = self.add(key, **fields)
        self.assertEqual(response.status, 201, response.body)
        return response.json()["data"], token

    def walk(self, key, limit=1):
        ids, cursor, pages = [], None, 0
        while True:
            query = {"limit": limit, **({"cursor": cursor} if cursor else {})}
            response = self.server.request("GET", f"{PATH}?{urllib.parse.urlencode(query)}", key=key)
            self.assertEqual(response.status, 200, response.body)
            body = response.json()
            ids += [item["id"] for item in body["data"]]
            pages += 1
            cursor = body["meta"]["next_cursor"]
            if not cursor:
                return ids, pages

    def test_create_answers_201_with_location_and_only_a_masked_form(self):
        analyst = self.new_key("analyst")
        response, token = self.add(analyst, name="Рабочий", kind="community")
        self.assertEqual(response.status, 201, response.body)
        data = response.json()["data"]
        self.assertEqual(set(data), {"id", "name", "kind", "masked", "created_at"})
        self.assertTrue(data["id"].startswith("vt_"))
        self.assertEqual(response.header("Location"), f"{PATH}/{data['id']}")
        self.assertEqual((data["name"], data["kind"]), ("Рабочий", "community"))
        self.assertEqual(data["masked"], token[:6] + "…" + token[-2:])
        self.assertRegex(data["created_at"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        self.assertNotIn(token.encode(), response.body)
        fetched = self.server.request("GET", response.header("Location"), key=analyst)
        self.assertEqual(fetched.status, 200, fetched.body)
        self.assertEqual(fetched.json()["data"], data)

    def test_short_tokens_are_masked_entirely(self):
        data, _ = self.add_ok(self.new_key("analyst"), token="short-" + secrets.token_hex(4))
        self.assertEqual(data["masked"], "…")

    def test_analysts_list_their_own_and_admins_list_everyone(self):
        alice, bob = self.new_key("analyst"), self.new_key("analyst")
        a1, _ = self.add_ok(alice, name="a1")
        b1, _ = self.add_ok(bob, name="b1")
        a2, _ = self.add_ok(alice, name="a2", kind="service")
        ids, pages = self.walk(alice)
        self.assertEqual(ids, [a2["id"], a1["id"]], "newest first, each once")
        self.assertEqual(pages, 2)
        self.assertEqual(self.walk(bob, limit=50)[0], [b1["id"]])
        everyone, _ = self.walk(None, limit=2)
        self.assertEqual(len(everyone), len(set(everyone)))
        for item in (a1, a2, b1):
            self.assertIn(item["id"], everyone)
        page = self.server.request("GET", f"{PATH}?limit=50", key=alice).json()
        self.assertEqual(page["data"][0], a2)
        self.assertIsNone(page["meta"]["next_cursor"])

    def test_list_rejects_bad_limits_and_foreign_cursors(self):
        analyst = self.new_key("analyst")
        for query in ("limit=0", "limit=1001", "limit=x", "cursor=garbage"):
            response = self.server.request("GET", f"{PATH}?{query}", key=analyst)
            self.assertEqual(response.status, 400, query)
        self.server.create_task(key=analyst)
        self.server.create_task(key=analyst)
        task_cursor = self.server.request("GET", "/api/v1/tasks?limit=1", key=analyst).json()["meta"]["next_cursor"]
        self.assertTrue(task_cursor)
        response = self.server.request("GET", f"{PATH}?cursor={urllib.parse.quote(task_cursor)}", key=analyst)
        self.assertEqual(response.status, 400, "a tasks cursor is not a vk-tokens cursor")

    def test_delete_removes_the_token_once(self):
        analyst = self.new_key("analyst")
        data, _ = self.add_ok(analyst)
        response = self.server.request("DELETE", f"{PATH}/{data['id']}", key=analyst)
        self.assertEqual(response.status, 204, response.body)
        self.assertEqual(response.body, b"")
        self.assertEqual(self.walk(analyst)[0], [])
        self.assertEqual(self.server.request("DELETE", f"{PATH}/{data['id']}", key=analyst).status, 404)
        self.assertEqual(self.server.request("GET", f"{PATH}/{data['id']}", key=analyst).status, 404)

    def test_another_analysts_token_is_not_found_and_an_admin_may_delete_it(self):
        alice, bob = self.new_key("analyst"), self.new_key("analyst")
        data, _ = self.add_ok(alice)
        for method in ("GET", "DELETE"):
            response = self.server.request(method, f"{PATH}/{data['id']}", key=bob)
            self.assertEqual(response.status, 404, method)
            self.assertEqual(response.json()["error"]["code"], "not_found")
            missing = self.server.request(method, f"{PATH}/vt_00000000000000000000000000", key=bob)
            self.assertEqual(missing.json()["error"], response.json()["error"], "no existence leak")
        self.assertEqual(self.walk(alice)[0], [data["id"]], "still there for its owner")
        self.assertEqual(self.server.request("GET", f"{PATH}/{data['id']}").status, 200)
        self.assertEqual(self.server.request("DELETE", f"{PATH}/{data['id']}").status, 204)
        self.assertEqual(self.walk(alice)[0], [])

    def test_viewers_cannot_add_list_or_delete(self):
        data, _ = self.add_ok(self.new_key("analyst"))
        response, _ = self.add(self.viewer)
        self.assertEqual(response.status, 403, response.body)
        self.assertEqual(response.json()["error"]["code"], "forbidden")
        for method, path in (("GET", PATH), ("GET", f"{PATH}/{data['id']}"), ("DELETE", f"{PATH}/{data['id']}")):
            self.assertEqual(self.server.request(method, path, key=self.viewer).status, 403, (method, path))
        self.assertEqual(self.server.request("GET", f"{PATH}/{data['id']}").status, 200, "the viewer deleted nothing")

    def test_without_credentials_is_401(self):
        self.assertEqual(self.server.request("GET", PATH, auth=False).status, 401)
        self.assertEqual(self.server.request("POST", PATH, {"name": "x", "token": "y", "kind": "user"},
                                             auth=False).status, 401)

    def test_validation_names_each_field_and_never_echoes_the_token(self):
        analyst = self.new_key("analyst")
        secret_part = "SeCrEt" + secrets.token_hex(8)
        for token in (f"vk1.a.{secret_part} with spaces", f"vk1.a.{secret_part}" + "z" * 600, f"vk1.{secret_part}\u00e9"):
            self.tokens_sent.append(token)
            response = self.server.request("POST", PATH, {"name": "n", "token": token, "kind": "user"}, key=analyst)
            self.assertEqual(response.status, 400, response.body)
            self.assertEqual([d["field"] for d in response.json()["error"]["details"]], ["token"])
            self.assertNotIn(secret_part.encode(), response.body)
        cases = [({"name": "", "token": new_token(), "kind": "user"}, ["name"]),
                 ({"name": "x" * 201, "token": new_token(), "kind": "user"}, ["name"]),
                 ({"name": "n", "token": "", "kind": "user"}, ["token"]),
                 ({"name": "n", "token": new_token(), "kind": "group"}, ["kind"]),
                 ({"token": new_token()}, ["name", "kind"]),
                 ({"name": "n", "token": new_token(), "kind": "user", "owner": "me"}, ["owner"])]
        for body, fields in cases:
            response = self.server.request("POST", PATH, body, key=analyst)
            self.assertEqual(response.status, 400, body)
            self.assertEqual([d["field"] for d in response.json()["error"]["details"]], fields, body)
            if body.get("token"):
                self.assertNotIn(body["token"].encode(), response.body)
        self.assertEqual(self.server.request("POST", PATH, "not json", key=analyst,
                                             headers={"Content-Type": "application/json"}).status, 400)
        self.assertEqual(self.server.request("POST", PATH, "x", key=analyst,
                                             headers={"Content-Type": "text/plain"}).status, 415)
        self.assertEqual(self.walk(analyst)[0], [], "nothing was stored")

    def test_idempotency_key_replays_the_first_answer(self):
        analyst = self.new_key("analyst")
        token = new_token()
        self.tokens_sent.append(token)
        body = {"name": "once", "token": token, "kind": "user"}
        key = {"Idempotency-Key": "vk-token-" + secrets.token_hex(6)}
        first = self.server.request("POST", PATH, body, key=analyst, headers=key)
        again = self.server.request("POST", PATH, body, key=analyst, headers=key)
        self.assertEqual(first.status, 201, first.body)
        self.assertEqual((again.status, again.body), (first.status, first.body))
        self.assertEqual(again.header("Idempotent-Replayed"), "true")
        self.assertEqual(again.header("Location"), first.header("Location"))
        other = self.server.request("POST", PATH, {**body, "name": "twice"}, key=analyst, headers=key)
        self.assertEqual(other.status, 422, other.body)
        self.assertEqual(len(self.walk(analyst)[0]), 1)

    def test_tokens_are_stored_encrypted(self):
        analyst = self.new_key("analyst")
        data, token = self.add_ok(analyst, name="at rest")
        with sqlite3.connect(f"{self.server.dir}/db.sqlite") as db:
            row = db.execute("SELECT kind, masked, ciphertext FROM vk_tokens WHERE id = ?", (data["id"],)).fetchone()
        self.assertIsNotNone(row)
        kind, masked, ciphertext = row
        self.assertEqual((kind, masked), ("user", data["masked"]))
        self.assertIsInstance(ciphertext, bytes)
        self.assertGreaterEqual(len(ciphertext), len(token) + 40, "nonce and MAC around the sealed token")
        self.assertNotIn(token.encode(), ciphertext)
        # Nowhere in the database files either (WAL included), nor any token sent so far.
        raw = b"".join(path.read_bytes() for path in pathlib.Path(self.server.dir).glob("db.sqlite*"))
        self.assertIn(b"at rest", raw, "the scan reaches the row itself")
        for sent in self.tokens_sent:
            self.assertNotIn(sent.encode(), raw)
        self.assertNotIn(token[6:-2].encode(), raw)

    def test_zz_logs_never_hold_a_token(self):
        # Runs last (unittest sorts by name), after every other test sent its tokens.
        analyst = self.new_key("analyst")
        data, _ = self.add_ok(analyst, name="logged?")
        self.server.request("DELETE", f"{PATH}/{data['id']}", key=analyst)
        self.assertGreater(len(self.tokens_sent), 10)
        logs = self.server.stderr() + self.server.stdout()
        self.assertIn("/api/v1/vk-tokens", logs, "requests are logged, so the check below means something")
        for sent in self.tokens_sent:
            self.assertNotIn(sent, logs)


if __name__ == "__main__":
    unittest.main()
