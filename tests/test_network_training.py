"""Hand-written optimizers on layered networks against torch.optim over 500 steps: XOR 2-4-1 (bce, full batch) and
a three-class spiral 2-8-3 (cross-entropy, shuffled mini-batches of 16), every optimizer, both precisions."""

import numpy as np
import pytest

from core import optimizers
from core.data import Batching
from core.datasets import generate
from core.network import NetworkSpec, flatten
from core.optimizer_spec import OptimizerSpec
from core.problem import Problem
from core.session import Session
from core.state import SessionState
from core.torch_engine import TorchEngine
from tests.test_optimizers import CONFIG_IDS, CONFIGS, DIVERGED

STEPS = 500
# float64: the same operations in the same order as torch but for its fused multiply-adds and the order of its
# sums, an ulp now and then; measured ≤ 5e-15 of the parameters' size after 500 steps.
# float32: each operation rounds to 6e-8, and both engines sum a layer's products over units and samples in their
# own order; Adam-type updates divide by √v̂, which magnifies it where v̂ is small. Measured ≤ 2e-6 after 500 steps;
# 1e-4 leaves room for other machines' kernels and still catches any wrong update (each moves weights by ~lr).
MAX_GAP = {"float64": 1e-9, "float32": 1e-4}
# Lock-step (each hand-written update from torch's own parameters, state and gradient): one update reproduces
# torch's to a few ulps of the parameters' size.
MAX_STEP_GAP = {"float64": 1e-12, "float32": 1e-5}

# One free-running configuration per optimizer, with its options on, at rates where training is not chaotic.
# Where it is (high rates; RMSprop's momentum at a minimum), two exact implementations part ways by rounding, as
# torch against itself would with another summation order: those run in lock-step below.
FREE = [("sgd", {"lr": 0.1, "momentum": 0.9, "nesterov": True}), ("adam", {"lr": 0.05, "amsgrad": True}),
        ("adamw", {"lr": 0.05, "weight_decay": 0.1, "amsgrad": True}), ("rmsprop", {"lr": 0.01, "centered": True}),
        ("adagrad", {"lr": 0.1, "lr_decay": 0.01})]


# high rates of every optimizer, AdamW's strong decay, RMSprop's momentum and its centred variant (test_optimizers)
CHAOTIC = [5, 10, 13, 15, 17, 19, 24]


def xor(dtype: str) -> Problem:
    return Problem(NetworkSpec.create([2, 4, 1], "tanh", bias=True, loss="bce"), generate("xor"), dtype)


def spiral(dtype: str) -> Problem:
    return Problem(NetworkSpec.create([2, 8, 3], "tanh", bias=True, loss="ce"), generate("spiral3", 60), dtype,
                   Batching(16, shuffle=True, seed=1))


def gap(manual: np.ndarray, torch: np.ndarray) -> float:
    """Largest difference relative to max(1, |θ|): rounding scales with the size of what is rounded."""
    return float(np.max(np.abs(manual.astype(np.float64) - torch)) / max(1.0, float(np.max(np.abs(torch)))))


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("make", [xor, spiral], ids=["xor-2-4-1", "spiral-2-8-3-ce-batches"])
@pytest.mark.parametrize("kind, options", FREE, ids=[k for k, _ in FREE])
def test_every_optimizer_follows_torch_for_500_steps(make, kind, options, dtype):
    session = Session(SessionState.drawn(make(dtype), OptimizerSpec.create(kind, **options)))
    assert session.step(STEPS).taken == STEPS
    s = session.state
    manual, torch, _ = s.flat_parameters()
    assert gap(manual, torch) <= MAX_GAP[dtype]
    assert s.trace.manual[-1] < 0.9 * s.trace.manual[0]  # it learned: this is training, not standing still
    for name, state in s.manual.optimizer_state.items():  # and its state is torch's, key for key
        assert set(state) == set(s.torch.optimizer_state[name])


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("make", [xor, spiral], ids=["xor-2-4-1", "spiral-2-8-3-ce-batches"])
@pytest.mark.parametrize("kind, options", [CONFIGS[k] for k in CHAOTIC], ids=[CONFIG_IDS[k] for k in CHAOTIC])
def test_every_update_matches_torch_in_lock_step_even_where_training_is_chaotic(make, kind, options, dtype):
    """Each hand-written update starts from torch's own parameters, optimizer state and gradient: the update rule
    alone, over 500 steps of high learning rates."""
    problem = make(dtype)
    spec = OptimizerSpec.create(kind, **options)
    state = SessionState.drawn(problem, spec)
    engine = TorchEngine()
    engine.load(state.torch, spec, problem)
    worst = 0.0
    for k in range(STEPS):
        before = engine.export()
        if not np.all(np.abs(flatten(before.params)) < DIVERGED):
            break  # diverging: the session's divergence tests take it from here
        X, targets = problem.batch(k)
        grads = engine.autograd_at(before.params, problem, X, targets).grads
        ours, _ = optimizers.step_all(spec, before.params, grads, before.optimizer_state)
        engine.step(problem, X, targets)
        worst = max(worst, gap(flatten(ours), flatten(engine.export().params)))
    assert worst <= MAX_STEP_GAP[dtype]
