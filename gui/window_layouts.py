"""The window's two layouts: at a desk, and on the presentation stage. Panels move between them and keep their
state; the window shows one or the other."""

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

WIDGET_SIZE_MAX = (1 << 24) - 1  # Qt's QWIDGETSIZE_MAX, which PySide6 does not export


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
        """The numbers get the width they need, the plots the rest, but at least a quarter (and their minimum): a wide
        network's blocks wrap sooner and its boundary stays readable; narrower still, the numbers scroll."""
        total = self.splitter.width() - self.splitter.handleWidth()  # (its sizes() are the old ones while resized)
        numbers = self.scroll.sizeHint().width() + 2  # with room for its vertical scroll bar
        if (numbers, total) == self._fitted:
            return
        self._fitted = (numbers, total)
        right = max(total - numbers, self.splitter.widget(1).minimumSizeHint().width(), total // 4)
        self.splitter.setSizes([total - right, right])


class TabLoan:
    """A tab's page lent to the stage, and given back at its place, named in the current language."""

    def __init__(self, tabs: QTabWidget, page: QWidget):
        self._tabs, self.page = tabs, page
        self._place, self._text = tabs.indexOf(page), tabs.tabText(tabs.indexOf(page))

    @property
    def lent(self) -> bool:
        return self._tabs.indexOf(self.page) < 0

    def take(self) -> QWidget:
        if not self.lent:
            self._place, self._text = self._tabs.indexOf(self.page), self._tabs.tabText(self._tabs.indexOf(self.page))
            self._tabs.removeTab(self._place)
        return self.page

    def give_back(self) -> None:
        if self.lent:
            self._tabs.insertTab(self._place, self.page, self._text)

    def rename(self, text: str) -> None:
        """The tab's name (a new language), now or when it is given back."""
        self._text = text
        if not self.lent:
            self._tabs.setTabText(self._tabs.indexOf(self.page), text)


def name_tabs(tabs: QTabWidget, names: dict[QWidget, str], loans: list[TabLoan]) -> None:
    """Each page's tab named, wherever it is: in `tabs`, or lent (named when it comes back)."""
    lent = {loan.page: loan for loan in loans}
    for page, text in names.items():
        if page in lent:
            lent[page].rename(text)
        else:
            tabs.setTabText(tabs.indexOf(page), text)


class Stage(QObject):
    """Presentation. The network across the top. Below it, for a one-layer network (the seed's lecture), the
    gradients with step and loss in large type under them, and beside them the plot as high as the screen allows.
    For a layered one: step and loss over the gradient check, beside them the decision boundary and the loss; the
    gradients below (the stage scrolls to them). Zoomed in, the stage scrolls: a window wider than its screen is no
    longer full screen."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.widget = QWidget()
        self.widget.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.readout = QLabel()
        self.readout.setObjectName("presentationReadout")
        self.readout.setWordWrap(True)  # between step and loss only (see show_readout)
        self._grid = QGridLayout(self.widget)
        self._grid.setContentsMargins(4, 4, 4, 4)
        self.scroll = Scroll(self.widget)
        self.layered: bool | None = None  # the arrangement shown (None: none)
        self._network: QWidget | None = None
        self._plots: list[QWidget] = []  # the layered stage's plots, sized to the screen
        self.scroll.viewport().installEventFilter(self)

    def take(self, network: QWidget, gradients: QWidget, plots: QWidget) -> None:
        """The one-layer lecture: the panels it needs, from the desk."""
        self._clear()
        self.layered = False
        g = self._grid
        g.addWidget(network, 0, 0, 1, 2)
        g.addWidget(gradients, 1, 0)
        g.addWidget(self.readout, 2, 0, Qt.AlignmentFlag.AlignTop)  # the column's width: one line where it fits
        g.addWidget(plots, 1, 1, 2, 1)
        g.setColumnStretch(1, 1)
        g.setRowStretch(2, 1)

    def take_layered(self, network: QWidget, gradients: QWidget, plots: QWidget, check: QWidget,
                     decision: QWidget | None) -> None:
        """The layered lecture: the panels it needs, from the desk and the tabs (`decision`: None when the
        network's inputs are not a line or a plane). The plots reach down to the screen's bottom edge, and the
        gradients start below it."""
        self._clear()
        self.layered = True
        g = self._grid
        g.addWidget(network, 0, 0, 1, 3)
        g.addWidget(self.readout, 1, 0, Qt.AlignmentFlag.AlignTop)
        g.addWidget(check, 2, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._network, self._plots = network, [plots] if decision is None else [decision, plots]
        network.installEventFilter(self)  # taller (a lesson appeared): the plots shorter
        for column, plot in enumerate(self._plots, start=3 - len(self._plots)):
            g.addWidget(plot, 1, column, 2, 1, Qt.AlignmentFlag.AlignTop)
            g.setColumnStretch(column, 1)
        g.addWidget(gradients, 3, 0, 1, 3)
        for panel in (check, *self._plots):
            panel.show()  # (a tab widget hid the page it gave up)
        self._fit_plots()

    def release(self) -> None:
        """The panels go back to the desk: nothing of the stage's sizing stays on them."""
        self._clear()
        self.layered = None

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._fit_plots()
        return super().eventFilter(watched, event)

    def _fit_plots(self) -> None:
        """The layered stage's plots exactly as tall as the screen leaves under the network: never cut by its
        bottom edge, and scrolling shows the gradients, not the plots' lower half."""
        if not self._plots:
            return
        margins, spacing = self._grid.contentsMargins(), self._grid.verticalSpacing()
        top = self._network.sizeHint().height() if self._network.height() < 1 else self._network.height()
        room = self.scroll.viewport().height() - margins.top() - top - spacing - margins.bottom()
        for plot in self._plots:
            if plot.minimumHeight() != max(room, 0) or plot.maximumHeight() != max(room, 0):
                plot.setFixedHeight(max(room, 0))

    def show_readout(self, step: str, loss: str) -> None:
        """Step and loss in large type, on one line where it fits and else on two (never within either)."""
        self.readout.setText("\u2003\u2003".join(text.replace(" ", "\u00a0") for text in (step, loss)))

    def _clear(self) -> None:
        """Every panel out of the grid (they stay the stage's children until the desk takes them back)."""
        for plot in self._plots:
            plot.setMinimumHeight(0)
            plot.setMaximumHeight(WIDGET_SIZE_MAX)
        if self._network is not None:
            self._network.removeEventFilter(self)
        self._network, self._plots = None, []
        for widget in [self._grid.itemAt(k).widget() for k in range(self._grid.count())]:
            # removeWidget deletes the layout's item; an item taken and kept stays the one the widget reports its
            # size changes to, and the next layout's item kept a stale height for it (the gradients squashed)
            self._grid.removeWidget(widget)
        for k in range(4):
            self._grid.setColumnStretch(k, 0)
            self._grid.setRowStretch(k, 0)
