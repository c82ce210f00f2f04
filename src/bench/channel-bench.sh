#!/usr/bin/env bash
# How long a new post of the Air Force's channel takes to be published: the packaged service follows
# a local stand-in of the channel's web preview (src/bench/channel_pages.py, the recorded test pages)
# with a poll every 2 s; the script posts a new night report RUNS times at random moments and times
# each from the post appearing to GET /api/v1/nights/{date} answering 200. Prints every delay, their
# minimum, median and maximum, and the service's own airattack_channel_publish_delay_seconds.
#
# usage: src/bench/channel-bench.sh            (RUNS=20, POLL=PT2S, PGHOST, BENCH_DB, BENCH_PORT, PAGES_PORT)
set -euo pipefail
cd "$(dirname "$0")/../.."

RUNS=${RUNS:-20}
POLL=${POLL:-PT2S}
PGHOST=${PGHOST:-127.0.0.1}
DB=${BENCH_DB:-bench_channel}
PORT=${BENCH_PORT:-18092}
PAGES_PORT=${PAGES_PORT:-18093}
BASE=http://127.0.0.1:$PORT
PAGES=http://127.0.0.1:$PAGES_PORT

if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ -n "$(find src/main -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
    ./mvnw -B -q package -DskipTests
fi
PGOPTIONS="--client-min-messages=warning" psql -h "$PGHOST" -U postgres -qc "drop database if exists $DB" -c "create database $DB" >/dev/null

PIDS=()
stop() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; }
trap stop EXIT

python3 src/bench/channel_pages.py "$PAGES_PORT" src/test/resources/channel &
PIDS+=($!)
java -Dquarkus.http.port="$PORT" \
     -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$PGHOST:5432/$DB" \
     -Dquarkus.datasource.username=postgres -Dquarkus.datasource.password= \
     -Dairattack.channel.enabled=true -Dairattack.channel.base-url="$PAGES/s/" \
     -Dairattack.channel.poll-interval="$POLL" -Dairattack.channel.backfill-pages=2 \
     -jar target/quarkus-app/quarkus-run.jar > target/channel-bench-app.log 2>&1 &
PIDS+=($!)

python3 - "$BASE" "$PAGES" "$RUNS" <<'PY'
import json, random, statistics, sys, time, urllib.error, urllib.request

base, pages, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])

def get(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, b""
    except OSError:
        return None, b""

deadline = time.time() + 120
while True:  # ready, and the first poll has read the channel back
    status, body = get(base + "/api/v1/channel/status")
    if status == 200 and json.loads(body).get("lastSuccessAt"):
        break
    if time.time() > deadline:
        sys.exit("the service did not follow the channel within 120 s; see target/channel-bench-app.log")
    time.sleep(0.2)

delays = []
for run in range(runs):
    time.sleep(random.uniform(0, 2.5))  # posts come at any moment of a poll interval
    with urllib.request.urlopen(urllib.request.Request(pages + "/publish", method="POST"), timeout=5) as r:
        post = json.loads(r.read())
    while True:
        status, _ = get(f"{base}/api/v1/nights/{post['date']}")
        if status == 200:
            break
        if time.time() - post["publishedAt"] > 60:
            sys.exit(f"post {post['id']} was not published within 60 s")
        time.sleep(0.02)
    delays.append(time.time() - post["publishedAt"])
    print(f"post {post['id']} (the night to {post['date']}): published after {delays[-1]:.2f} s")

_, metrics = get(base + "/q/metrics")
lines = [l for l in metrics.decode().splitlines() if l.startswith("airattack_channel_publish_delay_seconds_")]
count = next(float(l.split()[1]) for l in lines if l.startswith("airattack_channel_publish_delay_seconds_count"))
total = next(float(l.split()[1]) for l in lines if l.startswith("airattack_channel_publish_delay_seconds_sum"))
print(f"\n{runs} posts, poll interval 2 s: min {min(delays):.2f} s, median {statistics.median(delays):.2f} s, "
      f"max {max(delays):.2f} s (post visible → GET /api/v1/nights/{{date}} 200)")
print(f"the service's airattack_channel_publish_delay_seconds: {int(count)} reports, mean {total / count:.2f} s "
      f"(from the post's time, whole seconds, to the commit)")
PY
