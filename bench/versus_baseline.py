#!/usr/bin/env python3
"""vk-analytics side by side with the Express baseline (Express 5 + Sequelize + PostgreSQL, the system it
replaces), on the same data, the same machine and the same load generator, in one run:

    bench/versus_baseline.py --baseline DIR [--comments 1000000] [--duration 30] [--engines sqlite,postgres]

DIR is the Express baseline's directory (or VKA_BASELINE_DIR); its own scripts are invoked from a private copy:
pg.sh (one throwaway PostgreSQL cluster for both systems), load.js (the baseline's bulk load), bench.sh (wrk, one
JSON line per run), cursor-walk.js (the deep cursor) and foreign-cpu.js (CPU other processes used meanwhile).

The dataset: the simulator (`vk-analytics vk-sim`) generates one open community of about --comments comments;
vk-analytics collects it through the VK API at --rps requests/s (its ingest figure), and the baseline
loads exactly the rows vk-analytics must collect from the simulator's truth (its ingest figure is load.js's bulk
rate). The comment counts of both sides are checked to be equal.

Then per engine of vk-analytics (SQLite, then PostgreSQL in the baseline's cluster): the first analytics request
after collection (one request, timed), then with wrk, alternating between the two systems: analytics repeated,
a comments page of the most-commented post, the deep cursor of `sentiment=negative&sort=-date` and
`GET /tasks/{id}`. Prints the side-by-side table (ratio > 1: vk-analytics is faster) and the machine facts.
Stdlib only; reuses tests/e2e/harness.py and bench/collect_throughput.py."""
import argparse
import http.client
import json
import os
import secrets
import shutil
import shlex
import signal
import stat
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "e2e"))
import harness  # noqa: E402
import collect_throughput  # noqa: E402

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
BASELINE_TASK = "00000000-0000-4000-8000-000000000001"
SIM_TOKEN = "versus-token"
DOCS_BEGIN = "<!-- bench/versus_baseline.py --update-docs writes from here -->"
DOCS_END = "<!-- to here -->"
COMMUNITIES = 4  # the simulator's fewest: community 0 is open; 1-3 are private, banned, comments closed


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", default=os.environ.get("VKA_BASELINE_DIR"),
                        help="the Express baseline's directory (default: $VKA_BASELINE_DIR)")
    parser.add_argument("--binary", default=os.path.join(REPO, "build", "release", "vk-analytics"),
                        help="vk-analytics Release executable (default: %(default)s)")
    parser.add_argument("--comments", type=int, default=1_000_000, help="comments in the dataset (about)")
    parser.add_argument("--posts", type=int, default=1000, help="posts of the readable community")
    parser.add_argument("--seed", type=int, default=7, help="simulator seed")
    parser.add_argument("--rps", type=int, default=100, help="VK requests/s per token (simulator and service)")
    parser.add_argument("--engines", default="sqlite,postgres", help="vk-analytics engines, in order")
    parser.add_argument("--duration", type=int, default=30, help="seconds per measured wrk run")
    parser.add_argument("--warmup", type=int, default=10, help="seconds of wrk warm-up per endpoint and system")
    parser.add_argument("--repeat", type=int, default=1, help="measured runs per endpoint and system")
    parser.add_argument("--connections", type=int, default=50, help="wrk connections for pages and the task")
    parser.add_argument("--analytics-connections", type=int, default=8, help="wrk connections for analytics")
    parser.add_argument("--deep-pages", type=int, default=1000,
                        help="pages of 100 walked for the deep cursor (fewer if the shorter chain ends sooner)")
    parser.add_argument("--first-analytics-timeout", type=float, default=1800, help="seconds")
    parser.add_argument("--collect-timeout", type=float, default=3600, help="seconds")
    parser.add_argument("--pg-port", type=int, default=0, help="PostgreSQL port (default: a free one)")
    parser.add_argument("--workdir", help="scratch directory (default: a new temporary one, removed at the end)")
    parser.add_argument("--results", help="also append every measurement as a JSON line to this file")
    parser.add_argument("--update-docs", action="store_true",
                        help="also write the result into docs/benchmarks.md (its side-by-side section)")
    args = parser.parse_args()
    if not args.baseline or not os.path.isfile(os.path.join(args.baseline, "load.js")):
        parser.error("--baseline (or VKA_BASELINE_DIR) must name the Express baseline's directory")
    args.engines = [e for e in args.engines.split(",") if e]
    if not args.engines or any(e not in ("sqlite", "postgres") for e in args.engines):
        parser.error("--engines takes sqlite and/or postgres")
    return args


def log(message):
    print(f"[{time.strftime('%H:%M:%S', time.gmtime())}] {message}", file=sys.stderr, flush=True)


def load_average():
    with open("/proc/loadavg", encoding="ascii") as f:
        return " ".join(f.read().split()[:3])


def get_json(port, path, key, timeout=60):
    """(seconds, parsed body) of one authenticated GET."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        started = time.monotonic()
        conn.request("GET", path, headers={"Authorization": f"Bearer {key}"})
        response = conn.getresponse()
        body = response.read()
        seconds = time.monotonic() - started
    finally:
        conn.close()
    if response.status != 200:
        raise RuntimeError(f"GET {path}: HTTP {response.status}: {body[:300]!r}")
    return seconds, json.loads(body)


class Baseline:
    """The Express baseline, run from a private copy of its directory (with its npm dependencies)."""

    def __init__(self, source, workdir, key, pg_port):
        self.dir = os.path.join(workdir, "express-baseline")
        shutil.copytree(source, self.dir, ignore=shutil.ignore_patterns("node_modules", ".scratch", "*.log"))
        for root, dirs, files in os.walk(self.dir):  # the source may be read-only; npm ci writes here
            for path in [root] + [os.path.join(root, name) for name in files]:
                os.chmod(path, os.stat(path).st_mode | stat.S_IWUSR)
        self.pg_dir = os.path.join(workdir, "pg")
        self.pg_port = pg_port
        self.key = key
        self.port = harness.free_port()
        self.database_url = ""
        self.log_path = os.path.join(workdir, "express.log")
        self.server = None
        self.pg_started = False

    def run(self, *command, **env):
        """The stdout of one of the baseline's commands; its stderr goes to the work directory's express.log."""
        with open(self.log_path, "a", encoding="utf-8") as err:
            done = subprocess.run(command, cwd=self.dir, env=self.env(**env), text=True, stdin=subprocess.DEVNULL,
                                  stdout=subprocess.PIPE, stderr=err, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command[:2])} failed ({done.returncode}); see {self.log_path}")
        return done.stdout

    def env(self, **extra):
        return dict(os.environ, VKA_ADMIN_API_KEY=self.key, DATABASE_URL=self.database_url, **extra)

    def install(self):
        log("npm ci in the copy of the Express baseline")
        self.run("npm", "ci", "--prefer-offline", "--no-audit", "--no-fund")

    def start_postgres(self):
        self.pg_started = True
        out = self.run("./pg.sh", "start", self.pg_dir, str(self.pg_port))
        self.database_url = next(line.split("=", 1)[1] for line in out.splitlines() if line.startswith("DATABASE_URL="))
        return self.run("psql", self.database_url, "-Atc", "SHOW server_version").strip()

    def create_database(self, name):
        """A second database in the same cluster (pg.sh start on a running cluster only creates it)."""
        self.run("./pg.sh", "start", self.pg_dir, str(self.pg_port), name)
        return f"postgresql://postgres@127.0.0.1:{self.pg_port}/{name}"

    def postmaster_pid(self):
        with open(os.path.join(self.pg_dir, "data", "postmaster.pid"), encoding="ascii") as f:
            return int(f.readline())

    def load(self, truth_file):
        # The whole truth is one JSON document in memory: a million comments outgrow Node's default heap.
        out = self.run("node", "load.js", "--from-file", truth_file, "--reset", "--task-id", BASELINE_TASK,
                       NODE_OPTIONS="--max-old-space-size=8192")
        return json.loads(out.strip().splitlines()[-1])

    def start_server(self):
        log_path = os.path.join(os.path.dirname(self.dir), "express-server.out")
        with open(log_path, "wb") as out:
            self.server = subprocess.Popen(
                ["node", "server.js"], cwd=self.dir, stdin=subprocess.DEVNULL, stdout=out, stderr=out,
                env=self.env(PORT=str(self.port), HOST="127.0.0.1", CLUSTER_WORKERS="0",
                             LOG_FILE=os.path.join(os.path.dirname(self.dir), "express-server.log")))
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.server.poll() is not None:
                raise RuntimeError(f"the Express server exited with {self.server.returncode}; see {log_path}")
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
            try:
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    return
            except OSError:
                pass  # not listening yet
            finally:
                conn.close()
            time.sleep(0.2)
        raise RuntimeError("the Express server did not answer /healthz")

    def stop(self):
        if self.server and self.server.poll() is None:
            self.server.terminate()
            self.server.wait(30)
        if self.pg_started:
            subprocess.run(["./pg.sh", "stop", self.pg_dir], cwd=self.dir, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=False)

    def bench(self, port, path, seconds, connections):
        """bench.sh's JSON line for one wrk run against the server on `port`, with foreign-cpu.js's beside it: the
        CPU of processes that are neither this script's descendants (servers, simulator, wrk) nor PostgreSQL's."""
        own_pids = f"{os.getpid()},{self.postmaster_pid()}"
        cpu = subprocess.Popen(["node", "foreign-cpu.js", str(seconds), own_pids],
                               cwd=self.dir, stdout=subprocess.PIPE, text=True)
        try:
            line = self.run("./bench.sh", f"http://127.0.0.1:{port}", path, f"{seconds}s", str(connections))
        finally:
            cpu_line = cpu.communicate()[0]
        result = json.loads(line.strip().splitlines()[-1])
        result.update(json.loads(cpu_line or "{}"))
        return result

    def deep_cursor(self, port, path, pages):
        """(path of page pages+1, pages), or (None, pages the chain has) when it ends sooner."""
        walk = subprocess.run(["node", "cursor-walk.js", f"http://127.0.0.1:{port}", path, "--pages", str(pages)],
                              cwd=self.dir, env=self.env(), text=True, capture_output=True, check=False)
        if walk.returncode == 0:
            return walk.stdout.strip(), pages
        if "the chain ended after" not in walk.stderr:
            raise RuntimeError(f"cursor-walk.js failed: {walk.stderr.strip()[:300]}")
        return None, int(walk.stderr.split("the chain ended after")[1].split()[0])


def calibrated_simulator(args):
    """A running simulator whose open community holds about args.comments collectable comments. Replies make the
    total several times posts x comments-mean, so a probe on a tenth of the posts measures that factor first:
    the simulator holds its whole truth in memory (about 6 GB a million comments), and a probe at full size
    could take several times that."""
    def start(posts, mean):
        sim = harness.Simulator("--seed", str(args.seed), "--communities", str(COMMUNITIES), "--posts", str(posts),
                                "--comments-mean", f"{mean:.3f}", "--rps", str(args.rps), "--log-level", "warn",
                                "--token", SIM_TOKEN).start()
        try:
            return sim, sim.truth(timeout=1800)
        except BaseException:
            sim.stop()
            raise

    probe_posts, probe_mean = max(10, args.posts // 10), args.comments / args.posts
    probe, truth = start(probe_posts, probe_mean)
    probe.stop()
    per_post_and_mean = len(collect_throughput.expected_comments(truth, True)) / (probe_posts * probe_mean)
    mean = args.comments / (args.posts * per_post_and_mean)
    for attempt in (1, 2):  # few posts make the probe's factor rough: then scale once more at full size
        sim, truth = start(args.posts, mean)
        total = len(collect_throughput.expected_comments(truth, True))
        if attempt == 2 or abs(total - args.comments) <= 0.05 * args.comments:
            break
        sim.stop()
        mean *= args.comments / total
    log(f"simulator: {total} collectable comments ({args.posts} posts, comments-mean {mean:.1f}, seed {args.seed})")
    return sim, truth


def baseline_truth(truth, path):
    """Writes what vk-analytics must collect, in the shape load.js --from-file reads: the communities with open
    comments as `groups`, their posts, and their comments with the simulator's sentiment as `label`. The task names
    only those communities: a wall with comments closed would add an error per post to vk-analytics's task."""
    communities = [c for c in collect_throughput.readable_communities(truth) if not c["comments_closed"]]
    walls = {-c["id"] for c in communities}
    comments = collect_throughput.expected_comments(truth, True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump({
            "groups": [{k: c[k] for k in ("id", "screen_name", "name", "is_closed", "deactivated")} for c in communities],
            "posts": [p for p in truth["posts"] if p["owner_id"] in walls],
            "comments": [{**{k: v for k, v in c.items() if k not in ("author_name", "sentiment_label")},
                          "label": c["sentiment_label"]} for c in comments],
        }, f, ensure_ascii=False)
    return [c["id"] for c in communities], len(comments)


class Contender:
    """One system under test as wrk sees it: a port and a task."""

    def __init__(self, name, port, task_id):
        self.name, self.port, self.task_id = name, port, task_id

    def top_post_page(self, key):
        _, top = get_json(self.port, f"/api/v1/tasks/{self.task_id}/posts?sort=comments&limit=1", key)
        post = top["data"][0]
        return (f"/api/v1/tasks/{self.task_id}/comments?group_id={-post['owner_id']}&post_id={post['id']}"
                "&sort=date&limit=100")

    def negative_chain(self):
        return f"/api/v1/tasks/{self.task_id}/comments?sentiment=negative&sort=-date&limit=100"


def deep_paths(baseline, contenders, pages):
    """The deep-cursor path of each contender at the same depth: pages, or as deep as the shortest chain allows."""
    while True:
        paths = {}
        for c in contenders:
            path, available = baseline.deep_cursor(c.port, c.negative_chain(), pages)
            if path is None:
                if available < 2:
                    raise RuntimeError(f"{c.name}: the negative-sentiment chain has only {available} page(s)")
                pages = available - 1
                break
            paths[c.name] = path
        else:
            return paths, pages


def measure_pass(args, baseline, express, vka, engine, record):
    """Every wrk measurement of one engine pass, alternating the two systems run by run."""
    key = baseline.key
    specs = [("analytics", lambda c: f"/api/v1/tasks/{c.task_id}/analytics", args.analytics_connections),
             ("comments_by_post", lambda c: c.top_post_page(key), args.connections),
             ("comments_sentiment_deep", None, args.connections),
             ("task", lambda c: f"/api/v1/tasks/{c.task_id}", args.connections)]
    deep, depth = deep_paths(baseline, [express, vka], args.deep_pages)
    log(f"deep cursor: page {depth + 1} of the negative-sentiment chain")
    for name, path_of, connections in specs:
        paths = {c.name: (deep[c.name] if path_of is None else path_of(c)) for c in (express, vka)}
        for run in range(args.repeat):
            for c in ((express, vka) if run % 2 == 0 else (vka, express)):
                if run == 0 and args.warmup > 0:
                    baseline.bench(c.port, paths[c.name], args.warmup, connections)
                log(f"{engine}: {name} on {c.name}, run {run + 1}: {args.duration} s, {connections} connections "
                    f"(load {load_average()})")
                result = baseline.bench(c.port, paths[c.name], args.duration, connections)
                record({"engine": engine, "name": name, "system": c.name, "run": run + 1,
                        "load_average": load_average(), **({"deep_page": depth + 1} if path_of is None else {}),
                        **result})


def vka_server(args, engine, sim, baseline):
    """`vk-analytics serve` on SQLite (harness.Server's own file) or on a database of the baseline's cluster. Like
    the baseline, it admits every request wrk sends: no request-rate limit, and as many concurrent analytics
    requests per credential as wrk has connections."""
    env = {"VKA_VK_API_URL": sim.url, "VKA_VK_TOKEN": SIM_TOKEN, "VKA_VK_RPS": str(args.rps), "VKA_WORKERS": "2",
           "VKA_RATE_LIMIT": "0", "VKA_EXPENSIVE_CONCURRENCY": str(args.analytics_connections)}
    if engine == "postgres":
        env["VKA_DATABASE_URL"] = baseline.create_database("vka")
    server = harness.Server(extra_env=env, admin_key=baseline.key).start(wait=False)
    server.wait_ready(timeout=120)  # migrations on a loaded machine
    return server


def stop_vka(server):
    server.stop(timeout=120)
    shutil.rmtree(server.dir, ignore_errors=True)


def collect(args, sim, server, groups):
    """vk-analytics collects the dataset: (seconds, finished task) as bench/collect_throughput.py measures it."""
    options = argparse.Namespace(threads=True, timeout=args.collect_timeout, poll=0.05)
    seconds, task = collect_throughput.measure(sim, server, groups, options)
    if task["status"] != "completed":
        raise RuntimeError(f"vk-analytics collection ended {task['status']}")
    return seconds, task


def first_analytics(port, task_id, key, timeout):
    try:
        return get_json(port, f"/api/v1/tasks/{task_id}/analytics", key, timeout)[0]
    except TimeoutError:
        return None


def run(args, workdir, record):
    key = secrets.token_urlsafe(32)
    baseline = Baseline(args.baseline, workdir, key, args.pg_port or harness.free_port())
    sim = server = None
    try:
        baseline.install()
        sim, truth = calibrated_simulator(args)
        truth_file = os.path.join(workdir, "truth.json")
        groups, expected = baseline_truth(truth, truth_file)
        del truth
        record({"name": "postgresql", "version": baseline.start_postgres()})
        log(f"Express baseline: load.js --from-file ({expected} comments)")
        loaded = baseline.load(truth_file)
        if loaded["comments"] != expected:
            raise RuntimeError(f"the baseline loaded {loaded['comments']} comments, not {expected}")
        record({"name": "ingest", "system": "express", "load_average": load_average(), **loaded})
        baseline.start_server()
        express = Contender("express", baseline.port, BASELINE_TASK)
        for engine in args.engines:
            log(f"vk-analytics on {engine}: collecting at {args.rps} requests/s (load {load_average()})")
            server = vka_server(args, engine, sim, baseline)
            seconds, task = collect(args, sim, server, groups)
            collected = task["progress"]["comments_collected"]
            if collected != expected:
                raise RuntimeError(f"vk-analytics collected {collected} comments, not {expected}")
            record({"engine": engine, "name": "ingest", "system": "vka", "comments": collected, "seconds": seconds,
                    "comments_per_s": collected / seconds, "load_average": load_average()})
            vka = Contender("vka", server.port, task["id"])
            for c in (vka, express):
                seconds = first_analytics(c.port, c.task_id, key, args.first_analytics_timeout)
                log(f"{engine}: first analytics on {c.name}: {seconds} s")
                record({"engine": engine, "name": "first_analytics", "system": c.name, "seconds": seconds,
                        "load_average": load_average()})
            measure_pass(args, baseline, express, vka, engine, record)
            stop_vka(server)
            server = None
    finally:
        if server:
            stop_vka(server)
        if sim:
            sim.stop()
        baseline.stop()


def median_of(rows, field):
    values = [r[field] for r in rows if r.get(field) is not None]
    return statistics.median(values) if values else None


ENGINE_NAMES = {"sqlite": "SQLite", "postgres": "PostgreSQL"}


def side_by_side(results, engine, args):
    """The markdown table of one engine pass: a row per measurement, each with the load average beside it."""
    def rows(name, system):
        return [r for r in results if r["name"] == name and r["system"] == system
                and r.get("engine", engine) == engine]

    def load(name, system):
        """The 1-minute load average, and the CPU seconds other processes used during wrk's runs."""
        ones = [float(r["load_average"].split()[0]) for r in rows(name, system) if "load_average" in r]
        foreign = median_of(rows(name, system), "foreign_cpu_s")
        return (f"{statistics.median(ones):.1f}" if ones else "?") + (f", {foreign:.1f} s" if foreign is not None else "")

    def rate(name, system):
        rs = rows(name, system)
        if not rs:
            return "—", None
        rps = median_of(rs, "rps")
        spread = f" ({min(r['rps'] for r in rs):,.0f}–{max(r['rps'] for r in rs):,.0f})" if len(rs) > 1 else ""
        bad = sum(r["non_2xx_3xx"] + r["socket_errors"] + r["timeouts"] for r in rs)
        errors = f", {bad} errors" if bad else ""
        return f"{rps:,.1f} req/s{spread}, p99 {median_of(rs, 'p99_ms'):,.0f} ms{errors}", rps

    def seconds(name, system):
        value = median_of(rows(name, system), "seconds")
        return (f"{value:.3f} s" if value else f"> {args.first_analytics_timeout:.0f} s"), value

    def per_second(name, system, field):
        value = median_of(rows(name, system), field)
        return f"{value:,.0f}/s", value

    def line(what, name, express, vka, faster):
        ratio = "—"
        if express[1] and vka[1]:
            value = vka[1] / express[1] if faster == "higher" else express[1] / vka[1]
            ratio = f"{value:,.0f}" if value >= 1000 else f"{value:.3g}"  # 1,810, not 1.81e+03
        return f"| {what} | {express[0]} | {vka[0]} | {ratio} | {load(name, 'express')} / {load(name, 'vka')} |"

    deep = next((r["deep_page"] for r in rows("comments_sentiment_deep", "vka")), None)
    lines = [f"| vk-analytics on {ENGINE_NAMES[engine]} | Express (1 process) | vk-analytics | ratio | "
             "load average (1 min), other processes' CPU: Express / vk-analytics |", "|---|---:|---:|---:|---:|",
             line("first analytics request after collection (uncached)", "first_analytics",
                  seconds("first_analytics", "express"), seconds("first_analytics", "vka"), "lower")]
    for name, what in (("analytics", f"analytics, repeated ({args.analytics_connections} connections)"),
                       ("comments_by_post", f"comments page of one post (100 rows, gzip, {args.connections} conns)"),
                       ("comments_sentiment_deep", f"deep cursor, `sentiment=negative&sort=-date` (page {deep})"),
                       ("task", f"`GET /tasks/{{id}}` ({args.connections} connections)")):
        lines.append(line(what, name, rate(name, "express"), rate(name, "vka"), "higher"))
    lines.append(line(f"ingest (Express: load.js bulk rows/s, no analysis; vk-analytics: comments/s of the "
                      f"collection end to end at {args.rps} VK requests/s, analysis included)", "ingest",
                      per_second("ingest", "express", "rows_per_s"), per_second("ingest", "vka", "comments_per_s"),
                      "higher"))
    return "\n".join(lines)


def command_line(args):
    """This run's command as the docs show it: the baseline's directory as DIR, the binary relative to the repo."""
    shown = []
    for word in sys.argv[1:]:
        if word == args.baseline:
            word = "DIR"
        elif os.path.isabs(word) and os.path.abspath(word) == os.path.abspath(args.binary):
            word = os.path.relpath(word, REPO)
        shown.append(shlex.quote(word) if word != "DIR" else word)
    return " ".join(["bench/versus_baseline.py", *shown])


def output_of(*command):
    try:
        return subprocess.run(command, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return "?"


def machine_facts():
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        model = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "?")
    with open("/proc/meminfo", encoding="ascii") as f:
        gib = int(f.readline().split()[1]) / 2**20
    return f"nproc {os.cpu_count()} ({model}), {gib:.0f} GiB"


def report(results, args, started, start_load):
    """The whole result as markdown: when, what, on which machine, and one side-by-side table per engine."""
    foreign = [r["foreign_cpu_s"] for r in results if "foreign_cpu_s" in r]
    steal = [r["steal_pct"] for r in results if "steal_pct" in r]
    comments = next(r["comments"] for r in results if r["name"] == "ingest" and r["system"] == "express")
    commit = output_of("git", "-C", REPO, "describe", "--always", "--dirty")
    wrk = (output_of("wrk", "--version").split() or ["?", "?"])[:2]
    postgresql = next(r["version"] for r in results if r["name"] == "postgresql")
    versions = f"node {output_of('node', '--version')}, {' '.join(wrk)}, PostgreSQL {postgresql}"
    lines = [
        f"Run {time.strftime('%Y-%m-%d %H:%M', started)}–{time.strftime('%H:%M', time.gmtime())} UTC, source "
        f"`{commit}`:", "", "```sh", command_line(args), "```", "",
        f"- dataset: {comments:,} comments of one community (simulator seed {args.seed}, {args.posts} posts), "
        "collected by vk-analytics, loaded into the Express baseline from the same truth",
        f"- wrk: {args.duration} s per run after a {args.warmup} s warm-up, {args.repeat} run(s) per endpoint and "
        "system, alternating between the systems; ratio > 1: vk-analytics is faster",
        f"- machine: {machine_facts()}; load average {start_load} at the start, {load_average()} at the end; "
        f"CPU used by other processes during a run {min(foreign, default=0)}–{max(foreign, default=0)} s, "
        f"hypervisor steal {min(steal, default=0)}–{max(steal, default=0)} %",
        f"- versions: {versions}",
    ]
    for engine in args.engines:
        lines += ["", side_by_side(results, engine, args)]
    return "\n".join(lines) + "\n"


def update_docs(text):
    """Replaces the generated block of docs/benchmarks.md (between its two markers) with text."""
    path = os.path.join(REPO, "docs", "benchmarks.md")
    with open(path, encoding="utf-8") as f:
        doc = f.read()
    if DOCS_BEGIN not in doc or DOCS_END not in doc:
        raise SystemExit(f"{path} has no {DOCS_BEGIN} … {DOCS_END} block")
    head, rest = doc.split(DOCS_BEGIN, 1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(head + DOCS_BEGIN + "\n" + text + DOCS_END + rest.split(DOCS_END, 1)[1])


def main():
    args = parse_args()
    harness.BINARY = os.path.abspath(args.binary)
    if not os.access(harness.BINARY, os.X_OK):
        raise SystemExit(f"no vk-analytics executable at {harness.BINARY} (build the Release binary first)")
    for tool in ("node", "npm", "wrk"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is not installed (scripts/install-deps --bench)")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    workdir = args.workdir or tempfile.mkdtemp(prefix="vka-versus-")
    os.makedirs(workdir, exist_ok=True)
    os.chmod(workdir, 0o755)  # PostgreSQL runs as its own OS user under it
    results = []

    def record(row):
        results.append(row)
        line = json.dumps(row)
        print(line, file=sys.stderr, flush=True)
        if args.results:
            with open(args.results, "a", encoding="utf-8") as f:
                f.write(line + "\n")

    started, start_load = time.gmtime(), load_average()
    try:
        run(args, workdir, record)
    finally:
        if not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    text = report(results, args, started, start_load)
    print(text)
    if args.update_docs:
        update_docs(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
