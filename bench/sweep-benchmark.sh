#!/usr/bin/env bash
# Sweep benchmark (旬跟进): 100,000 open cases in PostgreSQL, 10,000 of them overdue; one tenDayFollowUp
# sweep must create exactly 10,000 supervision orders and 10,000 outbox mails (see README "Benchmark").
# Usage: bench/sweep-benchmark.sh [open cases] [overdue]
# BENCH_SEED_ONLY=true stops after seeding; BENCH_REUSE=true then sweeps the database it left (seed on a busy machine,
# measure on a quiet one); BENCH_NODES=2 runs a second node on the same database during the sweep (see README).
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust) and a built jar (./mvnw -B package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
OPEN=${1:-100000}
OVERDUE=${2:-10000}
PORT=${BENCH_PORT:-18080}
DB=${BENCH_DB:-yishi_bench_sweep}
ADMIN=bench.admin
ADMIN_PASSWORD='Bench-Admin-2026!'
JAR=${BENCH_JAR:-$(ls target/yishi-*.jar | grep -v original | head -1)}
PSQL="psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1"

REUSE=${BENCH_REUSE:-false}
[ "$REUSE" = true ] || $PSQL -c "drop database if exists $DB with (force)" -c "create database $DB"

# The job executor is off so that nothing but the sweep works on the data while it is measured.
java -Xmx512m -Xms512m ${BENCH_JAVA_OPTS:-} -jar "$JAR" \
  --spring.profiles.active=postgres \
  --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB \
  --spring.datasource.username=postgres \
  --yishi.admin.id=$ADMIN --yishi.admin.password="$ADMIN_PASSWORD" \
  --yishi.demo-users.enabled=true \
  --camunda.bpm.job-execution.enabled=false \
  --yishi.mail.outbox.poll-interval=PT24H \
  --server.port=$PORT \
  --logging.level.root=WARN --logging.level.cn.yishi.application.supervision=INFO > target/bench-sweep-server.log 2>&1 &
SERVER=$!
. bench/autovacuum.sh
autovacuum_standin $DB
trap 'kill $SERVER ${NODE2:-} 2>/dev/null || true; [ -n "${AUTOVACUUM_STANDIN:-}" ] && { pkill -P $AUTOVACUUM_STANDIN; kill $AUTOVACUUM_STANDIN; } 2>/dev/null; true' EXIT
for _ in $(seq 1 90); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { echo "server did not start"; tail -50 target/bench-sweep-server.log; exit 1; }
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; java $(java -version 2>&1 | head -1)"

if [ "$REUSE" != true ]; then
echo "seeding $OPEN open cases ($OVERDUE overdue) ..."
# Open committed cases of the three communities and eight units with a contact address. The overdue ones
# passed their deadline three days ago; the others are due in 20 days and had a progress note yesterday,
# so that the sweep neither supervises nor reminds them.
$PSQL -d $DB <<SQL
insert into yishi_case (case_no, channel, category, title, description, community, compound, households_affected,
  status, urgency, tier, disposal, responsible_unit, deadline, created_by, created_at, updated_at, last_progress_at)
select 'BM-2026-' || lpad(i::text, 7, '0'), 'HOTLINE_12345', 'streetlight', '路灯不亮 ' || i, '基准测试数据 ' || i,
  case when i <= $OVERDUE then 'hualin' else (array['hualin','shengdian','jiaoyuyuan'])[1 + i % 3] end,
  '小区' || (i % 200), 10, 'IN_PROGRESS', 'GREEN', 'STATION', 'COMMITTED',
  case when i <= $OVERDUE then 'housing'
       else (array['housing','market-supervision','water','power','gas','urban-management','civil-affairs','justice'])[1 + i % 8] end,
  case when i <= $OVERDUE then now() - interval '3 days' else now() + interval '20 days' end,
  'bench', now() - interval '30 days', now() - interval '1 day', now() - interval '1 day'
from generate_series(1, $OPEN) as i;
analyze yishi_case;
SQL
java bench/SweepSeed.java "http://127.0.0.1:$PORT" "$ADMIN" "$ADMIN_PASSWORD" "$OVERDUE" 4
$PSQL -d $DB -c "update yishi_case c set process_instance_id = e.id_ from act_ru_execution e
  where e.business_key_ = c.case_no and e.parent_id_ is null and c.case_no like 'BM-%'" -c "analyze"
[ "${BENCH_SEED_ONLY:-false}" = true ] && { echo "seeded $DB; sweep it with BENCH_REUSE=true"; exit 0; }
fi
OPEN=$($PSQL -d $DB -tAc "select count(*) from yishi_case where case_no like 'BM-%'")
OVERDUE=$($PSQL -d $DB -tAc "select count(*) from yishi_case where case_no like 'BM-%' and deadline < now()")
echo "open cases: $OPEN, overdue: $OVERDUE, process instances: $($PSQL -d $DB -tAc "select count(*) from act_ru_execution where parent_id_ is null")"
NODE2=
if [ "${BENCH_NODES:-1}" = 2 ]; then
  # a second node of the same build on the same database, up while the first one sweeps (job executor off on
  # both, as on the first: the sweep runs where its request or its 旬跟进 job runs, see README)
  java -Xmx512m -Xms512m -jar "$JAR" --spring.profiles.active=postgres \
    --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB --spring.datasource.username=postgres \
    --yishi.admin.id=$ADMIN --yishi.admin.password="$ADMIN_PASSWORD" --yishi.demo-users.enabled=true \
    --camunda.bpm.job-execution.enabled=false --yishi.mail.outbox.poll-interval=PT24H --server.port=$((PORT + 1)) --logging.level.root=WARN \
    > target/bench-sweep-node2.log 2>&1 &
  NODE2=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$((PORT + 1))/actuator/health" >/dev/null && break; sleep 1; done
  curl -sf "http://127.0.0.1:$((PORT + 1))/actuator/health" >/dev/null || { echo "node 2 did not start"; exit 1; }
  echo "node 2 up on port $((PORT + 1))"
fi

today=$(TZ=Asia/Shanghai date +%F)
echo "sweep as of $today ..."
start=$(date +%s.%N)
curl -sf -u "$ADMIN:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
  -d "{\"kind\":\"TEN_DAY\",\"asOf\":\"$today\"}" "http://127.0.0.1:$PORT/api/supervision/runs" > target/bench-sweep-run.json
end=$(date +%s.%N)
echo "run record: $(cat target/bench-sweep-run.json)"
printf 'sweep wall time (request): %.1f s\n' "$(echo "$end - $start" | bc)"
$PSQL -d $DB -t -A -F ' ' -c "select 'supervision orders:', count(*) from yishi_supervision_order" \
  -c "select 'outbox mails:', count(*) from yishi_mail_outbox" \
  -c "select 'supervision tasks:', count(*) from act_ru_task where task_def_key_ = 'userTask_supervise'"
curl -sf "http://127.0.0.1:$PORT/actuator/prometheus" | awk '/^jvm_memory_used_bytes\{.*area="heap"/{s+=$NF} END{printf "server heap after the sweep: %.0f MiB\n", s/1048576}'

echo "the same 旬 again ..."
start=$(date +%s.%N)
curl -sf -u "$ADMIN:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
  -d "{\"kind\":\"TEN_DAY\",\"asOf\":\"$today\"}" "http://127.0.0.1:$PORT/api/supervision/runs"
end=$(date +%s.%N)
printf '\nsecond sweep wall time: %.1f s\n' "$(echo "$end - $start" | bc)"
$PSQL -d $DB -t -A -F ' ' -c "select 'supervision orders:', count(*) from yishi_supervision_order" \
  -c "select 'outbox mails:', count(*) from yishi_mail_outbox"
