"""The loss over two chosen parameters, the others held at their current values: the landscape under the path.

Parameters are named by their index in the flat vector of all of them (core.network.flatten): W1 row-major first,
then b1, W2, … The loss is the batch's that the next update takes, computed in float64.
"""

import math
from typing import NamedTuple

import numpy as np

from core.losses import loss as loss_named
from core.network import NetworkSpec, layers_from, unflatten
from core.numeric import BUDGET, entry_cost

CHUNK = 1 << 22  # numbers per layer output computed at once: bounds memory for a large batch
MIN_COUNT = 9  # grid points per axis however large the network: a coarse landscape rather than a frozen window


def loss_surface(network: NetworkSpec, theta: np.ndarray, first: int, second: int, us: np.ndarray, vs: np.ndarray,
                 X: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """L at θ with θ[first] = u and θ[second] = v for every u in `us`, v in `vs`: shape (len(vs), len(us)).

    Only the layers from the lower of the two parameters' up change, so the batch runs to there once, and the
    whole grid of networks from there on at once (in chunks), stacked along a leading axis.
    """
    if first == second:
        raise ValueError("choose two different parameters")
    theta = np.asarray(theta, dtype=np.float64)
    base = unflatten(network, theta)
    names = _owners(network)
    lowest = min(network.layer_of(names[first]), network.layer_of(names[second]))
    X = np.asarray(X, dtype=np.float64)
    targets = targets if loss_named(network.loss).takes_labels else np.asarray(targets, dtype=np.float64)
    h = layers_from(network, base, X)[1][lowest - 2] if lowest > 1 else X  # a_{lowest−1}
    u, v = np.meshgrid(np.asarray(us, dtype=np.float64), np.asarray(vs, dtype=np.float64))  # (len(vs), len(us))
    u, v = u.ravel(), v.ravel()
    losses = np.empty(u.size)
    per_chunk = max(1, CHUNK // (X.shape[0] * max(network.widths)))
    with np.errstate(over="ignore", invalid="ignore"):
        for start in range(0, u.size, per_chunk):
            grid = slice(start, start + per_chunk)
            stacked = np.repeat(theta[None, :], len(losses[grid]), axis=0)  # (k, P)
            stacked[:, first], stacked[:, second] = u[grid], v[grid]
            varied = unflatten(network, stacked)  # every parameter with a leading (k,) axis
            params = base | {names[first]: varied[names[first]], names[second]: varied[names[second]]}
            _, outs = layers_from(network, params, h, lowest)
            losses[grid] = loss_named(network.loss).value(outs[-1], targets)
    return losses.reshape(len(vs), len(us))


def affordable_count(network: NetworkSpec, first: int, second: int, batch: int, count: int,
                     budget: float = BUDGET) -> int:
    """Grid points per axis, `count` or fewer, so that the grid costs at most `budget` multiply-adds (the central
    differences' budget): a large network on a large batch gets a coarser grid, never under MIN_COUNT points."""
    names = _owners(network)
    lowest = min(network.layer_of(names[first]), network.layer_of(names[second]))
    per_network = entry_cost(network, lowest, batch) / 2  # one network from the lowest changed layer up
    return int(min(count, max(MIN_COUNT, math.isqrt(int(budget // per_network)))))


def _owners(network: NetworkSpec) -> list[str]:
    """The parameter each flat index belongs to."""
    return [name for name, shape in network.shapes.items() for _ in range(int(np.prod(shape)))]


def around(centre: float, points: np.ndarray, count: int, min_half_width: float = 1.0) -> np.ndarray:
    """`count` evenly spaced values spanning every finite value of `points` with a margin, `centre` among them
    exactly (so the grid has a node at the current weights)."""
    points = np.asarray(points, dtype=np.float64)
    points = points[np.isfinite(points)]
    low = min(centre, points.min()) if points.size else centre
    high = max(centre, points.max()) if points.size else centre
    half = max(min_half_width, 0.6 * (high - low))
    spacing = 2 * half / (count - 1)
    first = int(round((0.5 * (low + high) - half - centre) / spacing))  # nodes below the centre, negated
    first = min(max(first, 1 - count), 0)
    return centre + spacing * np.arange(first, first + count)


class Landscape(NamedTuple):
    """What the landscape view draws: the loss over a grid of two weights, and where both engines went."""

    us: np.ndarray  # values of the first weight (columns)
    vs: np.ndarray  # values of the second weight (rows)
    surface: np.ndarray  # (len(vs), len(us)) loss
    # manual, torch, forgetful: (points, 2), the kept path, then the current weights; the forgetful twin's since it
    # was last added, and (0, 2) while it is off
    paths: tuple[np.ndarray, np.ndarray, np.ndarray]
    node: tuple[int, int]  # (row, column) of `surface` at the current weights: the grid has a node there

    def ranks(self) -> np.ndarray:
        """Each value's rank among the finite ones, 0 to 1: shading by rank gives a valley and a plateau in one
        view both their share of the colours and contours."""
        finite = self._sorted_finite()
        return np.searchsorted(finite, self.surface) / max(finite.size, 1)

    def colour_scale(self, count: int) -> tuple[np.ndarray, np.ndarray]:
        """Ticks for a colour bar of ranks: up to `count` values of the surface from the lowest to the highest,
        evenly spaced in rank (fewer where values repeat), and their ranks as ranks() gives them, so each tick
        names the loss of the cells shaded in its colour. Evenly spaced in colour, unevenly in loss."""
        finite = self._sorted_finite()
        if not finite.size:
            return finite, finite
        values = np.unique(finite[np.round(np.linspace(0, finite.size - 1, count)).astype(int)])
        return np.searchsorted(finite, values) / finite.size, values

    def _sorted_finite(self) -> np.ndarray:
        return np.sort(self.surface[np.isfinite(self.surface)])


def landscape(state, first: int, second: int, count: int) -> Landscape | None:
    """The loss around a SessionState's current parameters over flat indices `first` and `second`, spanning the
    paths, on a grid of `count` points per axis (fewer beyond the budget: affordable_count); None if the current
    parameters are not all finite (a diverged state has no loss around it). Points of the paths that are not finite
    are left out."""
    theta = state.flat_parameters()[0].astype(np.float64)
    if not np.isfinite(theta).all():
        return None
    paths = []
    for e, now in enumerate(state.flat_parameters()):
        kept = state.path.weights(e)
        if now is None:  # the twin is off
            paths.append(np.empty((0, 2)))
            continue
        if e == 2:  # the twin's points since it was last added: it is NaN where it was off
            off = np.flatnonzero(np.isnan(kept).all(axis=1))
            kept = kept[off[-1] + 1 if off.size else 0:]
        path = np.vstack([kept[:, [first, second]], [[float(now[first]), float(now[second])]]])
        paths.append(path[np.isfinite(path).all(axis=1)])
    paths = tuple(paths)
    every = np.vstack(paths)
    X, targets = state.batch()
    count = affordable_count(state.problem.network, first, second, len(X), count)
    us = around(theta[first], every[:, 0], count)
    vs = around(theta[second], every[:, 1], count)
    node = int(np.argmin(np.abs(vs - theta[second]))), int(np.argmin(np.abs(us - theta[first])))
    surface = loss_surface(state.problem.network, theta, first, second, us, vs, X, targets)
    return Landscape(us, vs, surface, paths, node)
