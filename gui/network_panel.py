"""The network laid out along its forward pass: x → W₁, b₁ → z₁, a₁ → W₂, b₂ → … → y and L, for the sample the view
follows, every parameter editable, the batch's loss by hand and by torch, and what to notice.

The layers' blocks flow left to right and wrap, so any depth reads in order at any window width. The grids are
made when the network's shape changes and refilled on every refresh.
"""

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from core.activations import activation
from core.evaluation import Evaluation
from core.losses import loss as loss_named
from core.network import NetworkSpec, bias_name, weight_name
from core.notation import sub
from core.session import Session
from gui.array_model import ArrayModel
from gui.controller import SessionController
from gui.flow_layout import flowing, hold_focus, retire
from gui.grid import Grid
from gui.i18n import Retranslatable, core_text
from gui.number_delegate import NumberDelegate
from gui.phases import Shown, known
from gui.style import MANUAL_COLOUR, TORCH_COLOUR, subscript


def symbol(text: str) -> QLabel:
    """An operator between grids, larger than the text around it at any zoom (rich text sizes are relative)."""
    label = QLabel(f"<span style='font-size:x-large'>{text}</span>")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def grid_name(base: str, name: str, network: NetworkSpec) -> str:
    """objectName of a parameter's grid: paramEditor_W2, manualGradView_b1, …; a one-layer network keeps the names
    the one-layer tool had for W (weightEditor, manualGradView, …)."""
    if name == "W1" and network.layers == 1:
        return {"paramEditor": "weightEditor"}.get(base, base)
    return f"{base}_{name}"


def unit_names(network: NetworkSpec, layer: int):
    """Row names of layer `layer`'s units: a₁, a₂, … (x₁, … for the inputs, layer 0)."""
    return lambda i: subscript("x" if layer == 0 else "a", i)


def layer_formula(network: NetworkSpec) -> str:
    """What each layer computes before its activation, with b only where the network has one."""
    return "z = W·a + b" if network.bias else "z = W·a"


def output_columns(network: NetworkSpec) -> list[str]:
    """The last layer's forward values by name: z, then what the loss reads (σ or softmax of z under bce and ce)."""
    if network.loss == "bce":
        return ["z", "p = σ(z)"]
    if network.loss == "ce":
        return ["z", "p = softmax(z)"]
    return ["z", f"a = {activation(network.activations[-1]).symbol}(z)", "a − y"]


class _Block(QWidget):
    """Captions over grids, side by side, with operators between: one step of the forward pass."""

    def __init__(self, parts: list[tuple[QLabel | None, QWidget]]):
        super().__init__()
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(4)
        for column, (caption, widget) in enumerate(parts):
            if caption is not None:
                # the column's whole width (a left alignment gave a word-wrapped caption its narrower size hint,
                # and it broke into lines its row had no room for)
                layout.addWidget(caption, 0, column, Qt.AlignmentFlag.AlignBottom)
            layout.addWidget(widget, 1, column, Qt.AlignmentFlag.AlignTop)


class NetworkPanel(Retranslatable, QGroupBox):
    """Editable parameters, the followed sample's x and y, its forward values, the loss, and what to notice."""

    parameterChosen = Signal(str, tuple)  # a cell of a parameter was selected: (name, index)

    def __init__(self, controller: SessionController, parent: QWidget | None = None):
        super().__init__(parent)
        self._controller = controller
        self._network: NetworkSpec | None = None
        self._sample = 0  # the sample whose forward pass is shown
        self.parameter_models: dict[str, ArrayModel] = {}
        self.parameter_views: dict[str, Grid] = {}
        self.forward_models: list[ArrayModel] = []  # layer 1 … L: the followed sample's z and a (and a − y last)
        self.forward_views: list[Grid] = []
        self._captions: list[tuple[QLabel, callable]] = []  # (label, text()) retranslated in place
        self.input_model = ArrayModel("x", on_edit=lambda j, _, v: self._edit(Session.edit_data, "X", self._sample,
                                                                              j, v),
                                      column_names=lambda _: "x", parent=self)
        self.target_model = ArrayModel("y", on_edit=lambda i, _, v: self._edit(Session.edit_data, "Y", self._sample,
                                                                               i, v),
                                       column_names=lambda _: "y", parent=self)
        self.input_view = Grid(self.input_model, "inputEditor", "", self._delegate())
        self.target_view = Grid(self.target_model, "targetEditor", "", self._delegate())
        for model in (self.input_model, self.target_model):
            model.editRejected.connect(controller.error)
        self._layers_holder = QVBoxLayout()
        self._layers_holder.setContentsMargins(0, 0, 0, 0)
        self.loss_label = QLabel()
        self.loss_label.setObjectName("lossLabel")
        self.loss_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lessons_label = QLabel()
        self.lessons_label.setObjectName("lessonsLabel")
        self.lessons_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self._layers_holder)
        line = QHBoxLayout()
        line.addWidget(self.loss_label)
        line.addStretch(1)
        layout.addLayout(line)
        layout.addWidget(self.lessons_label)
        self.retranslate()

    # ---- the grids, made for a network's shape

    @property
    def weight_view(self) -> Grid:
        """W₁'s grid (the one-layer tool's W)."""
        return self.parameter_views["W1"]

    @property
    def weight_model(self) -> ArrayModel:
        return self.parameter_models["W1"]

    @property
    def forward_view(self) -> Grid:
        """The last layer's forward values: z, a and a − y (the one-layer tool's forward pass)."""
        return self.forward_views[-1]

    @property
    def forward_model(self) -> ArrayModel:
        return self.forward_models[-1]

    def _build(self, network: NetworkSpec) -> None:
        """Blocks for a network of this shape: x, then each layer's W, b and forward values, then y."""
        hold_focus(self)
        for grid in (self.input_view, self.target_view):  # kept from one shape to the next
            grid.setParent(self)
        while self._layers_holder.count():
            old = self._layers_holder.takeAt(0).widget()
            retire(old)
        self._network = network
        self._captions = []
        self.parameter_models, self.parameter_views = {}, {}
        self.forward_models, self.forward_views = [], []
        self.input_model.set_row_names(unit_names(network, 0))
        blocks = [_Block([(self._caption(lambda: self.tr("x (sample %1, edit)").replace("%1", str(self._sample + 1))
                                         if self._controller.session.problem.m > 1 else self.tr("x (edit)")),
                           self.input_view)])]
        target_caption = (lambda: self.tr("class (edit)")) if loss_named(network.loss).takes_labels else (
            lambda: self.tr("target y (edit)"))
        self.target_model.set_row_names(
            lambda i: self.tr("class") if loss_named(network.loss).takes_labels else subscript("y", i))
        for l in range(1, network.layers + 1):
            parts = self._layer_parts(network, l)
            if l == network.layers:  # the targets beside the output they are compared with
                parts.append((self._caption(target_caption), self.target_view))
            blocks.append(_Block(parts))
        holder = flowing(blocks, spacing=10)
        self._layers_holder.addWidget(holder)
        self.forward_views[-1].setObjectName("forwardView")
        self.retranslate()

    def _layer_parts(self, network: NetworkSpec, l: int) -> list[tuple[QLabel | None, QWidget]]:
        """W_l (and b_l), an arrow, and the forward values z_l, a_l of layer l."""
        parts = []
        for name in (weight_name(l), bias_name(l)):
            if name not in network.shapes:
                continue
            is_weight = name.startswith("W")
            model = ArrayModel(name, on_edit=self._parameter_edit(name, is_weight),
                               row_names=unit_names(network, l),
                               column_names=unit_names(network, l - 1) if is_weight else (lambda _, n=name: n),
                               parent=self)
            view = Grid(model, grid_name("paramEditor", name, network), "", self._delegate())
            model.editRejected.connect(self._controller.error)
            view.selectionModel().currentChanged.connect(
                lambda index, _, n=name, w=is_weight: self._on_chosen(n, w, index))
            self.parameter_models[name], self.parameter_views[name] = model, view
            caption = self._caption(lambda n=name: self.tr("%1 (edit)").replace("%1", n))
            parts += [(caption, view)] if is_weight else [(None, symbol("+")), (caption, view)]
        f = activation(network.activations[l - 1])
        columns = [f"z{_layer(network, l)}", f"a = {f.symbol}(z)"]
        if l == network.layers:
            columns = output_columns(network)
        model = ArrayModel(f"forward {l}", row_names=unit_names(network, l),
                           column_names=lambda j, c=columns: c[j] if j < len(c) else "", parent=self)
        view = Grid(model, f"forwardView_{l}", "")
        self.forward_models.append(model)
        self.forward_views.append(view)
        parts += [(None, symbol("→")), (self._caption(lambda l=l: self.tr("layer %1 by hand").replace(
            "%1", str(l)) if network.layers > 1 else self.tr("forward pass by hand")), view)]
        return parts

    def _caption(self, text) -> QLabel:
        """A caption over a grid; it wraps rather than widen its column (a translation may be longer)."""
        label = QLabel()
        label.setWordWrap(True)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        label.setSizePolicy(policy)  # the grid under it sets the width
        self._captions.append((label, text))
        return label

    def _parameter_edit(self, name: str, is_weight: bool):
        def edit(i: int, j: int, value: float) -> None:
            self._edit(Session.edit_parameter, name, (i, j) if is_weight else (i,), value)
        return edit

    def _on_chosen(self, name: str, is_weight: bool, index) -> None:
        if index.isValid():
            self.parameterChosen.emit(name, (index.row(), index.column()) if is_weight else (index.row(),))

    def retranslate(self) -> None:
        one = self._network is None or self._network.layers == 1
        self.setTitle(self.tr("Network  a = f(W · x),  L = mean((a − y)²)") if one and (
            self._network is None or self._network.loss == "mse" and not self._network.bias)
            else self.tr("Network %1: %2, a = f(z), layer by layer").replace(
                "%1", core_text(self._network.describe())).replace("%2", layer_formula(self._network)))
        for label, text in self._captions:
            label.setText(text())
        self.input_view.setAccessibleName(self.tr("Input vector x"))
        self.target_view.setAccessibleName(self.tr("Target vector y"))
        for name, view in self.parameter_views.items():
            view.setAccessibleName(self.tr("Weight matrix W") if name == "W1" and one
                                   else self.tr("Parameter %1").replace("%1", name))
        for l, view in enumerate(self.forward_views, start=1):
            view.setAccessibleName(self.tr("Forward values by hand") if one
                                   else self.tr("Forward values of layer %1 by hand").replace("%1", str(l)))

    # ---- showing a state

    def set_followed(self, sample: int) -> None:
        """The sample whose x, y and forward values are shown (clamped to the data); shown at the next refresh."""
        self._sample = max(0, sample)

    @property
    def followed(self) -> int:
        return self._sample

    def show_lessons(self, texts: list[str], saturated: list[np.ndarray]) -> None:
        """What to notice, one line each; saturated units' rows marked in each layer's forward values."""
        self.lessons_label.setText("<span style='color:#7a4a00'>" + "<br>".join(f"⚠ {t}" for t in texts) + "</span>")
        self.lessons_label.setVisible(bool(texts))
        note = self.tr("saturated: f′(z) < 0.001, this unit barely learns")
        for model, marked in zip(self.forward_models, saturated):
            model.set_marked_rows(marked, note)

    def show_state(self, session: Session, evaluation: Evaluation, shown: Shown | None = None) -> None:
        s, e = session.state, evaluation
        network = s.problem.network
        if network != self._network:
            self._build(network)
        self._sample = min(self._sample, s.problem.m - 1)
        for name, model in self.parameter_models.items():
            model.set_values(s.manual.params[name])
        self.input_model.set_values(s.problem.data.X[self._sample])
        self.target_model.set_values(s.problem.data.Y[self._sample])
        f = e.sample(self._sample)
        for l, model in enumerate(self.forward_models, start=1):
            z, a = f.zs[l - 1][0], f.activations[l][0]
            columns = [z, a]
            if l == network.layers:
                columns = self._output_values(network, z, a, e, self._sample)
            model.set_values(np.column_stack(columns))
        pending = shown is not None and not shown.forward
        for view in self.forward_views:
            view.set_pending(pending)
        self.loss_label.setEnabled(not pending)
        self._show_loss(s, e, not pending)
        for label, text in self._captions:
            label.setText(text())

    @staticmethod
    def _output_values(network: NetworkSpec, z: np.ndarray, a: np.ndarray, e: Evaluation, k: int) -> list:
        info = loss_named(network.loss)
        if info.probabilities is not None:
            return [z, info.prediction(z, a)]
        return [z, a, a - e.state.problem.targets[k]]

    def _show_loss(self, s, e: Evaluation, computed: bool) -> None:
        """L by both engines, "?" until the forward pass has run in this phase."""
        f = e.forward
        manual = f"<span style='color:{MANUAL_COLOUR}'>{known(f.loss, 10, computed)}</span>"
        if e.torch is not None:
            t = e.torch
            text = self.tr("%1 by hand,  %2 by torch (|Δ| %3)").replace("%1", manual).replace(
                "%2", f"<span style='color:{TORCH_COLOUR}'>{known(t.loss, 10, computed)}</span>").replace(
                "%3", known(abs(t.loss - f.loss), 3, computed))
        else:
            text = self.tr("%1 by hand,  %2").replace("%1", manual).replace(
                "%2", "<i>" + self.tr("torch is loading…") + "</i>")
        text = "<b>L</b> = " + text
        p = s.problem
        if not p.full_batch:
            text += "  " + (self.tr("(batch %1 of %2: %3 samples)") if len(e.X) > 1 else
                            self.tr("(batch %1 of %2: one sample)")).replace(
                "%1", str(s.cursor % p.batches_per_epoch + 1)).replace("%2", str(p.batches_per_epoch)).replace(
                "%3", str(len(e.X)))
        elif p.m > 1:
            text += "  " + self.tr("(all %1 samples)").replace("%1", str(p.m))
        self.loss_label.setText(text)

    # ---- editing

    def _delegate(self) -> NumberDelegate:
        """One per view: a delegate's commitData reaches every view it is set on."""
        delegate = NumberDelegate(parent=self)
        delegate.rejected.connect(self._controller.error)
        return delegate

    def _edit(self, action, *args) -> None:
        """Raise ValueError if the controller refused, so the model keeps the old value."""
        if not self._controller.perform(action, *args):
            raise ValueError(self.tr("refused"))


def _layer(network: NetworkSpec, l: int) -> str:
    """A layer's subscript in names (z₂), none in a one-layer network (z)."""
    return "" if network.layers == 1 else sub(l - 1)
