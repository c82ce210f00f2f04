#!/usr/bin/env bash
# The metrics, the history backfill and the dashboards, proven with real parts.
#   - Debian's prometheus (promtool 2.42): lint the airattack_ lines of /q/metrics, check the
#     config, test the rules;
#   - the dashboards against the @grafana/schema types, compose.yaml against the Compose spec;
#   - the packaged service on a throwaway database, fed a small history (2022-2025) and following
#     a local stand-in of the Air Force's channel (src/bench/channel_pages.py); its
#     OpenMetrics export backfilled into a TSDB with promtool; Prometheus started on that TSDB,
#     scraping the service while a newer night comes in, and then one through the channel; every dashboard query (panels, variables,
#     the "Night published" annotations) run through Prometheus's HTTP API with the dashboards'
#     variables substituted.
# Needs target/quarkus-app (./mvnw verify or package) and PostgreSQL on 127.0.0.1:5432 (user
# postgres, trust). Starts nothing as a system service; stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

log() { printf '\n-- %s\n' "$*"; }
die() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

JAR=target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || die "no $JAR: run ./mvnw verify (or ./mvnw package) first"
DB="ci_metrics_$$"
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt)

work=$(mktemp -d "${TMPDIR:-/tmp}/airattack-prometheus.XXXXXX")
pids=()
cleanup() {
    local status=$? pid log
    if [ "$status" != 0 ]; then
        for log in "$work"/*.log; do
            [ -f "$log" ] && printf '\n--- last lines of %s\n' "${log##*/}" && tail -n 25 "$log"
        done
    fi
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    "${PSQL[@]}" -c "drop database if exists $DB" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

log "Debian's prometheus and promtool"
if ! command -v promtool >/dev/null || ! command -v prometheus >/dev/null; then
    # The package starts its service where it can; this script runs its own Prometheus instead.
    policy=/usr/sbin/policy-rc.d
    own_policy=
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy" && own_policy=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
    [ -z "$own_policy" ] || rm -f "$policy"
    if [ -d /run/systemd/system ]; then
        systemctl disable --now prometheus >/dev/null 2>&1 || true
    fi
fi
promtool --version 2>&1 | head -1

log "promtool check config, test rules"
promtool check config deploy/prometheus/prometheus.yml
promtool test rules deploy/prometheus/tests/*.yml

log "Dashboards against @grafana/schema, compose.yaml against the Compose specification"
(cd deploy/grafana/validate && npm ci --no-audit --no-fund --loglevel=error && node validate.mjs)

log "The service on a throwaway database ($DB), following a local stand-in of the channel"
"${PSQL[@]}" -c "drop database if exists $DB" -c "create database $DB"
# The channel starts quiet (one tracking post): the one national report it shows comes during the
# traffic below, after the follower's first poll, so its meters (polls, posts, the publish delay)
# all have data.
channel_port=$(free_port)
python3 src/bench/channel_pages.py "$channel_port" src/test/resources/channel --quiet > "$work/channel.log" 2>&1 &
pids+=($!)
channel="http://127.0.0.1:$channel_port"
for _ in $(seq 1 30); do
    curl -sf -o /dev/null "$channel/s/kpszsu" && break
    sleep 0.2
done
app_port=$(free_port)
writer=ciwriter
writer_password="ci-$RANDOM$RANDOM"
# The writer comes the way an operator adds one (compose, a Kubernetes Secret): environment variables.
env DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" DB_USER=postgres DB_PASSWORD= \
    QUARKUS_SECURITY_USERS_EMBEDDED_USERS_CIWRITER="$writer_password" \
    QUARKUS_SECURITY_USERS_EMBEDDED_ROLES_CIWRITER=writer \
    java -Dquarkus.http.port="$app_port" -Dquarkus.http.host=127.0.0.1 \
    -Dairattack.channel.enabled=true -Dairattack.channel.base-url="$channel/s/" -Dairattack.channel.poll-interval=PT2S \
    -jar "$JAR" > "$work/app.log" 2>&1 &
pids+=($!)
app="http://127.0.0.1:$app_port"
for _ in $(seq 1 90); do
    curl -sf "$app/q/health/ready" >/dev/null && break
    kill -0 "${pids[-1]}" 2>/dev/null || { cat "$work/app.log"; die "the service did not start"; }
    sleep 1
done
curl -sf "$app/q/health/ready" >/dev/null || { tail -50 "$work/app.log"; die "the service is not ready after 90 s"; }

post() {
    curl -s -o "$work/answer.json" -w '%{http_code}' -u "$writer:$writer_password" -H 'Content-Type: application/json' \
        --data-binary "@$1" "$app/api/v1/reports"
}
fixtures=(src/test/resources/fixtures/history/*.json src/test/resources/fixtures/night-2025-05-23.json
    src/test/resources/fixtures/night-2025-05-24.json src/test/resources/fixtures/ru-mod-2025-05-23.json)
for f in "${fixtures[@]}"; do
    status=$(post "$f")
    [ "$status" = 201 ] || { cat "$work/answer.json"; die "POST $f answered $status"; }
done
echo "posted ${#fixtures[@]} reports (nights from 2022-12-29 to 2025-07-09, and the Russian MoD claim)"

log "promtool check metrics on the airattack_ part of /q/metrics (text format 0.0.4)"
curl -sf -H 'Accept: text/plain; version=0.0.4' -D "$work/metrics.headers" -o "$work/metrics.txt" "$app/q/metrics"
grep -qi '^content-type: text/plain; version=0.0.4' "$work/metrics.headers" || { cat "$work/metrics.headers"; die "/q/metrics did not answer text/plain; version=0.0.4"; }
grep -E '^(# (HELP|TYPE) )?airattack_' "$work/metrics.txt" > "$work/airattack.txt"
families=$(grep -c '^# TYPE airattack_' "$work/airattack.txt")
samples=$(grep -c '^airattack_' "$work/airattack.txt")
if ! lint=$(promtool check metrics < "$work/airattack.txt" 2>&1) || [ -n "$lint" ]; then
    printf '%s\n' "$lint"
    die "promtool check metrics found problems in the airattack_ metrics"
fi
echo "airattack_: $families metric families, $samples samples, promtool check metrics: no problems"
others=$(promtool check metrics < "$work/metrics.txt" 2>&1 | grep -vc '^airattack_' || true)
echo "(the whole exposition, with Quarkus's own JVM and HTTP meters: $others lint remarks, none about airattack_)"

log "Backfill: GET /api/v1/export/openmetrics | promtool tsdb create-blocks-from openmetrics"
curl -sf "$app/api/v1/export/openmetrics" -o "$work/history.om"
[ "$(tail -n 1 "$work/history.om")" = "# EOF" ] || die "the export does not end with # EOF"
echo "export: $(grep -vc '^#' "$work/history.om") samples"
mkdir -p "$work/tsdb"
promtool tsdb create-blocks-from openmetrics "$work/history.om" "$work/tsdb" > "$work/backfill.log"
echo "backfill: $(find "$work/tsdb" -mindepth 1 -maxdepth 1 -type d | wc -l) blocks"

log "Prometheus on the backfilled TSDB, scraping the service"
mkdir -p "$work/prometheus"
cp -r deploy/prometheus/rules "$work/prometheus/"
# deploy/prometheus/prometheus.yml as it is, but for the target's address and 5 s intervals.
sed -e "s#\"app:8080\"#\"127.0.0.1:$app_port\"#" -e 's#_interval: 15s#_interval: 5s#' \
    deploy/prometheus/prometheus.yml > "$work/prometheus/prometheus.yml"
grep -q "127.0.0.1:$app_port" "$work/prometheus/prometheus.yml" || die "could not point the scrape config at the service"
promtool check config "$work/prometheus/prometheus.yml" >/dev/null
prom_port=$(free_port)
prometheus --config.file="$work/prometheus/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
    --storage.tsdb.retention.time=10y --web.listen-address="127.0.0.1:$prom_port" > "$work/prometheus.log" 2>&1 &
pids+=($!)
prom="http://127.0.0.1:$prom_port"
for _ in $(seq 1 60); do
    curl -sf "$prom/-/ready" >/dev/null && break
    sleep 1
done
curl -sf "$prom/-/ready" >/dev/null || { tail -30 "$work/prometheus.log"; die "Prometheus is not ready"; }
echo "Prometheus $(prometheus --version 2>&1 | head -1 | awk '{print $3}') at $prom"

# The first backfilled night is there: 29 Dec 2022, 07:00-10:00 Kyiv.
first=$(curl -sf "$prom/api/v1/query" --data-urlencode 'query=count(last_over_time(airattack_night_launched{source="ua-air-force"}[1d]))' \
    --data-urlencode time=2022-12-29T12:00:00Z)
grep -q '"value":\[[0-9.]*,"3"\]' <<< "$first" || die "the backfilled night of 2022-12-29 is not in Prometheus: $first"
echo "backfilled history queryable from 2022-12-29"

log "Traffic while Prometheus scrapes (reads, an unchanged re-post, a refused write, a newer night, one on the channel), 30 s"
end=$((SECONDS + 30))
newer_night=$((SECONDS + 10))
channel_night=$((SECONDS + 18))
requests=0
failed=0
while [ $SECONDS -lt $end ]; do
    # A night newer than the backfilled ones, once Prometheus has scraped the old latest night: what
    # the dashboards' "Night published" annotation marks.
    if [ -n "$newer_night" ] && [ $SECONDS -ge "$newer_night" ]; then
        status=$(post src/test/resources/fixtures/night-2025-10-26.json)
        [ "$status" = 201 ] || { cat "$work/answer.json"; die "POST of the night to 26 October 2025 answered $status"; }
        echo "posted the night to 26 October 2025"
        newer_night=
    fi
    if [ -n "$channel_night" ] && [ $SECONDS -ge "$channel_night" ]; then
        published=$(curl -sf -X POST "$channel/publish") || die "the channel stand-in did not publish"
        echo "the channel posted a night: $published"
        channel_night=
    fi
    for path in /api/v1/summary /api/v1/nights/latest '/api/v1/series?groupBy=category' /api/v1/nights/2025-05-24; do
        requests=$((requests + 1))
        curl -sf -o /dev/null "$app$path" || failed=$((failed + 1))
    done
    requests=$((requests + 2))
    [ "$(post src/test/resources/fixtures/night-2025-05-24.json)" = 200 ] || failed=$((failed + 1))
    [ "$(curl -s -o /dev/null -w '%{http_code}' -u "$writer:$writer_password" -H 'Content-Type: application/json' \
        -d '{"source": "nowhere"}' "$app/api/v1/reports")" = 400 ] || failed=$((failed + 1))
    sleep 2
done
echo "$requests requests, $failed of them not answered as expected"
channel_date=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["date"])' "$published")
for _ in $(seq 1 20); do
    curl -sf -o /dev/null "$app/api/v1/nights/$channel_date" && break
    sleep 1
done
curl -sf -o /dev/null "$app/api/v1/nights/$channel_date" || { curl -s "$app/api/v1/channel/status"; die "the night posted on the channel ($channel_date) was not published"; }
echo "the night to $channel_date came in through the channel: $(curl -sf "$app/api/v1/channel/status" | head -c 300)"
[ "$failed" -le $((requests / 10)) ] || die "the service did not answer the traffic"

log "Every dashboard query through Prometheus's HTTP API"
(cd deploy/grafana/validate && PROMETHEUS_URL="$prom" HISTORY_FROM=$(date -d 2022-12-01 +%s) DEADLINE_SECONDS=120 node queries.mjs)

printf '\nPrometheus checks passed in %d s\n' $((SECONDS - started))
