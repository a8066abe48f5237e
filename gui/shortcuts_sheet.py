"""Help → Keyboard shortcuts: every action with a shortcut, read from the actions themselves."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

# keys that Qt's standard shortcuts add for keyboards hardly anyone has (Undo is also F14 and the Undo key)
RARE_KEYS = {Qt.Key.Key_Undo, Qt.Key.Key_Redo, Qt.Key.Key_Copy, Qt.Key.Key_Cut, Qt.Key.Key_Paste, Qt.Key.Key_Open,
             Qt.Key.Key_Save, Qt.Key.Key_Close, Qt.Key.Key_Help, *(Qt.Key(Qt.Key.Key_F13.value + k) for k in range(23))}


def key_names(action: QAction) -> list[str]:
    """The action's shortcuts as a user's keyboard types them, without the rare keys Qt's standard ones add."""
    return [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
            if k.count() != 1 or k[0].key() not in RARE_KEYS]


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(what, keys) for each action that has a shortcut, in the order given."""
    rows = []
    for action in actions:
        keys = key_names(action)
        if keys:
            rows.append((action.text().replace("&", ""), "   ".join(keys)))
    return rows


class ShortcutsSheet(QDialog):
    def __init__(self, actions: list[QAction], note: str, parent=None):
        super().__init__(parent)
        self.setObjectName("shortcutsSheet")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_rows(actions)
        table = QTableWidget(len(rows), 2)
        table.setObjectName("shortcutsTable")
        table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, (what, keys) in enumerate(rows):
            table.setItem(r, 0, QTableWidgetItem(what))
            table.setItem(r, 1, QTableWidgetItem(keys))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        explanation = QLabel(note)
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        layout.addWidget(buttons)
        self.resize(560, 620)
