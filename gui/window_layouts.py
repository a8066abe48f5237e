"""The window's two layouts: at a desk, and on the presentation stage. Panels move between them and keep their
state; the window shows one or the other."""

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QSizePolicy, QSplitter, QStyle, QVBoxLayout, QWidget


class Scroll(QScrollArea):
    """A frameless scroll area as large as its content wants, scrolling only when the window is smaller."""

    def __init__(self, content: QWidget):
        super().__init__()
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def sizeHint(self) -> QSize:
        """The content's size and room for the vertical scroll bar: it appears when the window is short (a banner,
        the phase bar, taller Chinese lines), and without the room it covered the content's right edge, numbers
        included."""
        return self.widget().sizeHint() + QSize(self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent), 0)

    def minimumSizeHint(self) -> QSize:
        return QSize(min(self.widget().minimumSizeHint().width(), 400), 200)


class Desk(QObject):
    """The numbers (network, gradients, detail tabs) in a column that scrolls, and beside it the settings over the
    plots. The numbers get the width they need first (down to the plots' minimum): a splitter dragged by hand holds
    until the window or the numbers' needs change."""

    def __init__(self, numbers: list[QWidget], details: QWidget, settings: QWidget, plots: QWidget,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.focus_holder = left = QWidget()
        left.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # a click beside the tables takes the arrows back to Step
        self._column = QVBoxLayout(left)
        self._column.setContentsMargins(4, 4, 4, 4)
        for panel in numbers:
            self._column.addWidget(panel)
        self._column.addWidget(details, 1)
        right = QWidget()
        self._side = QVBoxLayout(right)
        self._side.setContentsMargins(4, 4, 4, 4)
        # no wider than its widest line: on a wide screen the plot, not the combo boxes, takes the room
        settings.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self._side.addWidget(settings)
        self._side.addWidget(plots, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.scroll = Scroll(left)  # zoomed in on a small screen, the numbers scroll instead of being cut
        self.splitter.addWidget(self.scroll)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self._fitted = (0, 0)  # (width the numbers asked for, splitter width) when last fitted
        left.installEventFilter(self)  # its layout asks for more or less width: the splitter follows
        self.splitter.installEventFilter(self)  # resized: the numbers first get the width they need

    def take_back(self, numbers: list[QWidget], plots: QWidget) -> None:
        """The panels the stage borrowed, back in their places."""
        for k, panel in enumerate(numbers):
            self._column.insertWidget(k, panel)
        self._side.insertWidget(1, plots, 1)

    def eventFilter(self, watched, event) -> bool:
        if (event.type() == QEvent.Type.LayoutRequest and watched is self.scroll.widget()
                or event.type() == QEvent.Type.Resize and watched is self.splitter):
            self.fit()
        return super().eventFilter(watched, event)

    def fit(self) -> None:
        """The numbers get the width they need, the plot the rest (down to its minimum; then the numbers scroll)."""
        total = self.splitter.width() - self.splitter.handleWidth()  # (its sizes() are the old ones while resized)
        numbers = self.scroll.sizeHint().width() + 2  # with room for its vertical scroll bar
        if (numbers, total) == self._fitted:
            return
        self._fitted = (numbers, total)
        right = max(total - numbers, self.splitter.widget(1).minimumSizeHint().width())
        self.splitter.setSizes([total - right, right])


class Stage(QObject):
    """Presentation: the network across the top; below, the gradients with step and loss in large type under them,
    and beside them the plot, as high as the screen allows. Zoomed in, the stage scrolls: a window wider than its
    screen is no longer full screen."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.widget = QWidget()
        self.widget.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.readout = QLabel()
        self.readout.setObjectName("presentationReadout")
        self._grid = QGridLayout(self.widget)
        self._grid.setContentsMargins(4, 4, 4, 4)
        self._grid.addWidget(self.readout, 2, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._grid.setColumnStretch(1, 1)
        self._grid.setRowStretch(2, 1)
        self.scroll = Scroll(self.widget)

    def take(self, network: QWidget, gradients: QWidget, plots: QWidget) -> None:
        """The panels a lecture needs, from the desk."""
        self._grid.addWidget(network, 0, 0, 1, 2)
        self._grid.addWidget(gradients, 1, 0)
        self._grid.addWidget(plots, 1, 1, 2, 1)
