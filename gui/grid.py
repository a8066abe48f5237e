"""A compact QTableView that shows a small array whole, named for tests and screen readers."""

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSizePolicy, QTableView

from gui.array_model import CELL_SAMPLES, ArrayModel, cell_text
from gui.style import cell_padding

MAX_VISIBLE = 8  # beyond this many rows or columns the grid scrolls
HIGHLIGHTED = "QTableView { border: 3px solid #f08c00; }"


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
        model.modelReset.connect(self._reshaped)
        model.headerDataChanged.connect(self.fit)  # a column's new name may be wider (a no-op when it is not)
        self.fit()

    def _reshaped(self) -> None:
        """New values, perhaps of a new shape: the size the view asks for follows."""
        self.fit()
        self.updateGeometry()

    def fit(self) -> None:
        """Column widths for the widest numbers at the current font; the view sized to show them."""
        metrics = self.fontMetrics()
        model = self.model()
        width = max(metrics.horizontalAdvance(cell_text(v, model.digits)) for v in CELL_SAMPLES)
        header = self.horizontalHeader().fontMetrics()  # and the widest column name, such as "a = softmax(z)"
        names = (model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount()))
        width = max([width, *(header.horizontalAdvance(name) for name in names if name)])
        pad_x, pad_y = cell_padding(metrics)
        sizes = (width + pad_x, metrics.height() + pad_y)
        if sizes == (self.horizontalHeader().defaultSectionSize(), self.verticalHeader().defaultSectionSize()):
            return
        self.horizontalHeader().setDefaultSectionSize(sizes[0])
        self.verticalHeader().setDefaultSectionSize(sizes[1])
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        model = self.model()
        rows, columns = min(model.rowCount(), MAX_VISIBLE), min(model.columnCount(), MAX_VISIBLE)
        frame = 2 * max(self.frameWidth(), 3)  # room for the highlight's 3 px border, so outlining moves nothing
        width = self.verticalHeader().sizeHint().width() + columns * self.horizontalHeader().defaultSectionSize()
        height = self.horizontalHeader().sizeHint().height() + rows * self.verticalHeader().defaultSectionSize()
        scroll = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        width += scroll if model.rowCount() > MAX_VISIBLE else 0
        height += scroll if model.columnCount() > MAX_VISIBLE else 0
        return QSize(width + frame, height + frame)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def set_highlighted(self, on: bool) -> None:
        """Outline the grid in orange: what the current phase computed. The frame keeps its width either way,
        so nothing around it moves."""
        if on != bool(self.property("highlighted")):
            self.setProperty("highlighted", on)
            self.setStyleSheet(HIGHLIGHTED if on else "")
            self.updateGeometry()

    def set_pending(self, on: bool) -> None:
        """"?" in every cell: a value the current phase has not computed yet."""
        self.model().set_pending(on)

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
            # the headers take the new font after this event: size again once they have
            QTimer.singleShot(0, self, self.updateGeometry)

    def keyPressEvent(self, event):
        # Enter on a selected cell starts editing, as in a spreadsheet (when editing, the editor takes Enter)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != self.State.EditingState:
            if self.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers and self.currentIndex().isValid():
                self.edit(self.currentIndex())
                return
        super().keyPressEvent(event)
