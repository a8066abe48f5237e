"""The gradient check as a table, one row per tensor in the style of the backprop-ninja's cmp(): each parameter's
hand-written gradient and each layer's δ against autograd and against central differences, coloured by verdict."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.compare import TOLERANCES
from core.evaluation import Evaluation
from core.gradient_check import THRESHOLDS, CheckRow, check_table
from core.session import Session
from gui.i18n import Retranslatable, core_text, sentences
from gui.last_shown import ShowsAgain
from gui.phases import EVERYTHING, Shown
from gui.style import CHECK_COLOURS, TEXT_COLOUR, cell_padding, power_text, short_number

_Index = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole
TENSOR, SHAPE, EXACT, CLOSE, MAX_ABS, RELATIVE, VERDICT = range(7)
MARKS = {"good": "✔", "fine": "✔", "doubtful": "?", "wrong": "✘", "kink": "⚠"}
DIGITS = 3  # significant digits of max |Δ| and the relative error; the tooltip holds every digit
# the widest numbers those columns can show, to size them for (both are ≥ 0, or NaN)
NUMBER_SAMPLES = [short_number(v, DIGITS) for v in (8.88e-308, 0.000888, 888.0, float("nan"))]


def shape_text(shape: tuple[int, ...]) -> str:
    """4 × 2 for a matrix, 4 for a vector."""
    return " × ".join(str(n) for n in shape)


class GradientCheckModel(QAbstractTableModel):
    """The rows of core.gradient_check.check_table as text, tooltips and a colour per verdict.

    A check not computed yet in this phase shows "?", one waiting for torch "…", a relative error left out while
    stepping runs "—"; none of these is coloured.
    """

    reshaped = Signal()  # the same tensors in other shapes: the texts of the shape column changed

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[CheckRow] = []
        self._computed = True  # the backward pass has run in this phase
        self._dtype = "float32"
        self.retranslate()

    def retranslate(self) -> None:
        """The words of the verdicts, of the cells and of why a check waits, in the current language."""
        self.words = {"good": self.tr("good"), "fine": self.tr("fine"), "doubtful": self.tr("doubtful"),
                      "wrong": self.tr("wrong"), "kink": self.tr("kink"), "relu kink": self.tr("relu kink"),
                      "yes": self.tr("yes"), "no": self.tr("no"),
                      "phase": self.tr("The backward pass has not run yet in this phase."),
                      "torch": self.tr("torch is loading…"),
                      "running": self.tr("Central differences wait while stepping runs; they are checked when it "
                                         "stops."),
                      "sampled": self.tr("(%1 of %2)"),
                      "against sample": self.tr("against central differences at %1 of %2 entries, a sample")}
        self.refresh()

    def set_rows(self, rows: list[CheckRow], computed: bool, dtype: str) -> None:
        """Show `rows`: new tensors reset the model, new numbers only change its data, and new shapes (a batch of
        another size) tell the view to re-fit its columns."""
        if [r.name for r in rows] != [r.name for r in self._rows]:
            self.beginResetModel()
            self._rows, self._computed, self._dtype = list(rows), computed, dtype
            self.endResetModel()
            return
        reshaped = [r.shape for r in rows] != [r.shape for r in self._rows]
        self._rows, self._computed, self._dtype = list(rows), computed, dtype
        self.refresh()
        if reshaped:
            self.reshaped.emit()

    def refresh(self) -> None:
        """Every cell and header again (new numbers, or a new language)."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, VERDICT))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, VERDICT)

    def rows(self) -> list[CheckRow]:
        return list(self._rows)

    def status(self, row: int) -> str | None:
        """The verdict the row's colour stands for, or None for an uncoloured row."""
        r = self._rows[row]
        if not self._computed or r.status in ("pending", "unchecked"):
            return None
        return r.status

    # ---- texts

    def verdict_text(self, status: str, kink: bool) -> str:
        """✔ good, ? doubtful, ✘ wrong, ⚠ kink; ⚠ after it where a relu's kink makes the differences doubtful."""
        text = f"{MARKS[status]} {self.words[status]}"
        return text + f" {MARKS['kink']}" if kink and status != "kink" else text

    def relative_text(self, relative: float, sampled: tuple[int, int] | None) -> str:
        """The relative error, and how many entries it was taken over where central differences took a sample:
        1.2e−07 (3 of 256)."""
        text = short_number(relative, DIGITS)
        return text if sampled is None else f"{text} {self._of(self.words['sampled'], sampled)}"

    @staticmethod
    def _of(template: str, sampled: tuple[int, int]) -> str:
        """`template` with %1 and %2 the entries compared and the tensor's entries."""
        return template.replace("%1", str(sampled[0])).replace("%2", str(sampled[1]))

    def widest_texts(self, column: int) -> list[str]:
        """Every kind of text the column can hold for the current tensors: the column is sized for them all."""
        words = self.words
        waiting = ["?", "…", "—"]
        if column == TENSOR:
            return [r.label for r in self._rows]
        if column == SHAPE:
            return [shape_text(r.shape) for r in self._rows]
        if column == EXACT:
            return waiting + [words["yes"], words["no"]]
        if column == CLOSE:
            return waiting + [f"✔ {words['yes']}", f"✘ {words['no']}"]
        if column == MAX_ABS:
            return waiting + NUMBER_SAMPLES
        if column == RELATIVE:
            samples = {r.sampled for r in self._rows if r.sampled is not None}
            return waiting + NUMBER_SAMPLES + [f"{number} {self._of(words['sampled'], sampled)}"
                                               for number in NUMBER_SAMPLES for sampled in samples]
        return waiting + [self.verdict_text(s, kink=True) for s in MARKS]

    def text(self, row: int, column: int) -> str:
        """What the cell shows."""
        r = self._rows[row]
        if column == TENSOR:
            return r.label
        if column == SHAPE:
            return shape_text(r.shape)
        if not self._computed:
            return "?"
        if r.verdict == "pending":
            return "…"
        words = self.words
        if column == EXACT:
            return words["yes"] if r.exact else words["no"]
        if column == CLOSE:
            return f"✔ {words['yes']}" if r.close else f"✘ {words['no']}"
        if column == MAX_ABS:
            return short_number(r.max_abs, DIGITS)
        if column == RELATIVE:
            return "—" if r.verdict == "unchecked" else self.relative_text(r.relative, r.sampled)
        return "—" if r.status == "unchecked" else self.verdict_text(r.status, r.kink)

    def _tooltip(self, row: int, column: int) -> str:
        """The cell's full precision and what it means."""
        r = self._rows[row]
        delta = r.name.startswith("δ")
        if column == TENSOR:
            return (self.tr("%1 = dL/dz by hand, against autograd's retained z.grad").replace("%1", r.label) if delta
                    else self.tr("dL/d%1 by hand, against autograd and central differences").replace("%1", r.label))
        if column == SHAPE:
            return (self.tr("%1: batch × units").replace("%1", shape_text(r.shape)) if delta
                    else str(r.shape))
        if not self._computed:
            return self.words["phase"]
        if r.verdict == "pending":
            return self.words["torch"]
        if column == CLOSE:
            return self.tr("relative error against autograd's at most %1 in %2").replace(
                "%1", power_text(TOLERANCES[self._dtype, "torch"].rtol)).replace("%2", self._dtype)
        if column == MAX_ABS:
            return f"max |hand − autograd| = {r.max_abs!r}"
        if column == RELATIVE and r.verdict == "unchecked":
            return self.words["running"]
        if column == RELATIVE:
            against = (self.tr("against autograd's z.grad") if delta else self.tr("against central differences")
                       if r.sampled is None else self._of(self.words["against sample"], r.sampled))
            return f"{r.relative!r} ({against})"
        if column == VERDICT and r.kink:
            return self.tr("A relu's z lies within a finite-difference step of its kink: there the central "
                           "differences may be off while the gradient is right.")
        return self.text(row, column)

    def _header_tooltip(self, column: int) -> str:
        tolerances = {d: power_text(TOLERANCES[d, "torch"].rtol) for d in ("float32", "float64")}
        return [
            self.tr("A parameter's gradient, or a layer's δ = dL/dz"),
            self.tr("rows × columns; a δ has a row per sample of the batch"),
            self.tr("Bit for bit equal to autograd's (rounding in another order makes float32 differ a little)"),
            self.tr("Within the precision's tolerance of autograd's: relative error at most %1 in float32, %2 in "
                    "float64").replace("%1", tolerances["float32"]).replace("%2", tolerances["float64"]),
            self.tr("The largest |hand − autograd| over the tensor's entries"),
            self.tr("max |Δ| ÷ the largest |g|: a parameter against central differences, a δ against autograd"),
            self.thresholds_text(),
        ][column]

    def thresholds_text(self) -> str:
        """The verdicts' thresholds in words, from core's own."""
        (good, _), (fine, _), (doubtful, _) = THRESHOLDS
        return (self.tr("Relative error: ✔ good up to %1, ✔ fine up to %2 (float32's rounding), ? doubtful up to "
                        "%3, ✘ wrong above; ⚠ kink: a relu's z within a finite-difference step of 0, where only the "
                        "central differences are off")
                .replace("%1", power_text(good)).replace("%2", power_text(fine))
                .replace("%3", power_text(doubtful)))

    # ---- QAbstractTableModel

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else VERDICT + 1

    def data(self, index: _Index, role: int = Role.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (Role.DisplayRole, Role.AccessibleTextRole):
            return self.text(row, column)
        if role == Role.ToolTipRole:
            return self._tooltip(row, column)
        status = self.status(row)
        if role == Role.BackgroundRole and status is not None:
            return CHECK_COLOURS[status]
        if role == Role.ForegroundRole and status is not None:
            return QColor(TEXT_COLOUR)  # dark on the light verdict colours, whatever the palette
        if role == Role.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column in (MAX_ABS, RELATIVE) else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section <= VERDICT:
            return None
        if role == Role.DisplayRole:
            return [self.tr("tensor"), self.tr("shape"), self.tr("exact"), self.tr("allclose"), "max |Δ|",
                    self.tr("relative error"), self.tr("verdict")][section]
        if role == Role.ToolTipRole:
            return self._header_tooltip(section)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled


class GradientCheckTable(QTableView):
    """The check's table, every column as wide as the widest text it can hold, so no number is ever cut."""

    def __init__(self, model: GradientCheckModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("gradientCheckTable")
        self.setModel(model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)  # read, not edited: its tooltips tell more
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the window's keys (Space steps) keep working over it
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.verticalHeader().hide()
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setHighlightSections(False)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        model.modelReset.connect(self.fit)
        model.reshaped.connect(self.fit)
        self.fit()

    def cell_margin(self) -> int:
        """Room the view keeps on each side of a cell's text."""
        return self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1

    def fit(self) -> None:
        """Each column as wide as its header and the widest text it can hold, at the current font."""
        metrics, model, header = self.fontMetrics(), self.model(), self.horizontalHeader()
        for column in range(model.columnCount()):
            widest = max((metrics.horizontalAdvance(text) for text in model.widest_texts(column)), default=0)
            header.resizeSection(column, max(header.sectionSizeHint(column), widest + 2 * self.cell_margin() + 4))
        self.verticalHeader().setDefaultSectionSize(metrics.height() + cell_padding(metrics)[1])
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        """Every row, and every column beside room for a scroll bar (so a shorter table hides none of them)."""
        frame = 2 * self.frameWidth()
        width = self.horizontalHeader().length() + self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return QSize(width + frame, self.horizontalHeader().sizeHint().height() + self.verticalHeader().length()
                     + frame)

    def minimumSizeHint(self) -> QSize:
        """Every column, three rows."""
        size = self.sizeHint()
        size.setHeight(self.horizontalHeader().sizeHint().height() + 3 * self.verticalHeader().defaultSectionSize())
        return size

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self.horizontalHeader().setFont(self.font())  # left to itself the header keeps the type it started with
            self.fit()


class GradientCheckView(ShowsAgain, Retranslatable, QGroupBox):
    """The table, a legend of its colours, and a line saying what was checked.

    Central differences cost two forward passes per parameter entry: while stepping runs (set_running(True))
    the table checks against autograd alone and the relative errors wait ("—"); when it stops they are computed.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("gradientCheckView")
        self.model = GradientCheckModel(self)
        self.table = GradientCheckTable(self.model)
        self.legend = QLabel()
        self.legend.setObjectName("gradientCheckLegend")
        self.legend.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName("gradientCheckNote")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.note)
        self._running = False
        self._last: tuple[Session, Evaluation, Shown] | None = None  # the last state shown, to show again
        self.retranslate()

    def set_presenting(self, on: bool) -> None:
        """Projected, beside the plots: without the verdict column (the colour and the legend say it) and the note
        (the read-out says the step, the phase bar the phase)."""
        self.table.setColumnHidden(self.model.columnCount() - 1, on)
        self.note.setVisible(not on)
        self.table.updateGeometry()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Gradient check"))
        self.setToolTip(self.tr("Every tensor by hand against autograd and central differences"))
        self.table.setAccessibleName(self.tr("Gradient check"))
        self.model.retranslate()
        words = self.model.words
        (good, _), (fine, _), (doubtful, _) = THRESHOLDS
        swatches = [("good", f"✔ {words['good']} ≤ {power_text(good)}"),
                    ("fine", f"✔ {words['fine']} ≤ {power_text(fine)}"),
                    ("doubtful", f"? {words['doubtful']} ≤ {power_text(doubtful)}"),
                    ("wrong", f"✘ {words['wrong']} > {power_text(doubtful)}"),
                    ("kink", f"⚠ {words['relu kink']}")]
        # a swatch never breaks across lines; the legend wraps between them
        self.legend.setText(" ".join(f"<span style='background:{CHECK_COLOURS[k].name()}; color:{TEXT_COLOUR}'>"
                                     f"&nbsp;{text.replace(' ', '&nbsp;')}&nbsp;</span>" for k, text in swatches))
        self.legend.setToolTip(self.model.thresholds_text())
        self.table.fit()
        self._show_again()

    def set_running(self, running: bool) -> None:
        """Stepping runs (Run or Play): leave the central differences out until it stops."""
        if running != self._running:
            self._running = running
            if not running:
                self._show_again()

    def show_state(self, session: Session, evaluation: Evaluation, shown: Shown = EVERYTHING) -> None:
        """The check of the evaluation's every tensor, "?" until the backward pass has run in this phase."""
        self._last = (session, evaluation, shown)
        s = evaluation.state
        numeric = shown.backward and not self._running
        self.model.set_rows(check_table(evaluation, numeric=numeric), shown.backward, s.problem.dtype)
        words = self.model.words
        if not shown.backward:
            note = words["phase"]
        elif evaluation.autograd is None:
            note = words["torch"]
        elif self._running:
            note = words["running"]
        else:
            m = evaluation.X.shape[0]
            note = (self.tr("Step %1, on the batch the next update takes (%2 samples), in %3.") if m > 1 else
                    self.tr("Step %1, on the one sample the next update takes, in %3.")).replace(
                "%1", str(s.step)).replace("%2", str(m)).replace("%3", s.problem.dtype)
            against = self.tr("max |Δ| is by hand against autograd; the relative error, a parameter's against "
                              "central differences and a δ's against autograd.")
            sampled = evaluation.numeric.note() if shown.backward else None
            note = sentences(note, against) if sampled is None else sentences(note, against, core_text(sampled))
        self.note.setText(note)
