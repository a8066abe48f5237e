"""The network editor, standalone over a real SessionController: widths typed or spun, layers added and removed,
activations, bias, loss and initialization, each one undo entry that keeps what fits; refusals change nothing and
say why."""

import numpy as np
import pytest
from numpy.testing import assert_array_equal
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox, QToolButton

from core.datasets import generate
from core.init import SCHEMES, Init, initial_parameters
from core.losses import LOSSES
from core.network import NetworkSpec
from core.session import Session
from gui.controller import SessionController
from gui.network_editor import NetworkEditor
from tests.helpers import assert_states_identical


@pytest.fixture
def editor(qtbot, controller):
    editor = NetworkEditor(controller)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def type_widths(qtbot, editor: NetworkEditor, text: str) -> None:
    """Select the widths, type `text` and press Enter, as a user does."""
    edit = editor.findChild(QLineEdit, "layerWidthsEdit")
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def choose(combo: QComboBox, key) -> None:
    combo.setCurrentIndex(combo.findData(key))
    combo.activated.emit(combo.currentIndex())


def test_typing_2_4_1_builds_that_network_as_one_undo_entry_and_undo_restores_the_seed_exactly(qtbot, editor,
                                                                                              controller):
    seed = controller.session.state
    assert editor.findChild(QLineEdit, "layerWidthsEdit").text() == "3, 3"
    type_widths(qtbot, editor, "2,4,1")
    net = controller.session.problem.network
    assert net == NetworkSpec((2, 4, 1), ("sigmoid", "sigmoid"))
    assert controller.undo_stack.count() == 1
    assert controller.undo_stack.text(0) == "Network 2-4-1, sigmoid/sigmoid, mse"
    assert editor.findChild(QLineEdit, "layerWidthsEdit").text() == "2, 4, 1"
    assert [s.value() for s in editor.width_spins] == [2, 4, 1]
    assert_array_equal(controller.session.state.manual.params["W1"][:3], seed.manual.params["W1"][:, :2])  # kept
    controller.undo_stack.undo()
    assert_states_identical(controller.session.state, seed)
    editor.show_state(controller.session)
    assert editor.findChild(QLineEdit, "layerWidthsEdit").text() == "3, 3"
    assert [s.value() for s in editor.width_spins] == [3, 3]


@pytest.mark.parametrize("text, reason", [("2, 40, 1", "from 1 to 16, not 40"), ("2, a", "'a' is not a whole number"),
                                          ("4", "2 to 7 widths")])
def test_a_refused_width_keeps_the_old_text_and_says_why(qtbot, editor, controller, refusals, text, reason):
    before = controller.session.state
    type_widths(qtbot, editor, text)
    assert controller.session.state is before and controller.undo_stack.count() == 0
    assert len(refusals) == 1 and reason in refusals[0] and refusals[0].endswith("the widths stay 3, 3")
    assert editor.findChild(QLineEdit, "layerWidthsEdit").text() == "3, 3"


def spiral_controller() -> SessionController:
    """2-8-3, tanh, cross-entropy, on 30 samples of the three-arm spiral."""
    session = Session(load_torch=False)
    session.set_data_and_network(generate("spiral3", 30), NetworkSpec.create([2, 8, 3], "tanh", True, "ce"))
    return SessionController(session)


def test_widths_the_data_cannot_follow_are_refused_with_the_reason(qtbot, refusals):
    controller = spiral_controller()
    controller.error.connect(refusals.append)
    editor = NetworkEditor(controller)
    qtbot.addWidget(editor)
    editor.show()
    before = controller.session.state
    type_widths(qtbot, editor, "2, 8, 2")  # three classes need three outputs
    assert controller.session.state is before
    assert refusals == ["sample 3 has class 2; with 2 outputs the classes are 0 to 1"]
    assert editor.findChild(QLineEdit, "layerWidthsEdit").text() == "2, 8, 3"
    editor.findChild(QSpinBox, "widthSpin_0").setValue(3)  # a third input: it comes in as 0
    assert controller.session.problem.network.widths == (3, 8, 3)
    assert_array_equal(controller.session.problem.data.X[:, 2], np.zeros(30))


def test_a_spin_box_per_width_and_layers_added_and_removed(qtbot, editor, controller):
    editor.findChild(QSpinBox, "widthSpin_1").setValue(2)  # the outputs
    assert controller.session.problem.network.widths == (3, 2)
    assert editor.findChild(QToolButton, "removeLayerButton_1") is None  # the output layer stays
    assert editor.findChild(QComboBox, "activationCombo").isHidden()  # one layer: its own row sets its activation
    editor.add_button.click()
    assert controller.session.problem.network == NetworkSpec((3, 3, 2), ("sigmoid", "sigmoid"))
    assert [s.value() for s in editor.width_spins] == [3, 3, 2]
    assert not editor.findChild(QComboBox, "activationCombo").isHidden()
    choose(editor.findChild(QComboBox, "activationCombo_1"), "relu")
    editor.findChild(QSpinBox, "widthSpin_1").setValue(5)
    editor.add_button.click()
    assert controller.session.problem.network == NetworkSpec((3, 5, 5, 2), ("relu", "relu", "sigmoid"))
    choose(editor.findChild(QComboBox, "activationCombo_2"), "tanh")
    editor.findChild(QToolButton, "removeLayerButton_1").click()  # the tanh layer moves down and keeps tanh
    assert controller.session.problem.network == NetworkSpec((3, 5, 2), ("tanh", "sigmoid"))
    assert controller.undo_stack.count() == 7
    for _ in range(7):
        controller.undo_stack.undo()
    assert controller.session.problem.network == NetworkSpec((3, 3), ("sigmoid",))


def test_every_layer_takes_one_activation_and_the_output_stays_linear_under_cross_entropy(qtbot):
    controller = spiral_controller()
    editor = NetworkEditor(controller)
    qtbot.addWidget(editor)
    choose(editor.findChild(QComboBox, "activationCombo"), "relu")
    assert controller.session.problem.network.activations == ("relu", "identity")
    output = editor.findChild(QComboBox, "activationCombo_2")
    assert output.currentData() == "identity" and not output.isEnabled()
    assert "linear" in output.toolTip()


def test_bias_on_adds_a_bias_to_every_layer_keeping_the_weights(qtbot, editor, controller):
    type_widths(qtbot, editor, "3, 4, 3")
    weights = dict(controller.session.state.manual.params)
    editor.findChild(QCheckBox, "biasCheck").setChecked(True)
    params = controller.session.state.manual.params
    assert list(params) == ["W1", "b1", "W2", "b2"] and controller.session.problem.network.bias
    for name in ("W1", "W2"):
        assert_array_equal(params[name], weights[name])
    assert_array_equal(params["b1"], initial_parameters((3, 4, 3), True)["b1"])  # drawn as torch draws them
    assert controller.undo_stack.count() == 2
    controller.undo_stack.undo()
    editor.show_state(controller.session)
    assert not editor.findChild(QCheckBox, "biasCheck").isChecked()


def test_the_loss_combo_offers_every_loss_and_refuses_one_the_targets_do_not_fit(qtbot, editor, controller,
                                                                                refusals):
    combo = editor.findChild(QComboBox, "lossCombo")
    assert [combo.itemData(k) for k in range(combo.count())] == list(LOSSES)
    assert [combo.itemText(k) for k in range(combo.count())] == [loss.label for loss in LOSSES.values()]
    before = controller.session.state
    choose(combo, "bce")  # the seed's y₃ = 9.9 is no probability
    assert controller.session.state is before and combo.currentData() == "mse"
    assert refusals == ["binary cross-entropy needs targets from 0 to 1; sample 1 has 9.9"]
    choose(combo, "ce")  # the one-hot's largest entry is the class: y = [0.1, 0.2, 9.9] is class 2
    net = controller.session.problem.network
    assert (net.loss, net.activations) == ("ce", ("identity",))
    assert_array_equal(controller.session.problem.data.Y, [[2.0]])
    assert not editor.findChild(QComboBox, "activationCombo_1").isEnabled()


def test_the_initialization_and_its_seed_draw_the_start(qtbot, editor, controller):
    combo = editor.findChild(QComboBox, "initCombo")
    assert [combo.itemData(k) for k in range(combo.count())] == list(SCHEMES)
    assert all(combo.itemData(k, Qt.ItemDataRole.ToolTipRole) for k in range(combo.count()))
    type_widths(qtbot, editor, "3, 4, 3")
    choose(combo, "zeros")
    assert all(not p.any() for p in controller.session.state.manual.params.values())
    choose(combo, "xavier")
    editor.findChild(QSpinBox, "initSeedSpin").setValue(7)
    s = controller.session.state
    assert s.init == Init("xavier", 7) and s.step == 0
    for name, value in initial_parameters((3, 4, 3), False, "xavier", 7).items():
        assert_array_equal(s.manual.params[name], value)
    assert controller.undo_stack.count() == 4
