"""Data: m samples of inputs and targets, whether they fit a network and loss, and how they are cut into batches.

Batches follow torch's `DataLoader(dataset, batch_size=B, shuffle=False)`: each epoch goes through the samples in
order, in ceil(m / B) batches, the last one shorter. With shuffling, epoch e goes through them in the order
`np.random.default_rng([seed, e]).permutation(m)` instead: exact, and the same however position k is reached.
"""

import dataclasses
import functools
import numbers
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from core.i18n import QT_TRANSLATE_NOOP, Message
from core.losses import loss as loss_named
from core.losses import one_hot as one_hot_rows

MAX_SAMPLES = 10_000
MAX_COLUMNS = 16  # at most 16 inputs and at most 16 target columns (a network's widths are 1..16)

NUMBERS_ONLY = QT_TRANSLATE_NOOP("core", "{what} must hold numbers only")
NOT_TABLE = QT_TRANSLATE_NOOP("core", "{what} must be a table with one row per sample, not shape {shape}")
SAMPLES = QT_TRANSLATE_NOOP("core", "the data must hold 1 to {most} samples, not {m}")
COLUMNS = QT_TRANSLATE_NOOP("core", "{what} must have 1 to {most} columns, not {n}")
SAMPLES_DIFFER = QT_TRANSLATE_NOOP("core", "samples in X: {m_x}, in Y: {m_y}; every sample needs its inputs and its "
                                   "targets")
NOT_FINITE = QT_TRANSLATE_NOOP("core", "{what} must hold finite numbers only")
NOT_CLASSES = QT_TRANSLATE_NOOP("core", "the targets must be one column of whole class indices (0, 1, 2, …)")
NOT_IN_CLASSES = QT_TRANSLATE_NOOP("core", "a class index is outside 0 to {last}")
INPUTS_DIFFER = QT_TRANSLATE_NOOP("core", "input columns in the data: {found}; inputs of the network: {n_in}")
TARGETS_DIFFER = QT_TRANSLATE_NOOP("core", "target columns in the data: {found}; outputs of the network: {n_out}")
BCE_RANGE = QT_TRANSLATE_NOOP("core", "binary cross-entropy needs targets from 0 to 1; sample {sample} has {value}")
CE_COLUMN = QT_TRANSLATE_NOOP("core", "cross-entropy needs one column of class indices; the data has {found} "
                              "target columns")
CE_OUTPUTS = QT_TRANSLATE_NOOP("core", "cross-entropy needs at least 2 outputs, one per class; the network has "
                               "{n_out}")
CE_WHOLE = QT_TRANSLATE_NOOP("core", "cross-entropy needs whole class indices; sample {sample} has {value}")
CE_RANGE = QT_TRANSLATE_NOOP("core", "sample {sample} has class {value}; with {n_out} outputs the classes are 0 to "
                             "{last}")
BATCH_SIZE = QT_TRANSLATE_NOOP("core", "the batch size must be a whole number from 1 to {most}")
SHUFFLE_SEED = QT_TRANSLATE_NOOP("core", "the shuffle seed must be a whole number, 0 or more")

_EXACT_INTEGERS = 2.0**53  # every whole float64 below this in size is an exact int64 too


class Generated(NamedTuple):
    """A generated data set and what it was drawn with (core.datasets.generate): enough to draw it again."""

    name: str
    samples: int
    noise: float
    seed: int


@dataclass(frozen=True, eq=False)
class Data:
    """m samples: inputs X and targets Y as typed, float64, read-only."""

    X: np.ndarray  # (m, n_in)
    Y: np.ndarray  # (m, n_targets): target values (mse, bce) or one column of class indices (ce)
    generated: Generated | None = None  # the data set these samples are, exactly; None once typed, read or edited

    def __post_init__(self):
        X, Y = _table(self.X, "X"), _table(self.Y, "Y")
        if X.shape[0] != Y.shape[0]:
            raise ValueError(Message(SAMPLES_DIFFER, m_x=X.shape[0], m_y=Y.shape[0]))
        object.__setattr__(self, "X", X)
        object.__setattr__(self, "Y", Y)

    @property
    def m(self) -> int:
        return self.X.shape[0]

    @property
    def n_in(self) -> int:
        return self.X.shape[1]

    @property
    def n_targets(self) -> int:
        return self.Y.shape[1]

    def labels(self) -> np.ndarray:
        """The class indices of a one-column Y of whole numbers, (m,) int64; ValueError for any other Y."""
        if self.n_targets != 1 or not _whole(self.Y).all():
            raise ValueError(Message(NOT_CLASSES))
        return self.Y[:, 0].astype(np.int64)

    def replace(self, **changes) -> "Data":
        """Other samples: no longer the generated set, unless `generated` says so."""
        return dataclasses.replace(self, **{"generated": None, **changes})


def _table(values, what: str) -> np.ndarray:
    """A read-only float64 (m, n) copy of `values` (a vector is one column of Y), or a ValueError naming `what`."""
    try:
        a = np.array(values, dtype=np.float64)
    except (TypeError, ValueError, OverflowError):
        raise ValueError(Message(NUMBERS_ONLY, what=what)) from None
    if a.ndim == 1 and what == "Y":
        a = a[:, None]  # (m,) -> (m, 1)
    if a.ndim != 2:
        raise ValueError(Message(NOT_TABLE, what=what, shape=str(a.shape)))
    if not 1 <= a.shape[0] <= MAX_SAMPLES:
        raise ValueError(Message(SAMPLES, most=MAX_SAMPLES, m=a.shape[0]))
    if not 1 <= a.shape[1] <= MAX_COLUMNS:
        raise ValueError(Message(COLUMNS, what=what, most=MAX_COLUMNS, n=a.shape[1]))
    if not np.isfinite(a).all():
        raise ValueError(Message(NOT_FINITE, what=what))
    a.flags.writeable = False
    return a


def _whole(values: np.ndarray) -> np.ndarray:
    """Which values are whole numbers that an int64 holds exactly."""
    return (values == np.round(values)) & (np.abs(values) < _EXACT_INTEGERS)


def one_hot(labels, classes: int) -> np.ndarray:
    """Class indices (m,) as rows of the identity, (m, classes) float64: the targets of mse for class data."""
    labels = np.asarray(labels, dtype=np.int64)
    if ((labels < 0) | (labels >= classes)).any():
        raise ValueError(Message(NOT_IN_CLASSES, last=classes - 1))
    return one_hot_rows(labels, classes)


def fits(data: Data, n_in: int, n_out: int, loss: str) -> str | None:
    """None if a network of n_in inputs and n_out outputs can learn `data` with `loss`, else why not (a Message)."""
    loss_named(loss)  # a ValueError naming the losses if it is none of them
    if data.n_in != n_in:
        return Message(INPUTS_DIFFER, found=data.n_in, n_in=n_in)
    if loss == "ce":
        return _fits_classes(data.Y, n_out)
    if data.n_targets != n_out:
        return Message(TARGETS_DIFFER, found=data.n_targets, n_out=n_out)
    if loss == "bce":
        return _first_outside(data.Y, (data.Y < 0) | (data.Y > 1), BCE_RANGE)
    return None


def _fits_classes(Y: np.ndarray, n_out: int) -> str | None:
    """Why class indices Y do not fit n_out outputs under cross-entropy, or None."""
    if Y.shape[1] != 1:
        return Message(CE_COLUMN, found=Y.shape[1])
    if n_out < 2:
        return Message(CE_OUTPUTS, n_out=n_out)
    return (_first_outside(Y, ~_whole(Y), CE_WHOLE)
            or _first_outside(Y, (Y < 0) | (Y >= n_out), CE_RANGE, n_out=n_out, last=n_out - 1))


def _first_outside(Y: np.ndarray, bad: np.ndarray, template: str, **values) -> str | None:
    """`template` filled with the first sample (1-based) where `bad` holds, its value, and `values`; or None."""
    if not bad.any():
        return None
    k, j = np.argwhere(bad)[0]
    v = float(Y[k, j])
    return Message(template, sample=int(k) + 1, value=str(int(v)) if _whole(v) else repr(v), **values)


@dataclass(frozen=True)
class Batching:
    """How each step takes its samples: all of them, or batches of `size` in data order or shuffled per epoch."""

    size: int | None = None  # None: all samples (full batch)
    shuffle: bool = False  # each epoch in the order np.random.default_rng([seed, epoch]).permutation(m)
    seed: int = 0

    def __post_init__(self):
        if self.size is not None:
            object.__setattr__(self, "size", whole_number(self.size, 1, MAX_SAMPLES,
                                                           Message(BATCH_SIZE, most=MAX_SAMPLES)))
        object.__setattr__(self, "seed", whole_number(self.seed, 0, None, Message(SHUFFLE_SEED)))
        object.__setattr__(self, "shuffle", bool(self.shuffle))


def whole_number(value, least: int, most: int | None, refusal: str) -> int:
    """`value` as an int from `least` to `most` (None: no limit), or ValueError(refusal); a bool is no number."""
    ok = isinstance(value, numbers.Integral) and not isinstance(value, bool)
    if not ok or value < least or (most is not None and value > most):
        raise ValueError(refusal)
    return int(value)


def batch_size(m: int, batching: Batching) -> int:
    """B: the samples in each batch but maybe the last."""
    return m if batching.size is None else min(batching.size, m)


def batches_per_epoch(m: int, batching: Batching) -> int:
    """ceil(m / B)."""
    return -(-m // batch_size(m, batching))


def batch_indices(m: int, batching: Batching, position: int) -> np.ndarray:
    """The sample indices of batch number `position` (0, 1, 2, … counted since the data or batching last changed)."""
    if not 1 <= m <= MAX_SAMPLES or position < 0:
        raise ValueError(f"no batch {position} of {m} samples")
    epoch, b = divmod(position, batches_per_epoch(m, batching))
    B = batch_size(m, batching)
    return epoch_order(m, batching, epoch)[b * B:(b + 1) * B]


def epoch_order(m: int, batching: Batching, epoch: int) -> np.ndarray:
    """The order (m,) in which epoch `epoch` visits the samples: 0..m−1, or its permutation when shuffling."""
    return _permutation(m, batching.seed, epoch) if batching.shuffle else _in_order(m)


@functools.lru_cache(maxsize=4)
def _in_order(m: int) -> np.ndarray:
    order = np.arange(m)
    order.flags.writeable = False  # shared by every caller
    return order


@functools.lru_cache(maxsize=4)
def _permutation(m: int, seed: int, epoch: int) -> np.ndarray:
    order = np.random.default_rng([seed, epoch]).permutation(m)
    order.flags.writeable = False  # shared by every caller
    return order
