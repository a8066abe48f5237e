"""A small picture of each hidden unit's output over the input plane, a row of them per hidden layer: what a
lecturer points at to show how a hidden layer bends the plane (TensorFlow Playground's neurons).

The pictures come from the same forward pass over the plane as the decision boundary (Evaluation.surface). A layer's
pictures share one colour scale, its activation's range (core.decision.layer_range), named in its row's header with
a small colour bar; for one input each picture is the unit's curve over the input's range instead. Clicking a
picture chooses that unit (unitChosen). The rows wrap to the width and scroll: 16 units in 5 hidden layers stay
readable.
"""

from typing import NamedTuple

import numpy as np
from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QImage, QLinearGradient, QPainter, QPen, QPolygonF, qRgb
from PySide6.QtWidgets import QLabel, QScrollArea, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from core.activations import activation
from core.decision import Surface, layer_range
from core.evaluation import Evaluation
from core.notation import layer_unit, short_number
from core.session import Session
from gui.i18n import Retranslatable
from gui.phases import Shown
from gui.plane_colours import LUT, levels
from gui.plot_style import CAPTION_SCALE, scaled_font
from gui.style import MANUAL_COLOUR, TEXT_COLOUR

GAP = 6  # pixels between pictures
COLOUR_TABLE = [qRgb(*rgb) for rgb in LUT.tolist()]  # the plane's scale, for pictures of colour indices


class Layer(NamedTuple):
    """One hidden layer's pictures as drawn."""

    layer: int  # 1 … L − 1
    activation: str
    low: float  # the colour scale (or, for one input, the curves' vertical range) its pictures share
    high: float
    values: np.ndarray  # a_l over the plane: (G, G, N_l), or (G, N_l) along one input
    images: list[QImage]  # each unit's picture (2-D); empty for one input


class _Pictures(QWidget):
    """Paints the rows of pictures, wrapped to its width, and reports which one is clicked."""

    clicked = Signal(int, int)  # layer, unit

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("neuronThumbnails")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.layers: list[Layer] = []
        self.xs: np.ndarray | None = None  # the input's values, for one input
        self.chosen: tuple[int, int] | None = None
        self.header = "%1"  # a row's header, with %1 … %4: layer, activation, low, high (translated by the owner)
        self._buffers: list[np.ndarray] = []  # the pixels the QImages point into

    def side(self) -> int:
        """A picture's side in pixels: four lines of the font, so zoom and presentation enlarge them too."""
        return 4 * QFontMetrics(self.font()).height()

    def show_layers(self, layers: list[Layer], xs: np.ndarray | None, buffers: list[np.ndarray]) -> None:
        self.layers, self.xs, self._buffers = layers, xs, buffers
        self.setMinimumHeight(self.heightForWidth(max(self.width(), 1)))
        self.update()

    def _columns(self, width: int) -> int:
        return max(1, (width - GAP) // (self.side() + GAP))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        line = QFontMetrics(self.font()).height()
        rows = sum(-(-layer.values.shape[-1] // self._columns(width)) for layer in self.layers)
        return len(self.layers) * (line + 2 * GAP) + rows * (self.side() + line + GAP) + GAP

    def sizeHint(self) -> QSize:
        widest = max((layer.values.shape[-1] for layer in self.layers), default=1)
        width = GAP + min(widest, 8) * (self.side() + GAP)
        return QSize(width, self.heightForWidth(width))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.setMinimumHeight(self.heightForWidth(self.width()))

    def places(self) -> list[tuple[int, int, QRect]]:
        """(layer, unit, where its picture is) for every picture, and the headers' places between."""
        return [place for place in self._layout() if place[1] >= 0]

    def _layout(self) -> list[tuple[int, int, QRect]]:
        """Each header (unit −1) and picture, in reading order."""
        line, side, columns = QFontMetrics(self.font()).height(), self.side(), self._columns(self.width())
        places, y = [], GAP
        for layer in self.layers:
            places.append((layer.layer, -1, QRect(GAP, y, self.width() - 2 * GAP, line)))
            y += line + GAP
            for unit in range(layer.values.shape[-1]):
                row, column = divmod(unit, columns)
                places.append((layer.layer, unit, QRect(GAP + column * (side + GAP), y + row * (side + line + GAP),
                                                        side, side)))
            y += -(-layer.values.shape[-1] // columns) * (side + line + GAP) + GAP
        return places

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setPen(QColor(TEXT_COLOUR))
        line = QFontMetrics(self.font()).height()
        by_layer = {layer.layer: layer for layer in self.layers}
        for l, unit, rect in self._layout():
            layer = by_layer[l]
            if unit < 0:
                self._paint_header(painter, layer, rect)
                continue
            if layer.images:
                painter.drawImage(QRectF(rect), layer.images[unit])
            else:
                self._paint_curve(painter, layer, unit, rect)
            painter.setPen(QPen(QColor(TEXT_COLOUR), 3 if self.chosen == (l, unit) else 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)
            painter.drawText(QRect(rect.left(), rect.bottom() + 1, rect.width(), line),
                             Qt.AlignmentFlag.AlignHCenter, layer_unit("a", l, unit))
        painter.end()

    def _paint_header(self, painter: QPainter, layer: Layer, rect: QRect) -> None:
        """The layer's name and activation, and its colour scale: a small bar from its low to its high end."""
        low, high = short_number(layer.low, 3), short_number(layer.high, 3)
        text = (self.header.replace("%1", str(layer.layer)).replace("%2", activation(layer.activation).label)
                .replace("%3", low).replace("%4", high))
        metrics = QFontMetrics(self.font())
        painter.setPen(QColor(TEXT_COLOUR))
        painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        if layer.images:  # the colour bar: the scale the pictures are drawn on, low to high
            left = rect.left() + metrics.horizontalAdvance(text) + metrics.height()
            bar = QRect(left, rect.top() + 3, min(4 * metrics.height(), max(rect.right() - left, 0)),
                        rect.height() - 6)
            ramp = QLinearGradient(bar.left(), 0, bar.right(), 0)
            for t in (0.0, 0.5, 1.0):
                ramp.setColorAt(t, QColor(*LUT[min(int(t * len(LUT)), len(LUT) - 1)].tolist()))
            painter.fillRect(bar, ramp)

    def _paint_curve(self, painter: QPainter, layer: Layer, unit: int, rect: QRect) -> None:
        """One input: the unit's output along it, on its layer's vertical range, the range's middle dotted."""
        painter.fillRect(rect, QColor("white"))
        xs, ys = self.xs, layer.values[:, unit]
        span = layer.high - layer.low
        px = rect.left() + (xs - xs[0]) / (xs[-1] - xs[0]) * rect.width()
        py = rect.bottom() - np.clip((ys - layer.low) / span, 0.0, 1.0) * rect.height()
        painter.setPen(QPen(QColor(160, 160, 160), 1, Qt.PenStyle.DotLine))
        painter.drawLine(rect.left(), rect.center().y(), rect.right(), rect.center().y())
        painter.setPen(QPen(QColor(MANUAL_COLOUR), 2))
        painter.drawPolyline(QPolygonF([QPointF(x, y) for x, y in zip(px.tolist(), py.tolist())]))

    def mousePressEvent(self, event) -> None:
        for l, unit, rect in self.places():
            if rect.contains(event.position().toPoint()):
                self.clicked.emit(l, unit)
                return
        super().mousePressEvent(event)


class NeuronPictures(Retranslatable, QWidget):
    """Each hidden unit's output over the input plane (or along the one input), a row per hidden layer."""

    unitChosen = Signal(int, int)  # layer (1 … L − 1), unit (0-based)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("neuronPictures")
        self.pictures = _Pictures()
        self.pictures.clicked.connect(self.choose)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # rows wrap instead
        self.scroll.setWidget(self.pictures)
        self.message = QLabel()
        self.message.setObjectName("neuronPicturesUnavailable")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._pages = QStackedWidget()
        self._pages.addWidget(self.scroll)
        self._pages.addWidget(self.message)
        self.caption = QLabel()
        self.caption.setObjectName("neuronCaption")
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._pages, 1)
        layout.addWidget(self.caption)
        self._surface: Surface | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.pictures.header = self.tr("Layer %1, %2: from %3 to %4")
        self.pictures.update()
        if self._pages.currentWidget() is self.message:
            self.caption.setText("")
        elif self.pictures.xs is not None:
            self.caption.setText(self.tr("Each hidden unit's output along the input, on its layer's range (the "
                                         "dotted line is its middle). Click a unit to choose it."))
        else:
            self.caption.setText(self.tr("Each hidden unit's output over the plane of the inputs, in the colours "
                                         "of its layer's scale (blue low, white middle, orange high). Click a unit "
                                         "to choose it."))

    def set_projection(self, font, presenting: bool) -> None:
        """Labels, headers and pictures in the window's font (a picture is four lines tall); the caption smaller
        when projected."""
        for widget in (self.pictures, self.message):
            widget.setFont(font)
        self.caption.setFont(scaled_font(font, CAPTION_SCALE if presenting else 1.0))
        self.pictures.setMinimumHeight(self.pictures.heightForWidth(self.pictures.width()))

    def choose(self, layer: int, unit: int) -> None:
        """Mark a unit's picture as chosen, and say so."""
        self.pictures.chosen = (layer, unit)
        self.pictures.update()
        self.unitChosen.emit(layer, unit)

    def show_state(self, session: Session, evaluation: Evaluation, shown: Shown) -> None:
        """The current parameters' hidden units over the data's plane, once the forward pass at them is shown."""
        net = session.problem.network
        surface = evaluation.surface
        if not shown.forward:
            self._say(self.tr("Each hidden unit at the new parameters: after the forward pass (the next Step)."))
        elif surface is None and net.layers == 1:  # (the seed's: three inputs, but first of all no hidden unit)
            self._say(self.tr("This network has no hidden layer: its one layer is the output."))
        elif surface is None:
            self._say(self.tr("The hidden units are drawn for networks of one or two inputs only; this one has %1 "
                              "inputs.").replace("%1", str(net.n_in)))
        elif not surface.hidden:
            self._say(self.tr("This network has no hidden layer: its one layer is the output, drawn as the decision "
                              "boundary."))
        elif not all(np.isfinite(a).all() for a in surface.hidden):
            self._say(self.tr("The parameters are not finite, so there is nothing to draw. Undo to return to the "
                              "last finite state."))
        elif surface is not self._surface:
            self._show_surface(surface, net.activations)

    def _say(self, text: str) -> None:
        self._surface = None
        self.message.setText(text)
        self._pages.setCurrentWidget(self.message)
        self.retranslate()

    def _show_surface(self, surface: Surface, activations: tuple[str, ...]) -> None:
        self._surface = surface
        plane = surface.plane.ys is not None
        layers, buffers = [], []
        for l, values in enumerate(surface.hidden, start=1):
            low, high = layer_range(activations[l - 1], values)
            images = []
            if plane:
                # (N, G, G) colour indices, each unit's top row first: the plane's highest x₂ at the top
                pixels = np.empty((values.shape[2], *values.shape[:2]), dtype=np.uint8)
                pixels[...] = np.moveaxis(levels(values, low, high), 2, 0)[:, ::-1]
                buffers.append(pixels)
                size = pixels.shape[1]
                images = [QImage(p.data, size, size, size, QImage.Format.Format_Indexed8) for p in pixels]
                for image in images:
                    image.setColorTable(COLOUR_TABLE)
            layers.append(Layer(l, activations[l - 1], low, high, values, images))
        chosen = self.pictures.chosen
        if chosen is not None and not (chosen[0] <= len(layers) and chosen[1] < layers[chosen[0] - 1].values.shape[-1]):
            self.pictures.chosen = None  # that unit is gone with the network it was in
        self.pictures.show_layers(layers, None if plane else surface.plane.xs, buffers)
        self._pages.setCurrentWidget(self.scroll)
        self.retranslate()
