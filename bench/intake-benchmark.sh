#!/usr/bin/env bash
# Intake benchmark: POST /api/cases on PostgreSQL with concurrent clients (see README "Benchmark"), and in the same
# run the floor: a bare Camunda start of a one-task process through /engine-rest with the same clients; prints both
# throughputs and their ratio (BENCH_BARE=false: intake only). BENCH_NODES=2 then starts a second node of the same
# build on the same database and measures the intake again with the same clients spread over both nodes.
# Usage: bench/intake-benchmark.sh [clients] [seconds] [warm-up seconds]
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust) and a built jar (./mvnw -B package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${1:-16}
SECONDS_MEASURED=${2:-60}
# the JIT compiles for about a minute under this load; a shorter warm-up measures the compiler too
WARMUP=${3:-60}
PORT=${BENCH_PORT:-18080}
DB=${BENCH_DB:-yishi_bench}
# BENCH_JAR: another build to measure (e.g. an older commit's jar, for a comparison in one session)
JAR=${BENCH_JAR:-$(ls target/yishi-*.jar 2>/dev/null | grep -v original | head -1 || true)}
# the Boot jar, else (a build without Boot's repackaging, offline) the compiled classes with Maven's classpath
if [ -n "$JAR" ] && unzip -l "$JAR" 2>/dev/null | grep BOOT-INF/ > /dev/null; then
  LAUNCH=(-jar "$JAR")
else
  mkdir -p target/bench-scale
  [ -s target/bench-scale/classpath.txt ] || ./mvnw -B -o -X compiler:testCompile 2>/dev/null \
    | sed -n 's/.*(f) testPath = \[\(.*\)\]$/\1/p' | tr ',' '\n' | sed 's/^ *//' | grep -v test-classes > target/bench-scale/classpath.txt
  LAUNCH=(-cp "target/classes:$(paste -sd: target/bench-scale/classpath.txt)" cn.yishi.YishiApplication)
  JAR=target/classes
fi

psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB with (force)" -c "create database $DB"

java -Xmx512m -Xms512m ${BENCH_JAVA_OPTS:-} "${LAUNCH[@]}" \
  --spring.profiles.active=postgres \
  --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB \
  --spring.datasource.username=postgres \
  --yishi.admin.id=bench.admin --yishi.admin.password='Bench-Admin-2026!' \
  --yishi.demo-users.enabled=true \
  --server.port=$PORT \
  --logging.level.root=WARN > target/bench-server.log 2>&1 &
SERVER=$!
. bench/autovacuum.sh
autovacuum_standin $DB
trap 'kill $SERVER ${NODE2:-} 2>/dev/null || true; [ -n "${AUTOVACUUM_STANDIN:-}" ] && { pkill -P $AUTOVACUUM_STANDIN; kill $AUTOVACUUM_STANDIN; } 2>/dev/null; true' EXIT
for _ in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { echo "server did not start"; tail -50 target/bench-server.log; exit 1; }

if [ "${BENCH_AUTH:-key}" = basic ]; then
  # HTTP Basic with the demo channel account (builds before machine keys; the /api login cache applies)
  export YISHI_BENCH_BASIC='channel.12345:demo'
  unset YISHI_BENCH_KEY
else
  # the 12345 channel posts with its machine key, issued by the admin (shown once)
  YISHI_BENCH_KEY=$(curl -sf -u 'bench.admin:Bench-Admin-2026!' -X POST \
    "http://127.0.0.1:$PORT/api/machine-keys/channel.12345/rotate" | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')
  [ -n "$YISHI_BENCH_KEY" ] || { echo "could not issue the channel's machine key"; exit 1; }
  export YISHI_BENCH_KEY
fi
echo "jar: $JAR, auth: ${BENCH_AUTH:-key}"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; java $(java -version 2>&1 | head -1)"

# CPU seconds of the server, of PostgreSQL and of the load driver during the measured time (from /proc)
cpu_ticks() {
  local server=0 pg=0 driver=0 p
  for p in /proc/$SERVER/task/*; do server=$((server + $(awk '{print $14+$15}' "$p/stat" 2>/dev/null || echo 0))); done
  for p in $(pgrep -u postgres); do pg=$((pg + $(awk '{print $14+$15}' /proc/$p/stat 2>/dev/null || echo 0))); done
  for p in $(pgrep -f IntakeLoad); do driver=$((driver + $(awk '{print $14+$15}' /proc/$p/stat 2>/dev/null || echo 0))); done
  echo "$server $pg $driver"
}
WINDOW=$((SECONDS_MEASURED > 6 ? SECONDS_MEASURED - 4 : SECONDS_MEASURED))
( sleep $((WARMUP + 2)); a=($(cpu_ticks)); sleep "$WINDOW"; b=($(cpu_ticks)); hz=$(getconf CLK_TCK)
  awk -v s=$((b[0]-a[0])) -v p=$((b[1]-a[1])) -v d=$((b[2]-a[2])) -v hz="$hz" -v w="$WINDOW" \
    'BEGIN{printf "cpu while measuring (cores): server %.2f, postgresql %.2f, load driver %.2f\n", s/hz/w, p/hz/w, d/hz/w}' \
    > target/bench-cpu.txt ) &
SAMPLER=$!
java bench/IntakeLoad.java "http://127.0.0.1:$PORT" "$CLIENTS" "$WARMUP" "$SECONDS_MEASURED" | tee target/bench-intake.txt
wait $SAMPLER 2>/dev/null || true
cat target/bench-cpu.txt 2>/dev/null || true

if [ "${BENCH_NODES:-1}" = 2 ]; then
  # two nodes of one homogeneous cluster (README "Beyond one machine"): the same jar on the same database, the
  # same clients, half of them on each node
  java -Xmx512m -Xms512m ${BENCH_JAVA_OPTS:-} "${LAUNCH[@]}" --spring.profiles.active=postgres \
    --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB --spring.datasource.username=postgres \
    --yishi.admin.id=bench.admin --yishi.admin.password='Bench-Admin-2026!' --yishi.demo-users.enabled=true \
    --server.port=$((PORT + 1)) --logging.level.root=WARN > target/bench-server-node2.log 2>&1 &
  NODE2=$!
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$((PORT + 1))/actuator/health" >/dev/null && break; sleep 1; done
  curl -sf "http://127.0.0.1:$((PORT + 1))/actuator/health" >/dev/null || { echo "node 2 did not start"; exit 1; }
  echo "two nodes (ports $PORT and $((PORT + 1))), the same $CLIENTS clients spread over both:"
  java bench/IntakeLoad.java "http://127.0.0.1:$PORT,http://127.0.0.1:$((PORT + 1))" "$CLIENTS" "$WARMUP" \
    "$SECONDS_MEASURED" | tee target/bench-intake-2nodes.txt
  kill $NODE2; wait $NODE2 2>/dev/null || true; NODE2=
  one=$(sed -n 's/^throughput: \([0-9.]*\).*/\1/p' target/bench-intake.txt)
  two=$(sed -n 's/^throughput: \([0-9.]*\).*/\1/p' target/bench-intake-2nodes.txt)
  awk -v a="$one" -v b="$two" 'BEGIN{printf "intake on one node %.1f cases/s, on two nodes %.1f cases/s: %.2fx\n", a, b, b/a}'
fi

if [ "${BENCH_BARE:-true}" = true ]; then
  # the floor: a one-task process without listeners of its own, deployed here, started by the admin through the
  # engine REST API (the same engine, plugins and database; no case record, no decisions, one variable)
  cat > target/bench-bare.bpmn <<'BPMN'
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
    -F "bench-bare.bpmn=@target/bench-bare.bpmn" "http://127.0.0.1:$PORT/engine-rest/deployment/create" > /dev/null \
    || { echo "could not deploy the one-task process"; exit 1; }
  echo "bare Camunda start of a one-task process (POST /engine-rest/process-definition/key/benchBare/start):"
  YISHI_BENCH_BASIC='bench.admin:Bench-Admin-2026!' java bench/IntakeLoad.java "http://127.0.0.1:$PORT" "$CLIENTS" \
    "$WARMUP" "$SECONDS_MEASURED" bare:benchBare | tee target/bench-bare.txt
  intake=$(sed -n 's/^throughput: \([0-9.]*\).*/\1/p' target/bench-intake.txt)
  bare=$(sed -n 's/^throughput: \([0-9.]*\).*/\1/p' target/bench-bare.txt)
  awk -v i="$intake" -v b="$bare" 'BEGIN{printf "intake %.1f cases/s, bare start %.1f/s: ratio %.2f\n", i, b, i/b}'
fi
