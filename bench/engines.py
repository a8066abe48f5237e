"""Per-step time of the manual (numpy) engine and the torch engine: per optimizer for the one-layer seed network, and
for layered networks on data sets, with how it grows with the batch and the width.

Run by hand: python -m bench.engines [--steps N] [--repeats R]. Both engines are timed in the same run,
interleaved, best of several repeats, and the tables print their ratio. One step = forward, backward and optimizer
update of one batch, each engine taking the batches in the same order (core.problem.Problem.batch).
"""

import argparse
import platform
import time
from typing import NamedTuple

import numpy as np
import torch

from core.data import Batching
from core.datasets import generate
from core.engine_state import EngineState
from core.network import NetworkSpec
from core.optimizer_spec import OptimizerSpec
from core.problem import Problem
from core.state import SessionState
from core.stepping import manual_update
from core.torch_engine import TorchEngine


class Case(NamedTuple):
    name: str
    problem: Problem


def one_layer(n: int) -> Problem:
    rng = np.random.default_rng(0)
    return Problem.one_layer(rng.uniform(-1, 1, n), rng.uniform(0.1, 0.9, n), "sigmoid", "float32")


def layered(widths: list[int], samples: int, batch: int | None = None, dataset: str = "circle") -> Problem:
    """Widths on a data set of 2 inputs (the first width), tanh hidden layers, bias, bce (or mse for wide outputs:
    its targets are the class in every output column)."""
    data = generate(dataset, samples)
    loss = "bce" if widths[-1] == 1 else "mse"
    if loss == "mse":
        data = data.replace(Y=np.repeat(data.Y, widths[-1], axis=1))
    if widths[0] != data.n_in:  # wider inputs: the data's two, then copies of them
        data = data.replace(X=np.resize(data.X, (widths[0], data.m)).T.copy())
    network = NetworkSpec.create(widths, "tanh", bias=True, loss=loss)
    return Problem(network, data, "float32", Batching(batch))


def _start(problem: Problem, spec: OptimizerSpec) -> SessionState:
    return SessionState.drawn(problem, spec)


def time_manual(state: SessionState, steps: int) -> float:
    engine = state.manual
    batches = [state.problem.batch(k) for k in range(steps)]  # cut before timing, as torch gets them
    start = time.perf_counter()
    for X, targets in batches:
        engine, _, _ = manual_update(state, engine, X, targets)
    return (time.perf_counter() - start) / steps


def time_torch(state: SessionState, steps: int) -> float:
    engine = TorchEngine()
    engine.load(EngineState(state.torch.params, state.torch.optimizer_state), state.optimizer, state.problem)
    batches = [state.problem.batch(k) for k in range(steps)]
    start = time.perf_counter()
    for X, targets in batches:
        engine.step(state.problem, X, targets)
    return (time.perf_counter() - start) / steps


def best_of(state: SessionState, steps: int, repeats: int) -> tuple[float, float]:
    manual, torch_ = [], []
    for _ in range(repeats):  # interleaved, so both see the same machine load
        manual.append(time_manual(state, steps))
        torch_.append(time_torch(state, steps))
    return min(manual), min(torch_)


def row(label: str, state: SessionState, steps: int, repeats: int) -> None:
    m, t = best_of(state, steps, repeats)
    print(f"{label:34} {m * 1e6:12.1f} {t * 1e6:12.1f} {t / m:10.1f}×")


def header(title: str) -> None:
    print(f"\n{title}\n{'':34} {'manual µs':>12} {'torch µs':>12} {'torch/manual':>11}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=9)
    args = parser.parse_args()
    print(f"{platform.processor() or platform.machine()}, Python {platform.python_version()}, numpy "
          f"{np.__version__}, torch {torch.__version__} ({torch.get_num_threads()} threads); best of {args.repeats} "
          f"× {args.steps} steps per step, float32")
    steps, repeats = args.steps, args.repeats
    header("The seed's one layer, per optimizer")
    for kind in ("sgd", "adam", "adamw", "rmsprop", "adagrad"):
        for n in (3, 16):
            row(f"{kind:8} {n}×{n}, 1 sample", _start(one_layer(n), OptimizerSpec.create(kind)), steps, repeats)
    adam = OptimizerSpec.create("adam")
    header("Layered networks, Adam")
    row("XOR 2-4-1, m = 4", _start(layered([2, 4, 1], 4, dataset="xor"), adam), steps, repeats)
    row("2-8-8-1, m = 200", _start(layered([2, 8, 8, 1], 200), adam), steps, repeats)
    row("16-16-16-16, m = 1000, B = 100", _start(layered([16, 16, 16, 16], 1000, 100), adam), steps, repeats)
    header("Growth with the batch: 2-8-8-1, full batch")
    for m in (10, 100, 1000, 10000):
        row(f"m = {m}", _start(layered([2, 8, 8, 1], m), adam), max(20, steps // (1 + m // 1000)), repeats)
    header("Growth with the width: three layers, m = 200")
    for width in (2, 4, 8, 16):
        row(f"2-{width}-{width}-1", _start(layered([2, width, width, 1], 200), adam), steps, repeats)


if __name__ == "__main__":
    main()
