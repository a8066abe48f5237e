"""Imports torch on a worker thread so the window can be used while it loads (about 1.5 s)."""

import threading

from PySide6.QtCore import QObject, Signal


class TorchLoader(QObject):
    """Emits loaded (queued to the main thread) once core.torch_engine, and so torch, is imported."""

    loaded = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._load, name="torch-import", daemon=True)
        self._thread.start()

    def wait(self, seconds: float = 30) -> None:
        """Let an import in progress finish: interpreter shutdown in the middle of torch's import fails loudly."""
        if self._thread is not None:
            self._thread.join(seconds)

    def _load(self) -> None:
        try:
            import core.torch_engine  # noqa: F401  (the import is most of the work)
        except Exception as e:  # reported in the window: the manual side still works without torch
            self.failed.emit(f"{type(e).__name__}: {e}")
            return
        _warm_up()
        self.loaded.emit()


def _warm_up() -> None:
    """torch's first forward, backward and optimizer step cost ~1.5 s of one-time set-up: pay it here, on this
    thread, instead of freezing the window at its first refresh with torch. A throwaway session; nothing shared."""
    from core.session import Session

    for dtype in ("float32", "float64"):
        session = Session()
        session.set_dtype(dtype)
        session.evaluate()
        session.step(1)
