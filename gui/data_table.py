"""DataTable: the samples as an editable, scrolling table; Ctrl+V pastes a block copied from a spreadsheet."""

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QSizePolicy

from gui.data_model import DataModel
from gui.grid import Grid
from gui.number_delegate import NumberDelegate

VISIBLE_ROWS = 4  # asked for; the table takes more height when the pane has it
VISIBLE_COLUMNS = 3  # wider data scrolls sideways: the pane stays beside the plots


class DataTable(Grid):
    """Grid's keys (→ and ← move between cells, Enter edits) over any number of samples, scrolling."""

    pasted = Signal(int, int, str)  # row, column of the current cell, and the clipboard's text

    def __init__(self, model: DataModel, delegate: NumberDelegate, object_name: str, accessible_name: str,
                 parent=None):
        super().__init__(model, object_name, accessible_name, delegate, parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        """VISIBLE_ROWS rows and VISIBLE_COLUMNS columns, with room for both scroll bars."""
        frame = 2 * max(self.frameWidth(), 3)
        scroll = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        columns = min(self.model().columnCount(), VISIBLE_COLUMNS)
        width = self.verticalHeader().sizeHint().width() + columns * self.horizontalHeader().defaultSectionSize()
        height = self.horizontalHeader().sizeHint().height() + VISIBLE_ROWS * self.verticalHeader().defaultSectionSize()
        return QSize(width + scroll + frame, height + scroll + frame)

    def minimumSizeHint(self) -> QSize:
        """Two rows: in a short window the table gives up height first."""
        hint = self.sizeHint()
        return QSize(hint.width(), hint.height() - (VISIBLE_ROWS - 2) * self.verticalHeader().defaultSectionSize())

    def event(self, event):
        # Ctrl+V pastes here, whatever else in the window has the keys
        if event.type() == event.Type.ShortcutOverride and event.matches(QKeySequence.StandardKey.Paste):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event):
        if event.matches(QKeySequence.StandardKey.Paste):
            current = self.currentIndex()
            row, column = (current.row(), current.column()) if current.isValid() else (0, 0)
            self.pasted.emit(row, column, QGuiApplication.clipboard().text())
            return
        super().keyPressEvent(event)
