"""DataModel: the session's samples as a Qt table, one row per sample: its inputs, then its targets or its class."""

from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from core.data import Data
from gui.array_model import cell_text
from gui.style import subscript, unsigned_zero

_Index = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole

FOLLOWED_BACKGROUND = QColor(222, 235, 252)  # the sample the forward pass shows
DIGITS = 3  # a narrow table: every digit is in the tooltip and the editor


class DataModel(QAbstractTableModel):
    """Columns x₁ … x_n, then y₁ … (or one column of class indices under cross-entropy). It reads the session's
    read-only arrays, never a copy, and resets only when the table's shape changes: new values of the same shape
    are one dataChanged. An edit goes to `on_edit(part, sample, column, value)` ("X" or "Y"), which returns whether
    the session took it."""

    def __init__(self, on_edit: Callable[[str, int, int, float], bool] | None = None, parent=None):
        super().__init__(parent)
        self._on_edit = on_edit
        self._data: Data | None = None
        self._classes = False  # the targets are one column of class indices
        self._followed = -1
        self._compact = False

    # ---- feeding

    def set_data(self, data: Data, classes: bool) -> None:
        """Show `data` (classes: its target column holds class indices)."""
        if data is self._data and classes == self._classes:
            return
        old = self._data
        if old is not None and classes == self._classes and (data.X.shape, data.Y.shape) == (old.X.shape, old.Y.shape):
            self._data = data
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
            return
        self.beginResetModel()
        self._data, self._classes = data, classes
        self.endResetModel()

    def set_followed(self, sample: int) -> None:
        """Draw sample `sample` (0-based; −1: none) as the one the forward pass shows."""
        if sample != self._followed:
            rows = [r for r in (self._followed, sample) if 0 <= r < self.rowCount()]
            self._followed = sample
            for row in rows:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1),
                                      [Role.BackgroundRole])

    @property
    def digits(self) -> int:
        """Significant digits shown (Grid.fit sizes the columns for them)."""
        return DIGITS - self._compact

    def set_compact(self, compact: bool) -> None:
        """One significant digit fewer, for large type."""
        if compact != self._compact:
            self.beginResetModel()
            self._compact = compact
            self.endResetModel()

    def locate(self, column: int) -> tuple[str, int]:
        """The part ("X" or "Y") a table column shows and its column there."""
        n_in = self._data.n_in
        return ("X", column) if column < n_in else ("Y", column - n_in)

    def cell_name(self, row: int, column: int) -> str:
        """X[5,2]: 1-based, as the undo entry names it."""
        part, k = self.locate(column)
        return f"{part}[{row + 1},{k + 1}]"

    def column_name(self, column: int) -> str:
        part, k = self.locate(column)
        if part == "Y" and self._classes:
            return self.tr("class")
        return subscript("x" if part == "X" else "y", k)

    # ---- QAbstractTableModel

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self._data is None else self._data.m

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self._data is None else self._data.n_in + self._data.n_targets

    def _value(self, row: int, column: int) -> float:
        part, k = self.locate(column)
        return float((self._data.X if part == "X" else self._data.Y)[row, k])

    def data(self, index: _Index, role: int = Role.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Role.DisplayRole:
            value = self._value(row, column)
            if self._classes and column == self.columnCount() - 1:
                return str(int(value))
            return cell_text(value, self.digits)
        if role == Role.EditRole:
            return self._value(row, column)
        if role in (Role.ToolTipRole, Role.AccessibleTextRole):
            return f"{self.cell_name(row, column)} = {unsigned_zero(self._value(row, column))!r}"
        if role == Role.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Role.BackgroundRole and row == self._followed:
            return FOLLOWED_BACKGROUND
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole):
        if role != Role.DisplayRole or section < 0:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.column_name(section) if section < self.columnCount() else None
        return str(section + 1) if section < self.rowCount() else None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if self._on_edit else flags

    def setData(self, index: _Index, value, role: int = Role.EditRole) -> bool:
        """Hand a number the delegate accepted to the session; the cell keeps its old value if it refuses."""
        if not (index.isValid() and self._on_edit and role == Role.EditRole):
            return False
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return False
        part, k = self.locate(index.column())
        return self._on_edit(part, index.row(), k, float(value))
