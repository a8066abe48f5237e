"""The two trajectories: torch's weights beside the hand-written optimizer's, and how far apart they are."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from core.activations import activation
from core.evaluation import Evaluation
from core.session import Session
from gui.array_model import ArrayModel
from gui.grid import Grid
from gui.i18n import Retranslatable
from gui.phases import Shown
from gui.style import short_number, subscript


class TrajectoryPanel(Retranslatable, QGroupBox):
    """The torch trajectory's W and forward values, and W_hand − W_torch after the steps so far."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        names = dict(row_names=lambda i: subscript("a", i), column_names=lambda j: subscript("x", j), parent=self)
        self.torch_model = ArrayModel("W torch", **names)
        self.gap_model = ArrayModel("W hand − W torch", coloured=True, digits=3, **names)
        self._forward_names = ["z", "a"]
        self.forward_model = ArrayModel("torch forward", column_names=lambda j: self._forward_names[j], parent=self)
        self.setFlat(True)  # it sits in a tab named for it
        layout = QGridLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        self._captions = [QLabel(), QLabel(), QLabel()]
        self._views = [Grid(self.torch_model, "torchWeightView", ""), Grid(self.forward_model, "torchForwardView", ""),
                       Grid(self.gap_model, "weightGapView", "")]
        for column, (caption, view) in enumerate(zip(self._captions, self._views)):
            layout.addWidget(caption, 0, column)
            layout.addWidget(view, 1, column)
        self.gap_label = QLabel()
        self.gap_label.setObjectName("weightGapLabel")
        self.gap_label.setWordWrap(True)
        layout.addWidget(self.gap_label, 2, 0, 1, 4)
        layout.setColumnStretch(3, 1)
        layout.setRowStretch(3, 1)
        self.retranslate()

    def retranslate(self) -> None:
        for label, text in zip(self._captions, [self.tr("W by torch.optim"), self.tr("forward pass by torch"),
                                                self.tr("W by hand − W by torch")]):
            label.setText(text)
        for view, text in zip(self._views, [self.tr("Weights of the torch trajectory"),
                                            self.tr("Forward values by torch"),
                                            self.tr("Difference of the two trajectories")]):
            view.setAccessibleName(text)

    def show_state(self, session: Session, evaluation: Evaluation, shown: Shown) -> None:
        s, e = session.state, evaluation
        self._forward_names[1] = f"a = {activation(s.problem.activation).symbol}(z)"
        if e.torch is not None:
            self.forward_model.set_values(np.column_stack([e.torch.z, e.torch.a]))
        else:
            self.forward_model.set_waiting((s.problem.n_out, 2))
        self.forward_model.set_pending(not shown.forward)
        self.forward_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 1, 1)
        with np.errstate(invalid="ignore"):  # both infinite after a divergence: the gap is NaN, shown as such
            gap = s.manual.weight.astype(np.float64) - s.torch.weight
            largest = float(np.max(np.abs(gap)))
        self.torch_model.set_values(s.torch.weight)
        self.gap_model.set_values(gap, largest)
        optimizer = s.optimizer.info.label
        self.gap_label.setText(self.tr("After %4 steps, max |W hand − W torch| = <b>%2</b> (%3). The editable W "
                                       "above is the hand-written %1's trajectory; torch.optim.%1 keeps its own.")
                               .replace("%4", str(s.step))
                               .replace("%1", optimizer).replace("%2", short_number(largest, 3))
                               .replace("%3", s.problem.dtype))
