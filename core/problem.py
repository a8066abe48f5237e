"""Problem: what the loss is a function of besides the parameters — the network, the data and how it is cut into
batches, the precision, and a deliberate mistake the hand-written backward may carry."""

import dataclasses
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from core.data import Batching, Data, batch_indices, batch_size, batches_per_epoch, fits
from core.i18n import QT_TRANSLATE_NOOP, Message
from core.mistakes import Mistake
from core.network import NetworkSpec

DTYPES = {"float32": np.float32, "float64": np.float64}

MISTAKE_REFUSED = QT_TRANSLATE_NOOP("core", "{mistake} cannot be made here: {reason}")


def check_dtype(name: str) -> np.dtype:
    """The numpy dtype called `name`, or a ValueError."""
    try:
        return np.dtype(DTYPES[name])
    except KeyError:
        raise ValueError(f"unknown dtype {name!r}; choose float32 or float64") from None


def cast_finite(values, dtype: np.dtype, what: str) -> np.ndarray:
    """`values` in `dtype`, or a ValueError if any of them is not finite there (3.4e38 fits float64, not float32)."""
    with np.errstate(over="ignore", invalid="ignore"):
        cast = np.asarray(values).astype(dtype)
    if not np.isfinite(cast).all():
        raise ValueError(Message(QT_TRANSLATE_NOOP("core", "{what} holds a number too large for {dtype}"), what=what,
                                 dtype=np.dtype(dtype).name))
    return cast


@dataclass(frozen=True, eq=False)
class Problem:
    """The network, its data (as typed, float64) and batching, the engines' precision, and a mistake or None."""

    network: NetworkSpec
    data: Data
    dtype: str = "float32"  # of both engines
    batching: Batching = Batching()
    mistake: Mistake | None = None  # in the hand-written backward only; torch and finite differences stay right

    def __post_init__(self):
        dtype = check_dtype(self.dtype)
        net = self.network
        refusal = fits(self.data, net.n_in, net.n_out, net.loss)
        if refusal:
            raise ValueError(refusal)
        cast_finite(self.data.X, dtype, "X")
        cast_finite(self.data.Y, dtype, "Y")
        if self.mistake is not None:
            refusal = self.mistake.refusal(net)
            if refusal:
                raise ValueError(Message(MISTAKE_REFUSED, mistake=self.mistake.key(), reason=refusal))

    @classmethod
    def one_layer(cls, x, y, activation: str = "sigmoid", dtype: str = "float32") -> "Problem":
        """The blog post's kind of problem: a = f(W·x), one sample x, target y, mean squared error."""
        x, y = np.atleast_1d(np.asarray(x, dtype=np.float64)), np.atleast_1d(np.asarray(y, dtype=np.float64))
        network = NetworkSpec.create([x.size, y.size], activation)
        return cls(network, Data(x[None, :], y[None, :]), dtype)

    def replace(self, **changes) -> "Problem":
        return dataclasses.replace(self, **changes)

    @property
    def np_dtype(self) -> np.dtype:
        return check_dtype(self.dtype)

    @property
    def m(self) -> int:
        return self.data.m

    @cached_property
    def X(self) -> np.ndarray:
        """Every sample's inputs in the engines' dtype, (m, N0)."""
        return _frozen(self.data.X.astype(self.np_dtype))

    @cached_property
    def targets(self) -> np.ndarray:
        """Every sample's targets as the loss takes them: (m, NL) in the dtype, or (m,) class indices for ce."""
        if self.network.loss == "ce":
            return _frozen(self.data.labels())
        return _frozen(self.data.Y.astype(self.np_dtype))

    @property
    def batch_size(self) -> int:
        return batch_size(self.m, self.batching)

    @property
    def batches_per_epoch(self) -> int:
        return batches_per_epoch(self.m, self.batching)

    @property
    def full_batch(self) -> bool:
        """Every step takes every sample (in data order: a mean does not depend on the order)."""
        return self.batch_size >= self.m

    def batch_indices(self, position: int) -> np.ndarray:
        """Which samples batch number `position` (counted since the data or batching last changed) takes."""
        if self.full_batch:
            return np.arange(self.m)
        return batch_indices(self.m, self.batching, position)

    def batch(self, position: int) -> tuple[np.ndarray, np.ndarray]:
        """(X, targets) of batch number `position`, in the dtype; the whole data, not copied, for a full batch."""
        if self.full_batch:
            return self.X, self.targets
        rows = self.batch_indices(position)
        return self.X[rows], self.targets[rows]

    # ---- one layer, one sample: what the one-layer views show

    @property
    def x(self) -> np.ndarray:
        """The first sample's inputs, as typed."""
        return self.data.X[0]

    @property
    def y(self) -> np.ndarray:
        """The first sample's targets, as typed."""
        return self.data.Y[0]

    @property
    def x_cast(self) -> np.ndarray:
        return self.X[0]

    @property
    def y_cast(self) -> np.ndarray:
        return self.targets[0]

    @property
    def activation(self) -> str:
        """The last layer's activation."""
        return self.network.activations[-1]

    @property
    def n_in(self) -> int:
        return self.network.n_in

    @property
    def n_out(self) -> int:
        return self.network.n_out


def _frozen(a: np.ndarray) -> np.ndarray:
    a.flags.writeable = False
    return a
