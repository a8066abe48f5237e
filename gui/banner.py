"""A message strip across the top of the window: refusals fade out, divergence stays until dealt with."""

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from gui.i18n import Retranslatable

_STYLES = {
    "info": "background:#eef4ff; border:1px solid #7a9cd6; color:#0b2a5b;",
    "warning": "background:#fff4ce; border:1px solid #e0b400; color:#3d2e00;",
    "error": "background:#fde7e9; border:1px solid #c62828; color:#5f0b0b;",
}


class Banner(Retranslatable, QFrame):
    """One line of explanation, with Undo when undoing is the way out."""

    undoRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("banner")
        self.label = QLabel()
        self.label.setObjectName("bannerText")
        self.label.setWordWrap(True)
        self.undo_button = QPushButton()
        self.undo_button.clicked.connect(self.undoRequested)
        self._close = close = QPushButton("×")
        close.setFlat(True)
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.undo_button)
        layout.addWidget(close)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.undo_button.setText(self.tr("Undo"))
        self._close.setAccessibleName(self.tr("Close message"))

    def warn(self, text: str, seconds: float = 8) -> None:
        """A refusal: shown for a few seconds."""
        self._show(text, "warning", undo=False)
        self._timer.start(int(seconds * 1000))

    def inform(self, text: str, seconds: float = 20) -> None:
        """What a scenario shows, and the like: shown for a while, or until closed."""
        self._show(text, "info", undo=False)
        self._timer.start(int(seconds * 1000))

    def alarm(self, text: str) -> None:
        """Stepping stopped: stays, with Undo."""
        self._timer.stop()
        self._show(text, "error", undo=True)

    def _show(self, text: str, kind: str, undo: bool) -> None:
        self.setStyleSheet(f"#banner {{{_STYLES[kind]}}}")
        self.label.setText(text)
        self.undo_button.setVisible(undo)
        self.show()
