# What the benchmarks share (sourced, not run): the packaged jar, the tools, the JVM as the container
# image runs it, a throwaway database, nginx serving saved answers and wrk driving a URL.

# The public dataset's file (DATA_DIR, default ../shared/data): sets CSV, or stops the benchmark saying where it looked.
bench_dataset() {
    DATA_DIR=${DATA_DIR:-../shared/data}
    CSV=$DATA_DIR/missile_attacks_daily.csv
    if [ ! -f "$CSV" ]; then
        echo "$1: the public dataset is not at $DATA_DIR (set DATA_DIR to the folder holding missile_attacks_daily.csv)" >&2
        exit 1
    fi
}

# Builds the jar unless one newer than every source exists.
bench_jar() {
    if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ -n "$(find src/main pom.xml -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
        echo "$1: building the jar" >&2
        ./mvnw -B -q package -DskipTests
    fi
}

# Installs wrk and nginx from Debian if either is missing; sets NGINX.
bench_tools() {
    for tool in wrk nginx; do
        if ! command -v "$tool" >/dev/null && [ ! -x "/usr/sbin/$tool" ]; then
            echo "$1: $tool is missing, installing wrk and nginx from Debian" >&2
            apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx >/dev/null
        fi
    done
    NGINX=$(command -v nginx || echo /usr/sbin/nginx)
}

# The JVM as the container runs it: the options of src/main/docker/Dockerfile.jvm (its collector and
# JAVA_OPTS_MEMORY), and the pod's memory limit (k8s/base/deployment.yaml) as the memory the JVM sizes
# its heap from (MaxRAMPercentage); BENCH_MAX_RAM (e.g. 2g) stands for a larger limit, BENCH_JAVA_OPTS
# overrides all of it. Sets MEMORY_LIMIT, JAVA_OPTS
# and MALLOC_ARENA_MAX (exported, as the image sets it).
bench_java_opts() {
    dockerfile_env() { sed -n "s/^ENV $1=\"\(.*\)\"\$/\1/p" src/main/docker/Dockerfile.jvm; }
    MEMORY_LIMIT=$(awk '/limits:/ { limits = 1 } limits && /memory:/ { print $2; exit }' k8s/base/deployment.yaml)
    local max_ram
    case $MEMORY_LIMIT in
        *Mi) max_ram=${MEMORY_LIMIT%Mi}m ;;
        *Gi) max_ram=${MEMORY_LIMIT%Gi}g ;;
        *) echo "$1: cannot read the memory limit of k8s/base/deployment.yaml ($MEMORY_LIMIT)" >&2; exit 1 ;;
    esac
    JAVA_OPTS=${BENCH_JAVA_OPTS:-$(dockerfile_env GC_CONTAINER_OPTIONS) $(dockerfile_env JAVA_OPTS_MEMORY) -XX:MaxRAM=${BENCH_MAX_RAM:-$max_ram}}
    MALLOC_ARENA_MAX=$(sed -n 's/^ENV MALLOC_ARENA_MAX=//p' src/main/docker/Dockerfile.jvm)
    export MALLOC_ARENA_MAX
}

# Drops and creates a database.
bench_recreate_db() {
    PGOPTIONS="--client-min-messages=warning" psql -h "$PGHOST" -U postgres -qc "drop database if exists $1" -c "create database $1" >/dev/null
}

# Writes an nginx configuration serving folder $2 on port $3 into $1 (a folder), as a CDN would.
bench_nginx_conf() {
    cat > "$1/nginx.conf" <<NGINX
daemon off;
worker_processes auto;
pid $PWD/$1/nginx.pid;
error_log $PWD/$1/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    types { application/json json; text/plain txt; }
    server {
        listen 127.0.0.1:$3;
        root $PWD/$2;
        etag on;
        add_header Cache-Control "public, max-age=60, stale-while-revalidate=300";
    }
}
NGINX
}

# wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_}s on URL $3 (header $4, optional), its output in
# $1/wrk-$2.txt; prints "requests/s non-2xx-or-3xx".
bench_wrk() {
    local args=(-t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_}s" --latency)
    [ -n "${4:-}" ] && args+=(-H "$4")
    wrk "${args[@]}" "$3" > "$1/wrk-$2.txt" 2>&1
    local rps bad
    rps=$(awk '/^Requests\/sec/{print $2}' "$1/wrk-$2.txt")
    bad=$(awk '/Non-2xx or 3xx responses/{print $5}' "$1/wrk-$2.txt")
    echo "$rps ${bad:-0}"
}
