"""NetworkEditor: the network's shape: its widths (typed as 2, 4, 1 or a spin box per layer), layers added and
removed, an activation per layer, bias, loss and initialization. Every change is one undoable action that keeps
what still fits (core.edits.set_network); a change the data cannot follow is refused with the reason."""

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.activations import ACTIVATIONS
from core.init import SCHEME_HELP, SCHEME_LABELS, SCHEMES, Init
from core.losses import LOSSES
from core.network import MAX_LAYERS, MAX_WIDTH, NetworkSpec
from core.parse import parse_widths
from core.session import Session
from core.state import SessionState
from gui.controller import SessionController
from gui.i18n import Retranslatable, core_text, error_text
from gui.phases import Shown

MAX_SEED = 2**31 - 1  # what a spin box holds


def _combo(object_name: str, keys) -> QComboBox:
    """A combo box whose items carry `keys` (texts are set by retranslate)."""
    combo = QComboBox()
    combo.setObjectName(object_name)
    for key in keys:
        combo.addItem("", key)
    return combo


def _select(combo: QComboBox, key) -> None:
    """Show `key` without announcing it (None or an unknown key: no item)."""
    with QSignalBlocker(combo):
        combo.setCurrentIndex(combo.findData(key) if key is not None else -1)


class _LayerRow:
    """One row of the layer table: a width spin box, and for a layer its activation and (hidden) a remove button."""

    def __init__(self, editor: "NetworkEditor", index: int, layers: int):
        self.label = QLabel()
        self.width = QSpinBox()
        self.width.setObjectName(f"widthSpin_{index}")
        self.width.setRange(1, MAX_WIDTH)
        self.width.setKeyboardTracking(False)  # one network per finished entry, not one per keystroke
        self.width.valueChanged.connect(lambda value: editor.set_width(index, value))
        self.activation = self.remove = None
        if index > 0:
            self.activation = _combo(f"activationCombo_{index}", ACTIVATIONS)
            self.activation.activated.connect(lambda: editor.set_layer_activation(index))
        if 0 < index < layers:
            self.remove = QToolButton()
            self.remove.setObjectName(f"removeLayerButton_{index}")
            self.remove.setText("−")
            self.remove.clicked.connect(lambda: editor.remove_layer(index))

    def widgets(self) -> list[QWidget]:
        return [w for w in (self.label, self.width, self.activation, self.remove) if w is not None]


class NetworkEditor(Retranslatable, QWidget):
    """The widths of every layer, each layer's activation, bias, loss and the initialization, over the session."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None):
        super().__init__(parent)
        self._controller = controller
        self._shown: tuple[NetworkSpec, Init] | None = None
        self._rows: list[_LayerRow] = []

        self.widths_edit = QLineEdit()
        self.widths_edit.setObjectName("layerWidthsEdit")
        self.widths_edit.editingFinished.connect(self._on_widths_typed)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addLayerButton")
        self.add_button.clicked.connect(self.add_layer)
        self.activation_combo = _combo("activationCombo", ACTIVATIONS)
        self.activation_combo.activated.connect(self._on_every_activation)
        self.bias_check = QCheckBox()
        self.bias_check.setObjectName("biasCheck")
        self.bias_check.toggled.connect(lambda on: self._set_network(self._network().replace(bias=on)))
        self.loss_combo = _combo("lossCombo", LOSSES)
        self.loss_combo.activated.connect(self._on_loss)
        self.init_combo = _combo("initCombo", SCHEMES)
        self.init_seed_spin = QSpinBox()
        self.init_seed_spin.setObjectName("initSeedSpin")
        self.init_seed_spin.setRange(0, MAX_SEED)
        self.init_seed_spin.setKeyboardTracking(False)
        self.init_combo.activated.connect(self._on_init)
        self.init_seed_spin.valueChanged.connect(self._on_init)

        self._labels = [QLabel() for _ in range(4)]
        self._layer_grid = QGridLayout()
        self._layer_grid.setContentsMargins(0, 0, 0, 0)
        top = QFormLayout()  # the widths take the row: six layers of 16 are 27 characters
        top.addRow(self._labels[0], self.widths_edit)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self._labels[1], self.activation_combo)
        form.addRow(self._labels[2], self.loss_combo)
        form.addRow(self._labels[3], self.init_combo)
        form.addRow("", self.init_seed_spin)
        form.addRow(self.bias_check)
        self._form = form
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addLayout(self._layer_grid)
        layout.addWidget(self.add_button)
        layout.addLayout(form)
        layout.addStretch(1)
        self.retranslate()
        self.show_state(controller.session)

    def retranslate(self) -> None:
        for label, text in zip(self._labels, [self.tr("Widths"), self.tr("All layers"), self.tr("Loss"),
                                              self.tr("Initialization")]):
            label.setText(text)
        self.widths_edit.setAccessibleName(self.tr("Widths"))
        self.widths_edit.setToolTip(self.tr("Units in each layer, inputs first and outputs last, as in 2, 4, 1; "
                                            "Enter applies"))
        self.add_button.setText(self.tr("Add a hidden layer"))
        for combo in [self.activation_combo] + [r.activation for r in self._rows if r.activation is not None]:
            for k, a in enumerate(ACTIVATIONS.values()):
                combo.setItemText(k, core_text(a.label))
        self.activation_combo.setAccessibleName(self.tr("Activation f of every layer"))
        self.activation_combo.setToolTip(self.tr("Every layer's activation (under cross-entropy losses every "
                                                 "hidden layer's: the output layer stays linear)"))
        self.bias_check.setText(self.tr("Bias b in every layer"))
        for k, loss in enumerate(LOSSES.values()):
            self.loss_combo.setItemText(k, core_text(loss.label))
            self.loss_combo.setItemData(k, loss.formula, Qt.ItemDataRole.ToolTipRole)
        self.loss_combo.setAccessibleName(self.tr("Loss"))
        for k, scheme in enumerate(SCHEMES):
            self.init_combo.setItemText(k, core_text(SCHEME_LABELS[scheme]))
            self.init_combo.setItemData(k, core_text(SCHEME_HELP[scheme]), Qt.ItemDataRole.ToolTipRole)
        self.init_combo.setAccessibleName(self.tr("Initialization"))
        self.init_seed_spin.setPrefix(self.tr("seed "))
        self.init_seed_spin.setAccessibleName(self.tr("Initialization seed"))
        self.init_seed_spin.setToolTip(self.tr("torch.manual_seed(seed) before drawing the initial parameters"))
        self._name_rows()

    def _name_rows(self) -> None:
        last = len(self._rows) - 1
        for k, row in enumerate(self._rows):
            row.label.setText(self.tr("Inputs") if k == 0 else self.tr("Outputs") if k == last
                              else self.tr("Layer %1").replace("%1", str(k)))
            row.width.setAccessibleName(self.tr("Units of layer %1").replace("%1", str(k)) if k else self.tr("Inputs"))
            if row.activation is not None:
                row.activation.setAccessibleName(self.tr("Activation of layer %1").replace("%1", str(k)))
            if row.remove is not None:
                row.remove.setToolTip(self.tr("Remove hidden layer %1").replace("%1", str(k)))

    # ---- from the session

    @property
    def width_spins(self) -> list[QSpinBox]:
        """N0 (inputs) … NL (outputs)."""
        return [row.width for row in self._rows]

    def show_state(self, session: Session, evaluation=None, shown: Shown | None = None) -> None:
        """Show the network and its initialization (nothing to do while only the parameters change)."""
        s: SessionState = session.state
        net = s.problem.network
        if (net, s.init) == self._shown:
            return
        self._shown = (net, s.init)
        if len(self._rows) != len(net.widths):
            self._build_rows(net.layers)
        for row, width in zip(self._rows, net.widths):
            with QSignalBlocker(row.width):
                row.width.setValue(width)
        last_linear = LOSSES[net.loss].on_logits
        for k, row in enumerate(self._rows[1:]):
            _select(row.activation, net.activations[k])
            row.activation.setEnabled(not (last_linear and k == net.layers - 1))
            row.activation.setToolTip(self.tr("The loss applies σ or softmax itself: the output layer is linear")
                                      if last_linear and k == net.layers - 1 else "")
        shared = set(net.activations[:-1] if last_linear else net.activations)
        _select(self.activation_combo, shared.pop() if len(shared) == 1 else None)
        self._form.setRowVisible(self.activation_combo, net.layers > 1)  # one layer: its own row sets it
        self.widths_edit.setText(", ".join(map(str, net.widths)))
        self.widths_edit.setCursorPosition(0)  # the inputs first, if it is too narrow for them all
        self.widths_edit.setModified(False)
        self.add_button.setEnabled(net.layers < MAX_LAYERS)
        with QSignalBlocker(self.bias_check):
            self.bias_check.setChecked(net.bias)
        _select(self.loss_combo, net.loss)
        _select(self.init_combo, s.init.scheme)
        with QSignalBlocker(self.init_seed_spin):
            self.init_seed_spin.setValue(min(s.init.seed, MAX_SEED))

    def _build_rows(self, layers: int) -> None:
        """A row per width: made anew only when the number of layers changes."""
        for row in self._rows:
            for widget in row.widgets():
                widget.hide()  # at once, and nameless: deleted only when the event loop next runs (a remove
                widget.setObjectName("")  # button may be the one whose click is rebuilding the rows)
                widget.deleteLater()
        self._rows = [_LayerRow(self, k, layers) for k in range(layers + 1)]
        for k, row in enumerate(self._rows):
            for column, widget in enumerate([row.label, row.width, row.activation, row.remove]):
                if widget is not None:
                    self._layer_grid.addWidget(widget, k, column)
        self._layer_grid.setColumnStretch(4, 1)
        self.retranslate()

    # ---- to the session

    def _show_again(self) -> None:
        """Show the session's network as it is now (after an action, or instead of text it refused)."""
        self._shown = None
        self.show_state(self._controller.session)

    def _network(self) -> NetworkSpec:
        return self._controller.session.problem.network

    def _set_network(self, network: NetworkSpec) -> bool:
        """One undoable action; refused (the reason shown by the controller), the editor shows the network as it is."""
        same = network == self._network()
        if same:
            self._controller.accepted.emit()  # the network as it is: an entry taken that needs no action
        done = not same and self._controller.perform(Session.set_network, network)
        self._show_again()
        return done

    def _rebuilt(self, **changes) -> None:
        """The network with new widths or loss (core.rebuild), or the reason it cannot be."""
        from core.rebuild import rebuilt  # (imported at the first edit: start-up needs none)

        try:
            network = rebuilt(self._network(), **changes)
        except ValueError as e:
            self._controller.error.emit(error_text(e))
            self._show_again()
            return
        self._set_network(network)

    def _on_widths_typed(self) -> None:
        if not self.widths_edit.isModified():
            return
        self.widths_edit.setModified(False)
        try:
            widths = parse_widths(self.widths_edit.text())
        except ValueError as e:
            self._controller.error.emit(self.tr("%1; the widths stay %2").replace("%1", error_text(e))
                                        .replace("%2", ", ".join(map(str, self._network().widths))))
            self._show_again()
            return
        self._rebuilt(widths=widths)

    def set_width(self, index: int, value: int) -> None:
        widths = list(self._network().widths)
        widths[index] = value
        self._rebuilt(widths=widths)

    def add_layer(self) -> None:
        """A hidden layer before the outputs, as wide as the layer below it."""
        widths = self._network().widths
        self._rebuilt(widths=(*widths[:-1], widths[-2], widths[-1]))

    def remove_layer(self, index: int) -> None:
        """Hidden layer `index` taken out; the layers above keep their activations."""
        net = self._network()
        widths = net.widths[:index] + net.widths[index + 1:]
        activations = net.activations[:index - 1] + net.activations[index:]
        self._set_network(NetworkSpec(widths, activations, net.bias, net.loss))

    def set_layer_activation(self, index: int) -> None:
        net = self._network()
        activations = list(net.activations)
        activations[index - 1] = self._rows[index].activation.currentData()
        if tuple(activations) != net.activations:
            self._controller.perform(Session.set_activations, tuple(activations))
        self._show_again()

    def _on_every_activation(self) -> None:
        self._controller.perform(Session.set_activation, self.activation_combo.currentData())
        self._show_again()

    def _on_loss(self) -> None:
        self._rebuilt(loss=self.loss_combo.currentData())

    def _on_init(self) -> None:
        init = Init(self.init_combo.currentData(), self.init_seed_spin.value())
        if init != self._controller.session.state.init:
            self._controller.perform(Session.set_init, init)
        self._show_again()
