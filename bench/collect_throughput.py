#!/usr/bin/env python3
"""End-to-end collection throughput: the real `vk-analytics serve` collects a comment-heavy dataset
from the real simulator (`vk-analytics vk-sim`) with one token, and this prints how close it came to
what the VK rate limit allows: 25 calls per execute x 100 comments per call x RPS requests/s.

    bench/collect_throughput.py --binary build-bench/vk-analytics

The clock runs from the first request the simulator sees to the moment the task is seen finished
(both polled every --poll seconds). Stdlib only; reuses tests/e2e/harness.py."""
import argparse
import http.client
import json
import math
import os
import sys
import time
from collections import defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "e2e"))
import harness  # noqa: E402

TOKEN = "bench-token"
CALLS_PER_EXECUTE = 25
ITEMS_PER_CALL = 100
INLINE_REPLIES = 10
PACER_MARGIN_SECONDS = 0.05  # collect::GatewayOptions::pacer_safety_margin: rps grants per 1.05 s
FINISHED = ("completed", "completed_with_errors", "failed", "canceled")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=harness.BINARY, help="vk-analytics executable (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--communities", type=int, default=6,
                        help="simulated communities; indices 1-3 are private, banned, comments closed")
    parser.add_argument("--posts", type=int, default=10, help="posts per community")
    parser.add_argument("--comments-mean", type=float, default=2000, help="mean top-level comments per post")
    parser.add_argument("--long-thread-replies", type=int, default=250)
    parser.add_argument("--rps", type=int, default=3, help="requests per second per token (simulator and service)")
    parser.add_argument("--workers", type=int, default=2, help="VKA_WORKERS")
    parser.add_argument("--no-threads", dest="threads", action="store_false",
                        help="task with threads=false: top-level comments only, 100 per call")
    parser.add_argument("--database-url", help="VKA_DATABASE_URL of the service (default: a new SQLite file); "
                        "a PostgreSQL database must be empty, e.g. scripts/with-postgres's $VKA_TEST_DATABASE_URL")
    parser.add_argument("--poll", type=float, default=0.02, help="seconds between polls")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds to wait for the task")
    return parser.parse_args()


def readable_communities(truth):
    return [c for c in truth["communities"] if c["is_closed"] == 0 and not c["deactivated"]]


def expected_comments(truth, threads):
    """Comments a task over the readable communities must collect (open comments only)."""
    open_walls = {-c["id"] for c in readable_communities(truth) if not c["comments_closed"]}
    return [c for c in truth["comments"]
            if c["owner_id"] in open_walls and (threads or c["thread_root_id"] is None)]


def call_floor(truth, comments):
    """The fewest API calls this dataset can be collected with, as (wall pages, top-level pages,
    reply branch pages): a wall.get per 100 posts, a wall.getComments per 100 top-level comments
    (each with up to 10 replies inline), and one per 100 replies of every thread longer than the
    inline 10."""
    readable = readable_communities(truth)
    posts_per_wall = defaultdict(int)
    for post in truth["posts"]:
        posts_per_wall[post["owner_id"]] += 1
    walls = sum(max(1, math.ceil(posts_per_wall[-c["id"]] / ITEMS_PER_CALL)) for c in readable)
    top_per_post = defaultdict(int)
    replies_per_thread = defaultdict(int)
    for c in comments:
        if c["thread_root_id"] is None:
            top_per_post[(c["owner_id"], c["post_id"])] += 1
        else:
            replies_per_thread[(c["owner_id"], c["thread_root_id"])] += 1
    tops = sum(math.ceil(n / ITEMS_PER_CALL) for n in top_per_post.values())
    branches = sum(math.ceil(n / ITEMS_PER_CALL) for n in replies_per_thread.values() if n > INLINE_REPLIES)
    return walls, tops, branches


def truth_of(sim, timeout):
    """The simulator's truth; generating a large dataset on a loaded machine outlasts the harness's timeout."""
    conn = http.client.HTTPConnection("127.0.0.1", sim.port, timeout=timeout)
    try:
        conn.request("GET", "/_sim/truth")
        return json.loads(conn.getresponse().read())
    finally:
        conn.close()


def reset_stats(sim):
    conn = http.client.HTTPConnection("127.0.0.1", sim.port, timeout=30)
    try:
        conn.request("POST", "/_sim/stats/reset")
        conn.getresponse().read()
    finally:
        conn.close()


def task_state(server, task_id):
    return server.request("GET", f"/api/v1/tasks/{task_id}").json()["data"]


def measure(sim, server, groups, args):
    """Creates the task and returns (seconds from first VK request to completion, final task)."""
    reset_stats(sim)
    task = server.create_task({"groups": groups, "posts_per_group": 100000, "threads": args.threads,
                               "name": "throughput"})
    deadline = time.monotonic() + args.timeout
    first_request = None
    while time.monotonic() < deadline:
        now = time.monotonic()
        if first_request is None and sim.stats()["totals"]["requests"] > 0:
            first_request = now
        state = task_state(server, task["id"])
        if state["status"] in FINISHED:
            return time.monotonic() - (first_request or now), state
        time.sleep(args.poll)
    raise SystemExit(f"task {task['id']} did not finish within {args.timeout} s")


def peak_rss_mib(pid):
    """The process's peak resident set (VmHWM), in MiB."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/<pid>/status")


def cpu_seconds(pid):
    """User and system CPU time the process has used, in seconds: what the run cost the service whatever else
    the machine was doing."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def print_table(rows):
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


def main():
    args = parse_args()
    harness.BINARY = args.binary
    sim = harness.Simulator("--seed", str(args.seed), "--communities", str(args.communities), "--posts",
                            str(args.posts), "--comments-mean", str(args.comments_mean), "--long-thread-replies",
                            str(args.long_thread_replies), "--rps", str(args.rps), "--log-level", "warn",
                            "--token", TOKEN).start()
    server = None
    try:
        truth = truth_of(sim, args.timeout)  # also generates every comment, so generation is not timed below
        comments = expected_comments(truth, args.threads)
        floor = call_floor(truth, comments)
        groups = [c["id"] for c in readable_communities(truth)]
        env = {"VKA_VK_API_URL": sim.url, "VKA_VK_TOKEN": TOKEN, "VKA_VK_RPS": str(args.rps),
               "VKA_WORKERS": str(args.workers), "VKA_LOG_LEVEL": "warn"}
        if args.database_url:
            env["VKA_DATABASE_URL"] = args.database_url
        server = harness.Server(extra_env=env).start()
        seconds, done = measure(sim, server, groups, args)
        stats = sim.stats()
        peak_rss = peak_rss_mib(server.process.pid)
        service_cpu = cpu_seconds(server.process.pid)
    finally:
        if server:
            server.stop()
        sim.stop()

    collected = done["progress"]["comments_collected"]
    requests = stats["totals"]["requests"]
    inner_calls = stats["totals"]["inner_calls"]
    token = stats["tokens"].get(TOKEN, {})
    ideal = CALLS_PER_EXECUTE * ITEMS_PER_CALL * args.rps
    per_second = collected / seconds
    pacer_ceiling = args.rps / (1 + PACER_MARGIN_SECONDS)
    floor_calls = sum(floor)
    floor_seconds = math.ceil(floor_calls / CALLS_PER_EXECUTE) / pacer_ceiling
    print_table([
        ("dataset", f"{args.communities} communities ({len(groups)} readable) x {args.posts} posts, "
                    f"comments mean {args.comments_mean:g}, seed {args.seed}, threads {args.threads}"),
        ("database", args.database_url.split("://")[0] if args.database_url else "sqlite"),
        ("task status", done["status"]),
        ("comments collected / expected", f"{collected} / {len(comments)}"),
        ("wall time (first VK request -> done)", f"{seconds:.2f} s"),
        ("VK requests (execute + direct)", f"{requests} ({requests / seconds:.3f}/s; limit {args.rps}/s, "
                                           f"pacer ceiling {pacer_ceiling:.3f}/s)"),
        ("API calls inside execute", f"{inner_calls} ({inner_calls / max(requests, 1):.1f} per request)"),
        ("fewest API calls the dataset needs", f"{floor_calls} ({floor[0]} wall, {floor[1]} top-level, "
                                               f"{floor[2]} reply branch pages)"),
        ("best time for them", f"{floor_seconds:.1f} s at 25 per request and the pacer ceiling "
                               f"({collected / floor_seconds:.0f} comments/s)"),
        ("vs that best time", f"{floor_seconds / seconds:.1%}"),
        ("comments per API call", f"{collected / max(inner_calls, 1):.1f}"),
        ("comments/s per token", f"{per_second:.0f}"),
        ("vs ideal 25 x 100 x rps", f"{per_second / ideal:.1%} of {ideal}/s"),
        ("CPU time of the service (user + system)", f"{service_cpu:.1f} s ({collected / service_cpu:.0f} comments "
                                                    "per CPU second)"),
        ("peak RSS of the service (VmHWM)", f"{peak_rss:.0f} MiB"),
        ("rate violations", stats["rate_violations"]),
        ("busiest 1 s window", f"{token.get('max_requests_per_second')} requests (limit {args.rps})"),
        ("requests by method", {m: sum(o.values()) for m, o in stats["requests"].items()}),
        ("calls inside execute by method", {m: sum(o.values()) for m, o in stats["inner_calls"].items()}),
    ])
    return 0 if stats["rate_violations"] == 0 and collected == len(comments) else 1


if __name__ == "__main__":
    sys.exit(main())
