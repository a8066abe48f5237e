"""The detail tabs under the numbers: both trajectories, the chain rule, the optimizer state, the computation graph
and the gradient check. The trajectories (the first tab) are made with the window; the others when their tab first
shows or they are asked for (the window makes them in idle time after its first paint), and they then take what was
chosen meanwhile. Start-up makes, and imports, only what its first paint shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QScrollArea, QTabWidget, QWidget

from core.evaluation import Evaluation
from core.session import Session
from gui.deferred import Deferred
from gui.grid import Grid
from gui.phases import Shown
from gui.trajectory_panel import TrajectoryPanel

if TYPE_CHECKING:  # imported with their pages
    from gui.chain_rule_view import ChainRuleView
    from gui.gradient_check_view import GradientCheckView
    from gui.graph_view import GraphView
    from gui.optimizer_state_view import OptimizerStateView

State = tuple[Session, Evaluation, Shown]


class DetailTabs(QTabWidget):
    """One tab per view; `state()` is what a view just made shows."""

    sampleChosen = Signal(int)  # the chain rule's own choice of the batch's sample to follow (its place, 0-based)

    def __init__(self, state: Callable[[], State], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("detailTabs")
        self._state = state
        self._chosen: tuple[str, tuple[int, ...]] | None = None  # the entry the views explain (None: their own)
        self._sample: int | None = None  # the followed sample's place in the batch (None: the first)
        self._running = False
        self._presenting, self._legend_font = False, QFont()
        self.trajectory_panel = TrajectoryPanel()
        self.chain_page = Deferred(self._make_chain_view)
        self.state_page = Deferred(self._make_state_view)
        self.graph_page = Deferred(self._make_graph_page)  # the graph keeps its proportions; a narrow tab scrolls
        self.check_page = Deferred(self._make_check_view)  # on the stage, for a layered network, when presenting
        self.pages = [self.trajectory_panel, self.chain_page, self.state_page, self.graph_page, self.check_page]
        self.deferred = self.pages[1:]
        for page in self.pages:
            self.addTab(page, "")

    # ---- the views, made when first asked for

    @property
    def chain_view(self) -> ChainRuleView:
        return self.chain_page.widget

    @property
    def state_view(self) -> OptimizerStateView:
        return self.state_page.widget

    @property
    def graph_view(self) -> GraphView:
        return self.graph_page.widget.widget()

    @property
    def check_view(self) -> GradientCheckView:
        return self.check_page.widget

    def _shown(self, view: QWidget) -> QWidget:
        """A view just made, as the others are: in the stage's compact digits while presenting, showing the state."""
        for grid in view.findChildren(Grid):
            grid.model().set_compact(self._presenting)
        view.show_state(*self._state())
        return view

    def _make_chain_view(self) -> ChainRuleView:
        from gui.chain_rule_view import ChainRuleView

        view = ChainRuleView()
        view.sampleChosen.connect(self.sampleChosen)
        if self._chosen is not None:
            view.choose(*self._chosen)
        if self._sample is not None:
            view.choose_sample(self._sample)
        return self._shown(view)

    def _make_state_view(self) -> OptimizerStateView:
        from gui.optimizer_state_view import OptimizerStateView

        view = OptimizerStateView()
        if self._chosen is not None:
            view.choose(*self._chosen)
        return self._shown(view)

    def _make_graph_page(self) -> QScrollArea:
        from gui.graph_view import GraphView

        view = GraphView()
        if self._sample is not None:
            view.choose_sample(self._sample)
        self._shown(view)
        page = QScrollArea()
        page.setWidget(view)
        page.setWidgetResizable(True)
        page.setFrameShape(QScrollArea.Shape.NoFrame)
        return page

    def _make_check_view(self) -> GradientCheckView:
        from gui.gradient_check_view import GradientCheckView

        view = GradientCheckView()
        view.set_running(self._running)
        view.set_presenting(self._presenting)
        view.legend.setFont(self._legend_font)
        return self._shown(view)

    def _view(self, page: QWidget) -> QWidget:
        """The view a page holds (made now if it is not yet)."""
        return self.graph_view if page is self.graph_page else page.widget if isinstance(page, Deferred) else page

    # ---- what the window tells them

    def choose(self, name: str, index: tuple[int, ...]) -> None:
        """The parameter entry whose trajectory, chain rule and update the views show."""
        self._chosen = name, tuple(index)
        self.trajectory_panel.choose(name, index)
        for page in (self.chain_page, self.state_page):
            if page.is_made:
                page.widget.choose(name, index)

    def choose_sample(self, place: int) -> None:
        """The chain rule and the graph follow the sample at `place` (0-based) in the batch."""
        self._sample = place
        self.trajectory_panel.choose_sample(place)
        if self.chain_page.is_made:
            self.chain_view.choose_sample(place)
        if self.graph_page.is_made:
            self.graph_view.choose_sample(place)

    def set_running(self, running: bool) -> None:
        self._running = running
        if self.check_page.is_made:
            self.check_view.set_running(running)

    def set_presenting(self, presenting: bool, legend_font: QFont) -> None:
        self._presenting, self._legend_font = presenting, legend_font
        if self.check_page.is_made:
            self.check_view.set_presenting(presenting)
            self.check_view.legend.setFont(legend_font)

    def show_state(self, session: Session, evaluation: Evaluation, shown: Shown, check_lent: bool) -> None:
        """Only the view on show, and the check while the stage has it: the others catch up when they show."""
        page = self.currentWidget()
        if page is not None:
            self._view(page).show_state(session, evaluation, shown)
        if check_lent:
            self.check_view.show_state(session, evaluation, shown)
