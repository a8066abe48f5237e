"""Optimizer with its hyperparameters (a form built from core.hyperparams), activation, precision and size."""

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.activations import ACTIVATIONS
from core.hyperparams import OPTIMIZERS, Hyperparameter
from core.network import MAX_WIDTH as MAX_SIZE
from core.optimizer_spec import OptimizerSpec
from core.parse import parse_number
from core.problem import DTYPES
from core.session import Session
from gui.controller import SessionController
from gui.i18n import Retranslatable, core_text, error_text
from gui.presentation import fit_check_box


def _shown(value) -> str:
    """A hyperparameter as its field shows it."""
    return str(value) if isinstance(value, bool) else f"{value:g}"


def _combo(object_name: str, items: dict[str, str]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(object_name)
    for key, label in items.items():
        combo.addItem(label, key)
    return combo


class SettingsPanel(Retranslatable, QGroupBox):
    """Controls whose every change is one undoable action on the session."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None):
        super().__init__(parent)
        self._controller = controller
        self._form_kind: str | None = None
        self._fields: dict[str, QLineEdit | QCheckBox] = {}

        self.optimizer_combo = _combo("optimizerCombo", {k: f"torch.optim.{o.label}" for k, o in OPTIMIZERS.items()})
        self.activation_combo = _combo("activationCombo", {k: a.label for k, a in ACTIVATIONS.items()})
        self.dtype_combo = _combo("dtypeCombo", {k: k for k in DTYPES})
        self.outputs_spin, self.inputs_spin = QSpinBox(), QSpinBox()
        for spin, name in ((self.outputs_spin, "outputsSpin"), (self.inputs_spin, "inputsSpin")):
            spin.setRange(1, MAX_SIZE)
            spin.setObjectName(name)
            spin.setKeyboardTracking(False)  # one resize per finished entry, not one per keystroke

        self.optimizer_combo.activated.connect(self._on_optimizer_chosen)
        self.activation_combo.activated.connect(
            lambda: controller.perform(Session.set_activation, self.activation_combo.currentData()))
        self.dtype_combo.activated.connect(
            lambda: controller.perform(Session.set_dtype, self.dtype_combo.currentData()))
        self.outputs_spin.valueChanged.connect(self._on_resize)
        self.inputs_spin.valueChanged.connect(self._on_resize)

        self._hyper_form = QFormLayout()
        self._hyper_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        top = QFormLayout()
        self._row_labels = [QLabel() for _ in range(4)]
        top.addRow(self._row_labels[0], self.optimizer_combo)
        top.addRow(self._row_labels[1], self.activation_combo)
        top.addRow(self._row_labels[2], self.dtype_combo)
        size = QHBoxLayout()
        size.addWidget(self.outputs_spin)
        size.addWidget(self.inputs_spin)
        size.addStretch(1)
        top.addRow(self._row_labels[3], size)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self._hyper_form)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Optimizer and network"))
        texts = [self.tr("Optimizer"), self.tr("Activation f"), self.tr("Precision"), self.tr("Outputs × inputs")]
        for label, text in zip(self._row_labels, texts):
            label.setText(text)
        for combo, text in zip((self.optimizer_combo, self.activation_combo, self.dtype_combo), texts):
            combo.setAccessibleName(text)
        self.outputs_spin.setAccessibleName(self.tr("Outputs"))
        self.inputs_spin.setAccessibleName(self.tr("Inputs"))
        for k, a in enumerate(ACTIVATIONS.values()):
            self.activation_combo.setItemText(k, core_text(a.label))
        self._form_kind = None  # the hyperparameter form is rebuilt in the new language at the next show_state

    # ---- from the session

    def show_state(self, session: Session) -> None:
        s = session.state
        for combo, key in ((self.optimizer_combo, s.optimizer.kind), (self.activation_combo, s.problem.activation),
                           (self.dtype_combo, s.problem.dtype)):
            with QSignalBlocker(combo):
                combo.setCurrentIndex(combo.findData(key))
        for spin, value in ((self.outputs_spin, s.problem.n_out), (self.inputs_spin, s.problem.n_in)):
            with QSignalBlocker(spin):
                spin.setValue(value)
        if self._form_kind != s.optimizer.kind:
            self._build_form(s.optimizer)
        for name, value in s.optimizer.values:
            field = self._fields[name]
            with QSignalBlocker(field):
                if isinstance(field, QCheckBox):
                    field.setChecked(bool(value))
                elif not field.hasFocus() or not field.isModified():
                    field.setText(f"{value:g}")
                    field.setModified(False)

    def _build_form(self, spec: OptimizerSpec) -> None:
        while self._hyper_form.rowCount():
            self._hyper_form.removeRow(0)
        self._fields = {h.name: self._field(h) for h in spec.info.hyperparameters}
        for h in spec.info.hyperparameters:
            self._hyper_form.addRow(core_text(h.label), self._fields[h.name])
            if isinstance(self._fields[h.name], QCheckBox):
                fit_check_box(self._fields[h.name], self.font())  # made after the zoom was applied
        self._form_kind = spec.kind

    def _field(self, h: Hyperparameter) -> QLineEdit | QCheckBox:
        if h.is_flag:
            field = QCheckBox()
            field.toggled.connect(lambda on, name=h.name: self._change(name, on))
        else:
            field = QLineEdit()
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
            field.setMaximumWidth(field.fontMetrics().horizontalAdvance("0.000000001") + 16)
            field.editingFinished.connect(lambda name=h.name, f=field: self._on_number(name, f))
        field.setObjectName(f"hyper_{h.name}")
        field.setAccessibleName(core_text(h.label))
        field.setToolTip(self.tr("%1: %2 (torch default %3)").replace("%1", h.name).replace("%2", core_text(h.help))
                         .replace("%3", str(h.default)))
        return field

    # ---- to the session

    def _on_number(self, name: str, field: QLineEdit) -> None:
        if not field.isModified():
            return
        field.setModified(False)
        try:
            value = parse_number(field.text(), name)
        except ValueError as e:
            self._refuse(e, name)
            return
        self._change(name, value)

    def _change(self, name: str, value) -> None:
        spec = self._controller.session.optimizer
        if spec[name] == value:
            return
        try:
            changed = spec.replace(**{name: value})
        except ValueError as e:
            self._refuse(e, name)
            return
        self._controller.perform(Session.set_optimizer, changed)

    def _refuse(self, error: ValueError, name: str) -> None:
        self._controller.error.emit(self.tr("%1; %2 keeps its value").replace("%1", error_text(error))
                                    .replace("%2", name))
        self.show_state(self._controller.session)

    def _on_optimizer_chosen(self) -> None:
        old, kind = self._controller.session.optimizer, self.optimizer_combo.currentData()
        if kind == old.kind:
            return
        spec, kept = old.switched_to(kind)
        if self._controller.perform(Session.set_optimizer, spec):
            self._tell(self._switch_message(old, spec, kept))

    def _switch_message(self, old: OptimizerSpec, new: OptimizerSpec, kept: tuple[str, ...]) -> str:
        """What the switch did to the hyperparameters: which it kept, or that all are the new defaults."""
        if kept:
            values = ", ".join(f"{core_text(new.info.hyperparameter(n).label)} = {_shown(new[n])}" for n in kept)
            return (self.tr("%1 keeps what you changed for %2: %3; the rest are torch's defaults.")
                    .replace("%3", values).replace("%2", old.info.label).replace("%1", new.info.label))
        return (self.tr("%1 with torch's defaults (learning rate %2).")
                .replace("%2", _shown(new["lr"])).replace("%1", new.info.label))

    def _tell(self, text: str) -> None:
        """A note in the window's status bar, where the eye goes after changing a setting."""
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 15000)

    def _on_resize(self) -> None:
        p = self._controller.session.problem
        if (self.outputs_spin.value(), self.inputs_spin.value()) != (p.n_out, p.n_in):
            self._controller.perform(Session.resize, self.outputs_spin.value(), self.inputs_spin.value())
