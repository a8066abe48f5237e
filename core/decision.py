"""The network over its input plane: what the decision-boundary view and the per-neuron pictures draw.

For two inputs, a grid of G × G points spanning the data with a margin; for one input, G points along its range
(a curve). One forward pass in float64 over every point at once (core.network.layers_from) gives every layer's
activations: the hidden units' pictures and the output. What the output means depends on the loss:
    bce   σ(z) of each output: the probability of class 1; its decision boundary is where it crosses 0.5
    ce    softmax(z): each class's probability; a class's region is where its probability is the largest
    mse   the output a_L itself
A 2-D grid is laid out as an image, row-major: values[i, j] is the network at (xs[j], ys[i]).
"""

from typing import NamedTuple

import numpy as np

from core.activations import activation
from core.losses import loss as loss_named
from core.network import NetworkSpec, Params, cast, layers_from

GRID = 100  # points along each input
MARGIN = 0.1  # of the data's larger span, added on every side of it


class Plane(NamedTuple):
    """Where the network is evaluated: a grid over two inputs, or a line over one."""

    xs: np.ndarray  # (G,) the first input's values, increasing
    ys: np.ndarray | None  # (G,) the second input's values, increasing; None for one input

    @property
    def points(self) -> np.ndarray:
        """Every point as a batch: (G·G, 2), row-major (xs vary fastest), or (G, 1)."""
        if self.ys is None:
            return self.xs[:, None]
        gx, gy = np.meshgrid(self.xs, self.ys)  # (G, G) each, gx[i, j] = xs[j], gy[i, j] = ys[i]
        return np.stack([gx.ravel(), gy.ravel()], axis=1)

    @property
    def shape(self) -> tuple[int, ...]:
        """(G, G) or (G,): the points' layout."""
        return (self.xs.size,) if self.ys is None else (self.ys.size, self.xs.size)


def plane(X: np.ndarray, size: int = GRID) -> Plane:
    """`size` points along each input of the data X (m, 1 or 2): from each input's lowest to its highest value,
    widened on both sides by MARGIN of the larger span (by 1 when every sample is at one point)."""
    low, high = X.min(axis=0), X.max(axis=0)  # (n_in,) each
    span = float(np.max(high - low))
    pad = MARGIN * span if span > 0 else 1.0
    axes = [np.linspace(lo - pad, hi + pad, size) for lo, hi in zip(low, high)]
    return Plane(axes[0], axes[1] if len(axes) == 2 else None)


class Surface(NamedTuple):
    """The network over a plane: every hidden layer's activations, the output, and what the output predicts."""

    plane: Plane
    hidden: tuple[np.ndarray, ...]  # a_1 … a_{L−1}, each (*plane.shape, N_l)
    output: np.ndarray  # a_L (logits under bce and ce), (*plane.shape, N_L)
    predicted: np.ndarray  # σ(z) for bce, softmax(z) for ce, a_L for mse: (*plane.shape, N_L)

    @property
    def classes(self) -> np.ndarray:
        """The class of the largest logit at each point (ce), (*plane.shape,) int."""
        return np.argmax(self.output, axis=-1)

    @property
    def confidence(self) -> np.ndarray:
        """The probability of that class (ce), from 1/K to 1, (*plane.shape,)."""
        return np.max(self.predicted, axis=-1)


def drawable(network: NetworkSpec) -> bool:
    """A network of one or two inputs has a line or a plane to draw its output over."""
    return network.n_in <= 2


def surface(network: NetworkSpec, params: Params, X: np.ndarray, size: int = GRID) -> Surface:
    """The network with `params` (any dtype; evaluated in float64) over a plane spanning the data X (m, N_0);
    ValueError for three inputs or more, which have no plane to draw."""
    if not drawable(network):
        raise ValueError(f"a network of {network.n_in} inputs has no plane to draw")
    where = plane(X, size)
    # each W_l column-major, so that layers_from's W_lᵀ is a row-major matrix: numpy's matmul of 10,000 rows by a
    # transposed view takes a slower path (20 times slower, measured)
    params = {name: np.asfortranarray(p) for name, p in cast(params, np.float64).items()}
    _, outs = layers_from(network, params, where.points)  # a_l: (G·G, N_l) or (G, N_l) each
    shaped = [a.reshape(*where.shape, a.shape[-1]) for a in outs]
    probabilities = loss_named(network.loss).probabilities
    predicted = shaped[-1] if probabilities is None else probabilities(shaped[-1])
    return Surface(where, tuple(shaped[:-1]), shaped[-1], predicted)


def value_range(*values: np.ndarray) -> tuple[float, float]:
    """The lowest and the highest finite value of all `values`, at least 1e-9 apart (a colour scale needs a span)."""
    finite = np.concatenate([np.ravel(v)[np.isfinite(np.ravel(v))] for v in values])
    low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    if high - low < 1e-9:
        return low - 0.5, high + 0.5
    return low, high


def layer_range(name: str, values: np.ndarray) -> tuple[float, float]:
    """The colour scale one hidden layer's pictures share: its activation's own range where that is bounded (σ: 0
    to 1, tanh: −1 to 1); for relu from 0 to the largest value shown; for the others symmetric about 0 up to the
    largest |value| shown (identity, leaky relu), so 0 is in the middle."""
    low, high = activation(name).output_range
    if np.isfinite(low) and np.isfinite(high):
        return low, high
    largest = value_range(np.abs(values))[1]
    return (0.0, largest) if low == 0 else (-largest, largest)
