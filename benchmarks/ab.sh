#!/usr/bin/env bash
# A/B of two builds of the benchmarks jar on the measures of run.sh, in alternating rounds
# (A, B, A, B, ...) in one run, so that a change in the machine's load falls on both sides.
# Builds each jar from a git revision in a scratch work tree; writes each round's JMH JSON and
# prints the medians per measure with the B/A ratio and its range over the rounds.
#
# Usage: benchmarks/ab.sh REV_A REV_B [rounds] [output directory]
#   e.g. benchmarks/ab.sh origin/main HEAD 2 /tmp/ab      (about 9 min a round, both sides)
set -euo pipefail
cd "$(dirname "$0")/.."
rev_a=$1
rev_b=$2
rounds=${3:-2}
out=${4:-benchmarks/target/ab}
mkdir -p "$out"
scratch=$(mktemp -d)
trap 'git worktree remove --force "$scratch/a" 2>/dev/null; git worktree remove --force "$scratch/b" 2>/dev/null; rm -rf "$scratch"' EXIT

for side in a b; do
  rev=$rev_a
  [ "$side" = b ] && rev=$rev_b
  git worktree add -q --detach "$scratch/$side" "$rev"
  (cd "$scratch/$side" && mvn -B -q package -pl benchmarks -am -DskipTests)
  cp "$scratch/$side/benchmarks/target/benchmarks.jar" "$out/$side.jar"
  git -C "$scratch/$side" rev-parse HEAD > "$out/$side.rev"
done

lscpu > "$out/lscpu.txt"
steps='TinyBenchmark.(trainStep|predict)Dendrite|DigitsBenchmark.(trainStep|predictBatch|predictSingle)Dendrite|VectorDigitsBenchmark'
epochs='DigitsEpochBenchmark|VectorDigitsEpochBenchmark'
for round in $(seq 1 "$rounds"); do
  for side in a b; do
    echo "round $round, side $side: $(uptime)"
    java -jar "$out/$side.jar" "$steps" -wi 3 -i 5 -w 1 -r 1 -f 1 \
      -rf json -rff "$out/$side-$round-steps.json" > "$out/$side-$round-steps.txt"
    java -jar "$out/$side.jar" "$epochs" -wi 1 -i 3 -f 1 \
      -rf json -rff "$out/$side-$round-epochs.json" > "$out/$side-$round-epochs.txt"
  done
done

python3 - "$out" "$rounds" <<'PY'
import json, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
def scores(side, r):
    result = {}
    for part in ("steps", "epochs"):
        for b in json.load(open(f"{out}/{side}-{r}-{part}.json")):
            name = b["benchmark"].split(".", 3)[-1] + "".join(
                f" {k}={v}" for k, v in sorted(b.get("params", {}).items()))
            result[name] = (b["primaryMetric"]["score"], b["primaryMetric"]["scoreUnit"])
    return result
a = [scores("a", r) for r in range(1, rounds + 1)]
b = [scores("b", r) for r in range(1, rounds + 1)]
print(f"| measure | A | B | B/A (range over rounds) |")
print(f"|---|---|---|---|")
for name in sorted(a[0]):
    unit = a[0][name][1]
    av = [s[name][0] for s in a]
    bv = [s[name][0] for s in b]
    ratios = [y / x for x, y in zip(av, bv)]
    print(f"| {name} | {statistics.median(av):.4g} {unit} | {statistics.median(bv):.4g} {unit}"
          f" | {statistics.median(ratios):.3f} ({min(ratios):.3f}-{max(ratios):.3f}) |")
PY
