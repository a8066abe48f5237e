"""Deferred: a page whose widget is made the first time it is shown or asked for. A pyqtgraph plot costs 10 to
30 ms to make; start-up makes only what the first paint shows (the loss plot), the others when their tab opens."""

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget


class Deferred(QWidget):
    """Holds the widget `make` returns, made on the first show (or the first `widget` asked for)."""

    made = Signal(QWidget)  # the widget was just made: it has shown nothing yet

    def __init__(self, make: Callable[[], QWidget], parent: QWidget | None = None):
        super().__init__(parent)
        self._make = make
        self._widget: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def is_made(self) -> bool:
        return self._widget is not None

    @property
    def widget(self) -> QWidget:
        if self._widget is None:
            self._widget = self._make()
            self._layout.addWidget(self._widget)
            self._widget.show()  # (a child added to a shown parent would only be shown by a queued call)
            self.made.emit(self._widget)
        return self._widget

    def showEvent(self, event) -> None:
        self.widget  # noqa: B018 (made now, so that it shows)
        super().showEvent(event)
