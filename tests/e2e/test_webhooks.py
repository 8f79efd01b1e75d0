"""Webhooks end to end: a local receiver gets the signed events of a collected task, a failed call is retried,
deliveries are listed on the task and survive a restart, private addresses need VKA_WEBHOOK_ALLOW_PRIVATE, and
the secret is shown once and never again (nor in the log)."""
import hashlib
import hmac
import http.server
import json
import threading
import unittest

from harness import Server, Simulator, wait_for, walk_all

SIM_ARGS = ("--seed", "3", "--communities", "4", "--posts", "2", "--comments-mean", "3", "--rps", "20")


class Receiver:
    """An HTTP server on 127.0.0.1 that records every POST and answers with the next of `statuses` (then 200)."""

    def __init__(self, statuses=()):
        self.calls = []
        self.statuses = list(statuses)
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                receiver.calls.append({"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()},
                                       "body": body})
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path="/hook"):
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def open_community(sim):
    """A community whose posts and comments can all be read, so that its task ends as completed."""
    return next(c["id"] for c in sim.truth()["communities"]
                if c["is_closed"] == 0 and not c["deactivated"] and not c["comments_closed"])


def signature(secret, body):
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


class WebhookDeliveryTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.sim = Simulator(*SIM_ARGS).start()
        cls.community = open_community(cls.sim)
        cls.server = Server(extra_env={"VKA_VK_API_URL": cls.sim.url, "VKA_VK_TOKEN": "e2e-token",
                                       "VKA_WORKERS": "2", "VKA_WEBHOOK_ALLOW_PRIVATE": "true"}).start()
        cls.receiver = Receiver()
        cls.failing_once = Receiver(statuses=[500])
        cls.created = cls.server.create_task({"groups": [cls.community], "webhook": {"url": cls.receiver.url()}})
        cls.retried = cls.server.create_task({"groups": [cls.community],
                                              "webhook": {"url": cls.failing_once.url("/retry")}})
        wait_for(lambda: cls.receiver.calls, timeout=120)
        wait_for(lambda: len(cls.failing_once.calls) >= 2, timeout=120)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.sim.stop()
        cls.receiver.stop()
        cls.failing_once.stop()

    def deliveries(self, task_id):
        return walk_all(self.server, f"/api/v1/tasks/{task_id}/webhook-deliveries")

    def test_the_creation_response_shows_the_secret_once(self):
        secret = self.created["webhook"]["secret"]
        self.assertRegex(secret, r"^[0-9a-f]{64}$")
        self.assertEqual(self.created["webhook"]["url"], self.receiver.url())
        self.assertNotEqual(secret, self.retried["webhook"]["secret"])
        again = self.server.request("GET", f"/api/v1/tasks/{self.created['id']}").json()["data"]
        self.assertEqual(again["webhook"], {"url": self.receiver.url()})
        listed = [t for t in walk_all(self.server, "/api/v1/tasks") if t["id"] == self.created["id"]]
        self.assertEqual(listed[0]["webhook"], {"url": self.receiver.url()})

    def test_a_completed_task_is_delivered_signed_with_its_secret(self):
        call = self.receiver.calls[0]
        self.assertEqual(call["path"], "/hook")
        self.assertEqual(call["headers"]["content-type"], "application/json")
        self.assertEqual(call["headers"]["x-vka-event"], "task.completed")
        self.assertEqual(call["headers"]["x-vka-signature"], signature(self.created["webhook"]["secret"], call["body"]))
        self.assertNotEqual(call["headers"]["x-vka-signature"], signature(self.retried["webhook"]["secret"],
                                                                          call["body"]))
        event = json.loads(call["body"])
        self.assertEqual(set(event), {"event", "task", "at"})
        self.assertEqual(event["event"], "task.completed")
        task = self.server.request("GET", f"/api/v1/tasks/{self.created['id']}").json()["data"]
        self.assertEqual(event["task"], task)
        self.assertEqual(event["task"]["status"], "completed")
        self.assertEqual(event["at"], task["finished_at"])

    def test_a_failed_call_is_retried_with_the_same_delivery_and_body(self):
        first, second = self.failing_once.calls[:2]
        self.assertEqual(first["headers"]["x-vka-delivery"], second["headers"]["x-vka-delivery"])
        self.assertEqual(first["body"], second["body"])
        self.assertEqual(second["headers"]["x-vka-signature"], signature(self.retried["webhook"]["secret"],
                                                                         second["body"]))
        deliveries = wait_for(lambda: [d for d in self.deliveries(self.retried["id"]) if d["status"] == "delivered"])
        self.assertEqual(len(deliveries), 1)
        delivery = deliveries[0]
        self.assertEqual(delivery["id"], second["headers"]["x-vka-delivery"])
        self.assertEqual((delivery["event"], delivery["attempts"], delivery["last_status_code"]),
                         ("task.completed", 2, 200))
        self.assertIsNone(delivery["next_attempt_at"])
        self.assertIsNotNone(delivery["delivered_at"])

    def test_each_delivery_has_its_own_id(self):
        ids = {calls[0]["headers"]["x-vka-delivery"] for calls in (self.receiver.calls, self.failing_once.calls)}
        self.assertEqual(len(ids), 2)
        listed = self.deliveries(self.created["id"])
        self.assertEqual([(d["status"], d["attempts"], d["last_status_code"]) for d in listed], [("delivered", 1, 200)])
        self.assertEqual(listed[0]["id"], self.receiver.calls[0]["headers"]["x-vka-delivery"])

    def test_a_refresh_is_delivered_as_task_refreshed(self):
        task = self.server.create_task({"groups": [self.community], "webhook": {"url": self.receiver.url("/r")}})
        def calls(event):
            return [c for c in self.receiver.calls if c["path"] == "/r" and c["headers"]["x-vka-event"] == event]
        wait_for(lambda: calls("task.completed"), timeout=120)
        response = self.server.request("POST", f"/api/v1/tasks/{task['id']}/refresh")
        self.assertEqual(response.status, 202, response.body)
        refreshed = wait_for(lambda: calls("task.refreshed"), timeout=120)[0]
        self.assertEqual(refreshed["headers"]["x-vka-signature"],
                         signature(task["webhook"]["secret"], refreshed["body"]))
        event = json.loads(refreshed["body"])
        self.assertEqual(event["event"], "task.refreshed")
        self.assertEqual(event["at"], event["task"]["last_refreshed_at"])
        self.assertEqual([d["event"] for d in self.deliveries(task["id"])], ["task.refreshed", "task.completed"])

    def test_patch_sets_and_clears_the_webhook_and_audits_it(self):
        task = self.server.create_task({"groups": [self.community]})
        self.assertIsNone(task["webhook"])
        response = self.server.request("PATCH", f"/api/v1/tasks/{task['id']}",
                                       {"webhook": {"url": self.receiver.url("/p")}})
        self.assertEqual(response.status, 200, response.body)
        secret = response.json()["data"]["webhook"]["secret"]
        self.assertRegex(secret, r"^[0-9a-f]{64}$")
        shown = self.server.request("GET", f"/api/v1/tasks/{task['id']}").json()["data"]
        self.assertEqual(shown["webhook"], {"url": self.receiver.url("/p")})
        cleared = self.server.request("PATCH", f"/api/v1/tasks/{task['id']}", {"webhook": None})
        self.assertEqual(cleared.status, 200, cleared.body)
        self.assertIsNone(cleared.json()["data"]["webhook"])
        self.assertIsNone(self.server.request("GET", f"/api/v1/tasks/{task['id']}").json()["data"]["webhook"])
        audit = walk_all(self.server, "/api/v1/audit")
        changes = [e for e in audit if e["action"] == "task.updated" and e["target"] == task["id"]]
        self.assertEqual(len(changes), 2)
        self.assertNotIn(secret, json.dumps(audit))

    def test_patch_refuses_what_it_does_not_know(self):
        task_id = self.created["id"]
        for body in ({"hook": {"url": self.receiver.url()}},
                     {"webhook": {"url": self.receiver.url(), "secret": "mine"}},
                     {"webhook": "http://example.com/"},
                     {"name": "renamed", "webhook": {"url": "ftp://example.com/"}}):
            response = self.server.request("PATCH", f"/api/v1/tasks/{task_id}", body)
            self.assertEqual(response.status, 400, (body, response.body))
            self.assertEqual(response.json()["error"]["code"], "validation_failed")
        shown = self.server.request("GET", f"/api/v1/tasks/{task_id}").json()["data"]
        self.assertEqual((shown["name"], shown["webhook"]), (self.created["name"], {"url": self.receiver.url()}))

    def test_patch_without_webhook_keeps_it_and_shows_no_secret(self):
        task = self.server.create_task({"groups": [self.community], "webhook": {"url": self.receiver.url("/k")}})
        response = self.server.request("PATCH", f"/api/v1/tasks/{task['id']}", {"name": "renamed"})
        self.assertEqual(response.status, 200, response.body)
        self.assertEqual(response.json()["data"]["name"], "renamed")
        self.assertEqual(response.json()["data"]["webhook"], {"url": self.receiver.url("/k")})

    def test_a_form_sets_the_webhook_with_webhook_url(self):
        boundary = "vka-e2e-boundary"
        parts = [("groups_file", str(self.community)), ("webhook_url", self.receiver.url("/form"))]
        body = "".join(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                       for name, value in parts) + f"--{boundary}--\r\n"
        response = self.server.request("POST", "/api/v1/tasks", body.encode(),
                                       {"Content-Type": f"multipart/form-data; boundary={boundary}"})
        self.assertEqual(response.status, 201, response.body)
        webhook = response.json()["data"]["webhook"]
        self.assertEqual(webhook["url"], self.receiver.url("/form"))
        self.assertRegex(webhook["secret"], r"^[0-9a-f]{64}$")

    def test_no_secret_in_the_log(self):
        log = self.server.stdout() + self.server.stderr()
        self.assertIn("webhook delivery", log)
        for task in (self.created, self.retried):
            self.assertNotIn(task["webhook"]["secret"], log)


class RestartTest(unittest.TestCase):
    def test_a_pending_delivery_is_sent_by_the_next_server_process(self):
        sim = Simulator(*SIM_ARGS).start()
        receiver = Receiver(statuses=[500] * 100)
        env = {"VKA_VK_API_URL": sim.url, "VKA_VK_TOKEN": "e2e-token", "VKA_WEBHOOK_ALLOW_PRIVATE": "true"}
        try:
            server = Server(extra_env=env).start()
            try:
                task = server.create_task({"groups": [open_community(sim)], "webhook": {"url": receiver.url()}})
                wait_for(lambda: receiver.calls, timeout=120)
            finally:
                server.stop()
            receiver.statuses.clear()
            again = Server(extra_env=env)
            again.dir, again.env, again.port = server.dir, server.env, server.port
            again.stdout_path, again.stderr_path = f"{server.dir}/stdout2.log", f"{server.dir}/stderr2.log"
            again.start()
            try:
                path = f"/api/v1/tasks/{task['id']}/webhook-deliveries"
                delivered = wait_for(lambda: [d for d in walk_all(again, path) if d["status"] == "delivered"],
                                     timeout=120)
            finally:
                again.stop()
            self.assertEqual(len(delivered), 1)
            self.assertGreaterEqual(delivered[0]["attempts"], 2)
            self.assertEqual(delivered[0]["last_status_code"], 200)
            self.assertEqual({c["headers"]["x-vka-delivery"] for c in receiver.calls}, {delivered[0]["id"]})
            self.assertEqual(receiver.calls[-1]["headers"]["x-vka-signature"],
                             signature(task["webhook"]["secret"], receiver.calls[-1]["body"]))
        finally:
            receiver.stop()
            sim.stop()


class PrivateAddressTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server().start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_private_and_malformed_urls_are_refused(self):
        before = walk_all(self.server, "/api/v1/tasks")
        for url in ("http://127.0.0.1:9/hook", "http://localhost/hook", "http://10.1.2.3/", "http://169.254.169.254/",
                    "http://[::1]/", "http://[fd00::1]/", "http://192.168.1.1/", "ftp://example.com/",
                    "https://user:pass@example.com/", "not a url", "http://example.com/#fragment"):
            response = self.server.request("POST", "/api/v1/tasks", {"groups": [1], "webhook": {"url": url}})
            self.assertEqual(response.status, 400, (url, response.body))
            error = response.json()["error"]
            self.assertEqual(error["code"], "validation_failed")
            self.assertEqual([d["field"] for d in error["details"]], ["webhook.url"], url)
        self.assertEqual(walk_all(self.server, "/api/v1/tasks"), before)

    def test_a_private_url_in_patch_is_refused(self):
        task = self.server.create_task({"groups": [1]})
        response = self.server.request("PATCH", f"/api/v1/tasks/{task['id']}",
                                       {"webhook": {"url": "http://127.0.0.1/"}})
        self.assertEqual(response.status, 400, response.body)
        self.assertIn("VKA_WEBHOOK_ALLOW_PRIVATE", response.json()["error"]["details"][0]["problem"])


if __name__ == "__main__":
    unittest.main()
