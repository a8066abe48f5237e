"""The main window: actions, panels and a status bar over one SessionController."""

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QComboBox, QLabel, QLineEdit, QMainWindow, QMessageBox, QProgressBar, QPushButton,
                               QSpinBox, QSplitter, QVBoxLayout, QWidget)

from core.session import Session
from gui.autosave import Autosave
from gui.banner import Banner
from gui.controller import SessionController
from gui.export_actions import ExportActions
from gui.gradient_panel import GradientPanel
from gui.loss_plot import LossPlot
from gui.network_panel import NetworkPanel
from gui.runner import Runner
from gui.session_files import SessionFiles
from gui.settings_panel import SettingsPanel
from gui.style import short_number
from gui.trajectory_panel import TrajectoryPanel

PLAY_SPEEDS = [1, 5, 20, 100, 1000, None]  # steps per second; None = as fast as the engines go
MAX_RUN = 1_000_000


class MainWindow(QMainWindow):
    """What a student clicks at a desk and a lecturer projects."""

    firstPainted = Signal()

    def __init__(self, controller: SessionController, settings: QSettings | None = None,
                 autosave: Autosave | None = None):
        super().__init__()
        self._controller = controller
        self._settings = settings if settings is not None else QSettings()
        self._runner = Runner(controller, self)
        self.files = SessionFiles(controller, self, self._settings)
        self.autosave = autosave  # None: no autosave (tests, benchmarks)
        self._painted = False
        self._create_actions()
        self._create_panels()
        self._create_menus()
        self._create_tool_bars()
        self._create_status_bar()
        self._connect_session()
        self._read_settings()
        self.refresh()
        self.network_panel.weight_view.setFocus()  # not a text field: Space must reach the Step shortcut

    # ---- construction

    def _action(self, name: str, text: str, slot, shortcuts=(), tip: str = "", checkable: bool = False) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setToolTip(f"{tip or text} ({', '.join(QKeySequence(s).toString() for s in shortcuts)})"
                          if shortcuts else tip or text)
        action.setStatusTip(tip or text)
        action.setCheckable(checkable)
        (action.toggled if checkable else action.triggered).connect(slot)
        return action

    def _create_actions(self) -> None:
        c = self._controller
        self.step_action = self._action("actionStep", self.tr("Step"), self.step, ["Space"],
                                        self.tr("One update of both engines"))
        self.run_action = self._action("actionRun", self.tr("Run"), self.run, ["Ctrl+R"],
                                       self.tr("Run the number of steps beside this button"))
        self.play_action = self._action("actionPlay", self.tr("Play"), self.play, ["Ctrl+P"],
                                        self.tr("Step continuously at the chosen speed"), checkable=True)
        self.cancel_action = self._action("actionCancel", self.tr("Stop"), self._runner.stop, ["Esc"],
                                          self.tr("Stop a run or play"))
        self.undo_action = c.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setObjectName("actionUndo")
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = c.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setObjectName("actionRedo")
        self.redo_action.setShortcuts(QKeySequence.StandardKey.Redo)
        for action in (self.undo_action, self.redo_action):
            action.triggered.connect(self._runner.stop)
        self.reset_action = self._action("actionReset", self.tr("Reset"), self.reset, ["Ctrl+Shift+R"],
                                         self.tr("Back to step 0 at the start weights"))
        self.randomize_action = self._action("actionRandomize", self.tr("Randomize W"), self.randomize, ["Ctrl+D"],
                                             self.tr("W as torch.nn.Linear has it after torch.manual_seed(seed)"))
        self.log_action = self._action("actionLogScale", self.tr("Logarithmic loss axis"),
                                       lambda on: self.loss_plot.log_y.setChecked(on), ["Ctrl+L"], checkable=True)
        self.quit_action = self._action("actionQuit", self.tr("Quit"), self.close, [QKeySequence.StandardKey.Quit])
        for action in (self.step_action, self.run_action, self.play_action, self.cancel_action, self.undo_action,
                       self.redo_action, self.reset_action, self.randomize_action, self.log_action,
                       self.files.open_action, self.files.save_action, self.files.save_as_action):
            self.addAction(action)  # shortcuts work wherever the focus is in the window

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.files.open_action)
        file_menu.addMenu(self.files.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.files.save_action, self.files.save_as_action])
        file_menu.addMenu(self.exports.menu)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit = bar.addMenu(self.tr("&Edit"))
        edit.addActions([self.undo_action, self.redo_action])
        limit = edit.addAction(self.tr("Undo keeps the last %1 actions (a Run or a Play is one)")
                               .replace("%1", str(self._controller.session.undo_limit)))
        limit.setObjectName("undoLimitNote")
        limit.setEnabled(False)
        train = bar.addMenu(self.tr("&Train"))
        train.addActions([self.step_action, self.run_action, self.play_action, self.cancel_action])
        train.addSeparator()
        train.addActions([self.reset_action, self.randomize_action])
        view = bar.addMenu(self.tr("&View"))
        view.addAction(self.log_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("About"), self._about)

    def _create_tool_bars(self) -> None:
        bar = self.addToolBar(self.tr("Training"))
        bar.setObjectName("trainingToolBar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.run_count = QSpinBox()
        self.run_count.setObjectName("runCountSpin")
        self.run_count.setAccessibleName(self.tr("Steps to run"))
        self.run_count.setRange(1, MAX_RUN)
        self.run_count.setValue(100)
        self.run_count.setSuffix(self.tr(" steps"))
        self.speed = QComboBox()
        self.speed.setObjectName("playSpeedCombo")
        self.speed.setAccessibleName(self.tr("Play speed"))
        for s in PLAY_SPEEDS:
            self.speed.addItem(self.tr("%1 steps/s").replace("%1", str(s)) if s else self.tr("full speed"), s)
        self.speed.setCurrentIndex(2)
        self.speed.currentIndexChanged.connect(lambda: self._runner.set_speed(self.speed.currentData()))
        self.seed = QSpinBox()
        self.seed.setObjectName("seedSpin")
        self.seed.setAccessibleName(self.tr("Seed"))
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setPrefix(self.tr("seed "))
        self._explain_refusals(self.run_count, self.tr("Steps to run: a whole number from 1 to %1")
                               .replace("%1", f"{MAX_RUN:,}"))
        self._explain_refusals(self.seed, self.tr("Seed: a whole number from 0 to %1").replace("%1", f"{2**31 - 1:,}"))
        bar.addAction(self.step_action)
        bar.addSeparator()
        bar.addAction(self.run_action)
        bar.addWidget(self.run_count)
        bar.addSeparator()
        bar.addAction(self.play_action)
        bar.addWidget(self.speed)
        bar.addAction(self.cancel_action)
        bar.addSeparator()
        bar.addAction(self.undo_action)
        bar.addAction(self.redo_action)
        bar.addSeparator()
        bar.addAction(self.reset_action)
        bar.addAction(self.randomize_action)
        bar.addWidget(self.seed)

    def _explain_refusals(self, spin: QSpinBox, accepted: str) -> None:
        """A spin box drops keys it cannot use without a word: say what it takes instead."""
        spin.setToolTip(accepted)
        spin.findChild(QLineEdit).inputRejected.connect(lambda: self._controller.error.emit(accepted))

    def _create_panels(self) -> None:
        self.banner = Banner()
        self.banner.undoRequested.connect(self.undo_action.trigger)
        self.network_panel = NetworkPanel(self._controller)
        self.gradient_panel = GradientPanel()
        self.trajectory_panel = TrajectoryPanel()
        self.settings_panel = SettingsPanel(self._controller)
        self.loss_plot = LossPlot()
        self.loss_plot.log_y.toggled.connect(self.log_action.setChecked)
        self.exports = ExportActions(self._controller, self.loss_plot, self, self._settings)

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(4, 4, 4, 4)
        for panel in (self.banner, self.network_panel, self.gradient_panel, self.trajectory_panel):
            column.addWidget(panel)
        column.addStretch(1)
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(4, 4, 4, 4)
        side.addWidget(self.settings_panel)
        side.addWidget(self.loss_plot, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)

    def _create_status_bar(self) -> None:
        status = self.statusBar()
        self.step_label, self.loss_label, self.optimizer_label = QLabel(), QLabel(), QLabel()
        self.step_label.setObjectName("statusStep")
        self.loss_label.setObjectName("statusLoss")
        self.optimizer_label.setObjectName("statusOptimizer")
        self.progress = QProgressBar()
        self.progress.setObjectName("runProgress")
        self.progress.setMaximumWidth(180)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelRunButton")
        self.cancel_button.clicked.connect(self._runner.stop)
        for widget in (self.progress, self.cancel_button):
            widget.hide()
            status.addPermanentWidget(widget)
        for label in (self.step_label, self.loss_label, self.optimizer_label):
            status.addPermanentWidget(label)

    def _connect_session(self) -> None:
        c = self._controller
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.timeout.connect(self._on_refresh_due)
        self._panel_updates = [
            lambda session, evaluation: self.network_panel.show_state(session, evaluation),
            lambda session, evaluation: self.gradient_panel.show_state(evaluation),
            lambda session, evaluation: self.trajectory_panel.show_state(session, evaluation),
            lambda session, evaluation: self.settings_panel.show_state(session),
        ]
        self._next_panel = 0
        c.changed.connect(self._refresh_soon)
        c.error.connect(self._on_error)
        c.torchReady.connect(self._on_torch_ready)
        self._runner.runningChanged.connect(self._on_running)
        self._runner.progress.connect(self._on_progress)
        self._runner.diverged.connect(self._on_diverged)
        self._set_stepping_enabled(c.session.torch_ready)
        if not c.session.torch_ready:
            self.statusBar().showMessage(self.tr("Loading torch… the hand-written side is ready to edit."))

    # ---- settings

    def _read_settings(self) -> None:
        s = self._settings
        geometry = s.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 720)
        splitter = s.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.loss_plot.log_y.setChecked(s.value("plot/logY", False, type=bool))
        self.run_count.setValue(s.value("run/count", 100, type=int))
        self.speed.setCurrentIndex(min(s.value("play/speedIndex", 2, type=int), len(PLAY_SPEEDS) - 1))
        self.seed.setValue(s.value("randomize/seed", 0, type=int))

    def _write_settings(self) -> None:
        s = self._settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("plot/logY", self.loss_plot.log_y.isChecked())
        s.setValue("run/count", self.run_count.value())
        s.setValue("play/speedIndex", self.speed.currentIndex())
        s.setValue("randomize/seed", self.seed.value())
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
        self._runner.stop()
        outcome = self._controller.step(1)
        if outcome is not None and outcome.divergence:
            self._on_diverged(outcome.divergence)

    def run(self) -> None:
        self._runner.run(self.run_count.value())

    def play(self, on: bool) -> None:
        if on and not self._runner.playing:
            self._runner.play(self.speed.currentData())
        elif not on:
            self._runner.stop()

    def reset(self) -> None:
        self._runner.stop()
        self.banner.hide()
        self._controller.perform(Session.reset)

    def randomize(self) -> None:
        self._runner.stop()
        self.banner.hide()
        self._controller.perform(Session.randomize, self.seed.value())

    # ---- reactions

    def _refresh_soon(self) -> None:
        if not self._refresh_timer.isActive():
            self._refresh_timer.start(0)

    def _on_refresh_due(self) -> None:
        (self._refresh_frame if self._runner.running else self.refresh)()

    def refresh(self) -> None:
        """Show the session's current state in every panel."""
        self._refresh_timer.stop()
        self._show(range(len(self._panel_updates)))

    def _refresh_frame(self) -> None:
        """While running: the plot and status bar every frame, the number panels in turn.

        Repainting every grid costs more than a frame (~25 ms in software rendering); in turn, each panel still
        updates about 15 times a second, and the event loop stays free for input. refresh() follows the run.
        """
        self._next_panel = (self._next_panel + 1) % len(self._panel_updates)
        self._show([self._next_panel])

    def _show(self, panels) -> None:
        session = self._controller.session
        evaluation = session.evaluate()
        for k in panels:
            self._panel_updates[k](session, evaluation)
        self.loss_plot.show_history(session.state.trace, evaluation.forward.loss,
                                    evaluation.torch.loss if evaluation.torch is not None else None)
        s = session.state
        self.step_label.setText(self.tr("step %1").replace("%1", str(s.step)))
        self.loss_label.setText(self.tr("loss %1").replace("%1", short_number(evaluation.forward.loss, 8)))
        self.optimizer_label.setText(f"{s.optimizer.info.label}, {s.problem.dtype}")
        if session.divergence() is None and self.banner.undo_button.isVisible():
            self.banner.hide()  # undone back to a finite state

    def _set_stepping_enabled(self, on: bool) -> None:
        for action in (self.step_action, self.run_action, self.play_action):
            action.setEnabled(on)

    def _on_torch_ready(self) -> None:
        self._set_stepping_enabled(True)
        self.statusBar().showMessage(self.tr("torch is ready."), 3000)

    def _on_error(self, message: str) -> None:
        self.banner.warn(message)
        self.statusBar().showMessage(message, 8000)

    def _on_running(self, running: bool) -> None:
        self.progress.setVisible(running and not self._runner.playing)
        self.cancel_button.setVisible(running)
        self.cancel_action.setEnabled(running)
        if not running and self.play_action.isChecked():
            self.play_action.setChecked(False)
        if not running:
            self.refresh()

    def _on_progress(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _on_diverged(self, reason: str) -> None:
        self.play_action.setChecked(False)
        self.banner.alarm(self.tr("Stepping stopped: %1. The last finite state is one Undo away.")
                          .replace("%1", reason[0].upper() + reason[1:]))

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About backprop stepper"), self.tr(
            "<b>backprop stepper</b><br>dL/dW by the chain rule in numpy, by torch autograd and by central "
            "differences, side by side; each step by a hand-written optimizer and by torch.optim."))
