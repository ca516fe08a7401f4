"""Reads a Dendrite weight file with the reference safetensors implementation and runs the
network of PersistenceNets.Classifier with numpy, as a Python user would.

    python3 classifier.py predict WEIGHTS INPUTS_CSV OUTPUTS_CSV
        checks the file's names, shapes and dtypes, then writes the predictions for the inputs.
    python3 classifier.py torch-predict WEIGHTS INPUTS_CSV OUTPUTS_CSV
        the same with a torch.nn.Module whose nn.Linear attributes are named like the layers,
        loaded with load_state_dict(strict=True).
    python3 classifier.py make-fixture FOLDER
        writes classifier.safetensors (random weights), inputs.csv and outputs.csv there.

Dendrite stores a Dense weight as [units, inputs], like torch.nn.Linear.weight, so a layer is
x @ W.T + b.
"""
import sys

import numpy as np
from safetensors.numpy import load_file, save_file

LAYERS = [("hidden1", 12, 32), ("hidden2", 32, 16), ("scores", 16, 4)]


def forward(tensors, x):
    h = x.astype(np.float64)
    for name, _, _ in LAYERS:
        w = tensors[name + ".weight"].astype(np.float64)
        b = tensors[name + ".bias"].astype(np.float64)
        h = h @ w.T + b
        if name == "hidden1":
            h = np.maximum(h, 0.0)
        elif name == "hidden2":
            h = np.tanh(h)
        else:
            h = np.exp(h - h.max(axis=1, keepdims=True))
            h = h / h.sum(axis=1, keepdims=True)
    return h


def check(tensors):
    expected = set()
    for name, inputs, units in LAYERS:
        expected |= {name + ".weight", name + ".bias"}
        assert tensors[name + ".weight"].shape == (units, inputs), name
        assert tensors[name + ".bias"].shape == (units,), name
        assert tensors[name + ".weight"].dtype == np.float32, name
    assert set(tensors) == expected, sorted(tensors)


def torch_predict(weights, x):
    import torch
    from safetensors.torch import load_file as load_torch
    from torch import nn

    class Classifier(nn.Module):
        def __init__(self):
            super().__init__()
            self.hidden1 = nn.Linear(12, 32)
            self.hidden2 = nn.Linear(32, 16)
            self.scores = nn.Linear(16, 4)

        def forward(self, x):
            x = torch.relu(self.hidden1(x))
            x = torch.tanh(self.hidden2(x))
            return torch.softmax(self.scores(x), dim=1)

    model = Classifier()
    model.load_state_dict(load_torch(weights), strict=True)
    with torch.no_grad():
        return model(torch.from_numpy(x.astype(np.float32))).numpy()


def write_csv(path, rows):
    np.savetxt(path, rows, delimiter=",", fmt="%.9g")


def main():
    if sys.argv[1] == "predict":
        tensors = load_file(sys.argv[2])
        check(tensors)
        x = np.loadtxt(sys.argv[3], delimiter=",", ndmin=2)
        write_csv(sys.argv[4], forward(tensors, x))
    elif sys.argv[1] == "torch-predict":
        x = np.loadtxt(sys.argv[3], delimiter=",", ndmin=2)
        write_csv(sys.argv[4], torch_predict(sys.argv[2], x))
    elif sys.argv[1] == "make-fixture":
        folder = sys.argv[2]
        rng = np.random.default_rng(20261123)
        tensors = {}
        for name, inputs, units in LAYERS:
            bound = np.sqrt(6.0 / (inputs + units))
            tensors[name + ".weight"] = rng.uniform(-bound, bound, (units, inputs)).astype(np.float32)
            tensors[name + ".bias"] = rng.uniform(-0.1, 0.1, units).astype(np.float32)
        save_file(tensors, folder + "/classifier.safetensors", metadata={"written_by": "numpy"})
        x = rng.normal(size=(20, 12)).astype(np.float32)
        write_csv(folder + "/inputs.csv", x)
        write_csv(folder + "/outputs.csv", forward(tensors, x))
    else:
        raise SystemExit("unknown command " + sys.argv[1])


if __name__ == "__main__":
    main()
