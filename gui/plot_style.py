"""What the two pyqtgraph plots share: fonts that follow the window's zoom."""

import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontMetrics


def css_size(font: QFont, scale: float = 1.0) -> str:
    """The font's size (times `scale`) as a CSS pixel size, for pyqtgraph's HTML labels."""
    pixels = font.pixelSize() if font.pixelSize() > 0 else font.pointSizeF() * 4 / 3
    return f"{round(pixels * scale)}px"


def set_plot_font(widget: pg.PlotWidget, font: QFont) -> None:
    """Tick numbers in `font`, the axes wide enough for them and their label."""
    metrics = QFontMetrics(font)
    item = widget.getPlotItem()
    for side in ("left", "bottom"):
        item.getAxis(side).setStyle(tickFont=font)
    item.getAxis("left").setWidth(metrics.horizontalAdvance("−0.0000") + int(1.5 * metrics.height()))
    item.getAxis("bottom").setHeight(int(2.4 * metrics.height()))


CAPTION_SCALE = 0.7  # projected, a caption under a plot has no numbers to read: smaller, the plot keeps the room


def scaled_font(font: QFont, scale: float) -> QFont:
    """`font` at `scale` times its size (a caption beside a projected plot: words, not numbers to read)."""
    smaller = QFont(font)
    if font.pixelSize() > 0:
        smaller.setPixelSize(max(1, round(font.pixelSize() * scale)))
    else:
        smaller.setPointSizeF(font.pointSizeF() * scale)
    return smaller
