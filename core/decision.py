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

    def boundary(self, output: int = 0) -> np.ndarray:
        """Where the probability of class 1 of an output is 0.5 (bce), the decision boundary over a plane: line
        segments (k, 2, 2), see contour."""
        return contour(self.plane, self.predicted[..., output], 0.5)


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


def contour(plane: Plane, values: np.ndarray, level: float) -> np.ndarray:
    """The line segments where the grid's `values` (G, G) cross `level`, by marching squares, linear between grid
    points: (k, 2, 2), each segment's two ends (x, y). A cell whose corners alternate (a saddle) is cut by two
    segments, joined the way its centre (the mean of its corners) lies."""
    above = values > level  # (G, G)
    # each cell's corners: a at (x_j, y_i), b at (x_j+1, y_i), c at (x_j+1, y_i+1), d at (x_j, y_i+1); its edges in
    # order: bottom (a–b), right (b–c), top (d–c), left (a–d)
    sides = [above[:-1, :-1], above[:-1, 1:], above[1:, 1:], above[1:, :-1]]  # a, b, c, d: (G − 1, G − 1) each
    crossed = np.stack([sides[0] != sides[1], sides[1] != sides[2], sides[3] != sides[2], sides[0] != sides[3]],
                       axis=-1)  # (G − 1, G − 1, 4)
    i, j = np.nonzero(crossed.any(axis=-1))  # the cells the level passes through: few of them
    a, b, c, d = values[i, j], values[i, j + 1], values[i + 1, j + 1], values[i + 1, j]  # (k,) each
    x0, x1, y0, y1 = plane.xs[j], plane.xs[j + 1], plane.ys[i], plane.ys[i + 1]

    def between(u, v, start, end):  # where level lies between corner values u and v, from start to end
        return start + (level - u) / (v - u) * (end - start)  # u ≠ v: one is above the level, the other not

    with np.errstate(divide="ignore", invalid="ignore"):  # edges not crossed are computed, then left out
        points = np.stack([np.stack([between(a, b, x0, x1), y0], -1), np.stack([x1, between(b, c, y0, y1)], -1),
                           np.stack([between(d, c, x0, x1), y1], -1), np.stack([x0, between(a, d, y0, y1)], -1)],
                          axis=1)  # (k, 4, 2)
    crossed = crossed[i, j]  # (k, 4)
    single = crossed.sum(axis=1) == 2
    edges = np.nonzero(crossed[single])[1].reshape(-1, 2)  # the two crossed edges of each such cell, in order
    segments = [points[single][np.arange(len(edges))[:, None], edges]]  # (k, 2, 2)
    saddle = ~single
    if saddle.any():
        joined = ((a + b + c + d)[saddle] / 4 > level) == sides[0][i, j][saddle]  # a and c joined: cut off b and d
        corners = points[saddle]  # (s, 4, 2)
        segments.append(np.where(joined[:, None, None], corners[:, [0, 1]], corners[:, [0, 3]]))
        segments.append(np.where(joined[:, None, None], corners[:, [3, 2]], corners[:, [1, 2]]))
    return np.concatenate(segments)


def value_range(*values: np.ndarray) -> tuple[float, float]:
    """The lowest and the highest finite value of all `values`, at least 1e-9 apart (a colour scale needs a span)."""
    lows, highs = [], []
    for v in values:
        v = np.ravel(v)
        if not np.isfinite(v).all():
            v = v[np.isfinite(v)]
        if v.size:
            lows.append(float(v.min()))
            highs.append(float(v.max()))
    low, high = (min(lows), max(highs)) if lows else (0.0, 1.0)
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
    shown = value_range(values)
    largest = max(abs(shown[0]), abs(shown[1]))
    return (0.0, largest) if low == 0 else (-largest, largest)
