#!/usr/bin/env bash
# Two Rota nodes on one PostgreSQL, the load split between them (ops/bench/RotaBench.java --bases), then checks
# in SQL over the event store, the command tables and the read models:
#   - no member double-booked (the slots held by the event store's last event of each slot, and cmd_booking);
#   - no slot edit lost: in the contended phase every client of both nodes edits the same slots with
#     expectedVersion; each slot's events in the event store = the highest version a client saw accepted, no
#     version accepted twice, and the calendar shows that version;
#   - every accepted assignment stored once, and the calendar agrees with the command side;
#   - the tracking processors' segments claimed by both nodes (token_entry.owner), JobRunr with one master;
#   - exactly one SMS row per (event, recipient, purpose).
# Prints the combined throughput and writes ops/bench/results/two-nodes.md.
# Usage: ops/bench/run-two-nodes.sh [--clients 8] [--members 50] [--shift-types 5] [--commands 4000] [--warmup 100]
#                                   [--contended-edits 400] [--contended-slots 10] [--settle-seconds 60]
# Env: ROTA_JAR (default ops/target/rota.jar), BENCH_PORT (18181; node 2 on BENCH_PORT + 1), BENCH_DB (rota_two_nodes),
#      ROTA_JAVA_OPTS (default: ops/bench/jvm.options), PGHOST/PGPORT/PGUSER/PGPASSWORD as for run.sh.
set -euo pipefail

CLIENTS=8; MEMBERS=50; SHIFT_TYPES=5; COMMANDS=4000; WARMUP=100; CONTENDED=400; CONTENDED_SLOTS=10; SETTLE=60
usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --clients) CLIENTS="$2"; shift 2 ;;
    --members) MEMBERS="$2"; shift 2 ;;
    --shift-types) SHIFT_TYPES="$2"; shift 2 ;;
    --commands) COMMANDS="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --contended-edits) CONTENDED="$2"; shift 2 ;;
    --contended-slots) CONTENDED_SLOTS="$2"; shift 2 ;;
    --settle-seconds) SETTLE="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 64 ;;
  esac
done
for v in CLIENTS MEMBERS SHIFT_TYPES COMMANDS WARMUP CONTENDED CONTENDED_SLOTS SETTLE; do
  case "${!v}" in ''|*[!0-9]*) echo "$v must be a non-negative integer, got '${!v}'" >&2; exit 64 ;; esac
done

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$BENCH_DIR/../.." && pwd)"
RESULTS_DIR="$BENCH_DIR/results"
PORT1="${BENCH_PORT:-18181}"; PORT2=$((PORT1 + 1))
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
DB="${BENCH_DB:-rota_two_nodes}"
ADMIN_PASSWORD=bench-admin-pw
for tool in java psql curl; do command -v "$tool" >/dev/null || { echo "missing required tool: $tool" >&2; exit 69; }; done
mkdir -p "$RESULTS_DIR"

JAR="${ROTA_JAR:-$REPO_ROOT/ops/target/rota.jar}"
if [ ! -f "$JAR" ]; then (cd "$REPO_ROOT" && ./mvnw -B -q -DskipTests package); fi
JAR="$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")"
DEFAULT_JAVA_OPTS=""
if [ -f "$BENCH_DIR/jvm.options" ]; then DEFAULT_JAVA_OPTS="$(grep -v '^#' "$BENCH_DIR/jvm.options" | tr '\n' ' ' || true)"; fi
JAVA_OPTS="${ROTA_JAVA_OPTS-$DEFAULT_JAVA_OPTS}"
for p in "$PORT1" "$PORT2"; do
  if curl -s -o /dev/null --max-time 2 "http://localhost:$p/" 2>/dev/null; then
    echo "port $p is already in use; set BENCH_PORT" >&2; exit 75
  fi
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/rota-two-nodes.XXXXXX")"
PIDS=()
cleanup() {
  local rc=$?
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

sql() { psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$DB" -c "$1"; }

echo "== PostgreSQL $PGHOST:$PGPORT: recreating database $DB"
PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -d postgres \
  -c "drop database if exists $DB with (force)" -c "create database $DB"

JWT_SECRET="$(head -c 36 /dev/urandom | base64 | tr -d '\n' | tr '+/' '-_')"
start_node() { # $1 = node number, $2 = port
  local log="$RESULTS_DIR/rota-node$1.log"
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
  SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" ROTA_ADMIN_PASSWORD="$ADMIN_PASSWORD" ROTA_JWT_SECRET="$JWT_SECRET" \
  SERVER_PORT="$2" ROTA_DATA_DIR="$WORK/data$1" \
    java $JAVA_OPTS -Daxoniq.update-checker.disabled=true -jar "$JAR" >"$log" 2>&1 &
  PIDS+=($!)
  local pid=$!
  for _ in $(seq 1 900); do
    kill -0 "$pid" 2>/dev/null || { echo "node $1 exited during start-up; see $log" >&2; tail -n 30 "$log" >&2; exit 70; }
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://localhost:$2/actuator/health/readiness" || true)" = 200 ] && return 0
    sleep 0.2
  done
  echo "node $1 not ready after 3 minutes; see $log" >&2; exit 70
}
echo "== starting node 1 on port $PORT1 (migrates the database), then node 2 on port $PORT2; JVM options: ${JAVA_OPTS:-none}"
start_node 1 "$PORT1"
start_node 2 "$PORT2"
PID1="${PIDS[0]}"; PID2="${PIDS[1]}"

claims() { sql "select coalesce(owner, '(unclaimed)') || ': ' || count(*) || ' (' || string_agg(processor_name || '/' || segment, ', ' order by processor_name) || ')'
               from token_entry group by owner order by owner"; }
echo "== waiting up to $SETTLE s for the nodes to share the processors' segments"
OWNERS=0
for _ in $(seq 1 "$SETTLE"); do
  OWNERS="$(sql "select count(distinct owner) from token_entry where owner is not null")"
  N1="$(sql "select count(*) from token_entry where owner like '$PID1@%'")"
  N2="$(sql "select count(*) from token_entry where owner like '$PID2@%'")"
  [ "$OWNERS" -ge 2 ] && [ $((N1 - N2)) -le 1 ] && [ $((N2 - N1)) -le 1 ] && break
  sleep 1
done
CLAIMS_BEFORE="$(claims)"
echo "$CLAIMS_BEFORE"

echo "== load driver over both nodes"
PROPS="$WORK/two-nodes.properties"
set +e
timeout 1800 java "$BENCH_DIR/RotaBench.java" --bases "http://localhost:$PORT1,http://localhost:$PORT2" \
  --clients "$CLIENTS" --members "$MEMBERS" --shift-types "$SHIFT_TYPES" --commands "$COMMANDS" --warmup "$WARMUP" \
  --query-samples 100 --coverage-requests 0 --contended-edits "$CONTENDED" --contended-slots "$CONTENDED_SLOTS" \
  --password "$ADMIN_PASSWORD" --out "$PROPS" --rota-pid "$PID1,$PID2" --pg-database "$DB"
DRIVER_RC=$?
set -e
prop() { if [ -f "$PROPS" ]; then sed -n "s/^$1=//p" "$PROPS" | head -n1; fi; }
val() { local v; v="$(prop "$1")"; echo "${v:-n/a}"; }
rss() { awk '$1 == "VmRSS:" { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo n/a; }
RSS1="$(rss "$PID1")"; RSS2="$(rss "$PID2")"

echo "== letting the projections catch up, then checking"
GROUP="$(prop group_id)"
for _ in $(seq 1 60); do
  LAG="$(sql "select count(*) from cmd_booking b left join slot_view v on v.slot_key = b.slot_key
              where v.member_id is distinct from b.member_id")"
  [ "$LAG" = 0 ] && break
  sleep 1
done

CHECKS="$WORK/checks.md"
FAILED=0
check() { # $1 = what, $2 = expected, $3 = actual
  local verdict=ok
  [ "$2" = "$3" ] || { verdict=FAILED; FAILED=1; }
  echo "| $1 | $2 | $3 | $verdict |" >>"$CHECKS"
}
# The holder of each slot is its last event in the event store.
HOLDERS="with last as (
    select distinct on (aggregate_identifier) aggregate_identifier, payload_type, convert_from(payload, 'UTF8')::jsonb as p
    from domain_event_entry where type = 'SlotAggregate' order by aggregate_identifier, sequence_number desc)
  select aggregate_identifier as slot, (p->>'memberId')::uuid as member, (p->>'start')::timestamptz as s, (p->>'end')::timestamptz as e
  from last where payload_type like '%.SlotAssignedEvent'"
check "members holding two overlapping slots (event store)" 0 \
  "$(sql "with h as ($HOLDERS) select count(*) from h a join h b on a.member = b.member and a.slot < b.slot and a.s < b.e and b.s < a.e")"
check "members holding two overlapping slots (cmd_booking)" 0 \
  "$(sql "select count(*) from cmd_booking a join cmd_booking b on a.member_id = b.member_id and a.slot_key < b.slot_key
          and a.start_at < b.end_at and b.start_at < a.end_at")"
check "slots whose holder differs between the event store and cmd_booking" 0 \
  "$(sql "with h as ($HOLDERS) select count(*) from h full join cmd_booking b on b.slot_key = h.slot
          where h.member is distinct from b.member_id")"
check "slots whose holder or version differs between cmd_booking / the event store and the calendar" 0 \
  "$(sql "select count(*) from (select aggregate_identifier as slot, count(*) as events from domain_event_entry
          where type = 'SlotAggregate' group by aggregate_identifier) e
          left join slot_view v on v.slot_key = e.slot left join cmd_booking b on b.slot_key = e.slot
          where v.version is distinct from e.events or v.member_id is distinct from b.member_id")"
check "measured assignments accepted (200) = slots of those dates held" "$(val commands_ok)" \
  "$(sql "select count(*) from cmd_booking where slot_date between date '2027-01-01' and date '2027-01-01' + $(( (COMMANDS - 1) / SHIFT_TYPES ))")"
check "contended edits: versions accepted twice" 0 "$(val contended_versions_repeated)"
MISMATCH=0
IFS=',' read -r -a SLOTS <<<"$(prop contended_slot_versions)"
for entry in "${SLOTS[@]}"; do
  [ -n "$entry" ] || continue
  key="${entry%=*}"; seen="${entry##*=}"
  stored="$(sql "select count(*) from domain_event_entry where aggregate_identifier = '$key'")"
  [ "$stored" = "$seen" ] || { MISMATCH=$((MISMATCH + 1)); echo "slot $key: $stored events stored, highest version accepted $seen"; }
done
check "contended slots whose stored events differ from the highest accepted version" 0 "$MISMATCH"
check "event sequence numbers repeated or skipped within an aggregate" 0 \
  "$(sql "select count(*) from (select aggregate_identifier, count(*) as n, max(sequence_number) as m
          from domain_event_entry group by aggregate_identifier) a where m <> n - 1")"
check "SMS rows repeated for one (event, recipient, purpose)" 0 \
  "$(sql "select count(*) from (select 1 from ntf_message group by cause, member_id, purpose having count(*) > 1) d" 2>/dev/null || echo 'n/a')"
check "JobRunr background servers running" 2 "$(sql "select count(*) from jobrunr_backgroundjobservers where running = 1")"
MASTER="$(sql "select name from jobrunr_backgroundjobservers where running = 1 order by firstheartbeat limit 1")"
check "recurring job runs scheduled twice for the same instant" 0 \
  "$(sql "select count(*) from (select 1 from jobrunr_jobs where recurringjobid is not null
          group by recurringjobid, scheduledat having count(*) > 1) d" 2>/dev/null || echo 'n/a')"
CLAIMS_AFTER="$(claims)"
check "nodes holding segments of the tracking processors" 2 "$(sql "select count(distinct owner) from token_entry where owner is not null")"
[ "$DRIVER_RC" = 0 ] || { FAILED=1; echo "the load driver failed (exit $DRIVER_RC)"; }

REPORT="${BENCH_REPORT:-$RESULTS_DIR/two-nodes.md}"
{
  echo "# Rota: two nodes on one PostgreSQL"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M:%S UTC'); machine: $(nproc) CPUs; jar: $JAR"
  echo "- nodes: pid $PID1 on :$PORT1, pid $PID2 on :$PORT2, database $DB; JVM options: ${JAVA_OPTS:-none}"
  echo "- settings: clients $CLIENTS (client c on node c mod 2), members $MEMBERS, shift types $SHIFT_TYPES, commands $COMMANDS (+ $WARMUP warm-up), contended edits $CONTENDED on $CONTENDED_SLOTS slots"
  echo "- driver: exit code $DRIVER_RC$( [ -n "$(prop failure)" ] && echo ", failure: $(prop failure)")"
  echo
  echo "| measure | value |"
  echo "| --- | --- |"
  echo "| assignment commands/s, both nodes together | $(val commands_per_s) ($(val commands_ok) ok, $(val commands_conflict) conflicts, $(val commands_error) errors in $(val command_phase_s) s) |"
  echo "| command latency p50 / p99 (ms) | $(val cmd_p50_ms) / $(val cmd_p99_ms) |"
  echo "| projection lag p50 / p99 (ms) | $(val lag_p50_ms) / $(val lag_p99_ms) |"
  echo "| CPU over the measured phase (s): both nodes / PostgreSQL / driver | $(val rota_cpu_s) / $(val pg_cpu_s) / $(val driver_cpu_s) |"
  echo "| Rota CPU per command, both nodes (ms) | $(val rota_cpu_ms_per_command) (net of both nodes' idle CPU: $(val rota_cpu_ms_per_command_net)) |"
  echo "| PostgreSQL CPU per command (ms); transactions committed per command | $(val pg_cpu_ms_per_command); $(val pg_commits_per_command) |"
  echo "| contended edits: accepted / 409 VERSION_CONFLICT / 409 CONCURRENT_MODIFICATION (append refused) / errors, edits/s | $(val contended_edits_ok) / $(val contended_conflicts_409) / $(val contended_appends_refused_409) / $(val contended_errors), $(val contended_edits_per_s) |"
  echo "| RSS after the load, node 1 / node 2 (MiB) | $RSS1 / $RSS2 |"
  echo "| JobRunr master (longest-running server) | $MASTER |"
  echo
  echo "Segments claimed before the load (owner: count (processor/segment)):"
  echo
  echo '```'
  echo "$CLAIMS_BEFORE"
  echo '```'
  echo
  echo "After the checks:"
  echo
  echo '```'
  echo "$CLAIMS_AFTER"
  echo '```'
  echo
  echo "| check | expected | found | |"
  echo "| --- | --- | --- | --- |"
  cat "$CHECKS"
} >"$REPORT"
echo
cat "$REPORT"
echo
echo "(written to $REPORT; logs in $RESULTS_DIR/rota-node1.log, rota-node2.log)"
[ "$FAILED" = 0 ] && [ "$DRIVER_RC" = 0 ]
