"""How numbers and signs look: colours, a diverging colour map for gradients, and the font's fallback for Chinese
(number text: core.notation)."""

import math
import sys

from PySide6.QtGui import QColor, QFont, QFontInfo, QFontMetrics

# the views' one place for notation
from core.notation import MINUS, power_text, short_number, subscript, unsigned_zero  # noqa: F401

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
# the gradient check's verdicts, tints of Okabe and Ito's colour-blind-safe palette (bluish green, orange,
# vermillion, sky blue), darker the worse, and always beside a mark: ✔ good and fine, ? doubtful, ✘ wrong, ⚠ kink
CHECK_COLOURS = {"good": QColor("#bfe6d3"), "fine": QColor("#e0f3e9"), "doubtful": QColor("#fdd58a"),
                 "wrong": QColor("#f29a80"), "kink": QColor("#c9def3")}
# Simplified Chinese fonts each platform ships (Linux: the Noto CJK package most distributions install)
CJK_FAMILIES = {"win32": "Microsoft YaHei", "darwin": "PingFang SC"}
CJK_FALLBACK = "Noto Sans CJK SC"


def with_cjk_fallback(font: QFont, platform: str = sys.platform) -> QFont:
    """`font`, then this platform's Simplified Chinese font for the characters it lacks: left to itself Qt takes
    whichever CJK font comes first (on Linux often Noto Sans CJK JP, on an English Windows MS UI Gothic), whose
    forms of shared characters are Japanese. The first family is the one `font` resolves to ("Sans Serif" is
    only an alias, and a family list skips names it cannot find)."""
    font = QFont(font)
    font.setFamilies([QFontInfo(font).family(), CJK_FAMILIES.get(platform, CJK_FALLBACK)])
    return font


def diverging(value: float, scale: float) -> tuple[QColor, QColor]:
    """(background, text) colours for `value` on a blue–white–red scale saturating at ±scale."""
    if not math.isfinite(value) or scale <= 0 or not math.isfinite(scale):
        return QColor(255, 255, 255), QColor(0, 0, 0)
    t = min(1.0, abs(value) / scale)
    end = _POSITIVE if value > 0 else _NEGATIVE
    background = QColor(*(round(255 + (e - 255) * t) for e in end))
    return background, QColor(255, 255, 255) if t > 0.55 else QColor(0, 0, 0)


def cell_padding(metrics: QFontMetrics) -> tuple[int, int]:
    """(width, height) a table cell adds around its text: 10 and 8 px at a desk's type, shrinking to 6 and 3 as
    the type grows (large type's own line spacing is room enough), so a row of grids fits across a projector."""
    grown = max(0.0, metrics.height() - 20.0)
    return round(max(6.0, 10.0 - grown / 4)), round(max(3.0, 8.0 - grown / 3))
