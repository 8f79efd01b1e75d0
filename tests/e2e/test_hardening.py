"""What a client may cost the server, with or without a key (docs/operations.md, "Limits"): connection
floods, unauthenticated bodies, rate and concurrency limits, event streams, TLS, headers and files."""
import http.client
import os
import random
import re
import resource
import select
import signal
import socket
import ssl
import stat
import string
import subprocess
import tempfile
import threading
import time
import unittest
import warnings

from harness import BINARY, Server, wait_for

MIB = 1024 * 1024


def rss_kib(pid):
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def status_of(raw):
    """The status code of a raw HTTP/1.1 response head."""
    match = re.match(rb"HTTP/1\.1 (\d{3}) ", raw)
    return int(match.group(1)) if match else None


def new_key(server, role):
    result = server.cli("api-keys", "create", "--role", role, "--name", f"e2e {role}")
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def key_id(server, name):
    listing = server.cli("api-keys", "list").stdout.splitlines()
    return [line.split("\t")[0] for line in listing if name in line][-1]


def assert_rate_limited(test, response):
    test.assertEqual(response.status, 429, response.body)
    test.assertEqual(response.json()["error"]["code"], "rate_limited")
    test.assertGreaterEqual(int(response.header("Retry-After")), 1)
    for name in ("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"):
        test.assertRegex(response.header(name) or "", r"^\d+$", name)


class ConnectionFloodTest(unittest.TestCase):
    FLOOD = 2000

    def setUp(self):
        self.limits = resource.getrlimit(resource.RLIMIT_NOFILE)
        soft, hard = self.limits
        wanted = self.FLOOD + 200
        if hard != resource.RLIM_INFINITY and hard < wanted:
            self.skipTest(f"this test opens {wanted} sockets; the hard descriptor limit is {hard}")
        resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, wanted), hard))
        self.flood = []

    def tearDown(self):
        for sock in self.flood:
            sock.close()
        resource.setrlimit(resource.RLIMIT_NOFILE, self.limits)

    def test_idle_flood_under_ulimit_1024_leaves_healthz_and_open_clients_served(self):
        # A header timeout longer than the test: only the connection cap can keep the server answering.
        server = Server(extra_env={"VKA_HEADER_TIMEOUT_SECONDS": "120"},
                        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (1024, 1024))).start()
        try:
            already_open = server.connection()
            self.assertEqual(server.request("GET", "/api/v1/tasks", conn=already_open).status, 200)
            for i in range(self.FLOOD):
                sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
                sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: flood\r\n")  # half a header, then nothing
                self.flood.append(sock)
                if i % 100 == 99:
                    self.assertEqual(self.healthz(server), 200, f"after {i + 1} connections")
            for _ in range(3):
                self.assertEqual(self.healthz(server), 200)
            self.assertEqual(server.request("GET", "/api/v1/tasks", conn=already_open).status, 200)
            already_open.close()
        finally:
            server.stop()
        self.assertLess(os.path.getsize(server.stderr_path), 64 * 1024, "the log must stay small")
        self.assertNotIn("accept failed", server.stderr())

    def test_out_of_descriptors_the_server_backs_off_and_says_so_once(self):
        # A cap above what ulimit allows: accept itself fails with EMFILE.
        server = Server(extra_env={"VKA_MAX_CONNECTIONS": "5000", "VKA_HEADER_TIMEOUT_SECONDS": "120"},
                        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (1024, 1024))).start()
        try:
            for _ in range(1500):
                sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
                sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: flood\r\n")
                self.flood.append(sock)
            conn = server.connection(timeout=30)
            conn.request("GET", "/healthz")
            self.assertEqual(conn.getresponse().status, 200)
            conn.close()
        finally:
            server.stop()
        self.assertLess(os.path.getsize(server.stderr_path), 64 * 1024, "the log must stay small")
        warnings = [line for line in server.stderr().splitlines() if "accept failed" in line]
        self.assertIn(len(warnings), (1, 2), warnings)  # at most one a minute

    @staticmethod
    def healthz(server):
        # Well within a second in a Release build; the margin is for sanitizer builds on a busy machine.
        conn = server.connection(timeout=5)
        try:
            conn.request("GET", "/healthz")
            return conn.getresponse().status
        finally:
            conn.close()


class UnauthenticatedBodyTest(unittest.TestCase):
    BODY = 90 * MIB

    def test_six_unauthenticated_90_mib_bodies_cost_only_their_headers(self):
        server = Server().start()
        try:
            pid = server.process.pid
            for _ in range(3):  # warm the handler threads and the pages an ordinary request touches
                server.request("POST", "/api/v1/analyze", {"texts": ["hello"]})
            idle = rss_kib(pid)
            peak = [idle]
            done = threading.Event()

            def sample():
                while not done.is_set():
                    peak[0] = max(peak[0], rss_kib(pid))
                    time.sleep(0.01)

            statuses = []
            sampler = threading.Thread(target=sample)
            sampler.start()
            clients = [threading.Thread(target=lambda: statuses.append(self.post_without_key(server.port)))
                       for _ in range(6)]
            for client in clients:
                client.start()
            for client in clients:
                client.join(120)
            done.set()
            sampler.join()
            self.assertEqual(statuses, [401] * 6)
            self.assertLess(peak[0] - idle, 50 * 1024, f"RSS grew from {idle} KiB to {peak[0]} KiB")
            self.assertEqual(server.request("GET", "/healthz", auth=False).status, 200)
        finally:
            server.stop()

    def post_without_key(self, port):
        """Sends the body as fast as the server takes it, until the server answers; returns the status."""
        with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
            sock.sendall(f"POST /api/v1/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         f"Content-Length: {self.BODY}\r\n\r\n".encode())
            sock.setblocking(False)
            chunk = b"a" * (256 * 1024)
            sent = 0
            while True:
                readable, writable, _ = select.select([sock], [sock] if sent < self.BODY else [], [], 30)
                if readable or not writable:
                    sock.setblocking(True)
                    return status_of(sock.recv(65536))
                try:
                    sent += sock.send(chunk[:self.BODY - sent])
                except BlockingIOError:
                    pass


class RateLimitTest(unittest.TestCase):
    def test_requests_per_minute_per_credential(self):
        server = Server(extra_env={"VKA_RATE_LIMIT": "20"}).start()
        try:
            statuses = [server.request("GET", "/api/v1/tasks").status for _ in range(20)]
            self.assertEqual(statuses, [200] * 20)
            # The bucket refills by one every 3 s, so one more may pass on a slow machine.
            refused = next((r for r in (server.request("GET", "/api/v1/tasks") for _ in range(3)) if r.status != 200),
                           None)
            self.assertIsNotNone(refused)
            assert_rate_limited(self, refused)
            self.assertEqual(refused.header("RateLimit-Limit"), "20")
            self.assertEqual(refused.header("RateLimit-Remaining"), "0")
            self.assertEqual(server.request("GET", "/healthz", auth=False).status, 200, "probes are never limited")
        finally:
            server.stop()

    def test_failed_authentication_backs_off_per_address(self):
        server = Server(extra_env={"VKA_FAILED_AUTH_LIMIT": "5"}).start()
        try:
            for i in range(5):
                self.assertEqual(server.request("GET", "/api/v1/tasks", key=f"vka_wrong_{i}").status, 401)
            assert_rate_limited(self, server.request("GET", "/api/v1/tasks", key="vka_wrong_again"))
            assert_rate_limited(self, server.request("GET", "/api/v1/tasks"))  # even a good key, while it lasts
            self.assertEqual(server.request("GET", "/api/v1/tasks", auth=False).status, 401,
                             "a request without a credential is not a failure")
        finally:
            server.stop()

    def test_concurrent_expensive_requests_per_credential(self):
        server = Server(extra_env={"VKA_EXPENSIVE_CONCURRENCY": "1"}).start()
        try:
            body = b'{"texts": ["first"]}'
            header = (f"POST /api/v1/analyze HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {server.admin_key}\r\n"
                      f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n").encode()

            def hold_the_slot():
                """The header alone takes the credential's one slot; the body follows later."""
                connection = socket.create_connection(("127.0.0.1", server.port), timeout=30)
                connection.sendall(header)
                return connection

            slow = hold_the_slot()
            try:
                refused = None
                for _ in range(400):  # a loaded machine may take a while to read the first header
                    response = server.request("POST", "/api/v1/analyze", {"texts": ["second"]})
                    if response.status == 429:
                        refused = response
                        break
                    if select.select([slow], [], [], 0)[0]:
                        # The header was read while a probe held the slot, and refused: hold it again.
                        slow.close()
                        slow = hold_the_slot()
                    time.sleep(0.05)
                self.assertIsNotNone(refused, "a second analyze must be refused while the first holds the slot")
                assert_rate_limited(self, refused)
                self.assertEqual(server.request("GET", "/api/v1/tasks").status, 200, "cheap requests go on")
                slow.sendall(body)
                self.assertEqual(status_of(slow.recv(65536)), 200)
            finally:
                slow.close()
            # The slot is given back as the first request ends, which may be just after its answer arrives.
            wait_for(lambda: server.request("POST", "/api/v1/analyze", {"texts": ["third"]}).status == 200, timeout=10)
        finally:
            server.stop()


class EventStreamTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # Viewers see every task here: the stream's key is a viewer's, and visibility is not what is tested.
        cls.server = Server(extra_env={"VKA_WORKERS": "0", "VKA_EVENT_STREAMS_PER_CREDENTIAL": "1",
                                       "VKA_VIEWERS_SEE_ALL": "true"}).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def open_stream(self, task_id, key):
        conn = self.server.connection(timeout=30)
        conn.request("GET", f"/api/v1/tasks/{task_id}/events", headers={"Authorization": f"Bearer {key}"})
        return conn, conn.getresponse()

    def test_streams_are_capped_per_credential(self):
        key = new_key(self.server, "analyst")
        task = self.server.create_task(key=key)
        conn, first = self.open_stream(task["id"], key)
        try:
            self.assertEqual(first.status, 200)
            other, second = self.open_stream(task["id"], key)
            other.close()
            self.assertEqual(second.status, 429)
        finally:
            conn.close()

    def test_a_revoked_keys_stream_ends(self):
        key = new_key(self.server, "viewer")
        task = self.server.create_task()
        conn, stream = self.open_stream(task["id"], key)
        try:
            self.assertEqual(stream.status, 200)
            seen = b""
            while b"task.created" not in seen:
                seen += stream.read1(65536)
            self.assertEqual(self.server.cli("api-keys", "revoke", key_id(self.server, "e2e viewer")).returncode, 0)
            rest = stream.read()  # returns only once the server ended the stream (the socket times out otherwise)
            self.assertNotIn(b"task.", rest)
        finally:
            conn.close()


class HeadersAndLabelsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(extra_env={"VKA_CORS_ORIGINS": "*"}).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_security_headers(self):
        response = self.server.request("GET", "/api/v1/tasks", headers={"Origin": "https://evil.example"})
        self.assertEqual(response.header("X-Content-Type-Options"), "nosniff")
        self.assertEqual(response.header("Cache-Control"), "no-store")
        self.assertEqual(response.header("Referrer-Policy"), "no-referrer")
        self.assertEqual(response.header("Access-Control-Allow-Origin"), "*")
        self.assertIsNone(response.header("Access-Control-Allow-Credentials"))

    def test_errors_do_not_echo_the_request(self):
        missing = self.server.request("GET", "/api/v1/%3Cscript%3Ealert(1)%3C/script%3E")
        self.assertEqual(missing.status, 404)
        self.assertNotIn(b"script", missing.body.lower())
        invalid = self.server.request("GET", "/api/v1/<script>alert(1)</script>")
        self.assertEqual(invalid.status, 400)
        self.assertNotIn(b"script", invalid.body.lower())

    def test_metrics_labels_come_from_closed_sets(self):
        invented = []
        for _ in range(20):
            method = "".join(random.choices(string.ascii_uppercase, k=2000))
            invented.append(method)
            with socket.create_connection(("127.0.0.1", self.server.port), timeout=10) as sock:
                sock.sendall(f"{method} /api/v1/{method.lower()} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
                sock.recv(65536)
        metrics = self.server.request("GET", "/metrics", auth=False).body.decode()
        self.assertIn('method="other"', metrics)
        for method in invented:
            self.assertNotIn(method[:40], metrics)
            self.assertNotIn(method[:40].lower(), metrics)
        self.assertLess(len(metrics), 256 * 1024)


class FilesAndKeysTest(unittest.TestCase):
    def test_database_files_are_private(self):
        server = Server().start()
        try:
            server.create_task()
            database = f"{server.dir}/db.sqlite"
            for path in (database, database + "-wal", database + "-shm"):
                if os.path.exists(path):
                    self.assertEqual(stat.S_IMODE(os.stat(path).st_mode) & 0o077, 0, path)
            self.assertTrue(os.path.exists(database + "-wal"))
        finally:
            server.stop()

    def test_a_short_admin_key_is_refused_at_start(self):
        short = "short-admin-key-0123456789abcd"  # 30 characters
        server = Server(admin_key=short).start(wait=False)
        self.assertEqual(server.process.wait(30), 2)
        self.assertIn("at least 32", server.stderr())
        self.assertNotIn(short, server.stderr() + server.stdout())

    def test_the_demo_simulator_keeps_its_debugging_routes_off_and_can_grow(self):
        server = Server(args=["--demo"]).start()
        try:
            deadline = time.time() + 10
            while not (found := re.search(r"http://127\.0\.0\.1:(\d+)/method", server.stderr())):
                self.assertLess(time.time(), deadline, "the demo logs its simulator's address")
                time.sleep(0.1)
            sim = http.client.HTTPConnection("127.0.0.1", int(found.group(1)), timeout=10)
            for path in ("/_sim/stats", "/_sim/truth"):
                sim.request("GET", path)
                self.assertEqual(sim.getresponse().status, 404, path)
            sim.request("POST", "/_sim/grow", body="not JSON")  # the demo grows its data to show a refresh
            answer = sim.getresponse()
            self.assertEqual(answer.status, 400)
            self.assertIn(b"the body is not JSON", answer.read())
        finally:
            server.stop()


def make_certificate(directory, name):
    cert, key = f"{directory}/{name}.crt", f"{directory}/{name}.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={name}",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert],
                   check=True, capture_output=True)
    return cert, key


class TlsTest(unittest.TestCase):
    def test_https_with_reload_on_sighup(self):
        directory = tempfile.mkdtemp(prefix="vka-e2e-tls-")
        cert, key = make_certificate(directory, "first")
        context = ssl.create_default_context(cafile=cert)
        server = Server(extra_env={"VKA_TLS_CERT_FILE": cert, "VKA_TLS_KEY_FILE": key}, tls_context=context).start()
        try:
            self.assertEqual(server.request("GET", "/api/v1/tasks").status, 200)
            conn = server.connection()
            conn.connect()
            self.assertIn(conn.sock.version(), ("TLSv1.2", "TLSv1.3"))
            conn.close()

            # A client that really offers TLS 1.1 (OpenSSL 3 needs security level 0 for it): the server's
            # protocol_version alert refuses it, not the client's own configuration.
            old = ssl.create_default_context(cafile=cert)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)  # TLS 1.1 is deprecated: that is the point
                old.maximum_version = ssl.TLSVersion.TLSv1_1
                old.minimum_version = ssl.TLSVersion.MINIMUM_SUPPORTED
            old.set_ciphers("DEFAULT:@SECLEVEL=0")
            with self.assertRaises(ssl.SSLError) as refused:
                with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
                    old.wrap_socket(sock, server_hostname="127.0.0.1")
            self.assertEqual(refused.exception.reason, "TLSV1_ALERT_PROTOCOL_VERSION", refused.exception)

            with socket.create_connection(("127.0.0.1", server.port), timeout=10) as plain:
                plain.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                try:
                    answer = plain.recv(65536)
                except ConnectionResetError:
                    answer = b""
                self.assertIsNone(status_of(answer), "plain HTTP gets no HTTP answer")

            second_cert, second_key = make_certificate(directory, "second")
            os.replace(second_cert, cert)
            os.replace(second_key, key)
            server.process.send_signal(signal.SIGHUP)
            server.tls_context = ssl.create_default_context(cafile=cert)
            deadline = time.time() + 10
            while True:
                try:
                    self.assertEqual(server.request("GET", "/healthz", auth=False).status, 200)
                    break
                except ssl.SSLError:
                    self.assertLess(time.time(), deadline, "the new certificate is served after SIGHUP")
                    time.sleep(0.1)
            self.assertIsNone(server.process.poll(), "SIGHUP does not stop serve")
        finally:
            server.stop()


if __name__ == "__main__":
    unittest.main()
