"""LossTrace and MetricTrace: what each past state recorded, shared between undo states without copying.

A trace is an immutable (buffer, length) view of rows of numbers, one row per past state. Appending writes into
the shared buffer when this trace is the buffer's newest one; a trace whose buffer has moved on (an undone state
stepping again) copies its prefix first. So stepping is amortised O(1), and every state kept for undo still reads
its own history.
"""

import numpy as np


class _Buffer:
    """Growable rows of `columns` float64; `used` rows are valid."""

    def __init__(self, columns: int, capacity: int = 1024):
        self.data = np.empty((capacity, columns))  # (capacity, columns)
        self.used = 0

    @classmethod
    def holding(cls, rows: np.ndarray) -> "_Buffer":
        """A buffer whose first rows are `rows` (n, columns), with room to grow."""
        buffer = cls(rows.shape[1], max(1024, 2 * len(rows)))
        buffer.data[: len(rows)] = rows
        buffer.used = len(rows)
        return buffer

    def prefix_copy(self, length: int) -> "_Buffer":
        return _Buffer.holding(self.data[:length])

    def push(self, row) -> None:
        if self.used == len(self.data):  # full: double, as pyqtgraph's scrollingPlots example does
            self.data = np.concatenate([self.data, np.empty_like(self.data)])
        self.data[self.used] = row
        self.used += 1


class _Rows:
    """Rows 0 .. len − 1 of a shared buffer."""

    __slots__ = ("_buffer", "_length")

    def __init__(self, buffer: _Buffer, length: int):
        self._buffer = buffer
        self._length = length

    def __len__(self) -> int:
        return self._length

    def _appended(self, row) -> tuple[_Buffer, int]:
        """The buffer and length of this trace with `row` after its last."""
        buffer = self._buffer
        if buffer.used != self._length:  # another trace has written past our end: branch off
            buffer = buffer.prefix_copy(self._length)
        buffer.push(row)
        return buffer, self._length + 1

    def _view(self, columns) -> np.ndarray:
        """Read-only view of one column (an int) or several (a slice) of the rows."""
        v = self._buffer.data[: self._length, columns]
        v.flags.writeable = False
        return v


class LossTrace(_Rows):
    """Losses of states 0 .. len − 1, manual and torch."""

    __slots__ = ()

    def __init__(self, buffer: _Buffer | None = None, length: int = 0):
        super().__init__(buffer or _Buffer(3), length)  # [manual, torch, forgetful]; forgetful NaN when off

    @classmethod
    def from_arrays(cls, manual, torch, forgetful=None) -> "LossTrace":
        manual, torch = np.asarray(manual, dtype=np.float64), np.asarray(torch, dtype=np.float64)
        forgetful = np.full(manual.size, np.nan) if forgetful is None else np.asarray(forgetful, dtype=np.float64)
        return cls(_Buffer.holding(np.stack([manual, torch, forgetful], axis=1)), manual.size)

    def appended(self, manual: float, torch: float, forgetful: float = np.nan) -> "LossTrace":
        return LossTrace(*self._appended((manual, torch, forgetful)))

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


class MetricTrace(_Rows):
    """The hand-written engine's accuracy and each layer's gradient norm at states 0 .. len − 1, each on the batch
    its update took (core.metrics); NaN where not known (mse has no accuracy; files from before kept none)."""

    __slots__ = ()

    @classmethod
    def unknown(cls, steps: int, layers: int) -> "MetricTrace":
        """`steps` states of which nothing is known."""
        return cls.from_arrays(np.full(steps, np.nan), np.full((steps, layers), np.nan))

    @classmethod
    def from_arrays(cls, accuracy, norms) -> "MetricTrace":
        """accuracy (n,) and norms (n, L): the rows [accuracy, ‖dL/dW_1‖, …, ‖dL/dW_L‖]."""
        accuracy, norms = np.asarray(accuracy, dtype=np.float64), np.asarray(norms, dtype=np.float64)
        return cls(_Buffer.holding(np.concatenate([accuracy[:, None], norms], axis=1)), accuracy.size)

    def appended(self, accuracy: float, norms: np.ndarray) -> "MetricTrace":
        """With one more state's accuracy and (L,) gradient norms."""
        row = np.empty(1 + self.layers)
        row[0], row[1:] = accuracy, norms
        return MetricTrace(*self._appended(row))

    @property
    def layers(self) -> int:
        return self._buffer.data.shape[1] - 1

    @property
    def accuracy(self) -> np.ndarray:
        """Read-only view of the accuracies, (len,)."""
        return self._view(0)

    def norm(self, layer: int) -> np.ndarray:
        """Read-only view of ‖dL/dW_layer‖ (layer 1 … L), (len,)."""
        if not 1 <= layer <= self.layers:
            raise IndexError(f"no layer {layer} of {self.layers}")
        return self._view(layer)

    @property
    def norms(self) -> np.ndarray:
        """Read-only view of every layer's gradient norm, (len, L)."""
        return self._view(slice(1, None))
