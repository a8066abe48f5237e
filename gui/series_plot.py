"""SeriesPlot: values recorded at every step (core.trace.MetricTrace) drawn against the step, for the accuracy and
the gradient-norm plots.

As the loss plot draws its losses: each refresh folds the new steps into a min/max pyramid per series
(gui.decimation.PeakDecimator) and hands each curve only each pixel column's lowest and highest value, so a refresh
costs the same at a hundred steps of history as at a million. The current state's values are dots at its step,
continuing the curves. An edit (core.edit_marks) breaks every curve at its step: the change there was not made by
a step. The view follows the run and keeps its range with slack, moving it only when the values leave it.
"""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from core import edit_marks
from core.edit_marks import EditMark
from gui.decimation import PeakDecimator
from gui.i18n import Retranslatable
from gui.plot_style import (
    CAPTION_SCALE,
    css_size,
    free_title_row,
    pixel_columns,
    plain_plot,
    scaled_font,
    set_plot_font,
)
from gui.style import TEXT_COLOUR

DOT = 9  # pixels across the current state's dots


class SeriesPlot(Retranslatable, QWidget):
    """Some series over the steps, decimated, with the current state's values; or a sentence where they do not
    apply. Subclasses say what the series are."""

    def __init__(self, name: str, log_y: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.plot_widget = plain_plot(f"{name}Area")
        item = self.plot_widget.getPlotItem()
        item.vb.setMouseEnabled(False, False)  # it follows the run
        item.vb.disableAutoRange()
        item.setLogMode(y=log_y)
        self._log = log_y
        item.vb.disableAutoRange()  # setLogMode turned pyqtgraph's on
        item.vb.sigResized.connect(self._on_resized)
        self._legend = pg.LegendItem(labelTextColor=TEXT_COLOUR)
        self._legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._legend.setMinimumWidth(0)
        free_title_row(item)
        item.layout.addItem(self._legend, 0, 1)
        self._now = pg.PlotDataItem(pen=None, symbol="o", symbolPen=pg.mkPen(TEXT_COLOUR), symbolSize=DOT)
        self._now.setZValue(1)
        item.addItem(self._now)
        self.curves: list[pg.PlotDataItem] = []
        self._decimators: list[PeakDecimator] = []
        self.message = QLabel()
        self.message.setObjectName(f"{name}Unavailable")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._pages = QStackedWidget()
        self._pages.addWidget(self.plot_widget)
        self._pages.addWidget(self.message)
        self.caption = QLabel()
        self.caption.setObjectName(f"{name}Caption")
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._pages, 1)
        layout.addWidget(self.caption)
        self._series: list[np.ndarray] = []
        self._current = np.empty(0)  # the current state's value of each series (NaN: not known, or not shown)
        self._edit_steps = np.empty(0, dtype=np.int64)
        self._edits: tuple[EditMark, ...] = ()
        self._width = 1.0  # of the lines: 2 in presentation
        self._compact = False
        self._label_size = css_size(self.font())

    # ---- what subclasses give

    def _value_range(self, y: np.ndarray) -> tuple[float, float] | None:
        """The range of the vertical axis (in its units: log10 on a log axis) that shows the values `y` drawn,
        or None to keep the one shown."""
        raise NotImplementedError

    def _set_curves(self, names: list[str], colours: list[QColor]) -> None:
        """One curve per series, named in the legend; made anew only when their number changes."""
        item = self.plot_widget.getPlotItem()
        if len(names) != len(self.curves):
            for curve in self.curves:
                item.removeItem(curve)
            self.curves = [item.plot() for _ in names]
            self._decimators = [PeakDecimator() for _ in names]
            self._series, self._current = [], np.empty(0)  # the old series are not these curves'
            self._now.setData([], [])
        for curve, name, colour in zip(self.curves, names, colours):
            curve.opts["name"] = name
            curve.setPen(pg.mkPen(colour, width=2.5 * self._width))
        self._fill_legend()

    def set_compact(self, compact: bool) -> None:
        """A strip under another plot: no caption (the subclass makes it the tooltip), no legend, no step label
        (the plot above has them)."""
        if compact == self._compact:
            return
        self._compact = compact
        self.caption.setVisible(not compact)
        self._legend.setVisible(not compact)
        layout = self.plot_widget.getPlotItem().layout
        if compact:
            layout.removeItem(self._legend)  # a hidden item would still hold its row open
        else:
            layout.addItem(self._legend, 0, 1)
        self.plot_widget.getPlotItem().showLabel("bottom", not compact)
        self._fill_legend()

    def _fill_legend(self) -> None:
        self._legend.clear()
        for curve in self.curves:
            self._legend.addItem(curve, curve.opts["name"])
        item = self.plot_widget.getPlotItem()
        for columns in range(max(len(self.curves), 1), 0, -1):  # as many columns as fit across the plot
            self._legend.setColumnCount(columns)
            self._legend.layout.activate()
            if columns == 1 or self._legend.layout.preferredWidth() <= item.vb.width():
                break
        shown = self.curves and not self._compact
        item.layout.setRowFixedHeight(0, self._legend.layout.preferredHeight() if shown else 0)
        item.layout.activate()

    def _label_axes(self, left: str) -> None:
        item = self.plot_widget.getPlotItem()
        style = {"color": TEXT_COLOUR, "font-size": self._label_size}
        item.setLabel("bottom", self.tr("step"), **style)
        item.setLabel("left", left, **style)
        item.showLabel("bottom", not self._compact)

    def _say(self, text: str) -> None:
        """A sentence in place of the plot."""
        self.message.setText(text)
        self._pages.setCurrentWidget(self.message)

    def set_projection(self, font, presenting: bool) -> None:
        """Axis numbers, labels and legend in the window's font; in presentation, thicker lines."""
        set_plot_font(self.plot_widget, font)
        self._label_size = css_size(font)
        self._legend.setLabelTextSize(css_size(font, 0.7 if presenting else 1.0))
        self._width = 2.0 if presenting else 1.0
        for curve in self.curves:
            curve.setPen(pg.mkPen(curve.opts["pen"].color(), width=2.5 * self._width))
        self._now.setSymbolSize(DOT * self._width)
        self.message.setFont(font)
        self.caption.setFont(scaled_font(font, CAPTION_SCALE if presenting else 1.0))
        self.retranslate()
        self._fill_legend()

    # ---- drawing

    def _show_series(self, series: list[np.ndarray], current: np.ndarray, edits: tuple[EditMark, ...]) -> None:
        """Past values (trace columns, each (steps,)) and the current state's (one per series) at step `steps`."""
        self._pages.setCurrentWidget(self.plot_widget)
        self._series, self._current = series, np.asarray(current, dtype=np.float64)
        if edits is not self._edits:
            self._edits, self._edit_steps = edits, edit_marks.steps(edits)
        for decimator, values in zip(self._decimators, series):
            decimator.update(values)
        self._draw()

    def _on_resized(self) -> None:
        if self.curves:
            self._fill_legend()
        if self._series:
            self._draw()

    def _draw(self) -> None:
        n = len(self._series[0]) if self._series else 0
        self._follow_steps(n)
        start, stop, pixels = pixel_columns(self.plot_widget.getPlotItem().vb)
        drawn = []
        for curve, decimator, values, now in zip(self.curves, self._decimators, self._series, self._current):
            x, y = decimator.points(values, start, stop, pixels)
            if self._drawable(now):  # the current state continues the curve
                x, y = np.append(x, n), np.append(y, now)
            # nothing to draw (NaN history, or a gradient of exactly 0 on a log axis) is no curve at all
            curve.setData(*(self._broken(x, y) if self._drawable(y).any() else ([], [])), connect="finite")
            drawn.append(y)
        shown = self._drawable(self._current)
        brushes = [pg.mkBrush(curve.opts["pen"].color()) for curve, on in zip(self.curves, shown) if on]
        self._now.setData(np.full(len(brushes), n), self._current[shown], symbolBrush=brushes)
        wanted = self._value_range(np.concatenate(drawn) if drawn else np.empty(0))
        if wanted is not None:
            self.plot_widget.getPlotItem().vb.setYRange(*wanted, padding=0)

    def _drawable(self, values) -> np.ndarray:
        """Which values have a place on the vertical axis: finite ones, and on a log axis positive ones."""
        values = np.asarray(values)
        with np.errstate(invalid="ignore"):
            return np.isfinite(values) & ((values > 0) if self._log else True)

    def _broken(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """A gap before each edit's step where points are drawn on both sides of it."""
        at = np.searchsorted(x, self._edit_steps)  # where each edit's step would go
        inside = (at > 0) & (at < x.size)
        return (np.insert(x, at[inside], self._edit_steps[inside].astype(np.float64)),
                np.insert(y, at[inside], np.nan))


    def _follow_steps(self, n: int) -> None:
        """Show steps 0..n, moving the range only when n leaves it or fills little of it; room for the dots."""
        view = self.plot_widget.getPlotItem().vb
        room_px = DOT * self._width / 2 + 3  # half a dot and a little, in pixels
        (x0, x1), width = view.viewRange()[0], max(view.width(), 8.0 * room_px)
        room = room_px * (x1 - x0) / width  # in steps
        if not (x0 <= -0.99 * room and n + room <= x1 and n >= 0.4 * x1):  # (0.99: rounding)
            right = max(10.0, 1.5 * n)
            view.setXRange(-room_px * right / (width - room_px), right, padding=0)  # room left of step 0 too
