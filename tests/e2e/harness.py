"""End-to-end harness: runs the real vk-analytics binary and talks HTTP to it (stdlib only)."""
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.parse

BINARY = os.environ.get("VKA_BINARY", "vk-analytics")
ADMIN_KEY = "e2e-admin-key-0123456789abcdef-0123"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # lower-case name -> value (last wins)
        self.body = body

    def json(self):
        return json.loads(self.body)

    def header(self, name):
        return self.headers.get(name.lower())


class Server:
    """One `vk-analytics serve` process with its own database and data directory."""

    def __init__(self, extra_env=None, args=(), admin_key=ADMIN_KEY, preexec_fn=None, tls_context=None):
        """preexec_fn runs in the child before exec (resource limits); tls_context: talk HTTPS."""
        self.dir = tempfile.mkdtemp(prefix="vka-e2e-")
        self.preexec_fn = preexec_fn
        self.tls_context = tls_context
        self.port = free_port()
        self.admin_key = admin_key
        self.env = dict(os.environ)
        self.env.update({
            "VKA_DATABASE_URL": f"sqlite://{self.dir}/db.sqlite",
            "VKA_DATA_DIR": f"{self.dir}/data",
            "VKA_LISTEN": f"127.0.0.1:{self.port}",
            "VKA_LOG_LEVEL": "info",
        })
        if admin_key:
            self.env["VKA_ADMIN_API_KEY"] = admin_key
        self.env.update(extra_env or {})
        self.args = list(args)
        self.process = None
        self.stdout_path = f"{self.dir}/stdout.log"
        self.stderr_path = f"{self.dir}/stderr.log"

    def start(self, wait=True):
        with open(self.stdout_path, "wb") as out, open(self.stderr_path, "wb") as err:
            self.process = subprocess.Popen([BINARY, "serve", *self.args], env=self.env, stdin=subprocess.DEVNULL,
                                            stdout=out, stderr=err, preexec_fn=self.preexec_fn)
        if wait:
            self.wait_ready()
        return self

    def wait_ready(self, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}: {self.stderr()}")
            try:
                if self.request("GET", "/readyz", auth=False).status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError("server did not become ready")

    def stop(self, sig=signal.SIGTERM, timeout=20):
        if self.process and self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(timeout)
        return self.process.returncode

    def stdout(self):
        with open(self.stdout_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def stderr(self):
        with open(self.stderr_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def cli(self, *args):
        """Runs another subcommand against the same database and data directory."""
        return subprocess.run([BINARY, *args], env=self.env, capture_output=True, text=True, timeout=60)

    def connection(self, timeout=10):
        if self.tls_context:
            return http.client.HTTPSConnection("127.0.0.1", self.port, timeout=timeout, context=self.tls_context)
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None, auth=True, key=None, conn=None):
        all_headers = {}
        if auth:
            all_headers["Authorization"] = f"Bearer {key or self.admin_key}"
        if body is not None and not isinstance(body, (bytes, str)):
            body = json.dumps(body)
            all_headers["Content-Type"] = "application/json"
        all_headers.update(headers or {})
        own = conn is None
        conn = conn or self.connection()
        try:
            conn.request(method, path, body=body, headers=all_headers)
            raw = conn.getresponse()
            data = raw.read()
            return Response(raw.status, {k.lower(): v for k, v in raw.getheaders()}, data)
        finally:
            if own:
                conn.close()

    def create_task(self, body=None, key=None, **extra):
        response = self.request("POST", "/api/v1/tasks", body or {"groups": [1]}, key=key, **extra)
        assert response.status == 201, (response.status, response.body)
        return response.json()["data"]


class Simulator:
    """`vk-analytics vk-sim`: the built-in VK API simulator as its own process."""

    def __init__(self, *args):
        self.port = free_port()
        self.args = ["--listen", f"127.0.0.1:{self.port}", "--debug-routes", *args]
        self.process = None

    def start(self):
        self.process = subprocess.Popen([BINARY, "vk-sim", *self.args], stdin=subprocess.DEVNULL,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.process.stdout.readline()  # the base URL, once listening
        return self

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}/method"

    def get(self, path, timeout=30):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request("GET", path)
            return json.loads(conn.getresponse().read())
        finally:
            conn.close()

    def truth(self, timeout=30):
        """The whole dataset; the first call generates it, which takes minutes at a million comments."""
        return self.get("/_sim/truth", timeout)

    def stats(self):
        return self.get("/_sim/stats")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(20)
        if self.process and self.process.stdout:
            self.process.stdout.close()


def wait_for(predicate, timeout=120, interval=0.2):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError("condition not reached in time")


def iso(unix_seconds):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(unix_seconds))


def walk_all(server, path, limit=1000):
    """Every item of a cursor-paginated listing."""
    items, cursor = [], None
    while True:
        sep = "&" if "?" in path else "?"
        url = f"{path}{sep}limit={limit}" + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else "")
        response = server.request("GET", url)
        assert response.status == 200, (response.status, response.body)
        body = response.json()
        items += body["data"]
        cursor = body["meta"].get("next_cursor")
        if not cursor:
            return items


class Postgres:
    """A throwaway PostgreSQL 15 server in a temporary directory, like scripts/with-postgres."""

    def __init__(self):
        self.bin = os.environ.get("VKA_PG_BIN", "/usr/lib/postgresql/15/bin")
        self.dir = None
        self.port = None

    @property
    def url(self):
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, program, *args):
        command = [f"{self.bin}/{program}", *args]
        if os.geteuid() == 0:  # initdb refuses root
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, f"{program} failed ({result.returncode}): {result.stderr}{self._log()}"

    def _log(self):
        try:
            with open(f"{self.dir}/server.log", encoding="utf-8", errors="replace") as f:
                return f.read()[-4000:]
        except OSError:
            return ""

    def start(self):
        for program in ("initdb", "pg_ctl", "psql", "pg_dump"):
            assert os.access(f"{self.bin}/{program}", os.X_OK), \
                f"no PostgreSQL 15 in {self.bin} (run scripts/install-deps --test, or set VKA_PG_BIN)"
        self.dir = tempfile.mkdtemp(prefix="vka-e2e-pg-")
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        self.port = free_port()
        self._run("initdb", "-D", f"{self.dir}/data", "-U", "postgres", "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync")
        self._start_server()
        return self

    def _start_server(self):
        # Durability is off: the server and its data live only as long as the test.
        options = (f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off")
        self._run("pg_ctl", "-D", f"{self.dir}/data", "-l", f"{self.dir}/server.log", "-w", "-t", "60",
                  "-o", options, "start")

    def restart(self, while_down=None):
        """Stops the server (closing every client connection), calls while_down() if given, and starts it
        again on the same port with the same data."""
        self._run("pg_ctl", "-D", f"{self.dir}/data", "-m", "fast", "-w", "stop")
        try:
            if while_down:
                while_down()
        finally:
            self._start_server()

    def _client(self, program, *args):
        result = subprocess.run([f"{self.bin}/{program}", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                                 *args], stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, (program, args, result.stderr)
        return result.stdout

    def query(self, sql):
        """The rows of one SQL statement, each a list of column texts."""
        out = self._client("psql", "-X", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-d", "postgres", "-c", sql)
        return [line.split("\t") for line in out.splitlines() if line]

    def dump(self):
        """Everything the database holds, as SQL text."""
        return self._client("pg_dump", "-d", "postgres")

    def stop(self):
        if not self.dir:
            return
        try:
            self._run("pg_ctl", "-D", f"{self.dir}/data", "-m", "immediate", "stop")
        except AssertionError:
            pass  # already down
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir = None
