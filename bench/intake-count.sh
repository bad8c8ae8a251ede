#!/usr/bin/env bash
# What one intake costs, counted rather than timed (issue 18): after a warm-up, exactly N requests of
# POST /api/cases and then N bare starts of a one-task process through /engine-rest (as bench/intake-benchmark.sh),
# and for each: rows inserted/updated/deleted per table and per request (pg_stat_user_tables), statements per request
# (PostgreSQL's log_statement for this database only, BENCH_STATEMENTS=true), the bytes the server allocated, and CPU
# ms per request of the server and of this database's PostgreSQL backends (/proc). Rows, statements and allocation do
# not depend on the machine's load, CPU does (compare it within one run only); run with BENCH_STATEMENTS=false for CPU
# figures (logging every statement costs PostgreSQL CPU).
# Usage: bench/intake-count.sh [requests] [clients] [warm-up seconds]
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust; its log readable for the statement count) and a build.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-500}
CLIENTS=${2:-2}
WARMUP=${3:-30}
PORT=${BENCH_PORT:-18091}
DB=${BENCH_DB:-yishi_bench_count}
STATEMENTS=${BENCH_STATEMENTS:-true}
PGLOG=${BENCH_PG_LOG:-$(ls /var/log/postgresql/postgresql-*-main.log 2>/dev/null | head -1)}
OUT=${BENCH_OUT:-target/bench-count}
mkdir -p $OUT
JAR=${BENCH_JAR:-$(ls target/yishi-*.jar 2>/dev/null | grep -v original | head -1 || true)}
if [ -n "$JAR" ] && unzip -l "$JAR" 2>/dev/null | grep BOOT-INF/ > /dev/null; then
  LAUNCH=(-jar "$JAR")
else
  mkdir -p target/bench-scale
  [ -s target/bench-scale/classpath.txt ] || ./mvnw -B -o -X compiler:testCompile 2>/dev/null \
    | sed -n 's/.*(f) testPath = \[\(.*\)\]$/\1/p' | tr ',' '\n' | sed 's/^ *//' | grep -v test-classes > target/bench-scale/classpath.txt
  # a copy of the classes (BENCH_CLASSES: another build's), so that a build during the run does not change them
  rm -rf $OUT/classes && cp -r "${BENCH_CLASSES:-target/classes}" $OUT/classes
  LAUNCH=(-cp "$OUT/classes:$(paste -sd: target/bench-scale/classpath.txt)" cn.yishi.YishiApplication)
fi

psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB with (force)" -c "create database $DB"
[ "$STATEMENTS" = true ] && psql -h 127.0.0.1 -U postgres -q -c "alter database $DB set log_statement = 'all'"

java -Xmx512m -Xms512m ${BENCH_JAVA_OPTS:-} "${LAUNCH[@]}" \
  --spring.profiles.active=postgres \
  --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB \
  --spring.datasource.username=postgres \
  --yishi.admin.id=bench.admin --yishi.admin.password='Bench-Admin-2026!' \
  --yishi.demo-users.enabled=true \
  --server.port=$PORT \
  --logging.level.root=WARN > $OUT/server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { echo "server did not start"; tail -50 $OUT/server.log; exit 1; }
YISHI_BENCH_KEY=$(curl -sf -u 'bench.admin:Bench-Admin-2026!' -X POST \
  "http://127.0.0.1:$PORT/api/machine-keys/channel.12345/rotate" | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')
export YISHI_BENCH_KEY YISHI_BENCH_BASIC="bench.admin:Bench-Admin-2026!"
cat > $OUT/bench-bare.bpmn <<'BPMN'
<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="benchBareDefinitions" targetNamespace="http://yishi.cn/bench">
  <bpmn:process id="benchBare" name="基准：单任务流程" isExecutable="true" camunda:historyTimeToLive="P180D">
    <bpmn:startEvent id="start"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
    <bpmn:userTask id="task" name="基准任务" camunda:candidateGroups="dispatch-centre"/>
    <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
    <bpmn:endEvent id="end"/>
  </bpmn:process>
</bpmn:definitions>
BPMN
curl -sf -u "bench.admin:Bench-Admin-2026!" -F deployment-name=bench-bare -F deploy-changed-only=true \
  -F "bench-bare.bpmn=@$OUT/bench-bare.bpmn" "http://127.0.0.1:$PORT/engine-rest/deployment/create" > /dev/null

HZ=$(getconf CLK_TCK)
tables() {
  psql -h 127.0.0.1 -U postgres -d $DB -At -F ' ' -c "select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables"
}
backends() {
  psql -h 127.0.0.1 -U postgres -At -c "select pid from pg_stat_activity where datname = '$DB' and pid <> pg_backend_pid()"
}
cpu() { # server ticks, backend ticks
  local s=0 b=0 p
  for p in /proc/$SERVER/task/*; do s=$((s + $(awk '{print $14+$15}' "$p/stat" 2>/dev/null || echo 0))); done
  for p in $(backends); do b=$((b + $(awk '{print $14+$15}' /proc/$p/stat 2>/dev/null || echo 0))); done
  echo "$s $b"
}

allocated() { # bytes the server allocated so far (Micrometer counts them at each collection, so collect first)
  jcmd $SERVER GC.run > /dev/null 2>&1 || true
  sleep 1
  curl -sf "http://127.0.0.1:$PORT/actuator/prometheus" | awk '/^jvm_gc_memory_allocated_bytes_total/ {s += $2} END {printf "%.0f", s}'
}

measure() { # name, extra IntakeLoad argument
  local name=$1 extra=${2:-}
  java bench/IntakeLoad.java "http://127.0.0.1:$PORT" "$CLIENTS" "$WARMUP" 1 $extra > $OUT/$name-warmup.txt
  sleep 12 # backends flush their table statistics when idle (at most every 10 s)
  tables > $OUT/$name-before.txt
  local logfrom=0
  [ -n "$PGLOG" ] && logfrom=$(stat -c %s "$PGLOG")
  local a0; a0=$(allocated)
  local c0=($(cpu))
  YISHI_BENCH_REQUESTS=$N java bench/IntakeLoad.java "http://127.0.0.1:$PORT" "$CLIENTS" 0 1 $extra > $OUT/$name-run.txt
  local c1=($(cpu))
  local a1; a1=$(allocated)
  sleep 12
  tables > $OUT/$name-after.txt
  local stmts=- begins=-
  if [ "$STATEMENTS" = true ] && [ -n "$PGLOG" ]; then
    tail -c +$((logfrom + 1)) "$PGLOG" | grep -E "@$DB LOG:  (statement: .|execute)" > $OUT/$name-statements.log || true
    stmts=$(wc -l < $OUT/$name-statements.log)
    begins=$(grep -cE ": (BEGIN|COMMIT|ROLLBACK)$" $OUT/$name-statements.log || true)
  fi
  local ok; ok=$(sed -n 's/^cases created: \([0-9]*\).*/\1/p' $OUT/$name-run.txt)
  echo "== $name: $ok requests ($CLIENTS clients after ${WARMUP}s warm-up)"
  awk -v s=$((c1[0]-c0[0])) -v b=$((c1[1]-c0[1])) -v hz=$HZ -v n=$ok \
    'BEGIN{printf "cpu ms per request: server %.2f, postgresql backends %.2f\n", s*1000/hz/n, b*1000/hz/n}'
  awk -v a=$((a1-a0)) -v n=$ok 'BEGIN{printf "server allocation per request: %.0f KiB\n", a/1024/n}'
  [ "$stmts" != - ] && awk -v t=$stmts -v x=$begins -v n=$ok \
    'BEGIN{printf "statements per request: %.2f (of them BEGIN/COMMIT/ROLLBACK %.2f)\n", t/n, x/n}'
  python3 - "$OUT/$name-before.txt" "$OUT/$name-after.txt" "$ok" <<'PY'
import sys
def load(f):
    return {l.split()[0]: list(map(int, l.split()[1:])) for l in open(f) if l.strip()}
a, b, n = load(sys.argv[1]), load(sys.argv[2]), int(sys.argv[3])
rows, tot = [], [0, 0, 0]
for t in sorted(b):
    d = [x - y for x, y in zip(b[t], a.get(t, [0, 0, 0]))]
    if any(d):
        rows.append((t, d))
        tot = [x + y for x, y in zip(tot, d)]
print("%-32s %8s %8s %8s" % ("rows per request", "ins", "upd", "del"))
for t, d in rows:
    print("%-32s %8.2f %8.2f %8.2f" % (t, d[0] / n, d[1] / n, d[2] / n))
print("%-32s %8.2f %8.2f %8.2f" % ("total", tot[0] / n, tot[1] / n, tot[2] / n))
PY
}

{ measure intake; [ "${BENCH_BARE:-true}" = true ] && measure bare bare:benchBare; } | tee $OUT/results.txt
[ "$STATEMENTS" = true ] && psql -h 127.0.0.1 -U postgres -q -c "alter database $DB reset log_statement" || true
