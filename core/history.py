"""History: the current state and the labelled states before and after it, for undo and redo."""

from collections import deque
from typing import Generic, TypeVar

State = TypeVar("State")

DEFAULT_UNDO_LIMIT = 1000  # undo steps kept; each costs a few kB (two EngineStates) at n = 3


class History(Generic[State]):
    """A current state with at most `limit` undo entries and a redo list; every entry has a label."""

    def __init__(self, state: State, limit: int = DEFAULT_UNDO_LIMIT):
        self.state = state
        self._undo: deque[tuple[str, State]] = deque(maxlen=limit)
        self._redo: list[tuple[str, State]] = []
        self._commits = 0  # entries committed so far (undo and redo don't count): lets a view mirror the history

    @property
    def limit(self) -> int:
        return self._undo.maxlen

    def commit(self, label: str, state: State) -> None:
        """`state` becomes current; undo returns to the one before, named `label`."""
        self._undo.append((label, self.state))
        self._redo.clear()
        self.state = state
        self._commits += 1

    def amend(self, label: str, state: State) -> None:
        """`state` becomes current as part of the newest entry (now named `label`): a long run in chunks."""
        self._undo[-1] = (label, self._undo[-1][1])
        self.state = state

    @property
    def commit_count(self) -> int:
        """How many entries have been committed; undo and redo leave it alone."""
        return self._commits

    def recent_labels(self, k: int) -> list[str]:
        """Labels of the newest `k` undo entries, oldest first."""
        return [label for label, _ in list(self._undo)[len(self._undo) - k:]] if k else []

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_label(self) -> str | None:
        return self._undo[-1][0] if self._undo else None

    @property
    def redo_label(self) -> str | None:
        return self._redo[-1][0] if self._redo else None

    def undo(self) -> bool:
        if not self._undo:
            return False
        label, state = self._undo.pop()
        self._redo.append((label, self.state))
        self.state = state
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        label, state = self._redo.pop()
        self._undo.append((label, self.state))
        self.state = state
        return True
