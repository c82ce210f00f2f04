#!/usr/bin/env bash
# Imports the whole public dataset into a throwaway PostgreSQL database through the packaged
# service, checks every (source, period, date) sum against an independent reading of the CSV
# (src/bench/verify_import.py), re-imports it (must change nothing), then imports the 2025 edition
# followed by the newest (must give the newest's numbers alone). Prints the measured import times.
#
# usage: src/bench/import-dataset.sh            (dataset from ../shared/data, or DATA_DIR=...)
set -euo pipefail
cd "$(dirname "$0")/../.."

DATA_DIR=${DATA_DIR:-../shared/data}
NEWEST=$DATA_DIR/missile_attacks_daily.csv
OLDER=$DATA_DIR/older/missile_attacks_daily_2025-05-11.csv
if [ ! -f "$NEWEST" ] || [ ! -f "$OLDER" ]; then
    echo "import-dataset: the public dataset is not at $DATA_DIR (set DATA_DIR to the folder holding" \
         "missile_attacks_daily.csv and older/missile_attacks_daily_2025-05-11.csv); skipping" >&2
    exit 0
fi
PGHOST=${PGHOST:-127.0.0.1}
DB=${BENCH_DB:-bench_import}
PORT=${BENCH_PORT:-18090}
BASE=http://127.0.0.1:$PORT
AUTH=bench:bench-import-password

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

recreate_db() {
    PGOPTIONS="--client-min-messages=warning" psql -h "$PGHOST" -U postgres -qc "drop database if exists $DB" -c "create database $DB" >/dev/null
}

APP_PID=
start_app() {
    java -Dquarkus.http.port="$PORT" \
         -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$PGHOST:5432/$DB" \
         -Dquarkus.datasource.username=postgres -Dquarkus.datasource.password= \
         -Dquarkus.security.users.embedded.users.bench=bench-import-password \
         -Dquarkus.security.users.embedded.roles.bench=writer \
         -jar target/quarkus-app/quarkus-run.jar > target/import-dataset-app.log 2>&1 &
    APP_PID=$!
    for _ in $(seq 1 60); do
        curl -sf "$BASE/q/health/ready" >/dev/null 2>&1 && return 0
        sleep 0.5
    done
    echo "the service did not become ready; see target/import-dataset-app.log" >&2
    exit 1
}
stop_app() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true; APP_PID=; }
trap stop_app EXIT

import() { # file, query -> prints the JSON answer; the time goes to target/import-time
    curl -sS -u "$AUTH" -H 'Content-Type: text/csv' --data-binary @"$1" -w '\n%{time_total}\n' "$BASE/api/v1/imports/piterfm$2" \
        > target/import-answer
    head -n 1 target/import-answer
    tail -n 1 target/import-answer > target/import-time
}
field() { python3 -c "import json,sys; d=json.loads(sys.stdin.readline()); print(eval('d' + sys.argv[1]))" "$1"; }

recreate_db; start_app
first=$(import "$NEWEST" ""); t_first=$(cat target/import-time)
echo "$first" | field "['reports']" | sed 's/^/whole file, first import: reports /'
python3 src/bench/verify_import.py "$BASE" "$NEWEST"
again=$(import "$NEWEST" ""); t_again=$(cat target/import-time)
created=$(echo "$again" | field "['created']"); revised=$(echo "$again" | field "['revised']")
echo "whole file, second import: created $created, revised $revised"
[ "$created" = 0 ] && [ "$revised" = 0 ] || { echo "re-import changed something" >&2; exit 1; }
third=$(import "$NEWEST" ""); t_third=$(cat target/import-time)
stop_app

recreate_db; start_app
older=$(import "$OLDER" ""); t_older=$(cat target/import-time)
newer=$(import "$NEWEST" ""); t_newer=$(cat target/import-time)
echo "2025 edition then newest: $(echo "$newer" | field "['reports']")"
python3 src/bench/verify_import.py "$BASE" "$NEWEST"
stop_app

cat <<TABLE

| import (packaged jar, PostgreSQL, $(nproc) cores) | seconds (curl time_total) | service elapsedMs |
|---|---|---|
| whole file (3,770 rows), empty database | $t_first | $(echo "$first" | field "['elapsedMs']") |
| same file again (nothing changes) | $t_again | $(echo "$again" | field "['elapsedMs']") |
| same file a third time | $t_third | $(echo "$third" | field "['elapsedMs']") |
| 2025 edition (2,425 rows), empty database | $t_older | $(echo "$older" | field "['elapsedMs']") |
| newest over the 2025 edition | $t_newer | $(echo "$newer" | field "['elapsedMs']") |
TABLE
