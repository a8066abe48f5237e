"""SessionController: the one way the window changes the session, mirrored one-to-one in a QUndoStack."""

from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from core.session import Session, StepOutcome, TorchNotReady
from gui.i18n import core_text, error_text


class _Commit(QUndoCommand):
    """Stands for one entry of the core session's history; the action itself already happened when pushed."""

    def __init__(self, controller: "SessionController", label: str):
        super().__init__(core_text(label))
        self.label = label  # as core made it: translated again when the language changes
        self._controller = controller
        self._pushed = False

    def redo(self):
        if not self._pushed:  # QUndoStack.push calls redo(): the session has done it already
            self._pushed = True
            return
        self._controller.session.redo()
        self._controller.changed.emit()

    def undo(self):
        self._controller.session.undo()
        self._controller.changed.emit()


class SessionController(QObject):
    """Runs actions on the session, reports refusals, and keeps a QUndoStack in step with the core history."""

    changed = Signal()  # the session's state is different (an action, undo or redo)
    error = Signal(str)  # an action or an input was refused: the reason
    accepted = Signal()  # an action was done, or an entry was already so: a refusal shown before is answered
    torchReady = Signal()

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(session.undo_limit)  # the same cap on both sides keeps them aligned

    def perform(self, action: Callable[..., None], *args) -> bool:
        """Run `action(session, *args)` (e.g. Session.edit_weight); a ValueError is reported, nothing changes."""
        before = self.session.commit_count
        try:
            action(self.session, *args)
        except ValueError as e:
            self.error.emit(error_text(e))
            return False
        self._mirror(before)
        self.accepted.emit()
        return True

    def step(self, count: int = 1, *, label: str | None = None, extend: bool = False) -> StepOutcome | None:
        """Step the session (see Session.step); None if torch is not loaded yet."""
        before = self.session.commit_count
        try:
            outcome = self.session.step(count, label=label, extend=extend)
        except TorchNotReady:
            self.error.emit(self.tr("The torch engine is still loading; stepping starts when it is ready."))
            return None
        if extend and outcome.taken and self.undo_stack.count():
            command = self.undo_stack.command(self.undo_stack.count() - 1)
            command.label = self.session.recent_labels(1)[0]
            command.setText(core_text(command.label))
        self._mirror(before)
        return outcome

    def retranslate(self) -> None:
        """Undo and redo entries in the current language."""
        for k in range(self.undo_stack.count()):
            command = self.undo_stack.command(k)
            command.setText(core_text(command.label))

    def attach_torch(self) -> None:
        self.session.attach_torch()
        self.torchReady.emit()
        self.changed.emit()

    def _mirror(self, before: int) -> None:
        new = self.session.commit_count - before
        for label in self.session.recent_labels(new):
            self.undo_stack.push(_Commit(self, label))
        self.changed.emit()
