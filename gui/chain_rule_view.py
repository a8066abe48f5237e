"""Any parameter's gradient taken apart along the path from the loss: ∂L/∂θ = ∂L/∂a · ∂a/∂z · ∂z/∂θ for a followed
sample, ∂L/∂a as the sum over the next layer's units, the δ's above it from the loss down, and the batch's gradient
as the mean of every sample's own gradient. The numbers are core's (core.explain.ParameterChain); the tables are
painted (gui.text_grid), so a refresh costs a few strings, not a rich-text layout of every cell."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QScrollArea, QSpinBox, QVBoxLayout, QWidget

from core.activations import activation
from core.evaluation import Evaluation
from core.explain import Notation, ParameterChain, nearest_entry
from core.network import weight_name
from core.session import Session
from gui.array_model import ArrayModel
from gui.grid import Grid
from gui.i18n import Retranslatable, core_text
from gui.last_shown import ShowsAgain
from gui.phases import Shown, known, known_entries
from gui.style import AGREE_COLOUR, DISAGREE_COLOUR
from gui.text_grid import Cell, TextGrid

DIGITS = 6  # significant digits of the factors, their product and the batch's gradient
TERM_DIGITS = 4  # of each term of a sum and each entry of a vector
SAMPLES_SHOWN = 6  # per-sample gradients written out before "…"
TERMS_PER_ROW = 8  # a sum over a wider layer continues on further rows
ENTRIES_SHOWN = 4  # of a vector in the chain from the loss; more are elided


def _label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _coloured(text: str, colour: str) -> str:
    return f"<span style='color:{colour}'>{text}</span>"


def _checked(text: str, agrees: bool, computed: bool) -> list[list[Cell]]:
    """`text` after ✔ or ✘ (once the backward pass has computed what it checks)."""
    mark = [Cell("✔", colour=AGREE_COLOUR) if agrees else Cell("✘", colour=DISAGREE_COLOUR)] if computed else []
    return [mark + [Cell(text)]]


def _part(*widgets: QWidget) -> QWidget:
    """Widgets one under the other, shown and hidden together."""
    part = QWidget()
    layout = QVBoxLayout(part)
    layout.setContentsMargins(0, 4, 0, 0)
    for widget in widgets:
        layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
    return part


class ChainRuleView(ShowsAgain, Retranslatable, QWidget):
    """The chosen entry's chain rule as a three-row table (names, formulas, numbers), where its ∂L/∂a comes from,
    the batch's mean, and the sample's whole term of the gradient as an outer product δ aᵀ."""

    sampleChosen = Signal(int)  # the user chose another sample of the batch to follow (its place, 0-based)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("chainRuleView")
        self._name, self._index, self._sample = "W1", (0, 0), 0
        self._last: tuple[Session, Evaluation, Shown] | None = None  # shown again at once when a choice changes
        self._notation, self._layer = Notation(1), 1  # of the entry shown: the grids' headers read them
        self.heading = _label("chainRuleHeading")
        self.heading.setWordWrap(True)
        self.sample_caption, self.sample_row = QLabel(), QLabel()
        self.sample_spin = QSpinBox()
        self.sample_spin.setObjectName("chainRuleSampleSpin")
        self.sample_spin.valueChanged.connect(lambda v: (self.choose_sample(v - 1), self.sampleChosen.emit(v - 1)))
        self.mistake_note = _label("chainRuleMistake")
        self.mistake_note.setWordWrap(True)
        self.table = TextGrid("chainRuleTable")
        self.check = TextGrid("chainRuleCheck", "left")
        self.sum_caption, self.sum_table = _label("chainRuleSumCaption"), TextGrid("chainRuleSum", "right")
        self.chain_caption, self.chain_table = _label("chainRuleChainCaption"), TextGrid("chainRuleChain", "left")
        self.batch_caption, self.batch_table = _label("chainRuleBatchCaption"), TextGrid("chainRuleBatch")
        self.batch_check = TextGrid("chainRuleBatchCheck", "left")
        self.delta_model = ArrayModel("δ", row_names=lambda i: self._notation.unit("δ", self._layer, i),
                                      column_names=lambda _: self._notation.vector("δ", self._layer), parent=self)
        self.input_model = ArrayModel("xᵀ", row_names=lambda _: self._notation.vector("a", self._layer - 1) + "ᵀ",
                                      column_names=lambda j: self._notation.unit("a", self._layer - 1, j), parent=self)
        self.matrix_caption, self.delta_caption = QLabel(), QLabel()
        self._times = QLabel("·")
        self.input_view = Grid(self.input_model, "inputRowView", "xᵀ")
        self._build()
        self.retranslate()

    def _build(self) -> None:
        """Heading and sample above; the factors beside the sample's outer product; under them what makes the
        factors (the sum over the layer above, the δ's from the loss down) and the batch's mean. All of it scrolls
        (a wide layer's sum, a long chain)."""
        sample = QHBoxLayout()
        self._sample_widgets = (self.sample_caption, self.sample_spin, self.sample_row)
        for widget in self._sample_widgets:
            sample.addWidget(widget)
        sample.addStretch(1)
        self.sum_part = _part(self.sum_caption, self.sum_table)
        self.chain_part = _part(self.chain_caption, self.chain_table)
        self.batch_part = _part(self.batch_caption, self.batch_table, self.batch_check)
        body = QWidget()
        layout = QGridLayout(body)
        layout.addWidget(self.heading, 0, 0, 1, 5)
        layout.addLayout(sample, 1, 0, 1, 5)
        layout.addWidget(self.mistake_note, 2, 0, 1, 5)
        layout.addWidget(_part(self.table, self.check), 3, 0, 3, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.matrix_caption, 3, 1, 1, 3)
        layout.addWidget(Grid(self.delta_model, "deltaView", "δ"), 4, 1, 2, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self._times, 4, 2, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.input_view, 4, 3, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.delta_caption, 5, 3, Qt.AlignmentFlag.AlignTop)
        for row, part in enumerate((self.sum_part, self.chain_part, self.batch_part), start=6):
            layout.addWidget(part, row, 0, 1, 5)
        layout.setColumnStretch(4, 1)
        layout.setRowStretch(9, 1)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def retranslate(self) -> None:
        self.sample_caption.setText(self.tr("Follow sample"))
        self.sample_spin.setAccessibleName(self.tr("The sample of the batch the chain rule follows"))
        self.chain_caption.setText(self.tr("and the δ's it takes, from the loss down:"))
        self._show_again()

    # ---- what to show

    @property
    def chosen(self) -> tuple[str, tuple[int, ...]]:
        """The parameter and entry shown: ("W2", (0, 3))."""
        return self._name, self._index

    @property
    def sample(self) -> int:
        """The followed sample's place in the batch (0-based)."""
        return self._sample

    def choose(self, name: str, index: tuple[int, ...]) -> None:
        """Show the chain rule of entry `index` of parameter `name` (W1, b2, …)."""
        self._name, self._index = name, tuple(index)
        self._show_again()

    def choose_sample(self, b: int) -> None:
        """Follow sample `b` (0-based) of the batch."""
        if b >= 0 and b != self._sample:
            self._sample = b
            self._show_again()

    def set_cell(self, i: int, j: int) -> None:
        """W1's entry (i, j): the one-layer window's cells."""
        self.choose("W1", (i, j))


    # ---- showing

    def show_state(self, session: Session, evaluation: Evaluation, shown: Shown) -> None:
        """Every number of the chain is the backward pass's: "?" until it has run."""
        self._last = (session, evaluation, shown)
        self._name, self._index = nearest_entry(session.problem.network, self._name, self._index)
        batch = len(evaluation.X)
        self._sample = min(self._sample, batch - 1)
        chain = evaluation.explained.chain(self._name, self._index, self._sample)
        if (chain.notation, chain.layer) != (self._notation, self._layer):
            self._notation, self._layer = chain.notation, chain.layer
            for model in (self.delta_model, self.input_model):
                model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(model.columnCount() - 1, 0))
                model.headerDataChanged.emit(Qt.Orientation.Vertical, 0, max(model.rowCount() - 1, 0))
        computed = shown.backward
        self._show_heading(chain, batch, session)
        self._show_factors(chain, batch, computed)
        self.sum_part.setVisible(bool(chain.terms))
        if chain.terms:
            self._show_sum(chain, computed)
        self.chain_part.setVisible(bool(chain.above))
        if chain.above:
            self._show_chain(chain, session, computed)
        self.batch_part.setVisible(batch > 1)
        if batch > 1:
            self._show_batch(chain, computed)
        self._show_outer_product(chain, evaluation, batch, shown)

    def _show_heading(self, chain: ParameterChain, batch: int, session: Session) -> None:
        entry = chain.notation.entry(chain.name, chain.index)
        if chain.notation.layers == 1 and not chain.is_bias:
            text = self.tr("<b>Chain rule for %1</b> — click a cell of W or of a gradient to choose another")
        else:
            text = self.tr("<b>Chain rule for %1</b> — click any weight or bias of any layer, or its gradient, to "
                           "choose another")
        self.heading.setText(text.replace("%1", entry))
        for widget in self._sample_widgets:
            widget.setVisible(batch > 1)
        self.sample_spin.blockSignals(True)
        self.sample_spin.setRange(1, batch)
        self.sample_spin.setValue(chain.sample + 1)
        self.sample_spin.blockSignals(False)
        self.sample_row.setText(self.tr("of the batch's %1 (row %2 of the data)").replace("%1", str(batch))
                                .replace("%2", str(chain.row + 1)))
        mistake = session.problem.mistake
        self.mistake_note.setVisible(mistake is not None)
        if mistake is not None:
            self.mistake_note.setText(_coloured(self.tr("The hand-written backward as it stands, with its deliberate "
                                                        "mistake: %1").replace("%1", core_text(mistake.describe())),
                                                DISAGREE_COLOUR))

    def _show_factors(self, chain: ParameterChain, batch: int, computed: bool) -> None:
        """∂L/∂θ = ∂L/∂a · ∂a/∂z · ∂z/∂θ: names, formulas, numbers; a factor the backward forgets is struck out."""
        entry = chain.notation.entry(chain.name, chain.index)
        names, formulas, values = [Cell(f"∂L/∂{entry}")], [Cell("")], [Cell(known(chain.product, DIGITS, computed),
                                                                             bold=True)]
        for join, f in zip("=··", chain.factors):
            forgotten = f.value is None
            names += [Cell(join), Cell(f.name, struck=forgotten)]
            formulas += [Cell(join), Cell(self.tr("forgotten"), colour=DISAGREE_COLOUR) if forgotten
                         else Cell(f.formula(core_text))]
            values += [Cell(join), Cell("—" if forgotten else known(f.value, DIGITS, computed))]
        self.table.set_rows([names, formulas, values])
        if batch == 1:
            self.check.set_rows(_checked(self.tr("the same as the gradient grid's %1 = %2").replace(
                "%1", entry).replace("%2", known(chain.gradient, DIGITS, computed)), chain.agrees, computed))
        else:
            self.check.set_rows([[Cell(self.tr("sample %1's term of the batch's sum (δ carries 1/%2); the gradient "
                                               "is below").replace("%1", str(chain.sample + 1))
                                       .replace("%2", str(batch)))]])

    def _show_sum(self, chain: ParameterChain, computed: bool) -> None:
        """∂L/∂a_l[i] = Σ_k δ_{l+1}[k] · W_{l+1}[k, i], term by term, and the sum."""
        n, l, i = chain.notation, chain.layer, chain.index[0]
        above, w = n.vector("δ", l + 1), n.parameter(weight_name(l + 1))
        sent = f"{w}[{i + 1},k]" if chain.transposed else f"{w}[k,{i + 1}]"
        first = chain.factors[0]
        formula = first.formula(core_text)
        self.sum_caption.setText(
            self.tr("where %1 comes from: what each unit k of layer %2 sends down to it").replace(
                "%1", first.name).replace("%2", str(l + 1))
            + f"<br>{first.name} = " + (_coloured(formula, DISAGREE_COLOUR) if chain.transposed else formula))
        rows = []
        for start in range(0, len(chain.terms), TERMS_PER_ROW):
            terms = chain.terms[start:start + TERMS_PER_ROW]
            last = start + TERMS_PER_ROW >= len(chain.terms)
            total = [Cell(f"Σ = {known(first.value, DIGITS, computed)}", bold=True)] if last else []
            rows += [
                [Cell("k")] + [Cell(str(t.unit + 1)) for t in terms],
                [Cell(f"{above}[k]")] + [Cell(known(t.delta, TERM_DIGITS, computed)) for t in terms],
                [Cell(sent)] + [Cell(known(t.weight, TERM_DIGITS, True)) for t in terms],
                [Cell(f"{above}[k] · {sent}")] + [Cell(known(t.product, TERM_DIGITS, computed)) for t in terms]
                + total,
            ]
        self.sum_table.set_rows(rows)

    def _vector(self, values, computed: bool) -> str:
        entries = known_entries(values, TERM_DIGITS, computed, self.tr("… %1 in all"), ENTRIES_SHOWN)
        return "[" + ", ".join(entries) + "]"

    def _show_chain(self, chain: ParameterChain, session: Session, computed: bool) -> None:
        """δ_L … δ_{l+1} of the sample, from the loss down: each ∂L/∂a ⊙ f′(z), in symbols and in numbers."""
        n, network = chain.notation, session.problem.network
        # the loss's formula takes one cell where a δ's symbols (∂L/∂a, then ⊙ f′(z)) take two
        rows = [[Cell(chain.loss.name), Cell("="), Cell(chain.loss.formula(core_text)), Cell(""), Cell("="),
                 Cell(self._vector(chain.above[0].incoming, computed))]]
        for step in chain.above:
            m = step.layer
            if m == network.layers:
                incoming = Cell(chain.loss.name)
            else:
                w = n.parameter(weight_name(m + 1)) + ("ᵀ" if step.transposed else "")
                incoming = Cell(f"({n.vector('δ', m + 1)} {w})", colour=DISAGREE_COLOUR if step.transposed else None)
            if step.forgotten:
                symbols = [incoming, Cell(self.tr("(f′ forgotten)"), colour=DISAGREE_COLOUR)]
                numbers = self._vector(step.incoming, computed)
            else:
                f = activation(network.activations[m - 1]).symbol
                symbols = [incoming, Cell(f"⊙ {f}′({n.vector('z', m)})")]
                numbers = f"{self._vector(step.incoming, computed)} ⊙ {self._vector(step.derivative, computed)}"
            rows.append([Cell(n.vector("δ", m)), Cell("="), *symbols, Cell("="), Cell(numbers), Cell("="),
                         Cell(self._vector(step.delta, computed))])
        self.chain_table.set_rows(rows)

    def _show_batch(self, chain: ParameterChain, computed: bool) -> None:
        """Each sample's own gradient (the first few, the followed one), their mean, and the grid's value."""
        n, l, i, batch = chain.notation, chain.layer, chain.index[0], len(chain.per_sample)
        entry = chain.notation.entry(chain.name, chain.index)
        own = f"{batch} · {n.unit('δ', l, i)}" + ("" if chain.is_bias else f" · {n.unit('a', l - 1, chain.index[1])}")
        self.batch_caption.setText(self.tr("The batch's gradient: the mean of each sample's own gradient g = %1 "
                                           "(what its loss alone would give)").replace("%1", own))
        shown = list(range(min(batch, SAMPLES_SHOWN)))
        if chain.sample >= SAMPLES_SHOWN:
            shown += [None, chain.sample]
        if shown[-1] < batch - 1:
            shown.append(None)
        samples, values = [Cell(self.tr("sample"))], [Cell("g")]
        for b in shown:
            followed = b == chain.sample
            samples.append(Cell("…" if b is None else str(b + 1), bold=followed))
            values.append(Cell("…" if b is None else known(float(chain.per_sample[b]), TERM_DIGITS, computed),
                               bold=followed))
        samples.append(Cell(self.tr("mean")))
        values.append(Cell(known(chain.mean, DIGITS, computed), bold=True))
        self.batch_table.set_rows([samples, values])
        if chain.first_sample_only:
            check = self.tr("the gradient grid's %1 is %2: sample 1's term alone, not the mean (the deliberate "
                            "mistake)")
        else:
            check = self.tr("the same as the gradient grid's %1 = %2")
        check = check.replace("%1", entry).replace("%2", known(chain.gradient, DIGITS, computed))
        self.batch_check.set_rows(_checked(check, chain.agrees, computed))

    def _show_outer_product(self, chain: ParameterChain, evaluation: Evaluation, batch: int, shown: Shown) -> None:
        """The sample's δ_l and a_{l−1}ᵀ, whose outer product is its whole term of dL/dW_l (of dL/db_l: δ_l)."""
        n, l, b = chain.notation, chain.layer, chain.sample
        delta, below = n.vector("δ", l), n.vector("a", l - 1)
        if n.layers == 1 and batch == 1:
            self.matrix_caption.setText(self.tr("All of dL/dW at once: the outer product δ xᵀ"))
            self.delta_caption.setText(self.tr("δ = ∂L/∂a ⊙ ∂a/∂z, one per output;\nrow i of dL/dW is δᵢ times xᵀ"))
        elif chain.is_bias:
            self.matrix_caption.setText(self.tr("Sample %1's term of dL/d%2: %3 itself").replace(
                "%1", str(b + 1)).replace("%2", n.parameter(chain.name)).replace("%3", delta))
        else:
            self.matrix_caption.setText(self.tr("Sample %1's term of dL/d%2 at once: the outer product %3 %4ᵀ")
                                        .replace("%1", str(b + 1)).replace("%2", n.parameter(chain.name))
                                        .replace("%3", delta).replace("%4", below))
            self.delta_caption.setText(self.tr("%1 = ∂L/∂%4 ⊙ ∂%4/∂%5, one per unit;\nrow i of dL/d%2 is %1[i] "
                                               "times %3ᵀ").replace("%1", delta).replace("%2", n.parameter(chain.name))
                                       .replace("%3", below).replace("%4", n.vector("a", l))
                                       .replace("%5", n.vector("z", l)))
        for widget in (self._times, self.input_view, self.delta_caption):
            widget.setVisible(not chain.is_bias)
        self.delta_model.name = delta
        self.delta_model.set_values(evaluation.backward.deltas[l - 1][b])
        self.delta_model.set_pending(not shown.backward)
        self.input_model.name = below + "ᵀ"
        self.input_model.set_values(evaluation.forward.activations[l - 1][b][None, :])
        self.input_model.set_pending(not (shown.forward or l == 1))
