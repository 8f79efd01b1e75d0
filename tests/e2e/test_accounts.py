"""Accounts end to end: the users command, sessions, API keys, shares and the audit trail on the real binary."""
import json
import sqlite3
import subprocess
import unittest

from accounts import create_key, create_user, login, session_cookie, sign_in
from harness import BINARY, Server

PASSWORD = "correct horse battery staple"


class AccountsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(args=["--workers", "0"]).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def users_cli(self, *args, password=None):
        return subprocess.run([BINARY, "users", *args], env=self.server.env, input=password and password + "\n",
                              capture_output=True, text=True, timeout=60)

    def audit(self, **filters):
        query = "&".join(f"{k}={v}" for k, v in filters.items())
        return self.server.request("GET", f"/api/v1/audit?limit=1000&{query}").json()["data"]

    def test_users_command_reads_the_password_from_stdin_and_manages_accounts(self):
        made = self.users_cli("create", "Carol", "--role", "analyst", password=PASSWORD)
        self.assertEqual(made.returncode, 0, made.stderr)
        self.assertNotIn(PASSWORD, made.stdout + made.stderr)
        self.assertEqual(self.users_cli("create", "carol", "--role", "viewer", password=PASSWORD).returncode, 1,
                         "usernames are unique ignoring case")
        weak = self.users_cli("create", "dave", "--role", "viewer", password="qwertyuiop")
        self.assertEqual(weak.returncode, 1)
        self.assertIn("too common", weak.stderr)
        listed = self.users_cli("list").stdout
        self.assertIn("carol\tanalyst", listed)
        self.assertEqual(self.users_cli("set-role", "carol", "viewer").returncode, 0)
        session = sign_in(self.server, "CAROL", PASSWORD)
        self.assertEqual(session.request("GET", "/api/v1/auth/session").json()["data"]["user"]["role"], "viewer")
        new = PASSWORD + " again"
        self.assertEqual(self.users_cli("reset-password", "carol", password=new).returncode, 0)
        self.assertEqual(session.request("GET", "/api/v1/auth/session").status, 401, "a reset ends the sessions")
        session = sign_in(self.server, "carol", new)
        self.assertEqual(self.users_cli("disable", "carol").returncode, 0)
        self.assertEqual(session.request("GET", "/api/v1/auth/session").status, 401)
        self.assertEqual(login(self.server, "carol", new).status, 401)
        self.assertIn("(disabled)", self.users_cli("list").stdout)

    def test_passwords_are_checked_and_stored_as_argon2id(self):
        short = self.server.request("POST", "/api/v1/users", {"username": "eve", "password": "short", "role": "viewer"})
        self.assertEqual(short.status, 400)
        self.assertEqual(short.json()["error"]["details"][0]["field"], "password")
        common = self.server.request("POST", "/api/v1/users", {"username": "eve", "password": "Basketball", "role": "viewer"})
        self.assertEqual(common.status, 400)
        bad_name = self.server.request("POST", "/api/v1/users", {"username": "e", "password": PASSWORD, "role": "viewer"})
        self.assertEqual(bad_name.status, 400)
        create_user(self.server, "Eve", "viewer", PASSWORD)
        taken = self.server.request("POST", "/api/v1/users", {"username": "EVE", "password": PASSWORD, "role": "viewer"})
        self.assertEqual(taken.status, 409)
        with sqlite3.connect(f"{self.server.dir}/db.sqlite") as db:
            hashes = [row[0] for row in db.execute("SELECT password_hash FROM users")]
            sessions = [row[0] for row in db.execute("SELECT id_hash FROM sessions")]
        self.assertTrue(hashes)
        for stored in hashes:
            self.assertTrue(stored.startswith("$argon2id$"), stored)
        session = sign_in(self.server, "eve", PASSWORD)
        self.assertNotIn(session.cookie, sessions)

    def test_no_secret_in_responses_logs_or_the_audit_trail(self):
        user = create_user(self.server, "frank", "analyst", PASSWORD)
        response = login(self.server, "frank", PASSWORD)
        cookie, csrf = session_cookie(response), response.json()["data"]["csrf_token"]
        set_cookie = response.header("Set-Cookie")
        for attribute in ("HttpOnly", "SameSite=Strict", "Path=/"):
            self.assertIn(attribute, set_cookie)
        self.assertNotIn(PASSWORD, response.body.decode())
        self.assertNotIn(cookie, response.body.decode())
        self.assertNotIn(PASSWORD, str(user))
        self.assertEqual(login(self.server, "frank", "wrong password!").status, 401)
        trail = str(self.audit())
        log = self.server.stderr() + self.server.stdout()
        for secret in (PASSWORD, cookie, csrf, "wrong password!"):
            self.assertNotIn(secret, trail)
            self.assertNotIn(secret, log)

    def test_the_audit_trail_records_sign_ins_and_changes_with_their_request(self):
        user = create_user(self.server, "grace", "analyst", PASSWORD)
        self.assertEqual(login(self.server, "grace", "not her password").status, 401)
        session = sign_in(self.server, "grace", PASSWORD)
        task = session.request("POST", "/api/v1/tasks", {"groups": [1]}, headers={"X-Request-Id": "req-grace-1"})
        self.assertEqual(task.status, 201)
        task_id = task.json()["data"]["id"]
        self.assertEqual(session.request("DELETE", f"/api/v1/tasks/{task_id}").status, 204)
        self.assertEqual(session.request("POST", "/api/v1/auth/logout").status, 204)
        mine = self.audit(actor=user["id"])
        actions = [entry["action"] for entry in mine]
        self.assertEqual(actions[:4], ["auth.logout", "task.deleted", "task.created", "auth.login"], "newest first")
        created = mine[2]
        self.assertEqual((created["target"], created["request_id"], created["address"]), (task_id, "req-grace-1", "127.0.0.1"))
        self.assertEqual(created["actor"], {"type": "user", "id": user["id"]})
        failed = self.audit(action="auth.login_failed")
        self.assertIn("grace", [entry["target"] for entry in failed])
        self.assertTrue(any(e["action"] == "user.created" and e["target"] == user["id"] for e in self.audit()))

    def test_audit_pages_walk_every_entry_once(self):
        for i in range(3):
            create_user(self.server, f"paged{i}", "viewer", PASSWORD)
        seen, cursor = [], None
        while True:
            path = "/api/v1/audit?limit=2" + (f"&cursor={cursor}" if cursor else "")
            page = self.server.request("GET", path).json()
            seen += [entry["id"] for entry in page["data"]]
            cursor = page["meta"]["next_cursor"]
            if not cursor:
                break
        self.assertEqual(len(seen), len(set(seen)))
        self.assertEqual(len(seen), len(self.audit()))

    def audit_stream(self, last_event_id=None):
        conn = self.server.connection(timeout=30)
        headers = {"Authorization": f"Bearer {self.server.admin_key}"}
        if last_event_id is not None:
            headers["Last-Event-ID"] = str(last_event_id)
        conn.request("GET", "/api/v1/audit/events", headers=headers)
        response = conn.getresponse()
        self.assertEqual(response.status, 200)
        self.assertTrue(response.getheader("Content-Type").startswith("text/event-stream"))
        return conn, response

    @staticmethod
    def read_events_until(response, done):
        """Parses Server-Sent Events as they come until done(events) holds: [(id, type, data)]."""
        events, pending = [], b""
        while not done(events):
            pending += response.read1(65536)
            while b"\n\n" in pending:
                block, pending = pending.split(b"\n\n", 1)
                fields = dict(line.split(": ", 1) for line in block.decode().splitlines() if not line.startswith(":")
                              and ": " in line)
                if "event" in fields:
                    events.append((int(fields["id"]), fields["event"], json.loads(fields["data"])))
        return events

    def test_audit_events_stream_live_and_resume_after_the_last_id(self):
        conn, stream = self.audit_stream()
        try:
            user = create_user(self.server, "judith", "viewer", PASSWORD)
            made = lambda events: [e for e in events if e[1] == "audit.user.created" and e[2]["target"] == user["id"]]
            events = self.read_events_until(stream, made)
        finally:
            conn.close()
        ids = [event[0] for event in events]
        self.assertEqual(ids, list(range(1, len(ids) + 1)), "the whole trail, numbered without gaps, oldest first")
        seq, _, entry = made(events)[0]
        self.assertEqual((entry["action"], entry["seq"], entry["actor"]["type"]), ("user.created", seq, "api_key"))
        self.assertEqual(entry, {**[e for e in self.audit(action="user.created") if e["target"] == user["id"]][0],
                                 "seq": seq}, "the entry as GET /audit shows it")

        self.assertEqual(login(self.server, "judith", "not her password").status, 401)
        conn, stream = self.audit_stream(last_event_id=seq - 1)
        try:
            resumed = self.read_events_until(stream, lambda events: any(e[1] == "audit.auth.login_failed"
                                                                        and e[2]["target"] == "judith" for e in events))
        finally:
            conn.close()
        self.assertEqual(resumed[0][:2], (seq, "audit.user.created"), "resumes right after Last-Event-ID")
        self.assertNotIn(PASSWORD, str(resumed))
        self.assertNotIn("not her password", str(resumed))

    def test_api_keys_belong_to_their_user_and_show_their_last_use(self):
        create_user(self.server, "heidi", "analyst", PASSWORD)
        session = sign_in(self.server, "heidi", PASSWORD)
        key = create_key(session)
        self.assertTrue(key["key"].startswith("vka_"))
        self.assertEqual((key["role"], key["last_used_at"]), ("analyst", None))
        task = self.server.create_task(key=key["key"])
        mine = session.request("GET", "/api/v1/tasks").json()["data"]
        self.assertIn(task["id"], [t["id"] for t in mine], "the key acts as its user")
        listed = session.request("GET", "/api/v1/api-keys").json()["data"]
        self.assertEqual([k["id"] for k in listed], [key["id"]])
        self.assertNotIn("key", listed[0])
        self.assertIsNotNone(listed[0]["last_used_at"])
        everyone = self.server.request("GET", "/api/v1/api-keys?limit=1000").json()["data"]
        self.assertIn("owner", next(k for k in everyone if k["id"] == key["id"]))
        self.assertEqual(session.request("DELETE", f"/api/v1/api-keys/{key['id']}").status, 204)
        self.assertEqual(self.server.request("GET", "/api/v1/tasks", key=key["key"]).status, 401)
        past = session.request("POST", "/api/v1/api-keys", {"name": "k", "expires_at": "2001-01-01T00:00:00Z"})
        self.assertEqual(past.status, 400)

    def test_viewers_see_only_what_is_shared_with_them(self):
        owner = sign_in(self.server, create_user(self.server, "ivan", "analyst", PASSWORD)["username"], PASSWORD)
        viewer_user = create_user(self.server, "judy", "viewer", PASSWORD)
        viewer = sign_in(self.server, "judy", PASSWORD)
        task = owner.request("POST", "/api/v1/tasks", {"groups": [1]}).json()["data"]
        path = f"/api/v1/tasks/{task['id']}"
        self.assertEqual(viewer.request("GET", path).status, 404)
        self.assertEqual(owner.request("PUT", f"{path}/shares/{viewer_user['id']}").status, 204)
        self.assertEqual(viewer.request("GET", path).status, 200)
        shares = owner.request("GET", f"{path}/shares").json()["data"]
        self.assertEqual([s["user_id"] for s in shares], [viewer_user["id"]])
        self.assertEqual(viewer.request("POST", f"{path}/cancel").status, 403)
        self.assertEqual(owner.request("DELETE", f"{path}/shares/{viewer_user['id']}").status, 204)
        self.assertEqual(viewer.request("GET", path).status, 404)
        self.assertEqual(owner.request("PUT", f"{path}/shares/u_nobody").status, 404)


class ViewersSeeAllTest(unittest.TestCase):
    def test_the_setting_lets_viewers_read_every_task(self):
        server = Server(args=["--workers", "0"], extra_env={"VKA_VIEWERS_SEE_ALL": "true"}).start()
        try:
            create_user(server, "vera", "viewer", PASSWORD)
            task = server.create_task()
            self.assertEqual(sign_in(server, "vera", PASSWORD).request("GET", f"/api/v1/tasks/{task['id']}").status, 200)
        finally:
            server.stop()


if __name__ == "__main__":
    unittest.main()
