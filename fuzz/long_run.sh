#!/usr/bin/env bash
# The long run: ten million inputs over every entry point. Each target gets a share in
# proportion to its speed (page import reads whole pages against the catalogue, so it gets the
# fewest), and the targets run in two lanes at once, one per core, each lane given about the
# same time. Prints each target's count of inputs run and the total; any crash stops its lane
# and fails the run (libFuzzer keeps the input as crash-*). Run from the fuzz/ folder:
#     bash long_run.sh [corpus folder]
set -euo pipefail
corpus=${1:-corpus}
declare -A runs=(
  [loads]=2500000 [validate]=2000000 [render]=1000000 [export]=1000000
  [import-table]=1500000 [amendments]=1200000 [translations]=700000 [import-page]=100000
)
# Measured rates (inputs a second, early in a run): loads 4100, validate 1650, render 1950,
# export 1370, import-table 610, import-page 105, amendments 1790, translations 1690.
lanes=("import-table validate translations" "import-page export amendments loads render")
logs=$(mktemp -d)
echo "each target's libFuzzer output goes to $logs/TARGET.log (tail -f it to watch)"

run_lane() {  # run_lane N "target target ..."; writes "target count" lines to $logs/lane-N
  local target count
  for target in $2; do
    mkdir -p "$corpus/$target"
    if ! nice -n 10 python fuzz.py "$target" -runs="${runs[$target]}" -print_final_stats=1 \
          "$corpus/$target" ../examples ../tests/data/adversarial ../tests/data/invalid \
          > "$logs/$target.log" 2>&1; then
      tail -40 "$logs/$target.log"
      echo "$target: FAILED (see above)"
      return 1
    fi
    count=$(awk '/stat::number_of_executed_units/ {print $2}' "$logs/$target.log")
    echo "$target: $count inputs, nothing found ($(date -u +%H:%M:%S))"
    echo "$target $count" >> "$logs/lane-$1"
  done
}

pids=()
for n in "${!lanes[@]}"; do
  run_lane "$n" "${lanes[$n]}" &
  pids+=($!)
done
failed=0
for pid in "${pids[@]}"; do
  wait "$pid" || failed=1
done
total=$(cat "$logs"/lane-* 2>/dev/null | awk '{s += $2} END {print s + 0}')
if [ "$failed" -ne 0 ]; then
  echo "stopped at a crash after $total inputs"
  exit 1
fi
echo "all targets: $total inputs, nothing found"
