#!/usr/bin/env python3
"""How fast /healthz answers while the server holds a flood of idle connections: the real
`vk-analytics serve` runs under `ulimit -n 1024` with a header timeout longer than the run, FLOOD
connections each send half a request header and then nothing, and a fresh connection asks /healthz
after every STEP of them and PROBES times at the end. Prints the latency of every probe (connect,
request, whole answer) as median, 99th percentile and worst, and the size of the server's log and its
commonest warnings.

    bench/healthz_under_flood.py --binary build/release/vk-analytics

Stdlib only; reuses tests/e2e/harness.py."""
import argparse
import collections
import os
import re
import resource
import socket
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "e2e"))
import harness  # noqa: E402


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=harness.BINARY, help="vk-analytics executable (default: %(default)s)")
    parser.add_argument("--flood", type=int, default=2000, help="idle connections held open")
    parser.add_argument("--step", type=int, default=50, help="a probe after every this many connections")
    parser.add_argument("--probes", type=int, default=50, help="probes once the whole flood is open")
    return parser.parse_args()


def probe_seconds(port):
    started = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: probe\r\nConnection: close\r\n\r\n")
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 200"), answer[:100]
    return time.perf_counter() - started


def main():
    args = parse_args()
    harness.BINARY = args.binary
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, args.flood + 200), hard))
    server = harness.Server(extra_env={"VKA_HEADER_TIMEOUT_SECONDS": "600", "VKA_LOG_LEVEL": "info"},
                            preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (1024, 1024))).start()
    flood, during, after = [], [], []
    try:
        for i in range(args.flood):
            sock = socket.create_connection(("127.0.0.1", server.port), timeout=30)
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: flood\r\n")
            flood.append(sock)
            if (i + 1) % args.step == 0:
                during.append(probe_seconds(server.port))
        after = [probe_seconds(server.port) for _ in range(args.probes)]
    finally:
        for sock in flood:
            sock.close()
        server.stop()
    for name, seconds in (("while the flood grew", during), (f"with all {args.flood} open", after)):
        ms = sorted(s * 1000 for s in seconds)
        p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
        print(f"/healthz {name}: {len(ms)} probes, median {statistics.median(ms):.1f} ms, "
              f"p99 {p99:.1f} ms, worst {ms[-1]:.1f} ms")
    lines = server.stderr().splitlines()
    warnings = [line for line in lines if '"level":"warn' in line or '"level":"error' in line]
    print(f"server log: {os.path.getsize(server.stderr_path)} bytes, {len(lines)} lines, {len(warnings)} warnings "
          "or errors; their commonest, digits as #:")
    shapes = collections.Counter(re.sub(r"\d+", "#", line) for line in warnings)
    for shape, count in shapes.most_common(3):
        print(f"  {count} × {shape[:160]}")


if __name__ == "__main__":
    main()
