"""The settings pane: the optimizer with its hyperparameters (a form built from core.hyperparams) and the
precision, the network (gui.network_editor) and the data (gui.data_panel), a tab each."""

from PySide6.QtCore import QSignalBlocker, QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.hyperparams import OPTIMIZERS, Hyperparameter
from core.optimizer_spec import OptimizerSpec
from core.parse import parse_number
from core.problem import DTYPES
from core.session import Session
from gui.controller import SessionController
from gui.data_panel import DataPanel
from gui.i18n import Retranslatable, core_text, error_text
from gui.network_editor import NetworkEditor
from gui.phases import Shown
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


class _Tabs(QTabWidget):
    """As wide as the widest tab, so that choosing one moves nothing sideways; as tall as the tab on show, so that
    the plot below keeps the height the other tabs do not need."""

    def __init__(self):
        super().__init__()
        self.currentChanged.connect(self.updateGeometry)

    def _on_show(self, hint: QSize, page_hint) -> QSize:
        """`hint` (for the tallest tab) with the height of the one on show."""
        pages = [self.widget(k) for k in range(self.count())]
        if not pages:
            return hint
        tallest = max(page_hint(page).height() for page in pages)
        return QSize(hint.width(), hint.height() - tallest + page_hint(self.currentWidget()).height())

    def sizeHint(self) -> QSize:
        return self._on_show(super().sizeHint(), lambda page: page.sizeHint())

    def minimumSizeHint(self) -> QSize:
        return self._on_show(super().minimumSizeHint(), lambda page: page.minimumSizeHint())


class SettingsPanel(Retranslatable, QGroupBox):
    """Controls whose every change is one undoable action on the session."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None):
        super().__init__(parent)
        self._controller = controller
        self._form_kind: str | None = None
        self._fields: dict[str, QLineEdit | QCheckBox] = {}

        self.optimizer_combo = _combo("optimizerCombo", {k: f"torch.optim.{o.label}" for k, o in OPTIMIZERS.items()})
        self.dtype_combo = _combo("dtypeCombo", {k: k for k in DTYPES})
        self.optimizer_combo.activated.connect(self._on_optimizer_chosen)
        self.dtype_combo.activated.connect(
            lambda: controller.perform(Session.set_dtype, self.dtype_combo.currentData()))
        self.network_editor = NetworkEditor(controller)
        self.data_panel = DataPanel(controller)

        self._hyper_form = QFormLayout()
        self._hyper_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        top = QFormLayout()
        self._row_labels = [QLabel() for _ in range(2)]
        top.addRow(self._row_labels[0], self.optimizer_combo)
        top.addRow(self._row_labels[1], self.dtype_combo)
        optimizer_page = QWidget()
        optimizer = QVBoxLayout(optimizer_page)
        optimizer.setContentsMargins(4, 4, 4, 4)
        optimizer.addLayout(top)
        optimizer.addLayout(self._hyper_form)
        optimizer.addStretch(1)
        self.tabs = _Tabs()
        self.tabs.setObjectName("settingsTabs")
        for page in (optimizer_page, self.network_editor, self.data_panel):
            self.tabs.addTab(page, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.tabs)
        self.retranslate()

    def retranslate(self) -> None:
        for k, text in enumerate([self.tr("Optimizer"), self.tr("Network"), self.tr("Data")]):
            self.tabs.setTabText(k, text)
        texts = [self.tr("Optimizer"), self.tr("Precision")]
        for label, text in zip(self._row_labels, texts):
            label.setText(text)
        for combo, text in zip((self.optimizer_combo, self.dtype_combo), texts):
            combo.setAccessibleName(text)
        self._form_kind = None  # the hyperparameter form is rebuilt in the new language at the next show_state

    @property
    def inputs_spin(self) -> QSpinBox:
        """The network's input width."""
        return self.network_editor.width_spins[0]

    @property
    def outputs_spin(self) -> QSpinBox:
        """The network's output width."""
        return self.network_editor.width_spins[-1]

    # ---- from the session

    def show_state(self, session: Session, evaluation=None, shown: Shown | None = None) -> None:
        s = session.state
        for combo, key in ((self.optimizer_combo, s.optimizer.kind), (self.dtype_combo, s.problem.dtype)):
            with QSignalBlocker(combo):
                combo.setCurrentIndex(combo.findData(key))
        self.network_editor.show_state(session)
        self.data_panel.show_state(session)
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
