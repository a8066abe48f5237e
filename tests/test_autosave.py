"""Autosave and recovery: a real process killed with SIGKILL comes back exactly, optimizer state included, as the
file it was."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from core import session_file
from core.session import Session
from gui.autosave import Autosave
from gui.controller import SessionController
from gui.main_window import MainWindow
from tests.helpers import assert_states_identical

ROOT = Path(__file__).resolve().parent.parent


def test_a_killed_process_leaves_a_recovery_file_that_restores_exactly(qtbot, tmp_path, settings_file):
    session = Session()
    session.set_optimizer(session.optimizer.replace(amsgrad=True))
    session.step(25)
    saved = tmp_path / "lecture.json"
    session_file.save(session.state, saved)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen([sys.executable, "main.py", str(saved), "--autosave-seconds", "0.2",
                                "--data-folder", str(tmp_path / "data")], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    recovery = tmp_path / "data" / "recovery.json"
    try:
        deadline = time.monotonic() + 60
        while not recovery.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(0.5)  # let a write in progress finish: the file is replaced atomically anyway
    finally:
        process.kill()  # SIGKILL; on Windows TerminateProcess, as abrupt
        process.wait(timeout=30)
    assert process.returncode == (-signal.SIGKILL if os.name == "posix" else 1)
    assert recovery.exists(), "no recovery file was written"
    controller = SessionController(Session())
    window = MainWindow(controller, settings_file)
    qtbot.addWidget(window)
    assert Autosave(controller, window, recovery).offer_recovery(ask=False)  # as --recover does
    assert_states_identical(controller.session.state, session.state)
    assert window.files.path == saved and window.isWindowModified()  # the file it was, not "untitled"


def test_the_next_start_offers_the_recovered_session(qtbot, tmp_path, settings_file, dialogs):
    crashed = Session()
    crashed.step(7)
    recovery = tmp_path / "recovery.json"
    session_file.save(crashed.state, recovery)
    controller = SessionController(Session())
    window = MainWindow(controller, settings_file)
    qtbot.addWidget(window)
    window.autosave = Autosave(controller, window, recovery, seconds=0.05)
    dialogs.answer = QMessageBox.StandardButton.Yes
    assert window.autosave.offer_recovery()
    assert "did not close normally" in dialogs.questions[0]
    assert_states_identical(controller.session.state, crashed.state)
    assert window.isWindowModified()
    controller.session.step(3)
    crashed.step(3)
    assert_states_identical(controller.session.state, crashed.state)  # it continues exactly


def test_a_recovered_session_keeps_its_file_and_the_prompt_says_which_file_and_step(qtbot, tmp_path, settings_file,
                                                                                   dialogs, monkeypatch):
    """A crashed 'lecture1.json*' comes back as lecture1.json with unsaved changes: Ctrl+S writes there."""
    lecture = tmp_path / "lecture1.json"
    session_file.save(Session().state, lecture)
    recovery = tmp_path / "data" / "recovery.json"
    crashed = MainWindow(SessionController(Session()), settings_file)
    qtbot.addWidget(crashed)
    assert crashed.files.open(lecture)
    crashed.controller.step(25)
    Autosave(crashed.controller, crashed, recovery).save_if_changed()  # what the timer does, then the crash
    assert crashed.windowTitle().startswith("lecture1.json") and crashed.isWindowModified()

    controller = SessionController(Session())
    window = MainWindow(controller, settings_file)
    qtbot.addWidget(window)
    window.autosave = Autosave(controller, window, recovery)
    dialogs.answer = QMessageBox.StandardButton.Yes
    assert window.autosave.offer_recovery()
    assert str(lecture) in dialogs.questions[0] and "step 25" in dialogs.questions[0]
    assert window.files.path == lecture
    assert window.windowTitle().startswith("lecture1.json") and window.isWindowModified()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: pytest.fail("asked for a path")))
    window.files.save_action.trigger()
    assert session_file.load(lecture).step == 25 and not window.isWindowModified()
    controller.undo_stack.setClean()
    assert window.close() and not recovery.exists() and not window.autosave.file_record.exists()


def test_an_untitled_session_is_restored_untitled_and_a_later_save_as_is_recorded(qtbot, tmp_path, settings_file,
                                                                                    dialogs, monkeypatch):
    recovery = tmp_path / "recovery.json"
    controller = SessionController(Session())
    window = MainWindow(controller, settings_file)
    qtbot.addWidget(window)
    autosave = Autosave(controller, window, recovery)
    autosave.start()
    controller.step(2)
    autosave.save_if_changed()
    assert autosave.recorded_file() is None
    named = tmp_path / "named.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(named), "")))
    assert window.files.save_as()
    autosave.save_if_changed()  # the same state under a new name: recorded all the same
    assert autosave.recorded_file() == named

    other = MainWindow(SessionController(Session()), settings_file)
    qtbot.addWidget(other)
    dialogs.answer = QMessageBox.StandardButton.Yes
    session_file.save(controller.session.state, recovery)
    autosave.file_record.unlink()  # as a crash before the first save of a new session leaves it
    assert Autosave(other.controller, other, recovery).offer_recovery()
    assert "untitled" in dialogs.questions[0] and "step 2" in dialogs.questions[0]
    assert other.files.path is None and other.windowTitle().startswith("untitled")


def test_autosave_writes_while_the_session_changes_and_a_clean_close_removes_it(qtbot, tmp_path, settings_file):
    controller = SessionController(Session())
    window = MainWindow(controller, settings_file)
    qtbot.addWidget(window)
    recovery = tmp_path / "recovery.json"
    window.autosave = Autosave(controller, window, recovery, seconds=0.05)
    window.autosave.start()
    qtbot.wait(200)
    assert not recovery.exists()  # nothing changed yet
    controller.step(4)
    qtbot.waitUntil(recovery.exists, timeout=5000)
    assert session_file.load(recovery).step == 4
    controller.undo_stack.setClean()
    assert window.close()
    assert not recovery.exists()


def test_a_slow_save_spaces_the_next_ones_out(qtbot, tmp_path, settings_file, monkeypatch):
    """A million steps of history take ~0.3 s to write, blocking the window: autosave then waits 20 times as long."""
    controller = SessionController(Session())
    window = MainWindow(controller, settings_file)
    qtbot.addWidget(window)
    autosave = Autosave(controller, window, tmp_path / "recovery.json", seconds=3.0)
    autosave.start()
    quick = session_file.save

    def slow(state, path):
        quick(state, path)
        time.sleep(0.25)

    monkeypatch.setattr(session_file, "save", slow)
    controller.step(1)
    autosave.save_if_changed()
    assert autosave.interval >= 5.0
    monkeypatch.setattr(session_file, "save", quick)
    controller.step(1)
    autosave.save_if_changed()
    assert autosave.interval == pytest.approx(3.0, abs=0)
    controller.undo_stack.setClean()
    window.close()


def test_declining_recovery_removes_the_file(qtbot, tmp_path, settings_file, dialogs):
    recovery = tmp_path / "recovery.json"
    session_file.save(Session().state, recovery)
    controller = SessionController(Session())
    window = MainWindow(controller, settings_file)
    qtbot.addWidget(window)
    window.autosave = Autosave(controller, window, recovery)
    dialogs.answer = QMessageBox.StandardButton.No
    assert not window.autosave.offer_recovery()
    assert not recovery.exists() and not controller.session.can_undo
