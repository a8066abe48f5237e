"""The third witness: every parameter's gradient by central differences, in float64.

Each entry costs two perturbed networks over the whole batch, so a large network on many samples (2-16-16-16-16-1
on 10,000 samples: 1.9e10 multiply-adds, seconds) would freeze the window at every state. Beyond a budget each tensor
is differenced at a fixed sample of its entries instead, as gradient checks usually do, and says which.
"""

from math import gcd
from typing import NamedTuple

import numpy as np

from core.i18n import QT_TRANSLATE_NOOP, Message
from core.losses import loss as loss_named
from core.network import NetworkSpec, Params, layers_from
from core.notation import power_text

RELATIVE_STEP = 6e-6  # ≈ (float64 eps)^(1/3): balances truncation error h² against rounding error eps/h

# Numbers of a layer's output computed at once (256 KB): small enough to stay in the processor's cache, so a large
# batch runs in blocks of rows (2048 rows of 16 units: 5 to 10 times as fast as 10,000 at once on a busy machine)
BLOCK = 1 << 15

# A unit's bias and activation (tanh, exp) cost numpy about as much as this many multiply-adds of a layer.
UNIT_COST = 16
# The multiply-adds central differences may take at one state: about 0.2 s on a two-core laptop. Every scenario
# stays far within it (the deep sigmoid one takes 7e7), and so does a 2-16-16-16-16-1 network on a data set's
# default 200 samples (4e8).
BUDGET = 5e8
GOLDEN = (5 ** 0.5 - 1) / 2  # a stride of this fraction of a tensor spreads its sample over rows and columns

SAMPLED = QT_TRANSLATE_NOOP("core", "Central differences at {computed} of {total} entries, a sample: every entry "
                            "would take {cost} multiply-adds.")


class Differences(NamedTuple):
    """Central differences of every parameter, at every entry or, beyond the budget, at a sample of each's."""

    grads: Params  # dL/dθ by central differences; NaN where not computed
    computed: Params  # True where an entry was differenced
    cost: float  # multiply-adds that every entry's differences take (UNIT_COST for a unit's bias and activation)

    @property
    def complete(self) -> bool:
        """Every entry differenced."""
        return all(mask.all() for mask in self.computed.values())

    @property
    def counts(self) -> tuple[int, int]:
        """(entries differenced, entries) over every parameter."""
        return (sum(int(mask.sum()) for mask in self.computed.values()),
                sum(mask.size for mask in self.computed.values()))

    def note(self) -> Message | None:
        """What a view of them says when they are a sample (None when they are complete)."""
        if self.complete:
            return None
        computed, total = self.counts
        return Message(SAMPLED, computed=computed, total=total, cost=power_text(self.cost, 1))


def entry_cost(spec: NetworkSpec, layer: int, batch: int) -> float:
    """Multiply-adds of one entry of a layer-`layer` parameter: two perturbed networks, from that layer up, over the
    batch."""
    return 2.0 * batch * sum((spec.widths[j - 1] + UNIT_COST) * spec.widths[j] for j in range(layer, spec.layers + 1))


def cost(spec: NetworkSpec, batch: int) -> float:
    """Multiply-adds of central differences at every entry of every parameter."""
    return sum(int(np.prod(shape)) * entry_cost(spec, spec.layer_of(name), batch)
               for name, shape in spec.shapes.items())


def spread(size: int, count: int) -> np.ndarray:
    """`count` distinct flat indices of `size`, sorted: i·s mod size for a stride s coprime to size near
    GOLDEN·size, so a matrix's sample lands on many rows and columns."""
    stride = max(1, round(GOLDEN * size))
    while gcd(stride, size) != 1:
        stride += 1
    return np.sort(np.arange(count) * stride % size)


def sample(spec: NetworkSpec, batch: int, budget: float = BUDGET) -> dict[str, np.ndarray]:
    """The flat entries of each parameter to difference: all of them within the budget. Beyond it each tensor gets
    an equal share of what is left, the cheapest first (what one does not need goes to the others), and at least
    one entry."""
    sizes = {name: int(np.prod(shape)) for name, shape in spec.shapes.items()}
    each = {name: entry_cost(spec, spec.layer_of(name), batch) for name in sizes}
    if cost(spec, batch) <= budget:
        return {name: np.arange(size) for name, size in sizes.items()}
    counts, left = {}, budget
    for k, name in enumerate(sorted(sizes, key=lambda n: sizes[n] * each[n])):
        share = left / (len(sizes) - k)
        counts[name] = int(np.clip(share // each[name], 1, sizes[name]))
        left -= counts[name] * each[name]
    return {name: spread(size, counts[name]) for name, size in sizes.items()}


def central_differences(spec: NetworkSpec, params: Params, X: np.ndarray, targets: np.ndarray,
                        budget: float = BUDGET) -> Differences:
    """Central differences at every entry, or at a sample of each parameter's entries when that costs more than
    `budget` multiply-adds."""
    batch = np.shape(X)[0]
    entries = sample(spec, batch, budget)
    computed = {}
    for name, shape in spec.shapes.items():
        computed[name] = np.zeros(shape, dtype=bool)
        computed[name].ravel()[entries[name]] = True
    return Differences(numeric_gradients(spec, params, X, targets, entries), computed, cost(spec, batch))


def numeric_gradients(spec: NetworkSpec, params: Params, X: np.ndarray, targets: np.ndarray,
                      entries: dict[str, np.ndarray] | None = None) -> Params:
    """(L(θ + h·e_k) − L(θ − h·e_k)) / 2h for every entry θ_k of every parameter (or only the flat `entries` of
    each, NaN elsewhere), in float64.

    A parameter of layer l changes only the layers from l up, so the batch's a_{l−1} is computed once and the
    perturbed networks (two per entry) run from there, stacked along a leading axis, BLOCK numbers at a time.
    """
    params = {name: np.asarray(v, dtype=np.float64) for name, v in params.items()}
    X = np.asarray(X, dtype=np.float64)
    targets = targets if loss_named(spec.loss).takes_labels else np.asarray(targets, dtype=np.float64)
    below = [X]  # a_0, a_1, … at the unperturbed parameters
    below += layers_from(spec, params, X)[1]
    batch, widest = X.shape[0], max(spec.widths)
    per_entry = max(1, BLOCK // (batch * widest))  # perturbed networks stacked at once
    rows = max(1, BLOCK // (per_entry * widest))  # and the samples each of them runs at once
    grads = {}
    for name, theta in params.items():
        layer = spec.layer_of(name)
        h = RELATIVE_STEP * np.maximum(1.0, np.abs(theta)).ravel()  # (k,)
        k = theta.size
        chosen = np.arange(k) if entries is None else entries[name]
        grad = np.full(k, np.nan)
        for first in range(0, chosen.size, per_entry):
            at = chosen[first:first + per_entry]  # the entries perturbed in this chunk
            steps = np.zeros((at.size, k))
            steps[np.arange(at.size), at] = h[at]
            losses = []
            for sign in (1.0, -1.0):
                stacked = dict(params)
                stacked[name] = (theta.ravel() + sign * steps).reshape(at.size, *theta.shape)
                losses.append(_batch_loss(spec, stacked, below[layer - 1], layer, targets, rows))
            flat = theta.ravel()[at]
            taken = (flat + h[at]) - (flat - h[at])  # the step actually taken: no representation error
            grad[at] = (losses[0] - losses[1]) / taken
        grads[name] = grad.reshape(theta.shape)
    return grads


def _batch_loss(spec: NetworkSpec, params: Params, below: np.ndarray, layer: int, targets: np.ndarray,
                rows: int) -> np.ndarray:
    """(k,) the batch's loss of each stacked network, run from `layer` up on a_{layer−1} = `below`, `rows` samples
    at a time (the mean of the blocks' means, weighted by their sizes)."""
    value = loss_named(spec.loss).value
    blocks = [slice(start, start + rows) for start in range(0, below.shape[0], rows)]
    losses = [value(layers_from(spec, params, below[block], layer)[1][-1], targets[block]) for block in blocks]
    if len(losses) == 1:
        return losses[0]
    return np.average(losses, axis=0, weights=[len(targets[block]) for block in blocks])
