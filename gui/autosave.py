"""Autosave and recovery: the session is written to a recovery file while it changes; after a crash the next
start offers it back, exactly (it is a session file, optimizer state included)."""

import time
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from core import session_file
from core.session import Session
from gui.controller import SessionController
from gui.i18n import error_text

INTERVAL_SECONDS = 3.0
# A save blocks the window while it writes (a million steps of history take about 0.3 s): the next one waits at
# least this many times as long, so autosaving never takes more than 5 % of the time
SPACING = 20


def default_recovery_path() -> Path:
    """recovery.json in the user's data folder for this application (QStandardPaths.AppDataLocation)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder) / "recovery.json"


class Autosave(QObject):
    """Writes the session every few seconds while it changes; a clean exit removes the file."""

    def __init__(self, controller: SessionController, window: QWidget, path: Path | None = None,
                 seconds: float = INTERVAL_SECONDS):
        super().__init__(window)
        self._controller = controller
        self._window = window
        self.path = path or default_recovery_path()
        self._written = None  # the state last written
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.save_if_changed)
        self._seconds = seconds

    def start(self) -> None:
        self._written = self._controller.session.state  # the state at start needs no recovery
        self._timer.start(int(self._seconds * 1000))

    @property
    def interval(self) -> float:
        """Seconds between saves: the chosen interval, or more after a slow save."""
        return self._timer.interval() / 1000

    def save_if_changed(self) -> None:
        state = self._controller.session.state
        if state is self._written:
            return
        start = time.perf_counter()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            session_file.save(state, self.path)
        except ValueError:  # a diverged state: the last finite one stays in the file
            return
        except OSError as e:
            self._timer.stop()
            self._controller.error.emit(self.tr("Autosave stopped: cannot write %1 (%2)")
                                        .replace("%1", str(self.path)).replace("%2", error_text(e)))
            return
        self._written = state
        took = time.perf_counter() - start
        self._timer.setInterval(round(1000 * max(self._seconds, SPACING * took)))

    def discard(self) -> None:
        """The session closed cleanly: nothing to recover."""
        self._timer.stop()
        self.path.unlink(missing_ok=True)

    def offer_recovery(self, ask: bool = True) -> bool:
        """If the last run left a recovery file, offer (or, with ask=False, just) restore it."""
        if not self.path.exists():
            return False
        if ask:
            answer = QMessageBox.question(
                self._window, self.tr("Restore session?"),
                self.tr("backprop stepper did not close normally last time. Restore the session it was working "
                        "on, with its optimizer state?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
            if answer != QMessageBox.StandardButton.Yes:
                self.path.unlink(missing_ok=True)
                return False
        try:
            state = session_file.load(self.path)
        except session_file.SessionFileError as e:
            QMessageBox.warning(self._window, self.tr("Cannot restore session"), error_text(e))
            self.path.unlink(missing_ok=True)
            return False
        return self._controller.perform(Session.replace_state, state, self.tr("Restore"))
