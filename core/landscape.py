"""The loss over two chosen weights, the others held at their current values: the landscape under the path."""

from typing import NamedTuple

import numpy as np

from core.activations import activation
from core.problem import Problem


def loss_surface(problem: Problem, weight: np.ndarray, first: tuple[int, int], second: tuple[int, int],
                 us: np.ndarray, vs: np.ndarray) -> np.ndarray:
    """L at W with W[first] = u and W[second] = v for every u in `us`, v in `vs`: shape (len(vs), len(us)).

    Computed in float64 for the whole grid at once: z = W·x changes only in rows first[0] and second[0].
    """
    if first == second:
        raise ValueError("choose two different weights")
    w = np.asarray(weight, dtype=np.float64)
    x, y = problem.x, problem.y
    (i, j), (k, l) = first, second
    u, v = np.asarray(us, dtype=np.float64)[None, :], np.asarray(vs, dtype=np.float64)[:, None]
    z = np.broadcast_to(w @ x, (len(vs), len(us), problem.n_out)).copy()  # (v, u, n_out)
    z[..., i] += (u - w[i, j]) * x[j]
    z[..., k] += (v - w[k, l]) * x[l]
    with np.errstate(over="ignore", invalid="ignore"):
        a = activation(problem.activation).function(z)
        return np.mean((a - y) ** 2, axis=-1)


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


def landscape(state, first: tuple[int, int], second: tuple[int, int], count: int) -> Landscape | None:
    """The loss around a SessionState's current weights over `first` and `second`, spanning the paths; None if
    the current weights are not all finite (a diverged state has no loss around it). Points of the paths that are
    not finite are left out."""
    w = state.manual.weight.astype(np.float64)
    if not np.isfinite(w).all():
        return None
    paths = []
    for e, now in enumerate((state.manual, state.torch, state.forgetful)):
        kept = state.path.weights(e)
        if now is None:  # the twin is off
            paths.append(np.empty((0, 2)))
            continue
        if e == 2:  # the twin's points since it was last added: it is NaN where it was off
            off = np.flatnonzero(np.isnan(kept).all(axis=(1, 2)))
            kept = kept[off[-1] + 1 if off.size else 0:]
        path = np.vstack([np.column_stack([kept[:, first[0], first[1]], kept[:, second[0], second[1]]]),
                          [[float(now.weight[first]), float(now.weight[second])]]])
        paths.append(path[np.isfinite(path).all(axis=1)])
    paths = tuple(paths)
    every = np.vstack(paths)
    us = around(w[first], every[:, 0], count)
    vs = around(w[second], every[:, 1], count)
    node = int(np.argmin(np.abs(vs - w[second]))), int(np.argmin(np.abs(us - w[first])))
    return Landscape(us, vs, loss_surface(state.problem, w, first, second, us, vs), paths, node)
