#!/usr/bin/env bash
# Post-reader benchmark: the Air Force post reader on hostile bodies of 16, 32 and 64 KiB (64 KiB is
# the largest POST /api/v1/imports/air-force-post accepts). Prints, per shape and size, the fastest
# of several runs in ms, as CPU time of the reading thread and as wall-clock time, and how the body
# came out (r = read as a report, n = not a national report, u = unreadable). A reading that is
# linear in the text doubles from column to column; one that is quadratic quadruples.
#
# usage: src/bench/post-reader-bench.sh      (compiles the main and test classes first; no database)
set -euo pipefail
cd "$(dirname "$0")/../.."

./mvnw -B -q test-compile
# The reader is plain Java: the annotations its request record carries are not needed to run it.
exec java -cp target/classes:target/test-classes org.airattack.stats.report.airforce.PostReaderBench
