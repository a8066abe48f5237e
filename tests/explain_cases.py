"""Layered sessions and evaluations the explanation tests share: XOR 2-4-1, a 3-layer tanh regression, a 3-arm
spiral 2-8-8-3, and any network a hypothesis strategy draws."""

import numpy as np

from core.data import Batching, Data
from core.datasets import generate
from core.evaluation import Evaluation, evaluate
from core.mistakes import Mistake
from core.network import NetworkSpec
from core.optimizer_spec import OptimizerSpec
from core.problem import Problem
from core.state import SessionState


def evaluation_of(spec: NetworkSpec, params: dict, X: np.ndarray, targets: np.ndarray, dtype: str,
                  mistake: Mistake | None = None) -> Evaluation:
    """The hand-written passes (no torch) of `params` on the batch X, targets as the loss takes them."""
    problem = Problem(spec, Data(X, targets[:, None] if spec.loss == "ce" else targets), dtype, mistake=mistake)
    return evaluate(SessionState.start_at(problem, OptimizerSpec.create("sgd"), params))


def xor_state(dtype: str = "float32", optimizer: OptimizerSpec | None = None) -> SessionState:
    """XOR on a 2-4-1 tanh network with bias, binary cross-entropy: the issue's lecture network."""
    problem = Problem(NetworkSpec.create([2, 4, 1], "tanh", bias=True, loss="bce"), generate("xor"), dtype)
    return SessionState.drawn(problem, optimizer or OptimizerSpec.create("adam", lr=0.05))


def tanh_regression_state(dtype: str = "float32", optimizer: OptimizerSpec | None = None) -> SessionState:
    """A 3-layer tanh network fitting a sine, mean squared error, 8 samples, no bias."""
    problem = Problem(NetworkSpec.create([1, 5, 3, 1], "tanh", loss="mse"), generate("sine", 8), dtype)
    return SessionState.drawn(problem, optimizer or OptimizerSpec.create("adam", lr=0.01))


def spiral_state(dtype: str = "float32") -> SessionState:
    """Three spiral arms on 2-8-8-3 relu with bias, cross-entropy, 300 samples in batches of 32."""
    problem = Problem(NetworkSpec.create([2, 8, 8, 3], "relu", bias=True, loss="ce"), generate("spiral3"), dtype,
                      Batching(32, shuffle=True))
    return SessionState.drawn(problem, OptimizerSpec.create("adam", lr=0.01))


def wide_state(samples: int = 1000, batch: int = 100) -> SessionState:
    """16-16-16-16 tanh with bias, mse on random data: the size the refresh costs are measured at."""
    rng = np.random.default_rng(0)
    data = Data(rng.normal(size=(samples, 16)), rng.normal(size=(samples, 16)))
    problem = Problem(NetworkSpec.create([16, 16, 16, 16], "tanh", bias=True), data, "float32", Batching(batch))
    return SessionState.drawn(problem, OptimizerSpec.create("adam"))
