"""Open, Save, Save As and recent files; the window title names the file and marks unsaved changes."""

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from core.session import Session
from gui.controller import SessionController
from gui.i18n import Phrase, error_text

MAX_RECENT = 8
FILTER = "backprop stepper sessions (*.json);;All files (*)"


class SessionFiles(QObject):
    """The session's file: which one, whether it is saved, and the actions that open and save it."""

    def __init__(self, controller: SessionController, window: QWidget, settings: QSettings):
        super().__init__(window)
        self._controller = controller
        self._window = window
        self._settings = settings
        self.path: Path | None = None
        self.open_action = self._action("actionOpen", QKeySequence.StandardKey.Open, lambda: self.open())
        self.save_action = self._action("actionSave", QKeySequence.StandardKey.Save, self.save)
        self.save_as_action = self._action("actionSaveAs", QKeySequence.StandardKey.SaveAs, self.save_as)
        self.recent_menu = QMenu(window)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        controller.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.open_action.setText(self.tr("&Open…"))
        self.save_action.setText(self.tr("&Save"))
        self.save_as_action.setText(self.tr("Save &As…"))
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self._show_title()

    def _action(self, name: str, keys, slot) -> QAction:
        action = QAction(self._window)
        action.setObjectName(name)
        action.setShortcuts(keys)
        action.triggered.connect(slot)
        return action

    # ---- the title

    def _on_clean_changed(self, clean: bool) -> None:
        """A bound slot, so it goes with this object; the flag comes with the signal, since the stack may be
        emitting it from its own destructor."""
        self._show_title(clean)

    def _show_title(self, clean: bool | None = None) -> None:
        name = self.path.name if self.path else self.tr("untitled")
        self._window.setWindowTitle(f"{name}[*] — backprop stepper")
        self._window.setWindowModified(not (self._controller.undo_stack.isClean() if clean is None else clean))

    # ---- opening

    def open(self, path: str | Path | None = None) -> bool:
        """Open `path` (or ask for one); a file that cannot be read leaves the session as it was."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self._window, self.tr("Open session"), self._folder(), FILTER)
            if not path:
                return False
        path = Path(path)
        from core import session_file  # (imported at the first file opened or saved: start-up needs none)

        try:
            state = session_file.load(path)
        except session_file.SessionFileError as e:
            QMessageBox.warning(self._window, self.tr("Cannot open session"), error_text(e))
            self._forget(path)
            return False
        opened = Phrase("SessionFiles", QT_TRANSLATE_NOOP("SessionFiles", "Open %1"), path.name)  # an undo entry
        if not self._controller.perform(Session.replace_state, state, opened):
            return False
        return self._adopt(path)

    def recovered(self, path: Path | None) -> None:
        """The session came back after a crash: it is `path`'s again (None: untitled), its changes not saved."""
        self.path = path
        self._show_title()

    # ---- saving

    def save(self) -> bool:
        return self._write(self.path) if self.path else self.save_as()

    def save_as(self) -> bool:
        suggestion = str(self.path) if self.path else str(Path(self._folder()) / "session.json")
        path, _ = QFileDialog.getSaveFileName(self._window, self.tr("Save session"), suggestion, FILTER)
        if not path:
            return False
        return self._write(Path(path))

    def _write(self, path: Path) -> bool:
        from core import session_file

        try:
            session_file.save(self._controller.session.state, path)
        except (OSError, ValueError) as e:
            reason = error_text(e)
            QMessageBox.warning(self._window, self.tr("Cannot save session"),
                                self.tr("Cannot save %1: %2").replace("%1", str(path)).replace("%2", reason))
            return False
        return self._adopt(path)

    def _adopt(self, path: Path) -> bool:
        """The session now matches `path` on disk: it is the session's file, saved, and most recent."""
        self.path = path
        self._controller.undo_stack.setClean()
        self._remember(path)
        self._show_title()
        return True

    def maybe_save(self) -> bool:
        """Before closing: True if there is nothing to lose, or the user saved or chose to discard."""
        if self._controller.undo_stack.isClean():
            return True
        answer = QMessageBox.question(
            self._window, self.tr("Unsaved changes"),
            self.tr("The session has changes that are not saved. Save them?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # ---- recent files

    def recent(self) -> list[str]:
        return [p for p in (self._settings.value("files/recent", [], type=list) or []) if p]

    def _remember(self, path: Path) -> None:
        entries = [str(path)] + [p for p in self.recent() if p != str(path)]
        self._settings.setValue("files/recent", entries[:MAX_RECENT])
        self._settings.setValue("files/folder", str(path.parent))

    def _forget(self, path: Path) -> None:
        self._settings.setValue("files/recent", [p for p in self.recent() if p != str(path)])

    def _folder(self) -> str:
        return self._settings.value("files/folder", str(Path.home()), type=str)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for entry in self.recent():
            self.recent_menu.addAction(entry, lambda p=entry: self.open(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)
