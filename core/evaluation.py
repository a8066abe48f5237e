"""Everything a view shows about one state: forward values, every factor of the backward pass, the three
witnesses of every parameter's gradient and how far apart they are — on the batch the next update takes."""

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from core.compare import TOLERANCES, Difference, difference
from core.decision import Surface, drawable, surface
from core.explain import ChainRule, Explained, one_layer_chain
from core.lessons import lessons, saturated
from core.metrics import accuracy, gradient_norms
from core.network import Backward, Forward, Params, backward, flatten, forward
from core.numeric import Differences, central_differences
from core.state import SessionState


@dataclass(frozen=True, eq=False)
class Evaluation:
    """One state seen by the three witnesses. Torch fields are None while torch is loading."""

    state: SessionState
    X: np.ndarray  # (B, N0) the batch, in the dtype
    targets: np.ndarray  # its targets as the loss takes them
    forward: Forward  # manual engine, at the manual parameters
    backward: Backward  # manual engine: every factor of the chain rule (with the problem's mistake, if any)
    # autograd at the manual parameters: the like-with-like witness of the hand-written gradient (torch's own
    # trajectory drifts from the hand-written one by rounding, so a gradient taken there is taken elsewhere)
    autograd: "AutogradPass | None"  # noqa: F821 (core.torch_engine, imported lazily)
    torch: "TorchPass | None"  # torch's own trajectory: forward values and loss at its parameters  # noqa: F821
    forgetful_loss: float | None = None  # the forgetful twin's loss on the batch, when that trajectory is on

    @cached_property
    def chain(self) -> ChainRule:
        """The last layer's factors for the first sample, as the one-layer views show them."""
        return one_layer_chain(self.forward, self.backward)

    @cached_property
    def rows(self) -> np.ndarray:
        """(B,) which samples of the data the batch holds, in its order."""
        return self.state.problem.batch_indices(self.state.cursor)

    def place(self, sample: int) -> int | None:
        """Where sample `sample` of the data is in the batch (0-based), or None when the batch does not hold it."""
        places = np.flatnonzero(self.rows == sample)
        return int(places[0]) if places.size else None

    def sample(self, k: int) -> Forward:
        """The forward pass of sample k of the data (not only of the batch) at the hand-written parameters: what the
        forward-pass view follows. Computed when first asked for, kept for the evaluation's life."""
        cache = self.__dict__.setdefault("_samples", {})
        if k not in cache:
            p = self.state.problem
            one = slice(k, k + 1)
            with np.errstate(over="ignore", invalid="ignore"):
                cache[k] = forward(p.network, self.state.manual.params, p.X[one], p.targets[one])
        return cache[k]

    @cached_property
    def explained(self) -> Explained:
        """The explanations the views draw (a parameter's chain rule, its next update), each made once per state."""
        return Explained(self)

    @property
    def grads(self) -> Params:
        """The hand-written gradient of every parameter."""
        return self.backward.grads

    @cached_property
    def numeric(self) -> Differences:
        """Central differences in float64 at the manual parameters, at every entry or (beyond core.numeric's budget)
        at a sample of each parameter's entries (computed when first asked for)."""
        p = self.state.problem
        with np.errstate(over="ignore", invalid="ignore"):  # a diverged state shows its infinities as they are
            return central_differences(p.network, self.state.manual.params, self.X, self.targets)

    @cached_property
    def accuracy(self) -> float:
        """The fraction of the batch the hand-written engine classifies right (NaN for mse; core.metrics)."""
        return accuracy(self.state.problem.network.loss, self.forward.output, self.targets)

    @cached_property
    def gradient_norms(self) -> np.ndarray:
        """(L,) each layer's ‖dL/dW_l‖ by hand (core.metrics)."""
        return gradient_norms(self.state.problem.network, self.grads)

    @cached_property
    def surface(self) -> Surface | None:
        """The hand-written network over its input plane, spanning the whole data (core.decision); None for three
        inputs or more. Computed when first asked for."""
        p = self.state.problem
        if not drawable(p.network):
            return None
        with np.errstate(over="ignore", invalid="ignore"):  # a diverged state shows its infinities as they are
            return surface(p.network, self.state.manual.params, p.data.X)

    @cached_property
    def manual_vs_autograd(self) -> Difference | None:
        """Hand-written against autograd, both at the hand-written parameters (so only the arithmetic differs),
        over every parameter."""
        if self.autograd is None:
            return None
        return difference(flatten(self.grads), flatten(self.autograd.grads),
                          TOLERANCES[self.state.problem.dtype, "torch"])

    @cached_property
    def manual_vs_numeric(self) -> Difference:
        """Hand-written against central differences, over every entry differenced."""
        computed = flatten(self.numeric.computed)
        return difference(flatten(self.grads)[computed], flatten(self.numeric.grads)[computed],
                          TOLERANCES[self.state.problem.dtype, "numeric"])

    @cached_property
    def gaps(self) -> Params:
        """θ_manual − θ_torch of every parameter, in float64: how far the two trajectories have drifted."""
        with np.errstate(invalid="ignore"):  # both infinite after a divergence: the gap is NaN, shown as such
            return {name: value.astype(np.float64) - self.state.torch.params[name]
                    for name, value in self.state.manual.params.items()}

    @cached_property
    def weight_gap(self) -> float | None:
        """max |θ_manual − θ_torch| over every parameter (None while torch loads)."""
        if self.torch is None:
            return None
        with np.errstate(invalid="ignore"):
            return float(max(np.max(np.abs(gap)) for gap in self.gaps.values()))

    @cached_property
    def lessons(self) -> list:
        """What a class should notice about this state (core.lessons), most important first."""
        return lessons(self.state.problem, self.backward)

    @cached_property
    def saturated(self) -> list[np.ndarray]:
        """For each layer, which units barely learn (core.lessons.saturated)."""
        return saturated(self.state.problem, self.backward)


def evaluate(state: SessionState, torch_engine=None) -> Evaluation:
    """The current state on its next batch, by hand and (given a loaded engine) by torch."""
    p = state.problem
    X, targets = state.batch()
    fwd = forward(p.network, state.manual.params, X, targets)
    bwd = backward(p.network, state.manual.params, fwd, targets, p.mistake)
    twin = None if state.forgetful is None else forward(p.network, state.forgetful.params, X, targets).loss
    if torch_engine is None:
        return Evaluation(state, X, targets, fwd, bwd, None, None, twin)
    return Evaluation(state, X, targets, fwd, bwd, torch_engine.autograd_at(state.manual.params, p, X, targets),
                      torch_engine.evaluate(p, X, targets), twin)
