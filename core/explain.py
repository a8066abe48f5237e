"""The numbers behind the numbers: any parameter's gradient built along the path from the loss, and the optimizer's
state and next update of any parameter.

Everything here is read off the numbers the backward pass computed (core.network.backward) and the code that
steps (core.optimizers), so an explanation cannot drift from what the tool does. Where a number has to be formed
again (dL/da of a hidden layer, one sample's part of a sum over the batch) it is formed by the same operations on
the same arrays, so it is the same number; a deliberate mistake in the backward is written out as it stands.
"""

from functools import cached_property
from typing import NamedTuple

import numpy as np

from core import optimizers
from core.activations import activation
from core.engine_state import EngineState
from core.i18n import QT_TRANSLATE_NOOP
from core.mistakes import Mistake
from core.network import Backward, Forward, NetworkSpec, Params, weight_name
from core.notation import sub
from core.optimizer_spec import OptimizerSpec


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


class Notation(NamedTuple):
    """How a network's quantities are written. A single layer as the blog post writes it: a₃, w₃₂, x₂, y₃. With
    layers, the layer as a subscript and the unit in brackets: a₁[2], W₂[1,3], δ₂[1]; x[2] and y[1] (the data)
    carry no layer."""

    layers: int

    def vector(self, letter: str, layer: int) -> str:
        """δ₂, z₁, a₃ (δ, z, a for a single layer); a₀ is x."""
        if letter == "a" and layer == 0:
            letter = "x"
        return letter if self.layers == 1 or letter in "xy" else f"{letter}{sub(layer - 1)}"

    def unit(self, letter: str, layer: int, i: int) -> str:
        """Unit i of a layer's vector: δ₂[3] (δ₃ for a single layer)."""
        name = self.vector(letter, layer)
        return f"{name}{sub(i)}" if self.layers == 1 else f"{name}[{i + 1}]"

    def parameter(self, name: str) -> str:
        """W₂, b₁ (W, b for a single layer)."""
        return name[0] if self.layers == 1 else f"{name[0]}{sub(int(name[1:]) - 1)}"

    def entry(self, name: str, index: tuple[int, ...]) -> str:
        """W₂[1,3], b₁[2] (w₁₃, b₂ for a single layer)."""
        if self.layers == 1:
            return name[0].lower() + "".join(sub(k) for k in index)
        return f"{self.parameter(name)}[{','.join(str(k + 1) for k in index)}]"


class Factor(NamedTuple):
    """One factor of a gradient: its name (∂L/∂a₁), its formula in symbols ((2/3)(a₁ − y₁)) and its value; the
    value is None for a factor the hand-written backward leaves out (a deliberate mistake).

    The formula is a template ({a}, {z}, ... stand for a₁, z₁, ...) so a window can translate it before filling in.
    """

    name: str
    template: str
    symbols: dict[str, str]
    value: float | None

    def formula(self, translate=lambda template: template) -> str:
        return translate(self.template).format(**self.symbols)


class Term(NamedTuple):
    """δ_{l+1}[k] · W_{l+1}[k, i]: what unit k of the layer above sends down to unit i."""

    unit: int  # k
    delta: float  # δ_{l+1}[b, k]
    weight: float  # W_{l+1}[k, i] (W_{l+1}[i, k] when the backward forgets the transpose)
    product: float  # their product, in the dtype


class LayerStep(NamedTuple):
    """One layer of the chain down from the loss, for the followed sample: δ_m = ∂L/∂a_m ⊙ f′(z_m)."""

    layer: int  # m
    incoming: np.ndarray  # (N_m,) ∂L/∂a_m: the loss's gradient at the top, δ_{m+1} W_{m+1} below
    transposed: bool  # δ_{m+1} W_{m+1}ᵀ instead: the backward forgets the transpose here (a deliberate mistake)
    derivative: np.ndarray  # (N_m,) f′(z_m)
    forgotten: bool  # the hand-written backward leaves f′ out here (a deliberate mistake): δ_m = ∂L/∂a_m
    delta: np.ndarray  # (N_m,) δ_m as backward() holds it


class ParameterChain(NamedTuple):
    """One parameter entry's gradient built along the path: for the followed sample b, ∂L/∂θ = ∂L/∂a_l[i] ·
    ∂a_l[i]/∂z_l[i] · ∂z_l[i]/∂θ, with ∂L/∂a_l[i] the sum over the next layer's units and the δ's above it down
    from the loss; and the batch's gradient as the mean of every sample's own gradient."""

    name: str  # W2, b1
    index: tuple[int, ...]  # (i, j) of a weight, (i,) of a bias
    sample: int  # b: the followed sample's place in the batch
    row: int  # its row in the data
    notation: Notation
    factors: tuple[Factor, Factor, Factor]
    terms: tuple[Term, ...]  # the sum that makes ∂L/∂a_l[i]; () in the last layer, where the loss makes it
    transposed: bool  # the terms take W_{l+1}[i, k]: the backward forgets the transpose (a deliberate mistake)
    above: tuple[LayerStep, ...]  # δ_L … δ_{l+1}: the chain from the loss down to the layer above
    loss: Factor  # ∂L/∂a_L of the whole output, in the loss's formula (its value None: a vector, in `above`)
    product: float  # the factors multiplied as backward() multiplies them: sample b's term of the batch's sum
    per_sample: np.ndarray  # (B,) each sample's own gradient of the entry; their mean is the batch's gradient
    gradient: float  # the gradient grid's value
    first_sample_only: bool  # the bias gradient is sample 1's δ alone (a deliberate mistake)

    @property
    def layer(self) -> int:
        return NetworkSpec.layer_of(self.name)

    @property
    def is_bias(self) -> bool:
        return self.name.startswith("b")

    @property
    def mean(self) -> float:
        """The mean of the per-sample gradients."""
        with np.errstate(over="ignore", invalid="ignore"):
            return float(np.mean(self.per_sample, dtype=np.float64))

    @property
    def agrees(self) -> bool:
        """The mean of the per-sample gradients is the grid's value, up to the roundings of two ways of summing
        the batch (at most about B roundings of the size of what is summed; a real difference is of that size)."""
        scale = float(np.mean(np.abs(self.per_sample), dtype=np.float64))
        info, count = np.finfo(self.per_sample.dtype), max(len(self.per_sample), 4)
        # below the normal range a rounding is a step of the smallest subnormal, whatever the size
        return abs(self.mean - self.gradient) <= count * (float(info.eps) * scale + float(info.smallest_subnormal))


def nearest_entry(network: NetworkSpec, name: str, index: tuple[int, ...]) -> tuple[str, tuple[int, ...]]:
    """Entry `index` of parameter `name`, or the nearest the network has (in W1 if it has no such parameter): what
    a view keeps showing when the network changes under it."""
    shapes = network.shapes
    name = name if name in shapes else weight_name(1)
    index = index if len(index) == len(shapes[name]) else (0,) * len(shapes[name])
    return name, tuple(min(k, n - 1) for k, n in zip(index, shapes[name]))


def incoming_gradients(spec: NetworkSpec, params: Params, bwd: Backward,
                       mistake: Mistake | None = None) -> tuple[np.ndarray, ...]:
    """∂L/∂a_l for l = 1 … L, each (B, N_l), as backward() forms them on its way down (its mistake included):
    the loss's gradient at the top, δ_{l+1} W_{l+1} below. The same products of the same arrays: the same numbers."""
    kind, at = (mistake.kind, mistake.layer) if mistake is not None else (None, None)
    incoming = [bwd.dL_dout]
    for l in range(spec.layers, 1, -1):
        w = params[weight_name(l)]  # (N_l, N_{l−1})
        # (B, N_l) @ (N_l, N_{l−1}) -> (B, N_{l−1})
        incoming.insert(0, bwd.deltas[l - 1] @ (w.T if (kind == "no_transpose" and at == l - 1) else w))
    return tuple(incoming)


def _loss_factor(spec: NetworkSpec, notation: Notation, mistake: Mistake | None, targets: np.ndarray,
                 unit: tuple[int, int] | None, value: float | None) -> Factor:
    """∂L/∂a_L in the loss's formula, with the divisor (and the 2) the hand-written backward uses: of unit i for
    sample b given `unit` = (b, i), else of the whole output vector."""
    kind = mistake.kind if mistake is not None else None
    L = spec.layers
    per_sample = spec.n_out if spec.loss != "ce" else 1  # the loss is a mean over the batch and, but ce, the outputs
    n = per_sample if kind == "batch_sum" else len(targets) * per_sample
    if unit is None:
        symbols = {"a": notation.vector("a", L), "z": notation.vector("z", L), "y": "y"}
        softmax = "softmax({z})"
    else:
        b, i = unit
        symbols = {"a": notation.unit("a", L, i), "z": notation.unit("z", L, i), "y": notation.unit("y", L, i)}
        softmax = f"softmax({notation.vector('z', L)})[{i + 1}]"
        if spec.loss == "ce":  # y: the sample's class as a one-hot vector
            symbols["y"] = "1" if int(targets[b]) == i else "0"
    symbols.update(n=str(n), c="1" if kind == "drop_two" else "2")
    if spec.loss == "mse":
        template = "({c}/{n})({a} − {y})"
    elif spec.loss == "bce":
        template = "(σ({z}) − {y})/{n}"
    else:
        template = f"({softmax} − {{y}})" + ("/{n}" if n != 1 else "")
    return Factor(f"∂L/∂{symbols['a']}", template, symbols, value)


def parameter_chain(evaluation, incoming: tuple[np.ndarray, ...], name: str, index: tuple[int, ...],
                    sample: int) -> ParameterChain:
    """The chain rule of parameter entry `name`[`index`] for sample `sample` of the evaluation's batch (see
    ParameterChain), from the evaluation's forward and backward passes and the layers' `incoming_gradients`."""
    state, fwd, bwd = evaluation.state, evaluation.forward, evaluation.backward
    problem = state.problem
    spec, mistake = problem.network, problem.mistake
    kind, at = (mistake.kind, mistake.layer) if mistake is not None else (None, None)
    notation = Notation(spec.layers)
    l, i, b = NetworkSpec.layer_of(name), index[0], sample
    f = activation(spec.activations[l - 1])
    forgotten = kind == "forget_derivative" and at == l
    unit = {"a": notation.unit("a", l, i), "z": notation.unit("z", l, i)}
    derivative = Factor(f"∂{unit['a']}/∂{unit['z']}", f.derivative_formula, unit,
                        None if forgotten else float(bwd.derivatives[l - 1][b, i]))
    dL_da = incoming[l - 1][b, i]
    transposed = kind == "no_transpose" and at == l
    if l == spec.layers:
        first, terms = _loss_factor(spec, notation, mistake, evaluation.targets, (b, i), float(dL_da)), ()
    else:
        w = state.manual.params[weight_name(l + 1)]  # (N_{l+1}, N_l)
        sent = w[i, :] if transposed else w[:, i]  # (N_{l+1},) what each unit above sends down to unit i
        deltas = bwd.deltas[l][b]  # (N_{l+1},)
        terms = tuple(Term(k, float(d), float(v), float(d * v)) for k, (d, v) in enumerate(zip(deltas, sent)))
        symbols = {"next": notation.vector("δ", l + 1), "W": notation.parameter(weight_name(l + 1)), "i": str(i + 1)}
        template = "Σₖ {next}[k] · {W}[{i},k]" if transposed else "Σₖ {next}[k] · {W}[k,{i}]"
        first = Factor(f"∂L/∂{unit['a']}", template, symbols, float(dL_da))
    delta = bwd.deltas[l - 1][:, i]  # (B,) δ_l[·, i], as backward() formed it: dL/da (⊙ f′)
    batch = len(delta)
    below = fwd.activations[l - 1]  # (B, N_{l−1})
    if name.startswith("b"):
        last = Factor(f"∂{unit['z']}/∂{notation.entry(name, index)}", "1", {}, 1.0)
        product, per_sample = delta[b], batch * delta  # as per_sample_gradients: B·δ, δ carrying the batch's 1/B
    else:
        j = index[1]
        x = notation.unit("a", l - 1, j)
        last = Factor(f"∂{unit['z']}/∂{notation.entry(name, index)}", "{x}", {"x": x}, float(below[b, j]))
        # δ·a, the roundings of backward() (δ = dL/da ⊙ f′, then δ·a); B·δ·a, those of per_sample_gradients
        product, per_sample = delta[b] * below[b, j], (batch * delta) * below[:, j]
    above = tuple(LayerStep(m, incoming[m - 1][b], kind == "no_transpose" and at == m, bwd.derivatives[m - 1][b],
                            kind == "forget_derivative" and at == m, bwd.deltas[m - 1][b])
                  for m in range(spec.layers, l, -1))
    loss = _loss_factor(spec, notation, mistake, evaluation.targets, None, None)
    return ParameterChain(name, tuple(index), b, int(evaluation.rows[b]), notation, (first, derivative, last), terms,
                          transposed, above, loss, float(product), per_sample,
                          float(bwd.grads[name][tuple(index)]), kind == "bias_first_sample" and name.startswith("b"))


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
    """One line of an update written out: its formula and the value at the chosen entry."""

    formula: str
    value: float


class NextUpdate(NamedTuple):
    """What the next Step will do to a parameter, computed by the optimizer itself."""

    weight: np.ndarray  # the parameter after the step
    update: np.ndarray  # after − before, per entry
    lines: list[tuple[str, np.ndarray | float]]  # every intermediate, in the order the optimizer computes it

    def at(self, *index: int) -> list[Line]:
        """The lines at entry `index` (scalars such as t or a step size are the same for every entry)."""
        return [Line(formula, float(np.asarray(v)[index]) if np.ndim(v) else float(v)) for formula, v in self.lines]


def next_update(spec: OptimizerSpec, engine: EngineState, grad: np.ndarray, name: str = "W1") -> NextUpdate:
    """Run the optimizer's next step of parameter `name` on copies, hearing every intermediate."""
    lines = []
    before = engine.params[name]
    weight, _ = optimizers.step(spec, before, grad, engine.optimizer_state[name],
                                note=lambda f, v: lines.append((f, v)))
    with np.errstate(over="ignore", invalid="ignore"):
        update = weight.astype(np.float64) - before
    return NextUpdate(weight, update, lines)


class Explained:
    """What the explaining views draw about one evaluated state (core.evaluation.Evaluation.explained): each part
    computed when first asked for, then kept for every later refresh of the same state."""

    def __init__(self, evaluation):
        self._evaluation = evaluation
        self._chains: dict[tuple, ParameterChain] = {}
        self._updates: dict[str, NextUpdate] = {}

    @cached_property
    def incoming(self) -> tuple[np.ndarray, ...]:
        """∂L/∂a_l of every layer, (B, N_l) each (see incoming_gradients)."""
        e = self._evaluation
        p = e.state.problem
        with np.errstate(over="ignore", invalid="ignore"):  # a diverged state shows its infinities as they are
            return incoming_gradients(p.network, e.state.manual.params, e.backward, p.mistake)

    @cached_property
    def largest(self) -> dict[str, float]:
        """max |∂L/∂θ| over each parameter's entries."""
        return {name: float(np.max(np.abs(g))) for name, g in self._evaluation.grads.items()}

    def chain(self, name: str, index: tuple[int, ...], sample: int) -> ParameterChain:
        """The chain rule of entry `index` of parameter `name` for sample `sample` of the batch."""
        key = (name, tuple(index), sample)
        if key not in self._chains:
            with np.errstate(over="ignore", invalid="ignore"):
                self._chains[key] = parameter_chain(self._evaluation, self.incoming, name, index, sample)
        return self._chains[key]

    def next_update(self, name: str) -> NextUpdate:
        """The next Step of parameter `name` by the hand-written optimizer, every intermediate heard."""
        if name not in self._updates:
            e = self._evaluation
            s = e.state
            with np.errstate(over="ignore", invalid="ignore"):
                self._updates[name] = next_update(s.optimizer, s.manual, e.grads[name], name)
        return self._updates[name]
