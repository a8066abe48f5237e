"""A compact QTableView that shows a small array whole, named for tests and screen readers."""

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSizePolicy, QTableView

from gui.array_model import ArrayModel

MAX_VISIBLE = 8  # beyond this many rows or columns the grid scrolls


class Grid(QTableView):
    """A table view sized to its model: every cell visible for small arrays."""

    def __init__(self, model: ArrayModel, object_name: str, accessible_name: str, delegate=None, parent=None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAccessibleName(accessible_name)
        self.setModel(model)
        if delegate is not None:
            self.setItemDelegate(delegate)
            self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                 | QAbstractItemView.EditTrigger.EditKeyPressed
                                 | QAbstractItemView.EditTrigger.AnyKeyPressed)
        else:
            self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setCornerButtonEnabled(False)
        self.setWordWrap(False)
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setHighlightSections(False)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        model.modelReset.connect(self.fit)
        self.fit()

    def fit(self) -> None:
        """Column widths for numbers like −0.00432252 at the current font; the view sized to show them."""
        metrics = self.fontMetrics()
        self.horizontalHeader().setDefaultSectionSize(metrics.horizontalAdvance("\u22120.0000000") + 10)
        self.verticalHeader().setDefaultSectionSize(metrics.height() + 8)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        model = self.model()
        rows, columns = min(model.rowCount(), MAX_VISIBLE), min(model.columnCount(), MAX_VISIBLE)
        frame = 2 * self.frameWidth()
        width = self.verticalHeader().sizeHint().width() + columns * self.horizontalHeader().defaultSectionSize()
        height = self.horizontalHeader().sizeHint().height() + rows * self.verticalHeader().defaultSectionSize()
        scroll = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        width += scroll if model.rowCount() > MAX_VISIBLE else 0
        height += scroll if model.columnCount() > MAX_VISIBLE else 0
        return QSize(width + frame, height + frame)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def set_highlighted(self, on: bool) -> None:
        """Outline the grid: what the current phase computed."""
        if on != bool(self.property("highlighted")):
            self.setProperty("highlighted", on)
            self.setStyleSheet("QTableView { border: 3px solid #f08c00; }" if on else "")

    def set_pending(self, on: bool) -> None:
        """Grey the grid out: a value the current phase has not computed yet."""
        self.setEnabled(not on)

    def event(self, event):
        # → and ← move between cells here; elsewhere in the window they are Step and Undo
        if (event.type() == event.Type.ShortcutOverride and event.modifiers() == Qt.KeyboardModifier.NoModifier
                and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right)):
            event.accept()
            return True
        return super().event(event)

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self.fit()

    def keyPressEvent(self, event):
        # Enter on a selected cell starts editing, as in a spreadsheet (when editing, the editor takes Enter)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != self.State.EditingState:
            if self.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers and self.currentIndex().isValid():
                self.edit(self.currentIndex())
                return
        super().keyPressEvent(event)
