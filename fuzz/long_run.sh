#!/usr/bin/env bash
# The long run: ten million inputs over every entry point, one target after another, each given
# a share in proportion to its speed (import-page reads whole pages, so it gets the fewest).
# Prints each target's count of inputs run; stops at the first crash (its input is kept as
# crash-*). Run from the fuzz/ folder:  bash long_run.sh [corpus folder]
set -euo pipefail
corpus=${1:-corpus}
declare -A runs=(
  [loads]=2500000 [validate]=2000000 [render]=1000000 [export]=1000000
  [import-table]=1500000 [amendments]=1200000 [translations]=700000 [import-page]=100000
)
total=0
for target in loads validate render export import-table amendments translations import-page; do
  mkdir -p "$corpus/$target"
  out=$(python fuzz.py "$target" -runs="${runs[$target]}" -print_final_stats=1 \
        "$corpus/$target" ../examples ../tests/data/adversarial ../tests/data/invalid 2>&1) || {
    printf '%s\n' "$out" | tail -40
    echo "$target: FAILED (see above)"
    exit 1
  }
  done_runs=$(printf '%s\n' "$out" | awk '/stat::number_of_executed_units/ {print $2}')
  echo "$target: $done_runs inputs, nothing found"
  total=$((total + done_runs))
done
echo "all targets: $total inputs, nothing found"
