#!/usr/bin/env bash
# Public board benchmark: GET /public/board (HTML) and /public/board.json with 10,000 cases in
# PostgreSQL, as polling phones (If-None-Match → 304) and as full downloads. See README "Benchmark".
# Usage: bench/board-benchmark.sh [clients] [seconds]   (build the jar first: ./mvnw -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${1:-16}
SECONDS_MEASURED=${2:-20}
PORT=${BENCH_PORT:-18080}
DB=yishi_bench_board
JAR=$(ls target/yishi-*.jar | grep -v original | head -1)

psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB with (force)" -c "create database $DB"
java -Xmx512m -Xms512m ${BENCH_JAVA_OPTS:-} -jar "$JAR" \
  --spring.profiles.active=postgres --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB \
  --spring.datasource.username=postgres --yishi.admin.id=bench.admin --yishi.admin.password='Bench-Admin-2026!' \
  --server.port=$PORT --logging.level.root=WARN > target/bench-board-server.log 2>&1 &
SERVER=$!
. bench/autovacuum.sh
autovacuum_standin $DB
trap 'kill $SERVER 2>/dev/null || true; [ -n "${AUTOVACUUM_STANDIN:-}" ] && { pkill -P $AUTOVACUUM_STANDIN; kill $AUTOVACUUM_STANDIN; } 2>/dev/null; true' EXIT
for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 1; done

# 10,000 public cases in the three communities (the board of one community shows its latest 200)
psql -h 127.0.0.1 -U postgres -d $DB -q <<'SQL'
insert into yishi_case (case_no, channel, category, title, description, community, compound, status, urgency, tier,
  disposal, responsible_unit, deadline, result_note, satisfaction, created_at, updated_at)
select 'FX-2026-' || lpad(g::text, 6, '0'), 'HOTLINE_12345', 'streetlight', '路灯不亮 ' || g, '基准测试数据',
  (array['hualin','shengdian','jiaoyuyuan'])[1 + g % 3], '测试小区' || (g % 50),
  case when g % 4 = 0 then 'CLOSED' else 'IN_PROGRESS' end, 'GREEN', 'STATION', 'IMMEDIATE', 'property-hualin',
  now() + interval '3 days', case when g % 4 = 0 then '已修复' end, case when g % 4 = 0 then 5 end,
  now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval
from generate_series(1, 10000) g;
analyze yishi_case;
SQL

echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; java $(java -version 2>&1 | head -1)"
for path in "public/board?community=hualin" "public/board.json?community=hualin"; do
  java bench/BoardLoad.java "http://127.0.0.1:$PORT/$path" "$CLIENTS" "$SECONDS_MEASURED" revalidate
  java bench/BoardLoad.java "http://127.0.0.1:$PORT/$path" "$CLIENTS" "$SECONDS_MEASURED" full
done
