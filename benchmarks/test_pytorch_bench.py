"""The ratio table of pytorch_bench.py on small fixtures: which peer is fastest, the ratios and
their ranges over rounds. Needs neither torch nor numpy.

  python3 -m unittest discover -s benchmarks -p 'test_*.py'
"""

import io
import json
import os
import tempfile
import unittest

import pytorch_bench as bench


def jmh_entry(benchmark, threads, unit, *scores):
    entry = {"benchmark": "dev.dendrite.benchmarks." + benchmark,
             "primaryMetric": {"scoreUnit": unit, "rawData": [list(scores)]}}
    if threads is not None:
        entry["params"] = {"threads": str(threads)}
    return entry


def torch_result(version, intraop, openblas, **medians):
    result = {"torch": version, "intraop": intraop, "openblas": str(openblas),
              "interpreter": "/fixture/python", "numpy": "1", "torchBlas": "generic",
              "openblasCore": "openblas Zen", "mallocThresholds": True,
              "sgemm.forward1000": {"median_s": 1e-3, "min_s": 1e-3, "max_s": 1e-3,
                                    "gflops": 100.0}}
    for name, seconds in medians.items():
        result[name.replace("_", ".")] = {"median_s": seconds, "min_s": seconds,
                                          "max_s": seconds}
    return result


def write_round(directory, batch_scale):
    """A round in which Dendrite's batch prediction takes 2 ms (one thread) and 1.2 ms (two),
    ONNX Runtime 1.5 ms and 1 ms times batch_scale, and the PyTorch peers more than that."""
    os.makedirs(directory)
    jmh = [
        jmh_entry("DigitsBenchmark.predictBatchDendrite", 1, "us/op", 2000, 2000, 2000),
        jmh_entry("DigitsBenchmark.predictBatchDendrite", 2, "us/op", 1200),
        jmh_entry("VectorDigitsBenchmark.predictBatchVector", 1, "ms/op", 1.0),
        jmh_entry("OnnxDigitsBenchmark.predictBatchOnnx", 1, "us/op", 1500 * batch_scale),
        jmh_entry("OnnxDigitsBenchmark.predictBatchOnnx", 2, "us/op", 1000 * batch_scale),
        jmh_entry("DigitsBenchmark.trainStepDendrite", 1, "us/op", 100),
        jmh_entry("DigitsEjmlBenchmark.trainStepEjml", None, "us/op", 300),
        jmh_entry("DigitsBenchmark.trainStepDendrite", 2, "us/op", 60),
        jmh_entry("SomethingElse.notCompared", 1, "us/op", 1),
    ]
    with open(os.path.join(directory, "jmh.json"), "w") as f:
        json.dump(jmh, f)
    system = {
        "intra-op 1 x OpenBLAS 1": torch_result("1.13.0a0", 1, 1, large_predictBatch=4e-3,
                                                large_trainStep=200e-6),
        "intra-op 2 x OpenBLAS 2": torch_result("1.13.0a0", 2, 2, large_predictBatch=3e-3,
                                                large_trainStep=50e-6),
    }
    wheel = {
        "intra-op 1 x OpenBLAS 1": torch_result("2.13.0+cpu", 1, 1, large_predictBatch=5e-3,
                                                large_trainStep=250e-6),
        "intra-op 2 x OpenBLAS 1": torch_result("2.13.0+cpu", 2, 1, large_predictBatch=2.5e-3,
                                                large_trainStep=150e-6),
    }
    for name, configs in (("pytorch-system.json", system), ("pytorch-wheel.json", wheel)):
        with open(os.path.join(directory, name), "w") as f:
            json.dump(configs, f)


def table_rows(text):
    """{(measurement, cores): {column: cell}} from the ratio table in report's output."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| measurement |"))
    header = [c.strip() for c in lines[start].strip("|").split("|")]
    rows = {}
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip("|").split("|")]
        row = dict(zip(header, cells))
        rows[(row["measurement"], int(row["cores"]))] = row
    return rows


class RatioTableTest(unittest.TestCase):

    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.addCleanup(self.folder.cleanup)

    def round_dir(self, n, batch_scale):
        directory = os.path.join(self.folder.name, f"round-{n}")
        write_round(directory, batch_scale)
        return directory

    def table(self, directories):
        rounds = [bench.read_round(d) for d in directories]
        jmh, peers, spreads = bench.combine_rounds(rounds)
        out = io.StringIO()
        bench.report(jmh, peers, spreads if len(directories) > 1 else None, out=out)
        return table_rows(out.getvalue()), out.getvalue()

    def test_reads_onnx_and_ejml_from_jmh(self):
        jmh, peers = bench.read_round(self.round_dir(1, 1.0))
        self.assertAlmostEqual(jmh[("large.predictBatch", "onnx", 2)][0], 1e-3)
        self.assertAlmostEqual(jmh[("large.predictBatch", "dendrite", 1)][0], 2e-3)
        self.assertAlmostEqual(jmh[("large.trainStep", "ejml", 1)][0], 300e-6)
        self.assertEqual(["PyTorch 1.13.0a0", "PyTorch 2.13.0+cpu"], sorted(peers))

    def test_names_the_fastest_peer_within_the_cores(self):
        rows, _ = self.table([self.round_dir(1, 1.0)])
        one = rows[("large.predictBatch", 1)]
        self.assertEqual("ONNX Runtime", one["fastest peer"])
        self.assertEqual("1.50 ms (1t)", one["ONNX Runtime"])
        self.assertEqual("4.00 ms (1x1)", one["PyTorch 1.13.0a0"])
        self.assertEqual("1.33", one["Dendrite / fastest"])
        self.assertEqual("0.667", one["Vector / fastest"])
        two = rows[("large.predictBatch", 2)]
        self.assertEqual("ONNX Runtime", two["fastest peer"])
        self.assertEqual("1.2", two["Dendrite / fastest"])
        self.assertEqual("-", two["Vector / fastest"])
        # the training step: EJML's one thread for both core counts; PyTorch 1.13 on two
        step_one = rows[("large.trainStep", 1)]
        self.assertEqual("PyTorch 1.13.0a0", step_one["fastest peer"])
        self.assertEqual("0.5", step_one["Dendrite / fastest"])
        self.assertEqual("300.0 us", step_one["EJML"])
        self.assertEqual("-", step_one["ONNX Runtime"])
        step_two = rows[("large.trainStep", 2)]
        self.assertEqual("PyTorch 1.13.0a0", step_two["fastest peer"])
        self.assertEqual("50.0 us (2x2)", step_two["PyTorch 1.13.0a0"])
        self.assertEqual("150.0 us (2x1)", step_two["PyTorch 2.13.0+cpu"])
        self.assertEqual("1.2", step_two["Dendrite / fastest"])
        self.assertNotIn("Dendrite / fastest, per round", step_two)

    def test_gives_the_range_over_rounds_against_each_rounds_fastest_peer(self):
        # in round 2 ONNX Runtime takes 3x as long, so PyTorch 2.x is the fastest on two cores
        rows, text = self.table([self.round_dir(1, 1.0), self.round_dir(2, 3.0)])
        self.assertIn("range over the rounds", text)
        two = rows[("large.predictBatch", 2)]
        # medians of the rounds: ONNX Runtime 2 ms, PyTorch 2.x 2.5 ms
        self.assertEqual("ONNX Runtime", two["fastest peer"])
        self.assertEqual("2.00 ms (2t)", two["ONNX Runtime"])
        # round 1: 1.2 / 1.0; round 2: 1.2 / 2.5 (PyTorch 2.x)
        self.assertEqual("0.48-1.2", two["Dendrite / fastest, per round"])
        one = rows[("large.predictBatch", 1)]
        # round 1: 2 / 1.5; round 2: 2 / 4 (PyTorch 1.13, faster than ONNX Runtime's 4.5)
        self.assertEqual("0.5-1.33", one["Dendrite / fastest, per round"])

    def test_a_peer_missing_from_a_round_is_left_out_of_that_round_only(self):
        first = self.round_dir(1, 1.0)
        second = self.round_dir(2, 1.0)
        os.remove(os.path.join(second, "pytorch-wheel.json"))
        rounds = [bench.read_round(d) for d in (first, second)]
        _, peers, _ = bench.combine_rounds(rounds)
        self.assertEqual(["PyTorch 1.13.0a0", "PyTorch 2.13.0+cpu"], sorted(peers))
        self.assertEqual(2, len(peers["PyTorch 2.13.0+cpu"]))

    def test_ratios_keep_three_digits_without_an_exponent(self):
        self.assertEqual("0.296", bench.ratio(0.29649))
        self.assertEqual("12.2", bench.ratio(12.24))
        self.assertEqual("1203", bench.ratio(1203.4))

    def test_reads_the_single_pytorch_file_of_earlier_runs(self):
        directory = self.round_dir(1, 1.0)
        os.rename(os.path.join(directory, "pytorch-system.json"),
                  os.path.join(directory, "pytorch.json"))
        _, peers = bench.read_round(directory)
        self.assertEqual(["PyTorch 1.13.0a0", "PyTorch 2.13.0+cpu"], sorted(peers))

    def test_best_has_no_answer_without_a_configuration_within_the_cores(self):
        configs = {"intra-op 2 x OpenBLAS 2": (2, 2, torch_result("1", 2, 2, tiny_predict=1.0))}
        self.assertIsNone(bench.best(configs, "tiny.predict", 1))
        self.assertEqual((1.0, "intra-op 2 x OpenBLAS 2"), bench.best(configs, "tiny.predict", 2))
        self.assertIsNone(bench.best(configs, "large.epoch", 2))


if __name__ == "__main__":
    unittest.main()
