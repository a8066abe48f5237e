"""What the pyqtgraph plots share: fonts that follow the window's zoom, axes whose labels never overlap."""

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontMetrics

from gui.style import TEXT_COLOUR


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


def free_title_row(item: pg.PlotItem) -> None:
    """The plot's title row, for a legend: its title label taken out of the layout and out of the scene. Only
    hidden, it stayed a child that Qt still called into while the plot was deleted, after Python had let go of it:
    rewrapped without its attributes, it raised "'LabelItem' object has no attribute '_sizeHint'" (pyqtgraph
    issue 472)."""
    item.layout.removeItem(item.titleLabel)
    item.titleLabel.hide()
    if item.titleLabel.scene() is not None:
        item.titleLabel.scene().removeItem(item.titleLabel)


CAPTION_SCALE = 0.7  # projected, a caption under a plot has no numbers to read: smaller, the plot keeps the room


def scaled_font(font: QFont, scale: float) -> QFont:
    """`font` at `scale` times its size (a caption beside a projected plot: words, not numbers to read)."""
    smaller = QFont(font)
    if font.pixelSize() > 0:
        smaller.setPixelSize(max(1, round(font.pixelSize() * scale)))
    else:
        smaller.setPointSizeF(font.pointSizeF() * scale)
    return smaller


class TidyAxis(pg.AxisItem):
    """An axis that never writes one tick label over another. pyqtgraph thins labels by how much of the axis they
    fill, not by where they fall, and a log axis crowds 0.6, 0.7, 0.8, 0.9 into the top of each decade, in large
    type into one blot. Labels are kept in pyqtgraph's order (major steps first) — on a log axis, whole decades
    first, then 2s and 5s — each only where it stays a fifth of its height clear of every label kept."""

    def generateDrawSpecs(self, p):
        return _tidied(self, super().generateDrawSpecs(p))


def tidy(axis: pg.AxisItem) -> None:
    """An axis pyqtgraph made (as a colour bar's) made to keep its labels apart, as a TidyAxis does."""
    generate = axis.generateDrawSpecs
    axis.generateDrawSpecs = lambda p: _tidied(axis, generate(p))


def _tidied(axis: pg.AxisItem, specs):
    """pyqtgraph's draw specs with only the labels that keep clear of each other."""
    if specs is None:
        return None
    lines, ticks, texts = specs
    if axis.logMode:
        texts = sorted(texts, key=lambda spec: _roundness(spec[2]))
    kept = []
    for spec in texts:
        rect = spec[0]
        gap = 0.2 * rect.height()
        room = rect.adjusted(-gap, -gap, gap, gap)
        if not any(room.intersects(other[0]) for other in kept):
            kept.append(spec)
    return lines, ticks, kept


def _roundness(text: str) -> int:
    """0 for a power of ten, 1 for 2 or 5 times one, 2 for the rest (and for what is not a number)."""
    try:
        value = abs(float(text.replace("−", "-")))
    except ValueError:
        return 2
    if value == 0 or not math.isfinite(value):
        return 2
    mantissa = round(value / 10 ** math.floor(math.log10(value)), 6)
    return {1.0: 0, 2.0: 1, 5.0: 1}.get(mantissa, 2)


def plain_plot(name: str) -> pg.PlotWidget:
    """A white plot named `name`, its axes in the text colour, their labels never overlapping and never rescaled to
    an SI prefix ("loss L (x0.001)" over ticks 43.7 misleads more than 0.0437 does); without pyqtgraph's auto-range
    button and context menus, which duplicate our controls in English only. No grid: pyqtgraph alpha-blends its
    grid lines, which costs two thirds of a plot's paint time."""
    widget = pg.PlotWidget(background="w", axisItems=tidy_axes())
    widget.setObjectName(name)
    item = widget.getPlotItem()
    for side in ("left", "bottom"):
        axis = item.getAxis(side)
        axis.setPen(pg.mkPen(TEXT_COLOUR))
        axis.setTextPen(pg.mkPen(TEXT_COLOUR))
        axis.enableAutoSIPrefix(False)
    item.hideButtons()
    item.setMenuEnabled(False)
    item.vb.setMenuEnabled(False)
    return widget


def pixel_columns(view: pg.ViewBox) -> tuple[float, float, int]:
    """(start, stop, pixels): the x range under the view's whole pixel columns, and how many columns."""
    (x0, x1), box = view.viewRange()[0], view.mapRectToScene(view.rect())
    if box.width() < 1:  # not laid out yet
        return x0, x1, 1
    per_pixel = (x1 - x0) / box.width()
    first, last = np.floor(box.left()), np.ceil(box.right())
    start = x0 - (box.left() - first) * per_pixel
    return start, start + (last - first) * per_pixel, int(last - first)


def tidy_axes() -> dict[str, TidyAxis]:
    """axisItems for a PlotWidget whose left and bottom labels never overlap."""
    return {side: TidyAxis(side) for side in ("left", "bottom")}
