"""Step in phases: each press of Step does one of Forward → Backward → Update and says what it did."""

from enum import IntEnum

from PySide6.QtCore import QObject, Signal

from gui.controller import SessionController


class Phase(IntEnum):
    READY = 0  # phases just switched on, or the session changed: nothing of this state computed yet
    FORWARD = 1  # z, a and L shown
    BACKWARD = 2  # the gradients shown
    UPDATED = 3  # both optimizers stepped; the new W shown, its forward pass not yet


class PhaseStepper(QObject):
    """The phase of the current state; advance() moves to the next, and the third press is one real Step."""

    changed = Signal()

    def __init__(self, controller: SessionController, step, parent: QObject | None = None):
        super().__init__(parent)
        self._controller = controller
        self._step = step  # the window's Step: one update of both engines (it reports divergence)
        self._on = False
        self._stepping = False
        self.phase = Phase.READY
        controller.changed.connect(self._on_session_changed)

    @property
    def on(self) -> bool:
        return self._on

    def set_on(self, on: bool) -> None:
        self._on = on
        self.phase = Phase.READY
        self.changed.emit()

    def advance(self) -> None:
        if self.phase in (Phase.READY, Phase.UPDATED):
            self.phase = Phase.FORWARD
        elif self.phase == Phase.FORWARD:
            self.phase = Phase.BACKWARD
        else:
            before = self._controller.session.commit_count
            self._stepping = True
            try:
                self._step()
            finally:
                self._stepping = False
            # a refused step (torch loading) stays in Backward
            self.phase = Phase.UPDATED if self._controller.session.commit_count != before else Phase.BACKWARD
        self.changed.emit()

    def _on_session_changed(self) -> None:
        """An edit, undo or other action changed the state under the phases: start this state's cycle afresh."""
        if self._on and not self._stepping and self.phase != Phase.READY:
            self.phase = Phase.READY
            self.changed.emit()
