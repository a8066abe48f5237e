"""Contours of the loss over two chosen weights, the rest held where they are, with both engines' paths on it."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSignalBlocker, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.landscape import Landscape, landscape
from core.notation import short_number, sub
from core.session import Session
from gui.i18n import Retranslatable
from gui.plot_style import css_size, set_plot_font
from gui.style import FORGETFUL_COLOUR, MANUAL_COLOUR, TEXT_COLOUR, TORCH_COLOUR

RESOLUTION = 81  # grid points per axis
LEVELS = 12  # contour lines at evenly spaced quantiles of the loss: each band covers the same area
SCALE_TICKS = 5  # losses named on the colour bar: the lowest, the quartiles, the highest


def _distinct_labels(values: np.ndarray) -> list[str]:
    """The values in as few significant digits (3 at least) as tell them apart."""
    for digits in range(3, 9):
        labels = [short_number(float(v), digits) for v in values]
        if len(set(labels)) == len(labels):
            break
    return labels


class _Canvas:
    """The pyqtgraph part of the landscape: the shaded surface, its contours, its colour bar, the paths and the
    markers."""

    def __init__(self):
        self.plot_widget = pg.PlotWidget(background="w")
        self.plot_widget.setObjectName("landscapePlot")
        item = self.plot_widget.getPlotItem()
        for side in ("left", "bottom"):
            item.getAxis(side).setPen(pg.mkPen(TEXT_COLOUR))
            item.getAxis(side).setTextPen(pg.mkPen(TEXT_COLOUR))
        item.hideButtons()
        item.setMenuEnabled(False)  # its context menus duplicate our controls (and are English only)
        item.vb.setMenuEnabled(False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(pg.colormap.get("viridis"))
        self.image.setOpacity(0.6)
        item.addItem(self.image)
        # which colour is high: the bar shows the image's colour map over ranks 0 to 1, its ticks named by loss
        self.colour_bar = pg.ColorBarItem(values=(0.0, 1.0), width=16, interactive=False)
        self.colour_bar.setImageItem(self.image, insert_in=item)
        self.colour_bar.bar.setOpacity(self.image.opacity())  # the surface's colours as seen over white
        for side in ("left", "right", "top", "bottom"):
            self.colour_bar.getAxis(side).setPen(pg.mkPen(TEXT_COLOUR))
        self.colour_bar.axis.setTextPen(pg.mkPen(TEXT_COLOUR))
        self._font = self.plot_widget.font()
        self.contours: list[pg.IsocurveItem] = []
        for _ in range(LEVELS):
            curve = pg.IsocurveItem(pen=pg.mkPen((40, 40, 40), width=1), axisOrder="row-major")
            curve.setParentItem(self.image)
            self.contours.append(curve)
        self.manual_path = item.plot()
        self.torch_path = item.plot()
        self.twin_path = item.plot()
        self.start = pg.ScatterPlotItem(size=9, symbol="s", pen=pg.mkPen("k"), brush=pg.mkBrush("w"))
        self.now = pg.ScatterPlotItem(size=11, pen=pg.mkPen("k"), brush=pg.mkBrush(MANUAL_COLOUR))
        self.twin = pg.ScatterPlotItem(size=9, symbol="t", pen=pg.mkPen("k"), brush=pg.mkBrush(FORGETFUL_COLOUR))
        # over the paths, and the current point over the start, which hid it while the path was still short
        for z, marker in enumerate((self.start, self.now, self.twin), start=1):
            marker.setZValue(z)
            item.addItem(marker)

    def set_projection(self, font, presenting: bool) -> None:
        set_plot_font(self.plot_widget, font)
        # the colour bar's end labels sit at its very ends, half of them past it: allowed, and room made above
        half = QFontMetrics(font).height() // 2 + 1
        self.colour_bar.axis.setStyle(tickFont=font, hideOverlappingLabels=half)
        self.plot_widget.getPlotItem().layout.setContentsMargins(1, half, 1, 1)
        self._font = font
        scale = 2.0 if presenting else 1.0
        self.manual_path.setPen(pg.mkPen(MANUAL_COLOUR, width=4 * scale))
        self.torch_path.setPen(pg.mkPen(TORCH_COLOUR, width=2 * scale, style=Qt.PenStyle.DashLine))
        self.twin_path.setPen(pg.mkPen(FORGETFUL_COLOUR, width=2.5 * scale, style=Qt.PenStyle.DotLine))

    def show_scale(self, land: Landscape, title: str, style: dict) -> None:
        """The colour bar's ticks: losses at evenly spaced ranks, so unevenly spaced in loss; the axis as wide as
        its widest label."""
        ranks, values = land.colour_scale(SCALE_TICKS)
        labels = _distinct_labels(values)
        axis = self.colour_bar.axis
        axis.setTicks([list(zip(ranks.tolist(), labels))])
        metrics = QFontMetrics(self._font)
        axis.setWidth(max((metrics.horizontalAdvance(label) for label in labels), default=0) + metrics.height())
        axis.setLabel(title, **style)
        self.plot_widget.getPlotItem().layout.activate()  # now: a narrower bar until then would cut its labels off


class LandscapePlot(Retranslatable, QWidget):
    """L(w_a, w_b) as a shaded image with contour lines; the paths of both engines (and of the forgetful twin);
    the current point.

    The plot itself is made the first time the landscape is shown: it is a second pyqtgraph plot, and most
    sessions never open this tab, so start-up does not pay for it.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.canvas: _Canvas | None = None
        self._projection = None  # (font, presenting) to give the canvas when it is made
        self.first_combo, self.second_combo = QComboBox(), QComboBox()
        self.first_combo.setObjectName("landscapeFirstCombo")
        self.second_combo.setObjectName("landscapeSecondCombo")
        for combo in (self.first_combo, self.second_combo):
            combo.activated.connect(self._on_chosen)
        self.readout = QLabel()
        self.readout.setObjectName("landscapeReadout")
        self.readout.setWordWrap(True)
        self._axes_label, self._against_label = QLabel(), QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self._axes_label)
        bar.addWidget(self.first_combo)
        bar.addWidget(self._against_label)
        bar.addWidget(self.second_combo)
        bar.addStretch(1)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(bar)
        self._layout.addStretch(1)  # the canvas's place
        self._layout.addWidget(self.readout)
        self._shape: tuple[int, int] | None = None
        self._session: Session | None = None
        self.drawn: Landscape | None = None  # what is on show
        self._label_size = css_size(self.font())
        self.retranslate()

    def _make_canvas(self) -> _Canvas:
        if self.canvas is None:
            self.canvas = _Canvas()
            self._layout.removeItem(self._layout.itemAt(1))
            self._layout.insertWidget(1, self.canvas.plot_widget, 1)
            self.canvas.set_projection(*(self._projection or (self.font(), False)))
            self.retranslate()
        return self.canvas

    def retranslate(self) -> None:
        if self.canvas is not None:
            self.canvas.plot_widget.setAccessibleName(self.tr("Loss landscape over two weights"))
        self._axes_label.setText(self.tr("Loss over"))
        self._against_label.setText(self.tr("and"))
        if self.drawn is None and self.canvas is not None:  # drawn before, not now: the weights are not finite
            self.readout.setText(self.tr("The weights are not finite, so there is no loss around them to draw. "
                                         "Undo to the last finite state to see the landscape again."))
        elif self.drawn is not None and self.drawn.paths[2].size:
            self.readout.setText(self.tr("The other weights stay at their current values. Blue: by hand; red "
                                         "dashes: torch; green dots and triangle: the optimizer that forgets its "
                                         "state; square: where the path starts."))
        else:
            self.readout.setText(self.tr("The other weights stay at their current values. Blue: by hand; red "
                                         "dashes: torch; square: where the path starts."))

    def set_projection(self, font, presenting: bool) -> None:
        self._projection = (font, presenting)
        self._label_size = css_size(font)
        if self.canvas is not None:
            self.canvas.set_projection(font, presenting)
            self._redraw()

    @property
    def weights(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """The two weights on the axes, (row, column) each (the combos list W row by row)."""
        n_in = self._shape[1] if self._shape else 1
        return tuple(divmod(combo.currentIndex(), n_in) for combo in (self.first_combo, self.second_combo))

    def choose(self, first: tuple[int, int], second: tuple[int, int]) -> None:
        n_in = self._shape[1]
        for combo, (i, j) in ((self.first_combo, first), (self.second_combo, second)):
            combo.setCurrentIndex(i * n_in + j)
        self._redraw()

    def _on_chosen(self) -> None:
        if self.first_combo.currentIndex() == self.second_combo.currentIndex():  # two different weights, always
            other = self.second_combo if self.sender() is self.first_combo else self.first_combo
            other.setCurrentIndex((other.currentIndex() + 1) % other.count())
        self._redraw()

    def show_state(self, session: Session, evaluation=None) -> None:
        self._session = session
        shape = session.state.manual.weight.shape
        if shape != self._shape:
            self._fill_combos(shape, np.abs(evaluation.chain.dL_dW) if evaluation is not None else np.ones(shape))
        self._redraw()

    def _fill_combos(self, shape: tuple[int, int], size: np.ndarray) -> None:
        """Weights as w₁₁ …; the two with the largest gradient first chosen, where the slope is."""
        self._shape = shape
        cells = [(i, j) for i in range(shape[0]) for j in range(shape[1])]
        order = sorted(cells, key=lambda c: -float(np.nan_to_num(size[c])))
        for combo, pick in ((self.first_combo, order[0]), (self.second_combo, order[min(1, len(order) - 1)])):
            with QSignalBlocker(combo):
                combo.clear()
                for i, j in cells:
                    combo.addItem(f"w{sub(i)}{sub(j)}")
                combo.setCurrentIndex(pick[0] * shape[1] + pick[1])
        self.setEnabled(len(cells) > 1)

    def _redraw(self) -> None:
        s = self._session.state if self._session is not None else None
        if s is None or not self.isEnabled() or not self.isVisible():
            return
        first, second = self.weights
        if first == second or min(*first, *second) < 0:
            return
        c = self._make_canvas()
        n_in = self._shape[1]  # the combos list W1 row by row, as the flat parameter vector starts
        self.drawn = land = landscape(s, first[0] * n_in + first[1], second[0] * n_in + second[1], RESOLUTION)
        c.plot_widget.setVisible(land is not None)
        self.retranslate()
        if land is None:
            return
        us, vs = land.us, land.vs
        ranks = land.ranks()
        c.image.setImage(ranks, levels=(0.0, 1.0))
        du, dv = us[1] - us[0], vs[1] - vs[0]
        c.image.setRect(QRectF(us[0] - du / 2, vs[0] - dv / 2, du * RESOLUTION, dv * RESOLUTION))
        levels = np.linspace(0.0, 1.0, LEVELS + 2)[1:-1]
        for curve, level in zip(c.contours, levels):
            curve.setData(ranks)
            curve.setLevel(level)
        manual, torch, twin = land.paths
        c.manual_path.setData(manual[:, 0], manual[:, 1])
        c.torch_path.setData(torch[:, 0], torch[:, 1])
        c.twin_path.setData(twin[:, 0], twin[:, 1])
        c.start.setData([manual[0, 0]], [manual[0, 1]])
        c.now.setData([manual[-1, 0]], [manual[-1, 1]])
        c.twin.setData(*(([twin[-1, 0]], [twin[-1, 1]]) if twin.size else ([], [])))  # where the twin is (or was last)
        item = c.plot_widget.getPlotItem()
        style = {"color": TEXT_COLOUR, "font-size": self._label_size}
        item.setLabel("bottom", f"w{sub(first[0])}{sub(first[1])}", **style)
        item.setLabel("left", f"w{sub(second[0])}{sub(second[1])}", **style)
        c.show_scale(land, self.tr("loss L"), style)
        item.vb.setRange(xRange=(us[0], us[-1]), yRange=(vs[0], vs[-1]), padding=0)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._redraw()  # refreshes skip a hidden landscape
