"""The live loss plot: both engines' loss per step, the current step marked, a hover read-out, log-y.

Everything drawn on it is a PlotDataItem, so it follows the axis between linear and log scale. The curves are
made once. Each refresh folds the new steps into a min/max pyramid per engine and hands the curves only the points
the view needs (each pixel column's lowest and highest loss, in the order they occurred), so a refresh costs the
same at 100 steps of history as at a million. The view range is kept here, with slack, instead of by pyqtgraph's
auto-range: a range that changes on every frame makes pyqtgraph rebuild both axes on every frame, which costs more
than the curves. The range leaves room for the current step's dot at every edge. The legend is a header above the
curves, never over them.

An edit (core.edit_marks) breaks the curves at its step: the old line ends at the loss the step had before the
edit, the new one starts at the loss after it, and a dotted jump with a diamond between them says an edit, not a
step, made that change; the read-out names the edit.
"""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from core import edit_marks
from core.edit_marks import EditMark
from core.trace import LossTrace
from gui.decimation import PeakDecimator
from gui.i18n import Retranslatable, core_text
from gui.plot_style import css_size, free_title_row, pixel_columns, plain_plot, set_plot_font
from gui.style import FORGETFUL_COLOUR, MANUAL_COLOUR, TEXT_COLOUR, TORCH_COLOUR, short_number


class LossPlot(Retranslatable, QWidget):
    """Both engines' losses against step, for the current history and the current state."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.plot_widget = plain_plot("lossPlot")
        item = self.plot_widget.getPlotItem()
        # the legend goes in the title's row (we have no title), so it never hides a curve; its entries are ours to
        # manage (pyqtgraph's own legend adds every named item, and the twin's curve was named twice)
        self._legend = pg.LegendItem(labelTextColor=TEXT_COLOUR)
        # its width follows the plot's, never the other way round: _fit_legend wraps it into rows
        self._legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._legend.setMinimumWidth(0)
        free_title_row(item)
        item.layout.addItem(self._legend, 0, 0, 1, 3)  # across the axis too
        # the hand-written curve is drawn wide and solid under torch's dashed one: where they agree, both show
        self._manual = item.plot(name="numpy")
        self._torch = item.plot(name="torch.optim")
        self._forgetful = pg.PlotDataItem()
        self._edit_jumps = pg.PlotDataItem(connect="pairs")  # from the loss before an edit to the one after it
        self._edit_points = pg.PlotDataItem(pen=None, symbol="d", symbolPen=pg.mkPen(TEXT_COLOUR),
                                            symbolBrush=pg.mkBrush("w"))
        for marks in (self._edit_jumps, self._edit_points):
            item.addItem(marks)
        self._now = pg.PlotDataItem(pen=None, symbol="o", symbolPen=pg.mkPen("k"),
                                    symbolBrush=pg.mkBrush(MANUAL_COLOUR))
        item.addItem(self._now)
        self._marker = pg.InfiniteLine(angle=90, pen=pg.mkPen((120, 120, 120), width=1, style=Qt.PenStyle.DotLine))
        item.addItem(self._marker)
        self.plot_widget.scene().sigMouseMoved.connect(self._on_mouse_moved)
        item.vb.disableAutoRange()
        item.vb.sigRangeChangedManually.connect(self._on_user_range)
        item.vb.sigXRangeChanged.connect(self._on_range_changed)
        item.vb.sigResized.connect(self._on_resized)

        self.log_y = QCheckBox()
        self.log_y.setObjectName("logYCheck")
        self.log_y.toggled.connect(self._on_log_toggled)
        self.follow = QCheckBox()
        self.follow.setObjectName("followCheck")
        self.follow.setChecked(True)
        self.follow.toggled.connect(self._on_follow_toggled)
        self.readout = QLabel()
        self.readout.setObjectName("plotReadout")
        # a long read-out wraps, in three lines kept for it (hovering does not move the plot; an edit's read-out
        # takes three lines in the narrow plot beside a 3×3 network at 1280 px), and is never allowed
        # to push the check boxes out of the window
        self.readout.setWordWrap(True)
        self.readout.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        bar = QHBoxLayout()
        bar.addWidget(self.readout, 1)
        bar.addWidget(self.follow)
        bar.addWidget(self.log_y)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget, 1)
        layout.addLayout(bar)
        self._decimators = [PeakDecimator(), PeakDecimator(), PeakDecimator()]  # manual, torch, forgetful
        self._trace = LossTrace()
        self._current = (np.nan, np.nan, np.nan)  # losses of the current state: manual, torch (NaN while loading),
        # forgetful (NaN when off)
        self._edits: tuple[EditMark, ...] = ()
        self._edit_steps, self._edit_before = np.empty(0, dtype=np.int64), np.empty((0, 3))  # (marks,), (marks, 3)
        self._drawing = False
        self._hovered: int | None = None  # the step the mouse points at, read out under the plot
        self._pens(1.0)
        self._fit_readout(self.readout.font())
        self._label_size = css_size(self.font())
        self.retranslate()

    def retranslate(self) -> None:
        self.plot_widget.setAccessibleName(self.tr("Loss per step"))
        self._axis_labels = (self.tr("step"), self.tr("loss L"))
        self._label_axes()
        for curve, name in ((self._manual, self.tr("by hand (numpy)")), (self._torch, "torch.optim"),
                            (self._forgetful, self.tr("forgets its state"))):
            curve.opts["name"] = name
        self._edit_points.opts["name"] = self.tr("edit, not a step")
        self._fill_legend()
        self.log_y.setText(self.tr("log scale"))
        self.follow.setText(self.tr("follow"))
        self.follow.setToolTip(self.tr("Keep all steps in view; zooming or panning by hand turns this off"))

    def _label_axes(self) -> None:
        item = self.plot_widget.getPlotItem()
        style = {"color": TEXT_COLOUR, "font-size": self._label_size}  # (kept: a new language keeps the size)
        item.setLabel("bottom", self._axis_labels[0], **style)
        item.setLabel("left", self._axis_labels[1], **style)

    def _pens(self, scale: float) -> None:
        """Line widths: thicker for a projector."""
        self._manual.setPen(pg.mkPen(MANUAL_COLOUR, width=5 * scale))
        self._torch.setPen(pg.mkPen(TORCH_COLOUR, width=2 * scale, style=Qt.PenStyle.DashLine))
        self._forgetful.setPen(pg.mkPen(FORGETFUL_COLOUR, width=2.5 * scale, style=Qt.PenStyle.DotLine))
        self._edit_jumps.setPen(pg.mkPen(TEXT_COLOUR, width=1.5 * scale, style=Qt.PenStyle.DotLine))
        self._edit_points.setSymbolSize(11 * scale)
        self._now.setSymbolSize(9 * scale)

    def set_projection(self, font, presenting: bool) -> None:
        """Axis numbers, labels and legend in the window's font size; in presentation, thicker lines."""
        set_plot_font(self.plot_widget, font)
        self._label_size = css_size(font)
        self._label_axes()
        self._fit_readout(font, 0 if presenting else 3)  # projected, step and loss show large: the plot keeps the room
        self._pens(2.0 if presenting else 1.0)
        # projected, the legend has no numbers to read: at 70 % (still 23 px) its rows take less of the height
        self._legend.setLabelTextSize(css_size(font, 0.7 if presenting else 1.0))
        self._fill_legend()  # anew: a legend keeps the size of its largest labels otherwise
        self._draw()  # the room kept for the dot has changed

    def _fit_readout(self, font: QFont, lines: int = 3) -> None:
        self.readout.setFixedHeight(lines * QFontMetrics(font).lineSpacing())

    def _fill_legend(self) -> None:
        self._legend.clear()
        for curve in self._curves() + ([self._edit_points] if self._edits else []):
            self._legend.addItem(curve, curve.opts["name"])
        self._fit_legend()

    def _fit_legend(self) -> None:
        """The legend in as many columns as fit across the plot, its row as tall as it then is."""
        item = self.plot_widget.getPlotItem()
        for columns in range(len(self._legend.items), 0, -1):
            self._legend.setColumnCount(columns)
            self._legend.layout.activate()  # its preferred size is the old arrangement's until laid out again
            if columns == 1 or self._legend.layout.preferredWidth() <= item.width():
                break
        item.layout.setRowFixedHeight(0, self._legend.layout.preferredHeight())
        item.layout.activate()  # now: a curve drawn before the next layout pass would run under the legend

    def _on_resized(self) -> None:
        self._fit_legend()
        self._draw()  # the points depend on the view's width in pixels, the room for the dot on its size

    def point_count(self) -> tuple[int, int]:
        """Steps plotted for the manual and the torch engine: past states, and the current one if it is finite."""
        n = len(self._trace)
        return tuple(n + 1 if np.isfinite(now) else n for now in self._current[:2])

    def show_history(self, trace: LossTrace, current_manual: float, current_torch: float | None,
                     current_forgetful: float | None = None, edits: tuple[EditMark, ...] = ()) -> None:
        """Past losses from `trace` and the current state's, at step len(trace); the curves break at `edits`."""
        self._trace = trace
        self._current = (current_manual, np.nan if current_torch is None else current_torch,
                         np.nan if current_forgetful is None else current_forgetful)
        self._show_forgetful(current_forgetful is not None or bool(np.isfinite(trace.forgetful[-1:]).any()))
        for decimator, values in zip(self._decimators, self._columns()):
            decimator.update(values)
        step = len(trace)
        finite = [v for v in self._current if np.isfinite(v)]
        self._now.setData([step] * len(finite), finite)
        self._marker.setPos(step)
        self._show_edits(edits)
        self._draw()
        if self._hovered is not None:
            self._show_readout()

    def _show_edits(self, edits: tuple[EditMark, ...]) -> None:
        """A dotted jump at each edit, from the hand-written loss before it to the one after, and a diamond."""
        if not edits and not self._edits:
            return
        if edits is not self._edits:
            renamed = bool(edits) != bool(self._edits)
            self._edits = edits
            self._edit_steps, self._edit_before = edit_marks.steps(edits), edit_marks.losses_before(edits)
            if renamed:
                self._fill_legend()  # the diamond is in the legend while there are edits
        at, before = self._edit_steps, self._edit_before[:, 0]
        after = self._after_edits(at, self._trace.manual, self._current[0])
        shown = np.isfinite(before) & np.isfinite(after)
        self._edit_jumps.setData(np.repeat(at[shown], 2), np.stack([before, after], 1)[shown].ravel())
        shown = np.isfinite(after)
        self._edit_points.setData(at[shown], after[shown])

    def _after_edits(self, at: np.ndarray, values: np.ndarray, now: float) -> np.ndarray:
        """The losses at the edited steps `at` after their edits: from the history, or the current state's."""
        past = at < values.size
        return np.where(past, values[np.where(past, at, 0)] if values.size else np.nan, now)

    def _break_at_edits(self, x: np.ndarray, y: np.ndarray, column: int, values: np.ndarray,
                        now: float) -> tuple[np.ndarray, np.ndarray]:
        """The points (x, y) of a curve with, at each edit between its ends, its loss before the edit, a break, and
        its loss after: no line joins a loss from before an edit to one from after it."""
        inside = (self._edit_steps > x[0]) & (self._edit_steps <= x[-1]) if x.size else np.zeros(0, dtype=bool)
        at = self._edit_steps[inside]
        if not at.size:
            return x, y
        before, after = self._edit_before[inside, column], self._after_edits(at, values, now)
        kept = ~np.isin(x, at)  # the loss after the edit, drawn again below
        x, y = x[kept], y[kept]
        where = np.repeat(np.searchsorted(x, at), 3)
        broken = np.stack([before, np.full(at.size, np.nan), after], 1).ravel()  # (3 * marks,)
        broken[~np.isfinite(broken)] = np.nan  # (a diverged loss, before an edit that mended it, is not drawn)
        return np.insert(x, where, np.repeat(at, 3)), np.insert(y, where, broken)

    def _draw(self, fit_losses: bool = False) -> None:
        """Hand the curves the points of the view; following, or asked to fit, the range takes every loss in."""
        n = len(self._trace)
        self._drawing = True
        try:
            steps_moved = self.follow.isChecked() and self._follow_steps(n)
            start, stop, pixels = pixel_columns(self.plot_widget.getPlotItem().vb)
            ys = []
            for curve, decimator, values, now in zip(self._curves(), self._decimators, self._columns(),
                                                     self._current):
                x, y = decimator.points(values, start, stop, pixels)
                if stop >= n and np.isfinite(now):  # the current state continues the curve
                    x, y = np.append(x, n), np.append(y, now)
                x, y = self._break_at_edits(x, y, len(ys), values, now)
                curve.setData(x, y)
                ys.append(y)
            if self.follow.isChecked() or fit_losses:  # new steps in view (an Undo took a run back): new losses too
                self._follow_losses(np.concatenate(ys), moved=fit_losses or steps_moved)
        finally:
            self._drawing = False


    def _columns(self) -> list[np.ndarray]:
        t = self._trace
        return [t.manual, t.torch] + ([t.forgetful] if self.forgetful_shown else [])

    def _curves(self) -> list[pg.PlotDataItem]:
        return [self._manual, self._torch] + ([self._forgetful] if self.forgetful_shown else [])

    @property
    def forgetful_shown(self) -> bool:
        return self._forgetful.scene() is not None

    def _show_forgetful(self, on: bool) -> None:
        """The third curve joins the plot (and its legend) only while the forgetful twin has losses to show."""
        if on == self.forgetful_shown:
            return
        item = self.plot_widget.getPlotItem()
        if on:
            item.addItem(self._forgetful)
            self._decimators[2] = PeakDecimator()  # start over: the column may have changed while hidden
        else:
            item.removeItem(self._forgetful)
        self._fill_legend()

    def _room(self) -> float:
        """Pixels to keep between the data and the view's edges: the current step's dot is drawn whole."""
        return self._now.opts["symbolSize"] / 2 + 3

    def _follow_steps(self, n: int) -> bool:
        """Show steps 0..n, moving the range only when n leaves it or fills little of it; whether it moved."""
        view = self.plot_widget.getPlotItem().vb
        (x0, x1), width = view.viewRange()[0], max(view.width(), 4 * self._room())
        room = self._room() * (x1 - x0) / width  # in steps
        # step 0 with room for its dot, and not much more: a range fitted to a narrower plot (the stage's) left
        # hundreds of steps of nothing before step 0 once the plot was wide again  (0.99: rounding)
        if not (-2 * room <= x0 <= -0.99 * room and n + room <= x1 and n >= 0.4 * x1):
            right = max(10.0, 1.5 * n)
            left = -self._room() * right / (width - self._room())  # room left of step 0 for its dot
            view.setXRange(left, right, padding=0)
            return True
        return False

    def _follow_losses(self, y: np.ndarray, moved: bool = False) -> None:
        """Show every loss `y` drawn, moving the range only when one leaves it or they fill little of it (or the
        range was `moved` to another scale)."""
        view = self.plot_widget.getPlotItem().vb
        with np.errstate(divide="ignore", invalid="ignore"):
            y = np.log10(y) if self.log_y.isChecked() else y
        y = y[np.isfinite(y)]
        if not y.size:  # (the forgetful column is NaN before the twin was added)
            return
        low, high = float(y.min()), float(y.max())
        if self.log_y.isChecked():  # pyqtgraph labels a log axis by decades: show at least one
            span = max(high - low, 1.0)
        else:  # at least 1% of the value's size: one point, or a flat curve, should not read 29.537565231326
            span = max(high - low, 0.01 * max(abs(low), abs(high)), 1e-12)
        (y0, y1), height = view.viewRange()[1], max(view.height(), 4 * self._room())
        room = self._room() * (y1 - y0) / height  # in the axis' units
        if moved or low - room < y0 or high + room > y1 or span < 0.5 * (y1 - y0):
            needed = 1.2 * span / (1 - 2 * self._room() / height)  # 10 % of the span, and the dot's room, each side
            middle = (low + high) / 2
            view.setYRange(middle - needed / 2, middle + needed / 2, padding=0)

    def _on_range_changed(self) -> None:
        """Zoomed or panned by hand: draw the new range at its own resolution."""
        if not self._drawing and not self.follow.isChecked():
            self._draw()

    def _on_user_range(self) -> None:
        self.follow.setChecked(False)

    def _on_follow_toggled(self, on: bool) -> None:
        if on:
            self._draw()

    def _on_log_toggled(self, on: bool) -> None:
        """The loss axis in the other scale: the steps shown stay, the losses' range is chosen anew."""
        view = self.plot_widget.getPlotItem().vb
        steps = view.viewRange()[0]
        self.plot_widget.getPlotItem().setLogMode(y=on)
        view.disableAutoRange()  # setLogMode turned pyqtgraph's on
        view.setXRange(*steps, padding=0)
        self._draw(fit_losses=True)

    def loss_at(self, step: int) -> tuple[float, float]:
        """(manual, torch) loss at `step`: from the history, or the current state's."""
        if step < len(self._trace):
            return float(self._trace.manual[step]), float(self._trace.torch[step])
        return self._current[:2]

    def save_png(self, path: str) -> None:
        """The plot as a PNG at twice its size on screen (for slides); OSError if it cannot be written."""
        from pyqtgraph.exporters import ImageExporter

        exporter = ImageExporter(self.plot_widget.getPlotItem())
        exporter.parameters()["width"] = 2 * max(1, self.plot_widget.width())
        if not exporter.export(path):
            raise OSError(f"the image could not be written to {path}")

    def _on_mouse_moved(self, position) -> None:
        view = self.plot_widget.getPlotItem().vb
        if not view.sceneBoundingRect().contains(position):
            return
        self._hovered = min(max(int(round(view.mapSceneToView(position).x())), 0), len(self._trace))
        self._show_readout()

    def leaveEvent(self, event) -> None:
        self._hovered = None  # the read-out is of the step pointed at: nothing is
        self._show_readout()
        super().leaveEvent(event)

    def _show_readout(self) -> None:
        """The step pointed at and its losses, from the history as it now stands (a step undone, a new scenario:
        the numbers change with it, and a step no longer there is read out no more)."""
        step = self._hovered
        if step is None or step > len(self._trace):
            self._hovered = None
            self.readout.clear()
            return
        manual, torch = self.loss_at(step)
        k = np.searchsorted(self._edit_steps, step)
        if k < len(self._edits) and self._edit_steps[k] == step:  # the edit is what is pointed at
            mark = self._edits[k]
            what = self.tr("%1, not a step: hand %2 → %3").replace(
                "%1", self.tr(", ").join(core_text(label) for label in mark.labels)).replace(
                "%2", short_number(mark.before[0], 8)).replace("%3", short_number(manual, 8))
        elif np.isfinite(torch):
            what = self.tr("hand %1,  torch %2").replace("%1", short_number(manual, 8)).replace(
                "%2", short_number(torch, 8))
        else:
            what = self.tr("hand %1").replace("%1", short_number(manual, 8))
        self.readout.setText(self.tr("step %1:  %2").replace("%1", str(step)).replace("%2", what))
