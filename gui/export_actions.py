"""File → Export: the loss history, the plot, the current state for lecture notes, a replay script."""

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from gui.controller import SessionController
from gui.i18n import error_text
from gui.loss_plot import LossPlot


def _exported(name: str, *args) -> str:
    """What core.exports' `name` writes for `args`; the module is imported at the first export (start-up needs
    none)."""
    from core import exports

    return getattr(exports, name)(*args)


class ExportActions(QObject):
    """One action per export; each asks for a file name and writes it whole or not at all."""

    def __init__(self, controller: SessionController, plot: LossPlot, window: QWidget, settings: QSettings):
        super().__init__(window)
        self._controller = controller
        self._plot = plot
        self._window = window
        self._settings = settings
        self.menu = QMenu(window)
        self.menu.setObjectName("exportMenu")
        state = lambda: (controller.session.state, controller.session.evaluate())  # noqa: E731
        self.actions = [
            self._action("actionExportCsv", "loss.csv", "CSV (*.csv)", lambda: _exported("loss_csv", *state())),
            self._action("actionExportPng", "loss.png", "PNG (*.png)", None),
            self._action("actionExportMarkdown", "state.md", "Markdown (*.md)",
                         lambda: _exported("markdown", *state())),
            self._action("actionExportLatex", "state.tex", "LaTeX (*.tex)", lambda: _exported("latex", *state())),
            self._action("actionExportScript", "replay.py", "Python (*.py)",
                         lambda: _exported("python_script", controller.session.state)),
        ]
        self.retranslate()

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Export"))
        texts = [self.tr("Loss history (CSV)…"), self.tr("Loss plot (PNG)…"), self.tr("Current state (Markdown)…"),
                 self.tr("Current state (LaTeX)…"), self.tr("Python script (numpy + torch)…")]
        for action, text in zip(self.actions, texts):
            action.setText(text)

    def _action(self, name: str, default: str, file_filter: str, content: Callable[[], str] | None) -> QAction:
        action = QAction(self._window)
        action.setObjectName(name)
        action.triggered.connect(lambda: self.export(default, file_filter, content))
        self.menu.addAction(action)
        return action

    def export(self, default: str, file_filter: str, content: Callable[[], str] | None) -> bool:
        folder = self._settings.value("files/folder", str(Path.home()), type=str)
        path, _ = QFileDialog.getSaveFileName(self._window, self.tr("Export"), str(Path(folder) / default),
                                              file_filter)
        if not path:
            return False
        try:
            if content is None:
                self._plot.save_png(path)
            else:
                from core.session_file import write_atomically

                write_atomically(path, content())
        except (OSError, ValueError) as e:
            reason = error_text(e)
            QMessageBox.warning(self._window, self.tr("Cannot export"),
                                self.tr("Cannot write %1: %2").replace("%1", path).replace("%2", reason))
            return False
        return True
