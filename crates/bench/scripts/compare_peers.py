"""The book's f32 GELU kernels beside PyTorch's and ONNX Runtime's, on one CPU thread, in one run.

    python3 crates/bench/scripts/compare_peers.py --install   # once: a venv under target/
    target/peer-venv/bin/python crates/bench/scripts/compare_peers.py

`--install` creates target/peer-venv and pip-installs torch, onnxruntime, onnx and numpy into it
(about 3 GB, a few minutes); nothing else in the book needs them. The comparison then builds
`peer-timer` (crates/bench/src/bin/peer-timer.rs) in release mode and alternates five rounds of
our kernels, PyTorch and ONNX Runtime, keeping each implementation's best time, so that all
ratios come from the same minutes on the same machine. It also checks each implementation's left
tail: the first x (going left from -3 in steps of 0.01) where GELU(x) comes out as exactly 0
although the true value is a normal f32, and the relative error at x = -5.

It writes book/benchmarks/peers.md (chapter 4 includes it) with the CPU, the versions and our
dispatch path named, and a memory bound: the time numpy needs to copy the same 16 MiB.
"""

import pathlib
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[3]
VENV = ROOT / "target" / "peer-venv"
LARGE, SMALL, ROUNDS = 4 << 20, 4096, 5


def install():
    subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    pip = VENV / "bin" / "pip"
    subprocess.run([str(pip), "install", "torch", "onnxruntime", "onnx", "numpy"], check=True)
    print(f"installed; now run {VENV / 'bin' / 'python'} {pathlib.Path(__file__).relative_to(ROOT)}")


def inputs(np, n):
    """The benchmark inputs of crates/bench (kernel_inputs.rs): a multiplicative hash of the
    index, spread over [-8, 8)."""
    i = np.arange(n, dtype=np.uint64)
    t = ((i * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(40)).astype(np.float32) / np.float32(1 << 24)
    return (np.float32(-8.0) + np.float32(16.0) * t).astype(np.float32)


def best_ns(f, n, passes):
    best = float("inf")
    for _ in range(passes):
        start = time.perf_counter()
        f()
        best = min(best, time.perf_counter() - start)
    return best * 1e9 / n


def main():
    if "--install" in sys.argv:
        install()
        return
    try:
        import numpy as np
        import onnx
        import onnxruntime as ort
        import torch
    except ImportError as error:
        sys.exit(f"error: {error.name} is missing; run `python3 {sys.argv[0]} --install` first")

    cargo = ["cargo", "build", "--release", "--quiet", "-p", "gelu-bench", "--bin", "peer-timer"]
    subprocess.run(cargo, cwd=ROOT, check=True)
    timer = ROOT / "target" / "release" / "peer-timer"
    machine, rustc, path = subprocess.run([timer, "machine"], capture_output=True, text=True, check=True).stdout.split("\n")[:3]

    torch.set_num_threads(1)
    session_options = ort.SessionOptions()
    session_options.intra_op_num_threads = 1
    session_options.inter_op_num_threads = 1

    def ort_gelu(n, approximate):
        node = onnx.helper.make_node("Gelu", ["X"], ["Y"], approximate=approximate)
        tensor = lambda name: onnx.helper.make_tensor_value_info(name, onnx.TensorProto.FLOAT, [n])  # noqa: E731
        graph = onnx.helper.make_graph([node], "gelu", [tensor("X")], [tensor("Y")])
        model = onnx.helper.make_model(graph, opset_imports=[onnx.helper.make_opsetid("", 20)])
        session = ort.InferenceSession(model.SerializeToString(), session_options, providers=["CPUExecutionProvider"])
        return lambda x: session.run(None, {"X": x})[0]

    peers = {}
    for n in (LARGE, SMALL):
        x = torch.from_numpy(inputs(np, n))
        y = torch.empty_like(x)
        xn = x.numpy()
        yn = np.empty_like(xn)
        exact, tanh = ort_gelu(n, "none"), ort_gelu(n, "tanh")
        peers[n] = {
            # F.gelu's own kernel with a preallocated output (F.gelu itself takes no `out`).
            "PyTorch `F.gelu`, exact, preallocated output": lambda x=x, y=y: torch._C._nn.gelu(x, out=y),
            "PyTorch `F.gelu(x)`, exact": lambda x=x: torch.nn.functional.gelu(x),
            "PyTorch `F.gelu`, tanh form, preallocated output": lambda x=x, y=y: torch._C._nn.gelu(x, approximate="tanh", out=y),
            "ONNX Runtime `Gelu`, exact": lambda xn=xn, f=exact: f(xn),
            "ONNX Runtime `Gelu`, approximate='tanh'": lambda xn=xn, f=tanh: f(xn),
            "numpy copy (memory bound)": lambda xn=xn, yn=yn: np.copyto(yn, xn),
        }

    best = {}
    for round_ in range(ROUNDS):
        print(f"round {round_ + 1}/{ROUNDS}: ours", file=sys.stderr, flush=True)
        out = subprocess.run([timer, "time"], capture_output=True, text=True, check=True).stdout
        for line in out.strip().split("\n"):
            name, large, small = line.split("\t")
            key = f"`{name}`"
            old = best.get(key, (float("inf"), float("inf")))
            best[key] = (min(old[0], float(large)), min(old[1], float(small)))
        print(f"round {round_ + 1}/{ROUNDS}: PyTorch, ONNX Runtime", file=sys.stderr, flush=True)
        for name in peers[LARGE]:
            large = best_ns(peers[LARGE][name], LARGE, 20)
            small = best_ns(peers[SMALL][name], SMALL, 2000)
            old = best.get(name, (float("inf"), float("inf")))
            best[name] = (min(old[0], large), min(old[1], small))

    # Left tail: where each exact implementation first returns 0, and its error at x = -5.
    tail = [line.split("\t") for line in subprocess.run([timer, "tail"], capture_output=True, text=True, check=True).stdout.strip().split("\n")]
    xs = np.array([float(row[0]) for row in tail], dtype=np.float32)
    ours = np.array([float(row[1]) for row in tail], dtype=np.float32)
    truth = np.array([float(row[2]) for row in tail], dtype=np.float64)
    tails = {
        "`gelu_exact_f32`": ours,
        "PyTorch `F.gelu`, exact, preallocated output": torch.nn.functional.gelu(torch.from_numpy(xs)).numpy(),
        "PyTorch `F.gelu(x)`, exact": torch.nn.functional.gelu(torch.from_numpy(xs)).numpy(),
        "ONNX Runtime `Gelu`, exact": ort_gelu(len(xs), "none")(xs),
    }
    smallest_normal = np.finfo(np.float32).tiny
    at_minus_5 = int(np.argmin(np.abs(xs + 5.0)))

    def tail_cells(values):
        wrong = np.nonzero((values == 0) & (np.abs(truth) >= smallest_normal))[0]
        zero_from = f"{xs[wrong[0]]:.2f}" if len(wrong) else "never"
        relative = abs(float(values[at_minus_5]) / truth[at_minus_5] - 1)
        return zero_from, f"{relative:.1e}"

    ours_large = best["`gelu_exact_f32`"][0]
    rows = ["| implementation | ns per element, 4 Mi | ns per element, 4096 | time / `gelu_exact_f32` (4 Mi) | wrongly 0 from x = | relative error at x = -5 |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for name, (large, small) in best.items():
        zero_from, relative = tail_cells(tails[name]) if name in tails else ("", "")
        rows.append(f"| {name} | {large:.3f} | {small:.3f} | {large / ours_large:.2f} | {zero_from} | {relative} |")
    versions = f"PyTorch {torch.__version__} (CPU capability {torch.backends.cpu.get_cpu_capability()}), ONNX Runtime {ort.__version__}, numpy {np.__version__}, {rustc}"
    footer = (
        f"\n*Measured on {machine}, one thread, best of {ROUNDS} interleaved rounds; {versions}; our kernels on the "
        f"`{path}` dispatch path (the `@path` rows force one). In place for ours, `out=` or a fresh output for the "
        f"peers. At 4 Mi elements (16 MiB) the copy row is the memory bound. "
        f"`target/peer-venv/bin/python crates/bench/scripts/compare_peers.py` regenerates this table.*\n"
    )
    table = "\n".join(rows) + "\n" + footer
    out = ROOT / "book" / "benchmarks" / "peers.md"
    out.write_text(table)
    print(table)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
