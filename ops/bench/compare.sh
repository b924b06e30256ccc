#!/usr/bin/env bash
# Compare two Rota jars on the command benchmark, alternately (A B A B ...), so that a machine whose speed
# drifts (other work beside it) weighs on both alike. Prints one row per run and the medians; the figure to
# trust on a shared machine is Rota's CPU per command (read from /proc, not from the wall clock).
# Usage: ops/bench/compare.sh JAR_A JAR_B [--runs 2] [--label-a A] [--label-b B] [-- run.sh options]
# Env: ROTA_JAVA_OPTS_A / ROTA_JAVA_OPTS_B (JVM options of each side; unset: run.sh's default), PG* as for run.sh.
# Default run.sh options: --commands 2000 --query-samples 100 --coverage-requests 0 --pgbench-seconds 5.
set -euo pipefail

[ $# -ge 2 ] || { sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 64; }
JAR_A="$1"; JAR_B="$2"; shift 2
RUNS=2; LABEL_A=A; LABEL_B=B
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --label-a) LABEL_A="$2"; shift 2 ;;
    --label-b) LABEL_B="$2"; shift 2 ;;
    --) shift; break ;;
    *) echo "unknown option: $1" >&2; exit 64 ;;
  esac
done
BENCH_ARGS=("$@")
[ ${#BENCH_ARGS[@]} -gt 0 ] || BENCH_ARGS=(--commands 2000 --query-samples 100 --coverage-requests 0 --pgbench-seconds 5)

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$BENCH_DIR/results/compare"
mkdir -p "$OUT"
ROWS="$OUT/rows.tsv"
printf 'side\trun\tcommands/s\tp50 ms\tp99 ms\tlag p99 ms\tRota CPU ms/cmd\tPG CPU ms/cmd\tdriver CPU s\tpgbench tps\tstart-up s\tRSS MiB\tstart-up CPU s\tnet ms/cmd\n' >"$ROWS"

field() { # the value cell of the first row of run.sh's report whose measure starts with $2
  awk -F' \\| ' -v m="$2" 'index($1, "| " m) == 1 { print $2; exit }' "$1"
}

run_one() {
  local side="$1" jar="$2" i="$3" opts_var="ROTA_JAVA_OPTS_$1"
  local report="$OUT/$side-$i.md"
  echo "== $side run $i: $jar"
  if [ -n "${!opts_var+x}" ]; then
    ROTA_JAVA_OPTS="${!opts_var}" ROTA_JAR="$jar" BENCH_REPORT="$report" "$BENCH_DIR/run.sh" "${BENCH_ARGS[@]}" >"$OUT/$side-$i.out" 2>&1 || true
  else
    ROTA_JAR="$jar" BENCH_REPORT="$report" "$BENCH_DIR/run.sh" "${BENCH_ARGS[@]}" >"$OUT/$side-$i.out" 2>&1 || true
  fi
  [ -f "$report" ] || { echo "   no report (see $OUT/$side-$i.out)"; return; }
  local cps lat lag cpu pgb start rss label
  cps="$(field "$report" 'assignment commands/s' | awk '{print $1}')"
  lat="$(field "$report" 'command latency p50 / p99' | awk '{print $1 "\t" $3}')"
  lag="$(field "$report" 'projection lag p50 / p99' | awk '{print $3}')"
  cpu="$(field "$report" 'CPU over the measured phase' | awk '{print $5}')"
  local per pgper
  per="$(field "$report" 'Rota CPU per command' | awk '{print $1}')"
  pgper="$(field "$report" 'Rota CPU per command' | sed -n 's/.*(PostgreSQL \([0-9.]*\)).*/\1/p')"
  pgb="$(field "$report" 'pgbench one-insert tps' | awk '{printf "%.0f", $1}')"
  start="$(field "$report" 'start-up to readiness' | awk '{print $1}')"
  rss="$(field "$report" 'RSS after load' | awk '{print $1}')"
  local startcpu net
  net="$(field "$report" 'Rota CPU per command without' | awk '{print $1}')"
  startcpu="$(field "$report" 'start-up to readiness' | sed -n 's/.*; \([0-9.]*\) CPU seconds.*/\1/p')"
  label="$LABEL_A"; [ "$side" = B ] && label="$LABEL_B"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$i" "$cps" "$lat" "$lag" "$per" "$pgper" "$cpu" "$pgb" "$start" "$rss" "$startcpu" "$net" >>"$ROWS"
  tail -n 1 "$ROWS"
}

for i in $(seq 1 "$RUNS"); do
  run_one A "$JAR_A" "$i"
  run_one B "$JAR_B" "$i"
done

echo
echo "| side | run | commands/s | p50 ms | p99 ms | lag p99 ms | Rota CPU ms/cmd | PG CPU ms/cmd | driver CPU s | pgbench tps | start-up s | RSS MiB | start-up CPU s | net Rota CPU ms/cmd |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
tail -n +2 "$ROWS" | sort -s -k1,1 | awk -F'\t' -v OFS=' | ' '{ $1 = $1; print "| " $0 " |" }'
echo
for label in "$LABEL_A" "$LABEL_B"; do
  awk -F'\t' -v l="$label" '$1 == l { n++; for (c = 3; c <= 14; c++) v[c, n] = $c }
    END {
      printf "median %s:", l
      split("commands/s p50 p99 lag-p99 rota-ms/cmd pg-ms/cmd driver-s pgbench start-up rss start-up-cpu net-ms/cmd", name, " ")
      for (c = 3; c <= 14; c++) {
        m = 0; for (i = 1; i <= n; i++) a[i] = v[c, i] + 0
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
        med = (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
        printf " %s %s", name[c - 2], med
      }
      printf "\n"
    }' "$ROWS"
done
echo "(rows in $ROWS; each run's report and output beside it)"
