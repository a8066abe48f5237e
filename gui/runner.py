"""Runner: Run N steps and Play, in timer-driven chunks so the window stays live; each run is one undo entry."""

import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QTimer, Signal

from gui.controller import SessionController
from gui.i18n import Phrase

# Stepping per event-loop turn; the window refreshes and repaints between turns. Run favours throughput (10
# refreshes a second, so painting costs little of the run). Play favours a live window: its chunk fits well inside
# its timer interval, so the timer is never overdue and the refresh, the repaint and the user's input all get
# their turn between chunks (a longer chunk makes the timer fire back to back and starve the event loop).
RUN_CHUNK_SECONDS = 0.100
PLAY_CHUNK_SECONDS = 0.008
PLAY_INTERVAL_MS = 20

# a run's undo entry, in the language of whenever it is shown
RUN_ONE = QT_TRANSLATE_NOOP("Runner", "Run 1 step")
RUN = QT_TRANSLATE_NOOP("Runner", "Run %1 steps")
RUN_PART = QT_TRANSLATE_NOOP("Runner", "Run %1 of %2 steps")  # cancelled, or stopped by a divergence
PLAY_ONE = QT_TRANSLATE_NOOP("Runner", "Play: 1 step")
PLAY = QT_TRANSLATE_NOOP("Runner", "Play: %1 steps")


class Runner(QObject):
    """Steps the session in the background of the event loop until done, cancelled, or diverged."""

    progress = Signal(int, int)  # steps done, steps asked for (0 while playing)
    runningChanged = Signal(bool)
    diverged = Signal(str)  # why stepping stopped

    def __init__(self, controller: SessionController, parent: QObject | None = None):
        super().__init__(parent)
        self._controller = controller
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._total = 0  # steps asked for; 0 = play until stopped
        self._done = 0
        self._speed: float | None = None  # play: steps per second; None = as fast as possible
        self._credit = 0.0  # play: steps owed at the chosen speed
        self._last_tick = 0.0
        self._mark = None  # the session state our last chunk left: extend the run only from there
        self._seconds_per_step: float | None = None  # running estimate, to size each chunk; None: not measured

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    @property
    def playing(self) -> bool:
        return self.running and self._total == 0

    def run(self, steps: int) -> None:
        """Take `steps` updates as one undo entry, with progress."""
        self._start(total=steps, interval=0)

    def play(self, steps_per_second: float | None) -> None:
        """Step continuously at `steps_per_second` (None: as fast as the engines go) until stop()."""
        self._speed = steps_per_second
        self._start(total=0, interval=PLAY_INTERVAL_MS)

    def set_speed(self, steps_per_second: float | None) -> None:
        self._speed = steps_per_second

    def stop(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.runningChanged.emit(False)

    def _start(self, total: int, interval: int) -> None:
        self.stop()
        if not self._controller.session.torch_ready:
            self._controller.step(0)  # reports that torch is still loading
            return
        self._total, self._done, self._credit, self._mark = total, 0, 0.0, None
        # measured afresh: since the last run the problem may have grown (10,000 samples take 2000 times as long)
        self._seconds_per_step = None
        self._last_tick = time.perf_counter()
        self._timer.start(interval)
        self.runningChanged.emit(True)

    def _label(self) -> Phrase:
        if self._total:
            if self._done < self._total:  # so far: the entry names what was done if it stops here
                return Phrase("Runner", RUN_PART, self._done, self._total)
            return Phrase("Runner", RUN_ONE) if self._total == 1 else Phrase("Runner", RUN, self._total)
        return Phrase("Runner", PLAY_ONE) if self._done == 1 else Phrase("Runner", PLAY, self._done)

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._total:
            budget, chunk = self._total - self._done, RUN_CHUNK_SECONDS
        elif self._speed is None:
            budget, chunk = 10**9, PLAY_CHUNK_SECONDS
        else:
            self._credit = min(self._credit + self._speed * (now - self._last_tick), self._speed * 0.25 + 1)
            budget, chunk = int(self._credit), PLAY_CHUNK_SECONDS
            self._credit -= budget
        self._last_tick = now
        if budget <= 0:
            return
        count = 1 if self._seconds_per_step is None else max(1, min(budget, int(chunk / self._seconds_per_step)))
        session = self._controller.session
        extend = self._mark is not None and session.state is self._mark
        self._done += count
        outcome = self._controller.step(count, label=self._label(), extend=extend)
        if outcome is None:
            self.stop()
            return
        self._done += outcome.taken - count
        self._mark = session.state
        elapsed = time.perf_counter() - now
        if outcome.taken:  # smooth the estimate: a single slow chunk should not halve the next one
            measured = elapsed / outcome.taken
            self._seconds_per_step = (measured if self._seconds_per_step is None
                                      else 0.7 * self._seconds_per_step + 0.3 * measured)
        if outcome.divergence:
            self.stop()
            self.diverged.emit(outcome.divergence)
            return
        self.progress.emit(self._done, self._total)
        if self._total and self._done >= self._total:
            self.stop()
