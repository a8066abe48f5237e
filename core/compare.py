"""How far apart two gradients are, and whether that is within the tolerance of the dtype."""

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Tolerance:
    """Agreement means max|a − b| ≤ atol + rtol · max|b|."""

    rtol: float
    atol: float


# Manual vs torch: the same formula in the same dtype, so only rounding order differs (float32: torch fuses
# multiply-adds and rounds its sums differently; the trajectories also drift apart by rounding over many steps).
# Manual vs central differences: truncation (h²) and cancellation (eps/h) errors of the difference quotient.
TOLERANCES: dict[tuple[str, str], Tolerance] = {
    ("float64", "torch"): Tolerance(rtol=1e-9, atol=1e-12),
    ("float64", "numeric"): Tolerance(rtol=1e-6, atol=1e-9),
    ("float32", "torch"): Tolerance(rtol=1e-4, atol=1e-6),
    ("float32", "numeric"): Tolerance(rtol=1e-4, atol=1e-6),
}


@dataclass(frozen=True)
class Difference:
    """max|a − b| in absolute and relative (to max|b|) terms, against a tolerance."""

    max_abs: float
    max_rel: float
    scale: float  # max|b|
    tolerance: Tolerance

    @property
    def agree(self) -> bool:
        """False for NaN too."""
        return bool(self.max_abs <= self.tolerance.atol + self.tolerance.rtol * self.scale)


def difference(a: np.ndarray, b: np.ndarray, tolerance: Tolerance) -> Difference:
    """Compare `a` with the reference `b`."""
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    with np.errstate(invalid="ignore"):  # inf − inf is NaN, which reads as "disagree"
        max_abs = float(np.max(np.abs(a - b)))
    scale = float(np.max(np.abs(b)))
    max_rel = max_abs / scale if scale > 0 else (0.0 if max_abs == 0 else float("inf"))
    return Difference(max_abs, max_rel, scale, tolerance)
