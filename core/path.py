"""WeightPath: where the trajectories' weights have been, thinned so a million steps cost as little as a thousand.

The loss landscape draws the optimizers' paths over any two parameters the user picks, so every parameter is kept
for each trajectory (by hand, torch, and the forgetful twin, NaN where it was off), as one flat vector in parameter
order (core.network.flatten), but not at every step: a point is kept every `stride` steps, and when
max_points(size) are held the stride doubles and every other point goes. Like
LossTrace, a path is an immutable (buffer, length) view shared between undo states: it writes into the buffer only
when it is the buffer's newest view, and thinning makes a new buffer, so a state kept for undo always reads its own
points.
"""

import numpy as np

MAX_POINTS = 2048  # a path keeps at most this many points ...
# ... and at most this many numbers per trajectory, so a 16×16 W keeps 256 points: the path then costs at most
# 1.6 MB however large the network is, and the autosave that writes it every few seconds stays quick
MAX_WEIGHTS = 65536
ENGINES = 3  # manual, torch, forgetful


def max_points(size: int) -> int:
    """How many points a path of `size` parameters keeps at most."""
    return max(2, min(MAX_POINTS, MAX_WEIGHTS // size))


class _Buffer:
    def __init__(self, size: int, stride: int, capacity: int = 64):
        self.steps = np.empty(capacity, dtype=np.int64)
        self.weights = np.empty((capacity, ENGINES, size))  # [manual, torch, forgetful] parameters at each kept step
        self.stride = stride
        self.used = 0

    @classmethod
    def holding(cls, steps: np.ndarray, weights: np.ndarray, stride: int) -> "_Buffer":
        buffer = cls(weights.shape[2], stride, max(64, 2 * len(steps)))
        buffer.steps[: len(steps)], buffer.weights[: len(steps)] = steps, weights
        buffer.used = len(steps)
        return buffer

    def copy(self, length: int, keep: np.ndarray | slice, stride: int) -> "_Buffer":
        return _Buffer.holding(self.steps[:length][keep], self.weights[:length][keep], stride)

    def push(self, step: int, manual: np.ndarray, torch: np.ndarray, forgetful: np.ndarray | None) -> None:
        if self.used == len(self.steps):
            self.steps = np.concatenate([self.steps, np.empty_like(self.steps)])
            self.weights = np.concatenate([self.weights, np.empty_like(self.weights)])
        self.steps[self.used] = step
        kept = self.weights[self.used]
        kept[0], kept[1], kept[2] = manual, torch, np.nan if forgetful is None else forgetful
        self.used += 1


class WeightPath:
    """Each trajectory's parameters (flat) at some of the steps 0 .. the current one (always step 0 and every
    `stride`-th)."""

    __slots__ = ("_buffer", "_length")

    def __init__(self, buffer: _Buffer, length: int):
        self._buffer = buffer
        self._length = length

    @classmethod
    def start(cls, step: int, manual: np.ndarray, torch: np.ndarray, forgetful: np.ndarray | None = None
              ) -> "WeightPath":
        buffer = _Buffer(manual.size, stride=1)
        buffer.push(step, manual, torch, forgetful)
        return cls(buffer, 1)

    @classmethod
    def restored(cls, steps: np.ndarray, weights: np.ndarray, stride: int) -> "WeightPath":
        """A path as saved (see `steps`, `weights` and `stride`): weights is (points, ENGINES, size)."""
        return cls(_Buffer.holding(steps, weights, stride), len(steps))

    def __len__(self) -> int:
        return self._length

    @property
    def stride(self) -> int:
        return self._buffer.stride

    def appended(self, step: int, manual: np.ndarray, torch: np.ndarray, forgetful: np.ndarray | None = None,
                 always: bool = False) -> "WeightPath":
        """The path with the state at `step` kept, if the stride keeps it or `always` (an edit: the path then shows
        the jump from the old to the new parameters at the same step). `forgetful` is None while the twin is off."""
        buffer = self._buffer
        if step % buffer.stride and not always:
            return self
        if buffer.used != self._length:  # another path has written past our end: branch off
            buffer = buffer.copy(self._length, slice(None), buffer.stride)
        if buffer.used >= max_points(buffer.weights.shape[2]):
            stride = 2 * buffer.stride
            buffer = buffer.copy(self._length, buffer.steps[: self._length] % stride == 0, stride)
            if step % stride and not always:
                return WeightPath(buffer, buffer.used)
        buffer.push(step, manual, torch, forgetful)
        return WeightPath(buffer, buffer.used)

    @property
    def steps(self) -> np.ndarray:
        return self._read(self._buffer.steps[: self._length])

    def weights(self, engine: int | None = None) -> np.ndarray:
        """(points, size) parameters of engine 0 (manual), 1 (torch) or 2 (forgetful: NaN where it was off) at
        `steps`, read-only; every engine's, (points, ENGINES, size), if no engine is named."""
        both = self._buffer.weights[: self._length]
        return self._read(both if engine is None else both[:, engine])

    @staticmethod
    def _read(view: np.ndarray) -> np.ndarray:
        view = view.view()
        view.flags.writeable = False
        return view
