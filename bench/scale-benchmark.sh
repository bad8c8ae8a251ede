#!/usr/bin/env bash
# City-scale benchmark (issue 18): a directory of 1,639 communities, N closed cases with their history seeded by SQL
# from real cases, M open cases as real process instances, then the webapps' calls, 月调度 and history cleanup.
# See README "Benchmark" → "City scale".
# Usage: bench/scale-benchmark.sh [N closed, 10000] [M open, 5000] [repeats per call, 20]
# BENCH_REUSE=true measures again on the database a previous run built (steps 5 to 7 only, after a change);
# BENCH_SEED_TO=<n> (with BENCH_REUSE) first adds closed cases up to n (chunks of 100,000, BENCH_SEED_JOBS=2 at a
# time), so one database grows 10k → 100k → 1M (BENCH_SEED_ONLY=true: only that, measure later); BENCH_CLEANUP=false skips the history cleanup (step 8), which would remove about half of them;
# BENCH_MEASURE=false skips the webapps' calls (step 5); BENCH_INTAKE_SECONDS=0 skips the intake at scale against the empty database (step 7);
# BENCH_AUTO_EXPLAIN_MS=300 logs the plans of slower statements to PostgreSQL's log (this database only).
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust), python3, and a build: the Boot jar
# (./mvnw -B package -DskipTests), or else target/classes (./mvnw -B -o test-compile) with the classpath Maven resolves.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
M=${2:-5000}
REPEATS=${3:-20}
COMMUNITIES=${BENCH_COMMUNITIES:-1639}
CLIENTS=${BENCH_CLIENTS:-4}
PORT=${BENCH_PORT:-18080}
BASE=http://127.0.0.1:$PORT
DB=${BENCH_DB:-yishi_bench_scale}
OUT=target/bench-scale
ADMIN=bench.admin
ADMIN_PASSWORD='Bench-Admin-2026!'
PSQL="psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1"
mkdir -p $OUT
RESULTS=$OUT/results.txt
[ "${BENCH_REUSE:-false}" = true ] || : > $RESULTS
note() { echo "$*" | tee -a $RESULTS; }

# the application: the Boot jar, else the compiled classes on the classpath Maven resolves (offline builds)
JAR=${BENCH_JAR:-$(ls target/yishi-*.jar 2>/dev/null | grep -v original | head -1 || true)}
if [ -n "$JAR" ] && unzip -l "$JAR" 2>/dev/null | grep BOOT-INF/ > /dev/null; then
  LAUNCH=(-jar "$JAR")
else
  if [ ! -s $OUT/classpath.txt ]; then
    ./mvnw -B -o -X compiler:testCompile 2>/dev/null | sed -n 's/.*(f) testPath = \[\(.*\)\]$/\1/p' | tr ',' '\n' \
      | sed 's/^ *//' | grep -v test-classes > $OUT/classpath.txt
  fi
  LAUNCH=(-cp "target/classes:$(paste -sd: $OUT/classpath.txt)" cn.yishi.YishiApplication)
fi

SERVER=
start_server() { # extra arguments for the application
  local log=$OUT/server-$(date +%H%M%S).log
  java -Xmx512m -Xms512m ${BENCH_JAVA_OPTS:-} "${LAUNCH[@]}" \
    --spring.profiles.active=postgres --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB \
    --spring.datasource.username=postgres --yishi.admin.id=$ADMIN --yishi.admin.password="$ADMIN_PASSWORD" \
    --yishi.demo-users.enabled=true --yishi.directory.location=file:$OUT/directory.yaml \
    --yishi.mail.outbox.poll-interval=PT24H --yishi.deliberation.register-files= --server.port=$PORT \
    --camunda.bpm.generic-properties.properties.history-cleanup-enabled=${CLEANUP_ENABLED:-false} \
    --logging.level.root=WARN --logging.level.cn.yishi.platform=INFO "$@" > "$log" 2>&1 &
  SERVER=$!
  local t0=$(date +%s)
  for _ in $(seq 1 1800); do
    curl -sf "$BASE/actuator/health" >/dev/null 2>&1 && break
    kill -0 $SERVER 2>/dev/null || { echo "server died"; tail -40 "$log"; exit 1; }
    sleep 1
  done
  curl -sf "$BASE/actuator/health" >/dev/null || { echo "server did not start"; tail -40 "$log"; exit 1; }
  STARTED_IN=$(( $(date +%s) - t0 ))
}
stop_server() { [ -n "$SERVER" ] && kill $SERVER 2>/dev/null && wait $SERVER 2>/dev/null || true; SERVER=; }
. bench/autovacuum.sh
trap 'stop_server; [ -n "${AUTOVACUUM_STANDIN:-}" ] && { pkill -P $AUTOVACUUM_STANDIN; kill $AUTOVACUUM_STANDIN; } 2>/dev/null; true' EXIT
heap() { curl -sf "$BASE/actuator/prometheus" | awk '/^jvm_memory_used_bytes\{.*area="heap"/{s+=$NF} END{printf "%.0f", s/1048576}'; }
rows() { $PSQL -d $DB -tAc "$1"; }

seed_closed() { # from to: closed cases from … to, spread over the last 365 days × (g / to), in chunks of 100,000,
  # BENCH_SEED_JOBS (2) chunks at a time in parallel sessions
  local from=$1 to=$2 t0=$(date +%s) a b keep pids=()
  for ((a = from; a <= to; a += 100000)); do
    b=$(( a + 99999 < to ? a + 99999 : to ))
    keep=; [ "$a" = "$from" ] && keep="-v keep_map=1" # the first chunk's cases for bench/scale-check.sql
    $PSQL -d $DB -v n=$to -v first=$a -v last=$b -v communities=$COMMUNITIES $keep -f bench/scale-seed.sql \
      > $OUT/seed-$a.txt 2>&1 &
    pids+=($!)
    if [ ${#pids[@]} -ge "${BENCH_SEED_JOBS:-2}" ]; then
      wait "${pids[0]}" || { echo "seeding failed"; cat $OUT/seed-*.txt; exit 1; }
      pids=("${pids[@]:1}")
    fi
  done
  for p in "${pids[@]}"; do wait "$p" || { echo "seeding failed"; cat $OUT/seed-*.txt; exit 1; }; done
  for ((a = from; a <= to; a += 100000)); do
    sed 's/^psql:[^ ]* NOTICE: */  /' $OUT/seed-$a.txt | tee -a $OUT/seed.txt; rm -f $OUT/seed-$a.txt
  done
  note "seeded closed cases $from … $to in $(( $(date +%s) - t0 )) s; history rows: $(rows "select sum(n) from (select count(*) n from act_hi_actinst union all select count(*) from act_hi_taskinst union all select count(*) from act_hi_varinst union all select count(*) from act_hi_procinst union all select count(*) from act_hi_identitylink union all select count(*) from act_hi_detail) x")"
}

note "scale benchmark: N=$N closed, M=$M open, $COMMUNITIES communities, $REPEATS calls each; $(date -u +%FT%TZ)"
note "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"

if [ "${BENCH_REUSE:-false}" = true ]; then
  autovacuum_standin $DB
  if [ -n "${BENCH_SEED_TO:-}" ]; then
    have=$(rows "select coalesce(max(substr(case_no, 9)::int), 0) from yishi_case where case_no like 'SC-2026-%'")
    seed_closed $((have + 1)) "$BENCH_SEED_TO"
    $PSQL -d $DB -c analyze
    # BENCH_SEED_ONLY=true: grow now (on a busy machine), measure later with BENCH_REUSE=true
    [ "${BENCH_SEED_ONLY:-false}" = true ] && { echo "results: $RESULTS"; exit 0; }
  fi
  start_server
  note "restart on the database of the previous run: ${STARTED_IN} s; $(rows 'select count(*) from act_hi_procinst') historic instances, $(rows "select count(*) from yishi_case where case_no like 'SC-%'") closed cases seeded, $(rows 'select count(*) from act_ru_task') open tasks"
else
# 1. database and directory; the first start creates the city's ~18,500 groups and ~280,000 authorizations
$PSQL -c "drop database if exists $DB with (force)" -c "create database $DB"
python3 bench/scale-directory.py "$COMMUNITIES" > $OUT/directory.yaml
autovacuum_standin $DB
if [ -n "${BENCH_AUTO_EXPLAIN_MS:-}" ]; then
  # the plans (with row counts) of every statement slower than this, in PostgreSQL's log, for this database only
  $PSQL -c "alter database $DB set session_preload_libraries = 'auto_explain'" \
    -c "alter database $DB set auto_explain.log_min_duration = '${BENCH_AUTO_EXPLAIN_MS}ms'" \
    -c "alter database $DB set auto_explain.log_analyze = on" -c "alter database $DB set auto_explain.log_timing = off"
fi
start_server
note "first start with the city's directory: ${STARTED_IN} s; $(rows 'select count(*) from act_id_group') groups, $(rows 'select count(*) from act_ru_authorization') authorizations"
# the empty database of step 7: this one with the city's directory and no case, kept as a template
stop_server
$PSQL -c "drop database if exists ${DB}_dir with (force)" -c "create database ${DB}_dir template $DB"
start_server

# 2. real cases to completion (intake, 前置把关, 办理, 回访), the template of the closed ones
java bench/ScaleLoad.java cases "$BASE" 3 c0001 community.c0001 station.c0001 grid.c0001 > $OUT/templates.txt
$PSQL -d $DB <<SQL
drop table if exists bench_template;
create table bench_template as
select (row_number() over (order by c.case_no)) - 1 as k, c.case_no, c.community, c.process_instance_id as proc_inst_id,
       p.end_time_ as end_time
from yishi_case c join act_hi_procinst p on p.id_ = c.process_instance_id
where c.case_no in ($(sed "s/.*/'&'/" $OUT/templates.txt | paste -sd,)) and p.end_time_ is not null;
SQL
[ "$(rows 'select count(*) from bench_template')" = 3 ] || { echo "the template cases did not complete"; exit 1; }

# 3. N closed cases with their history, by SQL; then seeded against real, per case
: > $OUT/seed.txt
seed_closed 1 "$N"
$PSQL -d $DB -P pager=off -f bench/scale-check.sql | tee -a $RESULTS

# 4. M open cases: case records by SQL, process instances through the engine REST API
$PSQL -d $DB <<SQL
insert into yishi_case (case_no, channel, category, title, description, community, compound, households_affected,
  status, urgency, tier, disposal, responsible_unit, deadline, created_by, created_at, updated_at)
select 'SO-2026-' || lpad(i::text, 7, '0'), 'HOTLINE_12345', 'streetlight', '规模测试诉求 ' || i, '基准测试数据',
  'c' || lpad((1 + i % $COMMUNITIES)::text, 4, '0'), '小区' || (i % 50), 5, 'IN_PROGRESS', 'GREEN', 'STATION',
  'COMMITTED', 'd' || lpad((1 + (i / $COMMUNITIES) % 40)::text, 2, '0'), now() + ((1 + i % 30) || ' days')::interval,
  'bench', now() - interval '3 days', now() - interval '1 day'
from generate_series(1, $M) i;
SQL
t0=$(date +%s)
java bench/SweepSeed.java "$BASE" $ADMIN "$ADMIN_PASSWORD" "$M" "$CLIENTS" "$COMMUNITIES" SO | tail -1 | tee -a $RESULTS
$PSQL -d $DB -c "update yishi_case c set process_instance_id = e.id_ from act_ru_execution e
  where e.business_key_ = c.case_no and e.parent_id_ is null and c.case_no like 'SO-%'" -c "analyze"
note "open tasks: $(rows 'select count(*) from act_ru_task'); authorizations: $(rows 'select count(*) from act_ru_authorization'); database $(rows "select pg_size_pretty(pg_database_size('$DB'))")"
fi

# 5. the webapps' calls: Tasklist as a community's reviewer, a station, a county department; Cockpit as dispatch
[ "${BENCH_MEASURE:-true}" = false ] || java bench/ScaleLoad.java measure "$BASE" "$REPEATS" community.c0001:tasklist \
  station.c0001:tasklist unit.d01:tasklist dispatch:cockpit | tee -a $RESULTS

# 6. 月调度 for last month (the report of a month of closed cases), heap sampled every second
# BENCH_MONTH_ASOF: another day of the run (its month before is reported): a database grown 10k → 100k → 1M holds
# most of its cases in the months before the last one (case g ended g/N × 365 days ago)
ASOF=${BENCH_MONTH_ASOF:-$(date +%Y-%m-01)}
heap_max=0
runs_before=$(rows "select count(*) from yishi_supervision_run where kind = 'MONTHLY'")
t0=$(date +%s.%N)
curl -sf -u "$ADMIN:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
  -d "{\"variables\":{\"asOf\":{\"value\":\"$ASOF\"},\"triggeredBy\":{\"value\":\"$ADMIN\"}}}" \
  "$BASE/engine-rest/process-definition/key/monthlyDispatch/start" > /dev/null
for _ in $(seq 1 600); do
  h=$(heap); [ "$h" -gt "$heap_max" ] && heap_max=$h
  [ "$(rows "select count(*) from yishi_supervision_run where kind = 'MONTHLY'")" -gt "$runs_before" ] && break
  sleep 1
done
t1=$(date +%s.%N)
note "$(printf '月调度 (report of the month before %s): %.1f s, heap max %s MiB (sampled each second); %s' "$ASOF" \
  "$(echo "$t1 - $t0" | bc)" "$heap_max" "$(rows "select 'checked ' || checked || ', overdue ' || overdue from yishi_supervision_run where kind = 'MONTHLY' order by id desc limit 1")")"

# 7. intake at scale against the empty database, one after the other in this run: POST /api/cases as the 12345
# channel (bench/IntakeLoad.java, BENCH_CLIENTS clients, 60 s warm-up), first on this database, then on a copy of
# the database as it was after the directory's first start (no case at all)
INTAKE_SECONDS=${BENCH_INTAKE_SECONDS:-30}
intake() { # file name, label
  local key
  key=$(curl -sf -u "$ADMIN:$ADMIN_PASSWORD" -X POST "$BASE/api/machine-keys/channel.12345/rotate" \
    | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')
  [ -n "$key" ] || { echo "could not issue the channel's machine key"; exit 1; }
  YISHI_BENCH_KEY=$key YISHI_BENCH_COMMUNITIES=$COMMUNITIES java bench/IntakeLoad.java "$BASE" "$CLIENTS" \
    "${BENCH_INTAKE_WARMUP:-60}" "$INTAKE_SECONDS" > "$OUT/intake-$1.txt"
  note "intake, $2: $(grep -E '^(throughput|latency)' "$OUT/intake-$1.txt" | paste -sd';'); load $(cut -d' ' -f1-3 /proc/loadavg)"
}
if [ "$INTAKE_SECONDS" -gt 0 ]; then
  intake scale "this database ($(rows 'select count(*) from act_hi_procinst') historic instances, $(rows 'select count(*) from act_ru_task') open tasks)"
  stop_server
  $PSQL -c "drop database if exists ${DB}_empty with (force)" -c "create database ${DB}_empty template ${DB}_dir"
  SCALE_DB=$DB; DB=${DB}_empty
  SCALE_STANDIN=${AUTOVACUUM_STANDIN:-}; autovacuum_standin $DB
  start_server
  intake empty "the empty database (the same directory, no case)"
  stop_server
  [ -n "${AUTOVACUUM_STANDIN:-}" ] && { pkill -P $AUTOVACUUM_STANDIN; kill $AUTOVACUUM_STANDIN; } 2>/dev/null; AUTOVACUUM_STANDIN=$SCALE_STANDIN
  DB=$SCALE_DB
fi

# 8. history cleanup: restart with a cleanup window from now (the configured one is at night, in the offices' zone;
# until now cleanup was off, so that it removed nothing while the figures above were measured), run it, count
if [ "${BENCH_CLEANUP:-true}" = false ]; then stop_server; echo "results: $RESULTS"; exit 0; fi
stop_server
due=$(rows "select count(*) from act_hi_actinst where removal_time_ < now()")
all=$(rows "select count(*) from act_hi_actinst")
CLEANUP_ENABLED=true start_server \
  --camunda.bpm.generic-properties.properties.history-cleanup-batch-window-start-time=$(TZ=Asia/Shanghai date +%H:%M) \
  --camunda.bpm.generic-properties.properties.history-cleanup-batch-window-end-time=$(TZ=Asia/Shanghai date -d '+2 hours' +%H:%M)
note "restart (directory already synchronised): ${STARTED_IN} s"
count_hist() { rows "select (select count(*) from act_hi_procinst) + (select count(*) from act_hi_actinst) + (select count(*) from act_hi_taskinst) + (select count(*) from act_hi_varinst) + (select count(*) from act_hi_detail) + (select count(*) from act_hi_identitylink) + (select count(*) from act_ge_bytearray where root_proc_inst_id_ is not null)"; }
before=$(count_hist)
curl -sf -u "$ADMIN:$ADMIN_PASSWORD" -X POST "$BASE/engine-rest/history/cleanup?immediatelyDue=true" > /dev/null
CLEANUP_SECONDS=${BENCH_CLEANUP_SECONDS:-120}
sleep "$CLEANUP_SECONDS"
after=$(count_hist)
note "history cleanup: activity instances past their removal time $due of $all; $CLEANUP_SECONDS s removed $((before - after)) history rows ($(( (before - after) * 3600 / CLEANUP_SECONDS )) per hour); $(rows "select count(*) from act_hi_procinst where removal_time_ < now()") process instances still due"
stop_server
echo "results: $RESULTS"
