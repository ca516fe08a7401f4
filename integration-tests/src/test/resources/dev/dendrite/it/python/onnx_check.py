"""Checks the ONNX files Dendrite wrote with the onnx package and runs them in ONNX Runtime.

    python3 onnx_check.py FOLDER

For each NAME.onnx in FOLDER, next to NAME.safetensors (the same network's weights),
NAME.inputs.csv and NAME.outputs.csv (a batch and what Dendrite's predict gave for it):
  - onnx.checker.check_model(full_check=True), which also infers every shape;
  - IR version 9, opset 20 of the default domain, producer "Dendrite" with a version, the
    network's name as the graph's name and under "dendrite.network" in metadata_props;
  - every attribute has its type;
  - one graph input and output, each [N, ...] with the symbolic batch dimension N;
  - the initializers are exactly the safetensors tensors, same names, shapes and values (float32;
    a float64 file is rounded to float32);
  - ONNX Runtime on the inputs gives the outputs to 1e-5.
Prints one line per file and exits 1 if any check failed.
"""
import csv
import os
import sys

import numpy as np
import onnx
import onnx.numpy_helper
import onnxruntime
from safetensors.numpy import load_file

TOLERANCE = 1e-5


def read_csv(path):
    with open(path, newline="") as f:
        return np.array([[float(v) for v in row] for row in csv.reader(f) if row],
                        dtype=np.float32)


def fail(problems, name, message):
    problems.append(f"{name}: {message}")


def check(folder, name, problems):
    path = os.path.join(folder, name + ".onnx")
    model = onnx.load(path)
    onnx.checker.check_model(model, full_check=True)
    graph = model.graph
    if model.ir_version != 9:
        fail(problems, name, f"ir_version {model.ir_version}")
    opsets = {o.domain: o.version for o in model.opset_import}
    if opsets != {"": 20}:
        fail(problems, name, f"opset_import {opsets}")
    if model.producer_name != "Dendrite" or not model.producer_version:
        fail(problems, name, f"producer {model.producer_name!r} {model.producer_version!r}")
    metadata = {p.key: p.value for p in model.metadata_props}
    if metadata != {"dendrite.network": graph.name} or not graph.name:
        fail(problems, name, f"metadata {metadata}, graph name {graph.name!r}")
    for node in graph.node:
        for attribute in node.attribute:
            if attribute.type == onnx.AttributeProto.UNDEFINED:
                fail(problems, name, f"attribute {attribute.name} of {node.name} has no type")

    def dims(value):
        return [d.dim_param or d.dim_value for d in value.type.tensor_type.shape.dim]

    if len(graph.input) != 1 or len(graph.output) != 1:
        fail(problems, name, "not one input and one output")
        return None
    for value in (graph.input[0], graph.output[0]):
        if value.type.tensor_type.elem_type != onnx.TensorProto.FLOAT or dims(value)[0] != "N":
            fail(problems, name, f"{value.name} is {value.type}")

    tensors = load_file(os.path.join(folder, name + ".safetensors"))
    initializers = {t.name: onnx.numpy_helper.to_array(t) for t in graph.initializer}
    if set(initializers) != set(tensors):
        fail(problems, name, f"initializers {sorted(initializers)} != safetensors {sorted(tensors)}")
    for key, stored in tensors.items():
        exported = initializers.get(key)
        if exported is None:
            continue
        if exported.dtype != np.float32 or exported.shape != stored.shape:
            fail(problems, name, f"{key}: {exported.dtype}{exported.shape} vs {stored.shape}")
        elif not np.array_equal(exported, stored.astype(np.float32)):
            fail(problems, name, f"{key}: values differ from the safetensors file")

    x = read_csv(os.path.join(folder, name + ".inputs.csv"))
    expected = read_csv(os.path.join(folder, name + ".outputs.csv"))
    shape = [len(x)] + dims(graph.input[0])[1:]
    session = onnxruntime.InferenceSession(path, providers=["CPUExecutionProvider"])
    actual = session.run(None, {graph.input[0].name: x.reshape(shape)})[0]
    difference = float(np.max(np.abs(actual - expected)))
    if actual.shape != expected.shape or difference > TOLERANCE:
        fail(problems, name, f"ONNX Runtime differs from predict by {difference}")
    return difference


def main():
    folder = sys.argv[1]
    names = sorted(f[:-len(".onnx")] for f in os.listdir(folder) if f.endswith(".onnx"))
    problems = []
    for name in names:
        try:
            difference = check(folder, name, problems)
            print(f"{name}: checked, largest |onnxruntime - predict| {difference}")
        except Exception as e:  # a checker error names the file, then the others run
            fail(problems, name, f"{type(e).__name__}: {e}")
    for problem in problems:
        print("PROBLEM " + problem)
    print(f"checked {len(names)} models with onnx {onnx.__version__} and onnxruntime "
          f"{onnxruntime.__version__}, {len(problems)} problems")
    sys.exit(1 if problems or not names else 0)


if __name__ == "__main__":
    main()
