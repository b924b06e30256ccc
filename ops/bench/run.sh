#!/usr/bin/env bash
# Rota benchmark: start Rota on a fresh PostgreSQL database, drive it with ops/bench/RotaBench.java,
# measure raw PostgreSQL with pgbench in the same run, print and write ops/bench/results/latest.md.
# Usage: ops/bench/run.sh [--clients 8] [--members 50] [--shift-types 5] [--commands 4000]
#                         [--warmup 100] [--query-samples 500] [--coverage-requests 200] [--pgbench-seconds 20]
# Env: ROTA_JAR (default ops/target/rota.jar, built if missing), BENCH_PORT (18181),
#      BENCH_DB (rota_bench; dropped and created), PGHOST/PGPORT/PGUSER/PGPASSWORD (127.0.0.1/5432/postgres/none),
#      ROTA_JAVA_OPTS (JVM options for Rota; default: those of ops/bench/jvm.options),
#      BENCH_JFR (a file: JFR recording of Rota over the measured phase), BENCH_REPORT (default results/latest.md),
#      BENCH_CDS=1 (start Rota from its extracted jar with a class-data sharing archive made by a training run first).
set -euo pipefail

CLIENTS=8
MEMBERS=50
SHIFT_TYPES=5
COMMANDS=4000
WARMUP=100
QUERY_SAMPLES=500
PGBENCH_SECONDS=20
COVERAGE_REQUESTS=200

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --clients) CLIENTS="$2"; shift 2 ;;
    --members) MEMBERS="$2"; shift 2 ;;
    --shift-types) SHIFT_TYPES="$2"; shift 2 ;;
    --commands) COMMANDS="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --query-samples) QUERY_SAMPLES="$2"; shift 2 ;;
    --pgbench-seconds) PGBENCH_SECONDS="$2"; shift 2 ;;
    --coverage-requests) COVERAGE_REQUESTS="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 64 ;;
  esac
done
for v in CLIENTS MEMBERS SHIFT_TYPES COMMANDS WARMUP QUERY_SAMPLES PGBENCH_SECONDS COVERAGE_REQUESTS; do
  case "${!v}" in ''|*[!0-9]*) echo "$v must be a non-negative integer, got '${!v}'" >&2; exit 64 ;; esac
done

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$BENCH_DIR/../.." && pwd)"
RESULTS_DIR="$BENCH_DIR/results"
PORT="${BENCH_PORT:-18181}"
BASE="http://localhost:$PORT"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
DB="${BENCH_DB:-rota_bench}"
ADMIN_PASSWORD=bench-admin-pw

for tool in java psql pgbench curl; do
  command -v "$tool" >/dev/null || { echo "missing required tool: $tool" >&2; exit 69; }
done
mkdir -p "$RESULTS_DIR"

# ---------------------------------------------------------------- jar
if [ -n "${ROTA_JAR:-}" ]; then
  JAR="$ROTA_JAR"
  [ -f "$JAR" ] || { echo "ROTA_JAR=$JAR does not exist" >&2; exit 66; }
else
  JAR="$REPO_ROOT/ops/target/rota.jar"
  if [ ! -f "$JAR" ]; then
    echo "== building $JAR"
    (cd "$REPO_ROOT" && ./mvnw -B -q -DskipTests package)
  fi
fi
JAR="$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")"

if curl -s -o /dev/null --max-time 2 "$BASE/" 2>/dev/null; then
  echo "port $PORT is already in use; stop what runs there or set BENCH_PORT" >&2; exit 75
fi

# ---------------------------------------------------------------- clean-up, always
WORK="$(mktemp -d "${TMPDIR:-/tmp}/rota-bench.XXXXXX")"
ROTA_PID=""
cleanup() {
  local rc=$?
  if [ -n "$ROTA_PID" ] && kill -0 "$ROTA_PID" 2>/dev/null; then
    kill "$ROTA_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$ROTA_PID" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$ROTA_PID" 2>/dev/null || true
    wait "$ROTA_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- database
echo "== PostgreSQL $PGHOST:$PGPORT: recreating database $DB"
PG_VERSION="$(psql -X -At -d postgres -c 'show server_version')"
PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -d postgres \
  -c "drop database if exists $DB with (force)" \
  -c "create database $DB"

# ---------------------------------------------------------------- JVM options, class-data sharing (optional)
LOG="$RESULTS_DIR/rota.log"
DEFAULT_JAVA_OPTS=""
if [ -f "$BENCH_DIR/jvm.options" ]; then DEFAULT_JAVA_OPTS="$(grep -v '^#' "$BENCH_DIR/jvm.options" | tr '\n' ' ' || true)"; fi
JAVA_OPTS="${ROTA_JAVA_OPTS-$DEFAULT_JAVA_OPTS}"
if [ -n "${BENCH_JFR:-}" ]; then JAVA_OPTS="$JAVA_OPTS -XX:FlightRecorderOptions:stackdepth=512"; fi
RUN_JAR="$JAR"
CDS_OPTS=""
if [ "${BENCH_CDS:-}" = 1 ]; then
  echo "== CDS: extracting the jar and recording the classes of one start (training run on $DB)"
  java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
  RUN_JAR="$WORK/app/$(basename "$JAR")"
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
  SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" ROTA_ADMIN_PASSWORD="$ADMIN_PASSWORD" ROTA_DATA_DIR="$WORK/data" \
  ROTA_JWT_SECRET="$(head -c 36 /dev/urandom | base64 | tr -d '\n')" SERVER_PORT="$PORT" \
    java $JAVA_OPTS -XX:ArchiveClassesAtExit="$WORK/app/rota.jsa" -Dspring.context.exit=onRefresh -Daxoniq.update-checker.disabled=true \
      -jar "$RUN_JAR" >"$RESULTS_DIR/rota-cds-training.log" 2>&1 || { echo "CDS training run failed" >&2; tail -n 20 "$RESULTS_DIR/rota-cds-training.log" >&2; exit 70; }
  CDS_OPTS="-XX:SharedArchiveFile=$WORK/app/rota.jsa"
  # the training run migrated and seeded the database: start again from an empty one
  PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -d postgres \
    -c "drop database if exists $DB with (force)" -c "create database $DB"
fi

# ---------------------------------------------------------------- start Rota
JWT_SECRET="$(head -c 36 /dev/urandom | base64 | tr -d '\n' | tr '+/' '-_')"   # 48 chars
echo "== starting Rota ($JAR) on port $PORT, JVM options: ${JAVA_OPTS:-none}, log $LOG"
T0=$(date +%s%N)
SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
SPRING_DATASOURCE_USERNAME="$PGUSER" \
SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
ROTA_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
ROTA_JWT_SECRET="$JWT_SECRET" \
SERVER_PORT="$PORT" \
ROTA_DATA_DIR="$WORK/data" \
  java $JAVA_OPTS $CDS_OPTS -Daxoniq.update-checker.disabled=true -jar "$RUN_JAR" >"$LOG" 2>&1 &
ROTA_PID=$!

READY=""
for _ in $(seq 1 900); do   # at most ~3 minutes
  if ! kill -0 "$ROTA_PID" 2>/dev/null; then
    echo "Rota exited during start-up; last log lines:" >&2; tail -n 40 "$LOG" >&2; exit 70
  fi
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/actuator/health/readiness" || true)"
  if [ "$code" = 200 ]; then READY=yes; break; fi
  sleep 0.2
done
[ -n "$READY" ] || { echo "Rota not ready after 3 minutes; last log lines:" >&2; tail -n 40 "$LOG" >&2; exit 70; }
T1=$(date +%s%N)
STARTUP_S="$(awk -v a="$T0" -v b="$T1" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')"
# CPU seconds Rota used to get ready (utime + stime, clock ticks of 10 ms): robust to a busy machine, unlike the wall time
STARTUP_CPU_S="$(awk '{ sub(/^.*\) /, ""); split($0, f, " "); printf "%.1f", (f[12] + f[13]) / 100 }' "/proc/$ROTA_PID/stat")"
SPRING_STARTED="$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$LOG" | head -n1 | awk '{print $4}' || true)"
echo "== ready after $STARTUP_S s, $STARTUP_CPU_S CPU seconds (Spring reports ${SPRING_STARTED:-?} s)"

# ---------------------------------------------------------------- Rota load
PROPS="$WORK/rota.properties"
echo "== load driver"
set +e
timeout 1200 java "$BENCH_DIR/RotaBench.java" --base "$BASE" --clients "$CLIENTS" --members "$MEMBERS" \
  --shift-types "$SHIFT_TYPES" --commands "$COMMANDS" --warmup "$WARMUP" --query-samples "$QUERY_SAMPLES" \
  --coverage-requests "$COVERAGE_REQUESTS" \
  --password "$ADMIN_PASSWORD" --out "$PROPS" --rota-pid "$ROTA_PID" --pg-database "$DB" \
  ${BENCH_JFR:+--jfr "$BENCH_JFR"}
DRIVER_RC=$?
set -e

# RSS right after the load, before Rota idles through pgbench
rss_field() { awk -v f="$1:" '$1 == f { printf "%.0f", $2 / 1024 }' "/proc/$ROTA_PID/status" 2>/dev/null || true; }
VMRSS_MB="$(rss_field VmRSS)"
VMHWM_MB="$(rss_field VmHWM)"

# ---------------------------------------------------------------- pgbench
echo "== pgbench: one-insert transaction, $CLIENTS clients, $PGBENCH_SECONDS s"
psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -c \
  "create table if not exists bench_insert(id bigserial primary key, payload text not null, at timestamptz not null default now())"
echo "insert into bench_insert(payload) values ('x');" >"$WORK/insert.sql"
PGBENCH_JOBS=2; [ "$CLIENTS" -lt 2 ] && PGBENCH_JOBS=1
PGBENCH_OUT="$WORK/pgbench.out"
if pgbench -n -c "$CLIENTS" -j "$PGBENCH_JOBS" -T "$PGBENCH_SECONDS" -f "$WORK/insert.sql" "$DB" >"$PGBENCH_OUT" 2>&1; then
  PGBENCH_TPS="$(awk '/^tps = / { v = $3 } /^tps = .*without initial/ { w = $3 } END { print (w != "" ? w : v) }' "$PGBENCH_OUT")"
  PGBENCH_LAT="$(awk '/^latency average = / { print $4 }' "$PGBENCH_OUT")"
else
  echo "pgbench failed:" >&2; cat "$PGBENCH_OUT" >&2
  PGBENCH_TPS=""; PGBENCH_LAT=""
fi

# ---------------------------------------------------------------- report
prop() { if [ -f "$PROPS" ]; then sed -n "s/^$1=//p" "$PROPS" | head -n1; fi; }
val() { local v; v="$(prop "$1")"; echo "${v:-n/a}"; }
CPS="$(prop commands_per_s)"
RATIO="n/a"
if [ -n "$CPS" ] && [ -n "$PGBENCH_TPS" ]; then
  RATIO="$(awk -v a="$CPS" -v b="$PGBENCH_TPS" 'BEGIN { if (b > 0) printf "%.3f (%.1f%%)", a / b, 100 * a / b; else print "n/a" }')"
fi
MEM_GIB="$(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)"
CPU_MODEL="$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
JAVA_VERSION="$(java -version 2>&1 | head -n1)"
JAR_REV="$(git -C "$(dirname "$JAR")" rev-parse --short HEAD 2>/dev/null || echo '?')"

REPORT="${BENCH_REPORT:-$RESULTS_DIR/latest.md}"
{
  echo "# Rota benchmark"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "- machine: $(nproc) CPUs, ${MEM_GIB} GiB RAM, ${CPU_MODEL:-unknown CPU}"
  echo "- software: $JAVA_VERSION; PostgreSQL $PG_VERSION at $PGHOST:$PGPORT (shared by Rota and pgbench)"
  echo "- jar: $JAR (git $JAR_REV)"
  echo "- JVM options: ${JAVA_OPTS:-none}${CDS_OPTS:+ (and class-data sharing: $CDS_OPTS)}"
  echo "- settings: clients $CLIENTS, members $MEMBERS, shift types $SHIFT_TYPES, commands $COMMANDS (+ $WARMUP warm-up), query samples $QUERY_SAMPLES, pgbench $PGBENCH_SECONDS s, phones $(val phone_scheme)"
  echo "- driver: exit code $DRIVER_RC$( [ -n "$(prop failure)" ] && echo ", failure: $(prop failure)")"
  echo
  echo "| measure | value |"
  echo "| --- | --- |"
  echo "| assignment commands/s sustained | $(val commands_per_s) ($(val commands_ok) ok, $(val commands_conflict) conflicts, $(val commands_error) errors in $(val command_phase_s) s; time cap hit: $(val commands_capped)) |"
  echo "| command latency p50 / p99 (ms) | $(val cmd_p50_ms) / $(val cmd_p99_ms) (max $(val cmd_max_ms)) |"
  echo "| projection lag p50 / p99 (ms) | $(val lag_p50_ms) / $(val lag_p99_ms) (max $(val lag_max_ms); $(val lag_samples) samples of which $(val lag_timeouts) not visible within 10 s, counted as >10000; p50 by quarter of the run: $(val lag_p50_by_quarter_ms)) |"
  echo "| calendar month query p50 / p99 (ms) | $(val calendar_p50_ms) / $(val calendar_p99_ms) ($(val calendar_samples) ok, $(val calendar_errors) errors, avg $(val calendar_avg_slots) assigned slots) |"
  echo "| on-call query p50 / p99 (ms) | $(val oncall_p50_ms) / $(val oncall_p99_ms) ($(val oncall_samples) ok, $(val oncall_errors) errors, $(val oncall_missing_assignee) without the expected assignee) |"
  echo "| CPU over the measured phase (s): Rota / PostgreSQL / load driver | $(val rota_cpu_s) / $(val pg_cpu_s) / $(val driver_cpu_s) (Rota busy $(val rota_cores_busy) cores on average) |"
  echo "| Rota CPU per command (ms) | $(val rota_cpu_ms_per_command) (PostgreSQL $(val pg_cpu_ms_per_command)); the phase also holds the lag poller's $(val lag_polls) calendar reads and the projections' work |"
  echo "| Rota CPU per command without its idle CPU (ms) | $(val rota_cpu_ms_per_command_net) (idle: $(val rota_idle_cpu_ms_per_s) ms CPU per second, measured over 10 s before the phase) |"
  echo "| PostgreSQL transactions committed per command | $(val pg_commits_per_command) (every transaction of the database over the phase: commands, processors' batches, JobRunr, the lag poller's reads) |"
  echo "| pgbench one-insert tps ($CLIENTS clients) | ${PGBENCH_TPS:-n/a} (latency avg ${PGBENCH_LAT:-n/a} ms) |"
  echo "| ratio Rota commands/s ÷ pgbench tps | $RATIO |"
  echo "| start-up to readiness (s) | $STARTUP_S (Spring: ${SPRING_STARTED:-n/a} s; $STARTUP_CPU_S CPU seconds) |"
  echo "| RSS after load: VmRSS / VmHWM (MiB) | ${VMRSS_MB:-n/a} / ${VMHWM_MB:-n/a} |"
  echo "| projection catch-up after the last command (ms) | $(val catch_up_ms) |"
  echo "| coverage claims race: claims/s, p50 / p99 (ms) | $(val claims_per_s); $(val claim_p50_ms) / $(val claim_p99_ms) ($(val claims_issued) claims by $CLIENTS clients on $(val coverage_requests) open shifts: $(val claims_won) won, $(val claims_lost_409) lost with 409, $(val claims_error) errors) |"
  echo "| coverage: slots given to two members / not held by their winner | $(val coverage_double_wins) / $(val coverage_slots_not_held_by_winner) |"
} >"$REPORT"

echo
cat "$REPORT"
echo
echo "(written to $REPORT; Rota log in $LOG)"
exit "$DRIVER_RC"
