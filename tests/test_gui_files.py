"""File → Open, Save, Save As, recent files, the title, and the question before losing unsaved changes."""

import json

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from core import session_file
from tests.helpers import assert_states_identical


@pytest.fixture
def save_to(monkeypatch, tmp_path):
    """Answer the Save dialog with a path in tmp_path."""
    def choose(name: str):
        path = tmp_path / name
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
        return path
    return choose


def test_save_as_then_changes_mark_the_title(window, save_to):
    path = save_to("lecture.json")
    window.controller.step(3)
    assert window.isWindowModified() and window.windowTitle().startswith("untitled")
    assert window.files.save_action.isEnabled()
    window.files.save_action.trigger()  # no file yet: Save asks where
    assert path.exists() and not window.isWindowModified()
    assert window.windowTitle().startswith("lecture.json")
    window.controller.step(1)
    assert window.isWindowModified()
    window.files.save_action.trigger()  # now it saves in place
    assert session_file.load(path).step == 4


def test_open_restores_the_session_exactly_and_is_undoable(window, save_to, tmp_path):
    path = save_to("run.json")
    controller = window.controller
    controller.step(5)
    window.files.save_as()
    saved = controller.session.state
    controller.step(7)
    assert window.files.open(path)
    assert_states_identical(controller.session.state, saved)
    assert controller.session.undo_label == "Open run.json" and not window.isWindowModified()
    assert str(path) in window.files.recent()
    window.commands.undo.trigger()
    assert controller.session.step_count == 12


@pytest.mark.parametrize("content, problem", [
    (b"not json", "not valid JSON"),
    (json.dumps({"format": "backprop-stepper-session", "version": 7}).encode(), "format version 7"),
    (b"\xff\xfe\x00garbage", "not a text file"),
])
def test_a_bad_file_gives_one_clear_message_and_changes_nothing(window, dialogs, tmp_path, content, problem):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    before = window.controller.session.state
    assert not window.files.open(path)
    assert len(dialogs.warnings) == 1
    assert str(path) in dialogs.warnings[0] and problem in dialogs.warnings[0]
    assert window.controller.session.state is before


def test_a_folder_is_refused(window, dialogs, tmp_path):
    assert not window.files.open(tmp_path)
    assert "it is a folder" in dialogs.warnings[0]


def test_closing_with_unsaved_changes_asks(window, dialogs, save_to):
    window.controller.step(1)
    dialogs.answer = QMessageBox.StandardButton.Cancel
    assert not window.close() and window.isVisible()
    path = save_to("kept.json")
    dialogs.answer = QMessageBox.StandardButton.Save
    assert window.close()
    assert session_file.load(path).step == 1
    assert len(dialogs.questions) == 2


def test_closing_a_saved_session_does_not_ask(window, dialogs):
    assert window.close()
    assert dialogs.questions == []


@pytest.mark.parametrize("name, file_name, check", [
    ("actionExportCsv", "loss.csv", lambda text: text.startswith("step,loss_manual,loss_torch")),
    ("actionExportMarkdown", "state.md", lambda text: "**dL/dW1 by hand**" in text),
    ("actionExportLatex", "state.tex", lambda text: r"\begin{bmatrix}" in text),
    ("actionExportScript", "replay.py", lambda text: "torch.optim.Adam" in text),
])
def test_text_exports_write_their_files(window, save_to, name, file_name, check):
    from PySide6.QtGui import QAction

    path = save_to(file_name)
    window.controller.step(3)
    window.findChild(QAction, name).trigger()
    assert check(path.read_text(encoding="utf-8"))  # written in UTF-8, whatever the locale


def test_the_plot_exports_as_png(window, save_to):
    from PySide6.QtGui import QAction, QImage

    path = save_to("loss.png")
    window.controller.step(3)
    window.findChild(QAction, "actionExportPng").trigger()
    image = QImage(str(path))
    assert not image.isNull() and image.width() >= 2 * window.loss_plot.plot_widget.width() - 1


def test_an_export_that_cannot_be_written_says_so(window, dialogs, monkeypatch, tmp_path):
    from PySide6.QtGui import QAction

    target = tmp_path / "missing-folder" / "loss.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window.findChild(QAction, "actionExportCsv").trigger()
    assert len(dialogs.warnings) == 1 and "missing-folder" in dialogs.warnings[0]
