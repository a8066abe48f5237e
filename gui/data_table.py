"""DataTable: the samples as an editable, scrolling table; Ctrl+V pastes a block copied from a spreadsheet."""

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QSizePolicy

from core.data import MAX_SAMPLES
from gui.array_model import CELL_SAMPLES, cell_text
from gui.data_model import DataModel
from gui.grid import Grid
from gui.number_delegate import NumberDelegate
from gui.style import cell_padding

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
        """VISIBLE_ROWS rows and VISIBLE_COLUMNS columns, with room for both scroll bars and the numbers of up to
        MAX_SAMPLES samples: the same whatever the data."""
        frame = 2 * max(self.frameWidth(), 3)
        scroll = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        header = self.verticalHeader()
        margin = self.style().pixelMetric(self.style().PixelMetric.PM_HeaderMargin)
        numbers = header.fontMetrics().horizontalAdvance(str(MAX_SAMPLES)) + 2 * margin + 2
        width = numbers + VISIBLE_COLUMNS * self.horizontalHeader().defaultSectionSize()
        height = self.horizontalHeader().sizeHint().height() + VISIBLE_ROWS * self.verticalHeader().defaultSectionSize()
        return QSize(width + scroll + frame, height + scroll + frame)

    def fit(self) -> None:
        """Columns for the widest plain number (−0.00123 at 3 digits); the rarer e-notation of tiny or huge values
        is elided, whole in the tooltip and the editor."""
        super().fit()
        text = cell_text(CELL_SAMPLES[0], self.model().digits)
        self.horizontalHeader().setDefaultSectionSize(self.fontMetrics().horizontalAdvance(text)
                                                        + cell_padding(self.fontMetrics())[0])

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
