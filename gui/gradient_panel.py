"""dL/dW three ways side by side, coloured by sign and size, with how far apart they are."""

import numpy as np
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from core.compare import Difference
from core.evaluation import Evaluation
from gui.array_model import ArrayModel
from gui.grid import Grid
from gui.i18n import Retranslatable
from gui.style import AGREE_COLOUR, DISAGREE_COLOUR, short_number, subscript


class GradientPanel(Retranslatable, QGroupBox):
    """By hand (numpy chain rule), by torch autograd, by central differences; one colour scale for all three."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        names = dict(coloured=True, row_names=lambda i: subscript("a", i), column_names=lambda j: subscript("x", j),
                     parent=self)
        self.manual_model = ArrayModel("dL/dW by hand", **names)
        self.torch_model = ArrayModel("dL/dW by autograd", **names)
        self.numeric_model = ArrayModel("dL/dW by differences", **names)
        self.manual_view = Grid(self.manual_model, "manualGradView", "")
        self.torch_view = Grid(self.torch_model, "torchGradView", "")
        self.numeric_view = Grid(self.numeric_model, "numericGradView", "")
        self._captions = [QLabel(), QLabel(), QLabel()]
        layout = QGridLayout(self)
        self.numeric_part = QWidget()  # the third witness: hidden in presentation mode
        numeric = QVBoxLayout(self.numeric_part)
        numeric.setContentsMargins(0, 0, 0, 0)
        numeric.addWidget(self._captions[2])
        numeric.addWidget(self.numeric_view)
        for column, (caption, view) in enumerate(zip(self._captions[:2], (self.manual_view, self.torch_view))):
            layout.addWidget(caption, 0, column)
            layout.addWidget(view, 1, column)
        layout.addWidget(self.numeric_part, 0, 2, 2, 1)
        self.torch_verdict = QLabel()
        self.torch_verdict.setObjectName("torchVerdict")
        self.numeric_verdict = QLabel()
        self.numeric_verdict.setObjectName("numericVerdict")
        for verdict in (self.torch_verdict, self.numeric_verdict):
            verdict.setWordWrap(True)  # a long line would set the panel's width, not the grids
        layout.addWidget(self.torch_verdict, 2, 0, 1, 3)
        layout.addWidget(self.numeric_verdict, 3, 0, 1, 3)
        layout.setColumnStretch(3, 1)
        layout.setRowStretch(4, 1)
        self._pending = False
        self._evaluation: Evaluation | None = None  # the one shown, to show again when pending ends
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("dL/dW: three witnesses at the hand-written W"))
        self.torch_verdict.setToolTip(self.tr(
            "autograd's gradient is taken at the hand-written W, like the other two, so only the arithmetic differs. "
            "torch's own trajectory, and how far it has drifted from the hand-written one, is on the Both "
            "trajectories tab."))
        for label, text in zip(self._captions, [self.tr("by hand: outer(δ, x)"), self.tr("by torch autograd"),
                                                self.tr("by central differences")]):
            label.setText(text)
        self.manual_view.setAccessibleName(self.tr("Gradient by hand"))
        self.torch_view.setAccessibleName(self.tr("Gradient by autograd"))
        self.numeric_view.setAccessibleName(self.tr("Gradient by finite differences"))

    def views(self) -> list[Grid]:
        return [self.manual_view, self.torch_view, self.numeric_view]

    def set_pending(self, pending: bool) -> None:
        """"?" for the gradients and their verdicts: not computed yet (stepping in phases)."""
        if pending != self._pending:
            self._pending = pending
            for view in self.views():
                view.set_pending(pending)
            if self._evaluation is not None:
                self.show_state(self._evaluation)

    def show_state(self, evaluation: Evaluation) -> None:
        self._evaluation = e = evaluation
        if self._pending:
            self.torch_verdict.setText("?")
            self.numeric_verdict.setText("?")
            return
        numeric = e.numeric["W1"]
        autograd = e.autograd.grads["W1"] if e.autograd is not None else None
        grads = [e.chain.dL_dW, numeric] + ([autograd] if autograd is not None else [])
        with np.errstate(invalid="ignore"):
            scale = max(float(np.nanmax(np.abs(g))) if np.isfinite(g).any() else 0.0 for g in grads)
        self.manual_model.set_values(e.chain.dL_dW, scale)
        self.numeric_model.set_values(numeric, scale)
        if e.autograd is not None:
            self.torch_model.set_values(autograd, scale)
            self.torch_verdict.setText(self._verdict(self.tr("hand vs autograd at the same W"), e.manual_vs_autograd))
        else:
            self.torch_model.set_waiting(numeric.shape)
            self.torch_verdict.setText(self.tr("hand vs autograd: <i>torch is loading…</i>"))
        self.numeric_verdict.setText(self._verdict(self.tr("hand vs differences at the same W"), e.manual_vs_numeric))

    def _verdict(self, what: str, d: Difference) -> str:
        """✔ or ✘, what is compared, and the numbers the verdict is made of."""
        agree, disagree = self.tr("agree"), self.tr("disagree")
        mark = (f"<b style='color:{AGREE_COLOUR}'>✔ {agree}</b>" if d.agree
                else f"<b style='color:{DISAGREE_COLOUR}'>✘ {disagree}</b>")
        relative_to = (self.tr("%1: max |Δ| %2, relative error %3 (÷ %4, the largest |g|); tolerance %5")
                       if d.scale >= d.tolerance.floor else
                       self.tr("%1: max |Δ| %2, relative error %3 (÷ %4: every |g| is smaller); tolerance %5"))
        return mark + "  " + relative_to.replace("%1", what).replace("%2", short_number(d.max_abs, 3)).replace(
            "%3", short_number(d.relative, 3)).replace("%4", short_number(d.reference, 3)).replace(
            "%5", short_number(d.tolerance.rtol))
