"""Switching optimizer keeps what the user changed (learning rate and the other shared hyperparameters), and says
so in the status bar."""

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit

from core.optimizer_spec import OptimizerSpec
from tests.test_gui import settle


@pytest.mark.parametrize("old, kind, kept, expected", [
    (OptimizerSpec.create("sgd", lr=0.05, momentum=0.9, nesterov=True), "rmsprop", ("lr", "momentum"),
     OptimizerSpec.create("rmsprop", lr=0.05, momentum=0.9)),
    (OptimizerSpec.create("adam", beta1=0.8, eps=1e-6, amsgrad=True), "adamw", ("beta1", "eps", "amsgrad"),
     OptimizerSpec.create("adamw", beta1=0.8, eps=1e-6, amsgrad=True)),
    (OptimizerSpec.create("adamw", weight_decay=0.01), "adam", (), OptimizerSpec.create("adam")),  # AdamW's default
    (OptimizerSpec.create("adam", weight_decay=0.01), "adamw", ("weight_decay",),
     OptimizerSpec.create("adamw")),  # kept, and by chance AdamW's default
    (OptimizerSpec.create("adam"), "adagrad", (), OptimizerSpec.create("adagrad")),  # lr 0.01 and eps 1e-10
    (OptimizerSpec.create("rmsprop", lr=0.001, weight_decay=0.1), "sgd", ("lr", "weight_decay"),
     OptimizerSpec.create("sgd", weight_decay=0.1)),  # 0.001 happens to be SGD's default too
])
def test_a_switch_keeps_the_shared_hyperparameters_the_user_changed(old, kind, kept, expected):
    spec, names = old.switched_to(kind)
    assert spec == expected and names == kept


def choose_optimizer(qtbot, window, kind: str) -> None:
    combo = window.findChild(QComboBox, "optimizerCombo")
    combo.setCurrentIndex(combo.findData(kind))
    combo.activated.emit(combo.currentIndex())
    settle(qtbot, window)


def test_switching_optimizer_keeps_a_changed_learning_rate_and_says_so(qtbot, window):
    lr = window.findChild(QLineEdit, "hyper_lr")
    lr.setText("0.05")
    lr.setModified(True)
    lr.editingFinished.emit()
    choose_optimizer(qtbot, window, "sgd")
    session = window.controller.session
    assert session.optimizer == OptimizerSpec.create("sgd", lr=0.05)
    assert window.findChild(QLineEdit, "hyper_lr").text() == "0.05"
    message = window.statusBar().currentMessage()
    assert "SGD" in message and "learning rate = 0.05" in message and "Adam" in message

    window.controller.undo_stack.undo()
    window.controller.undo_stack.undo()  # Adam at its defaults again: the switch takes RMSprop's
    choose_optimizer(qtbot, window, "rmsprop")
    assert session.optimizer == OptimizerSpec.create("rmsprop")
    message = window.statusBar().currentMessage()
    assert "RMSprop" in message and "defaults" in message and "learning rate 0.01" in message
