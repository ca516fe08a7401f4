#!/usr/bin/env bash
# Runs the side-by-side comparison and keeps its raw results as data: the JMH benchmarks of the
# generated networks (plain and Vector API kernels) with the in-JVM peers, EJML and ONNX Runtime,
# then the PyTorch worker (benchmarks/pytorch_bench.py) under each PyTorch: Debian's 1.13
# (/usr/bin/python3, required) and the 2.x wheel in a virtual environment (created from the
# wheels on disk, or reused; without it the run goes on without that peer and says so). The
# ratio table compares Dendrite with the fastest peer per measurement and core count. With more
# than one round, the rounds alternate JMH and PyTorch, so that a change in the machine's load
# between them falls on both sides, and the table gives the medians of the rounds with the range
# of each ratio over the rounds.
#
# Usage: benchmarks/run.sh [output directory] [rounds]   (from the repository root; about 8 min
# a round)
#   The output directory defaults to benchmarks/results/<UTC date>-<cpu>, the cpu a short slug of
#   lscpu's model name; a second run on the same day gets -2, -3, ... It receives lscpu.txt,
#   java-version.txt, run.json (commit, settings, the peers that ran or why not), ratios.md and
#   round-N/ with each round's jmh.json, pytorch-system.json, pytorch-wheel.json, JMH's text
#   output and ratios.md.
# Environment: QUICK=1 runs one short JMH iteration and the worker's --quick settings, a smoke
#   test of the pipeline whose figures mean nothing; DENDRITE_TORCH_VENV is the virtual
#   environment for PyTorch 2.x (default ${TMPDIR:-/tmp}/dendrite-bench-torch).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${2:-1}"
quick="${QUICK:-}"
[ "$quick" = 0 ] && quick=""

cpu_slug() {
  local slug
  slug=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1 | tr '[:upper:]' '[:lower:]' \
    | sed -E 's/\((r|tm)\)//g; s/@.*//; s/(^| )(cpu|processor|[0-9]+-core)( |$)/ /g' \
    | tr -cs 'a-z0-9' '-' | sed -E 's/^-+//; s/-+$//' | cut -d- -f1-3)
  echo "${slug:-cpu}"
}

if [ -n "${1:-}" ]; then
  out="$1"
else
  out="benchmarks/results/$(date -u +%F)-$(cpu_slug)"
  if [ -e "$out" ]; then
    n=2
    while [ -e "$out-$n" ]; do n=$((n + 1)); done
    out="$out-$n"
  fi
fi
mkdir -p "$out"
echo "Results go to $out"

notes=()
note() {
  echo "NOTE: $*"
  notes+=("$*")
}
if [ -n "$quick" ]; then
  note "smoke run (QUICK=1): one short JMH iteration and the PyTorch worker's --quick settings; these figures are not results"
fi

# Debian's PyTorch runs after each round's JMH: find out before the first round whether it can
if [ ! -x /usr/bin/python3 ]; then
  echo "benchmarks/run.sh needs /usr/bin/python3: apt-get install -y python3 python3-torch libopenblas0-pthread python3-numpy" >&2
  exit 2
fi
/usr/bin/python3 benchmarks/pytorch_bench.py --check

# PyTorch 2.x: the wheel on disk, in a virtual environment of Debian's interpreter (the same
# CPython as the 1.13 peer)
venv="${DENDRITE_TORCH_VENV:-${TMPDIR:-/tmp}/dendrite-bench-torch}"
torch2=""
torch2_missing=""
is_torch2='import sys, numpy, torch; sys.exit(0 if int(torch.__version__.split(".")[0]) >= 2 else 1)'
if "$venv/bin/python" -c "$is_torch2" 2>/dev/null; then
  echo "PyTorch 2.x: reusing $venv"
  torch2="$venv/bin/python"
else
  wheels=()
  for folder in /opt/pypi/files /opt/wheels; do
    if [ -d "$folder" ]; then wheels+=(--find-links "$folder"); fi
  done
  if [ ${#wheels[@]} -eq 0 ]; then
    torch2_missing="no wheel folder (/opt/pypi/files or /opt/wheels) to install it from"
  else
    echo "PyTorch 2.x: installing torch>=2 and numpy from the wheels on disk into $venv"
    if /usr/bin/python3 -m venv "$venv" \
        && "$venv/bin/pip" install -q --no-index "${wheels[@]}" 'torch>=2' numpy \
        && "$venv/bin/python" -c "$is_torch2"; then
      torch2="$venv/bin/python"
      # names numpy's BLAS kernels in the results; without it they are read another way
      "$venv/bin/pip" install -q --no-index "${wheels[@]}" threadpoolctl \
        || echo "threadpoolctl could not be installed into $venv; going on without it"
    else
      torch2_missing="torch>=2 and numpy could not be installed from ${wheels[*]} into $venv"
    fi
  fi
fi
if [ -n "$torch2" ] && ! "$torch2" benchmarks/pytorch_bench.py --check; then
  torch2_missing="$torch2 cannot run the worker (see above)"
  torch2=""
fi
if [ -n "$torch2_missing" ]; then
  note "PyTorch 2.x did not run: $torch2_missing"
fi

mvn -B -q -o package -pl benchmarks -am -DskipTests 2>/dev/null || mvn -B -q package -pl benchmarks -am -DskipTests
jar=benchmarks/target/benchmarks.jar

if [ -n "$quick" ]; then
  step_settings=(-wi 1 -i 1 -w 1 -r 1)
  epoch_settings=(-wi 1 -i 1)
  worker_settings=(--quick)
else
  step_settings=(-wi 5 -i 5 -w 1 -r 1)
  epoch_settings=(-wi 2 -i 5)
  worker_settings=()
fi
steps='TinyBenchmark|DigitsBenchmark.(trainStep|predictBatch|predictSingle)Dendrite|VectorDigitsBenchmark|DigitsEjmlBenchmark.(trainStep|predictBatch|predictSingle)|OnnxDigitsBenchmark'
epochs='DigitsEpochBenchmark|VectorDigitsEpochBenchmark'

lscpu > "$out/lscpu.txt"
java -version 2>&1 | tee "$out/java-version.txt"
/usr/bin/python3 - "$out/run.json" "$rounds" "${quick:+1}" "$torch2" "$torch2_missing" \
    "${step_settings[*]}" "${epoch_settings[*]}" <<'EOF'
import json, subprocess, sys, time
path, rounds, quick, torch2, torch2_missing, step_settings, epoch_settings = sys.argv[1:]
def git(*args):
    return subprocess.run(["git", *args], capture_output=True, text=True).stdout.strip()
def torch_version(python):
    return subprocess.run([python, "-c", "import torch; print(torch.__version__)"],
                          capture_output=True, text=True).stdout.strip()
json.dump({
    "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    "commit": git("rev-parse", "HEAD"),
    "uncommittedChanges": bool(git("status", "--porcelain", "--untracked-files=no")),
    "rounds": int(rounds),
    "quick": bool(quick),
    "jmh": {"steps": step_settings + " -f 1 -prof gc", "epochs": epoch_settings + " -f 1"},
    "peers": {
        "pytorch-system": {"interpreter": "/usr/bin/python3",
                           "torch": torch_version("/usr/bin/python3")},
        "pytorch-wheel": ({"interpreter": torch2, "torch": torch_version(torch2)} if torch2
                          else {"notRun": torch2_missing}),
    },
}, open(path, "w"), indent=1)
EOF

dirs=()
for round in $(seq 1 "$rounds"); do
  dir="$out/round-$round"
  mkdir -p "$dir"
  dirs+=("$dir")
  echo "round $round of $rounds: $(uptime)" | tee "$dir/uptime-before.txt"
  echo "round $round: JMH, steps and predictions"
  java -jar "$jar" "$steps" "${step_settings[@]}" -f 1 -prof gc -rf json -rff "$dir/steps.json" \
    > "$dir/steps.txt"
  echo "round $round: JMH, epochs"
  java -jar "$jar" "$epochs" "${epoch_settings[@]}" -f 1 -rf json -rff "$dir/epochs.json" \
    > "$dir/epochs.txt"
  /usr/bin/python3 -c 'import json, sys; json.dump(json.load(open(sys.argv[1])) + json.load(open(sys.argv[2])), open(sys.argv[3], "w"), indent=1)' \
    "$dir/steps.json" "$dir/epochs.json" "$dir/jmh.json"
  rm "$dir/steps.json" "$dir/epochs.json"
  echo "round $round: PyTorch under /usr/bin/python3"
  /usr/bin/python3 benchmarks/pytorch_bench.py "${worker_settings[@]}" \
    --out "$dir/pytorch-system.json" > /dev/null
  if [ -n "$torch2" ]; then
    echo "round $round: PyTorch under $torch2"
    "$torch2" benchmarks/pytorch_bench.py "${worker_settings[@]}" \
      --out "$dir/pytorch-wheel.json" > /dev/null
  fi
  /usr/bin/python3 benchmarks/pytorch_bench.py --rounds "$dir" > "$dir/ratios.md"
  uptime | tee "$dir/uptime-after.txt"
done

{
  echo "# Benchmark run of $(date -u +%F) on $(sed -n 's/^Model name:[[:space:]]*//p' "$out/lscpu.txt" | head -n 1)"
  echo
  for line in "${notes[@]}"; do
    echo "**Note:** $line"
    echo
  done
  /usr/bin/python3 benchmarks/pytorch_bench.py --rounds "${dirs[@]}"
} > "$out/ratios.md"
cat "$out/ratios.md"
