#!/usr/bin/env bash
# Scale benchmark: histories 1, 10 and 100 times the public dataset's (src/bench/scale_history.py:
# the dataset replayed under the other sources' accounts and shifted years, then re-sent with edited
# counts as revisions), each imported into its own throwaway database through the packaged service
# (started with the JVM options of src/main/docker/Dockerfile.jvm at the pod's memory limit). For
# each it measures the import, the time from starting the JVM to ready (the read model loaded), a
# single write until a read shows it (100 writes), the uncached full-history series, cached series
# reads against nginx serving the same bytes, the /q/metrics scrape, and the RSS; then prints one
# table row per scale against the goals of issue 19.
#
# usage: src/bench/scale-bench.sh      (SCALES="1 10 100", DATA_DIR=..., WRK_SECONDS=5,
#                                       SCALE_JFR=1 to record a flight recording of each scale's run)
set -euo pipefail
cd "$(dirname "$0")/../.."
BEGAN=$(date +%s)

. src/bench/service.sh
bench_dataset scale-bench
bench_tools scale-bench
bench_jar scale-bench
bench_java_opts scale-bench
SCALES=${SCALES:-1 10 100}
THREADS=2
CONNECTIONS=64
SECONDS_=${WRK_SECONDS:-5}
PGHOST=${PGHOST:-127.0.0.1}
PORT=${BENCH_PORT:-18095}
NGINX_PORT=${BENCH_NGINX_PORT:-18096}
BASE=http://127.0.0.1:$PORT
NGINX_BASE=http://127.0.0.1:$NGINX_PORT
AUTH=bench:bench-password
WORK=target/scale
rm -rf "$WORK" && mkdir -p "$WORK"
LOAD_BEFORE=$(uptime)

APP_PID=
NGINX_PID=
DBS=()
# a JVM out of memory may not stop on SIGTERM: it gets 20 s, then SIGKILL
stop_app() {
    if [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; then
        for _ in $(seq 1 40); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=
}
cleanup() {
    stop_app
    [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
    for db in "${DBS[@]}"; do
        PGOPTIONS="--client-min-messages=warning" psql -h "$PGHOST" -U postgres -qc "drop database if exists $db" >/dev/null || true
    done
}
trap cleanup EXIT

# start_app db log: sets APP_PID; the idle timeout is raised (15 s in application.properties) as an
# import of two copies can take longer than that on loaded cores, and the connection would be closed, and READY_MS to the milliseconds from starting the JVM to /q/health/ready
start_app() {
    local jfr=()
    [ -n "${SCALE_JFR:-}" ] && jfr=("-XX:StartFlightRecording=filename=$2.jfr,settings=profile,dumponexit=true")
    local t0
    t0=$(date +%s%N)
    java -Dquarkus.http.port="$PORT" \
         -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$PGHOST:5432/$1" \
         -Dquarkus.datasource.username=postgres -Dquarkus.datasource.password= \
         -Dquarkus.security.users.embedded.users.bench=bench-password \
         -Dquarkus.security.users.embedded.roles.bench=writer -Dquarkus.http.idle-timeout=300S \
         $JAVA_OPTS "${jfr[@]}" -jar target/quarkus-app/quarkus-run.jar > "$2" 2>&1 &
    APP_PID=$!
    for _ in $(seq 1 1200); do
        if curl -sf "$BASE/q/health/ready" >/dev/null 2>&1; then
            READY_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
            return 0
        fi
        kill -0 "$APP_PID" 2>/dev/null || break
        sleep 0.05
    done
    echo "scale-bench: the service did not become ready; see $2" >&2
    return 1
}
# why the service is gone: "out of memory" when the JVM said so in log $1
gone() { grep -q 'OutOfMemoryError' "$1" && echo "out of memory" || echo "failed"; }
rss_mib() { [ -r "/proc/$APP_PID/status" ] && awk '/^VmRSS/{print int($2 / 1024)}' "/proc/$APP_PID/status"; }

# Median and p95 of the numbers on stdin, one a line, after skipping the first $1 (warm-up).
stats() {
    python3 -c '
import sys
v = sorted(float(x) for x in sys.stdin.read().split()[int(sys.argv[1]):])
print(f"{v[len(v) // 2]:.1f} {v[min(len(v) - 1, int(len(v) * 0.95))]:.1f}")' "$1"
}

SERIES="/api/v1/series?groupBy=category&measure=launched,neutralised&from=2025-01-01"
ALL="launched,shotDown,suppressed,neutralised,stillAirborne,hitLocations,debrisLocations,interceptionRate"
ROWS=()

for N in $SCALES; do
    DB=scale_x$N
    DIR=$WORK/x$N
    mkdir -p "$DIR/www"
    DBS+=("$DB")
    bench_recreate_db "$DB"
    mapfile -t FILES < <(python3 src/bench/scale_history.py "$CSV" "$N" "$DIR/history")
    echo "scale-bench: x$N, ${#FILES[@]} files of at most 2 copies of the dataset; load: $(uptime | sed 's/.*load/load/')" >&2

    # Import: every file in turn (onMissing=keep: each file holds only part of the history).
    start_app "$DB" "$DIR/import.log"
    t0=$(date +%s%N)
    k=0
    for f in "${FILES[@]}"; do
        code=$(curl -sS -u "$AUTH" -H 'Content-Type: text/csv' --data-binary @"$f" -o "$DIR/import-answer.json" \
                    -w '%{http_code}' "$BASE/api/v1/imports/piterfm?onMissing=keep" || true)
        if [ "$code" != 200 ]; then
            echo "scale-bench: importing $f answered $code: $(head -c 600 "$DIR/import-answer.json" 2>/dev/null)" >&2
            break
        fi
        k=$((k + 1))
    done
    if [ "$k" != "${#FILES[@]}" ]; then
        sleep 1
        ROWS+=("| ×$N | the import stopped after $k of ${#FILES[@]} files: the service $(gone "$DIR/import.log") (RSS then $(rss_mib 2>/dev/null || echo '?') MiB) | | | | | | | |")
        stop_app
        continue
    fi
    IMPORT_S=$(python3 -c "print(f'{($(date +%s%N) - $t0) / 1e9:.1f}')")
    RSS_IMPORT=$(rss_mib)
    REPORTS=$(curl -s "$BASE/api/v1/reports?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
    REVISIONS=$(psql -h "$PGHOST" -U postgres -d "$DB" -Atc "select count(*) from report_revision")
    stop_app

    # Startup: a fresh JVM on the imported database until ready (the read model loaded).
    if ! start_app "$DB" "$DIR/service.log"; then
        ROWS+=("| ×$N | $REPORTS / $REVISIONS | $IMPORT_S | the service $(gone "$DIR/service.log") while loading | | | | | |")
        stop_app
        continue
    fi
    RSS_LOAD=$(rss_mib)
    LOADED_MS=$(sed -n 's/.*read model loaded: .* in \([0-9]*\) ms.*/\1/p' "$DIR/service.log" | tail -n 1)

    # A single write until a read shows it: 100 new nights of the national source (2000, before any
    # shifted copy), each POSTed, then its night read until it answers with the written count.
    python3 - "$BASE" "$AUTH" > "$DIR/writes.txt" <<'PY'
import base64, datetime, http.client, json, sys, time
host, port = sys.argv[1].removeprefix("http://").split(":")
auth = "Basic " + base64.b64encode(sys.argv[2].encode()).decode()
c = http.client.HTTPConnection(host, int(port), timeout=30)
for i in range(100):
    day = datetime.date(2000, 1, 2) + datetime.timedelta(days=i)
    body = json.dumps({"source": "ua-air-force", "externalId": f"scale-bench/{day}", "target": "Ukraine",
                       "windowStart": f"{day - datetime.timedelta(days=1)}T20:00", "windowEnd": f"{day}T08:00",
                       "lines": [{"weapon": "Shahed-136/131", "launched": 100 + i, "shotDown": 90}]})
    t0 = time.perf_counter()
    c.request("POST", "/api/v1/reports", body, {"Authorization": auth, "Content-Type": "application/json"})
    r = c.getresponse(); r.read()
    if r.status != 201:
        sys.exit(f"write {i} answered {r.status}")
    while True:
        c.request("GET", f"/api/v1/nights/{day}?source=ua-air-force")
        r = c.getresponse(); answer = r.read()
        if r.status == 200 and json.loads(answer)["totals"]["launched"] == 100 + i:
            break
    print(f"{(time.perf_counter() - t0) * 1000:.2f}")
PY
    read -r WRITE_P50 WRITE_P95 <<<"$(stats 0 < "$DIR/writes.txt")"

    # Uncached full history: groupBy=weapon, every measure, all dates of the national source; a
    # distinct query string each time, so nothing is served ready. The first 10 warm the JIT up.
    for i in $(seq 1 40); do
        curl -s -o /dev/null -w '%{time_total}\n' "$BASE/api/v1/series?groupBy=weapon&measure=$ALL&bench=$i"
    done | awk '{print $1 * 1000}' > "$DIR/uncached.txt"
    read -r FULL_P50 FULL_P95 <<<"$(stats 10 < "$DIR/uncached.txt")"
    FULL_BYTES=$(curl -s "$BASE/api/v1/series?groupBy=weapon&measure=$ALL&bench=size" | wc -c)
    FULL_DATES=$(curl -s "$BASE/api/v1/series?groupBy=total&measure=launched&bench=dates" \
                 | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["dates"]))')

    # /q/metrics: the time of a scrape (text 0.0.4, as Prometheus asks) and its size.
    for _ in $(seq 1 25); do
        curl -s -o /dev/null -H 'Accept: text/plain; version=0.0.4' -w '%{time_total}\n' "$BASE/q/metrics"
    done | awk '{print $1 * 1000}' > "$DIR/metrics.txt"
    read -r SCRAPE_P50 _ <<<"$(stats 5 < "$DIR/metrics.txt")"
    SCRAPE_BYTES=$(curl -s -H 'Accept: text/plain; version=0.0.4' "$BASE/q/metrics" | wc -c)

    # Cached series reads against nginx serving the very bytes (identity encoding, as wrk asks).
    curl -s "$BASE$SERIES" > "$DIR/www/series.json"
    bench_nginx_conf "$DIR" "$DIR/www" "$NGINX_PORT"
    "$NGINX" -c "$PWD/$DIR/nginx.conf" -p "$PWD/$DIR" &
    NGINX_PID=$!
    sleep 0.5
    bench_wrk "$DIR" warmup "$BASE$SERIES" >/dev/null
    read -r CACHED _ <<<"$(bench_wrk "$DIR" service "$BASE$SERIES")"
    read -r CACHED_NGINX _ <<<"$(bench_wrk "$DIR" nginx "$NGINX_BASE/series.json")"
    kill "$NGINX_PID" && wait "$NGINX_PID" 2>/dev/null || true
    NGINX_PID=
    RSS_END=$(rss_mib)
    stop_app
    PGOPTIONS="--client-min-messages=warning" psql -h "$PGHOST" -U postgres -qc "drop database if exists $DB" >/dev/null

    verdict() { python3 -c "print('✓' if float('$1') <= float('$2') else '✗')"; }
    ROWS+=("| ×$N | $REPORTS / $REVISIONS | $IMPORT_S $(verdict "$IMPORT_S" 60) | $(python3 -c "print(f'{$READY_MS / 1000:.1f}')") ($LOADED_MS) $(verdict "$READY_MS" 20000) | $WRITE_P50 / $WRITE_P95 $(verdict "$WRITE_P95" 100) | $FULL_P50 / $FULL_P95 $(verdict "$FULL_P50" 50) ($FULL_DATES dates, $((FULL_BYTES / 1024)) KiB) | $CACHED / $CACHED_NGINX ($(python3 -c "print(f'{float(\"$CACHED\") / float(\"$CACHED_NGINX\"):.2f}')")) | $SCRAPE_P50 ms, $((SCRAPE_BYTES / 1024)) KiB | $RSS_IMPORT / $RSS_LOAD / $RSS_END $(verdict "$(printf '%s\n' "$RSS_LOAD" "$RSS_END" | sort -n | tail -n 1)" 500) |")
done

CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
cat <<TABLE

Service JVM options (those of src/main/docker/Dockerfile.jvm; the pod's memory limit is $MEMORY_LIMIT): ${JAVA_OPTS:-none}, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX.
Machine: $(nproc) cores ($CPU), $(free -g | awk '/Mem:/{print $2}') GiB, shared; $(java -version 2>&1 | head -n 1); $("$NGINX" -v 2>&1); wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_}s.
Load before: $LOAD_BEFORE
Load after:  $(uptime)
Took $(( $(date +%s) - BEGAN )) s.

| history | reports / revisions | import, s (≤ 60 at ×100) | ready, s (read model load, ms) (≤ 20) | write → visible, p50 / p95 ms (≤ 100) | uncached full history (groupBy=weapon, 8 measures), p50 / p95 ms (≤ 50) | cached series read, requests/s: service / nginx (ratio) | /q/metrics scrape | RSS after import / after load / at the end, MiB (≤ 500) |
|---|---|---|---|---|---|---|---|---|
$(printf '%s\n' "${ROWS[@]}")
TABLE
