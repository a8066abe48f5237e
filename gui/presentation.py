"""Zoom (every font, plot axes and table cells included) and presentation mode for a projector.

Fonts are set on the window, from which every child widget inherits them; the plots, which draw in their own
scenes, are told separately. Presentation mode remembers what it changes and puts it back on exit.
"""

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QMainWindow, QWidget

ZOOMS = [0.7, 0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6, 1.8, 2.0, 2.5, 3.0]
PRESENTATION_PIXELS = 26  # font pixel size at zoom 1 in presentation mode: 24 px numbers need a 24 px font


def high_contrast(palette: QPalette) -> QPalette:
    """Black on white with a deep blue selection: what survives a washed-out projector."""
    p = QPalette(palette)
    for role, colour in ((QPalette.ColorRole.Window, "#ffffff"), (QPalette.ColorRole.WindowText, "#000000"),
                         (QPalette.ColorRole.Base, "#ffffff"), (QPalette.ColorRole.AlternateBase, "#f0f0f0"),
                         (QPalette.ColorRole.Text, "#000000"), (QPalette.ColorRole.Button, "#ffffff"),
                         (QPalette.ColorRole.ButtonText, "#000000"), (QPalette.ColorRole.Highlight, "#0b3d91"),
                         (QPalette.ColorRole.HighlightedText, "#ffffff"), (QPalette.ColorRole.ToolTipBase, "#ffffe0"),
                         (QPalette.ColorRole.ToolTipText, "#000000")):
        p.setColor(role, QColor(colour))
    return p


class Projection(QObject):
    """The window's zoom level and presentation mode."""

    changed = Signal()  # fonts or mode changed: plots and fixed-size views re-fit

    def __init__(self, window: QMainWindow, secondary: list[QWidget], apply_plots, set_layout):
        super().__init__(window)
        self._window = window
        self._secondary = secondary  # hidden in presentation mode
        self._apply_plots = apply_plots  # (font: QFont, presenting: bool) -> None
        self._set_layout = set_layout  # (presenting: bool) -> None: the window arranges its panels
        self._base = QFont(window.font())
        self._zoom_index = ZOOMS.index(1.0)
        self._presenting = False
        self._saved: dict = {}

    @property
    def zoom(self) -> float:
        return ZOOMS[self._zoom_index]

    @property
    def presenting(self) -> bool:
        return self._presenting

    def set_zoom(self, zoom: float) -> None:
        self._zoom_index = min(range(len(ZOOMS)), key=lambda k: abs(ZOOMS[k] - zoom))
        self._apply_font()

    def zoom_in(self) -> None:
        self._zoom_index = min(self._zoom_index + 1, len(ZOOMS) - 1)
        self._apply_font()

    def zoom_out(self) -> None:
        self._zoom_index = max(self._zoom_index - 1, 0)
        self._apply_font()

    def zoom_reset(self) -> None:
        self.set_zoom(1.0)

    def font(self) -> QFont:
        font = QFont(self._base)
        if self._presenting:
            font.setPixelSize(round(PRESENTATION_PIXELS * self.zoom))
        elif self._base.pointSizeF() > 0:
            font.setPointSizeF(self._base.pointSizeF() * self.zoom)
        else:
            font.setPixelSize(round(self._base.pixelSize() * self.zoom))
        return font

    def _apply_font(self) -> None:
        font = self.font()
        self._window.setFont(font)
        self._apply_plots(font, self._presenting)
        self.changed.emit()

    def set_presenting(self, on: bool) -> None:
        if on == self._presenting:
            return
        w = self._window
        if on:
            self._saved = {"visible": [widget.isVisible() for widget in self._secondary],
                           "palette": QPalette(w.palette()), "state": w.windowState(), "geometry": w.saveGeometry()}
            self._presenting = True
            for widget in self._secondary:
                widget.hide()
            w.setPalette(high_contrast(w.palette()))
            self._set_layout(True)
            w.setWindowState(w.windowState() | Qt.WindowState.WindowFullScreen)
        else:
            self._presenting = False
            for widget, visible in zip(self._secondary, self._saved["visible"]):
                widget.setVisible(visible)
            w.setPalette(self._saved["palette"])
            self._set_layout(False)
            w.setWindowState(self._saved["state"])
            w.restoreGeometry(self._saved["geometry"])
        self._apply_font()
