"""The optimizer's memory, by hand and in torch's optimizer.state, and the next update written out."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QScrollArea, QStyle, QVBoxLayout, QWidget

from core.evaluation import Evaluation
from core.explain import next_update, state_quantities
from core.notation import sub
from core.session import Session
from gui.array_model import ArrayModel
from gui.formula import plain, rich
from gui.grid import Grid
from gui.i18n import Retranslatable, core_text
from gui.phases import Shown, known
from gui.style import short_number, subscript

# the widest values a line of the next step can hold (6 significant digits): its value column is sized for them
VALUE_SAMPLES = [short_number(v, 6) for v in (-1.23456789e-10, -0.000123456789, -123456.789)]


def _names() -> dict:
    return dict(row_names=lambda i: subscript("a", i), column_names=lambda j: subscript("x", j), digits=4)


class OptimizerStateView(Retranslatable, QWidget):
    """Rows: by hand, torch.optim; columns: each state tensor (m, v, m̂, v̂ for Adam) and the next update Δw."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("optimizerStateView")
        self._cell = (0, 0)
        self._layout_key = None
        self.models: dict[tuple[str, str], ArrayModel] = {}  # (engine, symbol) -> model, for tests and views
        self.heading = QLabel()
        self.heading.setObjectName("optimizerStateHeading")
        self.heading.setWordWrap(True)
        self.grids = QWidget()
        self._grid_layout = QGridLayout(self.grids)
        self._grid_layout.setContentsMargins(0, 0, 0, 0)
        self.lines = QLabel()
        self.lines.setObjectName("nextUpdateLines")
        self.lines.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lines.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()  # one row per quantity: by hand beside torch's; scrolls down through them
        scroll.setWidget(self.grids)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # the written-out update can be taller than the tab: it scrolls down, and is always wide enough for its
        # longest formula and value (the state grids beside it give way, and scroll sideways)
        self._lines_area = lines = QScrollArea()
        lines.setWidget(self.lines)
        lines.setWidgetResizable(True)
        lines.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QHBoxLayout()
        body.addWidget(scroll, 1)
        body.addWidget(lines)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addLayout(body, 1)
        self._row_labels = (QLabel(), QLabel())
        self.retranslate()

    def retranslate(self) -> None:
        self._row_labels[0].setText(self.tr("by hand"))
        self._row_labels[1].setText(self.tr("torch.optim .state"))
        self._layout_key = None  # captions are rebuilt in the new language at the next show_state

    def set_cell(self, i: int, j: int) -> None:
        self._cell = (i, j)

    def show_state(self, session: Session, evaluation: Evaluation, shown: Shown) -> None:
        """The stored state (always known) and the next update, which needs this state's gradient."""
        s = session.state
        spec = s.optimizer
        manual = state_quantities(spec, s.manual)
        torch = {q.symbol: q for q in state_quantities(spec, s.torch)}
        update = next_update(spec, s.manual, evaluation.chain.dL_dW)
        key = (spec.kind, tuple(q.symbol for q in manual), s.manual.weight.shape, self._look(self))
        if key != self._layout_key:  # the captions' hats are drawn in the font and colour of the moment
            self._build([(q.symbol, q.source) for q in manual])
            self._layout_key = key
        for q in manual:
            self.models["hand", q.symbol].set_values(q.values)
            if q.symbol in torch:
                self.models["torch", q.symbol].set_values(torch[q.symbol].values)
        self.models["hand", "Δw"].set_values(update.update)
        self.models["hand", "Δw"].set_pending(not shown.backward)
        t_hand, t_torch = s.manual.optimizer_state["W1"].get("step"), s.torch.optimizer_state["W1"].get("step")
        label = f"torch.optim.{spec.info.label}"
        if not manual and not any(s.manual.optimizer_state.values()):
            text = self.tr("%1 keeps no state yet: torch creates it on the first step (plain SGD never does).")
        elif t_hand is not None:
            text = self.tr("%1 after t = %2 steps by hand, t = %3 in torch's optimizer.state.")
        else:
            text = self.tr("%1: its state by hand and in torch's optimizer.state.")
        self.heading.setText(text.replace("%1", label).replace("%2", str(t_hand)).replace("%3", str(t_torch)))
        i, j = min(self._cell[0], s.problem.n_out - 1), min(self._cell[1], s.problem.n_in - 1)
        self._cell = (i, j)
        g = float(evaluation.chain.dL_dW[i, j])
        w = f"w{sub(i)}{sub(j)}"
        rows = [("g = ∂L/∂" + w, known(g, 6, shown.backward))]
        rows += [(line.formula, known(line.value, 6, shown.backward)) for line in update.at(i, j)]
        self._show_lines(self.tr("next step at %1, in torch's order").replace("%1", w), rows)

    def _look(self, widget: QWidget, bold: bool = False) -> tuple[QFont, QColor, float]:
        """The font, colour and pixel ratio a hat is drawn in to match `widget`'s text."""
        font = QFont(widget.font())
        font.setBold(bold)
        return font, widget.palette().color(QPalette.ColorRole.WindowText), widget.devicePixelRatioF()

    def _show_lines(self, heading: str, rows: list[tuple[str, str]]) -> None:
        """The next step, one line per intermediate, values right-aligned in a column as wide as the widest value
        can be; the lines' area is made wide enough for all of it, so no value is ever cut."""
        metrics = self.lines.fontMetrics()
        width = max(metrics.horizontalAdvance("00" + v) for v in VALUE_SAMPLES)
        look = self._look(self.lines)
        self.lines.setText(f"<table cellspacing='0' cellpadding='2'><tr><td colspan='2'>{heading}</td></tr>" + "".join(
            f"<tr><td>{rich(core_text(f), *look)}</td><td align='right' width='{width}'>&nbsp;&nbsp;{v}</td></tr>"
            for f, v in rows) + "</table>")
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self._lines_area.setMinimumWidth(self.lines.sizeHint().width() + scroll_bar)

    def _build(self, quantities: list[tuple[str, str]]) -> None:
        layout = self._grid_layout
        while layout.count():
            item = layout.takeAt(0)
            if item.widget() is not None and item.widget() not in self._row_labels:
                item.widget().hide()  # at once: it is deleted only when the event loop next runs
                item.widget().deleteLater()
        self.models = {}
        layout.addWidget(self._row_labels[0], 0, 1)
        layout.addWidget(self._row_labels[1], 0, 2)
        rows = quantities + [("Δw", self.tr("next update"))]
        for row, (symbol, source) in enumerate(rows, start=1):
            caption = QLabel(f"<b>{rich(symbol, *self._look(self, bold=True))}</b><br>"
                             f"<small>{core_text(source)}</small>")
            layout.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
            for column, engine in enumerate(("hand", "torch"), start=1):
                if engine == "torch" and symbol == "Δw":
                    continue
                model = ArrayModel(plain(f"{symbol} {engine}"), **_names())
                self.models[engine, symbol] = model
                grid = Grid(model, f"state_{engine}_{row}", plain(f"{symbol} {engine}"))
                model.setParent(grid)  # goes when the grid goes
                layout.addWidget(grid, row, column)
        layout.setColumnStretch(3, 1)
        layout.setRowStretch(len(rows) + 1, 1)
