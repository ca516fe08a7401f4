#!/usr/bin/python3
"""Baseline B: the benchmark measurements with PyTorch, and the ratio table against JMH.

Runs, for every configuration of intra-op threads x OPENBLAS_NUM_THREADS up to the number of
cores, the same measurements as the JMH benchmarks in this module:

  tiny   2 -> 20 ReLU -> 1 sigmoid, binary cross-entropy, SGD: one single-sample training step,
         one single-sample prediction;
  large  784 -> 256 ReLU -> 128 ReLU -> 10 softmax, categorical cross-entropy, Adam: one
         training step at batch 128, one epoch over 60,000 samples in batches of 128,
         prediction throughput at batch 1000, single-sample prediction latency;
  sgemm  numpy float32 matrix products of the large network's forward shapes at batch 1000 on
         one core (OPENBLAS_NUM_THREADS=1): the practical matrix-multiply rate of the machine.

Each configuration runs in a fresh interpreter, because OpenBLAS reads its thread count when it
loads. OpenBLAS chooses its kernels for the processor it finds: OPENBLAS_CORETYPE and
OPENBLAS_L2_SIZE are removed from the workers' environment (some machines set them to an older
core's kernels, which on an AVX-512 processor halves the matrix-multiply rate), unless
--keep-openblas-env is given. Each worker records the kernels OpenBLAS chose and checks its
matrix products against float64; a worker whose products are wrong stops the run. The workers
also raise glibc's mmap and trim thresholds (MALLOC_MMAP_THRESHOLD_, MALLOC_TRIM_THRESHOLD_) to
1 GB, so that PyTorch's large temporaries (the optimizer's and the backward pass's, hundreds of
KB each) are reused from the heap instead of being mapped and unmapped at every operation; on a
virtual machine each fresh page then costs a fault, which made the large network's training
step 5.5 ms instead of 1.5 ms on one core (see BENCHMARKS.md). --default-malloc keeps glibc's
defaults. Medians over repeated timings are reported. With --jmh, reads JMH's JSON results
(`java -jar target/benchmarks.jar ... -rf json -rff results.json`) and prints the ratios.

Usage (Debian's python3-torch, libopenblas0-pthread and python3-numpy; --check says which of
them is missing):
  /usr/bin/python3 benchmarks/pytorch_bench.py --check
  /usr/bin/python3 benchmarks/pytorch_bench.py --jmh jmh.json [--cores 2] [--out torch.json]
  /usr/bin/python3 benchmarks/pytorch_bench.py --rounds results/round-1 results/round-2 ...
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

SAMPLES = 60_000
BATCH = 128
PREDICT_BATCH = 1000
LARGE = (784, 256, 128, 10)


def timed(function, repeats, inner):
    """Median seconds per call of `function` over `repeats` timings of `inner` calls each."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(inner):
            function()
        times.append((time.perf_counter() - start) / inner)
    return statistics.median(times), times


def worker(quick):
    """Runs every measurement in this interpreter's configuration; prints JSON."""
    import numpy as np
    import torch

    torch.manual_seed(1)
    scale = 0.2 if quick else 1.0
    result = {}

    def record(name, function, repeats, inner, warmup):
        for _ in range(warmup):
            function()
        median, times = timed(function, repeats, max(1, int(inner * scale)))
        result[name] = {"median_s": median, "min_s": min(times), "max_s": max(times)}

    # ---- tiny ----
    tiny = torch.nn.Sequential(torch.nn.Linear(2, 20), torch.nn.ReLU(), torch.nn.Linear(20, 1))
    tiny_loss = torch.nn.BCEWithLogitsLoss()
    tiny_sgd = torch.optim.SGD(tiny.parameters(), lr=0.05)
    x1 = torch.tensor([[0.3, -0.7]])
    y1 = torch.tensor([[1.0]])

    def tiny_step():
        tiny_sgd.zero_grad(set_to_none=True)
        loss = tiny_loss(tiny(x1), y1)
        loss.backward()
        tiny_sgd.step()

    def tiny_predict():
        with torch.no_grad():
            return torch.sigmoid(tiny(x1))

    record("tiny.trainStep", tiny_step, 7, 2000, 2000)
    record("tiny.predict", tiny_predict, 7, 5000, 5000)

    # ---- large ----
    layers = []
    for i in range(len(LARGE) - 1):
        layers.append(torch.nn.Linear(LARGE[i], LARGE[i + 1]))
        if i < len(LARGE) - 2:
            layers.append(torch.nn.ReLU())
    large = torch.nn.Sequential(*layers)
    large_loss = torch.nn.CrossEntropyLoss()
    adam = torch.optim.Adam(large.parameters(), lr=1e-3)
    images = torch.rand(SAMPLES, LARGE[0])
    labels = torch.randint(0, LARGE[-1], (SAMPLES,))
    xb = images[:BATCH]
    yb = labels[:BATCH]

    def large_step(x=xb, y=yb):
        adam.zero_grad(set_to_none=True)
        loss = large_loss(large(x), y)
        loss.backward()
        adam.step()

    def epoch():
        for start in range(0, SAMPLES, BATCH):
            large_step(images[start:start + BATCH], labels[start:start + BATCH])

    xp = images[:PREDICT_BATCH]
    x_single = images[:1]

    def predict_batch():
        with torch.no_grad():
            return torch.softmax(large(xp), dim=1)

    def predict_single():
        with torch.no_grad():
            return torch.softmax(large(x_single), dim=1)

    record("large.trainStep", large_step, 7, 50, 50)
    record("large.epoch", epoch, 3 if not quick else 2, 1, 1)
    record("large.predictBatch", predict_batch, 7, 20, 10)
    record("large.predictSingle", predict_single, 7, 2000, 2000)

    # ---- sgemm on the forward shapes at batch 1000 ----
    rng = np.random.default_rng(1)
    a = [rng.random((PREDICT_BATCH, LARGE[i]), dtype=np.float32) for i in range(3)]
    w = [rng.random((LARGE[i], LARGE[i + 1]), dtype=np.float32) for i in range(3)]
    out = [np.empty((PREDICT_BATCH, LARGE[i + 1]), dtype=np.float32) for i in range(3)]

    def sgemm():
        for i in range(3):
            np.matmul(a[i], w[i], out=out[i])

    record("sgemm.forward1000", sgemm, 7, 20, 10)
    flops = 2 * PREDICT_BATCH * sum(LARGE[i] * LARGE[i + 1] for i in range(3))
    result["sgemm.forward1000"]["gflops"] = flops / result["sgemm.forward1000"]["median_s"] / 1e9
    check = np.matmul(a[0], w[0])
    exact = np.matmul(a[0].astype(np.float64), w[0].astype(np.float64))
    error = float(np.abs(check - exact).max() / np.abs(exact).max())
    if not error < 1e-5:
        raise SystemExit(f"OpenBLAS ({openblas_core()}) multiplies wrongly here: relative error"
                         f" {error:.3g}; run again with --keep-openblas-env")
    result["openblasCore"] = openblas_core()
    result["mallocThresholds"] = all(
        os.environ.get(k) == v for k, v in MALLOC_THRESHOLDS.items())
    result["torch"] = torch.__version__
    result["intraop"] = torch.get_num_threads()
    result["openblas"] = os.environ.get("OPENBLAS_NUM_THREADS")
    print(json.dumps(result))


def openblas_core():
    """The name of the kernels OpenBLAS chose in this process, or "unknown"."""
    import ctypes
    try:
        corename = ctypes.CDLL("libopenblas.so.0").openblas_get_corename
    except (OSError, AttributeError):
        return "unknown"
    corename.restype = ctypes.c_char_p
    return corename().decode()


INSTALL = "apt-get install -y python3-torch libopenblas0-pthread python3-numpy"


def environment_problems():
    """What keeps PyTorch from running here as the baseline: a missing module, or a BLAS that is
    not OpenBLAS (PyTorch would then multiply with the reference BLAS, which is not a fair peer)."""
    import ctypes
    import importlib.util
    problems = [f"the Python module {module} is missing (Debian package {package})"
                for module, package in (("torch", "python3-torch"), ("numpy", "python3-numpy"))
                if importlib.util.find_spec(module) is None]
    try:
        ctypes.CDLL("libblas.so.3").openblas_get_corename
    except OSError:
        problems.append("libblas.so.3, the BLAS PyTorch calls, is missing"
                        " (Debian package libopenblas0-pthread)")
    except AttributeError:
        problems.append("libblas.so.3, the BLAS PyTorch calls, is not OpenBLAS: install"
                        " libopenblas0-pthread, or select it with update-alternatives --config"
                        " libblas.so.3-x86_64-linux-gnu")
    return problems


def check_environment():
    """Stops with exit status 2 and what to install if PyTorch cannot run as the baseline."""
    problems = environment_problems()
    if problems:
        print("PyTorch cannot run as the baseline here:", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        print(f"Install with: {INSTALL}", file=sys.stderr)
        sys.exit(2)


OPENBLAS_OVERRIDES = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
MALLOC_THRESHOLDS = {"MALLOC_MMAP_THRESHOLD_": "1000000000",
                     "MALLOC_TRIM_THRESHOLD_": "1000000000"}


def run_config(intraop, openblas, quick, keep_openblas_env=False, default_malloc=False):
    env = dict(os.environ)
    if not keep_openblas_env:
        for name in OPENBLAS_OVERRIDES:
            env.pop(name, None)
    if not default_malloc:
        env.update(MALLOC_THRESHOLDS)
    env["OPENBLAS_NUM_THREADS"] = str(openblas)
    env["OMP_NUM_THREADS"] = str(intraop)
    env["DENDRITE_TORCH_THREADS"] = str(intraop)
    args = [sys.executable, os.path.abspath(__file__), "--worker"] + (["--quick"] if quick else [])
    done = subprocess.run(args, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"the PyTorch worker for intra-op {intraop} x OpenBLAS {openblas} stopped"
                         f" with exit status {done.returncode}:\n{done.stderr.strip()}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# JMH benchmark -> (measurement, unit of the JMH score in seconds)
JMH_NAMES = {
    "TinyBenchmark.trainStepDendrite": ("tiny.trainStep", "dendrite"),
    "TinyBenchmark.trainStepEjml": ("tiny.trainStep", "ejml"),
    "TinyBenchmark.predictDendrite": ("tiny.predict", "dendrite"),
    "TinyBenchmark.predictEjml": ("tiny.predict", "ejml"),
    "DigitsBenchmark.trainStepDendrite": ("large.trainStep", "dendrite"),
    "DigitsEjmlBenchmark.trainStepEjml": ("large.trainStep", "ejml"),
    "DigitsBenchmark.predictBatchDendrite": ("large.predictBatch", "dendrite"),
    "DigitsEjmlBenchmark.predictBatchEjml": ("large.predictBatch", "ejml"),
    "DigitsBenchmark.predictSingleDendrite": ("large.predictSingle", "dendrite"),
    "DigitsEjmlBenchmark.predictSingleEjml": ("large.predictSingle", "ejml"),
    "DigitsEpochBenchmark.epochDendrite": ("large.epoch", "dendrite"),
    "DigitsEjmlBenchmark.epochEjml": ("large.epoch", "ejml"),
    "VectorDigitsBenchmark.trainStepVector": ("large.trainStep", "vector"),
    "VectorDigitsBenchmark.predictBatchVector": ("large.predictBatch", "vector"),
    "VectorDigitsBenchmark.predictSingleVector": ("large.predictSingle", "vector"),
    "VectorDigitsEpochBenchmark.epochVector": ("large.epoch", "vector"),
}
UNIT_SECONDS = {"ns/op": 1e-9, "us/op": 1e-6, "ms/op": 1e-3, "s/op": 1.0}


def read_jmh(path):
    """{(measurement, implementation, threads): median seconds} from a JMH JSON file."""
    with open(path) as f:
        runs = json.load(f)
    table = {}
    for run in runs:
        name = ".".join(run["benchmark"].split(".")[-2:])
        if name not in JMH_NAMES:
            continue
        measurement, implementation = JMH_NAMES[name]
        threads = int(run.get("params", {}).get("threads", 1))
        metric = run["primaryMetric"]
        raw = [v for fork in metric["rawData"] for v in fork]
        table[(measurement, implementation, threads)] = (
            statistics.median(raw) * UNIT_SECONDS[metric["scoreUnit"]],
            min(raw) * UNIT_SECONDS[metric["scoreUnit"]],
            max(raw) * UNIT_SECONDS[metric["scoreUnit"]])
    return table


def fmt(seconds):
    if seconds is None:
        return "-"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    if seconds >= 1e-6:
        return f"{seconds * 1e6:.1f} us"
    return f"{seconds * 1e9:.0f} ns"


def read_configs(path):
    """{configuration: (intra-op threads, OpenBLAS threads, results)} from a file --out wrote."""
    with open(path) as f:
        return {key: (result["intraop"], int(result["openblas"]), result)
                for key, result in json.load(f).items()}


def combine_rounds(directories):
    """The JMH table and the PyTorch configurations of several rounds, each value the median of
    the rounds' medians; also, per measurement, the range of the rounds' Dendrite / PyTorch
    ratios. Each directory holds a round's jmh.json and pytorch.json."""
    jmh_rounds = [read_jmh(os.path.join(d, "jmh.json")) for d in directories]
    torch_rounds = [read_configs(os.path.join(d, "pytorch.json")) for d in directories]
    jmh = {}
    for key in set().union(*jmh_rounds):
        values = [r[key] for r in jmh_rounds if key in r]
        jmh[key] = (statistics.median(v[0] for v in values), min(v[1] for v in values),
                    max(v[2] for v in values))
    configs = {}
    for key in set().union(*torch_rounds):
        rounds = [r[key] for r in torch_rounds if key in r]
        combined = {}
        for measurement, value in rounds[0][2].items():
            if isinstance(value, dict) and "median_s" in value:
                combined[measurement] = {
                    "median_s": statistics.median(r[2][measurement]["median_s"] for r in rounds),
                    "min_s": min(r[2][measurement]["min_s"] for r in rounds),
                    "max_s": max(r[2][measurement]["max_s"] for r in rounds)}
        sgemm = statistics.median(r[2]["sgemm.forward1000"]["gflops"] for r in rounds)
        combined["sgemm.forward1000"]["gflops"] = sgemm
        combined["openblasCore"] = ", ".join(
            sorted({r[2].get("openblasCore", "not recorded") for r in rounds}))
        combined["mallocThresholds"] = ", ".join(
            sorted({str(r[2].get("mallocThresholds", "not recorded")) for r in rounds}))
        configs[key] = (rounds[0][0], rounds[0][1], combined)
    spreads = {}
    for jmh_round, torch_round in zip(jmh_rounds, torch_rounds):
        for (measurement, implementation, cores), value in jmh_round.items():
            t, _ = best(torch_round, measurement, cores)
            spreads.setdefault((measurement, implementation, cores), []).append(value[0] / t)
    return jmh, dict(sorted(configs.items())), spreads


def best(configs, measurement, max_cores):
    """The fastest configuration using at most max_cores cores in all."""
    candidates = [(r[measurement]["median_s"], k) for k, (i, o, r) in configs.items()
                  if max(i, o) <= max_cores]
    return min(candidates)


MEASUREMENTS = ["tiny.trainStep", "tiny.predict", "large.trainStep", "large.epoch",
                "large.predictBatch", "large.predictSingle"]


def report(configs, jmh, spreads=None):
    """Prints PyTorch's table by configuration and, with JMH results, the ratio table."""
    print("\nPyTorch, median per operation, by configuration:\n")
    print("| configuration | " + " | ".join(MEASUREMENTS) + " |")
    print("|---" * (len(MEASUREMENTS) + 1) + "|")
    for key, (_, _, result) in configs.items():
        print(f"| {key} | " + " | ".join(fmt(result[m]["median_s"]) for m in MEASUREMENTS) + " |")

    sgemm_one = [r["sgemm.forward1000"]["gflops"] for k, (i, o, r) in configs.items() if o == 1]
    sgemm_rate = statistics.median(sgemm_one)
    print(f"\nnumpy/OpenBLAS sgemm on the forward shapes at batch 1000, one core:"
          f" {sgemm_rate:.1f} GFLOP/s (median over the one-thread runs)")
    cores = sorted({r.get("openblasCore", "not recorded") for _, _, r in configs.values()})
    print(f"OpenBLAS kernels: {', '.join(cores)}")
    malloc = sorted({str(r.get("mallocThresholds", "not recorded")) for _, _, r in configs.values()})
    print(f"glibc malloc thresholds raised: {', '.join(malloc)}")

    if jmh is None:
        return
    print("\nRatios, Dendrite time / PyTorch time (below 1 is faster), medians:\n")
    spread_header = " Dendrite / PyTorch per round | Vector / PyTorch per round |" if spreads else ""
    print("| measurement | cores | Dendrite | Vector API | EJML | PyTorch best (config) |"
          " Dendrite / PyTorch | Vector / PyTorch | EJML / Dendrite |" + spread_header)
    print("|---|---|---|---|---|---|---|---|---|" + ("---|---|" if spreads else ""))

    def spread(measurement, implementation, cores):
        ratios = spreads.get((measurement, implementation, cores))
        return f"{min(ratios):.3g}-{max(ratios):.3g}" if ratios else "-"

    for measurement in MEASUREMENTS:
        cores_list = sorted({t for (m, _, t) in jmh if m == measurement})
        for cores in cores_list:
            d = jmh.get((measurement, "dendrite", cores))
            v = jmh.get((measurement, "vector", cores))
            e = jmh.get((measurement, "ejml", cores)) or jmh.get((measurement, "ejml", 1))
            t, key = best(configs, measurement, cores)
            row = [measurement, str(cores), fmt(d and d[0]), fmt(v and v[0]), fmt(e and e[0]),
                   f"{fmt(t)} ({key})",
                   f"{d[0] / t:.3g}" if d else "-",
                   f"{v[0] / t:.3g}" if v else "-",
                   f"{e[0] / d[0]:.3g}" if d and e else "-"]
            if spreads:
                row += [spread(measurement, "dendrite", cores), spread(measurement, "vector", cores)]
            print("| " + " | ".join(row) + " |")
    flops = 2 * PREDICT_BATCH * sum(LARGE[i] * LARGE[i + 1] for i in range(3))
    print()
    for implementation, label in (("dendrite", "Dendrite"), ("vector", "Dendrite, Vector API")):
        single = jmh.get(("large.predictBatch", implementation, 1))
        if single:
            rate = flops / single[0] / 1e9
            print(f"{label} forward pass at batch 1000 on one core: {rate:.1f} GFLOP/s,"
                  f" {100 * rate / sgemm_rate:.0f}% of OpenBLAS's {sgemm_rate:.1f} GFLOP/s")
        for cores in (1, 2):
            d = jmh.get(("large.predictBatch", implementation, cores))
            if d:
                print(f"{label} predictions/s at batch 1000 on {cores} core(s):"
                      f" {PREDICT_BATCH / d[0]:,.0f}")
    for cores in (1, 2):
        t, key = best(configs, "large.predictBatch", cores)
        print(f"PyTorch predictions/s at batch 1000 on {cores} core(s): "
              f"{PREDICT_BATCH / t:,.0f} ({key})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--quick", action="store_true", help="fewer repeats, for a smoke test")
    parser.add_argument("--cores", type=int, default=os.cpu_count(),
                        help="the cores the JVM had (default: all)")
    parser.add_argument("--check", action="store_true",
                        help="only check that PyTorch, numpy and OpenBLAS are installed; exit"
                             " status 2 and what to install if not")
    parser.add_argument("--jmh", help="JMH JSON results to compare with")
    parser.add_argument("--out", help="write the PyTorch results here as JSON")
    parser.add_argument("--keep-openblas-env", action="store_true",
                        help="run PyTorch with this environment's OPENBLAS_CORETYPE and"
                             " OPENBLAS_L2_SIZE instead of OpenBLAS's own choice of kernels")
    parser.add_argument("--default-malloc", action="store_true",
                        help="run PyTorch with glibc's default mmap and trim thresholds")
    parser.add_argument("--reuse", help="read PyTorch results written by --out instead of running")
    parser.add_argument("--rounds", nargs="+", metavar="DIR",
                        help="combine rounds instead of running: directories that each hold a"
                             " round's jmh.json and pytorch.json (what benchmarks/run.sh writes)")
    args = parser.parse_args()
    if args.worker:
        import torch
        torch.set_num_threads(int(os.environ.get("DENDRITE_TORCH_THREADS", "1")))
        worker(args.quick)
        return
    if args.rounds:
        jmh, configs, spreads = combine_rounds(args.rounds)
        print(f"Medians over {len(args.rounds)} rounds, each JMH then PyTorch:")
        report(configs, jmh, spreads)
        return

    if args.check or not args.reuse:
        check_environment()
    if args.check:
        print("PyTorch, numpy and OpenBLAS are installed")
        return
    configs = read_configs(args.reuse) if args.reuse else {}
    for intraop in range(1, args.cores + 1 if not args.reuse else 1):
        for openblas in range(1, args.cores + 1):
            key = f"intra-op {intraop} x OpenBLAS {openblas}"
            print(f"running PyTorch, {key} ...", file=sys.stderr, flush=True)
            configs[key] = (intraop, openblas, run_config(
                intraop, openblas, args.quick, args.keep_openblas_env, args.default_malloc))
    if args.out:
        with open(args.out, "w") as f:
            json.dump({k: v[2] for k, v in configs.items()}, f, indent=1)
    report(configs, read_jmh(args.jmh) if args.jmh else None)


if __name__ == "__main__":
    main()
