"""FlowLayout: widgets left to right, wrapping to the next line where the width runs out (Qt's flow layout example),
so a network's layers read along the forward pass however many there are and however wide the window is."""

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QLayout, QLayoutItem, QSizePolicy, QWidget


class FlowLayout(QLayout):
    """Items in reading order; a line as high as its tallest item; items aligned to the line's top. Items may form
    groups that start a new line together rather than be split, where a whole line would hold them."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._group_starts: set[int] = set()  # indices of items that begin a group
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def start_group(self) -> None:
        """The next item added begins a group: it and the following ones up to the next group keep together."""
        self._group_starts.add(len(self._items))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """All on one line: what the layout would like, so a scroll area around it can offer that much."""
        width = sum(item.sizeHint().width() for item in self._items) + self._spacing * max(0, len(self._items) - 1)
        height = max((item.sizeHint().height() for item in self._items), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        """As wide as the widest item: narrower, and items would be cut instead of wrapped."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _group_width(self, first: int) -> int:
        """The width of the group beginning at item `first`, laid side by side."""
        widths = []
        for k in range(first, len(self._items)):
            if k > first and k in self._group_starts:
                break
            if not self._items[k].isEmpty():
                widths.append(self._items[k].sizeHint().width())
        return sum(widths) + self._spacing * max(0, len(widths) - 1)

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Place (or only measure) the items in lines within rect's width; the height used."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line_height = area.x(), area.y(), 0
        for k, item in enumerate(self._items):
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            together = self._group_width(k) if k in self._group_starts else hint.width()
            if together > area.width():  # not even a line of its own holds the group: it breaks as it must
                together = hint.width()
            if x > area.x() and x + together > area.right() + 1:  # no room left on this line: the next one
                x, y = area.x(), y + line_height + self._spacing
                line_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + m.bottom()


def flowing(widgets: list[QWidget] | list[list[QWidget]], spacing: int = 8) -> QWidget:
    """A widget holding `widgets` in a FlowLayout, as tall as its lines need at its width; a list of lists makes
    each inner list a group that keeps together on a line where it can."""
    holder = QWidget()
    layout = FlowLayout(holder, spacing)
    for entry in widgets:
        if isinstance(entry, list):
            layout.start_group()
        for widget in entry if isinstance(entry, list) else [entry]:
            layout.addWidget(widget)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    holder.setSizePolicy(policy)
    return holder


def hold_focus(panel: QWidget) -> None:
    """Before `panel` rebuilds its grids: if the keyboard focus is in it, the nearest container around it that takes
    focus holds it (the window's column or stage, where Space and the arrows are Step and Undo). A grid hidden with
    the focus hands it to the next field in the tab order (the learning rate), where the next key would be typed."""
    focus = QApplication.focusWidget()
    if focus is None or not panel.isAncestorOf(focus):
        return
    holder = panel.parentWidget()
    while holder is not None and holder.focusPolicy() == Qt.FocusPolicy.NoFocus:
        holder = holder.parentWidget()
    (holder or panel.window()).setFocus(Qt.FocusReason.OtherFocusReason)


def retire(widget: QWidget) -> None:
    """Hide a widget that a rebuild replaces and delete it when the event loop next runs; until then its children
    answer to no name, so the replacements are what findChild finds."""
    widget.hide()
    for child in widget.findChildren(QWidget):
        child.setObjectName("")
    widget.deleteLater()
