"""The decision boundary: the network's output over its input plane as a heat map with the samples on it
(TensorFlow Playground's picture), class regions under cross-entropy, the fitted curve for one input.

What is drawn is what core.decision computed (Evaluation.surface): under bce the probability σ(z) of class 1, with
its 0.5 contour, the decision boundary; under ce the class of the largest softmax probability, paler where the
network is less sure; under mse the output a. The samples are coloured as the plane is (their class, or their
target on the same scale), the batch the next step takes ringed. A refresh redraws the plane and the rings; the
samples, the legend and the kind of picture change only with the data or the network.
"""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSignalBlocker, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from core.data import Data
from core.decision import Surface, value_range
from core.evaluation import Evaluation
from core.network import NetworkSpec
from core.notation import short_number, subscript
from core.session import Session
from gui.i18n import Retranslatable, sentences
from gui.phases import EVERYTHING, Shown
from gui.plane_colours import FULL_LUT, LUT, class_colour, colour_map, regions, scaled
from gui.plot_style import (
    CAPTION_SCALE,
    css_size,
    free_title_row,
    plain_plot,
    scaled_font,
    set_plot_font,
    tidy,
)
from gui.style import TEXT_COLOUR

SAMPLE_SIZE = 9  # pixels across a sample's dot (half as much again in presentation) ...
CROWD = 300  # ... up to this many samples; more get smaller dots, so that the plane still shows between them
RING_SIZE = 17  # ... and across the ring of one in the next batch
LEGEND_SYMBOL = 14  # pixels across a dot or ring in the legend (its samples are 20 pixels square)


class DecisionPlot(Retranslatable, QWidget):
    """The network's output over the plane of its inputs, the samples on it; for one input, its curve."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("decisionPlot")
        self.plot_widget = plain_plot("decisionPlotArea")
        item = self.plot_widget.getPlotItem()
        item.vb.setMouseEnabled(False, False)  # the plane is computed over the data's span only: nothing beyond
        # the legend in the title's row, never over the plane (as the loss plot's), across axes and colour bar
        self._legend = pg.LegendItem(labelTextColor=TEXT_COLOUR)
        self._legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._legend.setMinimumWidth(0)
        free_title_row(item)
        item.layout.addItem(self._legend, 0, 0, 1, 6)

        self.heat = pg.ImageItem(axisOrder="row-major")  # bce, mse: the output's value, through the colour scale
        self.heat.setLookupTable(LUT)
        self.regions = pg.ImageItem(axisOrder="row-major")  # ce: each point's class colour, as RGB
        self.boundary = pg.PlotDataItem(connect="pairs")  # bce: where σ(z) = 0.5, as line segments
        for drawn in (self.heat, self.regions, self.boundary):
            item.addItem(drawn)
        self.colour_bar = pg.ColorBarItem(values=(0.0, 1.0), colorMap=colour_map(), width=14, interactive=False)
        self.colour_bar.setImageItem(self.heat, insert_in=item)
        for side in ("left", "right", "top", "bottom"):
            self.colour_bar.getAxis(side).setPen(pg.mkPen(TEXT_COLOUR))
        self.colour_bar.axis.setTextPen(pg.mkPen(TEXT_COLOUR))
        tidy(self.colour_bar.axis)
        self.curves: list[pg.PlotDataItem] = []  # one input: each output's curve
        self.samples = pg.ScatterPlotItem(pen=pg.mkPen(TEXT_COLOUR, width=1))
        self.batch = pg.ScatterPlotItem(brush=pg.mkBrush(None))
        for z, marks in enumerate((self.samples, self.batch), start=1):
            marks.setZValue(z)
            item.addItem(marks)

        self.output_combo = QComboBox()
        self.output_combo.setObjectName("decisionOutputCombo")
        self.output_combo.activated.connect(self._on_output_chosen)
        self._output_label = QLabel()
        self.readout = QLabel()  # the output at the point under the mouse
        self.readout.setObjectName("decisionReadout")
        self.readout.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.plot_widget.scene().sigMouseMoved.connect(self._on_mouse_moved)
        bar = QHBoxLayout()
        bar.addWidget(self._output_label)
        bar.addWidget(self.output_combo)
        bar.addWidget(self.readout, 1)
        self.message = QLabel()
        self.message.setObjectName("decisionUnavailable")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._pages = QStackedWidget()
        self._pages.addWidget(self.plot_widget)
        self._pages.addWidget(self.message)
        self.caption = QLabel()
        self.caption.setObjectName("decisionCaption")
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self._pages, 1)
        layout.addWidget(self.caption)

        self._network: NetworkSpec | None = None  # what the legend, the combo and the curves were made for
        self._data: Data | None = None  # whose samples are drawn
        self._drawn_output = -1  # the output the samples are coloured for
        self._surface: Surface | None = None  # on show: a refresh of the same state redraws nothing
        self._range: tuple[float, float, float, float] | None = None  # the view's, as last set
        self._session: Session | None = None
        self._batches = False  # the data is taken in batches: the next one is ringed
        self._presenting = False
        self._label_size = css_size(self.font())
        self._sizes(1.0)
        self.retranslate()

    # ---- text

    def retranslate(self) -> None:
        self.plot_widget.setAccessibleName(self.tr("Decision boundary: the network's output over its inputs"))
        self._output_label.setText(self.tr("Output"))
        if self._network is not None:
            self._fill_legend()
            self._label_axes()
        self._write_caption()

    def _write_caption(self) -> None:
        """What the colours and the marks mean, for the picture on show."""
        net = self._network
        if net is None or self._pages.currentWidget() is self.message:
            self.caption.setText("")
            return
        plane = net.n_in == 2
        texts = {
            ("bce", True): self.tr("Colour: the network's probability of class 1, σ(z), at each point of the plane; "
                                   "the line is where it is 0.5, the decision boundary. Dots: the samples, coloured "
                                   "by their target."),
            ("ce", True): self.tr("Colour: the class the network picks at each point of the plane (the largest "
                                  "softmax probability), paler where it is less sure. Dots: the samples, coloured "
                                  "by their class."),
            ("mse", True): self.tr("Colour: the network's output a at each point of the plane. Dots: the samples, "
                                   "coloured by their target on the same scale."),
            ("bce", False): self.tr("Curve: the network's probability of class 1, σ(z), along the input. Dots: the "
                                    "samples at their target."),
            ("ce", False): self.tr("Curves: each class's probability, softmax(z), along the input. Dots: the "
                                   "samples, at probability 1 in their class's colour."),
            ("mse", False): self.tr("Curve: the network's output a along the input. Dots: the samples at their "
                                    "target."),
        }
        if net.n_in == 1 and net.loss != "ce" and net.n_out > 1:
            text = self.tr("Curves: each of the network's outputs along the input. Dots: the samples at their "
                           "targets, in the colour of their output.")
        else:
            text = texts[net.loss, plane]
        if self._batches:
            text = sentences(text, self.tr("Ringed: the samples of the batch the next step takes."))
        self.caption.setText(text)

    def _label_axes(self) -> None:
        item = self.plot_widget.getPlotItem()
        style = {"color": TEXT_COLOUR, "font-size": self._label_size}
        item.setLabel("bottom", subscript("x", 0), **style)
        if self._network.n_in == 2:
            item.setLabel("left", subscript("x", 1), **style)
        else:
            item.setLabel("left", {"bce": self.tr("probability of class 1, σ(z)"),
                                   "ce": self.tr("probability, softmax(z)"),
                                   "mse": self.tr("output a")}[self._network.loss], **style)
        self.colour_bar.axis.setLabel(self._scale_name(), **style)

    def _scale_name(self) -> str:
        k = self.output
        return (self.tr("P(class 1) = σ(%1)").replace("%1", self._unit("z", k)) if self._network.loss == "bce"
                else self._unit("a", k))

    def _output_name(self, k: int) -> str:
        return f"σ({self._unit('z', k)})" if self._network.loss == "bce" else self._unit("a", k)

    def _unit(self, symbol: str, k: int) -> str:
        """The output's z or a: numbered only among several (z₁ elsewhere names layer 1's z)."""
        return subscript(symbol, k) if self._network.n_out > 1 else symbol

    def _fill_legend(self) -> None:
        """What the dots, rings and lines mean: a legend in the plot's title row."""
        self._legend.clear()
        net = self._network
        class_name = self.tr("class %1")
        if net.n_in == 1:
            for k, curve in enumerate(self.curves):
                self._legend.addItem(curve, class_name.replace("%1", str(k)) if net.loss == "ce"
                                     else self._output_name(k))
        elif net.loss != "mse":
            for k in range(net.n_out if net.loss == "ce" else 2):
                swatch = pg.ScatterPlotItem(symbol="o", size=LEGEND_SYMBOL, pen=self.samples.opts["pen"],
                                            brush=class_colour(k))
                self._legend.addItem(swatch, class_name.replace("%1", str(k)))
        if net.n_in == 2 and net.loss == "bce":
            self._legend.addItem(self.boundary, self.tr("σ(z) = 0.5"))
        if self._batches:
            self._legend.addItem(pg.ScatterPlotItem(symbol="o", size=LEGEND_SYMBOL, pen=self.batch.opts["pen"],
                                                    brush=None), self.tr("next batch"))
        self._fit_legend()

    def _fit_legend(self) -> None:
        """The legend in as many columns as fit across the plot, its row as tall as it then is."""
        item = self.plot_widget.getPlotItem()
        for columns in range(max(len(self._legend.items), 1), 0, -1):
            self._legend.setColumnCount(columns)
            self._legend.layout.activate()
            if columns == 1 or self._legend.layout.preferredWidth() <= item.width():
                break
        item.layout.setRowFixedHeight(0, self._legend.layout.preferredHeight() if self._legend.items else 0)
        item.layout.activate()

    # ---- sizes

    def set_projection(self, font, presenting: bool) -> None:
        """Axis numbers, labels and legend in the window's font; in presentation, larger marks and thicker lines."""
        set_plot_font(self.plot_widget, font)
        self.plot_widget.getPlotItem().getAxis("left").setWidth(None)  # as wide as its few labels: the plane gains
        metrics = QFontMetrics(font)
        half = metrics.height() // 2 + 1
        self.colour_bar.axis.setStyle(tickFont=font, hideOverlappingLabels=half)
        # its ticks and its label beside them (pyqtgraph fixes the axis at 45 px, for a desk's type)
        self.colour_bar.axis.setWidth(metrics.horizontalAdvance("0.5") + int(1.6 * metrics.height()))
        # the last tick's number may reach half a number past the plane's corner, not vanish for it
        self.plot_widget.getPlotItem().getAxis("bottom").setStyle(hideOverlappingLabels=metrics.horizontalAdvance("0.5"))
        self._label_size = css_size(font)
        self._legend.setLabelTextSize(css_size(font, 0.7 if presenting else 1.0))
        self._presenting = presenting
        self._sizes(2.0 if presenting else 1.0)
        self.message.setFont(font)
        self.caption.setFont(scaled_font(font, CAPTION_SCALE if presenting else 1.0))
        self.caption.setVisible(not presenting)  # the lecturer says it; the plane keeps the room
        if self._network is not None:
            self._label_axes()
            self._fill_legend()

    def _sizes(self, scale: float) -> None:
        """Lines `scale` times as thick; dots and rings grow half as much (many samples would cover the plane), and
        the dots shrink as the samples grow past CROWD (their area shared out, at least 3 pixels across)."""
        crowd = min(1.0, np.sqrt(CROWD / self._data.m)) if self._data is not None else 1.0
        self.samples.setSize(max(3.0, SAMPLE_SIZE * (1 + scale) / 2 * crowd))
        self.batch.setSize(RING_SIZE * (1 + scale) / 2)
        self.batch.setPen(pg.mkPen(TEXT_COLOUR, width=2 * scale))
        self.boundary.setPen(pg.mkPen(TEXT_COLOUR, width=2 * scale))
        for k, curve in enumerate(self.curves):
            curve.setPen(pg.mkPen(class_colour(k), width=3 * scale))

    # ---- state

    @property
    def output(self) -> int:
        """The output drawn over the plane (0-based; under ce all of them, as classes)."""
        return max(self.output_combo.currentIndex(), 0)

    def show_state(self, session: Session, evaluation: Evaluation, shown: Shown) -> None:
        """The current parameters' output over the data's plane, the samples, and the batch the next step takes;
        stepping in phases, once the forward pass at the parameters is shown (the picture is a forward pass)."""
        self._session = session
        p = session.problem
        surface = evaluation.surface
        if not shown.forward:
            self._say(self.tr("The decision boundary at the new parameters: after the forward pass (the next Step)."))
            return
        if surface is None:
            self._say(self.tr("The decision boundary is drawn for networks of one or two inputs only; this one has "
                              "%1 inputs.").replace("%1", str(p.network.n_in)))
            return
        if not np.isfinite(surface.predicted).all():
            self._say(self.tr("The parameters are not finite, so there is no output to draw. Undo to return to the "
                              "last finite state."))
            return
        self._pages.setCurrentWidget(self.plot_widget)
        batches = not p.full_batch
        if p.network != self._network or batches != self._batches:
            self._rebuild(p.network, batches)
        if p.data is not self._data or self._drawn_output != self.output:
            self._show_samples(p.data, p.targets)
        if surface is not self._surface:  # a new state (a refresh of the same one has nothing new to draw)
            self._show_batch(p.data, p.targets,
                             evaluation.rows if batches else np.empty(0, dtype=np.int64))
            self._show_surface(surface, p.data)

    def _say(self, text: str) -> None:
        """A sentence in place of the picture."""
        self.message.setText(text)
        self._pages.setCurrentWidget(self.message)
        self._network = self._data = self._surface = None
        self.readout.setText("")
        self.output_combo.setVisible(False)
        self._output_label.setVisible(False)
        self._write_caption()

    def _rebuild(self, network: NetworkSpec, batches: bool) -> None:
        """The pieces that depend on the network's shape and loss: output choice, curves, colour bar, legend."""
        self._network, self._batches, self._data, self._surface = network, batches, None, None
        self.readout.setText("")
        plane = network.n_in == 2
        chooses = plane and network.loss != "ce" and network.n_out > 1
        with QSignalBlocker(self.output_combo):
            self.output_combo.clear()
            for k in range(network.n_out if chooses else 0):
                self.output_combo.addItem(self._output_name(k))
        self.output_combo.setVisible(chooses)
        self._output_label.setVisible(chooses)
        item = self.plot_widget.getPlotItem()
        for curve in self.curves:
            item.removeItem(curve)
        self.curves = [] if plane else [item.plot() for _ in range(network.n_out)]
        item.vb.setAspectLocked(plane)  # x₁ and x₂ on one scale: a circle round; a curve's axes are unlike
        self._sizes(2.0 if self._presenting else 1.0)
        self.heat.setVisible(plane and network.loss != "ce")
        self.boundary.setVisible(plane and network.loss == "bce")
        self.regions.setVisible(plane and network.loss == "ce")
        self.colour_bar.setVisible(plane and network.loss != "ce")
        self._range = None
        self._label_axes()
        self._fill_legend()
        self._write_caption()

    def _on_output_chosen(self) -> None:
        if self._session is not None:
            self._label_axes()
            self.show_state(self._session, self._session.evaluate(), EVERYTHING)  # (chosen on the picture: it shows)

    def _on_mouse_moved(self, position) -> None:
        """The read-out at the point under the mouse along the curve, or on the plane and nowhere beside it."""
        view = self.plot_widget.getPlotItem().vb
        if self._surface is None or not view.sceneBoundingRect().contains(position):
            return
        if self._surface.plane.ys is not None:
            image = self.regions if self._network.loss == "ce" else self.heat
            if not image.sceneBoundingRect().contains(position):
                self.readout.setText("")
                return
        point = view.mapSceneToView(position)
        self.readout.setText(self.read_out(point.x(), point.y()))

    def read_out(self, x: float, y: float) -> str:
        """What the network gives at the grid point nearest to (x, y): the inputs there and the output."""
        plane, net, surface = self._surface.plane, self._network, self._surface

        def nearest(axis: np.ndarray, value: float) -> int:
            return int(np.clip(np.rint((value - axis[0]) / (axis[1] - axis[0])), 0, axis.size - 1))

        j = nearest(plane.xs, x)
        where = f"{subscript('x', 0)} = {short_number(plane.xs[j], 3)}"
        if plane.ys is None:
            names = [self._output_name(k) if net.loss != "ce" else f"P({k})" for k in range(net.n_out)]
            values = surface.predicted[j]
        else:
            i = nearest(plane.ys, y)
            where += f", {subscript('x', 1)} = {short_number(plane.ys[i], 3)}"
            if net.loss == "ce":
                what = self.tr("class %1, probability %2").replace(
                    "%1", str(int(surface.classes[i, j]))).replace("%2", short_number(surface.confidence[i, j], 3))
                return self.tr("%1: %2").replace("%1", where).replace("%2", what)
            names, values = [self._output_name(self.output)], surface.predicted[i, j, self.output:self.output + 1]
        what = self.tr(",  ").join(f"{name} = {short_number(v, 3)}" for name, v in zip(names, values))
        return self.tr("%1: %2").replace("%1", where).replace("%2", what)

    # ---- drawing

    def _sample_points(self, X: np.ndarray, Y: np.ndarray, targets: np.ndarray
                       ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Where samples' dots go and their colours: (x, y, colours (n, 3) uint8). In the plane at their inputs;
        for one input, at each of their targets (ce: at probability 1, in their class's colour)."""
        net = self._network
        classes = np.array([class_colour(k).getRgb()[:3] for k in range(net.n_out)])  # (n_out, 3)
        if net.n_in == 2:
            if net.loss == "ce":
                return X[:, 0], X[:, 1], classes[targets]
            k = self.output
            low, high = (0.0, 1.0) if net.loss == "bce" else value_range(self._data.Y[:, k])
            return X[:, 0], X[:, 1], scaled(Y[:, k], low, high, FULL_LUT)
        if net.loss == "ce":
            return X[:, 0], np.ones(len(X)), classes[targets]
        outputs = np.repeat(np.arange(net.n_out), len(X))  # (n_out · m,): output 1's samples, then output 2's, …
        return np.tile(X[:, 0], net.n_out), Y.T.ravel(), classes[outputs]

    def _show_samples(self, data: Data, targets: np.ndarray) -> None:
        self._data, self._drawn_output, self._surface = data, self.output, None
        self._sizes(2.0 if self._presenting else 1.0)
        x, y, colours = self._sample_points(data.X, data.Y, targets)
        unique, which = np.unique(colours, axis=0, return_inverse=True)
        brushes = [pg.mkBrush(*c) for c in unique.tolist()]
        self.samples.setData(x, y, brush=[brushes[k] for k in which.ravel()])

    def _show_batch(self, data: Data, targets: np.ndarray, rows: np.ndarray) -> None:
        """Rings around the samples of the next batch (none when every step takes every sample)."""
        x, y, _ = self._sample_points(data.X[rows], data.Y[rows], targets[rows])
        self.batch.setData(x, y)

    def _show_surface(self, surface: Surface, data: Data) -> None:
        self._surface = surface
        net, plane = self._network, surface.plane
        if plane.ys is None:
            for k, curve in enumerate(self.curves):
                curve.setData(plane.xs, surface.predicted[:, k])
            low, high = (0.0, 1.0) if net.loss != "mse" else value_range(surface.predicted, data.Y)
            self._show_range(plane.xs[0], plane.xs[-1], low, high, slack=0.05)
            return
        dx, dy = plane.xs[1] - plane.xs[0], plane.ys[1] - plane.ys[0]
        rect = QRectF(plane.xs[0] - dx / 2, plane.ys[0] - dy / 2, dx * plane.xs.size, dy * plane.ys.size)
        if net.loss == "ce":
            self.regions.setImage(regions(surface.classes, surface.confidence, net.n_out), autoLevels=False,
                                  levels=(0, 255))
            self.regions.setRect(rect)
        else:
            values = surface.predicted[..., self.output]
            self.heat.setImage(values, autoLevels=False)
            self.heat.setRect(rect)
            levels = (0.0, 1.0) if net.loss == "bce" else value_range(data.Y[:, self.output])
            if tuple(self.colour_bar.levels()) != levels:  # set every frame, it would redraw its axis every frame
                self.colour_bar.setLevels(levels)
            if net.loss == "bce":
                ends = surface.boundary(self.output).reshape(-1, 2)  # (2k, 2): each segment's two ends in turn
                self.boundary.setData(ends[:, 0], ends[:, 1])
        self._show_range(rect.left(), rect.right(), rect.top(), rect.bottom())

    def _show_range(self, left: float, right: float, low: float, high: float, slack: float = 0.0) -> None:
        """The view over x from left to right and y from low to high (with `slack` of the span each side), moved
        only when that changes: a range set on every frame makes pyqtgraph rebuild both axes on every frame. The
        plane, to scale, fills the plot across or up and down (pyqtgraph widens the other range around it)."""
        pad = slack * (high - low)
        wanted = (left, right, low - pad, high + pad)
        view = self.plot_widget.getPlotItem().vb
        if self._range == wanted:
            return
        (x0, x1), (y0, y1) = view.viewRange()
        grown_past = wanted[2] < y0 or wanted[3] > y1 or (wanted[0], wanted[1]) != (x0, x1)
        if self._range is not None and not grown_past and (high - low) > 0.5 * (y1 - y0) and slack:
            return  # a curve's range moving a little within the view
        self._range = wanted
        view.setRange(xRange=wanted[:2], yRange=wanted[2:], padding=0)
