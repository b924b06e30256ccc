#!/usr/bin/env bash
# SMS benchmark: a daily-reminder wave. Starts a fake Twilio (ops/bench/FakeTwilio.java) and Rota on a fresh
# PostgreSQL database, sets up groups × members each holding one slot later today (ops/bench/SmsWave.java), sets
# every group's dailyReminderTime a little ahead and measures when the reminders reach the fake; prints and
# writes ops/bench/results/sms-wave.md.
# Usage: ops/bench/sms-wave.sh [--groups 20] [--members 500] [--clients 8] [--rate 1000] [--senders 8]
#                              [--lead-seconds 120] [--zone auto] [--fake-latency-ms 0] [--dumps 0] [--pgbench-seconds 10]
# Env: ROTA_JAR (default ops/target/rota.jar, built if missing), BENCH_PORT (18181), FAKE_TWILIO_PORT (18282),
#      PGHOST/PGPORT/PGUSER/PGPASSWORD (127.0.0.1/5432/postgres/none).
set -euo pipefail

GROUPS_N=20
MEMBERS=500
CLIENTS=8
RATE=1000
SENDERS=8
LEAD_SECONDS=120
ZONE=auto
FAKE_LATENCY_MS=0
DUMPS=0
PGBENCH_SECONDS=10

usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --groups) GROUPS_N="$2"; shift 2 ;;
    --members) MEMBERS="$2"; shift 2 ;;
    --clients) CLIENTS="$2"; shift 2 ;;
    --rate) RATE="$2"; shift 2 ;;
    --senders) SENDERS="$2"; shift 2 ;;
    --lead-seconds) LEAD_SECONDS="$2"; shift 2 ;;
    --zone) ZONE="$2"; shift 2 ;;
    --fake-latency-ms) FAKE_LATENCY_MS="$2"; shift 2 ;;
    --dumps) DUMPS="$2"; shift 2 ;;
    --pgbench-seconds) PGBENCH_SECONDS="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 64 ;;
  esac
done
for v in GROUPS_N MEMBERS CLIENTS RATE SENDERS LEAD_SECONDS FAKE_LATENCY_MS DUMPS PGBENCH_SECONDS; do
  case "${!v}" in ''|*[!0-9]*) echo "$v must be a non-negative integer, got '${!v}'" >&2; exit 64 ;; esac
done
TOTAL=$((GROUPS_N * MEMBERS))

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$BENCH_DIR/../.." && pwd)"
RESULTS_DIR="$BENCH_DIR/results"
PORT="${BENCH_PORT:-18181}"
FAKE_PORT="${FAKE_TWILIO_PORT:-18282}"
BASE="http://localhost:$PORT"
FAKE="http://127.0.0.1:$FAKE_PORT"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
DB=rota_smsbench
ADMIN_PASSWORD=bench-admin-pw
TWILIO_SID=ACbench00000000000000000000000000

for tool in java psql curl; do
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

for url in "$BASE/" "$FAKE/"; do
  if curl -s -o /dev/null --max-time 2 "$url" 2>/dev/null; then
    echo "$url is already in use; stop what runs there or set BENCH_PORT / FAKE_TWILIO_PORT" >&2; exit 75
  fi
done

# ---------------------------------------------------------------- clean-up, always
WORK="$(mktemp -d "${TMPDIR:-/tmp}/rota-smswave.XXXXXX")"
ROTA_PID=""
FAKE_PID=""
DUMPER_PID=""
SAMPLER_PID=""
stop() {
  local pid="$1"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
}
cleanup() {
  local rc=$?
  stop "$DUMPER_PID"
  stop "$SAMPLER_PID"
  stop "$ROTA_PID"
  stop "$FAKE_PID"
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- fake Twilio
FAKE_LOG="$RESULTS_DIR/fake-twilio.log"
echo "== fake Twilio on port $FAKE_PORT (log $FAKE_LOG)"
java "$BENCH_DIR/FakeTwilio.java" --port "$FAKE_PORT" --latency-ms "$FAKE_LATENCY_MS" >"$FAKE_LOG" 2>&1 &
FAKE_PID=$!
for _ in $(seq 1 150); do
  curl -s -o /dev/null --max-time 1 "$FAKE/stats" && break
  kill -0 "$FAKE_PID" 2>/dev/null || { echo "the fake Twilio exited:" >&2; cat "$FAKE_LOG" >&2; exit 70; }
  sleep 0.2
done

# ---------------------------------------------------------------- database
echo "== PostgreSQL $PGHOST:$PGPORT: recreating database $DB"
PG_VERSION="$(psql -X -At -d postgres -c 'show server_version')"
PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -d postgres \
  -c "drop database if exists $DB with (force)" \
  -c "create database $DB"

# ---------------------------------------------------------------- start Rota
LOG="$RESULTS_DIR/rota-sms.log"
JWT_SECRET="$(head -c 36 /dev/urandom | base64 | tr -d '\n' | tr '+/' '-_')"   # 48 chars
echo "== starting Rota ($JAR) on port $PORT, log $LOG; SMS to $FAKE at up to $RATE/s by $SENDERS senders"
SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
SPRING_DATASOURCE_USERNAME="$PGUSER" \
SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
ROTA_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
ROTA_JWT_SECRET="$JWT_SECRET" \
SERVER_PORT="$PORT" \
ROTA_DATA_DIR="$WORK/data" \
TWILIO_ACCOUNT_SID="$TWILIO_SID" \
TWILIO_AUTH_TOKEN=bench-auth-token \
TWILIO_FROM_NUMBER=+15005550006 \
ROTA_TWILIO_API_BASE_URL="$FAKE" \
ROTA_PUBLIC_BASE_URL="$BASE" \
ROTA_SMS_MAX_PER_SECOND="$RATE" \
ROTA_SMS_SENDERS="$SENDERS" \
  java -Daxoniq.update-checker.disabled=true -jar "$JAR" >"$LOG" 2>&1 &
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
echo "== ready"

# ---------------------------------------------------------------- thread dumps during the wave (optional)
SCHEDULED_FILE="$WORK/scheduled"
DUMP_DIR="$RESULTS_DIR/sms-wave-dumps"
if [ "$DUMPS" -gt 0 ]; then
  command -v jcmd >/dev/null || { echo "--dumps needs jcmd on the PATH" >&2; exit 69; }
  rm -rf "$DUMP_DIR"; mkdir -p "$DUMP_DIR"
  (
    while [ ! -s "$SCHEDULED_FILE" ]; do sleep 1; done
    at="$(cat "$SCHEDULED_FILE")"
    while [ "$(date +%s)" -lt "$at" ]; do sleep 0.5; done
    for i in $(seq 1 "$DUMPS"); do
      jcmd "$ROTA_PID" Thread.print >"$DUMP_DIR/dump-$(date -u +%H%M%S)-$i.txt" 2>&1 || true
      sleep 2
    done
  ) &
  DUMPER_PID=$!
fi

# ---------------------------------------------------------------- the outbox during the wave, once a second
# From 10 s before the reminder instant: seconds after it, DAILY_REMINDER rows in the outbox, and how many are
# PENDING, SENDING and SENT. Shows how long the scan takes to add the rows and how the drain follows.
OUTBOX_CSV="$RESULTS_DIR/sms-wave-outbox.csv"
echo "t_s,rows,pending,sending,sent" >"$OUTBOX_CSV"
(
  while [ ! -s "$SCHEDULED_FILE" ]; do sleep 1; done
  at="$(cat "$SCHEDULED_FILE")"
  while [ "$(date +%s)" -lt $((at - 10)) ]; do sleep 0.5; done
  end=$((at + 1800))
  while [ "$(date +%s)" -lt "$end" ]; do
    psql -X -At -F ',' -d "$DB" -c "select round((extract(epoch from clock_timestamp()) - $at)::numeric, 1), count(*),
        count(*) filter (where status = 'PENDING'), count(*) filter (where status = 'SENDING'), count(*) filter (where status = 'SENT')
        from ntf_message where purpose = 'DAILY_REMINDER'" >>"$OUTBOX_CSV" 2>/dev/null || true
    sleep 1
  done
) &
SAMPLER_PID=$!

# ---------------------------------------------------------------- the wave
PROPS="$WORK/sms-wave.properties"
echo "== driver"
set +e
timeout 3600 java "$BENCH_DIR/SmsWave.java" --base "$BASE" --fake "$FAKE" --groups "$GROUPS_N" --members "$MEMBERS" \
  --clients "$CLIENTS" --lead-seconds "$LEAD_SECONDS" --zone "$ZONE" --password "$ADMIN_PASSWORD" \
  --out "$PROPS" --scheduled-file "$SCHEDULED_FILE"
DRIVER_RC=$?
set -e

stop "$SAMPLER_PID"; SAMPLER_PID=""
# from the samples: when the first row and the last row of the wave were in the outbox, and when all were SENT
OUTBOX_TIMES="$(awk -F, -v n="$TOTAL" 'NR > 1 && $2 > 0 && f == "" { f = $1 } NR > 1 && $2 >= n && a == "" { a = $1 }
    NR > 1 && $5 >= n && s == "" { s = $1 } END { printf "%s %s %s", (f == "" ? "n/a" : f), (a == "" ? "n/a" : a), (s == "" ? "n/a" : s) }' "$OUTBOX_CSV")"
read -r ROWS_FIRST_S ROWS_ALL_S SENT_ALL_S <<<"$OUTBOX_TIMES" || true

rss_field() { awk -v f="$1:" '$1 == f { printf "%.0f", $2 / 1024 }' "/proc/$ROTA_PID/status" 2>/dev/null || true; }
VMRSS_MB="$(rss_field VmRSS)"
VMHWM_MB="$(rss_field VmHWM)"

# ---------------------------------------------------------------- what the database says about the wave
sql() { psql -X -At -F ' ' -d "$DB" -c "$1" 2>/dev/null || true; }
DB_STATUS="$(sql "select string_agg(status || ' ' || n, ', ' order by status) from (select status, count(*) n from ntf_message where purpose = 'DAILY_REMINDER' group by status) s")"
# created_at is the instant of the scan that added the row; sent_at when Twilio's answer was recorded
DB_TIMES="$(sql "select to_char(min(created_at) at time zone 'UTC', 'HH24:MI:SS.MS'), to_char(max(created_at) at time zone 'UTC', 'HH24:MI:SS.MS'),
                        to_char(min(sent_at) at time zone 'UTC', 'HH24:MI:SS.MS'), to_char(max(sent_at) at time zone 'UTC', 'HH24:MI:SS.MS'),
                        round(extract(epoch from max(sent_at) - min(sent_at))::numeric, 2)
                 from ntf_message where purpose = 'DAILY_REMINDER'")"
# JobRunr's record of each recurring job's runs: the longest (processing → succeeded), with how long each waited to start
jobrunr_runs() {
  sql "select coalesce(string_agg(round(pd, 2) || ' s (waited ' || round(ld, 1) || ' s)', ', ' order by pd desc), 'none recorded') from (
         select (h->>'processDuration')::numeric pd, (h->>'latencyDuration')::numeric ld
         from jobrunr_jobs j, jsonb_array_elements(j.jobasjson::jsonb -> 'jobHistory') h
         where j.recurringjobid = '$1' and h->>'@class' like '%SucceededState' order by 1 desc limit 3) t"
}
JOBRUNR_SCANS="$(jobrunr_runs sms-reminders)"
JOBRUNR_DRAINS="$(jobrunr_runs sms-dispatch)"

# ---------------------------------------------------------------- pgbench, for scale
PGBENCH_TPS=""
if [ "$PGBENCH_SECONDS" -gt 0 ] && command -v pgbench >/dev/null; then
  stop "$ROTA_PID"; ROTA_PID=""
  echo "== pgbench: one-insert transaction, $CLIENTS clients, $PGBENCH_SECONDS s (Rota stopped)"
  psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -c \
    "create table if not exists bench_insert(id bigserial primary key, payload text not null, at timestamptz not null default now())"
  echo "insert into bench_insert(payload) values ('x');" >"$WORK/insert.sql"
  PGBENCH_JOBS=2; [ "$CLIENTS" -lt 2 ] && PGBENCH_JOBS=1
  if pgbench -n -c "$CLIENTS" -j "$PGBENCH_JOBS" -T "$PGBENCH_SECONDS" -f "$WORK/insert.sql" "$DB" >"$WORK/pgbench.out" 2>&1; then
    PGBENCH_TPS="$(awk '/^tps = / { v = $3 } /^tps = .*without initial/ { w = $3 } END { printf "%.0f", (w != "" ? w : v) }' "$WORK/pgbench.out")"
  else
    echo "pgbench failed:" >&2; cat "$WORK/pgbench.out" >&2
  fi
fi

# ---------------------------------------------------------------- report
prop() { if [ -f "$PROPS" ]; then sed -n "s/^$1=//p" "$PROPS" | head -n1; fi; }
val() { local v; v="$(prop "$1")"; echo "${v:-n/a}"; }
MEM_GIB="$(awk '/^MemTotal:/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)"
CPU_MODEL="$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
JAVA_VERSION="$(java -version 2>&1 | head -n1)"
JAR_REV="$(git -C "$(dirname "$JAR")" rev-parse --short HEAD 2>/dev/null || echo '?')"
read -r SCAN_FIRST SCAN_LAST SENT_FIRST SENT_LAST SENT_SPAN <<<"${DB_TIMES:-}" || true

REPORT="$RESULTS_DIR/sms-wave.md"
{
  echo "# Rota SMS benchmark: a daily-reminder wave"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "- machine: $(nproc) CPUs, ${MEM_GIB} GiB RAM, ${CPU_MODEL:-unknown CPU}"
  echo "- software: $JAVA_VERSION; PostgreSQL $PG_VERSION at $PGHOST:$PGPORT"
  echo "- jar: $JAR (git $JAR_REV)"
  echo "- settings: $GROUPS_N groups × $MEMBERS members = $TOTAL, zone $(val zone), $CLIENTS set-up clients, ROTA_SMS_MAX_PER_SECOND=$RATE, ROTA_SMS_SENDERS=$SENDERS, fake Twilio answer delay $FAKE_LATENCY_MS ms, lead $LEAD_SECONDS s"
  echo "- driver: exit code $DRIVER_RC$( [ -n "$(prop failure)" ] && echo ", failure: $(prop failure)")"
  echo
  echo "| measure | value |"
  echo "| --- | --- |"
  echo "| set-up: members / shift types / assignments per s | $(val members_per_s) / $(val shift_types_per_s) / $(val assignments_per_s) ($(val setup_s) s in all) |"
  echo "| ASSIGNED SMS during the set-up | $(val assigned_sms) to $(val assigned_distinct_to) numbers at $(val assigned_per_s)/s; the last $(val assigned_last_after_last_command_s) s after the last assignment |"
  echo "| reminder instant (group-local / UTC) | $(val scheduled_local) $(val zone) / $(val scheduled_instant) |"
  echo "| scheduled instant → first reminder at the fake (s) | $(val wave_first_delay_s) |"
  echo "| scheduled instant → last reminder at the fake (s) | $(val wave_last_delay_s) |"
  echo "| wave: sends/s (first to last), peak in one second | $(val wave_per_s), $(val wave_peak_per_s) |"
  echo "| reminders received / distinct To / duplicates | $(val wave_count) / $(val wave_distinct_to) / $(val wave_duplicates) (exactly $TOTAL: $(val wave_exact)); other SMS meanwhile: $(val wave_other_sms) |"
  echo "| outbox, sampled each second: first row / all $TOTAL rows / all SENT, s after the instant | ${ROWS_FIRST_S:-n/a} / ${ROWS_ALL_S:-n/a} / ${SENT_ALL_S:-n/a} |"
  echo "| outbox: DAILY_REMINDER rows by status | ${DB_STATUS:-n/a} |"
  echo "| outbox: scan instants (created_at) first / last, UTC | ${SCAN_FIRST:-n/a} / ${SCAN_LAST:-n/a} |"
  echo "| outbox: sent_at first / last, UTC (span s) | ${SENT_FIRST:-n/a} / ${SENT_LAST:-n/a} (${SENT_SPAN:-n/a}) |"
  echo "| JobRunr: longest sms-reminders runs (scan, then drain) | ${JOBRUNR_SCANS:-n/a} |"
  echo "| JobRunr: longest sms-dispatch runs (drain) | ${JOBRUNR_DRAINS:-n/a} |"
  echo "| Rota RSS after the wave: VmRSS / VmHWM (MiB) | ${VMRSS_MB:-n/a} / ${VMHWM_MB:-n/a} |"
  echo "| pgbench one-insert tps ($CLIENTS clients, Rota stopped) | ${PGBENCH_TPS:-n/a} |"
} >"$REPORT"

echo
cat "$REPORT"
echo
echo "(written to $REPORT; outbox samples in $OUTBOX_CSV; Rota log in $LOG, fake Twilio log in $FAKE_LOG$( [ "$DUMPS" -gt 0 ] && echo ", thread dumps in $DUMP_DIR"))"
exit "$DRIVER_RC"
