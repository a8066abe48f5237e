"""The main window: panels, a tool bar and a status bar over one SessionController.

Its constructor reads as a table of contents: the panels, the two layouts they move between (gui.window_layouts),
the tool bar (gui.tool_bar), the menus (gui.window_actions), what repaints when (gui.refresh), the settings. The
rest is the actions' slots and the window's reactions to the session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.init import Init
from core.lessons import DIVERGENCE
from core.scenarios import Scenario
from core.session import Session
from core.state import SessionState
from gui.autosave import Autosave
from gui.banner import Banner
from gui.break_menu import BreakMenu
from gui.controller import SessionController
from gui.deferred import Deferred
from gui.detail_tabs import DetailTabs
from gui.export_actions import ExportActions
from gui.first_size import open_first
from gui.gradient_panel import GradientPanel
from gui.grid import Grid
from gui.i18n import core_text, error_text, sentences
from gui.language import Language
from gui.loss_plot import LossPlot
from gui.network_panel import NetworkPanel
from gui.phase_bar import PhaseBar
from gui.phases import Phase, PhaseStepper, known
from gui.presentation import Projection
from gui.refresh import RefreshScheduler
from gui.runner import Runner
from gui.session_files import SessionFiles
from gui.settings_panel import SettingsPanel
from gui.shortcuts_sheet import ShortcutsSheet
from gui.tool_bar import PLAY_SPEEDS, TrainingBar
from gui.window_actions import WindowActions
from gui.window_layouts import Desk, Stage, TabLoan, name_tabs

if TYPE_CHECKING:  # imported with their pages, when those first show: start-up imports only what it shows
    from gui.accuracy_plot import AccuracyPlot
    from gui.chain_rule_view import ChainRuleView
    from gui.decision_plot import DecisionPlot
    from gui.grad_norm_plot import GradNormPlot
    from gui.gradient_check_view import GradientCheckView
    from gui.graph_view import GraphView
    from gui.landscape_plot import LandscapePlot
    from gui.neuron_pictures import NeuronPictures
    from gui.optimizer_state_view import OptimizerStateView

ACCURACY_ROOM = 330  # pixels: on a shorter loss tab the accuracy strip (a third) gives its room to the loss
READOUT_SCALE = 1.5  # in presentation mode, step and loss are this much larger than the tables' numbers
TOOL_BAR_SCALE = 0.75  # and the tool bar this much smaller, so that it fits across 1920 pixels


class MainWindow(QMainWindow):
    """What a student clicks at a desk and a lecturer projects."""

    firstPainted = Signal()

    def __init__(self, controller: SessionController, settings: QSettings | None = None,
                 autosave: Autosave | None = None, language: Language | None = None):
        super().__init__()
        self.controller = controller
        self._settings = settings if settings is not None else QSettings()
        self.language = language if language is not None else Language(self)
        self._runner = Runner(controller, self)
        self.files = SessionFiles(controller, self, self._settings)
        self.autosave = autosave  # None: no autosave (tests, benchmarks)
        self._painted = False
        self._seed_of: Init | None = None  # the initialization whose seed the tool bar's box shows
        self._drawn: SessionState | None = None  # the state the last draw from the tool bar's seed made
        self._create_panels()
        self._create_layouts()
        self.projection = Projection(self, [self.settings_panel, self.detail_tabs, self.statusBar()],
                                     self._apply_own_fonts, self._arrange)
        self.phases = PhaseStepper(controller, self._step_once, self)
        self.commands = WindowActions(self)
        self.commands.fill_menus(self.menuBar(), self.exports.menu, controller.session.undo_limit)
        self.break_menu = BreakMenu(controller, self)
        self.commands.menus["train"].addMenu(self.break_menu)
        self._create_tool_bar()
        self._create_status_bar()
        self._schedule_refreshes()
        self._connect_session()
        self._read_settings()
        self.retranslate()
        self.refresh()
        self._focus_holder.setFocus()  # not a table or a text field: Space and → reach the Step shortcut

    # ---- construction

    def _create_panels(self) -> None:
        c = self.controller
        self.banner = Banner()
        self.phase_bar = PhaseBar()
        self.network_panel = NetworkPanel(c)
        self.gradient_panel = GradientPanel()
        self.detail_tabs = DetailTabs(lambda: (c.session, c.session.evaluate(), self.phases.shown))
        self.trajectory_panel = self.detail_tabs.trajectory_panel
        self.settings_panel = SettingsPanel(c)
        self.loss_plot = LossPlot()
        # the other plots are made when they first show (start-up makes only what its first paint shows)
        self.accuracy_page = Deferred(self._make_accuracy_plot)  # a strip under the loss, for bce and ce
        # a third of the loss tab, which it never makes taller (a short window keeps the settings above unsquashed)
        self.accuracy_page.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.accuracy_page.hide()
        self.loss_page = QWidget()
        loss_page = QVBoxLayout(self.loss_page)
        loss_page.setContentsMargins(0, 0, 0, 0)
        loss_page.addWidget(self.loss_plot, 2)
        loss_page.addWidget(self.accuracy_page, 1)
        self.loss_page.installEventFilter(self)  # resized: the accuracy strip shows if it leaves the loss room
        self.decision_page = Deferred(self._make_decision_plot)
        self.neurons_page = Deferred(self._make_neuron_pictures)
        self.norms_page = Deferred(self._make_grad_norm_plot)
        self.landscape_page = Deferred(self._make_landscape)
        self.plot_pages = {"loss": self.loss_page, "decision": self.decision_page, "hidden": self.neurons_page,
                           "norms": self.norms_page, "landscape": self.landscape_page}
        self.plot_tabs = QTabWidget()
        self.plot_tabs.setObjectName("plotTabs")
        for page in self.plot_pages.values():
            self.plot_tabs.addTab(page, "")
        self.exports = ExportActions(c, self.loss_plot, self, self._settings)

    def _make_accuracy_plot(self) -> AccuracyPlot:
        from gui.accuracy_plot import AccuracyPlot

        plot = AccuracyPlot()
        plot.set_compact(True)
        return self._made(plot)

    def _make_decision_plot(self) -> DecisionPlot:
        from gui.decision_plot import DecisionPlot

        return self._made(DecisionPlot())

    def _make_neuron_pictures(self) -> NeuronPictures:
        from gui.neuron_pictures import NeuronPictures

        return self._made(NeuronPictures())

    def _make_grad_norm_plot(self) -> GradNormPlot:
        from gui.grad_norm_plot import GradNormPlot

        return self._made(GradNormPlot())

    def _make_landscape(self) -> LandscapePlot:
        from gui.landscape_plot import LandscapePlot

        plot = LandscapePlot()
        plot.set_projection(self.projection.font(), self.projection.presenting)
        plot.show_state(self.controller.session, self.controller.session.evaluate())
        return plot

    def _made(self, plot: QWidget) -> QWidget:
        """A deferred plot, just made (shown, or asked for, after construction): in the window's type, showing the
        current state."""
        plot.set_projection(self.projection.font(), self.projection.presenting)
        session = self.controller.session
        plot.show_state(session, session.evaluate(), self.phases.shown)
        return plot

    def _show_accuracy(self) -> None:
        """The accuracy strip under the loss: counted for classification only, and only where the loss keeps room
        (projected, the loss has the little height the stage has)."""
        self.accuracy_page.setVisible(self.controller.session.problem.network.loss != "mse"
                                      and not self.projection.presenting
                                      and self.loss_page.height() >= ACCURACY_ROOM)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.loss_page and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._show_accuracy()
        return super().eventFilter(watched, event)

    def _deferred_plots(self) -> list[Deferred]:
        """The plot pages made when they first show: every plot but the loss."""
        return [self.accuracy_page, self.decision_page, self.neurons_page, self.norms_page, self.landscape_page]

    def finish_in_idle_time(self) -> None:
        """After the first paint (gui.app): the pages not made yet, one per turn of the event loop so that a click
        never waits long, until every tab opens at once and every named widget exists."""
        pending = [page for page in (*self.detail_tabs.deferred, *self._deferred_plots()) if not page.is_made]
        if pending:
            pending[0].widget  # noqa: B018 (made now)
            QTimer.singleShot(0, self, self.finish_in_idle_time)

    @property
    def accuracy_plot(self) -> AccuracyPlot:
        return self.accuracy_page.widget

    @property
    def decision_plot(self) -> DecisionPlot:
        return self.decision_page.widget

    @property
    def neuron_pictures(self) -> NeuronPictures:
        return self.neurons_page.widget

    @property
    def grad_norm_plot(self) -> GradNormPlot:
        return self.norms_page.widget

    @property
    def landscape(self) -> LandscapePlot:
        return self.landscape_page.widget

    @property
    def check_view(self) -> GradientCheckView:
        return self.detail_tabs.check_view

    @property
    def chain_view(self) -> ChainRuleView:
        return self.detail_tabs.chain_view

    @property
    def state_view(self) -> OptimizerStateView:
        return self.detail_tabs.state_view

    @property
    def graph_view(self) -> GraphView:
        return self.detail_tabs.graph_view

    def _create_layouts(self) -> None:
        """The desk and the presentation stage, one shown at a time, with messages along the bottom: when they come,
        go or change, nothing above them moves."""
        self.desk = Desk([self.network_panel, self.gradient_panel], self.detail_tabs, self.settings_panel,
                         self.plot_tabs, self)
        self.stage = Stage(self)
        self._check_loan = TabLoan(self.detail_tabs, self.detail_tabs.check_page)  # on the stage for a layered network
        self._decision_loan = TabLoan(self.plot_tabs, self.decision_page)
        self._staged: tuple[bool, bool] | None = None  # the stage's arrangement, for _stage_for
        # the plot and the detail view on show, and the numbers' scroll, when the stage took the desk's panels
        self._desk_view: tuple[QWidget, QWidget, int] = (self.loss_page, self.trajectory_panel, 0)
        self.splitter, self._left_scroll, self._focus_holder = self.desk.splitter, self.desk.scroll, \
            self.desk.focus_holder
        self.readout = self.stage.readout
        self._central = QStackedWidget()
        self._central.addWidget(self.desk.splitter)
        self._central.addWidget(self.stage.scroll)
        centre = QWidget()
        messages = QVBoxLayout(centre)
        messages.setContentsMargins(0, 0, 0, 0)
        messages.setSpacing(0)
        messages.addWidget(self._central, 1)
        messages.addWidget(self.phase_bar)
        messages.addWidget(self.banner)
        self.setCentralWidget(centre)

    def _create_tool_bar(self) -> None:
        self.training_bar = TrainingBar(self.commands, self.controller.error.emit, self)
        self.addToolBar(self.training_bar)
        self.run_count, self.speed, self.seed = self.training_bar.run_count, self.training_bar.speed, \
            self.training_bar.seed
        self.speed.currentIndexChanged.connect(lambda: self._runner.set_speed(self.speed.currentData()))
        self.seed.valueChanged.connect(self._draw_with)  # (a value shown from the session is set signals blocked)
        self.seed.lineEdit().returnPressed.connect(self._on_seed_entered)

    def _schedule_refreshes(self) -> None:
        """The number panels repaint in turn while running; the plot and the status bar every frame."""
        self.refresher = RefreshScheduler(lambda: self.controller.session, lambda: self._runner.running, self)
        self._refresh_timer = self.refresher.timer
        self.refresher.add_panel(lambda s, e: self.network_panel.show_state(s, e, self.phases.shown))
        self.refresher.add_panel(lambda s, e: self.gradient_panel.show_state(e))
        self.refresher.add_panel(self._show_details)
        self.refresher.add_panel(lambda s, e: self.settings_panel.show_state(s))
        self.refresher.add_panel(self._show_lessons)
        self.refresher.add_follower(self._show_history)
        for page in self._deferred_plots():
            if page is self.landscape_page:  # a panel, in turn (_show_details): its surface costs more than a frame
                continue
            self.refresher.add_follower(lambda s, e, page=page: page.is_made and page.isVisible() and
                                        page.widget.show_state(s, e, self.phases.shown))
        self.refresher.add_follower(self._show_status)

    def _create_status_bar(self) -> None:
        status = self.statusBar()
        self.step_label, self.loss_label, self.optimizer_label = QLabel(), QLabel(), QLabel()
        self.step_label.setObjectName("statusStep")
        self.loss_label.setObjectName("statusLoss")
        self.optimizer_label.setObjectName("statusOptimizer")
        self.progress = QProgressBar()
        self.progress.setObjectName("runProgress")
        self.progress.setMaximumWidth(180)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelRunButton")
        self.cancel_button.clicked.connect(self._runner.stop)
        for widget in (self.progress, self.cancel_button):
            widget.hide()
            status.addPermanentWidget(widget)
        for label in (self.step_label, self.loss_label, self.optimizer_label):
            status.addPermanentWidget(label)

    def retranslate(self) -> None:
        """Every fixed text of the window in the current language (panels retranslate themselves)."""

        self.controller.retranslate()
        self.commands.retranslate()
        self.files.retranslate()
        self.exports.retranslate()
        self.cancel_button.setText(self.tr("Cancel"))
        loans = [self._check_loan, self._decision_loan]
        name_tabs(self.detail_tabs, dict(zip(self.detail_tabs.pages, [
            self.tr("Both trajectories"), self.tr("Chain rule"), self.tr("Optimizer state"),
            self.tr("Computation graph"), self.tr("Gradient check")])), loans)
        name_tabs(self.plot_tabs, dict(zip(self.plot_pages.values(), [
            self.tr("Loss"), self.tr("Decision boundary"), self.tr("Hidden units"), self.tr("Gradient norms"),
            self.tr("Loss landscape")])), loans)
        for action in self.commands.languages.actions():
            action.setChecked(action.objectName() == f"language_{self.language.code}")

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            QTimer.singleShot(0, self, self.refresh)  # after every panel has had its own LanguageChange
        elif event.type() == QEvent.Type.WindowStateChange:
            self._tick_full_screen()
        super().changeEvent(event)

    def _tick_full_screen(self) -> None:
        """View → Full screen ticked exactly while the window is full screen, whoever made it so (F11,
        presentation mode, the window manager)."""
        with QSignalBlocker(self.commands.full_screen):
            self.commands.full_screen.setChecked(self.isFullScreen())

    def _connect_session(self) -> None:
        c = self.controller
        c.changed.connect(self.refresher.soon)
        c.error.connect(self._on_error)
        c.accepted.connect(self._on_accepted)
        c.torchReady.connect(self._on_torch_ready)
        self._runner.runningChanged.connect(self._on_running)
        self._runner.progress.connect(self._on_progress)
        self._runner.diverged.connect(self._on_diverged)
        self.loss_plot.log_y.toggled.connect(self.commands.log.setChecked)
        self.banner.undoRequested.connect(self.commands.undo.trigger)
        self.break_menu.reported.connect(self._on_mistake_reported)
        for view in (self.detail_tabs, self.gradient_panel):  # central differences wait while stepping runs
            self._runner.runningChanged.connect(view.set_running)
        self.detail_tabs.currentChanged.connect(lambda: self.refresh())
        self.plot_tabs.currentChanged.connect(lambda: self.refresh())
        self.phases.changed.connect(self.refresh)  # every view shows what the new phase has computed
        self.projection.changed.connect(self._on_projection_changed)
        self.language.changed.connect(lambda code: self._settings.setValue("ui/language", code))
        for panel in (self.network_panel, self.gradient_panel):
            panel.parameterChosen.connect(self.choose_parameter)
        self.settings_panel.data_panel.followedSampleChanged.connect(self._follow_sample)
        self.detail_tabs.sampleChosen.connect(self._follow_place)
        self._set_stepping_enabled(c.session.torch_ready)
        self.commands.cancel.setEnabled(False)  # nothing to stop yet
        if not c.session.torch_ready:
            self.statusBar().showMessage(self.tr("Loading torch… the hand-written side is ready to edit."))

    # ---- settings

    def _read_settings(self) -> None:
        s = self._settings
        geometry = s.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            open_first(self)
        self.loss_plot.log_y.setChecked(s.value("plot/logY", False, type=bool))
        self.run_count.setValue(s.value("run/count", 100, type=int))
        self.speed.setCurrentIndex(min(s.value("play/speedIndex", 2, type=int), len(PLAY_SPEEDS) - 1))
        self.projection.set_zoom(s.value("ui/zoom", 1.0, type=float))
        self.detail_tabs.setCurrentIndex(s.value("ui/detailTab", 0, type=int))

    def _write_settings(self) -> None:
        s = self._settings
        if self.projection.presenting:
            self.set_presenting(False)  # the geometry to remember is the desk one
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("plot/logY", self.loss_plot.log_y.isChecked())
        s.setValue("run/count", self.run_count.value())
        s.setValue("play/speedIndex", self.speed.currentIndex())
        s.setValue("ui/zoom", self.projection.zoom)
        s.setValue("ui/detailTab", self.detail_tabs.currentIndex())
        s.sync()

    def closeEvent(self, event) -> None:
        self._runner.stop()
        if not self.files.maybe_save():
            event.ignore()
            return
        if self.autosave is not None:
            self.autosave.discard()
        self._write_settings()
        event.accept()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.firstPainted.emit)

    # ---- actions

    def step(self) -> None:
        """Step: one update of both engines, or in phases the next phase."""
        if self.phases.on:
            self._runner.stop()
            self.phases.advance()
        else:
            self._step_once()

    def _step_once(self) -> None:
        self._runner.stop()
        outcome = self.controller.step(1)
        if outcome is not None and outcome.divergence:
            self._on_diverged(outcome.divergence)

    def run(self) -> None:
        self._runner.run(self.run_count.value())

    def play(self, on: bool) -> None:
        if on and not self._runner.playing:
            self._runner.play(self.speed.currentData())
        elif not on:
            self._runner.stop()

    def stop(self) -> None:
        self._runner.stop()

    def reset(self) -> None:
        self._runner.stop()
        self.banner.hide()
        self.controller.perform(Session.reset)

    def randomize(self) -> None:
        """New parameters: drawn with the next seed (the box shows it, as the Network tab does)."""
        self._draw_with((self.controller.session.state.init.seed + 1) % (self.seed.maximum() + 1))

    def _on_seed_entered(self) -> None:
        """Enter in the seed box draws with its seed even when it is the current one: back to that start, unless
        the session still is the draw (a new seed typed was drawn with as it changed)."""
        if self.controller.session.state is not self._drawn:
            self._draw_with(self.seed.value(), again=True)

    def _draw_with(self, seed: int, again: bool = False) -> None:
        """The parameters drawn with `seed`, one undoable action (a seed typed in the tool bar's box, Randomize W);
        the current seed only `again`."""
        if seed == self.controller.session.state.init.seed and not again:
            return
        self._runner.stop()
        self.banner.hide()
        self.controller.perform(Session.randomize, seed)
        self._drawn = self.controller.session.state

    def set_phases(self, on: bool) -> None:
        self._runner.stop()
        self.phases.set_on(on)

    def set_forgetful(self, on: bool) -> None:
        self._runner.stop()
        self.controller.perform(Session.set_forgetful, on)

    def load_scenario(self, scenario: Scenario) -> None:
        """One click, one undo entry: the whole session replaced by the scenario's, seen in the scale it needs."""
        self._runner.stop()
        self.banner.hide()
        if self.controller.perform(Session.replace_state, scenario.make(), scenario.title):
            self.loss_plot.log_y.setChecked(scenario.log_loss)
            self.loss_plot.follow.setChecked(True)
            page = self.plot_pages[scenario.view]
            if self.plot_tabs.indexOf(page) >= 0:  # (on the stage, the boundary has its own place)
                self.plot_tabs.setCurrentWidget(page)
            self.banner.inform(self.tr("<b>%1.</b> %2").replace("%1", core_text(scenario.title))
                               .replace("%2", core_text(scenario.description)))

    def set_language(self, code: str) -> None:
        try:
            self.language.set(code)
        except ValueError as e:
            self.controller.error.emit(error_text(e))

    def set_full_screen(self, on: bool) -> None:
        self.setWindowState(self.windowState() | Qt.WindowState.WindowFullScreen if on
                            else self.windowState() & ~Qt.WindowState.WindowFullScreen)

    def set_presenting(self, on: bool) -> None:
        self.projection.set_presenting(on)
        self.commands.presentation.setChecked(on)
        self._enable_leaving()

    def _enable_leaving(self) -> None:
        """Esc stops a run; with nothing running it leaves presentation mode (one action has the key at a time)."""
        self.commands.leave_presentation.setEnabled(self.projection.presenting and not self._runner.running)

    def choose_parameter(self, name: str, index: tuple[int, ...]) -> None:
        """The parameter entry (W₂[1,3], b₁[2], …) whose chain rule, update and trajectory the detail views show."""
        if min(index, default=0) < 0:
            return
        self.detail_tabs.choose(name, index)
        self._show_details(self.controller.session, self.controller.session.evaluate())

    def choose_cell(self, i: int, j: int) -> None:
        """The weight w_ij of W₁ (the one-layer tool's W)."""
        self.choose_parameter("W1", (i, j))

    def show_shortcuts(self) -> None:
        ShortcutsSheet(self.commands.shortcut_actions(), self.tr(
            "→ and ← move between cells while a table has the keyboard; click beside the tables (or press "
            "PageDown / PageUp, as a presentation clicker does) to step and undo from anywhere."), self).exec()

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About backprop stepper"), self.tr(
            "<b>backprop stepper</b><br>dL/dW by the chain rule in numpy, by torch autograd and by central "
            "differences, side by side; each step by a hand-written optimizer and by torch.optim."))

    # ---- reactions

    def refresh(self) -> None:
        """Show the session's current state in every panel."""
        self.refresher.refresh()
        self._show_phase()

    def _show_history(self, session: Session, evaluation) -> None:
        self._restage(session)
        self._show_accuracy()
        self.loss_plot.show_history(session.state.trace, evaluation.forward.loss,
                                    evaluation.torch.loss if evaluation.torch is not None else None,
                                    evaluation.forgetful_loss, session.state.edits)

    def _show_status(self, session: Session, evaluation) -> None:
        s = session.state
        self.step_label.setText(self.tr("step %1").replace("%1", str(s.step)))
        self.loss_label.setText(self.tr("loss %1").replace("%1", known(evaluation.forward.loss, 8,
                                                                      self.phases.shown.forward)))
        self.stage.show_readout(self.step_label.text(), self.loss_label.text())
        self.optimizer_label.setText(f"{s.optimizer.info.label}, {s.problem.dtype}")
        if s.init != self._seed_of:  # one seed, shown by the tool bar and the Network tab alike
            self._seed_of = s.init
            with QSignalBlocker(self.seed):
                self.seed.setValue(min(s.init.seed, self.seed.maximum()))
        self.commands.name_undo_redo()
        with QSignalBlocker(self.commands.forgetful):
            self.commands.forgetful.setChecked(s.forgetful is not None)
        if session.divergence() is None and self.banner.undo_button.isVisible():
            self.banner.hide()  # undone back to a finite state

    def _show_details(self, session: Session, evaluation) -> None:
        """Only the detail view and the plot tab on show: the others catch up when their tab is chosen. The chain
        rule and the graph follow the forward pass's sample whenever the batch the next step takes holds it."""
        place = evaluation.place(self.network_panel.followed)
        if place is not None:
            self.detail_tabs.choose_sample(place)
        self.detail_tabs.show_state(session, evaluation, self.phases.shown, self._check_loan.lent)
        if self.plot_tabs.currentWidget() is self.landscape_page:
            self.landscape.show_state(session, evaluation)

    def _show_lessons(self, session: Session, evaluation) -> None:
        self.network_panel.show_lessons([lesson.text(core_text) for lesson in evaluation.lessons],
                                        evaluation.saturated)

    def _show_phase(self) -> None:
        """In phases: what the current phase computed is outlined, what it has not computed yet is greyed."""
        on, phase, shown = self.phases.on, self.phases.phase, self.phases.shown
        self.phase_bar.setVisible(on)
        n, g = self.network_panel, self.gradient_panel
        parameters = list(n.parameter_views.values())
        computed = {Phase.FORWARD: n.forward_views, Phase.BACKWARD: g.views(), Phase.UPDATED: parameters}
        for view in [*n.forward_views, *parameters, *g.views()]:
            view.set_highlighted(on and view in computed.get(phase, []))
        for view in n.forward_views:
            view.set_pending(not shown.forward)
        n.loss_label.setEnabled(shown.forward)
        g.set_pending(not shown.backward)
        if not on:
            return
        session = self.controller.session
        self.phase_bar.show_phase(phase, session.state, session.evaluate())

    def _apply_own_fonts(self, font: QFont, presenting: bool) -> None:
        """What does not simply take the window's font: the plots draw their own, and while projected, step and
        loss are larger and the tool bar smaller (it fits across the screen; the back row reads the numbers)."""
        made = [page.widget for page in self._deferred_plots() if page.is_made]
        for plot in (self.loss_plot, *made):
            plot.set_projection(font, presenting)
        pixels = QFontInfo(font).pixelSize()
        readout = QFont(font)
        readout.setPixelSize(round(READOUT_SCALE * pixels))
        readout.setBold(True)
        self.readout.setFont(readout)
        tool_bar = QFont(font)
        tool_bar.setPixelSize(round(TOOL_BAR_SCALE * pixels))
        self.training_bar.setFont(tool_bar if presenting else QFont())  # QFont(): the window's, whatever it is
        # the check's legend is a key to the colours, not numbers
        self.detail_tabs.set_presenting(presenting, tool_bar if presenting else QFont())

    def _arrange(self, presenting: bool) -> None:
        """Move the panels between the desk layout and the presentation stage (widgets keep their state)."""
        if presenting:
            # the desk as it was left, to come back to: the plot and the detail view on show (the stage may borrow
            # either's page) and how far the numbers were scrolled
            self._desk_view = (self.plot_tabs.currentWidget(), self.detail_tabs.currentWidget(),
                               self.desk.scroll.verticalScrollBar().value())
            self._stage_panels()
            self._central.setCurrentWidget(self.stage.scroll)
        else:
            self.stage.release()
            self._check_loan.give_back()
            self._decision_loan.give_back()
            self.desk.take_back([self.network_panel, self.gradient_panel], self.plot_tabs)
            self._central.setCurrentWidget(self.desk.splitter)
            page, detail, scrolled = self._desk_view
            for tabs, shown in ((self.plot_tabs, page), (self.detail_tabs, detail)):
                if tabs.indexOf(shown) >= 0:
                    tabs.setCurrentWidget(shown)
            # once the panels are laid out at the desk again
            QTimer.singleShot(0, self, lambda: self.desk.scroll.verticalScrollBar().setValue(scrolled))
        self.plot_tabs.tabBar().setVisible(not presenting)
        self.gradient_panel.show_numeric(not presenting)  # two witnesses fit across the screen
        # on the stage the plots take the height left over: their wish for more would make the whole stage scroll
        for plots in (self.plot_tabs, self.decision_page):
            plots.setSizePolicy(QSizePolicy.Policy.Expanding,
                                QSizePolicy.Policy.Ignored if presenting else QSizePolicy.Policy.Expanding)
        self.menuBar().setVisible(not presenting)  # every command keeps its shortcut; F5 leaves
        for grid in self.findChildren(Grid):  # a digit fewer: the row of grids then fits across the screen
            grid.model().set_compact(presenting)
        (self.stage.widget if presenting else self._focus_holder).setFocus()

    @staticmethod
    def _stage_for(network) -> tuple[bool, bool]:
        """(layered, with its decision boundary): a one-layer network without bias under mse is the seed's
        lecture, its gradients on the stage; any other shows its gradient check and, for one or two inputs, its
        decision boundary, with its gradients below."""
        layered = network.layers > 1 or network.bias or network.loss != "mse"
        return layered, layered and network.n_in <= 2

    def _stage_panels(self) -> None:
        """The stage for the session's network."""
        self._staged = layered, planar = self._stage_for(self.controller.session.problem.network)
        (self._decision_loan.take if planar else self._decision_loan.give_back)()
        if layered:
            self.stage.take_layered(self.network_panel, self.gradient_panel, self.plot_tabs,
                                    self._check_loan.take(), self.decision_page if planar else None)
        else:
            self._check_loan.give_back()
            self.stage.take(self.network_panel, self.gradient_panel, self.plot_tabs)
        self.plot_tabs.setCurrentWidget(self.loss_page)

    def _restage(self, session: Session) -> None:
        """Another kind of network while presenting (a scenario, a file): the stage for it."""
        if self.projection.presenting and self._staged != self._stage_for(session.problem.network):
            self._stage_panels()

    def _on_projection_changed(self) -> None:
        self.network_panel.updateGeometry()
        self.refresh()

    def _set_stepping_enabled(self, on: bool) -> None:
        for action in (self.commands.step, self.commands.run, self.commands.play):
            action.setEnabled(on)

    def _on_torch_ready(self) -> None:
        self._set_stepping_enabled(True)
        self.statusBar().showMessage(self.tr("torch is ready."), 3000)

    def _follow_sample(self, sample: int) -> None:
        """The forward pass shows another sample of the data (chosen in the data table); so do the chain rule and
        the graph when the batch the next step takes holds it (_show_details)."""
        self.network_panel.set_followed(sample)
        self.refresh()

    def _follow_place(self, place: int) -> None:
        """The chain rule follows another sample of the batch: so do the forward pass, the data table and the
        graph (through the data table's choice, as if it had been made there)."""
        rows = self.controller.session.evaluate().rows
        if 0 <= place < len(rows):
            self.settings_panel.data_panel.follow_spin.setValue(int(rows[place]) + 1)

    def _on_mistake_reported(self, text: str) -> None:
        """A mistake chosen or repaired: the banner says what it is and what the check shows, and the check's tab
        opens to show it."""
        self.banner.inform(text)
        if not self._check_loan.lent:  # (on the stage it is in sight)
            self.detail_tabs.setCurrentWidget(self.detail_tabs.check_page)

    def _on_error(self, message: str) -> None:
        self.banner.warn(message)
        self.statusBar().showMessage(message, 8000)

    def _on_accepted(self) -> None:
        """An entry was taken: a refusal still shown is answered (a divergence or a scenario's note stays)."""
        refusal = self.banner.withdraw_refusal()
        if refusal and self.statusBar().currentMessage() == refusal:
            self.statusBar().clearMessage()

    def _on_running(self, running: bool) -> None:
        self.progress.setVisible(running and not self._runner.playing)
        self.cancel_button.setVisible(running)
        self.commands.cancel.setEnabled(running)
        self._enable_leaving()
        if not running and self.commands.play.isChecked():
            self.commands.play.setChecked(False)
        if not running:
            self.refresh()

    def _on_progress(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _on_diverged(self, reason: str) -> None:
        self.commands.play.setChecked(False)
        self.banner.alarm(sentences(self.tr("Stepping stopped: %1. The last finite state is one Undo away.")
                                    .replace("%1", core_text(reason)[:1].upper() + core_text(reason)[1:]),
                                    core_text(DIVERGENCE)))
