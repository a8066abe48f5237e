"""Contours of the loss over two chosen weights, the rest held where they are, with both engines' paths on it."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSignalBlocker, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.landscape import Landscape, landscape
from core.network import NetworkSpec, entries, flatten
from core.notation import short_number, sub
from core.session import Session
from gui.i18n import Retranslatable, sentences
from gui.plot_style import css_size, plain_plot, set_plot_font
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
        self.plot_widget = plain_plot("landscapePlot")
        item = self.plot_widget.getPlotItem()
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
        # its numbers, then its tick's offset and the label's line beside them (one line's room wrote the label over
        # the numbers)
        axis.setWidth(max((metrics.horizontalAdvance(label) for label in labels), default=0)
                      + int(2.2 * metrics.height()))
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
        self._network: NetworkSpec | None = None  # whose entries the combos list
        self._entries: list[tuple[str, tuple[int, ...]]] = []
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
        else:
            text = (self.tr("The other weights stay at their current values. Blue: by hand; red dashes: torch; green "
                            "dots and triangle: the optimizer that forgets its state; square: where the path starts.")
                    if self.drawn is not None and self.drawn.paths[2].size else
                    self.tr("The other weights stay at their current values. Blue: by hand; red dashes: torch; "
                            "square: where the path starts."))
            if self.drawn is not None and len(self.drawn.us) < RESOLUTION:  # a large network on many samples
                text = sentences(text, self.tr("A coarse grid of %1 × %1 points: a finer one would take long for "
                                               "this network and batch.").replace("%1", str(len(self.drawn.us))))
            self.readout.setText(text)

    def set_projection(self, font, presenting: bool) -> None:
        self._projection = (font, presenting)
        self._label_size = css_size(font)
        if self.canvas is not None:
            self.canvas.set_projection(font, presenting)
            self._redraw()

    @property
    def weights(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """The two parameter entries on the axes, each its index in its parameter (W₁'s (row, column))."""
        return tuple(self._entries[combo.currentIndex()][1] for combo in (self.first_combo, self.second_combo))

    @property
    def chosen(self) -> tuple[int, int]:
        """The two entries on the axes, as positions in the flat vector of every parameter."""
        return self.first_combo.currentIndex(), self.second_combo.currentIndex()

    def choose(self, first, second) -> None:
        """Put two entries on the axes: each a position in the flat vector, a (name, index), or an (i, j) of W₁."""
        for combo, entry in ((self.first_combo, first), (self.second_combo, second)):
            combo.setCurrentIndex(self._position(entry))
        self._redraw()

    def _position(self, entry) -> int:
        if isinstance(entry, int):
            return entry
        if isinstance(entry[0], str):
            return self._entries.index((entry[0], tuple(entry[1])))
        return self._entries.index(("W1", tuple(entry)))

    def _on_chosen(self) -> None:
        if self.first_combo.currentIndex() == self.second_combo.currentIndex():  # two different weights, always
            other = self.second_combo if self.sender() is self.first_combo else self.first_combo
            other.setCurrentIndex((other.currentIndex() + 1) % other.count())
        self._redraw()

    def show_state(self, session: Session, evaluation=None) -> None:
        self._session = session
        network = session.state.problem.network
        if network != self._network:
            size = np.abs(flatten(evaluation.grads)) if evaluation is not None else np.ones(network.parameter_count)
            self._fill_combos(network, size)
        self._redraw()

    def _fill_combos(self, network: NetworkSpec, size: np.ndarray) -> None:
        """Every parameter entry (w₁₂ … in a one-layer network, W2[1,3], b1[2] … in a layered one); the two with
        the largest gradient first chosen, where the slope is."""
        self._network = network
        self._entries = entries(network)
        labels = [_label(name, index, network) for name, index in self._entries]
        order = np.argsort(-np.nan_to_num(size), kind="stable")
        for combo, pick in ((self.first_combo, order[0]), (self.second_combo, order[min(1, len(order) - 1)])):
            with QSignalBlocker(combo):
                combo.clear()
                combo.addItems(labels)
                combo.setCurrentIndex(int(pick))
        self.setEnabled(len(labels) > 1)

    def _redraw(self) -> None:
        s = self._session.state if self._session is not None else None
        if s is None or not self.isEnabled() or not self.isVisible():
            return
        first, second = self.chosen
        if first == second or min(first, second) < 0:
            return
        c = self._make_canvas()
        self.drawn = land = landscape(s, first, second, RESOLUTION)
        c.plot_widget.setVisible(land is not None)
        self.retranslate()
        if land is None:
            return
        us, vs = land.us, land.vs
        ranks = land.ranks()
        c.image.setImage(ranks, levels=(0.0, 1.0))
        du, dv = us[1] - us[0], vs[1] - vs[0]
        c.image.setRect(QRectF(us[0] - du / 2, vs[0] - dv / 2, du * len(us), dv * len(vs)))
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
        item.setLabel("bottom", self.first_combo.currentText(), **style)
        item.setLabel("left", self.second_combo.currentText(), **style)
        c.show_scale(land, self.tr("loss L"), style)
        item.vb.setRange(xRange=(us[0], us[-1]), yRange=(vs[0], vs[-1]), padding=0)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._redraw()  # refreshes skip a hidden landscape


def _label(name: str, index: tuple[int, ...], network: NetworkSpec) -> str:
    """w₁₂ for W of a one-layer network, as the one-layer tool wrote it; W2[1,3] and b1[2] otherwise."""
    if network.layers == 1 and name == "W1":
        return f"w{sub(index[0])}{sub(index[1])}"
    return f"{name}[{','.join(str(k + 1) for k in index)}]"
