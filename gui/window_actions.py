"""Every command of the main window as a named QAction: shortcuts, texts in the current language, and menus."""

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from core.scenarios import SCENARIOS
from gui.i18n import core_text
from gui.language import LANGUAGES

Key = QKeySequence.StandardKey


class WindowActions(QObject):
    """The actions a window triggers; `window` provides the slots. Texts are (re)set by retranslate()."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self._window = w = window
        c = window.controller
        # a presentation clicker sends PageDown / PageUp; → and ← step and undo except inside a table
        self.step = self._make("actionStep", w.step, ["Space", "Right", "PgDown"])
        self.run = self._make("actionRun", w.run, ["Ctrl+R"])
        self.play = self._make("actionPlay", w.play, ["P", "Ctrl+P"], checkable=True)
        self.cancel = self._make("actionCancel", w.stop, ["Esc"])
        self.undo = c.undo_stack.createUndoAction(w)
        self.undo.setObjectName("actionUndo")
        self.undo.setShortcuts([*QKeySequence.keyBindings(Key.Undo), QKeySequence("Left"), QKeySequence("PgUp")])
        self.redo = c.undo_stack.createRedoAction(w)
        self.redo.setObjectName("actionRedo")
        self.redo.setShortcuts(QKeySequence.keyBindings(Key.Redo))
        for action in (self.undo, self.redo):
            action.triggered.connect(w.stop)
        self.reset = self._make("actionReset", w.reset, ["R", "Ctrl+Shift+R"])
        self.randomize = self._make("actionRandomize", w.randomize, ["Ctrl+D"])
        self.phases = self._make("actionPhases", w.set_phases, ["Ctrl+Shift+P"], checkable=True)
        self.forgetful = self._make("actionForgetful", w.set_forgetful, ["Ctrl+Shift+F"], checkable=True)
        self.log = self._make("actionLogScale", lambda on: w.loss_plot.log_y.setChecked(on), ["Ctrl+L"],
                              checkable=True)
        self.zoom_in = self._make("actionZoomIn", w.projection.zoom_in,
                                  ["Ctrl+=", "Ctrl++", *QKeySequence.keyBindings(Key.ZoomIn)])
        self.zoom_out = self._make("actionZoomOut", w.projection.zoom_out,
                                   ["Ctrl+-", *QKeySequence.keyBindings(Key.ZoomOut)])
        self.zoom_reset = self._make("actionZoomReset", w.projection.zoom_reset, ["Ctrl+0"])
        self.full_screen = self._make("actionFullScreen", w.set_full_screen,
                                      ["F11", *QKeySequence.keyBindings(Key.FullScreen)], checkable=True)
        self.presentation = self._make("actionPresentation", w.set_presenting, ["F5"], checkable=True)
        self.shortcuts = self._make("actionShortcuts", w.show_shortcuts, ["F1", "?"])
        self.about = self._make("actionAbout", w.about, [])
        self.quit = self._make("actionQuit", w.close, QKeySequence.keyBindings(Key.Quit))
        self.scenarios = [self._make(f"scenario_{s.name}", lambda _=False, s=s: w.load_scenario(s), [])
                          for s in SCENARIOS]
        self.languages = QActionGroup(self)
        for code, name in LANGUAGES.items():
            action = self._make(f"language_{code}", lambda _=False, code=code: w.set_language(code), [],
                                checkable=True)
            action.setText(name)  # a language's own name: the same in every language
            self.languages.addAction(action)
        for action in self.shortcut_actions():
            window.addAction(action)  # shortcuts work wherever the focus is in the window, menus shown or not

    def _make(self, name: str, slot, keys, checkable: bool = False) -> QAction:
        action = QAction(self._window)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setCheckable(checkable)
        (action.toggled if checkable else action.triggered).connect(slot)
        return action

    def shortcut_actions(self) -> list[QAction]:
        f = self._window.files
        return [self.step, self.play, self.run, self.cancel, self.undo, self.redo, self.reset, self.randomize,
                self.phases, self.forgetful, self.log, self.zoom_in, self.zoom_out, self.zoom_reset,
                self.full_screen, self.presentation, self.shortcuts, f.open_action, f.save_action,
                f.save_as_action, self.quit]

    def retranslate(self) -> None:

        texts = {
            self.step: (self.tr("Step"), self.tr("One update of both engines (in phases: the next phase)")),
            self.run: (self.tr("Run"), self.tr("Run the number of steps beside this button")),
            self.play: (self.tr("Play"), self.tr("Step continuously at the chosen speed")),
            self.cancel: (self.tr("Stop"), self.tr("Stop a run or play")),
            self.reset: (self.tr("Reset"), self.tr("Back to step 0 at the start weights")),
            self.randomize: (self.tr("Randomize W"),
                             self.tr("W as torch.nn.Linear has it after torch.manual_seed(seed)")),
            self.phases: (self.tr("Step in phases"), self.tr("Each Step does one phase: forward, backward, update")),
            self.forgetful: (self.tr("Add an optimizer that forgets its state"),
                             self.tr("A third trajectory: the same optimizer, its state reset every step, as the blog "
                                "post's Adam does")),
            self.log: (self.tr("Logarithmic loss axis"), ""),
            self.zoom_in: (self.tr("Zoom in"), self.tr("Larger text everywhere, plots and tables included")),
            self.zoom_out: (self.tr("Zoom out"), self.tr("Smaller text everywhere")),
            self.zoom_reset: (self.tr("Normal size"), ""),
            self.full_screen: (self.tr("Full screen"), ""),
            self.presentation: (self.tr("Presentation mode"),
                                self.tr("Full screen, large high-contrast text, only what a lecture needs")),
            self.shortcuts: (self.tr("Keyboard shortcuts"), ""),
            self.about: (self.tr("About"), ""),
            self.quit: (self.tr("Quit"), ""),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()[:2])
            action.setToolTip(f"{tip or text} ({keys})" if keys else tip or text)
            action.setStatusTip(tip or text)
        self.undo.setText(self.tr("Undo"))  # the stack adds the action's name: "Undo Run 40 steps"
        self.redo.setText(self.tr("Redo"))
        for action, scenario in zip(self.scenarios, SCENARIOS):
            action.setText(core_text(scenario.title))
            action.setStatusTip(core_text(scenario.description))
            action.setToolTip(core_text(scenario.description))

    def fill_menus(self, bar, exports_menu: QMenu, undo_limit: int) -> None:
        """The menu bar's menus, made anew (in the current language)."""
        bar.clear()
        f = self._window.files
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(f.open_action)
        file_menu.addMenu(f.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([f.save_action, f.save_as_action])
        file_menu.addMenu(exports_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit = bar.addMenu(self.tr("&Edit"))
        edit.addActions([self.undo, self.redo])
        limit = edit.addAction(self.tr("Undo keeps the last %1 actions (a Run or a Play is one)")
                               .replace("%1", str(undo_limit)))
        limit.setObjectName("undoLimitNote")
        limit.setEnabled(False)
        train = bar.addMenu(self.tr("&Train"))
        train.addActions([self.step, self.run, self.play, self.cancel])
        train.addSeparator()
        train.addActions([self.reset, self.randomize])
        train.addSeparator()
        train.addActions([self.phases, self.forgetful])
        scenarios = bar.addMenu(self.tr("&Scenarios"))
        scenarios.setObjectName("scenariosMenu")
        scenarios.setToolTipsVisible(True)
        scenarios.addActions(self.scenarios)
        view = bar.addMenu(self.tr("&View"))
        view.addAction(self.log)
        view.addSeparator()
        view.addActions([self.zoom_in, self.zoom_out, self.zoom_reset])
        view.addSeparator()
        view.addActions([self.full_screen, self.presentation])
        view.addSeparator()
        language = view.addMenu("Language / 语言")  # findable whichever language is showing
        language.setObjectName("languageMenu")
        language.addActions(self.languages.actions())
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.shortcuts, self.about])
