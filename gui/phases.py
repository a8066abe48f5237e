"""Step in phases: each press of Step does one of Forward → Backward → Update and says what it did."""

from enum import IntEnum
from typing import NamedTuple

import numpy as np
from PySide6.QtCore import QObject, Signal

from gui.controller import SessionController
from gui.style import short_number


class Phase(IntEnum):
    READY = 0  # phases just switched on, or the session changed: nothing of this state computed yet
    FORWARD = 1  # z, a and L shown
    BACKWARD = 2  # the gradients shown
    UPDATED = 3  # both optimizers stepped; the new W shown, its forward pass not yet


class Shown(NamedTuple):
    """What of the current state a view may show; the rest it shows as "?". W, x, y and the optimizer's stored
    state are always known."""

    forward: bool  # z, a and L, by either engine
    backward: bool  # every gradient, and what follows from one (the chain rule's factors, the next update)


EVERYTHING = Shown(forward=True, backward=True)


def known(value: float, digits: int, computed: bool) -> str:
    """`value` to `digits` significant digits once it is computed, "?" before."""
    return short_number(value, digits) if computed else "?"


def known_entries(values, digits: int, computed: bool, more: str, most: int = 6) -> list[str]:
    """A vector's entries as text, "?" each until computed; past `most` entries its first most − 1 and then
    `more` (a view's "… %1 in all", the count filled in)."""
    values = np.ravel(values)
    if values.size <= most:
        return [known(float(v), digits, computed) for v in values]
    return [known(float(v), digits, computed) for v in values[:most - 1]] + [more.replace("%1", str(values.size))]


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

    @property
    def shown(self) -> Shown:
        """What the phases have computed of the current state (everything while stepping whole steps)."""
        if not self._on:
            return EVERYTHING
        return Shown(forward=self.phase in (Phase.FORWARD, Phase.BACKWARD), backward=self.phase == Phase.BACKWARD)

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
