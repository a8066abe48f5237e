"""The data panel, standalone over a real SessionController: data sets that bring the network they need, the
table's edits, rows added, removed and pasted, CSV files, batches and the followed sample; each change one undo
entry, each refusal changing nothing and saying why. The table model stays cheap at 10,000 samples."""

import time

import numpy as np
import pytest
from numpy.testing import assert_array_equal
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QFileDialog, QLabel, QLineEdit, QSpinBox, QTableView

from core.data import Batching, Data
from core.datasets import DATASETS, generate
from core.network import NetworkSpec
from core.session import Session
from gui.controller import SessionController
from gui.data_model import DataModel
from gui.data_panel import DataPanel
from tests.helpers import assert_states_identical


@pytest.fixture
def panel(qtbot, controller):
    panel = DataPanel(controller)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def choose(panel: DataPanel, name: str) -> None:
    combo = panel.findChild(QComboBox, "datasetCombo")
    combo.setCurrentIndex(combo.findData(name))
    combo.activated.emit(combo.currentIndex())


def table(panel: DataPanel) -> QTableView:
    return panel.findChild(QTableView, "dataEditor")


def shown(view: QTableView) -> list[list[str]]:
    """The texts of every cell, row by row."""
    model = view.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def headers(view: QTableView) -> list[str]:
    model = view.model()
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def in_session(controller: SessionController) -> np.ndarray:
    d = controller.session.problem.data
    return np.hstack([d.X, d.Y])  # (m, n_in + n_targets)


def test_the_chooser_lists_every_data_set_with_its_description_and_starts_on_the_seed(panel):
    combo = panel.findChild(QComboBox, "datasetCombo")
    assert [combo.itemData(k) for k in range(len(DATASETS))] == [d.name for d in DATASETS]
    assert [combo.itemText(k) for k in range(len(DATASETS))] == [d.label for d in DATASETS]
    assert [combo.itemData(k, Qt.ItemDataRole.ToolTipRole) for k in range(len(DATASETS))] == [d.description
                                                                                             for d in DATASETS]
    assert combo.currentData() == "seed"
    assert combo.toolTip() == DATASETS[0].description and panel.findChild(QLabel, "dataNote").isHidden()
    assert headers(table(panel)) == ["x₁", "x₂", "x₃", "y₁", "y₂", "y₃"]
    assert shown(table(panel)) == [["−0.5", "0.1", "1.1", "0.1", "0.2", "9.9"]]
    assert not panel.findChild(QSpinBox, "samplesSpin").isEnabled()  # one sample, whatever is asked


def test_xor_brings_its_network_in_one_undo_entry_says_what_changed_and_undo_restores_the_seed(panel, controller):
    seed = controller.session.state
    choose(panel, "xor")
    s = controller.session.state
    assert_array_equal(in_session(controller), np.hstack([generate("xor").X, generate("xor").Y]))
    assert s.problem.network == NetworkSpec((2, 1), ("identity",), loss="bce")
    assert controller.undo_stack.count() == 1
    assert panel.findChild(QLabel, "dataNote").text() == ("The network changed to fit “XOR”: 3-3, sigmoid, mse → "
                                                          "2-1, identity, bce.")
    assert headers(table(panel)) == ["x₁", "x₂", "y₁"]
    assert shown(table(panel)) == [["0", "0", "0"], ["0", "1", "1"], ["1", "0", "1"], ["1", "1", "0"]]
    samples = panel.findChild(QSpinBox, "samplesSpin")
    assert samples.value() == 4 and samples.isEnabled()
    controller.undo_stack.undo()
    assert_states_identical(controller.session.state, seed)
    panel.show_state(controller.session)
    assert panel.findChild(QComboBox, "datasetCombo").currentData() == "seed"
    controller.undo_stack.redo()
    panel.show_state(controller.session)
    assert panel.findChild(QComboBox, "datasetCombo").currentData() == "xor"
    assert "3-3, sigmoid, mse → 2-1" in panel.findChild(QLabel, "dataNote").text()  # remembered for redo
    controller.perform(Session.set_network, NetworkSpec.create([2, 4, 1], "tanh", False, "bce"))
    panel.show_state(controller.session)
    assert panel.findChild(QComboBox, "datasetCombo").currentData() == "xor"  # the same data ...
    assert panel.findChild(QLabel, "dataNote").isHidden()  # ... in a network it did not make


def test_data_that_fits_the_network_keeps_it_and_count_noise_and_seed_draw_anew(panel, controller):
    controller.perform(Session.set_data_and_network, generate("xor"), NetworkSpec.create([2, 4, 1], "tanh", True,
                                                                                        "bce"))
    panel.show_state(controller.session)
    choose(panel, "circle")
    net = controller.session.problem.network
    assert net == NetworkSpec.create([2, 4, 1], "tanh", True, "bce") and controller.session.state.step == 0
    assert panel.findChild(QLabel, "dataNote").isHidden()  # nothing changed in the network
    assert panel.findChild(QComboBox, "datasetCombo").toolTip() == DATASETS[2].description
    panel.findChild(QSpinBox, "samplesSpin").setValue(50)
    panel.findChild(QSpinBox, "dataSeedSpin").setValue(3)
    assert_array_equal(in_session(controller), np.hstack([generate("circle", 50, 0.05, 3).X,
                                                          generate("circle", 50, 0.05, 3).Y]))
    assert controller.undo_stack.count() == 4
    assert [controller.undo_stack.text(k) for k in range(1, 4)] == ["New data"] * 3


@pytest.mark.parametrize("name, data_set", [("xor", "xor"), ("circle", "circle")])
def test_a_scenario_s_data_show_as_the_set_they_were_drawn_from_and_its_controls_work(panel, controller, name,
                                                                                       data_set):
    from core.scenarios import scenario

    controller.perform(Session.replace_state, scenario(name).make())
    panel.show_state(controller.session)
    combo, samples = panel.findChild(QComboBox, "datasetCombo"), panel.findChild(QSpinBox, "samplesSpin")
    noise, seed = panel.findChild(QDoubleSpinBox, "noiseSpin"), panel.findChild(QSpinBox, "dataSeedSpin")
    d = next(d for d in DATASETS if d.name == data_set)
    assert combo.currentData() == data_set and combo.toolTip() == d.description
    assert samples.value() == d.samples and seed.value() == 0  # the scenario's: default count, seed 0
    np.testing.assert_allclose(noise.value(), d.noise, rtol=0, atol=1e-12)
    assert all(spin.isEnabled() for spin in (samples, noise, seed))
    choose(panel, data_set)  # the same set again: nothing to draw anew, the controls stay as the set allows
    assert combo.currentData() == data_set and all(spin.isEnabled() for spin in (samples, noise, seed))
    samples.setValue(1000)
    assert controller.session.problem.m == 1000 and controller.undo_stack.count() == 2


def test_the_same_set_chosen_for_typed_data_shows_it_with_working_controls(panel, controller):
    circle = generate("circle")  # drawn as the chooser would, but set as typed data: no origin to show
    controller.perform(Session.set_data_and_network, Data(circle.X, circle.Y),
                       NetworkSpec.create([2, 4, 1], "tanh", True, "bce"))
    panel.show_state(controller.session)
    combo, samples = panel.findChild(QComboBox, "datasetCombo"), panel.findChild(QSpinBox, "samplesSpin")
    assert combo.currentData() is None and not samples.isEnabled()  # "your own data"
    choose(panel, "circle")  # exactly those samples: nothing to undo, but the chooser shows the set
    assert controller.undo_stack.count() == 1
    assert combo.currentData() == "circle" and samples.isEnabled() and samples.value() == 200
    samples.setValue(10_000)
    assert controller.session.problem.m == 10_000 and controller.undo_stack.count() == 2


def test_an_edit_of_generated_data_makes_them_the_user_s_own(panel, controller):
    choose(panel, "circle")
    controller.perform(Session.edit_data, "X", 0, 0, 0.25)
    panel.show_state(controller.session)
    assert panel.findChild(QComboBox, "datasetCombo").currentData() is None
    assert not panel.findChild(QSpinBox, "samplesSpin").isEnabled()
    controller.undo_stack.undo()
    panel.show_state(controller.session)
    assert panel.findChild(QComboBox, "datasetCombo").currentData() == "circle"


def test_three_classes_bring_cross_entropy_and_the_table_shows_the_class(panel, controller):
    choose(panel, "spiral3")
    net = controller.session.problem.network
    assert (net.widths, net.loss) == ((2, 3), "ce")
    assert headers(table(panel)) == ["x₁", "x₂", "class"]
    assert [row[2] for row in shown(table(panel))[:4]] == ["0", "1", "2", "0"]
    assert controller.session.problem.m == 300 and table(panel).model().rowCount() == 300


def test_a_cell_edit_is_one_undo_entry_and_refused_text_keeps_the_old_value(qtbot, panel, controller, refusals):
    choose(panel, "spiral3")
    view = table(panel)
    model = view.model()
    assert model.setData(model.index(4, 1), 0.25)
    assert controller.session.problem.data.X[4, 1] == 0.25 and model.index(4, 1).data() == "0.25"
    assert controller.undo_stack.text(controller.undo_stack.count() - 1) == "Edit X[5,2]"
    before = controller.session.state
    for column, text, reason in ((0, "abc", "X[2,1] 'abc' is not a number"),
                                 (2, "1.5", "whole class indices; sample 2 has 1.5")):
        index = model.index(1, column)
        old = index.data()
        editor = QLineEdit()
        editor.setText(text)
        view.itemDelegate().setModelData(editor, model, index)
        assert controller.session.state is before and index.data() == old
        assert reason in refusals[-1]


def test_samples_are_added_and_removed_one_undo_entry_each(panel, controller):
    choose(panel, "xor")
    view = table(panel)
    view.setCurrentIndex(view.model().index(1, 0))
    panel.add_button.click()
    assert_array_equal(in_session(controller)[:3], [[0, 0, 0], [0, 1, 1], [0, 1, 1]])  # a copy below
    assert view.model().rowCount() == 5 and view.currentIndex().row() == 2
    selection = view.selectionModel()
    selection.clearSelection()
    for row in (0, 3):
        selection.select(view.model().index(row, 1), QItemSelectionModel.SelectionFlag.Select)
    panel.remove_button.click()
    assert_array_equal(in_session(controller), [[0, 1, 1], [0, 1, 1], [1, 1, 0]])
    assert controller.undo_stack.count() == 3
    assert controller.undo_stack.text(2) == "Remove 2 samples"


def test_ctrl_v_pastes_a_spreadsheet_block_at_the_current_cell_or_refuses_it_whole(qtbot, panel, controller,
                                                                                   refusals):
    choose(panel, "xor")
    view = table(panel)
    view.setFocus()
    view.setCurrentIndex(view.model().index(2, 1))
    QGuiApplication.clipboard().setText("0.5\t1\n-0.5\t0\n2\t1\n")  # x₂ and y₁ of samples 3, 4 and a new 5th
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert_array_equal(in_session(controller), [[0, 0, 0], [0, 1, 1], [1, 0.5, 1], [1, -0.5, 0], [0, 2, 1]])
    assert controller.undo_stack.text(controller.undo_stack.count() - 1) == "Paste 3×2 at [3,2]"
    before, count = controller.session.state, controller.undo_stack.count()
    for text, reason in (("1\t2\n3\tx\n", "Cannot paste: line 2, column 2: 'x' is not a number"),
                         ("0.5\t2\n", "binary cross-entropy needs targets from 0 to 1; sample 3 has 2"),
                         ("1\t1\t1\n", "3 columns wide; from column 2 the table has 2")):
        QGuiApplication.clipboard().setText(text)
        qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        assert controller.session.state is before and controller.undo_stack.count() == count
        assert reason in refusals[-1]


def test_csv_export_reads_back_exactly_and_a_refused_import_changes_nothing(panel, controller, refusals, tmp_path,
                                                                            monkeypatch):
    choose(panel, "moons")
    exported = controller.session.problem.data
    path = tmp_path / "moons.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    panel.export_csv()
    assert path.read_text().splitlines()[0] == "x1,x2,y1"
    panel.findChild(QSpinBox, "dataSeedSpin").setValue(9)  # other data
    panel.import_csv()
    data = controller.session.problem.data
    assert_array_equal(data.X, exported.X, strict=True)
    assert_array_equal(data.Y, exported.Y, strict=True)
    assert panel.findChild(QComboBox, "datasetCombo").currentText() == "Your own data"
    before = controller.session.state
    path.write_text("x1,x2,y1\n0.5,1\n")
    panel.import_csv()
    assert controller.session.state is before and "line 2, column 3" in refusals[-1]
    path.write_text("0.5,1,3\n")  # three numbers, but 3 is no probability for bce
    panel.import_csv()
    assert controller.session.state is before and "targets from 0 to 1" in refusals[-1]


def test_batch_size_all_or_one_to_m_and_shuffling(panel, controller):
    choose(panel, "circle")
    spin = panel.findChild(QSpinBox, "batchSizeSpin")
    assert (spin.minimum(), spin.maximum(), spin.text()) == (0, 200, "all")
    assert not panel.shuffle_check.isEnabled()  # a full batch has no order
    spin.setValue(16)
    assert controller.session.problem.batching == Batching(16)
    panel.shuffle_check.setChecked(True)
    panel.findChild(QSpinBox, "shuffleSeedSpin").setValue(5)
    assert controller.session.problem.batching == Batching(16, True, 5)
    spin.setValue(0)
    assert controller.session.problem.batching == Batching(None, True, 5) and spin.text() == "all"
    assert controller.undo_stack.count() == 5


def test_the_followed_sample_is_the_spin_box_and_the_table_s_current_row(qtbot, panel, controller):
    choose(panel, "blobs")
    spin, view = panel.findChild(QSpinBox, "followedSampleSpin"), table(panel)
    assert spin.maximum() == 150
    with qtbot.waitSignal(panel.followedSampleChanged) as followed:
        spin.setValue(7)
    assert followed.args == [6] and view.currentIndex().row() == 6 and panel.followed_sample == 6
    assert view.model().index(6, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    with qtbot.waitSignal(panel.followedSampleChanged) as followed:
        view.setCurrentIndex(view.model().index(40, 1))
    assert followed.args == [40] and spin.value() == 41
    panel.findChild(QSpinBox, "samplesSpin").setValue(20)  # fewer samples: the last one is followed
    assert panel.followed_sample == 19 and spin.value() == 20 and spin.maximum() == 20


@pytest.mark.parametrize("m, classes", [(1, False), (300, True), (10_000, False)])
def test_the_table_model_passes_qt_s_model_tester(qtmodeltester, m, classes):
    model = DataModel(lambda *edit: True)
    data = generate("spiral3", m)
    model.set_data(data if classes else Data(data.X, np.hstack([data.X, data.Y])), classes)
    qtmodeltester.check(model)


def test_ten_thousand_samples_stay_cheap_no_copy_no_reset_on_steps(qtbot, panel, controller):
    choose(panel, "spiral")
    panel.findChild(QSpinBox, "samplesSpin").setValue(10_000)
    model = table(panel).model()
    assert model.rowCount() == 10_000
    resets = []
    model.modelAboutToBeReset.connect(lambda: resets.append(1))
    session = controller.session
    session.randomize(3)  # the parameters change, not the data: nothing to show again
    start = time.perf_counter()
    panel.show_state(session)
    assert time.perf_counter() - start < 1e-3 and not resets
    assert model._data.X is session.problem.data.X  # the session's array, not a copy
    panel.findChild(QSpinBox, "dataSeedSpin").setValue(4)  # new values, same shape: dataChanged, no reset
    assert not resets and model.index(9_999, 0).data() is not None
    indexes = [model.index(r, c) for r in range(0, 10_000, 10) for c in range(3)]
    start = time.perf_counter()
    for index in indexes:
        index.data(Qt.ItemDataRole.DisplayRole)
    per_call = (time.perf_counter() - start) / len(indexes)
    assert per_call < 50e-6, f"{per_call * 1e6:.1f} µs per data() call"
