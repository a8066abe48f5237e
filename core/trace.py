"""LossTrace: the loss of each past state of both engines, shared between undo states without copying.

A trace is an immutable (buffer, length) view. Appending writes into the shared buffer when this trace is the
buffer's newest one; a trace whose buffer has moved on (an undone state stepping again) copies its prefix first.
So stepping is amortised O(1), and every state kept for undo still reads its own history.
"""

import numpy as np


class _Buffer:
    """Growable columns of losses; `used` rows are valid."""

    def __init__(self, capacity: int = 1024):
        self.data = np.empty((capacity, 3))  # (capacity, [manual, torch, forgetful]); forgetful NaN when off
        self.used = 0

    def prefix_copy(self, length: int) -> "_Buffer":
        copy = _Buffer(max(1024, 2 * length))
        copy.data[:length] = self.data[:length]
        copy.used = length
        return copy

    def push(self, manual: float, torch: float, forgetful: float) -> None:
        if self.used == len(self.data):  # full: double, as pyqtgraph's scrollingPlots example does
            self.data = np.concatenate([self.data, np.empty_like(self.data)])
        self.data[self.used] = manual, torch, forgetful
        self.used += 1


class LossTrace:
    """Losses of states 0 .. len − 1, manual and torch."""

    __slots__ = ("_buffer", "_length")

    def __init__(self, buffer: _Buffer | None = None, length: int = 0):
        self._buffer = buffer or _Buffer()
        self._length = length

    @classmethod
    def from_arrays(cls, manual, torch, forgetful=None) -> "LossTrace":
        manual, torch = np.asarray(manual, dtype=np.float64), np.asarray(torch, dtype=np.float64)
        buffer = _Buffer(max(1024, 2 * manual.size))
        buffer.data[: manual.size, 0], buffer.data[: manual.size, 1] = manual, torch
        buffer.data[: manual.size, 2] = np.nan if forgetful is None else np.asarray(forgetful, dtype=np.float64)
        buffer.used = manual.size
        return cls(buffer, manual.size)

    def __len__(self) -> int:
        return self._length

    def appended(self, manual: float, torch: float, forgetful: float = np.nan) -> "LossTrace":
        buffer = self._buffer
        if buffer.used != self._length:  # another trace has written past our end: branch off
            buffer = buffer.prefix_copy(self._length)
        buffer.push(manual, torch, forgetful)
        return LossTrace(buffer, self._length + 1)

    @property
    def manual(self) -> np.ndarray:
        """Read-only view of the manual engine's losses."""
        return self._view(0)

    @property
    def torch(self) -> np.ndarray:
        """Read-only view of the torch engine's losses."""
        return self._view(1)

    @property
    def forgetful(self) -> np.ndarray:
        """Read-only view of the forgetful optimizer's losses: NaN at steps taken without that trajectory."""
        return self._view(2)

    def _view(self, column: int) -> np.ndarray:
        v = self._buffer.data[: self._length, column]
        v.flags.writeable = False
        return v
