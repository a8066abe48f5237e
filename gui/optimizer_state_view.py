"""The optimizer's memory of one parameter, by hand and in torch's optimizer.state, and its next update written
out; the update comes from core (Evaluation.explained), computed once per state."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QScrollArea, QStyle, QVBoxLayout, QWidget

from core.evaluation import Evaluation
from core.explain import Notation, nearest_entry, state_quantities
from core.network import weight_name
from core.session import Session
from gui.array_model import ArrayModel
from gui.formula import plain, rich
from gui.grid import Grid
from gui.i18n import Retranslatable, core_text
from gui.last_shown import ShowsAgain
from gui.phases import Shown, known
from gui.style import short_number, subscript

# the widest values a line of the next step can hold (6 significant digits): its value column is sized for them
VALUE_SAMPLES = [short_number(v, 6) for v in (-1.23456789e-10, -0.000123456789, -123456.789)]


def _names(name: str, layers: int) -> dict:
    """Row and column names of a parameter's grids: aᵢ and xⱼ for the single layer's W, as its editor names them;
    numbers otherwise (a bias: one column, named for it)."""
    if layers == 1 and name == weight_name(1):
        return dict(row_names=lambda i: subscript("a", i), column_names=lambda j: subscript("x", j), digits=4)
    if name.startswith("b"):
        return dict(column_names=lambda _: Notation(layers).parameter(name), digits=4)
    return dict(digits=4)


class OptimizerStateView(ShowsAgain, Retranslatable, QWidget):
    """For the chosen parameter: rows of each state tensor (m, v, m̂, v̂ for Adam) and the next update Δ, by hand
    beside torch.optim; the chosen entry's next step line by line."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("optimizerStateView")
        self._name, self._index = "W1", (0, 0)
        self._last: tuple[Session, Evaluation, Shown] | None = None  # shown again at once when a choice changes
        self._layout_key = None
        self.models: dict[tuple[str, str], ArrayModel] = {}  # (engine, symbol) -> model, for tests and views
        self.heading = QLabel()
        self.heading.setObjectName("optimizerStateHeading")
        self.heading.setWordWrap(True)
        self.parameter_caption = QLabel()
        self.parameter_combo = QComboBox()
        self.parameter_combo.setObjectName("stateParameterCombo")
        self.parameter_combo.activated.connect(lambda _: self.choose(self.parameter_combo.currentText(), self._index))
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
        chooser = QHBoxLayout()
        chooser.addWidget(self.parameter_caption)
        chooser.addWidget(self.parameter_combo)
        chooser.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(scroll, 1)
        body.addWidget(lines)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addLayout(chooser)
        layout.addLayout(body, 1)
        self._row_labels = (QLabel(), QLabel())
        self.retranslate()

    def retranslate(self) -> None:
        self._row_labels[0].setText(self.tr("by hand"))
        self._row_labels[1].setText(self.tr("torch's optimizer.state"))
        self.parameter_caption.setText(self.tr("Parameter"))
        self.parameter_combo.setAccessibleName(self.tr("The parameter whose optimizer state is shown"))
        self._layout_key = None  # captions are rebuilt in the new language at the next show_state
        self._show_again()

    # ---- what to show

    @property
    def chosen(self) -> tuple[str, tuple[int, ...]]:
        """The parameter and entry shown: ("W2", (0, 3))."""
        return self._name, self._index

    def choose(self, name: str, index: tuple[int, ...]) -> None:
        """Show the state of parameter `name` (W1, b2, …) and the next step of its entry `index`."""
        self._name, self._index = name, tuple(index)
        self._show_again()

    def set_cell(self, i: int, j: int) -> None:
        """W1's entry (i, j): the one-layer window's cells."""
        self.choose("W1", (i, j))

    # ---- showing

    def show_state(self, session: Session, evaluation: Evaluation, shown: Shown) -> None:
        """The stored state (always known) and the next update, which needs this state's gradient."""
        self._last = (session, evaluation, shown)
        s = session.state
        network, spec = s.problem.network, s.optimizer
        name, index = self._name, self._index = nearest_entry(network, self._name, self._index)
        self._show_parameters(network.parameter_names)
        manual = state_quantities(spec, s.manual, name)
        torch = {q.symbol: q for q in state_quantities(spec, s.torch, name)}
        update = evaluation.explained.next_update(name)
        change = "Δ" + name[0].lower()  # Δw, Δb
        key = (spec.kind, tuple(q.symbol for q in manual), name, network.layers, self._look(self))
        if key != self._layout_key:  # the captions' hats are drawn in the font and colour of the moment
            self._build([(q.symbol, q.source) for q in manual], change, _names(name, network.layers))
            self._layout_key = key
        for q in manual:
            self.models["hand", q.symbol].set_values(q.values)
            if q.symbol in torch:
                self.models["torch", q.symbol].set_values(torch[q.symbol].values)
        self.models["hand", change].set_values(update.update)
        self.models["hand", change].set_pending(not shown.backward)
        self._show_heading(s, spec, name, manual)
        entry = Notation(network.layers).entry(name, index)
        rows = [("g = ∂L/∂" + entry, known(float(evaluation.grads[name][index]), 6, shown.backward))]
        rows += [(line.formula, known(line.value, 6, shown.backward)) for line in update.at(*index)]
        self._show_lines(self.tr("next step at %1, in torch's order").replace("%1", entry), rows)

    def _show_parameters(self, names: list[str]) -> None:
        """The combo box lists the network's parameters, the chosen one current."""
        combo = self.parameter_combo
        if [combo.itemText(k) for k in range(combo.count())] != names:
            combo.clear()
            combo.addItems(names)
        combo.setCurrentText(self._name)

    def _show_heading(self, s, spec, name: str, manual) -> None:
        t_hand, t_torch = s.manual.optimizer_state[name].get("step"), s.torch.optimizer_state[name].get("step")
        label = f"torch.optim.{spec.info.label}"
        if not manual and not any(s.manual.optimizer_state.values()):
            text = (self.tr("%1 keeps no state yet: torch creates it on the first step.") if s.step == 0 else
                    self.tr("%1 keeps no state: without momentum, SGD needs none."))
        elif t_hand is not None:
            text = self.tr("%1 after t = %2 steps by hand, t = %3 in torch's optimizer.state.")
        else:
            text = self.tr("%1: its state by hand and in torch's optimizer.state.")
        self.heading.setText(text.replace("%1", label).replace("%2", str(t_hand)).replace("%3", str(t_torch)))

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

    def _build(self, quantities: list[tuple[str, str]], change: str, names: dict) -> None:
        layout = self._grid_layout
        while layout.count():
            item = layout.takeAt(0)
            if item.widget() is not None and item.widget() not in self._row_labels:
                item.widget().hide()  # at once: it is deleted only when the event loop next runs
                item.widget().deleteLater()
        self.models = {}
        layout.addWidget(self._row_labels[0], 0, 1)
        layout.addWidget(self._row_labels[1], 0, 2)
        rows = quantities + [(change, self.tr("next update"))]
        for row, (symbol, source) in enumerate(rows, start=1):
            caption = QLabel(f"<b>{rich(symbol, *self._look(self, bold=True))}</b><br>"
                             f"<small>{core_text(source)}</small>")
            layout.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
            for column, engine in enumerate(("hand", "torch"), start=1):
                if engine == "torch" and symbol == change:
                    continue
                model = ArrayModel(plain(f"{symbol} {engine}"), **names)
                self.models[engine, symbol] = model
                grid = Grid(model, f"state_{engine}_{row}", plain(f"{symbol} {engine}"))
                model.setParent(grid)  # goes when the grid goes
                grid.selectionModel().currentChanged.connect(self._on_cell_chosen)
                layout.addWidget(grid, row, column)
        layout.setColumnStretch(3, 1)
        layout.setRowStretch(len(rows) + 1, 1)
        if self.grids.isVisible():  # shown and laid out now, not in rounds of the event loop (captions clipped)
            for k in range(layout.count()):
                layout.itemAt(k).widget().show()
            layout.activate()

    def _on_cell_chosen(self, index) -> None:
        """A click on any of the grids chooses that entry of the parameter shown."""
        if index.isValid():
            self.choose(self._name, (index.row(),) if self._name.startswith("b") else (index.row(), index.column()))
