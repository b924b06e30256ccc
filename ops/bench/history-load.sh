#!/usr/bin/env bash
# Large-history loader (issue 10): drops and recreates a PostgreSQL database (default rota_history), writes two
# years of history into its event store with ops/bench/HistoryLoader.java (Rota's own Spring context and Axon
# storage engine, see that file), then starts Rota on it, rebuilds the command side's tables
# (POST /api/v1/admin/command-tables/rebuild) and waits until every tracking processor has caught up
# (GET /api/v1/admin/projections: lag 0), timing each. Prints and writes ops/bench/results/history-load.md.
# Usage: ops/bench/history-load.sh [--db rota_history] [--groups 200] [--members 20] [--months 24] [--seed 42]
#                                  [--batch 5000] [--writer copy|engine] [--catch-up-minutes 120]
# Env: ROTA_JAR (default ops/target/rota.jar, built if missing), BENCH_PORT (18181),
#      PGHOST/PGPORT/PGUSER/PGPASSWORD (127.0.0.1/5432/postgres/none).
set -euo pipefail

DB=rota_history
GROUPS_N=200
MEMBERS=20
MONTHS=24
SEED=42
BATCH=5000
WRITER=copy
CATCH_UP_MINUTES=120

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB="$2"; shift 2 ;;
    --groups) GROUPS_N="$2"; shift 2 ;;
    --members) MEMBERS="$2"; shift 2 ;;
    --months) MONTHS="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --batch) BATCH="$2"; shift 2 ;;
    --writer) WRITER="$2"; shift 2 ;;
    --catch-up-minutes) CATCH_UP_MINUTES="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 64 ;;
  esac
done
for v in GROUPS_N MEMBERS MONTHS SEED BATCH CATCH_UP_MINUTES; do
  case "${!v}" in ''|*[!0-9]*) echo "$v must be a non-negative integer, got '${!v}'" >&2; exit 64 ;; esac
done
case "$DB" in ''|*[!a-z0-9_]*) echo "--db must be a plain lower-case database name" >&2; exit 64 ;; esac

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$BENCH_DIR/../.." && pwd)"
RESULTS_DIR="$BENCH_DIR/results"
PORT="${BENCH_PORT:-18181}"
BASE="http://localhost:$PORT"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
# the history database keeps this super admin; ops/bench/history.sh logs in with it
ADMIN_PASSWORD=bench-admin-pw

for tool in java psql curl unzip; do
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

WORK="$(mktemp -d "${TMPDIR:-/tmp}/rota-history.XXXXXX")"
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

now_ns() { date +%s%N; }
secs_since() { awk -v a="$1" -v b="$(now_ns)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }

# ---------------------------------------------------------------- database
echo "== PostgreSQL $PGHOST:$PGPORT: recreating database $DB"
PG_VERSION="$(psql -X -At -d postgres -c 'show server_version')"
PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -d postgres \
  -c "drop database if exists $DB with (force)" \
  -c "create database $DB"

# ---------------------------------------------------------------- load
echo "== unpacking $JAR (the loader runs on Rota's own classes)"
unzip -q "$JAR" -d "$WORK/jar"
LOAD_PROPS="$RESULTS_DIR/history-load.properties"
LOADER_LOG="$RESULTS_DIR/history-loader.log"
JWT_SECRET="$(head -c 36 /dev/urandom | base64 | tr -d '\n' | tr '+/' '-_')"   # 48 chars
echo "== loading: $GROUPS_N groups x $MEMBERS members, $MONTHS months (log $LOADER_LOG)"
T_LOAD=$(now_ns)
java -Xmx2g -cp "$WORK/jar/BOOT-INF/classes:$WORK/jar/BOOT-INF/lib/*:$WORK/jar" "$BENCH_DIR/HistoryLoader.java" \
  --url "jdbc:postgresql://$PGHOST:$PGPORT/$DB" --user "$PGUSER" --password "${PGPASSWORD:-}" \
  --admin-password "$ADMIN_PASSWORD" --jwt-secret "$JWT_SECRET" \
  --groups "$GROUPS_N" --members "$MEMBERS" --months "$MONTHS" --seed "$SEED" --batch "$BATCH" --writer "$WRITER" \
  --out "$LOAD_PROPS" 2>&1 | tee "$LOADER_LOG" | grep -v '^\s*at \|DEBUG' || true
[ -s "$LOAD_PROPS" ] || { echo "the loader failed; see $LOADER_LOG" >&2; exit 70; }
LOAD_WALL_S="$(secs_since "$T_LOAD")"
DB_SIZE="$(psql -X -At -d "$DB" -c "select pg_size_pretty(pg_database_size(current_database()))")"
EVENTS_SIZE="$(psql -X -At -d "$DB" -c "select pg_size_pretty(pg_total_relation_size('domain_event_entry'))")"

# ---------------------------------------------------------------- start Rota on the history
LOG="$RESULTS_DIR/rota-history-load.log"
echo "== starting Rota on $DB, port $PORT, log $LOG"
T_START=$(now_ns)
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
for _ in $(seq 1 900); do
  kill -0 "$ROTA_PID" 2>/dev/null || { echo "Rota exited during start-up:" >&2; tail -n 40 "$LOG" >&2; exit 70; }
  # live, not ready: readiness may stay DOWN while the processors catch up
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/actuator/health/liveness" || true)"
  if [ "$code" = 200 ]; then READY=yes; break; fi
  sleep 0.2
done
[ -n "$READY" ] || { echo "Rota not live after 3 minutes" >&2; tail -n 40 "$LOG" >&2; exit 70; }
STARTUP_S="$(secs_since "$T_START")"
T_CATCH=$T_START
TOKEN="$(curl -s --max-time 10 -H 'content-type: application/json' -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" \
  "$BASE/api/v1/auth/login" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')"
[ -n "$TOKEN" ] || { echo "cannot log in as admin" >&2; exit 70; }

echo "== rebuilding the command side's tables"
T_REBUILD=$(now_ns)
REBUILT="$(curl -s --max-time 3600 -X POST -H "authorization: Bearer $TOKEN" "$BASE/api/v1/admin/command-tables/rebuild" || true)"
REBUILD_S="$(secs_since "$T_REBUILD")"
echo "   $REBUILT in $REBUILD_S s"
TABLE_COUNTS="$(psql -X -At -d "$DB" -c "select 'cmd_group ' || (select count(*) from cmd_group) || ', cmd_member ' || (select count(*) from cmd_member)
  || ', cmd_shift_type ' || (select count(*) from cmd_shift_type) || ', cmd_booking ' || (select count(*) from cmd_booking)
  || ', cmd_time_off ' || (select count(*) from cmd_time_off) || ', cmd_pending_slot ' || (select count(*) from cmd_pending_slot)")"

echo "== waiting for the tracking processors to catch up (at most $CATCH_UP_MINUTES min; timed from Rota's start)"
declare -A CAUGHT
DEADLINE=$(( $(date +%s) + CATCH_UP_MINUTES * 60 ))
SAMPLES="$RESULTS_DIR/history-catch-up.csv"
echo "t_s,name,position,head,lag,rss_mib" >"$SAMPLES"
PEAK_RSS=0
while :; do
  JSON="$(curl -s --max-time 10 -H "authorization: Bearer $TOKEN" "$BASE/api/v1/admin/projections" || true)"
  T_S="$(secs_since "$T_CATCH")"
  RSS="$(awk '$1 == "VmRSS:" { printf "%.0f", $2 / 1024 }' "/proc/$ROTA_PID/status" 2>/dev/null || echo 0)"
  [ "${RSS:-0}" -gt "$PEAK_RSS" ] && PEAK_RSS="$RSS"
  LINES="$(printf '%s' "$JSON" | grep -o '{"name":"[^"]*","status":"[^"]*","position":[^,]*,"head":[^,]*,"lag":[^,]*' \
    | sed 's/{"name":"\([^"]*\)","status":"\([^"]*\)","position":\([^,]*\),"head":\([^,]*\),"lag":\(.*\)/\1 \2 \3 \4 \5/' || true)"
  ALL=yes
  while read -r name status position head lag; do
    [ -n "$name" ] || continue
    echo "$T_S,$name,$position,$head,$lag,$RSS" >>"$SAMPLES"
    if [ "$lag" = 0 ] && [ "$status" = RUNNING ]; then
      [ -n "${CAUGHT[$name]:-}" ] || { CAUGHT[$name]="$T_S"; echo "   $name caught up at $T_S s (position $position)"; }
    else
      ALL=""
    fi
  done <<<"$LINES"
  [ -n "$LINES" ] || ALL=""
  if [ -n "$ALL" ]; then break; fi
  if [ "$(date +%s)" -gt "$DEADLINE" ]; then echo "   not all caught up after $CATCH_UP_MINUTES min" >&2; break; fi
  sleep 5
done
CATCH_UP_S="$(secs_since "$T_CATCH")"
VMRSS_MB="$(awk '$1 == "VmRSS:" { printf "%.0f", $2 / 1024 }' "/proc/$ROTA_PID/status" 2>/dev/null || true)"
VMHWM_MB="$(awk '$1 == "VmHWM:" { printf "%.0f", $2 / 1024 }' "/proc/$ROTA_PID/status" 2>/dev/null || true)"

# ---------------------------------------------------------------- consistency of what Rota built from the history
echo "== checking the tables built from the history"
q() { psql -X -At -d "$DB" -c "$1" 2>&1 | tr '\n' ' ' | sed 's/ $//'; }
HELD_IN_STORE="$(q "select count(*) from (select distinct on (aggregate_identifier) payload_type from domain_event_entry
  where type = 'SlotAggregate' order by aggregate_identifier, sequence_number desc) t where payload_type like '%SlotAssignedEvent'")"
SLOT_EVENTS="$(q "select count(*) from domain_event_entry where type = 'SlotAggregate'")"
BOOKINGS="$(q "select count(*) from cmd_booking")"
CAL_HELD="$(q "select count(*) from slot_view where member_id is not null")"
CAL_VERSIONS="$(q "select sum(version) from slot_view")"
OVERLAPS="$(q "select count(*) from (select start_at, lag(end_at) over (partition by member_id order by start_at) prev_end from cmd_booking) b
  where prev_end > start_at")"
DEAD_LETTERS="$(q "select count(*) from dead_letter_entry")"
ERRORS_IN_LOG="$(grep -c ' ERROR ' "$LOG" || true)"
echo "   slots held per the event store $HELD_IN_STORE, cmd_booking $BOOKINGS, calendar $CAL_HELD; slot events $SLOT_EVENTS, sum of calendar versions $CAL_VERSIONS; overlapping bookings $OVERLAPS; dead letters $DEAD_LETTERS; ERROR lines in Rota's log $ERRORS_IN_LOG"

prop() { sed -n "s/^$1=//p" "$LOAD_PROPS" | head -n1; }
MEM_GIB="$(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)"
CPU_MODEL="$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
JAVA_VERSION="$(java -version 2>&1 | head -n1)"
JAR_REV="$(git -C "$(dirname "$JAR")" rev-parse --short HEAD 2>/dev/null || echo '?')"
REPORT="$RESULTS_DIR/history-load.md"
{
  echo "# Rota large-history load"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "- machine: $(nproc) CPUs, ${MEM_GIB} GiB RAM, ${CPU_MODEL:-unknown CPU}"
  echo "- software: $JAVA_VERSION; PostgreSQL $PG_VERSION at $PGHOST:$PGPORT, database $DB"
  echo "- jar: $JAR (git $JAR_REV)"
  echo "- history: $GROUPS_N groups x $MEMBERS members x 3 shift types; slots $(prop slots_from) .. $(prop slots_to); recorded $(prop recorded_from) .. $(prop recorded_to); seed $SEED"
  echo
  echo "| measure | value |"
  echo "| --- | --- |"
  echo "| events written | $(prop events) |"
  echo "| loader: writing (s) / events/s (writer: $(prop writer)) | $(prop load_s) / $(prop events_per_s) |"
  echo "| loader: Spring context start (s); whole step incl. unpacking (s) | $(prop context_s); $LOAD_WALL_S |"
  echo "| swaps / coverage requests / rotation runs | $(prop swaps) / $(prop coverage_requests) / $(prop rotation_runs) |"
  echo "| database size / domain_event_entry with indexes | $DB_SIZE / $EVENTS_SIZE |"
  echo "| Rota start to live (s) | $STARTUP_S |"
  echo "| command tables rebuild (s) | $REBUILD_S ($REBUILT; $TABLE_COUNTS) |"
  for name in $(printf '%s\n' "${!CAUGHT[@]}" | sort); do
    echo "| processor $name at lag 0, s after Rota's start | ${CAUGHT[$name]} |"
  done
  echo "| all processors caught up (s after Rota's start) | $CATCH_UP_S$( [ -n "${ALL:-}" ] || echo ' (NOT all caught up: see the samples)') |"
  echo "| slots held: per the event store / cmd_booking / calendar projection | $HELD_IN_STORE / $BOOKINGS / $CAL_HELD |"
  echo "| slot events in the store / sum of the calendar's slot versions | $SLOT_EVENTS / $CAL_VERSIONS |"
  echo "| overlapping bookings of one member; dead letters; ERROR lines in Rota's log | $OVERLAPS; $DEAD_LETTERS; $ERRORS_IN_LOG |"
  echo "| Rota RSS after catching up: VmRSS / VmHWM (MiB); peak sampled | ${VMRSS_MB:-n/a} / ${VMHWM_MB:-n/a}; $PEAK_RSS |"
  echo
  echo "Mix (events per type): $(prop mix)"
} >"$REPORT"
echo
cat "$REPORT"
echo
echo "(written to $REPORT; catch-up samples in $SAMPLES; loader log $LOADER_LOG; Rota log $LOG)"
