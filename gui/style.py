"""How numbers and signs look: colours, and a diverging colour map for gradients (number text: core.notation)."""

import math

from PySide6.QtGui import QColor

# the views' one place for notation
from core.notation import MINUS, short_number, subscript, unsigned_zero  # noqa: F401
_NEGATIVE = (33, 102, 172)  # ColorBrewer RdBu ends: blue for negative values ...
_POSITIVE = (178, 24, 43)  # ... red for positive ones, white at zero
MANUAL_COLOUR = "#1f77b4"
TORCH_COLOUR = "#d62728"
TEXT_COLOUR = "#202020"
AGREE_COLOUR = "#1a7f37"
DISAGREE_COLOUR = "#c62828"
GRADIENT_COLOUR = "#b4400b"  # gradients drawn on the computation graph
FORGETFUL_COLOUR = "#2ca02c"  # the forgetful twin trajectory
SATURATED_BACKGROUND = QColor(255, 224, 160)  # a unit whose f′(z) has all but vanished


def diverging(value: float, scale: float) -> tuple[QColor, QColor]:
    """(background, text) colours for `value` on a blue–white–red scale saturating at ±scale."""
    if not math.isfinite(value) or scale <= 0 or not math.isfinite(scale):
        return QColor(255, 255, 255), QColor(0, 0, 0)
    t = min(1.0, abs(value) / scale)
    end = _POSITIVE if value > 0 else _NEGATIVE
    background = QColor(*(round(255 + (e - 255) * t) for e in end))
    return background, QColor(255, 255, 255) if t > 0.55 else QColor(0, 0, 0)
