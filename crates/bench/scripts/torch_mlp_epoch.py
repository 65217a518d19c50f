"""PyTorch side of the `network_epoch` benchmark, for a side-by-side run on the same machine.

The same network as `crates/bench/benches/network_epoch.rs`: 64 inputs, 8 hidden layers of 128
units, 10 classes, batch 128, Adam (lr 1e-3), one epoch over 1,400 samples of 10 Gaussian
clusters, on one thread. GELU is the exact one (`approximate="none"`). Prints samples per
second, best of 30 epochs per activation, the two alternating (as the Rust bench does).

    python3 -m venv target/torch-venv && target/torch-venv/bin/pip install torch
    target/torch-venv/bin/python crates/bench/scripts/torch_mlp_epoch.py
"""

import time

import torch

SAMPLES, FEATURES, CLASSES, HIDDEN, DEPTH, BATCH = 1400, 64, 10, 128, 8, 128


def data(seed=6):
    g = torch.Generator().manual_seed(seed)
    centres = torch.randn(CLASSES, FEATURES, generator=g)
    labels = torch.arange(SAMPLES) % CLASSES
    x = centres[labels] + torch.randn(SAMPLES, FEATURES, generator=g)
    return x, labels


def network(activation):
    layers, width = [], FEATURES
    for _ in range(DEPTH):
        layers += [torch.nn.Linear(width, HIDDEN), activation()]
        width = HIDDEN
    layers.append(torch.nn.Linear(width, CLASSES))
    return torch.nn.Sequential(*layers)


def epoch(model, optimizer, x, labels, generator):
    order = torch.randperm(SAMPLES, generator=generator)
    loss_fn = torch.nn.CrossEntropyLoss()
    for start in range(0, SAMPLES, BATCH):
        idx = order[start : start + BATCH]
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(x[idx]), labels[idx])
        loss.backward()
        optimizer.step()


def main():
    torch.set_num_threads(1)
    torch.manual_seed(2)
    x, labels = data()
    runs = {}
    for name, activation in [("gelu_exact", lambda: torch.nn.GELU(approximate="none")), ("relu", torch.nn.ReLU)]:
        model = network(activation)
        runs[name] = (model, torch.optim.Adam(model.parameters(), lr=1e-3), torch.Generator().manual_seed(1))
    best = {name: float("inf") for name in runs}
    for _ in range(30):
        for name, (model, optimizer, generator) in runs.items():
            start = time.perf_counter()
            epoch(model, optimizer, x, labels, generator)
            best[name] = min(best[name], time.perf_counter() - start)
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}")
    for name, seconds in best.items():
        print(f"{name}: {SAMPLES / seconds / 1e3:.1f}k samples/s")
    print(f"GELU/ReLU time ratio {best['gelu_exact'] / best['relu']:.3f}")


if __name__ == "__main__":
    main()
