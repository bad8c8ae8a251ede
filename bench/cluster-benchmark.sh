#!/usr/bin/env bash
# Two nodes against one on this machine (issue 18, README "Beyond one machine"), each comparison in one run:
# 1. the intake: bench/intake-benchmark.sh with BENCH_NODES=2 — the same clients on one node, then spread over two
#    nodes of the same build on the same database (and the bare start, for the ratio);
# 2. the 旬跟进 sweep: one seeded database (open cases, overdue ones with real process instances), copied, swept once
#    with one node and once with a second node up on the same database.
# Usage: bench/cluster-benchmark.sh [clients, 4] [seconds, 30] [warm-up, 60] [open, 100000] [overdue, 10000]
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust) and a built jar (./mvnw -B package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${1:-4}
SECONDS_MEASURED=${2:-30}
WARMUP=${3:-60}
OPEN=${4:-100000}
OVERDUE=${5:-10000}
DB=yishi_bench_cluster_sweep
PSQL="psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1"
echo "== intake: one node, then two nodes =="
BENCH_NODES=2 bench/intake-benchmark.sh "$CLIENTS" "$SECONDS_MEASURED" "$WARMUP"
echo "== 旬跟进 sweep: $OPEN open cases, $OVERDUE overdue =="
BENCH_DB=$DB BENCH_SEED_ONLY=true bench/sweep-benchmark.sh "$OPEN" "$OVERDUE" | tail -2 || true
$PSQL -c "drop database if exists ${DB}_seeded" -c "create database ${DB}_seeded template $DB"
echo "-- one node:"
BENCH_DB=$DB BENCH_REUSE=true bench/sweep-benchmark.sh | grep -E "wall time|orders|mails|tasks|heap" || true
$PSQL -c "drop database $DB with (force)" -c "create database $DB template ${DB}_seeded"
echo "-- two nodes (the sweep runs on the first; the second is up on the same database):"
BENCH_DB=$DB BENCH_REUSE=true BENCH_NODES=2 bench/sweep-benchmark.sh | grep -E "node 2|wall time|orders|mails|tasks|heap" || true
