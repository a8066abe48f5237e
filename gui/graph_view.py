"""The computation graph x → W·x → z → f → a → L, forward values on the nodes, gradients on the edges."""

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from core.activations import activation
from core.evaluation import Evaluation
from core.session import Session
from gui.i18n import Retranslatable
from gui.phases import Shown, known
from gui.style import GRADIENT_COLOUR

MAX_SHOWN = 6  # entries of a vector written on a node; more are elided


def _vector(values: np.ndarray, digits: int = 4, computed: bool = True) -> list[str]:
    """The first MAX_SHOWN entries, "?" each until computed."""
    shown = [known(float(v), digits, computed) for v in np.ravel(values)[:MAX_SHOWN]]
    return shown + ["…"] if np.size(values) > MAX_SHOWN else shown


class GraphView(Retranslatable, QWidget):
    """micrograd's picture, live: each node holds its value, each edge the gradient flowing back along it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("graphView")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._nodes: list[tuple[str, list[str]]] = []
        self._edges: list[tuple[str, list[str]]] = []
        self._inputs: dict[int, str] = {}
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Computation graph"))
        self._caption = self.tr("forward values on the nodes, gradients ∂L/∂· on the arrows (red), flowing back")
        self.update()

    def show_state(self, session: Session, evaluation: Evaluation, shown: Shown) -> None:
        """Values on the nodes once the forward pass has computed them, gradients on the arrows once the backward
        pass has; x, y and W are given."""
        p, e = session.problem, evaluation
        f = activation(p.activation).symbol
        chain = e.chain
        self._nodes = [
            ("x", _vector(p.x_cast)),
            ("z = W·x", _vector(e.forward.zs[-1][0], computed=shown.forward)),
            (f"a = {f}(z)", _vector(e.forward.output[0], computed=shown.forward)),
            ("L = mean((a − y)²)", [known(e.forward.loss, 6, shown.forward)]),
        ]
        largest = known(float(np.max(np.abs(chain.dL_dW))), 3, shown.backward)
        self._edges = [  # what flows back along each arrow
            ("∂L/∂W = δ xᵀ", [self.tr("max |·| %1").replace("%1", largest)]),
            ("∂L/∂z = δ", _vector(chain.delta, computed=shown.backward)),
            ("∂L/∂a", _vector(chain.dL_da, computed=shown.backward)),
        ]
        self._inputs = {1: "W", 3: "y = [" + ", ".join(_vector(p.y_cast, 3)) + "]"}  # fed in from above
        self.setMinimumWidth(self._needed_width())
        self.update()

    def _width_of(self, lines: list[str]) -> float:
        """A box's width for these lines of text, padding included."""
        m = QFontMetricsF(self.font())
        return max(m.horizontalAdvance(t) for t in lines) + m.height()

    def _widths(self) -> tuple[float, float]:
        """(box, arrow): the widest node's box, the widest gradient label's room."""
        return (max(self._width_of([name, *values]) for name, values in self._nodes),
                max(self._width_of([name, *values]) for name, values in self._edges))

    def _needed_width(self) -> int:
        """Boxes and arrows at their natural widths: narrower, and the labels would overlap."""
        box_w, edge_w = self._widths()
        last = max(box_w, self._width_of([self._inputs[3]]))  # y's box above the last node may be wider
        n = len(self._nodes)
        return int(n * box_w + (n - 1) * edge_w + QFontMetricsF(self.font()).height() + (last - box_w) + 1)

    def sizeHint(self) -> QSize:
        m = QFontMetricsF(self.font())
        rows = max((len(v) for _, v in self._nodes), default=3) + 1
        return QSize(int(m.horizontalAdvance("0") * 100), int(m.height() * (rows + 5)))

    def paintEvent(self, event) -> None:
        if not self._nodes:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        m = QFontMetricsF(self.font())
        line, pad = m.height(), 0.5 * m.height()
        text, gradient = self.palette().windowText().color(), QColor(GRADIENT_COLOUR)
        box_w, edge_w = self._widths()
        box_h = max(len(values) for _, values in self._nodes) * line + line + 2 * pad
        n = len(self._nodes)
        gap = max(edge_w, (self.width() - 2 * pad - n * box_w) / (n - 1))
        painter.setPen(text)
        painter.drawText(QPointF(pad, line), self._caption)
        top = 4 * line
        boxes = [QRectF(pad + k * (box_w + gap), top, box_w, box_h) for k in range(n)]
        for k, ((name, values), rect) in enumerate(zip(self._nodes, boxes)):
            self._box(painter, rect, [name, *values], text, bold=k == n - 1)
        for k, label in self._inputs.items():  # W into z, y into L
            rect = QRectF(boxes[k].left(), 1.6 * line, self._width_of([label]), 1.4 * line)
            self._box(painter, rect, [label], text, bold=False)
            self._arrow(painter, QPointF(rect.center().x(), rect.bottom()), QPointF(rect.center().x(), top), text)
        for k, (name, values) in enumerate(self._edges):
            y = boxes[k].center().y()
            self._arrow(painter, QPointF(boxes[k].right(), y), QPointF(boxes[k + 1].left(), y), text)
            painter.setPen(gradient)
            for r, t in enumerate([name, *values]):
                painter.drawText(QPointF(boxes[k].right() + pad, y + (r + 1.2) * line), t)
        painter.end()

    @staticmethod
    def _box(painter: QPainter, rect: QRectF, lines: list[str], colour: QColor, bold: bool) -> None:
        painter.setPen(QPen(colour, 2.5 if bold else 1.2))
        painter.setBrush(QColor(245, 247, 250))
        painter.drawRoundedRect(rect, 8, 8)
        m = QFontMetricsF(painter.font())
        pad = 0.5 * m.height()
        painter.setPen(colour)
        for r, t in enumerate(lines):
            painter.drawText(QPointF(rect.left() + pad, rect.top() + pad + r * m.height() + m.ascent()), t)

    @staticmethod
    def _arrow(painter: QPainter, start: QPointF, end: QPointF, colour: QColor) -> None:
        painter.setPen(QPen(colour, 1.5))
        painter.drawLine(start, end)
        d = end - start
        length = max((d.x() ** 2 + d.y() ** 2) ** 0.5, 1e-9)
        ux, uy = d.x() / length, d.y() / length
        head = QPainterPath(end)
        head.lineTo(end - QPointF(9 * ux - 4 * uy, 9 * uy + 4 * ux))
        head.lineTo(end - QPointF(9 * ux + 4 * uy, 9 * uy - 4 * ux))
        head.closeSubpath()
        painter.fillPath(head, colour)
