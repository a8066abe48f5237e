"""NumberDelegate: edits a cell as text and lets through only what core.parse accepts."""

from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate

from core.parse import parse_value
from gui.i18n import error_text


class NumberDelegate(QStyledItemDelegate):
    """A line editor holding the full-precision value; text that is not a usable number is refused with a reason."""

    rejected = Signal(str)

    def __init__(self, parse: Callable[[str, str], float] = parse_value, parent=None):
        super().__init__(parent)
        self._parse = parse

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setFrame(False)
        return editor

    def setEditorData(self, editor: QLineEdit, index):
        editor.setText(repr(index.data(Qt.ItemDataRole.EditRole)))
        editor.selectAll()

    def setModelData(self, editor: QLineEdit, model, index):
        name = model.cell_name(index.row(), index.column())
        try:
            value = self._parse(editor.text(), name)
        except ValueError as e:
            self.rejected.emit(self.tr("%1; %2 keeps its value").replace("%1", error_text(e)).replace("%2", name))
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)
