"""A message strip along the bottom of the window: refusals fade out, divergence stays until dealt with."""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from gui.i18n import Retranslatable

_STYLES = {  # background, border, text
    "info": ("#eef4ff", "#7a9cd6", "#0b2a5b"),
    "warning": ("#fff4ce", "#e0b400", "#3d2e00"),
    "error": ("#fde7e9", "#c62828", "#5f0b0b"),
}


def paint_strip(widget: QWidget, background: str, border: str) -> None:
    """A coloured strip with a one-pixel border, painted rather than styled: a widget with a style sheet of its
    own keeps the font it had when the window's font changes (zoom, presentation mode)."""
    painter = QPainter(widget)
    painter.fillRect(widget.rect(), QColor(background))
    painter.setPen(QColor(border))
    painter.drawRect(widget.rect().adjusted(0, 0, -1, -1))


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
        for button in (self.undo_button, close):  # a click leaves the keyboard where it was: Space steps on
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.undo_button)
        layout.addWidget(close)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self._kind = "info"
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

    def withdraw_refusal(self) -> str:
        """A refusal answered by an entry taken since: gone at once, other messages stay. The text withdrawn."""
        if self.isHidden() or self._kind != "warning":
            return ""
        self._timer.stop()
        self.hide()
        return self.label.text()

    def alarm(self, text: str) -> None:
        """Stepping stopped: stays, with Undo."""
        self._timer.stop()
        self._show(text, "error", undo=True)

    def _show(self, text: str, kind: str, undo: bool) -> None:
        self._kind = kind
        palette = self.label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(_STYLES[kind][2]))
        self.label.setPalette(palette)
        self.label.setText(text)
        self.undo_button.setVisible(undo)
        self.show()

    def paintEvent(self, event) -> None:
        paint_strip(self, *_STYLES[self._kind][:2])
