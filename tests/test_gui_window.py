"""The window's states and layout: presentation mode and F11 give back exactly what they found, controls and
grids stay where they are while texts and banners change, and the numbers get the width they need.

Offscreen, where the platform applies every request at once; tests/test_gui_x11.py does the same under a real X
server with a window manager, where the window manager decides."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

START_STATES = {"normal": Qt.WindowState.WindowNoState, "maximized": Qt.WindowState.WindowMaximized,
                "full screen": Qt.WindowState.WindowFullScreen}


def action(window, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def settle(qtbot, window) -> None:
    """Let the coalesced refresh and the layouts run."""
    qtbot.waitUntil(lambda: not window._refresh_timer.isActive(), timeout=2000)
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
    settle(qtbot, window)
    size = window.size()
    assert_window_state(window, START_STATES[start])
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.size().toTuple() == (1920, 1080), timeout=3000)
    assert_window_state(window, START_STATES[start] | Qt.WindowState.WindowFullScreen)
    assert action(window, "actionPresentation").isChecked()
    qtbot.keyClick(window, leave_key)
    settle(qtbot, window)
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

