"""Start-up checks, first start, CLI, and graceful shutdown of the real binary."""
import os
import re
import signal
import socket
import subprocess
import time
import unittest

from accounts import login, sign_in
from harness import BINARY, Server, free_port, wait_for


class StartupTest(unittest.TestCase):
    def run_serve(self, **env):
        server = Server(extra_env=env)
        process = subprocess.run([BINARY, "serve"], env=server.env, capture_output=True, text=True, timeout=30)
        return process

    def test_version_and_help(self):
        version = subprocess.run([BINARY, "--version"], capture_output=True, text=True)
        self.assertEqual(version.returncode, 0)
        self.assertRegex(version.stdout, r"^vk-analytics \d+\.\d+\.\d+")
        help_text = subprocess.run([BINARY, "--help"], capture_output=True, text=True).stdout
        for command in ("serve", "migrate", "api-keys"):
            self.assertIn(command, help_text)
        self.assertIn("Exit codes: 0 done; 1 failed at run time", help_text)

    def test_each_configuration_problem_is_one_line_and_exit_code_2(self):
        result = self.run_serve(VKA_LISTEN="nowhere", VKA_VK_API_URL="ftp://x", VKA_VK_RPS="0",
                                VKA_DATABASE_URL="mysql://db")
        self.assertEqual(result.returncode, 2)
        lines = result.stderr.strip().splitlines()
        for variable in ("VKA_LISTEN", "VKA_VK_API_URL", "VKA_VK_RPS", "VKA_DATABASE_URL"):
            self.assertEqual(len([line for line in lines if variable in line]), 1, (variable, lines))

    def test_unwritable_data_dir(self):
        blocker = Server().dir + "/file"
        open(blocker, "w").close()
        result = self.run_serve(VKA_DATA_DIR=blocker + "/sub")
        self.assertEqual(result.returncode, 2)
        self.assertIn("VKA_DATA_DIR", result.stderr)

    def test_port_in_use(self):
        with socket.socket() as busy:
            busy.bind(("127.0.0.1", 0))
            busy.listen()
            result = self.run_serve(VKA_LISTEN=f"127.0.0.1:{busy.getsockname()[1]}")
        self.assertEqual(result.returncode, 2)
        self.assertIn("already in use", result.stderr)

    def test_an_unreachable_database_is_a_failure_not_a_usage_error(self):
        url = f"postgresql://vka:secret@127.0.0.1:{free_port()}/vka"
        result = self.run_serve(VKA_DATABASE_URL=url)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("vk-analytics: database: ", result.stderr)
        self.assertNotIn("secret", result.stderr)

    def test_a_database_restored_without_its_secret_key_is_refused_with_a_hint(self):
        server = Server().start()
        key = server.cli("api-keys", "create", "--role", "viewer").stdout.strip()
        self.assertEqual(server.request("GET", "/api/v1/tasks", key=key).status, 200)
        server.stop()
        key_file = server.env["VKA_DATA_DIR"] + "/secret.key"
        os.rename(key_file, key_file + ".saved")  # the restore forgot it: a new one would be made
        for command in (["serve"], ["worker", "--workers", "1"], ["api-keys", "create", "--role", "viewer"]):
            result = subprocess.run([BINARY, *command], env=server.env, capture_output=True, text=True, timeout=30)
            self.assertEqual(result.returncode, 2, (command, result.stderr))
            self.assertIn("secret.key is not the key this database was used with", result.stderr, command)
            self.assertIn("Restore the secret.key", result.stderr, command)
            self.assertFalse(os.path.exists(key_file), "no new key is made in place of the missing one")
        with open(key_file, "wb") as other:
            other.write(os.urandom(32))
        os.chmod(key_file, 0o600)
        result = subprocess.run([BINARY, "serve"], env=server.env, capture_output=True, text=True, timeout=30)
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertIn("secret.key is not the key this database was used with", result.stderr)
        os.replace(key_file + ".saved", key_file)
        server.start()
        self.assertEqual(server.request("GET", "/api/v1/tasks", key=key).status, 200, "the old keys work again")
        server.stop()

    def test_bad_flag_is_usage_error(self):
        result = subprocess.run([BINARY, "serve", "--no-such-flag"], capture_output=True, text=True)
        self.assertEqual(result.returncode, 2)

    def test_first_start_prints_the_admin_password_once_and_not_to_the_log(self):
        server = Server(admin_key=None).start()
        try:
            line = wait_for(lambda: re.search(r"Sign in at http://127\.0\.0\.1:(\d+)/ as admin with password (\S+) "
                                              r"\(you will be asked to change it\)", server.stdout()), timeout=20)
            self.assertEqual(int(line.group(1)), server.port)
            password = line.group(2)
            self.assertNotIn(password, server.stderr())
            session = sign_in(server, "admin", password)
            me = session.request("GET", "/api/v1/auth/session").json()["data"]["user"]
            self.assertEqual((me["role"], me["must_change_password"]), ("admin", True))
            self.assertEqual(session.request("GET", "/api/v1/tasks").status, 403, "first, a new password")
            new = "a much better admin password"
            changed = session.request("PATCH", "/api/v1/users/me/password",
                                      {"current_password": password, "new_password": new})
            self.assertEqual(changed.status, 204)
            self.assertEqual(session.request("GET", "/api/v1/tasks").status, 200)
        finally:
            server.stop()
        again = Server(admin_key=None)
        again.dir, again.env, again.port = server.dir, server.env, server.port
        again.stdout_path = server.dir + "/stdout2.log"
        again.start()
        try:
            self.assertNotIn("password", again.stdout())
            self.assertEqual(login(again, "admin", new).status, 200)
        finally:
            again.stop()

    def test_migrate_command(self):
        server = Server()
        first = server.cli("migrate")
        self.assertEqual(first.returncode, 0, first.stderr)
        self.assertIn("0001", first.stdout)
        second = server.cli("migrate")
        self.assertIn("up to date", second.stdout)


class ShutdownTest(unittest.TestCase):
    def test_request_in_flight_finishes_and_new_connections_are_refused(self):
        server = Server(extra_env={"VKA_SHUTDOWN_SECONDS": "10"}).start()
        body = b'{"groups": [1], "name": "in flight"}'
        sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
        sock.sendall(b"POST /api/v1/tasks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Authorization: Bearer " + server.admin_key.encode() +
                     b"\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body[:5])
        time.sleep(0.3)
        server.process.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        with self.assertRaises(OSError):
            socket.create_connection(("127.0.0.1", server.port), timeout=2).close()
        self.assertIsNone(server.process.poll(), "server must wait for the request in flight")
        sock.sendall(body[5:])
        response = b""
        while b"\r\n\r\n" not in response or not response.rstrip().endswith(b"}"):
            chunk = sock.recv(65536)
            if not chunk:
                break
            response += chunk
        sock.close()
        self.assertTrue(response.startswith(b"HTTP/1.1 201"), response[:200])
        self.assertIn(b"Connection: close", response)
        self.assertEqual(server.process.wait(10), 0)
        self.assertIn("stopped", server.stderr())

    def test_idle_connections_do_not_delay_shutdown(self):
        server = Server().start()
        idle = socket.create_connection(("127.0.0.1", server.port), timeout=10)
        idle.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        idle.recv(65536)
        started = time.time()
        self.assertEqual(server.stop(), 0)
        self.assertLess(time.time() - started, 5)
        idle.close()


if __name__ == "__main__":
    unittest.main()
