"""PeakDecimator: min/max summaries of a growing series, so a plot of any length draws from O(pixels) points.

Level k summarises blocks of BASE·FACTOR^(k−1) values by their min and max, like pyqtgraph's 'peak'
downsampling, but kept up to date incrementally: appending m values recomputes O(m) summaries plus one partial
block per level, instead of reducing the whole history on every refresh.
"""

import numpy as np

BASE = 64
FACTOR = 4


class _Column:
    """A float array that grows by doubling."""

    def __init__(self):
        self.data = np.empty(256)
        self.size = 0

    def set_tail(self, start: int, values: np.ndarray) -> None:
        end = start + values.size
        if end > self.data.size:
            grown = np.empty(max(end, 2 * self.data.size))
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
        self._n = 0  # values summarised
        self._levels: list[tuple[_Column, _Column]] = []  # (mins, maxs), level 1 first

    @staticmethod
    def block(level: int) -> int:
        """Values per block at `level` (1, 2, ...)."""
        return BASE * FACTOR ** (level - 1)

    def update(self, values: np.ndarray) -> None:
        """Summarise `values`; cheap when it extends what was summarised before (same buffer, longer)."""
        source = values.base if values.base is not None else values
        if source is not self._source or values.size < self._n:
            self._source, self._n, self._levels = source, 0, []
        changed = self._n  # first index whose summary may change
        self._n = values.size
        finer_min, finer_max, finer_size = values, values, values.size
        level = 1
        while finer_size > 1:
            if len(self._levels) < level:
                self._levels.append((_Column(), _Column()))
            step = BASE if level == 1 else FACTOR
            first = changed // step  # first block to recompute
            edges = np.arange(first * step, finer_size, step)
            if edges.size:
                mins, maxs = self._levels[level - 1]
                mins.set_tail(first, np.minimum.reduceat(finer_min[: finer_size], edges))
                maxs.set_tail(first, np.maximum.reduceat(finer_max[: finer_size], edges))
            mins, maxs = self._levels[level - 1]
            finer_min, finer_max, finer_size = mins.view(), maxs.view(), mins.size
            changed, level = first, level + 1
        del self._levels[level - 1:]

    def points(self, values: np.ndarray, start: float, stop: float, max_points: int) -> tuple[np.ndarray, np.ndarray]:
        """(x, y) to draw values[start:stop]: the values themselves if few, else min/max pairs per block."""
        n = values.size
        lo, hi = max(0, int(np.floor(start))), min(n, int(np.ceil(stop)) + 1)
        if hi <= lo:
            return np.empty(0), np.empty(0)
        count = hi - lo
        if count <= max_points or not self._levels:
            return np.arange(lo, hi, dtype=np.float64), values[lo:hi]
        level = 1  # the finest level giving at most max_points (two per block)
        while level < len(self._levels) and count / self.block(level) > max_points // 2:
            level += 1
        size = self.block(level)
        mins, maxs = (c.view() for c in self._levels[level - 1])
        first, last = lo // size, min(mins.size, -(-hi // size))
        centres = (np.arange(first, last, dtype=np.float64) + 0.5) * size
        y = np.empty(2 * (last - first))
        y[0::2], y[1::2] = mins[first:last], maxs[first:last]
        return np.repeat(centres, 2), y
