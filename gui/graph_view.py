"""The computation graph x → z₁ = W₁·x + b₁ → a₁ = f₁(z₁) → … → L: the followed sample's forward values on the
nodes, the gradients flowing back on the arrows, each layer's parameters feeding in from above."""

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from core.activations import activation
from core.evaluation import Evaluation
from core.explain import Notation
from core.losses import loss as loss_named
from core.mistakes import Mistake
from core.network import bias_name, weight_name
from core.session import Session
from gui.i18n import Retranslatable
from gui.last_shown import ShowsAgain
from gui.phases import Shown, known, known_entries
from gui.style import GRADIENT_COLOUR
from gui.text_grid import TextWidths

MAX_SHOWN = 6  # entries of a vector written on a node or an arrow; a wider layer shows its first 5 and a count
DIGITS = 4


class GraphView(ShowsAgain, Retranslatable, QWidget):
    """micrograd's picture, live and for every layer: each node holds its value, each arrow the gradient flowing
    back along it. Wider than the room it is given, it asks for its width (a scroll area around it scrolls)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("graphView")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._sample = 0
        self._last: tuple[Session, Evaluation, Shown] | None = None
        self._nodes: list[tuple[str, list[str]]] = []  # (name, lines of values), from x to L
        self._edges: list[tuple[str, list[str]]] = []  # the arrow from node k to node k + 1: what flows back on it
        self._inputs: dict[int, str] = {}  # node k: what feeds into it from above (W and b; y into L)
        self._caption = ""
        self._box_widths: list[float] = []  # each node's box, each arrow's label: measured once per state shown
        self._arrow_widths: list[float] = []
        self._texts = TextWidths()
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Computation graph"))
        self._show_again()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._show_again()  # every box and label measured again in the new font

    @property
    def sample(self) -> int:
        """The followed sample's place in the batch (0-based)."""
        return self._sample

    def choose_sample(self, b: int) -> None:
        """Show sample `b` (0-based) of the batch."""
        if b >= 0 and b != self._sample:
            self._sample = b
            self._show_again()

    def _vector(self, values, computed: bool = True) -> list[str]:
        return known_entries(values, DIGITS, computed, self.tr("… %1 in all"), MAX_SHOWN)

    def show_state(self, session: Session, evaluation: Evaluation, shown: Shown) -> None:
        """Values on the nodes once the forward pass has computed them, gradients on the arrows once the backward
        pass has; x, y and the parameters are given."""
        self._last = (session, evaluation, shown)
        p, e = session.problem, evaluation
        net = p.network
        n = Notation(net.layers)
        batch = len(e.X)
        b = self._sample = min(self._sample, batch - 1)
        fwd, deltas, incoming, largest = e.forward, e.backward.deltas, e.explained.incoming, e.explained.largest
        forward, backward = shown.forward, shown.backward
        self._nodes, self._edges, self._inputs = [("x", self._vector(fwd.activations[0][b]))], [], {}
        for l in range(1, net.layers + 1):
            w, bias, z, a, below = (n.parameter(weight_name(l)), n.parameter(bias_name(l)), n.vector("z", l),
                                    n.vector("a", l), n.vector("a", l - 1))
            into = [f"∂L/∂{w} = {n.vector('δ', l)} {below}ᵀ",
                    self.tr("max |·| %1").replace("%1", known(largest[weight_name(l)], 3, backward))]
            if net.bias:
                into += [f"∂L/∂{bias} = Σ {n.vector('δ', l)}",
                         self.tr("max |·| %1").replace("%1", known(largest[bias_name(l)], 3, backward))]
            if l > 1:  # what flows on down to the layer below
                transposed = "ᵀ" if p.mistake == Mistake("no_transpose", l - 1) else ""
                into += [f"∂L/∂{below} = {n.vector('δ', l)} {w}{transposed}",
                         *self._vector(incoming[l - 2][b], backward)]
            self._edges.append((into[0], into[1:]))
            self._inputs[len(self._nodes)] = f"{w}, {bias}" if net.bias else w
            self._nodes.append((f"{z} = {w}·{below}" + (f" + {bias}" if net.bias else ""),
                                self._vector(fwd.zs[l - 1][b], forward)))
            self._edges.append((f"∂L/∂{z} = {n.vector('δ', l)}", self._vector(deltas[l - 1][b], backward)))
            self._nodes.append((f"{a} = {activation(net.activations[l - 1]).symbol}({z})",
                                self._vector(fwd.activations[l][b], forward)))
        self._edges.append((f"∂L/∂{n.vector('a', net.layers)}", self._vector(incoming[-1][b], backward)))
        self._inputs[len(self._nodes)] = self._target(e.targets[b], net.loss)
        self._nodes.append((loss_named(net.loss).formula, [known(fwd.loss, 6, forward)]))
        caption = self.tr("forward values on the nodes, gradients ∂L/∂· on the arrows (red), flowing back")
        if batch > 1:
            row = int(e.rows[b])  # as the chain rule says it: the data's numbering too
            caption += self.tr(", for sample %1 of the batch's %2 (row %3 of the data; the loss: the batch's)").replace(
                "%1", str(b + 1)).replace("%2", str(batch)).replace("%3", str(row + 1))
        self._caption = caption
        self._box_widths = [self._width_of([name, *values]) for name, values in self._nodes]
        self._arrow_widths = [self._width_of([name, *values]) for name, values in self._edges]
        needed = self._needed_size()
        if needed != self.minimumSize():
            self.setMinimumSize(needed)
        self.update()

    def _target(self, target, loss: str) -> str:
        """y of the followed sample: its values, or its class under cross-entropy."""
        if loss_named(loss).takes_labels:
            return self.tr("y = class %1").replace("%1", str(int(target)))
        return "y = [" + ", ".join(known_entries(target, 3, True, self.tr("… %1 in all"), MAX_SHOWN)) + "]"

    # ---- geometry

    def _width_of(self, lines: list[str]) -> float:
        """A box's width for these lines of text, padding included."""
        font = self.font()
        return max(self._texts.width(font, line) for line in lines) + QFontMetricsF(font).height()

    def _layout(self) -> tuple[list[QRectF], float]:
        """Each node's box, at its own width, each arrow as long as its label (the room given to more than all of
        them spreads the arrows); and the top of the boxes."""
        line = QFontMetricsF(self.font()).height()
        pad, top, height = 0.5 * line, 4 * line, self._box_height()
        arrows = self._arrow_widths
        spare = max(0.0, self.width() - self._needed_size().width()) / len(arrows)
        boxes, x = [], pad
        for k, width in enumerate(self._box_widths):
            boxes.append(QRectF(x, top, width, height))
            x += width + (arrows[k] + spare if k < len(arrows) else 0)
        return boxes, top

    def _box_height(self) -> float:
        line = QFontMetricsF(self.font()).height()
        return max(len(values) for _, values in self._nodes) * line + 2 * line

    def _needed_size(self) -> QSize:
        """Boxes and arrows at their natural widths (narrower, and the labels would overlap); the tallest
        arrow label under the middle of the boxes."""
        line = QFontMetricsF(self.font()).height()
        beyond = max(0.0, self._width_of([self._inputs[len(self._nodes) - 1]]) - self._box_widths[-1])  # y's box
        width = sum(self._box_widths) + sum(self._arrow_widths) + line + beyond + 1
        below = max(self._box_height() / 2, max(len(v) + 2.2 for _, v in self._edges) * line)
        return QSize(int(width), int(4 * line + self._box_height() / 2 + below + line))

    def sizeHint(self) -> QSize:
        return self._needed_size() if self._nodes else QSize(400, 200)

    # ---- painting

    def paintEvent(self, event) -> None:
        if not self._nodes:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        m = QFontMetricsF(self.font())
        line, pad = m.height(), 0.5 * m.height()
        text, gradient = self.palette().windowText().color(), QColor(GRADIENT_COLOUR)
        boxes, top = self._layout()
        n = len(self._nodes)
        painter.setPen(text)
        painter.drawText(QPointF(pad, line), self._caption)
        for k, ((name, values), rect) in enumerate(zip(self._nodes, boxes)):
            self._box(painter, rect, [name, *values], text, bold=k == n - 1)
        for k, label in self._inputs.items():  # each layer's parameters into its z, y into L
            rect = QRectF(boxes[k].left(), 1.4 * line, self._width_of([label]), 2 * line)
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
