#!/usr/bin/env bash
# Polling-load benchmark: the packaged service with the whole public dataset imported, against
# nginx serving the identical bytes, both driven by wrk with the same settings on this machine.
# Prints requests/s for a cached series read, a 304 revalidation, the summary and /q/metrics (and
# the ratio to nginx), non-2xx/3xx counts, the time of uncached full-history queries, the whole-file
# import time, and the service's RSS after import and load.
#
# usage: src/bench/http-bench.sh      (DATA_DIR=... for the dataset; WRK_THREADS, WRK_CONNECTIONS,
#                                      WRK_SECONDS to change the load; defaults 2, 64, 10)
set -euo pipefail
cd "$(dirname "$0")/../.."

. src/bench/service.sh
bench_dataset http-bench
bench_tools http-bench
THREADS=${WRK_THREADS:-2}
CONNECTIONS=${WRK_CONNECTIONS:-64}
SECONDS_=${WRK_SECONDS:-10}
PGHOST=${PGHOST:-127.0.0.1}
DB=bench_http
PORT=${BENCH_PORT:-18091}
NGINX_PORT=${BENCH_NGINX_PORT:-18092}
BASE=http://127.0.0.1:$PORT
WORK=target/bench
rm -rf "$WORK" && mkdir -p "$WORK/www"

bench_jar http-bench
bench_recreate_db "$DB"

bench_java_opts http-bench
APP_PID=
NGINX_PID=
cleanup() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
    [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
    wait 2>/dev/null || true
}
trap cleanup EXIT

java -Dquarkus.http.port="$PORT" \
     -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$PGHOST:5432/$DB" \
     -Dquarkus.datasource.username=postgres -Dquarkus.datasource.password= \
     -Dquarkus.security.users.embedded.users.bench=bench-password \
     -Dquarkus.security.users.embedded.roles.bench=writer \
     $JAVA_OPTS -jar target/quarkus-app/quarkus-run.jar > "$WORK/service.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do curl -sf "$BASE/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done

# Import: the first (into an empty database) is the number that counts; the JVM is cold then.
import_once() {
    curl -sS -u bench:bench-password -H 'Content-Type: text/csv' --data-binary @"$CSV" \
         -w '\n%{time_total}\n' "$BASE/api/v1/imports/piterfm"
}
out=$(import_once); IMPORT_COLD=$(echo "$out" | tail -n 1)
IMPORT_COLD_MS=$(echo "$out" | head -n 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["elapsedMs"])')

# A warm import of the whole file into an emptied database: retract nothing, re-create everything.
psql -h "$PGHOST" -U postgres -d "$DB" -qc "truncate report_line, report_revision, report; update data_version set version = 0" >/dev/null
for _ in $(seq 1 50); do  # the read model notices the version going back within a second
    [ "$(curl -s "$BASE/api/v1/reports?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')" = 0 ] && break
    sleep 0.1
done
out=$(import_once); IMPORT_WARM=$(echo "$out" | tail -n 1)
IMPORT_WARM_MS=$(echo "$out" | head -n 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["elapsedMs"])')
RSS_AFTER_IMPORT=$(ps -o rss= -p "$APP_PID" | tr -d ' ')

SERIES="/api/v1/series?groupBy=category&measure=launched,neutralised&from=2025-01-01"
SUMMARY="/api/v1/summary"
METRICS="/q/metrics"

# nginx serves the very bytes the service answers (identity encoding, as wrk asks for none).
curl -s "$BASE$SERIES" > "$WORK/www/series.json"
curl -s "$BASE$SUMMARY" > "$WORK/www/summary.json"
curl -s -H 'Accept: text/plain; version=0.0.4' "$BASE$METRICS" > "$WORK/www/metrics.txt"
bench_nginx_conf "$WORK" "$WORK/www" "$NGINX_PORT"
"$NGINX" -c "$PWD/$WORK/nginx.conf" -p "$PWD/$WORK" &
NGINX_PID=$!
sleep 0.5
NGINX_BASE=http://127.0.0.1:$NGINX_PORT

ETAG=$(curl -sI "$BASE$SERIES" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
NGINX_ETAG=$(curl -sI "$NGINX_BASE/series.json" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')

run_wrk() { bench_wrk "$WORK" "$@"; }

# Warm the service's paths up (the JIT needs a few seconds of each), then measure.
WARM=$SECONDS_; SECONDS_=5
run_wrk warmup-series "$BASE$SERIES" >/dev/null
run_wrk warmup-304 "$BASE$SERIES" "If-None-Match: $ETAG" >/dev/null
run_wrk warmup-summary "$BASE$SUMMARY" >/dev/null
SECONDS_=$WARM
read -r S_SERIES B_SERIES <<<"$(run_wrk service-series "$BASE$SERIES")"
read -r N_SERIES _ <<<"$(run_wrk nginx-series "$NGINX_BASE/series.json")"
read -r S_304 B_304 <<<"$(run_wrk service-304 "$BASE$SERIES" "If-None-Match: $ETAG")"
read -r N_304 _ <<<"$(run_wrk nginx-304 "$NGINX_BASE/series.json" "If-None-Match: $NGINX_ETAG")"
read -r S_SUMMARY B_SUMMARY <<<"$(run_wrk service-summary "$BASE$SUMMARY")"
read -r N_SUMMARY _ <<<"$(run_wrk nginx-summary "$NGINX_BASE/summary.json")"
read -r S_METRICS B_METRICS <<<"$(run_wrk service-metrics "$BASE$METRICS" "Accept: text/plain; version=0.0.4")"
read -r N_METRICS _ <<<"$(run_wrk nginx-metrics "$NGINX_BASE/metrics.txt")"
CODE_304=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $ETAG" "$BASE$SERIES")

# Uncached full-history queries: groupBy=weapon, every measure, all of history; a distinct query
# string each time (an unknown parameter is part of the cache key), so nothing is served ready.
ALL="launched,shotDown,suppressed,neutralised,stillAirborne,hitLocations,debrisLocations,interceptionRate"
for i in $(seq 1 200); do
    curl -s -o /dev/null -D - -w 'total %{time_total}\n' "$BASE/api/v1/series?groupBy=weapon&measure=$ALL&bench=$i" \
        | tr -d '\r' | awk '/^[Ss]erver-[Tt]iming/{split($0, a, /dur=|,/); c=a[2]; s=a[4]} /^total/{print c, s, $2 * 1000}'
done > "$WORK/uncached.txt"
UNCACHED=$(python3 - "$WORK/uncached.txt" <<'PY'
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1]).read().splitlines()[50:]]  # the first 50 warm up the JIT
def p(col):
    v = sorted(r[col] for r in rows)
    return f"{statistics.median(v):.1f}/{v[int(len(v) * 0.95)]:.1f}"
server = sorted(r[0] + r[1] for r in rows)
print(p(0), p(1), f"{statistics.median(server):.1f}/{server[int(len(server) * 0.95)]:.1f}", p(2), len(rows))
PY
)
read -r UNCACHED_COMPUTE UNCACHED_SERIALISE UNCACHED_SERVER UNCACHED_TOTAL UNCACHED_N <<<"$UNCACHED"
BYTES_UNCACHED=$(curl -s "$BASE/api/v1/series?groupBy=weapon&measure=$ALL&bench=size" | wc -c)
RSS_AFTER_LOAD=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
BYTES_SERIES=$(wc -c < "$WORK/www/series.json")
BYTES_SUMMARY=$(wc -c < "$WORK/www/summary.json")
BYTES_METRICS=$(wc -c < "$WORK/www/metrics.txt")

ratio() { python3 -c "print(f'{float(\"$1\") / float(\"$2\"):.2f}')"; }
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')

cat <<TABLE

Service JVM options (as in src/main/docker/Dockerfile.jvm, at the pod's memory limit of $MEMORY_LIMIT): ${JAVA_OPTS:-none}, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX.
Machine: $(nproc) cores ($CPU), $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -n 1); $("$NGINX" -v 2>&1); wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_}s for every row.

| measurement | service | nginx, same bytes | service / nginx | goal |
|---|---|---|---|---|
| cached series read ($BYTES_SERIES B), requests/s | $S_SERIES | $N_SERIES | $(ratio "$S_SERIES" "$N_SERIES") | ≥ 0.8 |
| 304 revalidation (status $CODE_304), requests/s | $S_304 | $N_304 | $(ratio "$S_304" "$N_304") | ≥ 0.7 |
| summary ($BYTES_SUMMARY B), requests/s | $S_SUMMARY | $N_SUMMARY | $(ratio "$S_SUMMARY" "$N_SUMMARY") | |
| /q/metrics ($BYTES_METRICS B, text 0.0.4), requests/s | $S_METRICS | $N_METRICS | $(ratio "$S_METRICS" "$N_METRICS") | |
| non-2xx/3xx answers under load (series, 304, summary, metrics) | $B_SERIES, $B_304, $B_SUMMARY, $B_METRICS | | | 0 |
| uncached full-history query (groupBy=weapon, 8 measures, $BYTES_UNCACHED B): server time (compute + serialise, Server-Timing), median/p95 of $UNCACHED_N, ms | $UNCACHED_SERVER (compute $UNCACHED_COMPUTE, serialise $UNCACHED_SERIALISE) | | | ≤ 5 |
| the same, as curl sees it (includes moving the bytes), ms | $UNCACHED_TOTAL | | | |
| whole-file import (3,770 rows), cold JVM, s (curl total; service elapsedMs) | $IMPORT_COLD ($IMPORT_COLD_MS ms) | | | ≤ 3 |
| whole-file import, warm JVM, s (curl total; service elapsedMs) | $IMPORT_WARM ($IMPORT_WARM_MS ms) | | | ≤ 3 |
| RSS after import / after load, MiB | $((RSS_AFTER_IMPORT / 1024)) / $((RSS_AFTER_LOAD / 1024)) | | | ≤ 300 |
TABLE
