"""One weight's gradient taken apart: dL/dw_ij = dL/da_i · da_i/dz_i · dz_i/dw_ij, in symbols and in numbers."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from core.evaluation import Evaluation
from core.explain import chain_rule_cell
from core.notation import sub
from core.session import Session
from gui.array_model import ArrayModel
from gui.grid import Grid
from gui.i18n import Retranslatable, core_text
from gui.phases import Shown, known
from gui.style import AGREE_COLOUR, DISAGREE_COLOUR, subscript


class ChainRuleView(Retranslatable, QWidget):
    """The selected weight's chain rule as a three-row table, and the whole gradient as δ xᵀ."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("chainRuleView")
        self._cell = (0, 0)
        self.heading = QLabel()
        self.heading.setObjectName("chainRuleHeading")
        self.table = QLabel()
        self.table.setObjectName("chainRuleTable")
        self.table.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.delta_model = ArrayModel("δ", row_names=lambda i: subscript("δ", i), column_names=lambda _: "δ",
                                      parent=self)
        self.input_model = ArrayModel("xᵀ", row_names=lambda _: "xᵀ", column_names=lambda j: subscript("x", j),
                                      parent=self)
        self.matrix_caption = QLabel()
        self.delta_caption = QLabel()
        layout = QGridLayout(self)
        layout.addWidget(self.heading, 0, 0, 1, 4)
        layout.addWidget(self.table, 1, 0, 3, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.matrix_caption, 1, 1, 1, 3)
        layout.addWidget(Grid(self.delta_model, "deltaView", "δ"), 2, 1, 2, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(QLabel("·"), 2, 2, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(Grid(self.input_model, "inputRowView", "xᵀ"), 2, 3, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.delta_caption, 3, 3, Qt.AlignmentFlag.AlignTop)
        layout.setColumnStretch(4, 1)
        layout.setRowStretch(3, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.matrix_caption.setText(self.tr("All of dL/dW at once: the outer product δ xᵀ"))
        self.delta_caption.setText(self.tr("δ = ∂L/∂a ⊙ ∂a/∂z, one per output;\nrow i of dL/dW is δᵢ times xᵀ"))

    @property
    def cell(self) -> tuple[int, int]:
        return self._cell

    def set_cell(self, i: int, j: int) -> None:
        self._cell = (i, j)

    def show_state(self, session: Session, evaluation: Evaluation, shown: Shown) -> None:
        """The chain rule in symbols; its numbers once the backward pass has computed them ("?" before)."""
        p, e = session.problem, evaluation
        i, j = min(self._cell[0], p.n_out - 1), min(self._cell[1], p.n_in - 1)
        self._cell = (i, j)
        cell = chain_rule_cell(p, e.forward, e.chain, i, j)
        w = f"w{sub(i)}{sub(j)}"
        self.heading.setText(self.tr("<b>Chain rule for %1</b> — click a cell of W or of a gradient to choose "
                                     "another").replace("%1", w))
        mark = ("" if not shown.backward else f"<span style='color:{AGREE_COLOUR}'>✔</span> " if cell.agrees
                else f"<span style='color:{DISAGREE_COLOUR}'>✘</span> ")
        names = [f.name for f in cell.factors]
        formulas = [f.formula(core_text) for f in cell.factors]
        values = [known(f.value, 6, shown.backward) for f in cell.factors]
        rows = [
            [f"∂L/∂{w}"] + names,
            [""] + formulas,
            [f"<b>{known(cell.product, 6, shown.backward)}</b>"] + values,
        ]
        html = ["<table cellspacing='0' cellpadding='4'>"]
        for k, row in enumerate(rows):
            joins = ["=", "·", "·"]
            cells = [row[0]] + [x for pair in zip(joins, row[1:]) for x in pair]
            html.append("<tr>" + "".join(f"<td align='center'>{c}</td>" for c in cells) + "</tr>")
        html.append(f"<tr><td colspan='7'>{mark}" + self.tr("the same as the gradient grid's %1 = %2")
                    .replace("%1", w).replace("%2", known(cell.gradient, 6, shown.backward)) + "</td></tr></table>")
        self.table.setText("".join(html))
        self.delta_model.set_values(e.chain.delta)
        self.delta_model.set_pending(not shown.backward)
        self.input_model.set_values(p.x_cast[None, :])
