"""The window's states and layout: presentation mode and F11 give back exactly what they found, controls and
grids stay where they are while texts and banners change, and the numbers get the width they need.

Offscreen, where the platform applies every request at once; tests/test_gui_x11.py does the same under a real X
server with a window manager, where the window manager decides."""

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QComboBox, QLabel, QTableView, QToolButton, QWidget

from core.session import Session
from gui.style import short_number
from tests.test_gui import ROOT, action, settle

START_STATES = {"normal": Qt.WindowState.WindowNoState, "maximized": Qt.WindowState.WindowMaximized,
                "full screen": Qt.WindowState.WindowFullScreen}


def settle_layout(qtbot, window) -> None:
    """The coalesced refresh, then the layouts, which run over the next turns of the event loop."""
    settle(qtbot, window)
    qtbot.wait(20)


def assert_window_state(window, state: Qt.WindowState) -> None:
    """The widget and the platform window agree (Qt once let them part: then nothing could leave full screen),
    and View's ticks say the same."""
    assert window.windowState() == state
    assert window.windowHandle().windowStates() == state
    assert action(window, "actionFullScreen").isChecked() == bool(state & Qt.WindowState.WindowFullScreen)


@pytest.mark.parametrize("leave_key", [Qt.Key.Key_Escape, Qt.Key.Key_F5], ids=["Esc", "F5"])
@pytest.mark.parametrize("start", list(START_STATES))
def test_leaving_presentation_gives_back_the_window_state_and_size_it_found(qtbot, window, start, leave_key):
    window.setWindowState(START_STATES[start])
    qtbot.waitUntil(lambda: window.windowHandle().windowStates() == START_STATES[start], timeout=3000)
    settle_layout(qtbot, window)
    size = window.size()
    assert_window_state(window, START_STATES[start])
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.size().toTuple() == (1920, 1080), timeout=3000)
    assert_window_state(window, START_STATES[start] | Qt.WindowState.WindowFullScreen)
    assert action(window, "actionPresentation").isChecked()
    qtbot.keyClick(window, leave_key)
    settle_layout(qtbot, window)
    assert not action(window, "actionPresentation").isChecked()
    assert_window_state(window, START_STATES[start])
    assert window.size() == size


def test_f11_goes_full_screen_and_back_to_the_same_size(qtbot, window):
    size = window.size()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: window.size().toTuple() == (1920, 1080), timeout=3000)
    assert_window_state(window, Qt.WindowState.WindowFullScreen)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: window.size() == size, timeout=3000)
    assert_window_state(window, Qt.WindowState.WindowNoState)



def test_zooming_while_presenting_does_not_lose_the_way_back(qtbot, window):
    """Zoomed in while projected, the stage wants more than the screen: it scrolls, the window keeps its state."""
    size = window.size()
    action(window, "actionPresentation").trigger()
    for _ in range(4):
        action(window, "actionZoomIn").trigger()
        settle_layout(qtbot, window)
    assert_window_state(window, Qt.WindowState.WindowFullScreen)
    assert window.size().toTuple() == (1920, 1080)
    action(window, "actionPresentation").trigger()
    settle_layout(qtbot, window)
    assert_window_state(window, Qt.WindowState.WindowNoState)
    assert window.size() == size


def tool_button(window, name: str) -> QToolButton:
    """The tool bar's button for an action, however the tool bar made it."""
    found = [b for b in window.training_bar.findChildren(QToolButton) if b.defaultAction() is action(window, name)]
    assert len(found) == 1, name
    return found[0]


def test_undo_and_redo_keep_their_width_whatever_they_undo(qtbot, window):
    """"Undo Play: 40 steps" used to widen its button during Play and push Reset and Randomize along."""
    undo, reset = tool_button(window, "actionUndo"), tool_button(window, "actionReset")
    places = (undo.width(), tool_button(window, "actionRedo").x(), reset.x(), window.seed.x())
    window.speed.setCurrentIndex(window.speed.count() - 1)  # full speed
    action(window, "actionPlay").trigger()
    for steps in (5, 40, 200):
        qtbot.waitUntil(lambda steps=steps: window.controller.session.step_count >= steps, timeout=20000)
        assert (undo.width(), tool_button(window, "actionRedo").x(), reset.x(), window.seed.x()) == places
    action(window, "actionPlay").trigger()
    window.controller.perform(Session.randomize, 2**31 - 1)
    settle_layout(qtbot, window)
    assert (undo.width(), tool_button(window, "actionRedo").x(), reset.x(), window.seed.x()) == places
    full = "Undo Randomize (seed 2147483647)"
    assert action(window, "actionUndo").text() == full and full in undo.toolTip()
    shown = undo.shown_text()
    assert shown.endswith("…") and full.startswith(shown[:-1]) and len(shown) > len("Undo Randomize")
    assert undo.fontMetrics().horizontalAdvance(shown) <= undo.width()
    action(window, "actionUndo").trigger()
    settle_layout(qtbot, window)
    assert undo.shown_text() == action(window, "actionUndo").text() == "Undo Play: 200 steps" or \
        undo.shown_text().startswith("Undo Play: ")


def watched_places(window, names: list[str]) -> dict[str, QPoint]:
    """Where each named widget sits in the window."""
    places = {}
    for name in names:
        widget = window.findChild(QWidget, name)
        assert widget is not None and widget.isVisible(), name
        places[name] = widget.mapTo(window, QPoint(0, 0))
    return places


GRIDS = ["weightEditor", "inputEditor", "targetEditor", "forwardView", "manualGradView", "torchGradView"]


def test_banners_and_the_phase_bar_move_no_grid_and_no_control(qtbot, window):
    """A message or the phases' narration used to push everything down, the cell under the pointer included."""
    names = GRIDS + ["numericGradView", "playSpeedCombo", "optimizerCombo", "lossPlot"]
    before = watched_places(window, names)
    window.banner.warn("A refusal that says at length what is accepted and why, " * 6)
    settle_layout(qtbot, window)
    assert window.banner.isVisible() and watched_places(window, names) == before
    window.banner.alarm("Stepping stopped: the loss is NaN. The last finite state is one Undo away.")
    settle_layout(qtbot, window)
    assert watched_places(window, names) == before
    action(window, "actionPhases").trigger()
    for _ in range(4):  # the narration changes, and with it its length, at every phase
        action(window, "actionStep").trigger()
        settle_layout(qtbot, window)
        assert window.phase_bar.isVisible() and watched_places(window, names) == before
    window.banner.hide()
    action(window, "actionPhases").trigger()
    settle_layout(qtbot, window)
    assert watched_places(window, names) == before


def test_projected_banners_move_nothing_and_are_as_large_as_the_rest(qtbot, window):
    """The banner and the phase bar kept the desk's small type when projected (a style sheet of their own kept
    them from taking the window's font)."""
    names = GRIDS + ["playSpeedCombo", "lossPlot"]
    action(window, "actionPresentation").trigger()
    settle_layout(qtbot, window)
    before = watched_places(window, names)
    window.banner.warn("A refusal that says at length what is accepted and why, " * 6)
    settle_layout(qtbot, window)
    assert window.banner.isVisible() and watched_places(window, names) == before
    action(window, "actionPhases").trigger()
    settle_layout(qtbot, window)
    pixels = window.fontInfo().pixelSize()
    assert pixels >= 33
    for label in (window.banner.label, window.phase_bar.narration, window.phase_bar.steps):
        assert label.isVisible() and label.fontInfo().pixelSize() == pixels, label.objectName()


@pytest.fixture
def language(window):
    """The window in a language chosen by the test; English again afterwards (translators are application-wide)."""
    yield window.language.set
    window.language.set("en")


@pytest.mark.parametrize("code, step, loss", [("en", "step 40", "loss %1"), ("zh_CN", "第 40 步", "损失 %1")])
def test_presentation_shows_step_and_loss_large_and_the_tool_bar_whole(qtbot, window, language, code, step, loss):
    language(code)
    window.controller.step(40)
    action(window, "actionPresentation").trigger()
    qtbot.waitUntil(lambda: window.size().toTuple() == (1920, 1080), timeout=3000)
    settle_layout(qtbot, window)
    readout = window.findChild(QLabel, "presentationReadout")
    assert readout is not None and readout.isVisible()
    value = short_number(window.controller.session.evaluate().forward.loss, 8)
    # (no-break spaces within each, so that a narrow stage breaks the line only between them)
    assert readout.text().replace("\u00a0", " ").split("\u2003\u2003") == [step, loss.replace("%1", value)]
    table_digits = QFontMetrics(window.findChild(QTableView, "weightEditor").font())
    readout_digits = QFontMetrics(readout.font()).tightBoundingRect("0123456789").height()
    assert readout_digits >= 1.4 * table_digits.tightBoundingRect("0123456789").height() >= 1.4 * 24
    # all of it on screen: nothing scrolls, nothing is cut
    for scroll_area in window.centralWidget().findChildren(QAbstractScrollArea):
        if scroll_area.isVisible() and not isinstance(scroll_area, QTableView):
            assert not scroll_area.horizontalScrollBar().isVisible(), scroll_area.objectName()
            assert not scroll_area.verticalScrollBar().isVisible(), scroll_area.objectName()
    assert window.rect().contains(readout.mapTo(window, readout.rect().bottomRight()))
    lines = readout.heightForWidth(readout.width()) / QFontMetrics(readout.font()).lineSpacing()
    assert readout.height() >= readout.heightForWidth(readout.width()) and lines < 1.5  # whole, on one line
    # the plot has every pixel beside the gradients and below the network, to the window's edges
    plot, gradients = window.plot_tabs, window.gradient_panel
    plot_rect = plot.geometry().translated(plot.parentWidget().mapTo(window, QPoint(0, 0)))
    gradient_rect = gradients.geometry().translated(gradients.parentWidget().mapTo(window, QPoint(0, 0)))
    assert plot_rect.top() == gradient_rect.top() and 0 < plot_rect.left() - gradient_rect.right() <= 12
    assert window.width() - plot_rect.right() <= 12 and window.height() - plot_rect.bottom() <= 12
    # the tool bar: every control whole, none squeezed ("20 steps/s" was cut to "20 step") or sent to its ⯈ menu
    bar = window.training_bar
    for widget in [bar.widgetForAction(a) for a in bar.actions()]:
        if widget is not None:
            assert widget.isVisible() and widget.width() >= widget.sizeHint().width(), widget.objectName()
    speed = window.findChild(QComboBox, "playSpeedCombo")
    assert speed.width() > speed.fontMetrics().horizontalAdvance(speed.currentText())


@pytest.mark.parametrize("outputs, inputs, size, full_screen", [(2, 4, (1280, 720), False),
                                                                  (8, 8, (1920, 1080), True)])
def test_the_network_gets_the_width_it_needs_first(qtbot, window, outputs, inputs, size, full_screen):
    """At 2×4 in the default window and 8×8 full screen at 1920, W, x, y and the forward pass used to run off
    the side while the settings pane took the width (its combo boxes 1450 pixels wide)."""
    if full_screen:
        window.showFullScreen()
    else:
        window.resize(*size)
    qtbot.waitUntil(lambda: window.size().toTuple() == size, timeout=3000)
    window.settings_panel.outputs_spin.setValue(outputs)
    window.settings_panel.inputs_spin.setValue(inputs)
    settle_layout(qtbot, window)
    views = [window.findChild(QTableView, name) for name in ("weightEditor", "inputEditor", "targetEditor",
                                                             "forwardView")]
    assert views[0].model().columnCount() == inputs
    # the grids take their new sizes over a few turns of the event loop
    qtbot.waitUntil(lambda: all(v.viewport().width() >= v.horizontalHeader().length() for v in views), timeout=3000)
    settle_layout(qtbot, window)
    viewport = window._left_scroll.viewport()
    for view in views:
        right = view.mapTo(viewport, QPoint(view.width(), 0)).x()
        assert right <= viewport.width(), view.objectName()
    settings = window.settings_panel
    assert settings.width() <= settings.sizeHint().width()
    combo = window.findChild(QComboBox, "optimizerCombo")
    assert combo.width() <= settings.sizeHint().width()
    # and the plot takes what the numbers leave
    assert window.plot_tabs.width() >= window.splitter.widget(1).width() - 12


def test_after_presentation_the_desk_gives_each_panel_the_height_its_width_needs(qtbot, window):
    """The stage once kept the layout items it took the panels out of: Qt then sent the panels' size changes to
    those, and the desk's column squeezed the gradients of a network loaded afterwards to a sliver."""
    from core.scenarios import scenario

    window.resize(1280, 720)
    for presenting in (True, False):  # in and straight out, as a lecturer trying F5 does
        window.set_presenting(presenting)
        for _ in range(8):
            QApplication.processEvents()
    window.resize(1280, 720)
    window.load_scenario(scenario("xor"))
    window.controller.step(150)
    window.plot_tabs.setCurrentWidget(window.decision_page)
    window.detail_tabs.setCurrentWidget(window.detail_tabs.check_page)
    settle_layout(qtbot, window)
    for panel in (window.network_panel, window.gradient_panel):
        qtbot.waitUntil(lambda panel=panel: panel.height() >= panel.heightForWidth(panel.width()), timeout=3000)
        assert panel.height() >= panel.minimumSizeHint().height(), panel.objectName()


def test_a_short_window_squeezes_no_setting_and_gives_the_accuracy_strip_only_spare_room(qtbot, window):
    """At 1280×720 in Chinese, with a scenario's banner, the Network tab's combo boxes and seed were squashed to
    half their height: the settings and the plots below them asked together for more than the column had."""
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QLineEdit

    from core.scenarios import scenario

    window.language.set("zh_CN")
    try:
        window.resize(1280, 720)
        window.load_scenario(scenario("spiral"))
        window.controller.step(5)
        window.settings_panel.tabs.setCurrentWidget(window.settings_panel.network_editor)
        window.plot_tabs.setCurrentWidget(window.loss_page)
        settle_layout(qtbot, window)
        assert window.banner.isVisible() and window.height() == 720
        fields = [w for kind in (QComboBox, QAbstractSpinBox, QLineEdit, QAbstractButton)
                  for w in window.settings_panel.network_editor.findChildren(kind)
                  if w.isVisible() and not w.objectName().startswith("qt_")]  # (not a spin box's own line edit)
        assert len(fields) > 8
        for field in fields:
            assert field.height() >= field.minimumSizeHint().height(), field.objectName()
        assert not window.accuracy_page.isVisible()  # the loss keeps what little height there is
        assert window.loss_plot.plot_widget.getPlotItem().vb.height() >= 40
        window.resize(1920, 1080)
        settle_layout(qtbot, window)
        assert window.accuracy_page.isVisible() and window.accuracy_page.height() >= 100
    finally:
        window.language.set("en")


def test_closing_a_banner_or_undoing_from_it_leaves_the_keyboard_where_it_was(qtbot, window):
    """Clicking a banner's × moved the focus into the Run box, and the next Space cleared '100' instead of
    stepping."""
    window.show()
    qtbot.waitExposed(window)
    for button in ("undo_button", "_close"):
        window.controller.step(2)
        window.banner.alarm("stepping stopped")  # (with its Undo)
        settle_layout(qtbot, window)
        window._focus_holder.setFocus()
        QApplication.processEvents()
        qtbot.mouseClick(getattr(window.banner, button), Qt.MouseButton.LeftButton)
        settle_layout(qtbot, window)
        assert QApplication.focusWidget() is window._focus_holder, button
    step = window.controller.session.state.step
    qtbot.keyClick(window._focus_holder, Qt.Key.Key_Space)
    settle_layout(qtbot, window)
    assert window.controller.session.state.step == step + 1


def test_every_grid_column_is_as_wide_as_its_name(qtbot, window):
    """Three spirals' output column read "ɔ = softmax(z": columns were as wide as numbers, not as their names."""
    from core.scenarios import scenario
    from gui.grid import Grid

    window.load_scenario(scenario("spiral"))
    settle_layout(qtbot, window)
    grids = [g for g in window.findChildren(Grid) if g.isVisible()]
    assert len(grids) > 10
    for grid in grids:
        header, model = grid.horizontalHeader(), grid.model()
        for c in range(model.columnCount()):
            name = model.headerData(c, Qt.Orientation.Horizontal)
            if name:
                assert header.fontMetrics().horizontalAdvance(name) < header.sectionSize(c), (grid.objectName(), name)


FIRST_LAUNCH = """
import json, sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from core.session import Session
from gui.controller import SessionController
from gui.main_window import MainWindow

app = QApplication(sys.argv[:1])
window = MainWindow(SessionController(Session(load_torch=False)), QSettings(sys.argv[1], QSettings.Format.IniFormat))
window.show()
app.processEvents()
print(json.dumps({"frame": window.frameGeometry().getRect(), "size": window.size().toTuple(),
                  "available": window.screen().availableGeometry().getRect(), "maximized": window.isMaximized()}))
"""


@pytest.mark.parametrize("screen, size, maximized", [((1280, 720), None, True), ((1920, 1080), (1280, 720), False)])
def test_a_first_launch_fits_the_screen_frame_included(tmp_path, screen, size, maximized):
    """With no size remembered: 1280×720 where it fits with its frame, else maximized within the screen's room
    (a 1280×720 screen once cut off the status bar). A screen of its own, so in a process of its own."""
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "first", "x": 0, "y": 0, "width": screen[0],
                                               "height": screen[1], "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={os.path.splitdrive(config)[1]}"}
    result = subprocess.run([sys.executable, "-c", FIRST_LAUNCH, str(tmp_path / "settings.ini")], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    frame, available = QRect(*seen["frame"]), QRect(*seen["available"])
    assert available == QRect(0, 0, *screen) and available.contains(frame), seen
    assert seen["maximized"] == maximized and (size is None or tuple(seen["size"]) == size), seen


@pytest.mark.parametrize("available, size, maximized", [
    ((1920, 1080), (1280, 720), False), ((1296, 768), (1280, 720), False),  # room for the default and a frame
    ((1280, 720), (1264, 672), True), ((1366, 728), (1280, 680), True),  # a small screen, a laptop with a panel
    ((1024, 1080), (1008, 720), True)])
def test_the_first_size_is_the_default_where_the_screen_has_room_for_it_else_maximized(available, size, maximized):
    from gui.first_size import first_size

    fitting, maximize = first_size(QSize(*available))
    assert (fitting.toTuple(), maximize) == (size, maximized)
