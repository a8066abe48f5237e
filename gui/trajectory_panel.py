"""The two trajectories: torch's parameters beside the hand-written optimizer's, and how far apart they are."""

import numpy as np
from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QWidget

from core.evaluation import Evaluation
from core.losses import loss as loss_named
from core.network import NetworkSpec
from core.session import Session
from gui.array_model import ArrayModel
from gui.grid import Grid
from gui.i18n import Retranslatable, sentences
from gui.last_shown import ShowsAgain
from gui.network_panel import output_columns, unit_names
from gui.phases import Shown
from gui.style import short_number


class TrajectoryPanel(ShowsAgain, Retranslatable, QGroupBox):
    """One parameter of the torch trajectory, its gap to the hand-written one, and torch's last-layer forward values
    for the sample of the batch the other views follow."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._network: NetworkSpec | None = None
        self.torch_model = ArrayModel("torch", parent=self)
        self.gap_model = ArrayModel("hand − torch", coloured=True, digits=3, parent=self)
        self._forward_names = ["z", "a"]
        self.forward_model = ArrayModel("torch forward", column_names=lambda j: self._forward_names[j], parent=self)
        self.parameter_combo = QComboBox()
        self.parameter_combo.setObjectName("trajectoryParameterCombo")
        self.parameter_combo.currentIndexChanged.connect(self._on_chosen)
        self.setFlat(True)  # it sits in a tab named for it
        layout = QGridLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        self._choice_label = QLabel()
        choice = QHBoxLayout()
        choice.addWidget(self._choice_label)
        choice.addWidget(self.parameter_combo)
        choice.addStretch(1)
        layout.addLayout(choice, 0, 0, 1, 4)
        self._captions = [QLabel(), QLabel(), QLabel()]
        self._views = [Grid(self.torch_model, "torchWeightView", ""), Grid(self.forward_model, "torchForwardView", ""),
                       Grid(self.gap_model, "weightGapView", "")]
        for column, (caption, view) in enumerate(zip(self._captions, self._views)):
            layout.addWidget(caption, 1, column)
            layout.addWidget(view, 2, column, Qt.AlignmentFlag.AlignTop)
        self.gap_label = QLabel()
        self.gap_label.setObjectName("weightGapLabel")
        self.gap_label.setWordWrap(True)
        layout.addWidget(self.gap_label, 3, 0, 1, 4)
        layout.setColumnStretch(3, 1)
        layout.setRowStretch(4, 1)
        self._last: tuple[Session, Evaluation, Shown] | None = None
        self._sample = 0  # the place in the batch of the sample whose forward values are shown
        self.retranslate()

    @property
    def parameter(self) -> str:
        return self.parameter_combo.currentText() or "W1"

    def choose_sample(self, b: int) -> None:
        """Torch's forward values for sample `b` (0-based) of the batch."""
        if b >= 0 and b != self._sample:
            self._sample = b
            self._show_again()

    def choose(self, name: str, index=None) -> None:
        """Show parameter `name` (the window passes the entry a user clicked)."""
        k = self.parameter_combo.findText(name)
        if k >= 0:
            self.parameter_combo.setCurrentIndex(k)

    def retranslate(self) -> None:
        self._choice_label.setText(self.tr("Parameter"))
        name = self.parameter
        for label, text in zip(self._captions, [self.tr("%1 by torch.optim").replace("%1", name),
                                                self.tr("forward pass by torch"),
                                                self.tr("%1 by hand − %1 by torch").replace("%1", name)]):
            label.setText(text)
        for view, text in zip(self._views, [self.tr("Weights of the torch trajectory"),
                                            self.tr("Forward values by torch"),
                                            self.tr("Difference of the two trajectories")]):
            view.setAccessibleName(text)

    def _build(self, network: NetworkSpec) -> None:
        self._network = network
        with QSignalBlocker(self.parameter_combo):
            kept = self.parameter
            self.parameter_combo.clear()
            self.parameter_combo.addItems(network.parameter_names)
            self.parameter_combo.setCurrentIndex(max(0, self.parameter_combo.findText(kept)))
        self.parameter_combo.setVisible(len(network.parameter_names) > 1)
        self._choice_label.setVisible(len(network.parameter_names) > 1)

    def _on_chosen(self) -> None:
        self.retranslate()
        self._show_again()

    def show_state(self, session: Session, evaluation: Evaluation, shown: Shown) -> None:
        self._last = (session, evaluation, shown)
        s, e = session.state, evaluation
        network = s.problem.network
        if network != self._network:
            self._build(network)
        name = self.parameter
        layer = network.layer_of(name)
        inputs = unit_names(network, layer - 1) if name.startswith("W") else (lambda _: name)
        for model in (self.torch_model, self.gap_model):
            model.set_row_names(unit_names(network, layer))
            model.set_column_names(inputs)
        self.forward_model.set_row_names(unit_names(network, network.layers))
        self._forward_names[:] = output_columns(network)[:2]
        b = min(self._sample, len(e.rows) - 1)
        self._captions[1].setText(self.tr("forward pass by torch (sample %1)").replace("%1", str(e.rows[b] + 1))
                                  if s.problem.m > 1 else self.tr("forward pass by torch"))
        if e.torch is not None:
            z, a = e.torch.zs[-1][b], e.torch.activations[-1][b]
            prediction = loss_named(network.loss).prediction(z, a)  # as the output column's name says
            self.forward_model.set_values(np.column_stack([z, prediction]))
        else:
            self.forward_model.set_waiting((network.n_out, 2))
        self.forward_model.set_pending(not shown.forward)
        self.forward_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 1, 1)
        gap, weights = e.gaps[name], s.torch.params[name]
        with np.errstate(invalid="ignore"):  # coloured against the parameter's own size: rounding's 1e−9 is white
            scale = float(np.max(np.abs(np.concatenate([np.ravel(gap), np.ravel(weights)]))))
        self.torch_model.set_values(weights)
        self.gap_model.set_values(gap, scale)
        optimizer = s.optimizer.info.label
        whole = short_number(e.weight_gap, 3) if e.weight_gap is not None else "…"
        text = (self.tr("After %4 steps, max |W hand − W torch| = <b>%2</b> (%3). The editable W above is the "
                        "hand-written %1's trajectory; torch.optim.%1 keeps its own.")
                .replace("%4", str(s.step)).replace("%1", optimizer).replace("%2", whole)
                .replace("%3", s.problem.dtype))
        if e.weight_gap is not None and 0 < e.weight_gap < np.inf:  # apart, not diverged
            text = sentences(text, self.tr(
                "The two engines round differently, by an ulp now and then (their gradients' sums, torch's fused "
                "multiply-adds and square root). Where training is chaotic, with large momentum or jittering about "
                "a minimum, that grows step by step, as torch's own run would from an ulp's nudge: the gap alone is "
                "no mistake. The gradient check compares the gradients at the same W."))
        self.gap_label.setText(text)
