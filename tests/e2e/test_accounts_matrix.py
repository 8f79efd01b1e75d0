"""Access matrix end to end: every route x every kind of caller x {session cookie, bearer key} -> exact status.

Callers: admin, the analyst who owns the task, another analyst, a viewer the task is shared with, a viewer it is
not shared with, a disabled user, an expired key (a signed-out session for cookies), a revoked key (a session of
a user whose password was reset, for cookies) and no credential at all.
"""
import sqlite3
import time
import unittest

from accounts import create_key, create_user, sign_in
from harness import Server

PASSWORD = "correct horse battery staple"

ADMIN, OWNER, OTHER, VSHARED, VPLAIN, DISABLED, EXPIRED, REVOKED, NOBODY = (
    "admin", "owner", "other", "viewer_shared", "viewer_plain", "disabled", "expired", "revoked", "nobody")
DEAD = (DISABLED, EXPIRED, REVOKED, NOBODY)


class Caller:
    def __init__(self, server, session=None, key=None):
        self.server, self.session, self.key = server, session, key

    def headers(self, method):
        if self.session:
            headers = {"Cookie": f"vka_session={self.session.cookie}"}
            if method != "GET":
                headers["X-CSRF-Token"] = self.session.csrf_token
            return headers
        return {"Authorization": f"Bearer {self.key}"} if self.key else {}

    def request(self, method, path, body=None):
        return self.server.request(method, path, body, headers=self.headers(method), auth=False)

    def stream_status(self, path):
        """The status of a streamed GET (Server-Sent Events), without waiting for its endless body."""
        conn = self.server.connection()
        try:
            conn.request("GET", path, headers=self.headers("GET"))
            return conn.getresponse().status
        finally:
            conn.close()


class AccessMatrixTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # Every route is tried with the dead credentials too: more than the default failed-authentication
        # limit of one address within 5 minutes, which test_hardening tests on its own.
        cls.server = Server(args=["--workers", "0", "--failed-auth-limit", "1000"]).start()
        s = cls.server
        cls.users = {name: create_user(s, name.replace("_", "-"), role, PASSWORD) for name, role in (
            (ADMIN, "admin"), (OWNER, "analyst"), (OTHER, "analyst"), (VSHARED, "viewer"), (VPLAIN, "viewer"),
            (DISABLED, "analyst"), (REVOKED, "analyst"))}
        sessions = {name: sign_in(s, user["username"], PASSWORD) for name, user in cls.users.items()}
        keys = {name: create_key(sessions[name])["key"] for name in cls.users}
        expiring = create_key(sessions[OWNER], expires_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 2)))
        revoked = create_key(sessions[REVOKED])
        assert sessions[REVOKED].request("DELETE", f"/api/v1/api-keys/{revoked['id']}").status == 204
        assert s.request("PATCH", f"/api/v1/users/{cls.users[REVOKED]['id']}", {"password": PASSWORD + "!"}).status == 200
        signed_out = sign_in(s, "owner", PASSWORD)
        assert signed_out.request("POST", "/api/v1/auth/logout").status == 204
        assert s.request("PATCH", f"/api/v1/users/{cls.users[DISABLED]['id']}", {"disabled": True}).status == 200
        cls.callers = {"cookie": {}, "bearer": {}}
        for name in cls.users:
            cls.callers["cookie"][name] = Caller(s, session=sessions[name])
            cls.callers["bearer"][name] = Caller(s, key=keys[name])
        cls.callers["cookie"][EXPIRED] = Caller(s, session=signed_out)
        cls.callers["bearer"][EXPIRED] = Caller(s, key=expiring["key"])
        cls.callers["bearer"][REVOKED] = Caller(s, key=revoked["key"])
        for mode in cls.callers:
            cls.callers[mode][NOBODY] = Caller(s)
        # The owner's task, shared with one viewer.
        cls.task = cls.owner_task()
        time.sleep(2.5)  # let the expiring key expire (it is checked against the clock)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    @classmethod
    def owner_task(cls):
        owner = Caller(cls.server, key=cls.callers["bearer"][OWNER].key)
        response = owner.request("POST", "/api/v1/tasks", {"groups": [1]})
        assert response.status == 201, response.body
        task = response.json()["data"]
        assert cls.server.request("PUT", f"/api/v1/tasks/{task['id']}/shares/{cls.users[VSHARED]['id']}").status == 204
        return task

    def check(self, method, path_for, expected, body_for=lambda: None, modes=("cookie", "bearer")):
        """expected: caller name -> status for the live callers; the dead ones are always 401."""
        for mode in modes:
            for name, caller in self.callers[mode].items():
                want = 401 if name in DEAD else expected[name]
                path = path_for(name) if callable(path_for) else path_for
                response = caller.request(method, path, body_for())
                self.assertEqual(response.status, want, f"{method} {path} as {name} by {mode}: {response.body[:300]}")
                if response.status >= 400:
                    self.assertIsNone(response.json()["data"])

    def everyone(self, status):
        return {name: status for name in (ADMIN, OWNER, OTHER, VSHARED, VPLAIN)}

    def visible(self, ok, shared_viewer=None):
        return {ADMIN: ok, OWNER: ok, OTHER: 404, VSHARED: shared_viewer or ok, VPLAIN: 404}

    def test_task_reads_follow_visibility(self):
        task = self.task["id"]
        for sub in ("", "/posts", "/comments", "/analytics"):
            self.check("GET", f"/api/v1/tasks/{task}{sub}", self.visible(200))
        self.check("GET", f"/api/v1/tasks/{task}/export?what=comments&format=ndjson", self.visible(200))
        self.check("GET", f"/api/v1/tasks/{task}/shares", self.visible(200, shared_viewer=403))
        self.check("GET", f"/api/v1/tasks/{task}/webhook-deliveries", self.visible(200, shared_viewer=403))
        for mode in ("cookie", "bearer"):
            for name, caller in self.callers[mode].items():
                want = 401 if name in DEAD else self.visible(200)[name]
                self.assertEqual(caller.stream_status(f"/api/v1/tasks/{task}/events"), want, (name, mode))

    def test_task_lists_show_what_each_caller_may_see(self):
        self.check("GET", "/api/v1/tasks", self.everyone(200))
        for mode in ("cookie", "bearer"):
            for name, sees in ((ADMIN, True), (OWNER, True), (OTHER, False), (VSHARED, True), (VPLAIN, False)):
                ids = [t["id"] for t in self.callers[mode][name].request("GET", "/api/v1/tasks?limit=1000").json()["data"]]
                self.assertEqual(self.task["id"] in ids, sees, (name, mode))

    def test_task_changes(self):
        self.check("POST", "/api/v1/tasks", {ADMIN: 201, OWNER: 201, OTHER: 201, VSHARED: 403, VPLAIN: 403},
                   body_for=lambda: {"groups": [1]})
        for action in ("pause", "cancel"):
            self.check("POST", lambda name: f"/api/v1/tasks/{self.owner_task()['id']}/{action}",
                       self.visible(200, shared_viewer=403))
        def paused_task():
            task = self.owner_task()
            assert self.server.request("POST", f"/api/v1/tasks/{task['id']}/pause").status == 200
            return task
        self.check("POST", lambda name: f"/api/v1/tasks/{paused_task()['id']}/resume", self.visible(200, shared_viewer=403))
        self.check("DELETE", lambda name: f"/api/v1/tasks/{self.owner_task()['id']}", self.visible(204, shared_viewer=403))
        self.check("PATCH", lambda name: f"/api/v1/tasks/{self.owner_task()['id']}", self.visible(200, shared_viewer=403),
                   body_for=lambda: {"name": "renamed", "schedule": {"every": "6h"}, "webhook": None})

    def test_refresh(self):
        def completed_task():
            # No workers here: the task is marked completed in the database, as a collection would leave it.
            task = self.owner_task()
            with sqlite3.connect(f"{self.server.dir}/db.sqlite") as db:
                db.execute("UPDATE tasks SET status = 'completed', started_at = created_at, finished_at = created_at WHERE id = ?", (task["id"],))
            return task
        self.check("POST", lambda name: f"/api/v1/tasks/{completed_task()['id']}/refresh",
                   self.visible(202, shared_viewer=403))
        # A queued task is still collecting: those who may change it learn so.
        self.check("POST", lambda name: f"/api/v1/tasks/{self.owner_task()['id']}/refresh",
                   self.visible(409, shared_viewer=403))

    def test_share_changes(self):
        viewer = self.users[VSHARED]["id"]
        self.check("PUT", lambda name: f"/api/v1/tasks/{self.owner_task()['id']}/shares/{self.users[OTHER]['id']}",
                   self.visible(204, shared_viewer=403))
        self.check("DELETE", lambda name: f"/api/v1/tasks/{self.owner_task()['id']}/shares/{viewer}",
                   self.visible(204, shared_viewer=403))

    def test_user_administration_is_for_admins(self):
        admins_only = lambda ok: {ADMIN: ok, OWNER: 403, OTHER: 403, VSHARED: 403, VPLAIN: 403}
        self.check("GET", "/api/v1/users", admins_only(200))
        self.check("GET", f"/api/v1/users/{self.users[OTHER]['id']}", admins_only(200))
        self.check("PATCH", f"/api/v1/users/{self.users[OTHER]['id']}", admins_only(200),
                   body_for=lambda: {"display_name": "Other Analyst"})
        counter = iter(range(1000))
        self.check("POST", "/api/v1/users", admins_only(201),
                   body_for=lambda: {"username": f"made-{next(counter)}", "password": PASSWORD, "role": "viewer"})

        def doomed(name):
            user = create_user(self.server, f"doomed-{name}-{next(counter)}", "viewer", PASSWORD)
            return f"/api/v1/users/{user['id']}"
        self.check("DELETE", doomed, admins_only(204))
        self.check("GET", "/api/v1/audit", admins_only(200))
        for mode in ("cookie", "bearer"):
            for name, caller in self.callers[mode].items():
                want = 401 if name in DEAD else admins_only(200)[name]
                self.assertEqual(caller.stream_status("/api/v1/audit/events"), want, (name, mode))

    def test_api_keys(self):
        self.check("GET", "/api/v1/api-keys", self.everyone(200))
        self.check("POST", "/api/v1/api-keys", self.everyone(201), body_for=lambda: {"name": "made in the matrix"})
        self.check("POST", "/api/v1/api-keys", {ADMIN: 201, OWNER: 403, OTHER: 403, VSHARED: 403, VPLAIN: 403},
                   body_for=lambda: {"name": "too high", "role": "admin"})
        owner_session = self.callers["cookie"][OWNER].session
        self.check("DELETE", lambda name: f"/api/v1/api-keys/{create_key(owner_session)['id']}",
                   {ADMIN: 204, OWNER: 204, OTHER: 404, VSHARED: 404, VPLAIN: 404})

    def test_vk_tokens_and_analysis(self):
        self.check("POST", "/api/v1/vk-tokens", {ADMIN: 201, OWNER: 201, OTHER: 201, VSHARED: 403, VPLAIN: 403},
                   body_for=lambda: {"name": "t", "token": "vk1.a." + "x" * 80, "kind": "user"})
        self.check("GET", "/api/v1/vk-tokens", {ADMIN: 200, OWNER: 200, OTHER: 200, VSHARED: 403, VPLAIN: 403})
        self.check("POST", "/api/v1/analyze", self.everyone(200), body_for=lambda: {"texts": ["хорошо"]})

    def test_session_routes(self):
        self.check("GET", "/api/v1/auth/session", self.everyone(200), modes=("cookie",))
        self.check("GET", "/api/v1/auth/session", self.everyone(401), modes=("bearer",))

    def test_z_own_password_and_logout_last(self):
        """Runs last (z): changing passwords and signing out end the sessions the other tests use."""
        passwords = {}
        for mode in ("cookie", "bearer"):
            for name, caller in self.callers[mode].items():
                current = passwords.get(name, PASSWORD)
                new = f"{current}+{mode}"
                response = caller.request("PATCH", "/api/v1/users/me/password",
                                          {"current_password": current, "new_password": new})
                self.assertEqual(response.status, 401 if name in DEAD else 204, (name, mode, response.body))
                if response.status == 204:
                    passwords[name] = new
        for name, user in self.users.items():
            if name in passwords:
                self.assertEqual(sign_in(self.server, user["username"], passwords[name]).request(
                    "POST", "/api/v1/auth/logout").status, 204)
        self.check("POST", "/api/v1/auth/logout", self.everyone(204), modes=("bearer",))


class CsrfTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(args=["--workers", "0"]).start()
        create_user(cls.server, "ann", "analyst", PASSWORD)
        cls.session = sign_in(cls.server, "ann", PASSWORD)
        cls.key = create_key(cls.session)["key"]

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_cookie_requests_with_unsafe_methods_need_the_token(self):
        for headers in ({}, {"X-CSRF-Token": "wrong"}, {"X-CSRF-Token": self.session.csrf_token + "x"}):
            for method, path, body in (("POST", "/api/v1/tasks", {"groups": [1]}), ("POST", "/api/v1/auth/logout", None),
                                       ("POST", "/api/v1/api-keys", {"name": "k"})):
                response = self.session.request(method, path, body, csrf=False, headers=headers)
                self.assertEqual(response.status, 403, (method, path, headers))
                self.assertEqual(response.json()["error"]["code"], "csrf_failed")
        self.assertEqual(self.session.request("GET", "/api/v1/tasks", csrf=False).status, 200, "reads need no token")
        self.assertEqual(self.session.request("POST", "/api/v1/tasks", {"groups": [1]}).status, 201)

    def test_bearer_requests_need_none(self):
        self.assertEqual(self.server.request("POST", "/api/v1/tasks", {"groups": [1]}, key=self.key).status, 201)

    def test_session_answers_the_same_token(self):
        data = self.session.request("GET", "/api/v1/auth/session").json()["data"]
        self.assertEqual(data["csrf_token"], self.session.csrf_token)
        self.assertEqual(data["user"]["username"], "ann")


class LoginThrottleTest(unittest.TestCase):
    def setUp(self):
        self.server = Server(args=["--workers", "0"]).start()
        for name in ("ann", "bob"):
            create_user(self.server, name, "analyst", PASSWORD)

    def tearDown(self):
        self.server.stop()

    def attempt(self, username, password):
        return self.server.request("POST", "/api/v1/auth/login", {"username": username, "password": password}, auth=False)

    def test_five_failures_for_a_username_then_429_even_with_the_right_password(self):
        for _ in range(5):
            self.assertEqual(self.attempt("ann", "wrong password!").status, 401)
        throttled = self.attempt("ann", PASSWORD)
        self.assertEqual(throttled.status, 429)
        self.assertEqual(throttled.json()["error"]["code"], "rate_limited")
        self.assertGreater(int(throttled.header("Retry-After")), 0)
        self.assertLessEqual(int(throttled.header("Retry-After")), 900)
        self.assertEqual(self.attempt("bob", PASSWORD).status, 200, "other usernames are not throttled")

    def test_twenty_failures_from_one_address_then_429(self):
        for i in range(20):
            self.assertEqual(self.attempt(f"nobody{i}", "wrong password!").status, 401)
        self.assertEqual(self.attempt("bob", PASSWORD).status, 429)

    def test_unknown_user_and_wrong_password_answer_alike(self):
        unknown, wrong = self.attempt("nobody", "wrong password!"), self.attempt("ann", "wrong password!")
        self.assertEqual((unknown.status, wrong.status), (401, 401))
        self.assertEqual(unknown.json()["error"], wrong.json()["error"])


if __name__ == "__main__":
    unittest.main()
