"""How far apart two gradients are, and whether that is within the tolerance of the dtype."""

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Tolerance:
    """Agreement means a relative error (see Difference) of at most rtol.

    Below `floor` a gradient counts as ≈ 0 and differences are measured against the floor instead: rounding leaves
    noise of its own size there, however small the gradient, so the allowed difference never drops below
    atol = rtol · floor.
    """

    rtol: float
    floor: float

    @property
    def atol(self) -> float:
        """The smallest difference ever allowed."""
        return self.rtol * self.floor


# Manual vs torch: the same formula in the same dtype, so only rounding order differs (float32: torch fuses
# multiply-adds and rounds its sums differently).
# Manual vs central differences: truncation (h²) and cancellation (eps/h) errors of the difference quotient.
TOLERANCES: dict[tuple[str, str], Tolerance] = {
    ("float64", "torch"): Tolerance(rtol=1e-9, floor=1e-3),
    ("float64", "numeric"): Tolerance(rtol=1e-6, floor=1e-3),
    ("float32", "torch"): Tolerance(rtol=1e-4, floor=1e-2),
    ("float32", "numeric"): Tolerance(rtol=1e-4, floor=1e-2),
}


@dataclass(frozen=True)
class Difference:
    """max|a − b|, and the relative error: max|a − b| / max(max|a|, max|b|, floor).

    Relative to the largest entry of either gradient, as rounding is (it scales with the largest terms), or to the
    floor when both are smaller: near a minimum, where every gradient is ≈ 0, it stays small and finite.
    """

    max_abs: float
    scale: float  # max(max|a|, max|b|)
    tolerance: Tolerance

    @property
    def reference(self) -> float:
        """What max_abs is relative to: the largest |g|, or the floor when every |g| is smaller."""
        return max(self.scale, self.tolerance.floor)

    @property
    def relative(self) -> float:
        return self.max_abs / self.reference

    @property
    def agree(self) -> bool:
        """relative ≤ rtol; False for NaN too."""
        return bool(self.relative <= self.tolerance.rtol)


def difference(a: np.ndarray, b: np.ndarray, tolerance: Tolerance) -> Difference:
    """Compare two gradients of one shape (symmetric in a and b)."""
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    with np.errstate(invalid="ignore"):  # inf − inf is NaN, which reads as "disagree"
        max_abs = float(np.max(np.abs(a - b)))
        scale = float(np.max(np.maximum(np.abs(a), np.abs(b))))
    return Difference(max_abs, scale, tolerance)
