#!/usr/bin/env bash
# Large-history measurements (issue 10), on a database loaded by ops/bench/history-load.sh (kept, not dropped):
# starts Rota on it, waits until every processor is caught up, runs ops/bench/HistoryBench.java (calendar month,
# as-of month, on-call, audit page plain and filtered, a year's fairness report, replay of the calendar projection),
# reads Rota's RSS, runs pgbench beside it in the same run, prints and writes ops/bench/results/history-latest.md.
# Endpoints not built yet are reported as "endpoint missing (404/405)".
# With --prepare (the default), the read models are first built the fast way: Rota starts once to migrate the
# database, every processor's token is set to the head, and the measured projections (calendar, audit, reports)
# are rebuilt from the first event with POST /admin/projections/{name}/replay, each timed (events/s); the
# processors whose reads are not measured (swaps, coverage, feeds, directory, notifier, sagas) stay at the head.
# Usage: ops/bench/history.sh [--db rota_history] [--samples 400] [--fairness-samples 10] [--replay true|false]
#                             [--prepare true|false] [--rebuild "calendar audit reports"] [--clients 8] [--pgbench-seconds 20]
# Env: ROTA_JAR (default ops/target/rota.jar, built if missing), BENCH_PORT (18181),
#      PGHOST/PGPORT/PGUSER/PGPASSWORD (127.0.0.1/5432/postgres/none).
set -euo pipefail

DB=rota_history
SAMPLES=400
FAIRNESS_SAMPLES=10
REPLAY=true
PREPARE=true
REBUILD="calendar audit reports"
CLIENTS=8
PGBENCH_SECONDS=20

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB="$2"; shift 2 ;;
    --samples) SAMPLES="$2"; shift 2 ;;
    --fairness-samples) FAIRNESS_SAMPLES="$2"; shift 2 ;;
    --replay) REPLAY="$2"; shift 2 ;;
    --prepare) PREPARE="$2"; shift 2 ;;
    --rebuild) REBUILD="$2"; shift 2 ;;
    --clients) CLIENTS="$2"; shift 2 ;;
    --pgbench-seconds) PGBENCH_SECONDS="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 64 ;;
  esac
done
for v in SAMPLES FAIRNESS_SAMPLES CLIENTS PGBENCH_SECONDS; do
  case "${!v}" in ''|*[!0-9]*) echo "$v must be a non-negative integer, got '${!v}'" >&2; exit 64 ;; esac
done
case "$REPLAY" in true|false) ;; *) echo "--replay must be true or false" >&2; exit 64 ;; esac
case "$PREPARE" in true|false) ;; *) echo "--prepare must be true or false" >&2; exit 64 ;; esac
case "$DB" in ''|*[!a-z0-9_]*) echo "--db must be a plain lower-case database name" >&2; exit 64 ;; esac

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$BENCH_DIR/../.." && pwd)"
RESULTS_DIR="$BENCH_DIR/results"
PORT="${BENCH_PORT:-18181}"
BASE="http://localhost:$PORT"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
ADMIN_PASSWORD=bench-admin-pw   # the super admin history-load.sh created

for tool in java psql pgbench curl; do
  command -v "$tool" >/dev/null || { echo "missing required tool: $tool" >&2; exit 69; }
done
mkdir -p "$RESULTS_DIR"

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

EVENTS="$(psql -X -At -d "$DB" -c 'select count(*) from domain_event_entry' 2>/dev/null || true)"
case "$EVENTS" in ''|0) echo "database $DB has no history: run ops/bench/history-load.sh first" >&2; exit 66 ;; esac
if curl -s -o /dev/null --max-time 2 "$BASE/" 2>/dev/null; then
  echo "port $PORT is already in use; stop what runs there or set BENCH_PORT" >&2; exit 75
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/rota-history-bench.XXXXXX")"
ROTA_PID=""
cleanup() {
  local rc=$?
  if [ -n "$ROTA_PID" ] && kill -0 "$ROTA_PID" 2>/dev/null; then
    kill "$ROTA_PID" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$ROTA_PID" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$ROTA_PID" 2>/dev/null || true
    wait "$ROTA_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

PG_VERSION="$(psql -X -At -d postgres -c 'show server_version')"
DB_SIZE="$(psql -X -At -d "$DB" -c "select pg_size_pretty(pg_database_size(current_database()))")"

# ---------------------------------------------------------------- start Rota on the history
LOG="$RESULTS_DIR/rota-history.log"
JWT_SECRET="$(head -c 36 /dev/urandom | base64 | tr -d '\n' | tr '+/' '-_')"
start_rota() {
  echo "== starting Rota on $DB ($EVENTS events), port $PORT, log $LOG"
  T0=$(date +%s%N)
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
  SPRING_DATASOURCE_USERNAME="$PGUSER" \
  SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
  ROTA_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  ROTA_JWT_SECRET="$JWT_SECRET" \
  SERVER_PORT="$PORT" \
  ROTA_DATA_DIR="$WORK/data" \
    java -Daxoniq.update-checker.disabled=true -jar "$JAR" >"$LOG" 2>&1 &
  ROTA_PID=$!
  READY=""
  for _ in $(seq 1 1500); do   # at most ~5 minutes
    kill -0 "$ROTA_PID" 2>/dev/null || { echo "Rota exited during start-up:" >&2; tail -n 40 "$LOG" >&2; exit 70; }
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/actuator/health/readiness" || true)"
    if [ "$code" = 200 ]; then READY=yes; break; fi
    sleep 0.2
  done
  [ -n "$READY" ] || { echo "Rota not ready after 5 minutes:" >&2; tail -n 40 "$LOG" >&2; exit 70; }
  STARTUP_S="$(awk -v a="$T0" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')"
  echo "== ready after $STARTUP_S s"
}
stop_rota() {
  kill "$ROTA_PID" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$ROTA_PID" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$ROTA_PID" 2>/dev/null || true
  wait "$ROTA_PID" 2>/dev/null || true
  ROTA_PID=""
}
login() {
  TOKEN="$(curl -s --max-time 10 -H 'content-type: application/json' -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" \
    "$BASE/api/v1/auth/login" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')"
  [ -n "$TOKEN" ] || { echo "cannot log in as admin (password $ADMIN_PASSWORD, set by history-load.sh)" >&2; exit 70; }
}

REBUILDS=""
if [ "$PREPARE" = true ]; then
  start_rota   # migrates the database to this jar's schema
  stop_rota
  echo "== every processor's token set to the head"
  psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -c "
    insert into token_entry (processor_name, segment, token, token_type, timestamp, owner)
    select p, 0, convert_to('{\"index\":' || h || ',\"gaps\":[]}', 'UTF8'), 'org.axonframework.eventhandling.GapAwareTrackingToken',
           to_char(now() at time zone 'utc', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), null
    from unnest(array['groups', 'calendar', 'swaps', 'coverage', 'feeds', 'reports', 'audit', 'directory', 'notifier',
                      'SwapSagaProcessor', 'CoverageSagaProcessor']) p,
         (select max(global_index) h from domain_event_entry) m
    on conflict (segment, processor_name) do update set token = excluded.token, token_type = excluded.token_type, owner = null"
  start_rota
  login
  for projection in $REBUILD; do
    echo "== rebuilding $projection from the first event"
    code="$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "authorization: Bearer $TOKEN" "$BASE/api/v1/admin/projections/$projection/replay")"
    [ "$code" = 202 ] || { echo "replay of $projection answered $code" >&2; exit 70; }
    while :; do
      sleep 5
      STATE="$(curl -s --max-time 10 -H "authorization: Bearer $TOKEN" "$BASE/api/v1/admin/projections" | python3 -c "
import json, sys
for p in json.load(sys.stdin)['projections']:
    if p['name'] == '$projection':
        r = p.get('lastReplay') or {}
        print(r.get('status'), r.get('events'), r.get('eventsPerSecond'), r.get('startedAt'), r.get('finishedAt'), r.get('error'))")"
      case "$STATE" in DONE*|FAILED*) break ;; esac
    done
    echo "   $STATE"
    REBUILDS="$REBUILDS
| rebuild of $projection while serving (status, events, events/s, from, to) | $STATE | ≥ 20,000 events/s |"
  done
else
  start_rota
fi

# every processor at the head before measuring (new projections of a newer jar catch up here first)
login
T_CATCH=$(date +%s)
while :; do
  LAGS="$(curl -s --max-time 10 -H "authorization: Bearer $TOKEN" "$BASE/api/v1/admin/projections" | grep -o '"lag":[^,]*' | sort -u | tr '\n' ' ')"
  [ "$LAGS" = '"lag":0 ' ] && break
  [ $(( $(date +%s) - T_CATCH )) -gt 7200 ] && { echo "processors not caught up after 2 h: $LAGS" >&2; break; }
  sleep 5
done
CATCH_UP_S=$(( $(date +%s) - T_CATCH ))
echo "== processors at the head (waited $CATCH_UP_S s)"

# ---------------------------------------------------------------- measurements
PROPS="$WORK/history.properties"
psql -X -At -d "$DB" -c "select aggregate_identifier from domain_event_entry where type = 'GroupAggregate' and sequence_number = 0" \
  >"$WORK/groups.txt"
set +e
timeout 7200 java "$BENCH_DIR/HistoryBench.java" --base "$BASE" --password "$ADMIN_PASSWORD" --samples "$SAMPLES" \
  --fairness-samples "$FAIRNESS_SAMPLES" --replay "$REPLAY" --groups-file "$WORK/groups.txt" --out "$PROPS"
DRIVER_RC=$?
set -e
rss_field() { awk -v f="$1:" '$1 == f { printf "%.0f", $2 / 1024 }' "/proc/$ROTA_PID/status" 2>/dev/null || true; }
VMRSS_MB="$(rss_field VmRSS)"
VMHWM_MB="$(rss_field VmHWM)"

# ---------------------------------------------------------------- pgbench, Rota still running (same run, same server)
echo "== pgbench: one-insert transaction, $CLIENTS clients, $PGBENCH_SECONDS s"
PGBENCH_DB="${DB}_pgbench"
PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -d postgres \
  -c "drop database if exists $PGBENCH_DB with (force)" -c "create database $PGBENCH_DB"
psql -X -q -v ON_ERROR_STOP=1 -d "$PGBENCH_DB" -c \
  "create table bench_insert(id bigserial primary key, payload text not null, at timestamptz not null default now())"
echo "insert into bench_insert(payload) values ('x');" >"$WORK/insert.sql"
PGBENCH_JOBS=2; [ "$CLIENTS" -lt 2 ] && PGBENCH_JOBS=1
PGBENCH_TPS=""
if pgbench -n -c "$CLIENTS" -j "$PGBENCH_JOBS" -T "$PGBENCH_SECONDS" -f "$WORK/insert.sql" "$PGBENCH_DB" >"$WORK/pgbench.out" 2>&1; then
  PGBENCH_TPS="$(awk '/^tps = / { v = $3 } /^tps = .*without initial/ { w = $3 } END { printf "%.0f", (w != "" ? w : v) }' "$WORK/pgbench.out")"
else
  echo "pgbench failed:" >&2; cat "$WORK/pgbench.out" >&2
fi
psql -X -q -d postgres -c "drop database if exists $PGBENCH_DB with (force)" >/dev/null 2>&1 || true

# ---------------------------------------------------------------- report
prop() { if [ -f "$PROPS" ]; then sed -n "s/^$1=//p" "$PROPS" | head -n1; fi; }
val() { local v; v="$(prop "$1")"; echo "${v:-n/a}"; }
# one row per latency measure; an endpoint that is missing says so
row() {
  local key="$1" label="$2" target="$3" status
  status="$(prop "${key}_status")"
  case "$status" in
    "endpoint missing"*|"asOf ignored"*) echo "| $label | $status | $target |" ;;
    *) echo "| $label | $(val "${key}_p50_ms") / $(val "${key}_p99_ms") (max $(val "${key}_max_ms"); $(val "${key}_samples") samples, $(val "${key}_errors") errors; $(val "${key}_avg_items") items per answer) | $target |" ;;
  esac
}
MEM_GIB="$(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)"
CPU_MODEL="$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
JAVA_VERSION="$(java -version 2>&1 | head -n1)"
JAR_REV="$(git -C "$(dirname "$JAR")" rev-parse --short HEAD 2>/dev/null || echo '?')"
LOAD_AVG="$(cut -d' ' -f1-3 /proc/loadavg)"
REPORT="$RESULTS_DIR/history-latest.md"
{
  echo "# Rota large-history benchmark"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M:%S UTC'); load average at the end $LOAD_AVG"
  echo "- machine: $(nproc) CPUs, ${MEM_GIB} GiB RAM, ${CPU_MODEL:-unknown CPU}"
  echo "- software: $JAVA_VERSION; PostgreSQL $PG_VERSION at $PGHOST:$PGPORT (shared by Rota and pgbench)"
  echo "- jar: $JAR (git $JAR_REV)"
  echo "- database: $DB, $EVENTS events, $DB_SIZE; $(val groups) groups; recorded $(val history)"
  echo "- driver: exit code $DRIVER_RC$( [ -n "$(prop failure)" ] && echo ", failure: $(prop failure)"); one client, sequential requests"
  echo
  echo "| measure | p50 / p99 (ms) or value | target |"
  echo "| --- | --- | --- |"
  row calendar "calendar month (random group and month)" "p99 ≤ 20 ms"
  row asof "as-of month (asOf = random instant of the history)" "p99 ≤ 100 ms"
  row oncall "on-call at a random instant" ""
  row audit "audit, first page of 50" ""
  row audit_filtered "audit filtered by member and month, first page" ""
  row fairness "fairness report over a year" ""
  case "$(prop replay_status)" in
    "endpoint missing"*|answered*|"") echo "| replay of the calendar projection | $(val replay_status) | ≥ 20,000 events/s |" ;;
    *) echo "| replay of the calendar projection | $(val replay_events) events in $(val replay_s) s = $(val replay_events_per_s) events/s ($(val replay_status)); calendar reads meanwhile: $(val replay_calendar_reads), p99 $(val replay_calendar_read_p99_ms) ms, $(val replay_calendar_read_errors) errors | ≥ 20,000 events/s |" ;;
  esac
  [ -n "$REBUILDS" ] && echo "${REBUILDS#?}"
  echo "| Rota start to readiness (s); wait for processors at the head (s) | $STARTUP_S; $CATCH_UP_S | |"
  echo "| Rota RSS after the measurements: VmRSS / VmHWM (MiB) | ${VMRSS_MB:-n/a} / ${VMHWM_MB:-n/a} | |"
  echo "| pgbench one-insert tps ($CLIENTS clients, Rota running idle) | ${PGBENCH_TPS:-n/a} | |"
} >"$REPORT"
echo
cat "$REPORT"
echo
echo "(written to $REPORT; Rota log in $LOG)"
exit "$DRIVER_RC"
