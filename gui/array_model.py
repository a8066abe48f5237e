"""ArrayModel: a numpy vector or matrix as a Qt table model."""

from typing import Callable

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from gui.i18n import error_text
from gui.style import SATURATED_BACKGROUND, diverging, short_number, unsigned_zero

_Index = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole


CELL_SAMPLES = (-0.0012345678901234, -1.2345678901234e-10)  # the widest plain and e-notation texts, for Grid.fit


def cell_text(value: float, digits: int) -> str:
    """`value` to `digits` significant digits, or fewer where the text would be longer than −0.00ddddd:
    e-notation from 4 digits up (always one digit fewer, so a grid reads evenly), and −0.000dddd, which g-format
    keeps down to 1e-4 (with 3 digits and fewer, −d.dde−dd sets the length). Grid.fit sizes columns for both
    samples; the tooltip holds every digit."""
    longest = len(short_number(CELL_SAMPLES[0] if digits > 3 else CELL_SAMPLES[1], digits))
    text = short_number(value, digits)
    if digits > 3 and "e" in text:  # one digit fewer for every e-notation number, not only for negative ones
        digits -= 1
        text = short_number(value, digits)
    while len(text) > longest and digits > 1:
        digits -= 1
        text = short_number(value, digits)
    return text


class ArrayModel(QAbstractTableModel):
    """A 2-D array (a vector is one column). DisplayRole is a short number, EditRole the full-precision float.

    An editable model hands each accepted edit to `on_edit(row, column, value)`, which may refuse with a
    ValueError; the cell then keeps its old value and `editRejected` carries the reason.
    """

    editRejected = Signal(str)

    def __init__(self, name: str, values=None, *, on_edit: Callable[[int, int, float], None] | None = None,
                 coloured: bool = False, row_names: Callable[[int], str] | None = None,
                 column_names: Callable[[int], str] | None = None, digits: int = 5, parent=None):
        super().__init__(parent)
        self.name = name  # how a cell is named in messages: W[2,3]
        self._values = np.zeros((0, 0))
        self._on_edit = on_edit
        self._coloured = coloured
        self._scale = 0.0
        self._digits = digits
        self._compact = False  # one significant digit fewer (presentation mode)
        self._pending = False  # values not computed yet (stepping in phases): shown as "?"
        self._waiting = False  # values that cannot be computed yet (torch loading): shown as "…"
        self._left_out: np.ndarray | None = None  # cells a sample left out (central differences): shown as "—"
        self._left_out_note = ""
        self._marked = np.zeros(0, dtype=bool)  # rows drawn as a warning (saturated units)
        self._mark_note = ""
        self._row_names = row_names or (lambda i: str(i + 1))
        self._column_names = column_names or (lambda j: str(j + 1))
        if values is not None:
            self.set_values(values)

    # ---- feeding

    def set_values(self, values, scale: float | None = None, computed: np.ndarray | None = None,
                   note: str = "") -> None:
        """Show `values` (a vector becomes a column); `scale` saturates the colour map. Where `computed` is False
        a cell shows "—", uncoloured, with `note` in its tooltip: a value left out, which no number may stand for."""
        values = np.asarray(values, dtype=np.float64)
        self._left_out = None if computed is None or computed.all() else ~computed.reshape(values.shape[0], -1)
        self._left_out_note = note
        self._set(values, scale, waiting=False)

    def set_waiting(self, shape: tuple[int, ...]) -> None:
        """"…" in each cell of `shape` until the next set_values: values that cannot be computed yet (torch is
        still loading), which NaN would misreport as a failure."""
        self._left_out = None
        self._set(np.full(shape, np.nan), None, waiting=True)

    def _set(self, values: np.ndarray, scale: float | None, waiting: bool) -> None:
        values = values.reshape(-1, 1) if values.ndim == 1 else values
        self._waiting = waiting
        if scale is not None:
            self._scale = scale
        if values.shape != self._values.shape:
            self.beginResetModel()
            self._values = values.copy()
            self.endResetModel()
        else:
            self._values = values.copy()
            if values.size:
                self.dataChanged.emit(self.index(0, 0), self.index(values.shape[0] - 1, values.shape[1] - 1))

    def set_marked_rows(self, marked: np.ndarray, note: str) -> None:
        """Rows to draw on an amber background, with `note` in their tooltips."""
        marked = np.asarray(marked, dtype=bool)
        if marked.shape != self._marked.shape or (marked != self._marked).any() or note != self._mark_note:
            self._marked, self._mark_note = marked.copy(), note
            if self._values.size:
                self.dataChanged.emit(self.index(0, 0), self.index(self._values.shape[0] - 1,
                                                                   self._values.shape[1] - 1))

    def _is_marked(self, row: int) -> bool:
        return row < self._marked.size and bool(self._marked[row])

    def _is_left_out(self, row: int, column: int) -> bool:
        return self._left_out is not None and bool(self._left_out[row, column])

    @property
    def digits(self) -> int:
        """Significant digits shown."""
        return self._digits - self._compact

    def set_compact(self, compact: bool) -> None:
        """One significant digit fewer, for large type (views re-fit their columns on the reset)."""
        if compact != self._compact:
            self.beginResetModel()
            self._compact = compact
            self.endResetModel()

    def set_pending(self, pending: bool) -> None:
        """Show "?" for every value: not computed yet in this phase."""
        if pending != self._pending:
            self._pending = pending
            if self._values.size:
                self.dataChanged.emit(self.index(0, 0), self.index(self._values.shape[0] - 1,
                                                                   self._values.shape[1] - 1))

    def set_row_names(self, row_names: Callable[[int], str]) -> None:
        """Name the rows anew (a network's units change with its shape)."""
        self._row_names = row_names
        if self._values.shape[0]:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self._values.shape[0] - 1)

    def set_column_names(self, column_names: Callable[[int], str]) -> None:
        """Name the columns anew (another parameter shown)."""
        self._column_names = column_names
        if self._values.shape[1]:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self._values.shape[1] - 1)

    def values(self) -> np.ndarray:
        return self._values.copy()

    def cell_name(self, row: int, column: int) -> str:
        if self._values.shape[1] == 1:
            return f"{self.name}[{row + 1}]"
        return f"{self.name}[{row + 1},{column + 1}]"

    # ---- QAbstractTableModel

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._values.shape[0]

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._values.shape[1]

    def data(self, index: _Index, role: int = Role.DisplayRole):
        if not index.isValid():
            return None
        value = float(self._values[index.row(), index.column()])
        left_out = self._is_left_out(index.row(), index.column()) and not self._pending
        if role == Role.DisplayRole:
            return ("?" if self._pending else "…" if self._waiting else "—" if left_out
                    else cell_text(value, self.digits))
        if role == Role.EditRole:
            return value
        if role in (Role.ToolTipRole, Role.AccessibleTextRole) and left_out:
            return f"{self.cell_name(index.row(), index.column())}: {self._left_out_note}"
        if role in (Role.ToolTipRole, Role.AccessibleTextRole):
            shown = "…" if self._waiting else repr(unsigned_zero(value))  # every digit; zero unsigned, as in the cell
            text = f"{self.cell_name(index.row(), index.column())} = {shown}"
            return f"{text}\n{self._mark_note}" if self._is_marked(index.row()) else text
        if role == Role.BackgroundRole and self._is_marked(index.row()):
            return SATURATED_BACKGROUND
        if role == Role.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        blank = self._pending or self._waiting or left_out  # no value to colour
        if self._coloured and role in (Role.BackgroundRole, Role.ForegroundRole) and not blank:
            background, text = diverging(value, self._scale)
            return background if role == Role.BackgroundRole else text
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole):
        if role != Role.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._column_names(section) if 0 <= section < self._values.shape[1] else None
        return self._row_names(section) if 0 <= section < self._values.shape[0] else None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if self._on_edit else flags

    def setData(self, index: _Index, value, role: int = Role.EditRole) -> bool:
        """Accept a float from the delegate; the old value stays if on_edit refuses it."""
        if not (index.isValid() and self._on_edit and role == Role.EditRole):
            return False
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not np.isfinite(value):
            self.editRejected.emit(f"{self.cell_name(index.row(), index.column())}: {value!r} is not a finite number")
            return False
        row, column = index.row(), index.column()
        try:
            self._on_edit(row, column, float(value))
        except ValueError as e:
            self.editRejected.emit(f"{self.cell_name(row, column)}: {error_text(e)}")
            return False
        self._values[row, column] = value
        self.dataChanged.emit(index, index, [Role.DisplayRole, Role.EditRole])
        return True
