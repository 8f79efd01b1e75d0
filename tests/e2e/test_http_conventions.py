"""The contract's Conventions against the real binary: envelopes, ids, errors, limits, caching, compression."""
import gzip
import json
import re
import socket
import time
import unittest

from harness import Server

ENVELOPE_KEYS = {"data", "meta", "error"}


class ConventionsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(extra_env={"VKA_MAX_BODY_BYTES": "8192", "VKA_CORS_ORIGINS": "https://dash.example"}).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def assert_error(self, response, status, code):
        self.assertEqual(response.status, status, response.body)
        body = response.json()
        self.assertEqual(set(body), ENVELOPE_KEYS)
        self.assertIsNone(body["data"])
        self.assertEqual(body["error"]["code"], code)
        self.assertTrue(body["error"]["message"])
        self.assertEqual(body["meta"]["request_id"], response.header("X-Request-Id"))
        return body["error"]

    def test_success_is_an_envelope_with_request_id(self):
        response = self.server.request("GET", "/healthz", auth=False)
        self.assertEqual(response.status, 200)
        body = response.json()
        self.assertEqual(set(body), ENVELOPE_KEYS)
        self.assertIsNone(body["error"])
        self.assertRegex(response.header("X-Request-Id"), r"^[0-9a-f]{32}$")
        self.assertEqual(body["meta"]["request_id"], response.header("X-Request-Id"))

    def test_valid_request_id_is_echoed_and_invalid_one_replaced(self):
        echoed = self.server.request("GET", "/healthz", auth=False, headers={"X-Request-Id": "client-abc.123"})
        self.assertEqual(echoed.header("X-Request-Id"), "client-abc.123")
        self.assertEqual(echoed.json()["meta"]["request_id"], "client-abc.123")
        replaced = self.server.request("GET", "/healthz", auth=False, headers={"X-Request-Id": "bad id\twith space"})
        self.assertRegex(replaced.header("X-Request-Id"), r"^[0-9a-f]{32}$")

    def test_traceparent_continues_the_callers_trace(self):
        incoming = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
        response = self.server.request("GET", "/healthz", auth=False, headers={"traceparent": incoming})
        version, trace, span, flags = response.header("traceparent").split("-")
        self.assertEqual((version, trace, flags), ("00", "4bf92f3577b34da6a3ce929d0e0e4736", "01"))
        self.assertNotEqual(span, "00f067aa0ba902b7")
        fresh = self.server.request("GET", "/healthz", auth=False, headers={"traceparent": "garbage"})
        self.assertRegex(fresh.header("traceparent"), r"^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$")
        self.assertNotIn("4bf92f3577b34da6a3ce929d0e0e4736", fresh.header("traceparent"))

    def test_unknown_route_is_404_envelope(self):
        self.assert_error(self.server.request("GET", "/api/v1/nothing-here"), 404, "not_found")

    def test_wrong_method_is_405_with_allow(self):
        response = self.server.request("PUT", "/api/v1/tasks", {"groups": [1]})
        self.assert_error(response, 405, "method_not_allowed")
        self.assertEqual(set(response.header("Allow").split(", ")), {"GET", "HEAD", "POST"})

    def test_unauthenticated_and_bad_credentials_are_401(self):
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic abc"},
                        {"Authorization": "Bearer vka_" + "A" * 40}):
            response = self.server.request("GET", "/api/v1/tasks", auth=False, headers=headers)
            self.assert_error(response, 401, "unauthorized")
            self.assertEqual(response.header("WWW-Authenticate"), "Bearer")

    def test_open_endpoints_need_no_credential(self):
        for path in ("/healthz", "/readyz", "/metrics", "/api/v1/openapi.json"):
            self.assertEqual(self.server.request("GET", path, auth=False).status, 200, path)

    def test_openapi_document(self):
        document = self.server.request("GET", "/api/v1/openapi.json", auth=False).json()
        self.assertEqual(document["openapi"], "3.1.0")
        for path in ("/api/v1/tasks", "/api/v1/tasks/{id}", "/api/v1/tasks/{id}/cancel", "/healthz"):
            self.assertIn(path, document["paths"])

    def test_body_over_the_limit_is_413(self):
        response = self.server.request("POST", "/api/v1/tasks", b"{" + b" " * 9000 + b"}",
                                       headers={"Content-Type": "application/json"})
        self.assert_error(response, 413, "payload_too_large")

    def test_oversized_headers_are_rejected(self):
        response = self.server.request("GET", "/healthz", auth=False, headers={"X-Big": "a" * 20000})
        self.assertEqual(response.status, 431)
        self.assertEqual(response.json()["error"]["code"], "payload_too_large")

    def test_wrong_media_type_is_415_and_bad_json_400(self):
        response = self.server.request("POST", "/api/v1/tasks", b"groups=1",
                                       headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assert_error(response, 415, "unsupported_media_type")
        response = self.server.request("POST", "/api/v1/tasks", b"{\"groups\": [1,",
                                       headers={"Content-Type": "application/json"})
        self.assert_error(response, 400, "validation_failed")

    def test_unknown_json_fields_are_400(self):
        error = self.assert_error(self.server.request("POST", "/api/v1/tasks", {"groups": [1], "grups": [2]}),
                                  400, "validation_failed")
        self.assertEqual(error["details"], [{"field": "grups", "problem": "unknown field"}])

    def test_etag_and_304(self):
        task = self.server.create_task()
        first = self.server.request("GET", f"/api/v1/tasks/{task['id']}")
        tag = first.header("ETag")
        self.assertTrue(tag)
        again = self.server.request("GET", f"/api/v1/tasks/{task['id']}", headers={"If-None-Match": tag})
        self.assertEqual(again.status, 304)
        self.assertEqual(again.body, b"")
        other = self.server.request("GET", f"/api/v1/tasks/{task['id']}", headers={"If-None-Match": '"nope"'})
        self.assertEqual(other.status, 200)

    def test_large_responses_are_compressed_when_accepted(self):
        for _ in range(6):
            self.server.create_task({"groups": [1, 2, 3], "name": "x" * 150})
        plain = self.server.request("GET", "/api/v1/tasks?limit=6")
        self.assertGreater(len(plain.body), 1024)
        self.assertIsNone(plain.header("Content-Encoding"))
        zipped = self.server.request("GET", "/api/v1/tasks?limit=6", headers={"Accept-Encoding": "gzip"})
        self.assertEqual(zipped.header("Content-Encoding"), "gzip")
        self.assertIn("Accept-Encoding", zipped.header("Vary"))
        self.assertEqual(json.loads(gzip.decompress(zipped.body))["data"], plain.json()["data"])
        brotli = self.server.request("GET", "/api/v1/tasks?limit=6", headers={"Accept-Encoding": "gzip, br"})
        self.assertEqual(brotli.header("Content-Encoding"), "br")
        self.assertLess(len(brotli.body), len(plain.body))
        small = self.server.request("GET", "/healthz", auth=False, headers={"Accept-Encoding": "gzip"})
        self.assertIsNone(small.header("Content-Encoding"))

    def test_head_sends_headers_only(self):
        response = self.server.request("HEAD", "/healthz", auth=False)
        self.assertEqual(response.status, 200)
        self.assertEqual(response.body, b"")
        self.assertGreater(int(response.header("Content-Length")), 0)

    def test_cors(self):
        allowed = self.server.request("GET", "/healthz", auth=False, headers={"Origin": "https://dash.example"})
        self.assertEqual(allowed.header("Access-Control-Allow-Origin"), "https://dash.example")
        denied = self.server.request("GET", "/healthz", auth=False, headers={"Origin": "https://evil.example"})
        self.assertIsNone(denied.header("Access-Control-Allow-Origin"))
        preflight = self.server.request("OPTIONS", "/api/v1/tasks", auth=False, headers={
            "Origin": "https://dash.example", "Access-Control-Request-Method": "POST"})
        self.assertEqual(preflight.status, 204)
        self.assertIn("Idempotency-Key", preflight.header("Access-Control-Allow-Headers"))
        refused = self.server.request("OPTIONS", "/api/v1/tasks", auth=False, headers={
            "Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
        self.assertEqual(refused.status, 403)

    def test_keep_alive_and_pipelining(self):
        with socket.create_connection(("127.0.0.1", self.server.port), timeout=5) as sock:
            one = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Request-Id: first\r\n\r\n"
            two = b"GET /readyz HTTP/1.1\r\nHost: x\r\nX-Request-Id: second\r\n\r\n"
            sock.sendall(one + two)
            received = b""
            deadline = time.time() + 5
            while received.count(b"HTTP/1.1 200") < 2 and time.time() < deadline:
                received += sock.recv(65536)
        first, second = received.index(b"X-Request-Id: first"), received.index(b"X-Request-Id: second")
        self.assertLess(first, second)

    def test_metrics_count_requests_by_route_pattern(self):
        task = self.server.create_task()
        self.server.request("GET", f"/api/v1/tasks/{task['id']}")
        text = self.server.request("GET", "/metrics", auth=False).body.decode()
        self.assertRegex(text, r'vka_http_requests_total\{route="/api/v1/tasks/\{id\}",method="GET",status="200"\} \d+')
        self.assertIn("vka_http_request_duration_seconds_bucket", text)
        self.assertNotIn(task["id"], text)

    def test_access_log_has_one_json_line_per_request_and_no_secret(self):
        self.server.request("GET", "/api/v1/tasks?limit=1", headers={"X-Request-Id": "log-check-1"})
        time.sleep(0.2)
        lines = [json.loads(line) for line in self.server.stderr().splitlines() if line.startswith("{")]
        mine = [line for line in lines if line.get("request_id") == "log-check-1"]
        self.assertEqual(len(mine), 1)
        self.assertEqual(mine[0]["route"], "/api/v1/tasks")
        self.assertEqual(mine[0]["status"], 200)
        self.assertIn("duration_us", mine[0])
        self.assertNotIn(self.server.admin_key, self.server.stderr())
        self.assertNotIn("limit=1", self.server.stderr())


class TimeoutsTest(unittest.TestCase):
    def test_a_silent_client_is_disconnected(self):
        server = Server(extra_env={"VKA_IDLE_TIMEOUT_SECONDS": "1", "VKA_READ_TIMEOUT_SECONDS": "1",
                                   "VKA_HEADER_TIMEOUT_SECONDS": "1"}).start()
        try:
            with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
                started = time.time()
                self.assertEqual(sock.recv(1), b"")
                self.assertLess(time.time() - started, 5)
            with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
                sock.sendall(f"POST /api/v1/tasks HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {server.admin_key}\r\n"
                             "Content-Length: 100\r\n\r\n{".encode())
                started = time.time()
                while sock.recv(65536):
                    pass
                self.assertLess(time.time() - started, 5)
        finally:
            server.stop()


if __name__ == "__main__":
    unittest.main()
