#!/usr/bin/env bash
# Requests per second and latency of the two comment listings a reader hits hardest, measured with wrk
# against a running server through the HTTP API alone:
#   comments_by_post         the first page (100 rows, oldest first) of the task's most-commented post
#   comments_sentiment_deep  sentiment=negative&sort=-date, the page after following 1,000 pages of cursors
# Every request carries the API key and Accept-Encoding: gzip; each endpoint gets a warm-up, then the
# measured run, and the script prints wrk's summary and latency distribution for both.
#
#   VKA_BENCH_KEY=<api key> bench/comments_pages.sh http://127.0.0.1:8080 <task id>
#
# Tunables (environment): CONNECTIONS (50), THREADS (2), DURATION (30s), WARMUP (10s), DEPTH (1000 pages).
# Needs wrk (Debian package wrk) and python3.
set -euo pipefail

if [[ $# -ne 2 || -z "${VKA_BENCH_KEY:-}" ]]; then
  sed -n '2,13p' "$0" >&2
  exit 2
fi
base=${1%/}
task=$2
connections=${CONNECTIONS:-50}
threads=${THREADS:-2}
duration=${DURATION:-30s}
warmup=${WARMUP:-10s}
depth=${DEPTH:-1000}
for tool in wrk python3; do
  command -v "$tool" >/dev/null || { echo "comments_pages.sh: $tool is not installed" >&2; exit 2; }
done

# The key reaches wrk through a file, never on a command line that ps could show.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/headers.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $VKA_BENCH_KEY"
wrk.headers["Accept-Encoding"] = "gzip"
LUA

# Prints the two paths (after /api/v1/tasks/<id>/), one a line.
paths=$(BASE="$base" TASK="$task" DEPTH="$depth" python3 - <<'PY'
import json, os, sys, urllib.parse, urllib.request

base, task, depth = os.environ["BASE"], os.environ["TASK"], int(os.environ["DEPTH"])

def get(path):
    request = urllib.request.Request(f"{base}/api/v1/tasks/{task}/{path}",
                                     headers={"Authorization": "Bearer " + os.environ["VKA_BENCH_KEY"]})
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)

post = get("posts?sort=comments&limit=1")["data"][0]
print(f"comments?group_id={post['owner_id']}&post_id={post['id']}&sort=date&limit=100")
chain = "comments?sentiment=negative&sort=-date&limit=100"
cursor = None
for page in range(depth):
    cursor = get(chain + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else ""))["meta"]["next_cursor"]
    if not cursor:
        sys.exit(f"comments_pages.sh: the chain ends after {page + 1} pages; DEPTH={depth} needs more negative comments")
print(f"{chain}&cursor={urllib.parse.quote(cursor)}")
PY
)
by_post=$(sed -n 1p <<<"$paths")
deep=$(sed -n 2p <<<"$paths")

measure() {
  local name=$1 url="$base/api/v1/tasks/$task/$2"
  echo "== $name: GET ${url#"$base"}"
  wrk -t"$threads" -c"$connections" -d"$warmup" -s "$work/headers.lua" "$url" >/dev/null
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$work/headers.lua" "$url"
}

echo "load before: $(uptime)"
measure comments_by_post "$by_post"
measure comments_sentiment_deep "$deep"
echo "load after: $(uptime)"
