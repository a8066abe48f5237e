"""dL/dW three ways side by side, coloured by sign and size, with how far apart they are."""

import numpy as np
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from core.compare import Difference
from core.evaluation import Evaluation
from gui.array_model import ArrayModel
from gui.grid import Grid
from gui.style import AGREE_COLOUR, DISAGREE_COLOUR, short_number, subscript


class GradientPanel(QGroupBox):
    """By hand (numpy chain rule), by torch autograd, by central differences; one colour scale for all three."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("dL/dW: three witnesses"))
        names = dict(coloured=True, row_names=lambda i: subscript("a", i), column_names=lambda j: subscript("x", j),
                     parent=self)
        self.manual_model = ArrayModel("dL/dW by hand", **names)
        self.torch_model = ArrayModel("dL/dW by autograd", **names)
        self.numeric_model = ArrayModel("dL/dW by differences", **names)
        views = [
            (self.tr("by hand: outer(δ, x)"), Grid(self.manual_model, "manualGradView",
                                                   self.tr("Gradient by hand"))),
            (self.tr("by torch autograd"), Grid(self.torch_model, "torchGradView", self.tr("Gradient by autograd"))),
            (self.tr("by central differences"), Grid(self.numeric_model, "numericGradView",
                                                     self.tr("Gradient by finite differences"))),
        ]
        layout = QGridLayout(self)
        for column, (caption, view) in enumerate(views):
            layout.addWidget(QLabel(caption), 0, column)
            layout.addWidget(view, 1, column)
        self.torch_verdict = QLabel()
        self.torch_verdict.setObjectName("torchVerdict")
        self.numeric_verdict = QLabel()
        self.numeric_verdict.setObjectName("numericVerdict")
        layout.addWidget(self.torch_verdict, 2, 0, 1, 3)
        layout.addWidget(self.numeric_verdict, 3, 0, 1, 3)
        layout.setColumnStretch(3, 1)

    def show_state(self, evaluation: Evaluation) -> None:
        e = evaluation
        grads = [e.chain.dL_dW, e.numeric] + ([e.torch.grad] if e.torch is not None else [])
        with np.errstate(invalid="ignore"):
            scale = max(float(np.nanmax(np.abs(g))) if np.isfinite(g).any() else 0.0 for g in grads)
        self.manual_model.set_values(e.chain.dL_dW, scale)
        self.numeric_model.set_values(e.numeric, scale)
        if e.torch is not None:
            self.torch_model.set_values(e.torch.grad, scale)
            self.torch_verdict.setText(self._verdict(self.tr("hand vs autograd"), e.manual_vs_torch))
        else:
            self.torch_model.set_values(np.full_like(e.numeric, np.nan), scale)
            self.torch_verdict.setText(self.tr("hand vs autograd: <i>torch is loading…</i>"))
        self.numeric_verdict.setText(self._verdict(self.tr("hand vs differences"), e.manual_vs_numeric))

    def _verdict(self, what: str, d: Difference) -> str:
        mark = (f"<b style='color:{AGREE_COLOUR}'>✔ {self.tr('agree')}</b>" if d.agree
                else f"<b style='color:{DISAGREE_COLOUR}'>✘ {self.tr('disagree')}</b>")
        return (f"{mark}  {what}: max |Δ| {short_number(d.max_abs, 3)}, "
                f"{self.tr('relative')} {short_number(d.max_rel, 3)} "
                f"({self.tr('tolerance')} {d.tolerance.rtol:g} × max|g| + {d.tolerance.atol:g})")
