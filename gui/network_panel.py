"""The network laid out like its equation: a = σ(W · x), then z, a, a − y and the loss from both engines."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.activations import activation
from core.evaluation import Evaluation
from core.session import Session
from gui.array_model import ArrayModel
from gui.controller import SessionController
from gui.grid import Grid
from gui.i18n import Retranslatable
from gui.number_delegate import NumberDelegate
from gui.style import MANUAL_COLOUR, TORCH_COLOUR, short_number, subscript


def _symbol(text: str) -> QLabel:
    """An operator between grids, larger than the text around it at any zoom (rich text sizes are relative)."""
    label = QLabel(f"<span style='font-size:x-large'>{text}</span>")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class NetworkPanel(Retranslatable, QGroupBox):
    """Editable W, x and y; forward values z, a and a − y; the loss by hand and by torch; what to notice."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None):
        super().__init__(parent)
        self._controller = controller
        self.weight_model = ArrayModel("W", on_edit=lambda i, j, v: self._edit(Session.edit_weight, i, j, v),
                                       row_names=lambda i: subscript("a", i),
                                       column_names=lambda j: subscript("x", j), parent=self)
        self.input_model = ArrayModel("x", on_edit=lambda j, _, v: self._edit(Session.edit_input, j, v),
                                      row_names=lambda j: subscript("x", j), column_names=lambda _: "x",
                                      parent=self)
        self.target_model = ArrayModel("y", on_edit=lambda i, _, v: self._edit(Session.edit_target, i, v),
                                       row_names=lambda i: subscript("y", i), column_names=lambda _: "y",
                                       parent=self)
        self._forward_names = ["z", "a", "a − y"]
        self.forward_model = ArrayModel("forward", column_names=lambda j: self._forward_names[j], parent=self)

        self.weight_view = Grid(self.weight_model, "weightEditor", "", self._delegate())
        self.input_view = Grid(self.input_model, "inputEditor", "", self._delegate())
        self.target_view = Grid(self.target_model, "targetEditor", "", self._delegate())
        self.forward_view = Grid(self.forward_model, "forwardView", "")
        for model in (self.weight_model, self.input_model, self.target_model):
            model.editRejected.connect(controller.error)

        equation = QGridLayout()
        equation.setHorizontalSpacing(6)
        self._captions = [QLabel() for _ in range(6)]
        widgets = [self.weight_view, _symbol("·"), self.input_view, self.target_view, _symbol("→"),
                   self.forward_view]
        for column, (caption, widget) in enumerate(zip(self._captions, widgets)):
            equation.addWidget(caption, 0, column, Qt.AlignmentFlag.AlignLeft)
            equation.addWidget(widget, 1, column, Qt.AlignmentFlag.AlignTop)
        equation.setColumnStretch(len(widgets), 1)

        self.loss_label = QLabel()
        self.loss_label.setObjectName("lossLabel")
        self.loss_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addLayout(equation)
        line = QHBoxLayout()
        line.addWidget(self.loss_label)
        line.addStretch(1)
        layout.addLayout(line)
        self.lessons_label = QLabel()
        self.lessons_label.setObjectName("lessonsLabel")
        self.lessons_label.setWordWrap(True)
        layout.addWidget(self.lessons_label)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Network  a = f(W · x),  L = mean((a − y)²)"))
        for label, text in zip(self._captions, [self.tr("W (edit)"), "", self.tr("x (edit)"),
                                                self.tr("target y (edit)"), "", self.tr("forward pass by hand")]):
            label.setText(text)
        self.weight_view.setAccessibleName(self.tr("Weight matrix W"))
        self.input_view.setAccessibleName(self.tr("Input vector x"))
        self.target_view.setAccessibleName(self.tr("Target vector y"))
        self.forward_view.setAccessibleName(self.tr("Forward values by hand"))

    def show_lessons(self, texts: list[str], saturated: np.ndarray) -> None:
        """What to notice, one line each; saturated units' rows marked in the forward values."""
        self.lessons_label.setText("<span style='color:#7a4a00'>" + "<br>".join(f"⚠ {t}" for t in texts) + "</span>")
        self.lessons_label.setVisible(bool(texts))
        self.forward_model.set_marked_rows(saturated, self.tr("saturated: f′(z) < 0.001, this unit barely learns"))

    def _delegate(self) -> NumberDelegate:
        """One per view: a delegate's commitData reaches every view it is set on."""
        delegate = NumberDelegate(parent=self)
        delegate.rejected.connect(self._controller.error)
        return delegate

    def _edit(self, action, *args) -> None:
        """Raise ValueError if the controller refused, so the model keeps the old value."""
        if not self._controller.perform(action, *args):
            raise ValueError(self.tr("refused"))

    def show_state(self, session: Session, evaluation: Evaluation) -> None:
        s, e = session.state, evaluation
        self.weight_model.set_values(s.manual.weight)
        self.input_model.set_values(s.problem.x)
        self.target_model.set_values(s.problem.y)
        self._forward_names[1] = f"a = {activation(s.problem.activation).symbol}(z)"
        f = e.forward
        z, a = f.zs[-1][0], f.output[0]  # the one layer, the one sample
        self.forward_model.set_values(np.column_stack([z, a, a - e.targets[0]]))
        self.forward_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 1, 1)
        if e.torch is not None:
            t = e.torch
            torch_text = (f"<span style='color:{TORCH_COLOUR}'>{short_number(t.loss, 10)}</span> "
                          + self.tr("by torch (|Δ| %1)").replace("%1", short_number(abs(t.loss - f.loss), 3)))
        else:
            torch_text = "<i>" + self.tr("torch is loading…") + "</i>"
        by_hand = self.tr("by hand")
        self.loss_label.setText(f"<b>L</b> = <span style='color:{MANUAL_COLOUR}'>{short_number(f.loss, 10)}</span>"
                                f" {by_hand},  {torch_text}")
