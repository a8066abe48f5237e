"""RefreshScheduler: what repaints when.

After an action everything repaints at once, coalesced into one refresh per turn of the event loop. While a run or
Play steps, the cheap parts that follow training (the plots, the status) repaint every frame and the number panels
one at a time in turn: repainting every grid costs more than a frame (~25 ms in software rendering); in turn, each
panel still updates about 15 times a second and the event loop stays free for input. Views on a hidden tab catch up
when shown (their update is asked for then).
"""

from typing import Callable

from PySide6.QtCore import QObject, QTimer

from core.evaluation import Evaluation
from core.session import Session

Update = Callable[[Session, Evaluation], None]


class RefreshScheduler(QObject):
    """Updates registered as panels (in turn while running) or as followers (every frame)."""

    def __init__(self, session: Callable[[], Session], running: Callable[[], bool], parent: QObject | None = None):
        super().__init__(parent)
        self._session = session
        self._running = running
        self._panels: list[Update] = []
        self._followers: list[Update] = []
        self._next = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._on_due)

    def add_panel(self, update: Update) -> None:
        """A number panel: every refresh, and one at a time per frame while running."""
        self._panels.append(update)

    def add_follower(self, update: Update) -> None:
        """Something that follows training closely and is cheap (a plot, the status bar): every frame."""
        self._followers.append(update)

    def soon(self) -> None:
        """One refresh at the next turn of the event loop, however many changes come before it."""
        if not self.timer.isActive():
            self.timer.start(0)

    def refresh(self) -> None:
        """Everything, now."""
        self.timer.stop()
        self._show(self._panels)

    def _on_due(self) -> None:
        if self._running():
            self._next = (self._next + 1) % max(1, len(self._panels))
            self._show(self._panels[self._next:self._next + 1])
        else:
            self.refresh()

    def _show(self, panels: list[Update]) -> None:
        session = self._session()
        evaluation = session.evaluate()
        for update in (*panels, *self._followers):
            update(session, evaluation)
