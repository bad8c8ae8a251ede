#!/usr/bin/env bash
# Intake benchmark: POST /api/cases on PostgreSQL with concurrent clients (see README "Benchmark").
# Usage: bench/intake-benchmark.sh [clients] [seconds]
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust) and a built jar (./mvnw -B package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${1:-16}
SECONDS_MEASURED=${2:-60}
PORT=${BENCH_PORT:-18080}
DB=yishi_bench
JAR=$(ls target/yishi-*.jar | grep -v original | head -1)

psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB with (force)" -c "create database $DB"

java -Xmx512m -Xms512m ${BENCH_JAVA_OPTS:-} -jar "$JAR" \
  --spring.profiles.active=postgres \
  --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB \
  --spring.datasource.username=postgres \
  --yishi.admin.id=bench.admin --yishi.admin.password='Bench-Admin-2026!' \
  --yishi.demo-users.enabled=true \
  --server.port=$PORT \
  --logging.level.root=WARN > target/bench-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { echo "server did not start"; tail -50 target/bench-server.log; exit 1; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; java $(java -version 2>&1 | head -1)"
java bench/IntakeLoad.java "http://127.0.0.1:$PORT" "$CLIENTS" 15 "$SECONDS_MEASURED"
