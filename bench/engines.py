"""Per-step time of the manual (numpy) engine and the torch engine, per optimizer, at n = 3 and n = 16.

Run by hand: python -m bench.engines [--steps N]. Both engines are timed in the same run, interleaved, best of
several repeats, and the table prints their ratio. One step = forward, backward and optimizer update.
"""

import argparse
import platform
import time

import numpy as np

from core import optimizers
from core.backprop import gradient
from core.engine_state import EngineState
from core.init import linear_weight
from core.optimizer_spec import OptimizerSpec
from core.problem import Problem
from core.torch_engine import TorchEngine


def _problem(n: int) -> Problem:
    rng = np.random.default_rng(0)
    return Problem(x=rng.uniform(-1, 1, n), y=rng.uniform(0.1, 0.9, n), activation="sigmoid", dtype="float32")


def time_manual(spec: OptimizerSpec, problem: Problem, steps: int) -> float:
    w = linear_weight(0, problem.n_out, problem.n_in)
    state = optimizers.initial_state(spec, w)
    x, y, act = problem.x_cast, problem.y_cast, problem.activation
    start = time.perf_counter()
    for _ in range(steps):
        _, g = gradient(w, x, y, act)
        w, state = optimizers.step(spec, w, g, state)
    return (time.perf_counter() - start) / steps


def time_torch(spec: OptimizerSpec, problem: Problem, steps: int) -> float:
    engine = TorchEngine()
    w = linear_weight(0, problem.n_out, problem.n_in)
    engine.load(EngineState(w, {}), spec, problem)
    start = time.perf_counter()
    for _ in range(steps):
        engine.step(problem)
    return (time.perf_counter() - start) / steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    print(f"{platform.processor() or platform.machine()}, Python {platform.python_version()}, "
          f"numpy {np.__version__}; best of {args.repeats} × {args.steps} steps, float32\n")
    print(f"{'optimizer':10} {'n':>3} {'manual µs/step':>15} {'torch µs/step':>14} {'torch / manual':>15}")
    for kind in ("sgd", "adam", "adamw", "rmsprop", "adagrad"):
        spec = OptimizerSpec.create(kind)
        for n in (3, 16):
            problem = _problem(n)
            manual, torch = [], []
            for _ in range(args.repeats):  # interleaved, so both see the same machine load
                manual.append(time_manual(spec, problem, args.steps))
                torch.append(time_torch(spec, problem, args.steps))
            m, t = min(manual), min(torch)
            print(f"{kind:10} {n:3d} {m * 1e6:15.1f} {t * 1e6:14.1f} {t / m:14.1f}×")


if __name__ == "__main__":
    main()
