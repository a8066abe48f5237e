"""PeakDecimator: each pixel column's lowest and highest value of a growing series, so a plot of any length draws
from O(pixels) points, and draws only values the series has, where and in the order it has them.

Level k keeps, for every complete block of BASE·FACTOR^(k−1) values, where its lowest and its highest value are.
Appending m values adds O(m) of these, instead of reducing the whole history on every refresh. A pixel column is
a run of whole blocks of the coarsest level that fits in a column, plus at each end at most FACTOR − 1 blocks of
each finer level and BASE − 1 single values: so its extremes cost O(1) blocks, and a view O(pixels), however long
the series. Drawn at the steps where they occurred, in that order, a series that only falls is drawn falling.
"""

import numpy as np

BASE = 64
FACTOR = 4


class _Column:
    """An index array that grows by doubling."""

    def __init__(self):
        self.data = np.empty(256, dtype=np.int64)
        self.size = 0

    def set_tail(self, start: int, values: np.ndarray) -> None:
        end = start + values.size
        if end > self.data.size:
            grown = np.empty(max(end, 2 * self.data.size), dtype=np.int64)
            grown[:self.size] = self.data[:self.size]
            self.data = grown
        self.data[start:end] = values
        self.size = end

    def view(self) -> np.ndarray:
        return self.data[:self.size]


class PeakDecimator:
    """Summaries of one series; update() with the whole series as it grows, then points() for a view."""

    def __init__(self):
        self._source = None  # the buffer our summaries were computed from
        self._levels: list[tuple[_Column, _Column]] = []  # (where the lows are, where the highs are), level 1 first

    @staticmethod
    def block(level: int) -> int:
        """Values per block at `level` (0: single values, 1, 2, ...)."""
        return BASE * FACTOR ** (level - 1) if level else 1

    def update(self, values: np.ndarray) -> None:
        """Summarise `values`; cheap when it extends or cuts back what was summarised before (the same buffer)."""
        source = values.base if values.base is not None else values
        if source is not self._source:
            self._source, self._levels = source, []
        level = 1
        while values.size >= self.block(level):
            if len(self._levels) < level:
                self._levels.append((_Column(), _Column()))
            lows, highs = self._levels[level - 1]
            keep = values.size // self.block(level)  # complete blocks
            have = min(lows.size, keep)  # still valid: a shorter series is an undo, whose values are those we
            # summarised (a trace writes only past the end of its buffer's newest state)
            parts = self.block(level) // self.block(level - 1)  # finer units per block
            units = slice(have * parts, keep * parts)
            finer = [np.arange(units.start, units.stop)] * 2 if level == 1 else \
                [c.view()[units] for c in self._levels[level - 2]]
            lows.set_tail(have, _extreme(values, finer[0], parts, low=True))
            highs.set_tail(have, _extreme(values, finer[1], parts, low=False))
            level += 1
        del self._levels[level - 1:]

    def points(self, values: np.ndarray, start: float, stop: float, pixels: int) -> tuple[np.ndarray, np.ndarray]:
        """(x, y) to draw values over a view of steps [start, stop] that is `pixels` wide: every value when there
        are at most two per pixel, else each pixel column's lowest and highest value in the order they occurred;
        always the first and the last value in view."""
        n = values.size
        lo, hi = max(0, int(np.floor(start))), min(n, int(np.ceil(stop)) + 1)
        if hi <= lo:
            return np.empty(0), np.empty(0)
        per_pixel = (stop - start) / pixels  # steps per pixel column
        if per_pixel <= 2:
            return np.arange(lo, hi, dtype=np.float64), values[lo:hi]
        edges = _column_edges(lo, hi, start, per_pixel)
        lows, highs = self._extremes(values, edges[:-1], edges[1:], per_pixel)
        steps = np.sort(np.stack([lows, highs], axis=1), axis=1).ravel()  # (2 * columns,) in order
        steps = np.concatenate([[lo], steps, [hi - 1]])
        steps = steps[np.diff(steps, prepend=-1) > 0]
        return steps.astype(np.float64), values[steps]

    def _extremes(self, values: np.ndarray, a: np.ndarray, b: np.ndarray, width: float) -> list[np.ndarray]:
        """Where the lowest and the highest value of each values[a:b] are (NaN counts only where all are NaN)."""
        top = 0  # the coarsest level whose blocks fit in a column
        while top < len(self._levels) and self.block(top + 1) <= width:
            top += 1
        start, parts = a, []
        for level in range(top):  # the ends of each column that are not whole blocks of the next level
            unit, outer = self.block(level), self.block(level + 1)
            a_next = np.minimum(-(-a // outer) * outer, b)  # a and b are multiples of `unit`
            b_next = np.maximum(b // outer * outer, a_next)
            parts += [self._units(level, a // unit, a_next // unit), self._units(level, b_next // unit, b // unit)]
            a, b = a_next, b_next
        parts.append(self._units(top, a // self.block(top), b // self.block(top)))
        lows, highs, valid = (np.concatenate(p, axis=1) for p in zip(*parts))  # (columns, candidates)
        rows = np.arange(a.size)
        found = []
        for at, sign in ((lows, 1.0), (highs, -1.0)):
            key = np.where(valid, sign * values[at], np.inf)  # lowest key first; NaN last
            pick = np.where(np.isnan(key), np.inf, key).argmin(1)
            # a column of NaN only is drawn as its first NaN
            found.append(np.where(key[rows, pick] < np.inf, at[rows, pick], start))
        return found

    def _units(self, level: int, first: np.ndarray, stop: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(lows, highs, valid): where the extremes of units first..stop − 1 of `level` are, one row per column."""
        k = np.arange(max(int((stop - first).max(initial=0)), 0))
        valid = k < (stop - first)[:, None]  # (columns, k)
        units = np.where(valid, first[:, None] + k, 0)
        if level == 0:
            return units, units, valid
        lows, highs = self._levels[level - 1]
        return lows.view()[units], highs.view()[units], valid


def _extreme(values: np.ndarray, finer: np.ndarray, parts: int, low: bool) -> np.ndarray:
    """For each run of `parts` finer units (given by where their extremes are), where the run's extreme is."""
    runs = finer.reshape(-1, parts)  # (blocks, parts)
    v = values[runs]
    nan = np.isnan(v)
    pick = np.where(nan, np.inf, v).argmin(1) if low else np.where(nan, -np.inf, v).argmax(1)
    return runs[np.arange(runs.shape[0]), pick]


def _column_edges(lo: int, hi: int, start: float, per_pixel: float) -> np.ndarray:
    """The first step of each pixel column holding steps lo..hi − 1, then hi; step s is in column
    floor((s − start) / per_pixel)."""
    first, last = (int(np.floor((s - start) / per_pixel)) for s in (lo, hi - 1))
    column = np.arange(first + 1, last + 1)
    edges = np.ceil(start + column * per_pixel).astype(np.int64)
    # rounding may put an edge one step off the formula above: move it onto it
    edges += np.floor((edges - start) / per_pixel) < column
    edges -= np.floor((edges - 1 - start) / per_pixel) >= column
    return np.concatenate([[lo], edges, [hi]])
