"""Problem: what the user sets besides W — input, target, activation and precision."""

import dataclasses
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from core.activations import activation
from core.i18n import QT_TRANSLATE_NOOP, Message

DTYPES = {"float32": np.float32, "float64": np.float64}
MAX_SIZE = 16  # largest n_in and n_out the tool supports


def check_dtype(name: str) -> np.dtype:
    """The numpy dtype called `name`, or a ValueError."""
    try:
        return np.dtype(DTYPES[name])
    except KeyError:
        raise ValueError(f"unknown dtype {name!r}; choose float32 or float64") from None


def frozen_vector(values, what: str) -> np.ndarray:
    """A read-only float64 vector of 1 to MAX_SIZE finite numbers, or a ValueError naming `what`."""
    v = np.array(values, dtype=np.float64)
    if v.ndim != 1 or not 1 <= v.size <= MAX_SIZE:
        raise ValueError(Message(QT_TRANSLATE_NOOP("core", "{what} must be a list of 1 to {most} numbers, not "
                                                           "shape {shape}"), what=what, most=MAX_SIZE,
                                 shape=str(v.shape)))
    if not np.isfinite(v).all():
        raise ValueError(Message(QT_TRANSLATE_NOOP("core", "{what} must hold finite numbers only"), what=what))
    v.flags.writeable = False
    return v


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
    """The data and settings of a = f(W·x), L = mean((a − y)²); x and y as typed, in float64."""

    x: np.ndarray  # (n_in,)
    y: np.ndarray  # (n_out,)
    activation: str
    dtype: str  # float32 or float64, for both engines

    def __post_init__(self):
        object.__setattr__(self, "x", frozen_vector(self.x, "x"))
        object.__setattr__(self, "y", frozen_vector(self.y, "y"))
        activation(self.activation)
        for name in ("x", "y"):
            cast_finite(getattr(self, name), check_dtype(self.dtype), name)

    @property
    def n_in(self) -> int:
        return self.x.size

    @property
    def n_out(self) -> int:
        return self.y.size

    @property
    def np_dtype(self) -> np.dtype:
        return check_dtype(self.dtype)

    @cached_property
    def x_cast(self) -> np.ndarray:
        """x in the engines' dtype."""
        return self.x.astype(self.np_dtype)

    @cached_property
    def y_cast(self) -> np.ndarray:
        """y in the engines' dtype."""
        return self.y.astype(self.np_dtype)

    def replace(self, **changes) -> "Problem":
        return dataclasses.replace(self, **changes)
