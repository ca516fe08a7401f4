#!/usr/bin/env bash
# Runs the side-by-side comparison: the JMH benchmarks of the generated networks and the EJML
# baseline, then the PyTorch script on the same measurements, which prints the ratio table.
# With more than one round, the rounds alternate JMH and PyTorch, so that a change in the
# machine's load between them falls on both sides, and the last table gives the medians of the
# rounds with the range of each ratio over the rounds.
#
# Usage: benchmarks/run.sh [output directory] [rounds]   (from the repository root; about 6 min
# a round)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-benchmarks/target/results}"
rounds="${2:-1}"
mkdir -p "$out"

# PyTorch runs after each round's JMH: find out before the first round whether it can run at all
if [ ! -x /usr/bin/python3 ]; then
  echo "benchmarks/run.sh needs /usr/bin/python3: apt-get install -y python3 python3-torch libopenblas0-pthread python3-numpy" >&2
  exit 2
fi
/usr/bin/python3 benchmarks/pytorch_bench.py --check

mvn -B -q -o package -pl benchmarks -am -DskipTests 2>/dev/null || mvn -B -q package -pl benchmarks -am -DskipTests
jar=benchmarks/target/benchmarks.jar

lscpu > "$out/lscpu.txt"
java -version 2>&1 | tee "$out/java-version.txt"

dirs=()
for round in $(seq 1 "$rounds"); do
  dir="$out/round-$round"
  mkdir -p "$dir"
  dirs+=("$dir")
  echo "round $round of $rounds: $(uptime)" | tee "$dir/uptime-before.txt"
  java -jar "$jar" \
    'TinyBenchmark|DigitsBenchmark.(trainStep|predictBatch|predictSingle)Dendrite|VectorDigitsBenchmark|DigitsEjmlBenchmark.(trainStep|predictBatch|predictSingle)' \
    -wi 5 -i 5 -w 1 -r 1 -f 1 -prof gc -rf json -rff "$dir/steps.json" > "$dir/steps.txt"
  java -jar "$jar" 'DigitsEpochBenchmark|VectorDigitsEpochBenchmark' \
    -wi 2 -i 5 -f 1 -rf json -rff "$dir/epochs.json" > "$dir/epochs.txt"
  /usr/bin/python3 -c 'import json, sys; json.dump(json.load(open(sys.argv[1])) + json.load(open(sys.argv[2])), open(sys.argv[3], "w"))' \
    "$dir/steps.json" "$dir/epochs.json" "$dir/jmh.json"
  /usr/bin/python3 benchmarks/pytorch_bench.py --jmh "$dir/jmh.json" --out "$dir/pytorch.json" \
    | tee "$dir/ratios.md"
  uptime | tee "$dir/uptime-after.txt"
done

if [ "$rounds" -gt 1 ]; then
  /usr/bin/python3 benchmarks/pytorch_bench.py --rounds "${dirs[@]}" | tee "$out/ratios.md"
fi
