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
from gui.number_delegate import NumberDelegate
from gui.style import MANUAL_COLOUR, TORCH_COLOUR, short_number, subscript


def _symbol(text: str) -> QLabel:
    label = QLabel(text)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    label.setFont(font)
    return label


class NetworkPanel(QGroupBox):
    """Editable W, x and y; forward values z, a and a − y; the loss by hand and by torch."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Network  a = f(W · x),  L = mean((a − y)²)"))
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

        self.weight_view = Grid(self.weight_model, "weightEditor", self.tr("Weight matrix W"), self._delegate())
        self.input_view = Grid(self.input_model, "inputEditor", self.tr("Input vector x"), self._delegate())
        self.target_view = Grid(self.target_model, "targetEditor", self.tr("Target vector y"), self._delegate())
        self.forward_view = Grid(self.forward_model, "forwardView", self.tr("Forward values by hand"))
        for model in (self.weight_model, self.input_model, self.target_model):
            model.editRejected.connect(controller.error)

        equation = QGridLayout()
        equation.setHorizontalSpacing(6)
        captions = [self.tr("W (edit)"), "", self.tr("x (edit)"), self.tr("target y (edit)"), "",
                    self.tr("forward pass by hand")]
        widgets = [self.weight_view, _symbol("·"), self.input_view, self.target_view, _symbol("→"),
                   self.forward_view]
        for column, (caption, widget) in enumerate(zip(captions, widgets)):
            equation.addWidget(QLabel(caption), 0, column, Qt.AlignmentFlag.AlignLeft)
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
        self.forward_model.set_values(np.column_stack([f.z, f.a, f.error]))
        self.forward_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 1, 1)
        if e.torch is not None:
            t = e.torch
            torch_text = (f"<span style='color:{TORCH_COLOUR}'>{short_number(t.loss, 10)}</span> by torch "
                          f"(|Δ| {short_number(abs(t.loss - f.loss), 3)})")
        else:
            torch_text = f"<i>{self.tr('torch is loading…')}</i>"
        self.loss_label.setText(f"<b>L</b> = <span style='color:{MANUAL_COLOUR}'>{short_number(f.loss, 10)}</span>"
                                f" {self.tr('by hand')},  {torch_text}")
