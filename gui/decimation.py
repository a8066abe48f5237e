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
        self._n = 0  # values summarised
        self._drawn = None  # (column edges, where their extremes are) of the last view

    @staticmethod
    def block(level: int) -> int:
        """Values per block at `level` (0: single values, 1, 2, ...)."""
        return BASE * FACTOR ** (level - 1) if level else 1

    def update(self, values: np.ndarray) -> None:
        """Summarise `values`; cheap when it extends or cuts back what was summarised before (the same buffer)."""
        source = values.base if values.base is not None else values
        if source is not self._source or values.size < self._n:
            self._drawn = None  # a column of the last view may hold other values now
        if source is not self._source:
            self._source, self._levels = source, []
        self._n = values.size
        # a shorter series is an undo, whose values are those we summarised (a trace writes only past the end of its
        # buffer's newest state): keep the blocks it still completes
        del self._levels[sum(values.size >= self.block(level) for level in range(1, len(self._levels) + 1)):]
        for level, (lows, highs) in enumerate(self._levels, start=1):
            lows.size = highs.size = min(lows.size, values.size // self.block(level))
        level = 1
        while values.size >= self.block(level):
            if len(self._levels) < level:
                self._levels.append((_Column(), _Column()))
            lows, highs = self._levels[level - 1]
            have, keep = lows.size, values.size // self.block(level)  # complete blocks summarised, and to be
            if have == keep:  # nothing new here, so nothing new above
                break
            parts = self.block(level) // self.block(level - 1)  # finer units per block
            units = slice(have * parts, keep * parts)
            finer = [np.arange(units.start, units.stop)] * 2 if level == 1 else \
                [c.view()[units] for c in self._levels[level - 2]]
            lows.set_tail(have, _pick(values, finer[0].reshape(-1, parts), low=True))  # (blocks, parts) -> (blocks,)
            highs.set_tail(have, _pick(values, finer[1].reshape(-1, parts), low=False))
            level += 1

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
        steps = self._column_extremes(values, _column_edges(lo, hi, start, per_pixel), per_pixel).ravel()
        steps = np.concatenate([[lo], steps, [hi - 1]])
        steps = steps[np.diff(steps, prepend=-1) > 0]
        return steps.astype(np.float64), values[steps]

    def _column_extremes(self, values: np.ndarray, edges: np.ndarray, width: float) -> np.ndarray:
        """(columns, 2): where each column's lowest and highest value are, in order. Following a growing series in
        an unmoved view, only the last column is new: the others are the last view's (the series only grew)."""
        done = 0
        if self._drawn is not None:
            drawn_edges, drawn = self._drawn
            done = len(drawn_edges) - 2  # all but the last column, which the series may have grown into
            if not 0 < done < len(edges) - 1 or not np.array_equal(edges[:done + 1], drawn_edges[:done + 1]):
                done = 0
        new = np.sort(np.stack(self._extremes(values, edges[done:-1], edges[done + 1:], width), axis=1), axis=1)
        extremes = np.concatenate([drawn[:done], new]) if done else new
        self._drawn = (edges, extremes)
        return extremes

    def _extremes(self, values: np.ndarray, a: np.ndarray, b: np.ndarray, width: float) -> list[np.ndarray]:
        """Where the lowest and the highest value of each values[a:b] are (NaN counts only where all are NaN)."""
        top = 0  # the coarsest level whose blocks fit in a column
        while top < len(self._levels) and self.block(top + 1) <= width:
            top += 1
        first, parts = a, []  # a column's first step stands in for its empty candidate slots
        for level in range(top):  # the ends of each column that are not whole blocks of the next level
            unit, outer = self.block(level), self.block(level + 1)
            a_next = np.minimum(-(-a // outer) * outer, b)  # a and b are multiples of `unit`
            b_next = np.maximum(b // outer * outer, a_next)
            parts += [self._units(level, a // unit, a_next // unit, first),
                      self._units(level, b_next // unit, b // unit, first)]
            a, b = a_next, b_next
        parts.append(self._units(top, a // self.block(top), b // self.block(top), first))
        lows, highs = (np.concatenate(p, axis=1) for p in zip(*parts))  # (columns, candidates)
        return [_pick(values, lows, low=True), _pick(values, highs, low=False)]

    def _units(self, level: int, first: np.ndarray, stop: np.ndarray,
               stand_in: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(lows, highs): where the extremes of units first..stop − 1 of `level` are, a row per column, the rest of
        each row `stand_in`."""
        units = first[:, None] + np.arange(max(int((stop - first).max(initial=0)), 0))  # (columns, k)
        valid = units < stop[:, None]
        if level == 0:
            at = np.where(valid, units, stand_in[:, None])
            return at, at
        units = np.where(valid, units, 0)
        return tuple(np.where(valid, c.view()[units], stand_in[:, None]) for c in self._levels[level - 1])


def _pick(values: np.ndarray, at: np.ndarray, low: bool) -> np.ndarray:
    """Per row of candidate steps `at`, the one with the lowest (or highest) value; NaN only where all are NaN."""
    v = values[at]  # (rows, candidates)
    nan = np.isnan(v)
    if nan.any():
        v = np.where(nan, np.inf if low else -np.inf, v)
    return at[np.arange(at.shape[0]), v.argmin(1) if low else v.argmax(1)]


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
