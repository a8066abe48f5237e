"""The numbers behind the numbers: one gradient cell's chain rule, and the optimizer's state and next update.

Everything here is read off the same code that computes and steps (core.network, core.optimizers), so an
explanation cannot drift from what the tool does.
"""

from typing import NamedTuple

import numpy as np

from core import optimizers
from core.activations import activation
from core.engine_state import EngineState
from core.i18n import QT_TRANSLATE_NOOP
from core.network import Backward, Forward, weight_name
from core.notation import sub
from core.optimizer_spec import OptimizerSpec
from core.problem import Problem


class ChainRule(NamedTuple):
    """The one-layer chain rule of the first sample: dL/dW = dL/da · da/dz · dz/dW = outer(δ, x)."""

    dL_da: np.ndarray  # (n_out,) (2/n_out)(a − y)
    da_dz: np.ndarray  # (n_out,) f′(z)
    delta: np.ndarray  # (n_out,) dL/dz = dL/da ⊙ da/dz
    dL_dW: np.ndarray  # (n_out, n_in) the batch's gradient of the last layer's W


def one_layer_chain(fwd: Forward, bwd: Backward) -> ChainRule:
    """The last layer's factors for the first sample of the batch, as the one-layer views show them."""
    last = len(bwd.deltas)
    return ChainRule(bwd.dL_dout[0], bwd.derivatives[-1][0], bwd.deltas[-1][0], bwd.grads[weight_name(last)])


class Factor(NamedTuple):
    """One factor of dL/dw_ij: its name (∂L/∂a₁), its formula in symbols ((2/3)(a₁ − y₁)) and its value.

    The formula is a template ({a}, {z}, ... stand for a₁, z₁, ...) so a window can translate it before filling in.
    """

    name: str
    template: str
    symbols: dict[str, str]
    value: float

    def formula(self, translate=lambda template: template) -> str:
        return translate(self.template).format(**self.symbols)


class ChainRuleCell(NamedTuple):
    """dL/dw_ij = dL/da_i · da_i/dz_i · dz_i/dw_ij, each factor with its formula and value."""

    factors: tuple[Factor, Factor, Factor]
    product: float  # the factors multiplied in the order backward() multiplies them, in the problem's dtype
    gradient: float  # the gradient grid's value, dL_dW[i, j]

    @property
    def agrees(self) -> bool:
        """The product is the grid's value (the same roundings in the same order; the margin is for the eye)."""
        return abs(self.product - self.gradient) <= 1e-6 * abs(self.gradient)


def chain_rule_cell(problem: Problem, fwd: Forward, chain: ChainRule, i: int, j: int) -> ChainRuleCell:
    """The chain rule for one weight w_ij of a one-layer network, symbolic and numeric, for the problem's
    activation and MSE loss, for its first sample."""
    f = activation(problem.activation)
    symbols = {"a": f"a{sub(i)}", "z": f"z{sub(i)}", "y": f"y{sub(i)}", "x": f"x{sub(j)}", "n": str(problem.n_out)}
    factors = (
        Factor(f"∂L/∂a{sub(i)}", "(2/{n})({a} − {y})", symbols, float(chain.dL_da[i])),
        Factor(f"∂a{sub(i)}/∂z{sub(i)}", f.derivative_formula, symbols, float(chain.da_dz[i])),
        Factor(f"∂z{sub(i)}/∂w{sub(i)}{sub(j)}", "{x}", symbols, float(fwd.activations[-2][0, j])),
    )
    # backward() forms δ = dL/da ⊙ da/dz, then δ·x, in the dtype: the same two roundings give the same number
    product = (chain.dL_da[i] * chain.da_dz[i]) * fwd.activations[-2][0, j]
    return ChainRuleCell(factors, float(product), float(chain.dL_dW[i, j]))


# The optimizer's state, as the state view names it: torch's key, the symbol a lecture uses
STATE_SYMBOLS = {
    "step": "t", "exp_avg": "m", "exp_avg_sq": "v", "max_exp_avg_sq": "v_max", "momentum_buffer": "b",
    "square_avg": "v", "grad_avg": "ḡ", "sum": "G",
}


class Quantity(NamedTuple):
    """A grid of the state view: symbol, torch's name for it (or how it is derived), values shaped like W."""

    symbol: str
    source: str
    values: np.ndarray


def state_quantities(spec: OptimizerSpec, engine: EngineState, name: str = "W1") -> list[Quantity]:
    """The optimizer's stored state of parameter `name`, shaped like it, and for Adam(W) the bias-corrected m̂ and
    v̂ derived from it."""
    state = engine.optimizer_state[name]
    quantities = [Quantity(STATE_SYMBOLS[key], f"state['{key}']", value)
                  for key, value in state.items() if key != "step"]
    if spec.kind in ("adam", "adamw") and state:
        t = state["step"]
        quantities.append(Quantity("m̂", QT_TRANSLATE_NOOP("core", "m / (1 − β₁ᵗ)"),
                                   state["exp_avg"] / (1 - spec["beta1"] ** t)))
        quantities.append(Quantity("v̂", QT_TRANSLATE_NOOP("core", "v / (1 − β₂ᵗ)"),
                                   state["exp_avg_sq"] / (1 - spec["beta2"] ** t)))
    return quantities


class Line(NamedTuple):
    """One line of an update written out: its formula and the value at the chosen weight."""

    formula: str
    value: float


class NextUpdate(NamedTuple):
    """What the next Step will do to W, computed by the optimizer itself."""

    weight: np.ndarray  # W after the step
    update: np.ndarray  # W after − W before, per weight
    lines: list[tuple[str, np.ndarray | float]]  # every intermediate, in the order the optimizer computes it

    def at(self, i: int, j: int) -> list[Line]:
        """The lines at weight w_ij (scalars such as t or a step size are the same for every weight)."""
        return [Line(formula, float(np.asarray(v)[i, j]) if np.ndim(v) else float(v)) for formula, v in self.lines]


def next_update(spec: OptimizerSpec, engine: EngineState, grad: np.ndarray, name: str = "W1") -> NextUpdate:
    """Run the optimizer's next step of parameter `name` on copies, hearing every intermediate."""
    lines = []
    before = engine.params[name]
    weight, _ = optimizers.step(spec, before, grad, engine.optimizer_state[name],
                                note=lambda f, v: lines.append((f, v)))
    with np.errstate(over="ignore", invalid="ignore"):
        update = weight.astype(np.float64) - before
    return NextUpdate(weight, update, lines)
