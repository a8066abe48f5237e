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
    """One state seen by the three witnesses. Torch fields are None while torch is loading."""

    forward: Forward  # manual engine, at the manual weight
    chain: ChainRule  # manual engine: every factor of dL/dW
    numeric: np.ndarray  # (n_out, n_in) central differences in float64 at the manual weight
    torch: "TorchPass | None"  # torch engine, at the torch weight  # noqa: F821 (imported lazily)
    manual_vs_torch: Difference | None
    manual_vs_numeric: Difference
    weight_gap: float | None  # max|W_manual − W_torch|
    forgetful_loss: float | None = None  # the forgetful twin's loss, when that trajectory is on


def evaluate(problem: Problem, manual: EngineState, torch_weight: np.ndarray | None, torch_pass,
             forgetful_weight: np.ndarray | None = None) -> Evaluation:
    """Compare the manual gradient with torch's (if given) and with central differences."""
    x = problem.x_cast
    fwd = forward(manual.weight, x, problem.y_cast, problem.activation)
    chain = backward(fwd, x, problem.activation)
    numeric = numeric_gradient(manual.weight, problem.x, problem.y, problem.activation)
    vs_numeric = difference(chain.dL_dW, numeric, TOLERANCES[problem.dtype, "numeric"])
    twin = None if forgetful_weight is None else forward(forgetful_weight, x, problem.y_cast, problem.activation).loss
    if torch_pass is None:
        return Evaluation(fwd, chain, numeric, None, None, vs_numeric, None, twin)
    vs_torch = difference(chain.dL_dW, torch_pass.grad, TOLERANCES[problem.dtype, "torch"])
    with np.errstate(invalid="ignore"):
        gap = float(np.max(np.abs(manual.weight.astype(np.float64) - torch_weight)))
    return Evaluation(fwd, chain, numeric, torch_pass, vs_torch, vs_numeric, gap, twin)
