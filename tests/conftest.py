"""Headless Qt, and hypothesis profiles: reproducible on CI, no deadlines (torch's first call is slow)."""

import os

# offscreen, on a 1920×1080 screen (the presentation test needs that size); a real display if one is asked for.
# No drive letter: Qt splits the platform's arguments at ':', which would cut "C:\...\screen.json" after its "C"
# (a path from the root of the current drive is the same file wherever the tests run from).
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    screen = os.path.splitdrive(os.path.join(os.path.dirname(os.path.abspath(__file__)), "screen.json"))[1]
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture
def settings_file(tmp_path):
    """A QSettings of the test's own, so no test reads or writes the user's settings."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def controller():
    """A session's controller without torch: for a panel tested on its own."""
    from core.session import Session
    from gui.controller import SessionController

    return SessionController(Session(load_torch=False))


@pytest.fixture
def refusals(controller):
    """The controller's error messages, in order."""
    seen = []
    controller.error.connect(seen.append)
    return seen


RETIRED: list = []  # the windows of earlier tests, until Qt has deleted them


@pytest.fixture
def window(qtbot, settings_file):
    """The main window over the default session, torch loaded, shown offscreen."""
    import shiboken6

    from core.session import Session
    from gui.controller import SessionController
    from gui.main_window import MainWindow

    RETIRED[:] = [w for w in RETIRED if shiboken6.isValid(w)]
    w = MainWindow(SessionController(Session()), settings_file)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    # pytest-qt asks for its deletion, which Qt does in a later event loop: kept here until then, every Python object
    # of its plots stays alive for it. Let go of first, pyqtgraph's items were rewrapped without their attributes
    # when Qt called into them ("'LabelItem' object has no attribute '_sizeHint'", pyqtgraph issue 472).
    RETIRED.append(w)


@pytest.fixture(autouse=True)
def dialogs(monkeypatch):
    """Modal dialogs would block a headless test: record warnings, and answer questions with `dialogs.answer`."""
    from PySide6.QtWidgets import QMessageBox

    class Dialogs:
        warnings: list[str] = []
        questions: list[str] = []
        answer = QMessageBox.StandardButton.Discard

    record = Dialogs()
    record.warnings, record.questions = [], []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(
        lambda parent, title, text, *rest: record.warnings.append(text) or QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda parent, title, text, *rest: record.questions.append(text) or record.answer))
    return record
