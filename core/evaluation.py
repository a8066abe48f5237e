"""Everything a view shows about one state: forward values, the chain rule, the three gradients, their gaps."""

from dataclasses import dataclass

import numpy as np

from core.backprop import ChainRule, Forward, backward, forward
from core.compare import TOLERANCES, Difference, difference
from core.engine_state import EngineState
from core.numeric import numeric_gradient
from core.problem import Problem


@dataclass(frozen=True, eq=False)
class Evaluation:
    """One state seen by the three witnesses, all at the hand-written weight, and torch's own trajectory beside it.

    Torch fields are None while torch is loading.
    """

    forward: Forward  # manual engine, at the manual weight
    chain: ChainRule  # manual engine: every factor of dL/dW
    numeric: np.ndarray  # (n_out, n_in) central differences in float64 at the manual weight
    autograd: np.ndarray | None  # (n_out, n_in) torch autograd at the manual weight
    torch: "TorchPass | None"  # torch's own trajectory: forward values at the torch weight  # noqa: F821
    manual_vs_autograd: Difference | None  # the same weight, so only the arithmetic differs
    manual_vs_numeric: Difference
    weight_gap: float | None  # max|W_manual − W_torch|: how far the two trajectories have drifted apart
    forgetful_loss: float | None = None  # the forgetful twin's loss, when that trajectory is on


def evaluate(problem: Problem, manual: EngineState, torch_weight: np.ndarray | None, torch_engine,
             forgetful_weight: np.ndarray | None = None) -> Evaluation:
    """Compare the manual gradient with autograd's at the same weight (if torch is ready) and with central
    differences; run torch's own trajectory forward at its weight."""
    x = problem.x_cast
    fwd = forward(manual.weight, x, problem.y_cast, problem.activation)
    chain = backward(fwd, x, problem.activation)
    numeric = numeric_gradient(manual.weight, problem.x, problem.y, problem.activation)
    vs_numeric = difference(chain.dL_dW, numeric, TOLERANCES[problem.dtype, "numeric"])
    twin = None if forgetful_weight is None else forward(forgetful_weight, x, problem.y_cast, problem.activation).loss
    if torch_engine is None:
        return Evaluation(fwd, chain, numeric, None, None, None, vs_numeric, None, twin)
    autograd = torch_engine.gradient(manual.weight, problem)
    vs_autograd = difference(chain.dL_dW, autograd, TOLERANCES[problem.dtype, "torch"])
    with np.errstate(invalid="ignore"):
        gap = float(np.max(np.abs(manual.weight.astype(np.float64) - torch_weight)))
    return Evaluation(fwd, chain, numeric, autograd, torch_engine.evaluate(problem), vs_autograd, vs_numeric, gap,
                      twin)
