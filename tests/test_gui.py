"""The window, driven as a user drives it: typing into cells, pressing Step, Undo, Run and Cancel."""

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from numpy.testing import assert_allclose
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QTableView

from core.init import linear_weight
from core.notation import short_number
from tests import torch_twin
from tests.helpers import assert_states_identical

ROOT = Path(__file__).resolve().parent.parent


def grid(window, name: str) -> QTableView:
    view = window.findChild(QTableView, name)
    assert view is not None, name
    return view


def values(view: QTableView) -> np.ndarray:
    m = view.model()
    return np.array([[m.index(i, j).data(Qt.ItemDataRole.EditRole) for j in range(m.columnCount())]
                     for i in range(m.rowCount())])


def type_into(qtbot, view: QTableView, row: int, column: int, text: str) -> None:
    """Select a cell, open its editor, type, press Enter: what a user does."""
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits on Enter through a queued call: wait for the editor to close
    qtbot.waitUntil(lambda: view.state() != QTableView.State.EditingState, timeout=2000)


def action(window, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def settle(qtbot, window) -> None:
    """Let the coalesced refresh run."""
    qtbot.waitUntil(lambda: not window._refresh_timer.isActive(), timeout=2000)


def test_every_named_part_exists_with_an_accessible_name(window):
    for name in ("weightEditor", "inputEditor", "targetEditor", "manualGradView", "torchGradView",
                 "numericGradView"):
        assert grid(window, name).accessibleName()
    for name in ("actionStep", "actionRun", "actionPlay", "actionUndo", "actionRedo", "actionReset",
                 "actionRandomize"):
        assert action(window, name).text()
    for name in ("optimizerCombo", "activationCombo", "dtypeCombo"):
        assert window.findChild(QComboBox, name).accessibleName()
    import pyqtgraph as pg

    assert window.findChild(pg.PlotWidget, "lossPlot") is not None


def test_editing_a_weight_updates_all_three_gradients_which_agree_with_torch(qtbot, window):
    type_into(qtbot, grid(window, "weightEditor"), 1, 2, "0.75")
    settle(qtbot, window)
    session = window.controller.session
    w = session.state.manual.weight
    assert_allclose(w[1, 2], 0.75, rtol=0)
    assert_allclose(values(grid(window, "weightEditor"))[1, 2], 0.75, rtol=0)
    _, expected = torch_twin.loss_and_grad(w, session.problem.x_cast, session.problem.y_cast, "sigmoid", "float32")
    for name, tolerance in (("manualGradView", 1e-6), ("torchGradView", 1e-7), ("numericGradView", 1e-5)):
        assert_allclose(values(grid(window, name)), expected, rtol=tolerance, atol=1e-7)
    assert "agree" in window.gradient_panel.torch_verdict.text()
    assert session.step_count == 0 and session.undo_label == "Edit W1[2,3]"


def test_after_switching_to_float64_the_verdict_compares_gradients_at_the_same_weights(qtbot, window):
    """It showed a red "disagree" for gradients taken at two weights that differ by float32's old rounding."""
    from core.session import Session

    c = window.controller
    c.step(100)
    c.perform(Session.set_dtype, "float64")
    window.detail_tabs.setCurrentWidget(window.trajectory_panel)
    settle(qtbot, window)
    e = c.session.evaluate()
    verdict = window.gradient_panel.torch_verdict.text()
    assert "✔" in verdict and "✘" not in verdict
    assert "hand vs autograd at the same W" in verdict and "hand-written W" in window.gradient_panel.title()
    assert "torch's own trajectory" in window.gradient_panel.torch_verdict.toolTip()
    relative = e.manual_vs_autograd.relative
    assert f"relative error {short_number(relative, 3)} (÷ {short_number(e.manual_vs_autograd.scale, 3)}" in verdict
    assert_allclose(values(grid(window, "torchGradView")), e.autograd.grads["W1"], rtol=0, atol=0)
    assert np.max(np.abs(values(grid(window, "weightGapView")))) > 1e-9  # the trajectories' gap, where it was


def test_the_trajectories_gap_is_coloured_against_the_weights_size_not_its_own(qtbot, window):
    """A 1e−9 gap of float32 rounding was coloured saturated red (against the largest gap), which read as an
    error; against the weights' size it is white."""
    from PySide6.QtCore import Qt as QtNamespace

    c = window.controller
    c.step(20)
    window.detail_tabs.setCurrentWidget(window.trajectory_panel)
    settle(qtbot, window)
    model = grid(window, "weightGapView").model()
    gaps = values(grid(window, "weightGapView"))
    assert 0 < np.max(np.abs(gaps)) < 1e-5  # rounding only
    for i in range(model.rowCount()):
        for j in range(model.columnCount()):
            colour = model.index(i, j).data(QtNamespace.ItemDataRole.BackgroundRole)
            assert min(colour.red(), colour.green(), colour.blue()) >= 250, (i, j, colour.name())


def test_near_a_minimum_the_relative_error_is_small_and_says_what_it_is_relative_to(qtbot, window):
    """At the reachable target every |g| is ≈ 2e-9: "agree … relative 4" (of max|g|) puzzled a class."""
    from core.scenarios import scenario

    window.load_scenario(scenario("reachable"))
    window.controller.step(300)
    settle(qtbot, window)
    d = window.controller.session.evaluate().manual_vs_autograd
    verdict = window.gradient_panel.torch_verdict.text()
    assert d.scale < 1e-8 and d.agree and d.relative < d.tolerance.rtol
    assert f"relative error {short_number(d.relative, 3)} (÷ 0.01: every |g| is smaller)" in verdict


def test_a_real_disagreement_is_shown_red(qtbot, window, monkeypatch):
    import core.evaluation
    from core.session import Session

    backward = core.evaluation.backward
    monkeypatch.setattr(core.evaluation, "backward", lambda *args: backward(*args)._replace(
        grads={name: g * 1.001 for name, g in backward(*args).grads.items()}))
    window.controller.perform(Session.set_dtype, "float64")
    settle(qtbot, window)
    for verdict in (window.gradient_panel.torch_verdict, window.gradient_panel.numeric_verdict):
        assert "✘" in verdict.text() and "✔" not in verdict.text()


@pytest.mark.parametrize("text, reason", [("abc", "not a number"), ("nan", "not a finite number"),
                                          ("1e400", "not a finite number"), ("1,5", "use a dot"),
                                          ("", "empty"), ("5e7", "too large")])
def test_bad_text_in_a_cell_is_refused_and_the_value_kept(qtbot, window, text, reason):
    view = grid(window, "weightEditor")
    before = values(view)
    type_into(qtbot, view, 0, 0, text)
    settle(qtbot, window)
    assert_allclose(values(view), before, rtol=0)
    assert reason in window.banner.label.text() and "W1[1,1]" in window.banner.label.text()
    assert window.banner.isVisible()
    assert not window.controller.session.can_undo


def type_widths(qtbot, window, text: str) -> None:
    """On the Network tab, select the widths, type `text` and press Enter, as a user does."""
    window.settings_panel.tabs.setCurrentWidget(window.settings_panel.network_editor)
    edit = window.findChild(QLineEdit, "layerWidthsEdit")
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


@pytest.mark.parametrize("then", ["2, 4, 1", "3, 3"])  # another network, or the widths as they are
def test_a_refusal_goes_once_the_next_entry_is_taken(qtbot, window, then):
    type_widths(qtbot, window, "abc")
    refusal = "'abc' is not a whole number"
    assert refusal in window.banner.label.text() and window.banner.isVisible()
    assert refusal in window.statusBar().currentMessage()
    action(window, "actionStep").trigger()  # a step answers nothing: Play would wipe every refusal at once
    assert window.banner.isVisible() and refusal in window.banner.label.text()
    type_widths(qtbot, window, then)
    assert window.findChild(QLineEdit, "layerWidthsEdit").text() == then
    assert not window.banner.isVisible() and window.statusBar().currentMessage() == ""


def test_a_scenario_s_note_and_a_divergence_stay_when_an_entry_is_taken(qtbot, window):
    from core.scenarios import scenario
    from core.session import Session

    window.load_scenario(scenario("xor"))
    note = window.banner.label.text()
    type_widths(qtbot, window, "2, 3, 1")
    assert window.controller.session.problem.network.widths == (2, 3, 1)
    assert window.banner.isVisible() and window.banner.label.text() == note
    window.load_scenario(scenario("diverging"))
    action(window, "actionRun").trigger()
    qtbot.waitUntil(lambda: window.banner.undo_button.isVisible(), timeout=10000)
    alarm = window.banner.label.text()
    window.controller.perform(Session.set_forgetful, True)  # an entry taken, the divergence not dealt with
    assert window.controller.session.divergence() is not None
    assert window.banner.isVisible() and window.banner.label.text() == alarm


def test_editing_x_and_y_goes_through_the_same_validation(qtbot, window):
    type_into(qtbot, grid(window, "inputEditor"), 2, 0, "-2.5")
    type_into(qtbot, grid(window, "targetEditor"), 0, 0, "0.3")
    settle(qtbot, window)
    problem = window.controller.session.problem
    assert_allclose([problem.x[2], problem.y[0]], [-2.5, 0.3], rtol=0)


def test_three_steps_add_points_and_move_w_and_undo_redo_are_exact(qtbot, window):
    session = window.controller.session
    states = [session.state]
    for _ in range(3):
        action(window, "actionStep").trigger()
        states.append(session.state)
    settle(qtbot, window)
    assert window.loss_plot.point_count() == (4, 4)
    assert np.max(np.abs(values(grid(window, "weightEditor")) - linear_weight(0, 3, 3))) > 1e-3

    action(window, "actionUndo").trigger()
    settle(qtbot, window)
    assert_states_identical(session.state, states[2])
    assert window.loss_plot.point_count() == (3, 3)
    assert_allclose(values(grid(window, "weightEditor")), states[2].manual.weight, rtol=0)

    action(window, "actionRedo").trigger()
    settle(qtbot, window)
    assert_states_identical(session.state, states[3])
    assert window.loss_plot.point_count() == (4, 4)


def test_undo_covers_edits_too(qtbot, window):
    type_into(qtbot, grid(window, "weightEditor"), 0, 1, "0.5")
    action(window, "actionStep").trigger()
    undo = action(window, "actionUndo")
    undo.trigger()
    undo.trigger()
    settle(qtbot, window)
    assert_allclose(values(grid(window, "weightEditor")), linear_weight(0, 3, 3), rtol=0)
    assert not undo.isEnabled()


def test_switching_optimizer_mid_run(qtbot, window):
    for _ in range(3):
        action(window, "actionStep").trigger()
    combo = window.findChild(QComboBox, "optimizerCombo")
    combo.setCurrentIndex(combo.findData("rmsprop"))
    combo.activated.emit(combo.currentIndex())
    settle(qtbot, window)
    session = window.controller.session
    assert session.optimizer.kind == "rmsprop"
    assert window.findChild(QLineEdit, "hyper_alpha") is not None
    lr = window.findChild(QLineEdit, "hyper_lr")
    lr.setText("0.05")
    lr.setModified(True)
    lr.editingFinished.emit()
    for _ in range(5):
        action(window, "actionStep").trigger()
    s = session.state
    assert s.step == 8 and s.optimizer["lr"] == pytest.approx(0.05, rel=0, abs=0)
    assert s.manual.optimizer_state["W1"]["step"] == s.torch.optimizer_state["W1"]["step"] == 5
    assert_allclose(s.manual.weight, s.torch.weight, rtol=0, atol=1e-6)


def test_a_bad_hyperparameter_is_refused_and_kept(qtbot, window):
    lr = window.findChild(QLineEdit, "hyper_lr")
    lr.setText("-1")
    lr.setModified(True)
    lr.editingFinished.emit()
    assert "lr must be 0 or more" in window.banner.label.text()
    assert window.controller.session.optimizer["lr"] == pytest.approx(1e-3, rel=0, abs=0)
    assert lr.text() == "0.001"


def test_run_100_steps_in_one_undo_entry(qtbot, window):
    window.run_count.setValue(100)
    action(window, "actionRun").trigger()
    qtbot.waitUntil(lambda: not window._runner.running, timeout=30000)
    session = window.controller.session
    assert session.step_count == 100 and session.undo_label == "Run 100 steps"
    assert window.controller.undo_stack.count() == 1
    action(window, "actionUndo").trigger()
    assert session.step_count == 0


def test_run_can_be_cancelled(qtbot, window):
    window.run_count.setValue(1_000_000)
    with qtbot.waitSignal(window._runner.progress, timeout=10000):
        action(window, "actionRun").trigger()
    assert window.cancel_button.isVisible() and window.progress.isVisible()
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    assert not window._runner.running
    session = window.controller.session
    done = session.step_count
    assert 0 < done < 1_000_000
    qtbot.wait(100)
    assert session.step_count == done  # nothing more after cancel
    settle(qtbot, window)
    assert window.loss_plot.point_count()[0] == done + 1
    # the undo entry names what was done, not what was asked for
    assert window.controller.undo_stack.undoText() == f"Run {done} of 1000000 steps"


def test_play_steps_until_paused(qtbot, window):
    window.speed.setCurrentIndex(window.speed.count() - 1)  # full speed
    play = action(window, "actionPlay")
    play.trigger()
    qtbot.waitUntil(lambda: window.controller.session.step_count > 20, timeout=10000)
    play.trigger()
    assert not window._runner.running and not play.isChecked()
    assert window.controller.session.undo_label.startswith("Play")


def test_divergence_stops_play_with_an_explanation_and_undo_returns_to_finite(qtbot, window):
    session = window.controller.session
    window.settings_panel.findChild(QComboBox, "activationCombo")
    window.controller.perform(type(session).set_activation, "identity")
    window.controller.perform(type(session).set_optimizer, session.optimizer.__class__.create("sgd", lr=1e6))
    window.speed.setCurrentIndex(window.speed.count() - 1)
    action(window, "actionPlay").trigger()
    qtbot.waitUntil(lambda: not window._runner.running, timeout=10000)
    assert "smaller learning rate" in window.banner.label.text() and window.banner.undo_button.isVisible()
    assert session.divergence() is not None
    settle(qtbot, window)
    past = len(session.state.trace)
    assert past > 0 and np.isfinite(session.state.trace.manual).all()
    finite_now = np.isfinite(session.evaluate().forward.loss)
    assert window.loss_plot.point_count()[0] == past + finite_now  # every finite point, the non-finite one left out
    for curve in (window.loss_plot._manual, window.loss_plot._torch):
        assert np.isfinite(curve.getData()[1]).all()
    qtbot.mouseClick(window.banner.undo_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert session.divergence() is None and not window.banner.isVisible()


def test_the_tool_bars_seed_is_the_network_tabs_seed(qtbot, window):
    """Randomize W's seed and the Network tab's initialization seed were two boxes that could show two numbers
    for the one seed the parameters were drawn with (a seed typed in the tool bar waited for Randomize W, and a
    scenario left it as it was)."""
    from core.scenarios import scenario

    editor = window.settings_panel.network_editor
    editor.init_seed_spin.setValue(7)  # drawn again with seed 7
    settle(qtbot, window)
    assert window.controller.session.state.init.seed == 7 and window.seed.value() == 7
    window.seed.setValue(3)  # typed and entered: drawn with seed 3 at once
    settle(qtbot, window)
    assert window.controller.session.state.init.seed == 3 and editor.init_seed_spin.value() == 3
    assert_allclose(values(grid(window, "weightEditor")), linear_weight(3, 3, 3), rtol=0)
    action(window, "actionUndo").trigger()  # back to seed 7's parameters: both boxes say so
    settle(qtbot, window)
    assert window.seed.value() == 7 and editor.init_seed_spin.value() == 7
    window.seed.setValue(12)
    window.load_scenario(scenario("xor"))
    settle(qtbot, window)
    seed = window.controller.session.state.init.seed
    assert window.seed.value() == seed and editor.init_seed_spin.value() == seed


def test_enter_in_the_seed_box_draws_its_seed_again_to_start_over(qtbot, window):
    """Re-entering the current seed did nothing, while a lecturer types it to go back to the same start."""
    c = window.controller
    window.seed.setValue(42)
    c.step(3)
    settle(qtbot, window)
    window.activateWindow()
    window.seed.setFocus()
    qtbot.waitUntil(window.seed.hasFocus, timeout=2000)
    undo_entries = c.undo_stack.count()
    qtbot.keyClick(window.seed, Qt.Key.Key_Return)
    settle(qtbot, window)
    s = c.session.state
    assert s.step == 0 and s.init.seed == 42 and c.undo_stack.count() == undo_entries + 1
    assert_allclose(values(grid(window, "weightEditor")), linear_weight(42, 3, 3), rtol=0)
    window.seed.lineEdit().setText("43")  # a new seed and Enter: drawn once, one entry
    qtbot.keyClick(window.seed, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert c.session.state.init.seed == 43 and c.undo_stack.count() == undo_entries + 2


def test_reset_and_randomize_with_the_next_seed(qtbot, window):
    """Randomize W draws with the next seed, each press new parameters; Reset goes back to the step-0 ones."""
    action(window, "actionStep").trigger()
    window.seed.setValue(5)
    action(window, "actionRandomize").trigger()
    settle(qtbot, window)
    assert window.seed.value() == 6 and window.controller.session.state.init.seed == 6
    assert_allclose(values(grid(window, "weightEditor")), linear_weight(6, 3, 3), rtol=0)
    action(window, "actionStep").trigger()
    action(window, "actionReset").trigger()
    settle(qtbot, window)
    assert window.controller.session.step_count == 0
    assert_allclose(values(grid(window, "weightEditor")), linear_weight(6, 3, 3), rtol=0)


def test_dtype_and_activation_selectors(qtbot, window):
    for name, key in (("dtypeCombo", "float64"), ("activationCombo", "tanh")):
        combo = window.findChild(QComboBox, name)
        combo.setCurrentIndex(combo.findData(key))
        combo.activated.emit(combo.currentIndex())
    settle(qtbot, window)
    s = window.controller.session.state
    assert s.problem.dtype == "float64" and s.problem.activation == "tanh"
    assert s.manual.weight.dtype == np.float64
    assert "a = tanh(z)" == window.network_panel.forward_model.headerData(1, Qt.Orientation.Horizontal)


def test_resizing_the_network(qtbot, window):
    window.settings_panel.inputs_spin.setValue(4)
    settle(qtbot, window)
    assert values(grid(window, "weightEditor")).shape == (3, 4)
    assert values(grid(window, "inputEditor")).shape == (4, 1)
    assert values(grid(window, "manualGradView")).shape == (3, 4)


def test_window_remembers_its_settings(qtbot, settings_file):
    from core.session import Session
    from gui.controller import SessionController
    from gui.main_window import MainWindow

    first = MainWindow(SessionController(Session()), settings_file)
    qtbot.addWidget(first)
    first.resize(700, 500)  # within the offscreen platform's 800×600 screen, which restoreGeometry respects
    first.run_count.setValue(250)
    first.loss_plot.log_y.setChecked(True)
    first.close()
    second = MainWindow(SessionController(Session()), settings_file)
    qtbot.addWidget(second)
    assert second.run_count.value() == 250 and second.loss_plot.log_y.isChecked()
    assert (second.width(), second.height()) == (700, 500)


def test_window_works_before_torch_loads_and_fills_in_after(qtbot, settings_file):
    from core.session import Session
    from gui.array_model import cell_text
    from gui.controller import SessionController
    from gui.main_window import MainWindow

    controller = SessionController(Session(load_torch=False))
    w = MainWindow(controller, settings_file)
    qtbot.addWidget(w)
    w.show()
    assert "loading" in w.gradient_panel.torch_verdict.text()
    for name in ("torchGradView", "torchForwardView"):  # waiting, not NaN, which would read as a failure
        model = grid(w, name).model()
        assert {model.data(model.index(i, j)) for i in range(model.rowCount()) for j in range(model.columnCount())} \
            == {"…"}
    assert not action(w, "actionStep").isEnabled()
    type_into(qtbot, grid(w, "weightEditor"), 0, 0, "0.25")  # editing works meanwhile
    with qtbot.waitSignal(controller.torchReady):
        controller.attach_torch()
    settle(qtbot, w)
    assert action(w, "actionStep").isEnabled()
    assert "agree" in w.gradient_panel.torch_verdict.text()
    assert_allclose(values(grid(w, "torchGradView"))[0, 0], controller.session.evaluate().autograd.grads["W1"][0, 0])
    model = grid(w, "torchForwardView").model()
    assert model.data(model.index(0, 0)) == cell_text(float(controller.session.evaluate().torch.z[0]), model.digits)


@pytest.mark.parametrize("name", ["weightEditor", "inputEditor", "targetEditor", "manualGradView", "torchGradView",
                                  "numericGradView", "forwardView", "torchForwardView", "torchWeightView",
                                  "weightGapView"])
def test_table_models_pass_the_model_tester(qtmodeltester, window, name):
    qtmodeltester.check(grid(window, name).model(), force_py=True)


@pytest.mark.parametrize("quit_after_ms", [3000, 1400, 200])  # after torch loaded, during its import, before
def test_main_py_starts_and_quits_cleanly(tmp_path, quit_after_ms):
    # its own settings and recovery file: never the user's, and no recovery file left by another run
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "main.py", "--quit-after", str(quit_after_ms), "--data-folder",
                             str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    noise = [line for line in result.stderr.splitlines() if "propagateSizeHints" not in line]
    assert noise == []


def test_screenshot_script_renders_the_window(qtbot, tmp_path):
    """In this process (the script makes its windows on the application the tests run in)."""
    import importlib.util

    from PySide6.QtGui import QImage

    spec = importlib.util.spec_from_file_location("make_screenshots", ROOT / "docs" / "make_screenshots.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    script.main(["--out", str(tmp_path)])
    desk, full_hd = (1280, 720), (1920, 1080)
    expected = {"screenshot": desk, "screenshot-presentation": full_hd, "screenshot-zh": desk,
                "screenshot-forgetful": desk, "screenshot-xor": full_hd, "screenshot-xor-presentation": full_hd,
                "screenshot-xor-zh": full_hd, "screenshot-broken": full_hd}
    assert {name: QImage(str(tmp_path / f"{name}.png")).size().toTuple() for name in expected} == expected


# what start-up leaves for later: torch (a second or two, loaded behind the window), numpy.random (~10 ms: the
# seed's W comes from Python's own Mersenne Twister), the pages no first paint shows, and what only a command uses
NOT_AT_START_UP = ("torch", "core.torch_engine", "numpy.random", "gui.chain_rule_view", "gui.optimizer_state_view",
                   "gui.graph_view", "gui.gradient_check_view", "gui.landscape_plot", "gui.decision_plot",
                   "gui.neuron_pictures", "gui.grad_norm_plot", "gui.accuracy_plot", "core.check_report", "json",
                   "core.session_file", "core.data_csv", "core.rebuild", "core.exports")


def test_first_paint_does_not_import_torch_nor_what_it_does_not_show(tmp_path):
    """main.py to the first paint: what it left for later; numpy and core imported before Qt (PySide6's import
    hook then reads none of their sources); the collector, off during start-up, on again with start-up frozen."""
    code = ("import gc, sys, main; status = main.main(['--report-first-paint', '--data-folder', sys.argv[1]]); "
            "order = list(sys.modules); "
            f"print(status, *(m in sys.modules for m in {NOT_AT_START_UP!r}), "
            "order.index('numpy') < order.index('PySide6'), "
            "order.index('core.session') < order.index('PySide6'), gc.isenabled(), gc.get_freeze_count() > 100000)")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, capture_output=True, text=True,
                         check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.split() == ["first", "paint", "0"] + ["False"] * len(NOT_AT_START_UP) + ["True"] * 4


def test_detail_views_made_when_first_shown_take_what_was_chosen_meanwhile(qtbot, window):
    """The chain rule, the optimizer state and the graph are made when their tab first shows: the entry chosen and
    the sample followed before that are the ones they show."""
    from core.scenarios import scenario

    tabs = window.detail_tabs
    window.load_scenario(scenario("xor"))  # 4 samples, one batch
    settle(qtbot, window)
    assert not any(page.is_made for page in (tabs.chain_page, tabs.state_page, tabs.graph_page))
    window.choose_parameter("W2", (0, 3))
    window.settings_panel.data_panel.follow_spin.setValue(3)  # the third sample (1-based)
    for page in (tabs.chain_page, tabs.state_page, tabs.graph_page):
        tabs.setCurrentWidget(page)
        settle(qtbot, window)
        assert page.is_made and page.widget.isVisible()
    assert window.chain_view.chosen == ("W2", (0, 3)) and window.state_view.chosen == ("W2", (0, 3))
    assert window.chain_view.sample == 2 and window.graph_view.sample == 2
    assert not window.chain_view.isVisible()  # (the graph's tab is on show)
    window.choose_parameter("W1", (1, 0))  # made views follow at once
    assert window.chain_view.chosen == ("W1", (1, 0)) and window.state_view.chosen == ("W1", (1, 0))


def test_the_chain_rules_sample_is_followed_everywhere(qtbot, window):
    """Following sample 3 in the chain rule left the forward pass, the data table and the graph on sample 1 (the
    data table's choice moved them all)."""
    from core.data import Batching
    from core.scenarios import scenario
    from core.session import Session

    window.load_scenario(scenario("xor"))
    window.controller.perform(Session.set_batching, Batching(2, shuffle=True, seed=1))
    window.controller.step(1)  # the batch is two shuffled samples: its second place is some sample of the data
    tabs = window.detail_tabs
    tabs.setCurrentWidget(tabs.chain_page)
    settle(qtbot, window)
    window.chain_view.sample_spin.setValue(2)
    settle(qtbot, window)
    s = window.controller.session.state
    followed = int(s.problem.batch_indices(s.cursor)[1])
    assert window.network_panel.followed == followed
    assert window.settings_panel.data_panel.follow_spin.value() == followed + 1
    tabs.setCurrentWidget(tabs.graph_page)
    settle(qtbot, window)
    assert window.graph_view.sample == 1 and window.chain_view.sample == 1
    assert f"sample 2 of the batch's 2 (row {followed + 1} of the data;" in window.graph_view._caption
    places = []
    for _ in range(6):  # the next batches: wherever the followed sample is in one, the chain rule follows it there
        window.controller.step(1)
        settle(qtbot, window)
        s = window.controller.session.state
        place = np.flatnonzero(s.problem.batch_indices(s.cursor) == followed)
        if place.size:
            places.append(int(place[0]))
            assert window.chain_view.sample == window.graph_view.sample == place[0]
    assert 0 in places  # (at least once in the other place than the one chosen)
    # torch's forward values in Both trajectories are the same sample's (they were the batch's first)
    tabs.setCurrentWidget(tabs.chain_page)
    window.chain_view.sample_spin.setValue(2)
    settle(qtbot, window)
    s, e = window.controller.session.state, window.controller.session.evaluate()
    batch = s.problem.batch_indices(s.cursor)
    place = window.chain_view.sample
    assert place == 1
    tabs.setCurrentWidget(window.trajectory_panel)
    settle(qtbot, window)
    torch_z = values(grid(window, "torchForwardView"))[:, 0]
    assert_allclose(torch_z, e.torch.zs[-1][place], rtol=0, atol=1e-6)
    assert_allclose(torch_z, e.sample(int(batch[place])).zs[-1][0], rtol=0, atol=1e-4)  # the hand pass, nearly
    assert f"(sample {batch[place] + 1})" in window.trajectory_panel._captions[1].text()


def test_a_rebuilt_network_leaves_the_keyboard_with_step_not_in_a_text_field(qtbot, window):
    """A W cell clicked, then a scenario loaded: the clicked grid went with the old network and handed the focus to
    the learning rate, so Space typed a space there instead of stepping."""
    from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit

    from core.scenarios import scenario

    qtbot.mouseClick(grid(window, "weightEditor").viewport(), Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is grid(window, "weightEditor")
    window.load_scenario(scenario("xor"))
    settle(qtbot, window)
    assert not isinstance(QApplication.focusWidget(), (QLineEdit, QAbstractSpinBox)), QApplication.focusWidget()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    settle(qtbot, window)
    assert window.controller.session.step_count == 1


def test_after_the_first_paint_idle_time_makes_every_page_without_moving_anything(qtbot, window):
    """gui.app calls finish_in_idle_time after the first paint: one page per turn of the event loop, until every tab
    opens at once and the widgets tools find by name exist; what is on show stays where it was."""
    from PySide6.QtWidgets import QWidget

    from gui.deferred import Deferred

    settle(qtbot, window)
    pages = window.findChildren(Deferred)
    assert len(pages) == 9 and not any(page.is_made for page in pages)
    assert window.findChild(QWidget, "gradientCheckTable") is None
    shown = (window.size(), window.splitter.sizes(), window.detail_tabs.currentIndex(), window.plot_tabs.currentIndex(),
             [w.geometry() for w in (window.network_panel, window.gradient_panel, window.settings_panel)])
    window.finish_in_idle_time()
    assert sum(page.is_made for page in pages) == 1  # one now, the next at the next turn
    qtbot.waitUntil(lambda: all(page.is_made for page in pages), timeout=5000)
    settle(qtbot, window)
    assert shown == (window.size(), window.splitter.sizes(), window.detail_tabs.currentIndex(),
                     window.plot_tabs.currentIndex(),
                     [w.geometry() for w in (window.network_panel, window.gradient_panel, window.settings_panel)])
    for name in ("gradientCheckTable", "decisionPlot", "gradNormPlot", "chainRuleView", "graphView"):
        assert window.findChild(QWidget, name) is not None, name
    session = window.controller.session
    assert window.check_view.model.rowCount() == len(session.problem.network.shapes) + session.problem.network.layers


def test_hovering_the_plot_reads_out_step_and_losses(qtbot, window):
    for _ in range(3):
        action(window, "actionStep").trigger()
    settle(qtbot, window)
    plot = window.loss_plot.plot_widget
    view = plot.getPlotItem().vb
    view.autoRange()  # the view fits new data when it next paints; fit it now to map a data point to the screen
    losses = window.controller.session.state.trace.manual
    from PySide6.QtCore import QPointF

    plot.scene().sigMouseMoved.emit(view.mapViewToScene(QPointF(2, losses[2])))
    text = window.loss_plot.readout.text()
    assert text.startswith("step 2:") and "torch" in text


def test_log_scale_toggle(qtbot, window):
    axis = window.loss_plot.plot_widget.getPlotItem().getAxis("left")
    action(window, "actionLogScale").trigger()
    assert axis.logMode and window.loss_plot.log_y.isChecked()
    window.loss_plot.log_y.setChecked(False)
    assert not axis.logMode and not action(window, "actionLogScale").isChecked()


def test_refreshing_does_not_drop_references_to_none(qtbot, window):
    """PySide6 6.12.0 loses a reference to None per void call: on Python 3.11 that aborts a long Play."""
    action(window, "actionStep").trigger()
    for _ in range(100):  # warm up: caches fill and objects holding None come and go
        window.refresh()
        window.repaint()
    before = sys.getrefcount(None)
    for _ in range(1000):
        window.refresh()
        window.repaint()
    # 6.12.0 loses ~60 per refresh here (−60,000); objects coming and going move the count by hundreds at most
    assert sys.getrefcount(None) - before > -5000


def test_keyboard_first_steps_undoes_plays_and_resets(qtbot, window):
    session = window.controller.session
    focus = QApplication.focusWidget()
    assert not isinstance(focus, (QTableView, QLineEdit)), "keys must reach the shortcuts at start"
    for key in (Qt.Key.Key_Space, Qt.Key.Key_Right, Qt.Key.Key_PageDown):
        qtbot.keyClick(focus, key)
    assert session.step_count == 3
    qtbot.keyClick(focus, Qt.Key.Key_Left)
    qtbot.keyClick(focus, Qt.Key.Key_PageUp)
    assert session.step_count == 1
    qtbot.keyClick(focus, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: session.step_count > 3, timeout=10000)
    qtbot.keyClick(focus, Qt.Key.Key_P)
    assert not window.commands.play.isChecked()
    qtbot.keyClick(focus, Qt.Key.Key_R)
    assert session.step_count == 0


def test_in_a_table_arrows_move_between_cells_space_steps_and_enter_edits(qtbot, window):
    view = grid(window, "weightEditor")
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.currentIndex().column() == 1
    assert window.controller.session.step_count == 0
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert window.controller.session.step_count == 1
    qtbot.keyClick(view, Qt.Key.Key_Return)  # Enter on a cell opens its editor, as in a spreadsheet
    assert view.state() == QTableView.State.EditingState


@pytest.mark.parametrize("spin, text, accepted", [("runCountSpin", "abc", "whole number from 1 to 1,000,000"),
                                                   ("seedSpin", "-", "whole number from 0 to")])
def test_spin_boxes_say_what_they_accept_when_a_key_is_refused(qtbot, window, spin, text, accepted):
    from PySide6.QtWidgets import QSpinBox

    box = window.findChild(QSpinBox, spin)
    before = box.value()
    editor = box.findChild(QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    assert box.value() == before
    assert accepted in window.banner.label.text()


def test_the_undo_limit_is_shown(window):
    note = window.findChild(QAction, "undoLimitNote")
    assert "1000" in note.text()


@pytest.mark.parametrize("digits", [3, 4, 5, 6])
def test_every_number_fits_its_cell_without_an_ellipsis(qtbot, digits):
    """No cell text is wider than its column (numbers used to be cut to "−2.2352e…" in the forward pass and the
    gradients, and to "−0.0003…" in W when projected)."""
    from PySide6.QtWidgets import QStyle

    from gui.array_model import ArrayModel
    from gui.grid import Grid

    model = ArrayModel("test", digits=digits)
    view = Grid(model, "testGrid", "test")
    qtbot.addWidget(view)
    samples = [-2.2352e-08, -0.0043225123, -0.00033216789, -1.7484e-10, 123456.789, -987654321.0, -1.2345e+30,
               -0.99999999, -1.5e-300, -1.23456e-300, 6.0e-5]
    model.set_values(np.array([samples]))
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    for pixels in (13, 33):  # at the desk, and projected
        font = view.font()
        font.setPixelSize(pixels)
        view.setFont(font)
        view.fit()
        room = view.horizontalHeader().sectionSize(0) - 2 * margin
        for column in range(len(samples)):
            text = model.data(model.index(0, column))
            assert view.fontMetrics().horizontalAdvance(text) <= room, (text, pixels, room)


def test_the_forward_pass_follows_the_sample_chosen_in_the_data_table(qtbot, window):
    from core.scenarios import scenario

    window.load_scenario(scenario("xor"))
    settle(qtbot, window)
    panel = window.settings_panel.data_panel
    panel.followedSampleChanged.emit(2)  # as choosing the table's third row does
    settle(qtbot, window)
    problem = window.controller.session.problem
    assert_allclose(values(grid(window, "inputEditor"))[:, 0], problem.data.X[2], rtol=0)
    assert_allclose(values(grid(window, "targetEditor"))[:, 0], problem.data.Y[2], rtol=0)
    hidden = window.controller.session.evaluate().sample(2).activations[1][0]
    assert_allclose(values(grid(window, "forwardView_1"))[:, 1], hidden, rtol=1e-6)


def test_the_read_out_follows_the_history_and_goes_when_its_step_does(qtbot, window):
    """The read-out kept 'step 54: hand 29.38' under XOR's plot after a scenario replaced the seed, and an XOR
    loss under the seed's later: it is the pointed step's, as the history now stands."""
    from PySide6.QtCore import QPointF

    from core.scenarios import scenario

    window.controller.step(3)
    settle(qtbot, window)
    view = window.loss_plot.plot_widget.getPlotItem().vb
    view.autoRange()
    middle = sum(view.viewRange()[1]) / 2
    window.loss_plot.plot_widget.scene().sigMouseMoved.emit(view.mapViewToScene(QPointF(2, middle)))
    assert window.loss_plot.readout.text().startswith("step 2:")
    window.load_scenario(scenario("reachable"))
    window.controller.step(4)
    settle(qtbot, window)
    manual = window.controller.session.state.trace.manual[2]
    assert window.loss_plot.readout.text().startswith(f"step 2:  hand {short_number(manual, 8)},")
    window.controller.undo_stack.undo()  # the 4 steps
    window.controller.undo_stack.undo()  # the scenario
    settle(qtbot, window)
    assert window.loss_plot.readout.text().startswith("step 2:")
    window.controller.session.reset()  # back to step 0: step 2 is gone
    window.refresh()
    assert window.loss_plot.readout.text() == ""


def test_texts_say_what_the_network_and_the_batch_are(qtbot, window):
    """A layered network without bias was titled "z = W·a + b"; the seed's one sample was "(1 samples)"."""
    from core.network import NetworkSpec
    from core.session import Session

    window.detail_tabs.setCurrentWidget(window.detail_tabs.check_page)
    settle(qtbot, window)
    assert "(1 samples)" not in window.check_view.note.text() and "one sample" in window.check_view.note.text()
    assert window.speed.itemText(window.speed.findText("1 step/s")) == "1 step/s"
    window.controller.perform(Session.set_network, NetworkSpec((3, 4, 3), ("tanh", "sigmoid"), False, "mse"))
    settle(qtbot, window)
    assert "z = W·a, a = f(z)" in window.network_panel.title() and "+ b" not in window.network_panel.title()
    window.controller.perform(Session.set_network, NetworkSpec((3, 4, 3), ("tanh", "sigmoid"), True, "mse"))
    settle(qtbot, window)
    assert "z = W·a + b" in window.network_panel.title()
