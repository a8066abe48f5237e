"""Every command of the main window as a named QAction: shortcuts, texts in the current language, and menus."""

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from core.scenarios import SCENARIOS
from gui.i18n import core_text
from gui.language import LANGUAGES
from gui.shortcuts_sheet import key_names

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
        self._stack = c.undo_stack
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
        self.leave_presentation = self._make("actionLeavePresentation", lambda: w.set_presenting(False), ["Esc"])
        self.leave_presentation.setEnabled(False)
        self.shortcuts = self._make("actionShortcuts", w.show_shortcuts, ["F1", "?"])
        self.about = self._make("actionAbout", w.about, [])
        self.quit = self._make("actionQuit", w.close, QKeySequence.keyBindings(Key.Quit))
        self.scenarios = [self._make(f"scenario_{s.name}", lambda _=False, s=s: w.load_scenario(s), [])
                          for s in SCENARIOS]
        self.languages = QActionGroup(self)
        for code, name in LANGUAGES.items():
            action = self._make(f"language_{code}", lambda _=False, code=code: w.set_language(code), [])
            action.setCheckable(True)  # after _make: triggered (the user's choice), not toggled (also the old one's)
            action.setText(name)  # a language's own name: the same in every language
            self.languages.addAction(action)
        for action in self.shortcut_actions():
            window.addAction(action)  # shortcuts work wherever the focus is in the window, menus shown or not

    def _make(self, name: str, slot, keys, checkable: bool = False) -> QAction:
        action = QAction(self._window)
        action.setObjectName(name)
        unique = {QKeySequence(k).toString(): QKeySequence(k) for k in keys}  # Ctrl++ is also the standard ZoomIn
        action.setShortcuts(list(unique.values()))
        action.setCheckable(checkable)
        (action.toggled if checkable else action.triggered).connect(slot)
        return action

    def shortcut_actions(self) -> list[QAction]:
        f = self._window.files
        return [self.step, self.play, self.run, self.cancel, self.undo, self.redo, self.reset, self.randomize,
                self.phases, self.forgetful, self.log, self.zoom_in, self.zoom_out, self.zoom_reset,
                self.full_screen, self.presentation, self.leave_presentation, self.shortcuts, f.open_action,
                f.save_action,
                f.save_as_action, self.quit]

    def retranslate(self) -> None:

        texts = {
            self.step: (self.tr("Step"), self.tr("One update of both engines (in phases: the next phase)")),
            self.run: (self.tr("Run"), self.tr("Run the number of steps beside this button")),
            self.play: (self.tr("Play"), self.tr("Step continuously at the chosen speed")),
            self.cancel: (self.tr("Stop"), self.tr("Stop a run or play")),
            self.leave_presentation: (self.tr("Leave presentation mode"), ""),
            self.reset: (self.tr("Reset"), self.tr("Back to step 0 at the start weights")),
            self.randomize: (self.tr("Randomize W"),
                             self.tr("W drawn with the next seed, as torch.nn.Linear has it after "
                                     "torch.manual_seed(seed); type a seed in the box to draw with that one")),
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
            keys = ", ".join(key_names(action)[:2])
            action.setToolTip(f"{tip or text} ({keys})" if keys else tip or text)
            action.setStatusTip(tip or text)
        self.name_undo_redo()
        if hasattr(self, "menus"):
            self._name_menus()
        for action, scenario in zip(self.scenarios, SCENARIOS):
            action.setText(core_text(scenario.title))
            action.setStatusTip(core_text(scenario.description))
            action.setToolTip(core_text(scenario.description))

    def name_undo_redo(self) -> None:
        """"Undo Run 40 steps" in the current language. The window calls this on every refresh: the stack's own
        wording is Qt's, and a run that extends its entry renames it without the stack announcing it."""
        for action, template, entry in ((self.undo, self.tr("Undo %1"), self._stack.undoText()),
                                        (self.redo, self.tr("Redo %1"), self._stack.redoText())):
            action.setText(template.replace("%1", entry).strip())

    def fill_menus(self, bar, exports_menu: QMenu, undo_limit: int) -> None:
        """The menu bar's menus, once; retranslate() names them."""
        f = self._window.files
        self._undo_limit = undo_limit
        self.menus = {key: QMenu(bar) for key in ("file", "edit", "train", "scenarios", "view", "language", "help")}
        m = self.menus
        for key in ("file", "edit", "train", "scenarios", "view", "help"):
            m[key].setObjectName(f"{key}Menu")
            bar.addMenu(m[key])
        m["file"].addAction(f.open_action)
        m["file"].addMenu(f.recent_menu)
        m["file"].addSeparator()
        m["file"].addActions([f.save_action, f.save_as_action])
        m["file"].addMenu(exports_menu)
        m["file"].addSeparator()
        m["file"].addAction(self.quit)
        m["edit"].addActions([self.undo, self.redo])
        self.undo_limit_note = m["edit"].addAction("")
        self.undo_limit_note.setObjectName("undoLimitNote")
        self.undo_limit_note.setEnabled(False)
        m["train"].addActions([self.step, self.run, self.play, self.cancel])
        m["train"].addSeparator()
        m["train"].addActions([self.reset, self.randomize])
        m["train"].addSeparator()
        m["train"].addActions([self.phases, self.forgetful])
        m["scenarios"].setToolTipsVisible(True)
        m["scenarios"].addActions(self.scenarios)
        m["view"].addAction(self.log)
        m["view"].addSeparator()
        m["view"].addActions([self.zoom_in, self.zoom_out, self.zoom_reset])
        m["view"].addSeparator()
        m["view"].addActions([self.full_screen, self.presentation])
        m["view"].addSeparator()
        m["language"].setObjectName("languageMenu")
        m["language"].setTitle("Language / 语言")  # findable whichever language is showing
        m["language"].addActions(self.languages.actions())
        m["view"].addMenu(m["language"])
        m["help"].addActions([self.shortcuts, self.about])

    def _name_menus(self) -> None:
        titles = {"file": self.tr("&File"), "edit": self.tr("&Edit"), "train": self.tr("&Train"),
                  "scenarios": self.tr("&Scenarios"), "view": self.tr("&View"), "help": self.tr("&Help")}
        for key, title in titles.items():
            self.menus[key].setTitle(title)
        self.undo_limit_note.setText(self.tr("Undo keeps the last %1 actions (a Run or a Play is one)")
                                     .replace("%1", str(self._undo_limit)))
