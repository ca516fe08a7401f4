#!/usr/bin/env bash
# Runs the side-by-side comparison: the JMH benchmarks of the generated networks and the EJML
# baseline, then the PyTorch script on the same measurements, which prints the ratio table.
# Usage: benchmarks/run.sh [output directory]   (from the repository root; takes about 25 min)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-benchmarks/target/results}"
mkdir -p "$out"

mvn -B -q -o package -pl benchmarks -am -DskipTests 2>/dev/null || mvn -B -q package -pl benchmarks -am -DskipTests
jar=benchmarks/target/benchmarks.jar

lscpu > "$out/lscpu.txt"
uptime | tee "$out/uptime-before.txt"
java -version 2>&1 | tee "$out/java-version.txt"

java -jar "$jar" 'TinyBenchmark|DigitsBenchmark|DigitsEjmlBenchmark|VectorDigitsBenchmark|DigitsEpochBenchmark|VectorDigitsEpochBenchmark' \
  -prof gc -rf json -rff "$out/jmh.json" | tee "$out/jmh.txt"

/usr/bin/python3 benchmarks/pytorch_bench.py --jmh "$out/jmh.json" --out "$out/pytorch.json" \
  | tee "$out/ratios.md"
uptime | tee "$out/uptime-after.txt"
