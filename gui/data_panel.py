"""DataPanel: the data the network learns: a generated data set, the samples as an editable table, CSV files, how
steps take batches, and which sample the forward pass follows. Every change is one undoable action."""

import weakref
from pathlib import Path
from typing import NamedTuple

import numpy as np
from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QToolButton,
    QWidget,
)

from core.data import MAX_SAMPLES, Batching, Data, Generated
from core.datasets import DATASETS, MAX_NOISE, dataset, generate
from core.network import NetworkSpec
from core.problem import Problem
from core.session import Session
from gui.controller import SessionController
from gui.data_model import DataModel
from gui.data_table import DataTable
from gui.i18n import Retranslatable, core_text, error_text
from gui.number_delegate import NumberDelegate
from gui.phases import Shown

MAX_SEED = 99_999  # for the data and the shuffle: plenty to draw another sample, and a narrow spin box


class _Made(NamedTuple):
    """What choosing a data set did, so that after undo and redo the chooser shows it again."""

    generated: Generated  # the set chosen (for samples that already were exactly that set, not the data's own)
    network: NetworkSpec  # the network it was given to
    note: str  # what the network changed to fit it, or ""


def _same_samples(a: Data, b: Data) -> bool:
    return np.array_equal(a.X, b.X) and np.array_equal(a.Y, b.Y)


def _wide_enough(spin: QSpinBox) -> None:
    """A spin box of samples as wide as MAX_SAMPLES needs whatever its range now: the pane keeps its width."""
    low, high = spin.minimum(), spin.maximum()
    with QSignalBlocker(spin):
        spin.setMinimumWidth(0)
        spin.setRange(low, MAX_SAMPLES)
        spin.setMinimumWidth(spin.sizeHint().width())
        spin.setRange(low, high)


class DataPanel(Retranslatable, QWidget):
    """The chooser sets new data for the network if it fits, and otherwise the network the data needs too, in one
    undo entry; the table edits, adds, removes and pastes samples."""

    followedSampleChanged = Signal(int)  # the sample (0-based) the forward pass shows

    def __init__(self, controller: SessionController, parent: QWidget | None = None):
        super().__init__(parent)
        self._controller = controller
        self._problem: Problem | None = None  # the one shown
        self._made: weakref.WeakKeyDictionary[Data, _Made] = weakref.WeakKeyDictionary()
        self._followed = 0
        self._folder = str(Path.home())
        self._create_chooser()
        self._create_table()
        self._create_batching()
        self._lay_out()
        self.retranslate()
        self.show_state(controller.session)

    # ---- construction

    def _create_chooser(self) -> None:
        self.dataset_combo = QComboBox()
        self.dataset_combo.setObjectName("datasetCombo")
        for d in DATASETS:
            self.dataset_combo.addItem("", d.name)
        self.dataset_combo.addItem("", None)  # data typed, pasted or imported: shown, never chosen
        self.dataset_combo.model().item(len(DATASETS)).setEnabled(False)
        self.samples_spin = QSpinBox()
        self.samples_spin.setObjectName("samplesSpin")
        self.samples_spin.setRange(1, MAX_SAMPLES)
        self.noise_spin = QDoubleSpinBox()
        self.noise_spin.setObjectName("noiseSpin")
        self.noise_spin.setRange(0.0, MAX_NOISE)
        self.noise_spin.setDecimals(3)
        self.noise_spin.setSingleStep(0.05)
        self.data_seed_spin = QSpinBox()
        self.data_seed_spin.setObjectName("dataSeedSpin")
        self.data_seed_spin.setRange(0, MAX_SEED)
        self.note = QLabel()
        self.note.setObjectName("dataNote")
        self.note.setWordWrap(True)
        self.dataset_combo.activated.connect(self._on_dataset_chosen)
        for spin in (self.samples_spin, self.noise_spin, self.data_seed_spin):
            spin.setKeyboardTracking(False)  # one data set per finished entry, not one per keystroke
            spin.valueChanged.connect(self._generate)

    def _create_table(self) -> None:
        self.model = DataModel(self._on_edit, self)
        delegate = NumberDelegate(parent=self)
        delegate.rejected.connect(self._controller.error)
        self.table = DataTable(self.model, delegate, "dataEditor", "")
        self.table.pasted.connect(self._on_paste)
        self.table.selectionModel().currentRowChanged.connect(lambda current: self._follow(current.row()))
        self.add_button, self.remove_button = QToolButton(), QToolButton()
        self.import_button, self.export_button = QToolButton(), QToolButton()
        for button, name, slot in ((self.add_button, "addSampleButton", self._add_sample),
                                   (self.remove_button, "removeSamplesButton", self._remove_samples),
                                   (self.import_button, "importCsvButton", self.import_csv),
                                   (self.export_button, "exportCsvButton", self.export_csv)):
            button.setObjectName(name)
            button.clicked.connect(slot)

    def _create_batching(self) -> None:
        self.batch_spin = QSpinBox()
        self.batch_spin.setObjectName("batchSizeSpin")
        self.shuffle_check = QCheckBox()
        self.shuffle_check.setObjectName("shuffleCheck")
        self.shuffle_seed_spin = QSpinBox()
        self.shuffle_seed_spin.setObjectName("shuffleSeedSpin")
        self.shuffle_seed_spin.setRange(0, MAX_SEED)
        self.follow_spin = QSpinBox()
        self.follow_spin.setObjectName("followedSampleSpin")
        for spin in (self.batch_spin, self.shuffle_seed_spin, self.follow_spin):
            spin.setKeyboardTracking(False)
        self.batch_spin.valueChanged.connect(self._on_batching)
        self.shuffle_seed_spin.valueChanged.connect(self._on_batching)
        self.shuffle_check.toggled.connect(self._on_batching)
        self.follow_spin.valueChanged.connect(lambda value: self._follow(value - 1))

    def _lay_out(self) -> None:
        self._labels = [QLabel() for _ in range(6)]
        generation = QHBoxLayout()
        generation.addWidget(self.samples_spin)
        generation.addWidget(self._labels[2])
        generation.addWidget(self.noise_spin)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.import_button, self.export_button):
            buttons.addWidget(button)
        batching = QHBoxLayout()
        for widget in (self.batch_spin, self.shuffle_check, self.shuffle_seed_spin):
            batching.addWidget(widget)
        form = QFormLayout(self)
        form.setContentsMargins(4, 4, 4, 4)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self._labels[0], self.dataset_combo)
        form.addRow(self._labels[1], generation)
        form.addRow(self._labels[3], self.data_seed_spin)
        form.addRow(self.note)
        form.addRow(self.table)  # takes the height the pane has to spare
        form.addRow(buttons)
        form.addRow(self._labels[4], batching)
        follow = QHBoxLayout()
        follow.addWidget(self._labels[5])
        follow.addWidget(self.follow_spin)
        follow.addStretch(1)
        form.addRow(follow)  # its long label beside, not in the column of the short ones

    def retranslate(self) -> None:
        texts = [self.tr("Data set"), self.tr("Samples"), self.tr("noise"), self.tr("Seed"), self.tr("Batch size"),
                 self.tr("Forward pass of")]
        for label, text in zip(self._labels, texts):
            label.setText(text)
        for k, d in enumerate(DATASETS):
            self.dataset_combo.setItemText(k, core_text(d.label))
            self.dataset_combo.setItemData(k, core_text(d.description), Qt.ItemDataRole.ToolTipRole)
        self.dataset_combo.setItemText(len(DATASETS), self.tr("Your own data"))
        self.dataset_combo.setAccessibleName(self.tr("Data set"))
        self.samples_spin.setAccessibleName(self.tr("Samples"))
        self.noise_spin.setAccessibleName(self.tr("Noise"))
        self.noise_spin.setToolTip(self.tr("Standard deviation of the Gaussian jitter added to each point"))
        self.data_seed_spin.setAccessibleName(self.tr("Data seed"))
        self.data_seed_spin.setToolTip(self.tr("The random numbers the data set is drawn from"))
        self.table.setAccessibleName(self.tr("Data: one row per sample, its inputs then its targets"))
        self.table.setToolTip(self.tr("Double-click or type to edit a number; Ctrl+V pastes cells copied from a "
                                      "spreadsheet, starting at the current cell"))
        for button, text, tip in (
                (self.add_button, self.tr("Add"), self.tr("Add a copy of the current sample below it")),
                (self.remove_button, self.tr("Remove"), self.tr("Remove the selected samples")),
                (self.import_button, self.tr("Import…"), self.tr("Read samples from a CSV file: inputs, then "
                                                                  "targets, one sample per line")),
                (self.export_button, self.tr("Export…"), self.tr("Write the samples to a CSV file"))):
            button.setText(text)
            button.setToolTip(tip)
        self.batch_spin.setSpecialValueText(self.tr("all"))
        self.batch_spin.setAccessibleName(self.tr("Batch size"))
        self.batch_spin.setToolTip(self.tr("Samples each step takes: all of them (the full batch), or batches of "
                                           "this size in turn"))
        self.shuffle_check.setText(self.tr("shuffle"))
        self.shuffle_check.setToolTip(self.tr("Each epoch goes through the samples in a new random order, drawn "
                                              "from the shuffle seed"))
        self.shuffle_seed_spin.setAccessibleName(self.tr("Shuffle seed"))
        self.shuffle_seed_spin.setToolTip(self.tr("Shuffle seed"))
        self.follow_spin.setAccessibleName(self.tr("Sample the forward pass shows"))
        self.follow_spin.setPrefix(self.tr("sample "))
        for spin in (self.batch_spin, self.follow_spin):
            _wide_enough(spin)
        self._problem = None  # the chooser's tooltip in the new language at the next show_state

    # ---- from the session

    @property
    def followed_sample(self) -> int:
        """The sample (0-based) the forward pass shows."""
        return self._followed

    def show_state(self, session: Session, evaluation=None, shown: Shown | None = None) -> None:
        """Show the session's data and batching (nothing to do while only the parameters change)."""
        p = session.problem
        if p is self._problem:
            return
        old, self._problem = self._problem, p
        if old is None or p.data is not old.data or p.network != old.network:
            self._show_data(p)
        self._show_batching(p)

    def _show_data(self, p: Problem) -> None:
        column = self.table.currentIndex().column()  # kept when the table is reset (samples added or removed)
        self.model.set_data(p.data, classes=p.network.loss == "ce")
        self._show_choice(p.data, p.network)
        with QSignalBlocker(self.follow_spin):
            self.follow_spin.setRange(1, p.m)
        self._follow(min(self._followed, p.m - 1), column)

    def _show_choice(self, data: Data, network: NetworkSpec) -> None:
        """The data set, its sample count, noise and seed as chosen when it was made, and what that changed in the
        network while the network is still the one it made; "your own data" otherwise."""
        made = self._made.get(data)
        generated = made.generated if made else data.generated or self._recognized(data)
        with QSignalBlocker(self.dataset_combo):
            self.dataset_combo.setCurrentIndex(self.dataset_combo.findData(generated.name) if generated
                                               else len(DATASETS))
        if generated:
            for spin, value in ((self.samples_spin, generated.samples), (self.noise_spin, generated.noise),
                                (self.data_seed_spin, generated.seed)):
                with QSignalBlocker(spin):
                    spin.setValue(value)
        drawn = generated is not None and generated.name != "seed"  # the seed's one sample takes no count or noise
        for spin in (self.samples_spin, self.noise_spin, self.data_seed_spin):
            spin.setEnabled(drawn)
        self.dataset_combo.setToolTip(core_text(dataset(generated.name).description) if generated else self.tr(
            "Samples typed, pasted or imported: choose a data set to replace them."))
        note = made.note if made and made.network == network else ""
        self.note.setText(note)
        self.note.setVisible(bool(note))

    def _recognized(self, data: Data) -> Generated | None:
        """The seed's data set when `data` is its one sample (the session starts with it)."""
        seed = generate("seed", seed=self.data_seed_spin.value())
        return seed.generated if _same_samples(data, seed) else None

    def _show_batching(self, p: Problem) -> None:
        b = p.batching
        with QSignalBlocker(self.batch_spin):
            self.batch_spin.setRange(0, p.m)  # 0 shows "all"
            self.batch_spin.setValue(0 if b.size is None else min(b.size, p.m))
        with QSignalBlocker(self.shuffle_check):
            self.shuffle_check.setChecked(b.shuffle)
        with QSignalBlocker(self.shuffle_seed_spin):
            self.shuffle_seed_spin.setValue(min(b.seed, MAX_SEED))
        self.shuffle_check.setEnabled(not p.full_batch)
        self.shuffle_seed_spin.setEnabled(b.shuffle and not p.full_batch)

    def _follow(self, sample: int, column: int = -1) -> None:
        """The forward pass shows `sample`: the spin box, the table's current row and its highlight agree (the
        current cell stays in its column, or goes to `column`)."""
        if sample < 0:
            return
        changed = sample != self._followed
        self._followed = sample
        self.model.set_followed(sample)
        with QSignalBlocker(self.follow_spin):
            self.follow_spin.setValue(sample + 1)
        current = self.table.currentIndex()
        if current.row() != sample:
            column = current.column() if current.isValid() else column
            self.table.setCurrentIndex(self.model.index(sample, min(max(column, 0), self.model.columnCount() - 1)))
        if changed:
            self.followedSampleChanged.emit(sample)

    # ---- to the session

    def _perform(self, action, *args) -> bool:
        """Run one undoable action and show its result at once (the window's refresh follows)."""
        done = self._controller.perform(action, *args)
        self.show_state(self._controller.session)
        return done

    def _on_dataset_chosen(self) -> None:
        """A data set chosen: its own sample count and noise, the seed kept."""
        name = self.dataset_combo.currentData()
        if name is None:
            return
        d = dataset(name)
        for spin, value in ((self.samples_spin, d.samples), (self.noise_spin, d.noise)):
            with QSignalBlocker(spin):
                spin.setValue(value)
        self._generate()

    def _generate(self) -> None:
        """The chosen data set drawn anew, with the network it needs if the current one cannot learn it."""
        name = self.dataset_combo.currentData()
        if name is None:
            return
        samples, noise, seed = self.samples_spin.value(), self.noise_spin.value(), self.data_seed_spin.value()
        try:
            data = generate(name, samples, noise, seed)
        except ValueError as e:
            self._controller.error.emit(error_text(e))
            return
        from core.rebuild import fitted  # (this module, CSV and files are imported when used: start-up needs none)

        session = self._controller.session
        old = session.problem.network
        network = fitted(old, data, dataset(name).classes)
        same = session.problem.data
        if network == old and _same_samples(data, same):  # nothing to undo, but the chooser shows the set
            self._made[same] = (self._made.get(same) or _Made(data.generated, old, ""))._replace(
                generated=data.generated)
            self._show_choice(same, old)
            return
        note = "" if network == old else (self.tr("The network changed to fit “%1”: %2 → %3.")
                                          .replace("%3", core_text(network.describe()))
                                          .replace("%2", core_text(old.describe()))
                                          .replace("%1", core_text(dataset(name).label)))
        self._made[data] = _Made(data.generated, network, note)
        self._perform(Session.set_data_and_network, data, network)

    def _on_edit(self, part: str, sample: int, column: int, value: float) -> bool:
        return self._perform(Session.edit_data, part, sample, column, value)

    def _on_paste(self, row: int, column: int, text: str) -> None:
        from core.data_csv import CsvError, read_block

        try:
            block = read_block(text)
        except CsvError as e:
            self._controller.error.emit(self.tr("Cannot paste: %1").replace("%1", error_text(e)))
            return
        self._perform(Session.paste_data, row, column, block)

    def _add_sample(self) -> None:
        """A copy of the current sample below it (it fits whatever the loss), to edit."""
        data = self._controller.session.problem.data
        row = min(max(self.table.currentIndex().row(), 0), data.m - 1)
        if self._perform(Session.insert_samples, row + 1, data.X[row:row + 1], data.Y[row:row + 1]):
            self._follow(row + 1)

    def _remove_samples(self) -> None:
        rows = {index.row() for index in self.table.selectionModel().selectedIndexes()}
        if not rows and self.table.currentIndex().isValid():
            rows = {self.table.currentIndex().row()}
        self._perform(Session.remove_samples, sorted(rows))

    def _on_batching(self) -> None:
        size = self.batch_spin.value() or None
        batching = Batching(size, self.shuffle_check.isChecked(), self.shuffle_seed_spin.value())
        if batching != self._controller.session.problem.batching:
            self._perform(Session.set_batching, batching)

    # ---- files

    def import_csv(self) -> None:
        """Samples from a CSV file with the network's inputs and targets; a refusal leaves the data as it was."""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import data"), self._folder,
                                              self.tr("CSV files (*.csv);;All files (*)"))
        if not path:
            return
        self._folder = str(Path(path).parent)
        from core.data_csv import CsvError, load_csv

        p = self._controller.session.problem
        try:
            data = load_csv(path, p.n_in, 1 if p.network.loss == "ce" else p.n_out)
        except CsvError as e:
            self._controller.error.emit(error_text(e))
            return
        self._perform(Session.set_dataset, data)

    def export_csv(self) -> None:
        """The samples as CSV with a header, which Import reads back exactly."""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export data"), str(Path(self._folder) / "data.csv"),
                                              self.tr("CSV files (*.csv)"))
        if not path:
            return
        self._folder = str(Path(path).parent)
        from core.data_csv import column_names, dump_csv
        from core.session_file import write_atomically

        p = self._controller.session.problem
        header = column_names(p.n_in, p.data.n_targets, p.network.loss == "ce")
        try:
            write_atomically(path, dump_csv(p.data, header))
        except OSError as e:
            self._controller.error.emit(self.tr("Cannot write %1: %2").replace("%1", path)
                                        .replace("%2", error_text(e)))
