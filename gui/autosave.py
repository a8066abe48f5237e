"""Autosave and recovery: the session is written to a recovery file while it changes; after a crash the next
start offers it back, exactly (it is a session file, optimizer state included), as the file it was."""

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QStandardPaths, QTimer
from PySide6.QtWidgets import QMessageBox

from core.session import Session
from gui.controller import SessionController
from gui.i18n import Phrase, error_text

if TYPE_CHECKING:
    from gui.main_window import MainWindow

INTERVAL_SECONDS = 3.0
# A save blocks the window while it writes (a million steps of history take about 0.3 s): the next one waits at
# least this many times as long, so autosaving never takes more than 5 % of the time
SPACING = 20


def default_recovery_path() -> Path:
    """recovery.json in the user's data folder for this application (QStandardPaths.AppDataLocation)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder) / "recovery.json"


class Autosave(QObject):
    """Writes the session every few seconds while it changes, and beside it which file the session is (the
    window's); a clean exit removes both."""

    def __init__(self, controller: SessionController, window: "MainWindow", path: Path | None = None,
                 seconds: float = INTERVAL_SECONDS):
        super().__init__(window)
        self._controller = controller
        self._window = window
        self.path = path or default_recovery_path()
        self.file_record = self.path.with_name(self.path.stem + "-file.json")  # {"file": its path, or null}
        self._written = (None, None)  # (state, session file) last written
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.save_if_changed)
        self._seconds = seconds

    def start(self) -> None:
        self._written = self._now()  # the session at start needs no recovery
        self._timer.start(int(self._seconds * 1000))

    @property
    def interval(self) -> float:
        """Seconds between saves: the chosen interval, or more after a slow save."""
        return self._timer.interval() / 1000

    def _now(self) -> tuple:
        """(state, session file) as they are now."""
        return self._controller.session.state, self._window.files.path

    def save_if_changed(self) -> None:
        state, file = now = self._now()
        if state is self._written[0] and file == self._written[1]:
            return
        import json

        from core import session_file  # (imported at the first save: start-up writes nothing)

        start = time.perf_counter()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            session_file.save(state, self.path)
            session_file.write_atomically(self.file_record, json.dumps({"file": str(file) if file else None}))
        except ValueError:  # a diverged state: the last finite one stays in the file
            return
        except OSError as e:
            self._timer.stop()
            self._controller.error.emit(self.tr("Autosave stopped: cannot write %1 (%2)")
                                        .replace("%1", str(self.path)).replace("%2", error_text(e)))
            return
        self._written = now
        took = time.perf_counter() - start
        self._timer.setInterval(round(1000 * max(self._seconds, SPACING * took)))

    def discard(self) -> None:
        """The session closed cleanly: nothing to recover."""
        self._timer.stop()
        self.path.unlink(missing_ok=True)
        self.file_record.unlink(missing_ok=True)

    def recorded_file(self) -> Path | None:
        """The file the recovered session was, or None if it was untitled (or the record is unreadable)."""
        import json

        try:
            file = json.loads(self.file_record.read_text(encoding="utf-8"))["file"]
        except (OSError, ValueError, TypeError, KeyError):
            return None
        return Path(file) if isinstance(file, str) else None

    def offer_recovery(self, ask: bool = True) -> bool:
        """If the last run left a recovery file, offer (or, with ask=False, just) restore it, as the file it was,
        with its changes unsaved."""
        if not self.path.exists():
            return False
        from core import session_file  # (only when there is something to recover)

        try:
            state = session_file.load(self.path)
        except session_file.SessionFileError as e:
            QMessageBox.warning(self._window, self.tr("Cannot restore session"), error_text(e))
            self.discard()
            return False
        file = self.recorded_file()
        if ask:
            text = self.tr("backprop stepper did not close normally last time. Restore %1 as it was at step %2, "
                           "with its optimizer state?")
            answer = QMessageBox.question(
                self._window, self.tr("Restore session?"),
                text.replace("%2", str(state.step)).replace("%1", str(file) if file else self.tr("the untitled "
                                                                                                 "session")),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
            if answer != QMessageBox.StandardButton.Yes:
                self.discard()
                return False
        restored = Phrase("Autosave", QT_TRANSLATE_NOOP("Autosave", "Restore"))  # an undo entry
        if not self._controller.perform(Session.replace_state, state, restored):
            return False
        self._window.files.recovered(file)
        return True
