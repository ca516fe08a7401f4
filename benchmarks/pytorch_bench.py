#!/usr/bin/python3
"""The benchmark measurements with PyTorch, and the ratio table against JMH and every peer.

Runs, for every configuration of intra-op threads x OPENBLAS_NUM_THREADS up to the number of
cores, the same measurements as the JMH benchmarks in this module:

  tiny   2 -> 20 ReLU -> 1 sigmoid, binary cross-entropy, SGD: one single-sample training step,
         one single-sample prediction;
  large  784 -> 256 ReLU -> 128 ReLU -> 10 softmax, categorical cross-entropy, Adam: one
         training step at batch 128, one epoch over 60,000 samples in batches of 128,
         prediction throughput at batch 1000, single-sample prediction latency;
  sgemm  numpy float32 matrix products of the large network's forward shapes at batch 1000 on
         one core (OPENBLAS_NUM_THREADS=1): the practical matrix-multiply rate of the machine.

The same script runs under any interpreter that has torch and numpy: benchmarks/run.sh runs it
under Debian's /usr/bin/python3 (python3-torch 1.13, which multiplies through libblas.so.3, i.e.
OpenBLAS) and under a virtual environment with the PyTorch 2.x wheel (MKL and oneDNN linked in).
Each result records the torch version that produced it. The OpenBLAS thread counts are swept
only for a PyTorch that calls the system BLAS; for one with its own BLAS they only set numpy's.

Each configuration runs in a fresh interpreter, because OpenBLAS reads its thread count when it
loads. OpenBLAS chooses its kernels for the processor it finds: OPENBLAS_CORETYPE and
OPENBLAS_L2_SIZE are removed from the workers' environment (some machines set them to an older
core's kernels, which on an AVX-512 processor halves the matrix-multiply rate), unless
--keep-openblas-env is given. Each worker records the kernels numpy's BLAS chose and checks its
matrix products against float64; a worker whose products are wrong stops the run. The workers
also raise glibc's mmap and trim thresholds (MALLOC_MMAP_THRESHOLD_, MALLOC_TRIM_THRESHOLD_) to
1 GB, so that PyTorch's large temporaries (the optimizer's and the backward pass's, hundreds of
KB each) are reused from the heap instead of being mapped and unmapped at every operation; on a
virtual machine each fresh page then costs a fault (see BENCHMARKS.md). --default-malloc keeps
glibc's defaults. Medians over repeated timings are reported.

The ratio table compares Dendrite (plain and Vector API kernels) with the fastest peer for each
measurement and core count: each PyTorch that ran, ONNX Runtime and EJML where the JMH results
have them. Each peer may use at most that many cores (PyTorch its best configuration within
them); the table names the fastest.

Usage (Debian's python3-torch, libopenblas0-pthread and python3-numpy; --check says which of
them is missing):
  /usr/bin/python3 benchmarks/pytorch_bench.py --check
  /usr/bin/python3 benchmarks/pytorch_bench.py --jmh jmh.json [--cores 2] [--out torch.json]
  python3 benchmarks/pytorch_bench.py --rounds results/round-1 results/round-2 ...
With --rounds, each directory holds a round's jmh.json and one pytorch*.json per PyTorch that ran.
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
    # a quick run times one epoch after no warm-up one: a smoke test, not a figure
    record("large.epoch", epoch, 1 if quick else 3, 1, 0 if quick else 1)
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
        raise SystemExit(f"numpy's BLAS ({blas_core()}) multiplies wrongly here: relative error"
                         f" {error:.3g}; run again with --keep-openblas-env")
    result["openblasCore"] = blas_core()
    result["mallocThresholds"] = all(
        os.environ.get(k) == v for k, v in MALLOC_THRESHOLDS.items())
    result["torch"] = torch.__version__
    result["torchBlas"] = torch_blas()
    result["numpy"] = np.__version__
    result["python"] = sys.version.split()[0]
    result["interpreter"] = sys.executable
    result["intraop"] = torch.get_num_threads()
    result["openblas"] = os.environ.get("OPENBLAS_NUM_THREADS")
    print(json.dumps(result))


def blas_core():
    """numpy's BLAS in this process and the kernels it chose, e.g. "openblas Zen"."""
    try:
        from threadpoolctl import threadpool_info
        found = sorted({f"{i.get('internal_api')} {i.get('architecture') or ''}".strip()
                        for i in threadpool_info() if i.get("user_api") == "blas"})
        if found:
            return ", ".join(found)
    except ImportError:
        pass
    # Debian's numpy calls the system OpenBLAS, which exports its own name for the kernels
    import ctypes
    try:
        corename = ctypes.CDLL("libopenblas.so.0").openblas_get_corename
    except (OSError, AttributeError):
        return "unknown"
    corename.restype = ctypes.c_char_p
    return "openblas " + corename().decode()


def torch_blas():
    """torch's BLAS_INFO build setting: "generic" for Debian's, which calls libblas.so.3, "mkl"
    for the wheel, which has MKL linked in; "unknown" if the build does not say."""
    import re
    import torch
    found = re.search(r"BLAS_INFO=([^,\s]+)", torch.__config__.show())
    return found.group(1) if found else "unknown"


def calls_system_blas(blas_info):
    """Whether a torch with this BLAS_INFO multiplies through the system's libblas.so.3, whose
    thread count OPENBLAS_NUM_THREADS sets."""
    return blas_info in ("generic", "open", "openblas")


def install_hint():
    if sys.prefix != sys.base_prefix:
        return (f"{sys.executable} -m pip install --no-index --find-links <wheel folder>"
                " torch numpy threadpoolctl (benchmarks/run.sh does this)")
    return "apt-get install -y python3-torch libopenblas0-pthread python3-numpy"


def environment_problems():
    """What keeps PyTorch from running here as a peer: a missing module, or a PyTorch that calls
    the system BLAS when that is not OpenBLAS (it would then multiply with the reference BLAS,
    which is not a fair peer)."""
    import ctypes
    import importlib.util
    problems = [f"the Python module {module} is missing"
                for module in ("torch", "numpy") if importlib.util.find_spec(module) is None]
    if problems or not calls_system_blas(torch_blas()):
        return problems
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
    """Stops with exit status 2 and what to install if PyTorch cannot run as a peer."""
    problems = environment_problems()
    if problems:
        print(f"PyTorch cannot run as a peer under {sys.executable}:", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        print(f"Install with: {install_hint()}", file=sys.stderr)
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


# JMH benchmark -> (measurement, implementation)
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
    "OnnxDigitsBenchmark.predictBatchOnnx": ("large.predictBatch", "onnx"),
    "OnnxDigitsBenchmark.predictSingleOnnx": ("large.predictSingle", "onnx"),
}
UNIT_SECONDS = {"ns/op": 1e-9, "us/op": 1e-6, "ms/op": 1e-3, "s/op": 1.0}
# the JMH implementations that are peers, with their names in the table
JMH_PEERS = {"onnx": "ONNX Runtime", "ejml": "EJML"}


def read_jmh(path):
    """{(measurement, implementation, threads): (median, min, max) seconds} from JMH's JSON."""
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
        unit = UNIT_SECONDS[metric["scoreUnit"]]
        raw = [v for fork in metric["rawData"] for v in fork]
        table[(measurement, implementation, threads)] = (
            statistics.median(raw) * unit, min(raw) * unit, max(raw) * unit)
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


def ratio(value):
    """Three significant digits, without an exponent for the large ratios of the tiny network."""
    return f"{value:.0f}" if value >= 1000 else f"{value:.3g}"


def read_configs(path):
    """{configuration: (intra-op threads, OpenBLAS threads, results)} from a file --out wrote."""
    with open(path) as f:
        return {key: (result["intraop"], int(result["openblas"]), result)
                for key, result in json.load(f).items()}


def torch_label(configs, fallback):
    """The peer's name in the table: PyTorch and the version its results recorded."""
    versions = sorted({r.get("torch", "?") for _, _, r in configs.values()})
    return "PyTorch " + "/".join(versions) if versions else fallback


def read_round(directory):
    """A round's JMH table and {PyTorch label: configurations}, from the directory's jmh.json and
    its pytorch*.json files (one per PyTorch that ran)."""
    jmh = read_jmh(os.path.join(directory, "jmh.json"))
    peers = {}
    for name in sorted(os.listdir(directory)):
        if name.startswith("pytorch") and name.endswith(".json"):
            configs = read_configs(os.path.join(directory, name))
            if configs:
                label = torch_label(configs, name)
                peers[label if label not in peers else f"{label} ({name})"] = configs
    return jmh, peers


def best(configs, measurement, max_cores):
    """(median seconds, configuration) of the fastest configuration using at most max_cores
    cores in all, or None if none has the measurement."""
    candidates = [(r[measurement]["median_s"], k) for k, (i, o, r) in configs.items()
                  if max(i, o) <= max_cores and measurement in r]
    return min(candidates) if candidates else None


def peer_times(jmh, torch_peers, measurement, cores):
    """{peer: (median seconds, detail)} for every peer with the measurement on at most `cores`
    cores: each PyTorch's fastest configuration ("intra-op x OpenBLAS" threads), ONNX Runtime's
    fastest thread count, EJML (one thread)."""
    times = {}
    for label, configs in torch_peers.items():
        found = best(configs, measurement, cores)
        if found:
            i, o, _ = configs[found[1]]
            times[label] = (found[0], f"{i}x{o}")
    for implementation, label in JMH_PEERS.items():
        candidates = [(value[0], threads) for (m, impl, threads), value in jmh.items()
                      if m == measurement and impl == implementation and threads <= cores]
        if candidates:
            seconds, threads = min(candidates)
            times[label] = (seconds, f"{threads}t" if implementation == "onnx" else "")
    return times


def fastest(times):
    """(peer, seconds) of the fastest in peer_times' answer, or None."""
    if not times:
        return None
    label = min(times, key=lambda k: times[k][0])
    return label, times[label][0]


def combine_rounds(rounds):
    """The JMH table and the PyTorch peers of several rounds (each a read_round answer), each
    value the median of the rounds' medians; also, per (measurement, Dendrite implementation,
    cores), the ratios of each round to that round's fastest peer."""
    jmh_rounds = [jmh for jmh, _ in rounds]
    jmh = {}
    for key in set().union(*jmh_rounds):
        values = [r[key] for r in jmh_rounds if key in r]
        jmh[key] = (statistics.median(v[0] for v in values), min(v[1] for v in values),
                    max(v[2] for v in values))
    peers = {}
    for label in sorted(set().union(*(p for _, p in rounds))):
        peer_rounds = [p[label] for _, p in rounds if label in p]
        peers[label] = combine_configs(peer_rounds)
    spreads = {}
    for jmh_round, torch_round in rounds:
        for (measurement, implementation, cores), value in jmh_round.items():
            if implementation in JMH_PEERS:
                continue
            found = fastest(peer_times(jmh_round, torch_round, measurement, cores))
            if found:
                spreads.setdefault((measurement, implementation, cores), []).append(
                    value[0] / found[1])
    return jmh, peers, spreads


def combine_configs(config_rounds):
    """One PyTorch's configurations over several rounds: medians of the medians, the extremes
    of the extremes, and every distinct value of the descriptive fields."""
    configs = {}
    for key in sorted(set().union(*config_rounds)):
        rounds = [r[key] for r in config_rounds if key in r]
        combined = {}
        for field in set().union(*(r[2] for r in rounds)):
            values = [r[2][field] for r in rounds if field in r[2]]
            if isinstance(values[0], dict) and "median_s" in values[0]:
                combined[field] = {"median_s": statistics.median(v["median_s"] for v in values),
                                   "min_s": min(v["min_s"] for v in values),
                                   "max_s": max(v["max_s"] for v in values)}
                if "gflops" in values[0]:
                    combined[field]["gflops"] = statistics.median(v["gflops"] for v in values)
            elif field not in ("intraop", "openblas"):
                combined[field] = ", ".join(sorted({str(v) for v in values}))
        configs[key] = (rounds[0][0], rounds[0][1], combined)
    return configs


MEASUREMENTS = ["tiny.trainStep", "tiny.predict", "large.trainStep", "large.epoch",
                "large.predictBatch", "large.predictSingle"]
FLOPS_FORWARD_1000 = 2 * PREDICT_BATCH * sum(LARGE[i] * LARGE[i + 1] for i in range(3))


def report(jmh, peers, spreads=None, out=sys.stdout):
    """Prints each PyTorch's table by configuration and, with JMH results, the ratio table of
    Dendrite against the fastest peer. `spreads` (several rounds) adds each ratio's range."""
    def say(line=""):
        print(line, file=out)

    sgemm = {}
    for label, configs in peers.items():
        say(f"\n{label}, median per operation, by configuration:\n")
        say("| configuration | " + " | ".join(MEASUREMENTS) + " |")
        say("|---" * (len(MEASUREMENTS) + 1) + "|")
        for key, (_, _, result) in configs.items():
            say(f"| {key} | " + " | ".join(
                fmt(result[m]["median_s"]) if m in result else "-" for m in MEASUREMENTS) + " |")
        one_core = [r["sgemm.forward1000"]["gflops"] for i, o, r in configs.values()
                    if o == 1 and "sgemm.forward1000" in r]
        described = {field: ", ".join(sorted({str(r.get(field, "not recorded"))
                                              for _, _, r in configs.values()}))
                     for field in ("interpreter", "numpy", "torchBlas", "openblasCore",
                                   "mallocThresholds")}
        say(f"\nInterpreter {described['interpreter']}; torch's BLAS {described['torchBlas']};"
            f" numpy {described['numpy']}, its BLAS kernels {described['openblasCore']};"
            f" glibc malloc thresholds raised: {described['mallocThresholds']}")
        if one_core:
            sgemm[label] = statistics.median(one_core)
            say(f"numpy sgemm on the forward shapes at batch 1000, one core:"
                f" {sgemm[label]:.1f} GFLOP/s (median over the one-thread runs)")

    if jmh is None:
        return
    labels = list(peers) + [label for impl, label in JMH_PEERS.items()
                            if any(i == impl for (_, i, _) in jmh)]
    rounds = spreads is not None
    say("\nDendrite against the fastest peer, median time per operation; a ratio below 1 means"
        " Dendrite is faster:\n")
    header = ["measurement", "cores", "Dendrite", "Vector API"] + labels + [
        "fastest peer", "Dendrite / fastest", "Vector / fastest"]
    if rounds:
        header += ["Dendrite / fastest, per round", "Vector / fastest, per round"]
    say("| " + " | ".join(header) + " |")
    say("|---" * len(header) + "|")

    def spread(measurement, implementation, cores):
        ratios = spreads.get((measurement, implementation, cores))
        return f"{ratio(min(ratios))}-{ratio(max(ratios))}" if ratios else "-"

    for measurement in MEASUREMENTS:
        cores_list = sorted({t for (m, i, t) in jmh
                             if m == measurement and i not in JMH_PEERS})
        for cores in cores_list:
            d = jmh.get((measurement, "dendrite", cores))
            v = jmh.get((measurement, "vector", cores))
            times = peer_times(jmh, peers, measurement, cores)
            top = fastest(times)
            row = [measurement, str(cores), fmt(d and d[0]), fmt(v and v[0])]
            for label in labels:
                if label in times:
                    seconds, detail = times[label]
                    row.append(fmt(seconds) + (f" ({detail})" if detail else ""))
                else:
                    row.append("-")
            row += [top[0] if top else "-",
                    ratio(d[0] / top[1]) if d and top else "-",
                    ratio(v[0] / top[1]) if v and top else "-"]
            if rounds:
                row += [spread(measurement, "dendrite", cores),
                        spread(measurement, "vector", cores)]
            say("| " + " | ".join(row) + " |")
    say("\nPyTorch: its fastest configuration on at most that many cores, as intra-op threads x"
        " OpenBLAS threads (the second number matters only for a PyTorch that calls OpenBLAS)."
        " ONNX Runtime: its faster run on at most that many intra-op threads, with their count."
        " EJML runs on one thread.")
    if rounds:
        say("Per round: the range over the rounds of the ratio to that round's fastest peer.")

    say()
    rate = max(sgemm.values()) if sgemm else None
    rate_from = max(sgemm, key=sgemm.get) if sgemm else None
    for implementation, label in (("dendrite", "Dendrite"), ("vector", "Dendrite, Vector API"),
                                  ("onnx", "ONNX Runtime")):
        single = jmh.get(("large.predictBatch", implementation, 1))
        if single and rate:
            forward = FLOPS_FORWARD_1000 / single[0] / 1e9
            say(f"{label} forward pass at batch 1000 on one core: {forward:.1f} GFLOP/s,"
                f" {100 * forward / rate:.0f}% of numpy's sgemm rate {rate:.1f} GFLOP/s"
                f" ({rate_from}'s interpreter)")
        for cores in (1, 2):
            value = jmh.get(("large.predictBatch", implementation, cores))
            if value:
                say(f"{label} predictions/s at batch 1000 on {cores} thread(s):"
                    f" {PREDICT_BATCH / value[0]:,.0f}")
    for label, configs in peers.items():
        for cores in (1, 2):
            found = best(configs, "large.predictBatch", cores)
            if found:
                say(f"{label} predictions/s at batch 1000 on {cores} core(s):"
                    f" {PREDICT_BATCH / found[0]:,.0f} ({found[1]})")


def run_configs(cores, quick, keep_openblas_env, default_malloc):
    """{configuration: (intra-op, OpenBLAS threads, results)} for every configuration within
    `cores`, each in a fresh interpreter like this one."""
    sweep_blas = calls_system_blas(torch_blas())
    configs = {}
    for intraop in range(1, cores + 1):
        for openblas in range(1, cores + 1 if sweep_blas else 2):
            key = f"intra-op {intraop} x OpenBLAS {openblas}"
            print(f"running PyTorch under {sys.executable}, {key} ...", file=sys.stderr,
                  flush=True)
            configs[key] = (intraop, openblas, run_config(
                intraop, openblas, quick, keep_openblas_env, default_malloc))
    return configs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--quick", action="store_true",
                        help="fewer repeats and no epoch warm-up, for a smoke test")
    parser.add_argument("--cores", type=int, default=os.cpu_count(),
                        help="the cores the JVM had (default: all)")
    parser.add_argument("--check", action="store_true",
                        help="only check that PyTorch, numpy and (for a PyTorch that calls the"
                             " system BLAS) OpenBLAS are installed; exit status 2 and what to"
                             " install if not")
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
                             " round's jmh.json and pytorch*.json (what benchmarks/run.sh"
                             " writes); prints the ratio table, with ranges for several rounds")
    args = parser.parse_args()
    if args.worker:
        import torch
        torch.set_num_threads(int(os.environ.get("DENDRITE_TORCH_THREADS", "1")))
        worker(args.quick)
        return
    if args.rounds:
        jmh, peers, spreads = combine_rounds([read_round(d) for d in args.rounds])
        if len(args.rounds) > 1:
            print(f"Medians over {len(args.rounds)} rounds, each JMH then each PyTorch:")
            report(jmh, peers, spreads)
        else:
            report(jmh, peers)
        return

    if args.check or not args.reuse:
        check_environment()
    if args.check:
        import torch
        print(f"PyTorch {torch.__version__} (BLAS {torch_blas()}) and numpy can run under"
              f" {sys.executable}")
        return
    if args.reuse:
        configs = read_configs(args.reuse)
    else:
        configs = run_configs(args.cores, args.quick, args.keep_openblas_env,
                              args.default_malloc)
    if args.out:
        with open(args.out, "w") as f:
            json.dump({k: v[2] for k, v in configs.items()}, f, indent=1)
    report(read_jmh(args.jmh) if args.jmh else None, {torch_label(configs, "PyTorch"): configs})


if __name__ == "__main__":
    main()
