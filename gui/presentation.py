"""Zoom (every font, plot axes and table cells included) and presentation mode for a projector.

Fonts are set on the window, from which every child widget inherits them; the plots, which draw in their own
scenes, are told separately. Presentation mode remembers what it changes and puts it back on exit.
"""

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QMainWindow, QWidget

ZOOMS = [0.7, 0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6, 1.8, 2.0, 2.5, 3.0]
NUMBER_PIXELS = 24  # in presentation mode at zoom 1, digits are at least this tall on screen


def presentation_font(base: QFont) -> QFont:
    """`base` at the smallest pixel size whose digits stand NUMBER_PIXELS tall (33 px for DejaVu Sans)."""
    font = QFont(base)
    for pixels in range(NUMBER_PIXELS, 4 * NUMBER_PIXELS):
        font.setPixelSize(pixels)
        if QFontMetrics(font).tightBoundingRect("0123456789").height() >= NUMBER_PIXELS:
            break
    return font


def high_contrast(palette: QPalette) -> QPalette:
    """Black on white with a deep blue selection: what survives a washed-out projector. Disabled text stays grey,
    so a greyed-out Redo still reads as unavailable."""
    p = QPalette(palette)
    colours = {QPalette.ColorRole.Window: "#ffffff", QPalette.ColorRole.WindowText: "#000000",
               QPalette.ColorRole.Base: "#ffffff", QPalette.ColorRole.AlternateBase: "#f0f0f0",
               QPalette.ColorRole.Text: "#000000", QPalette.ColorRole.Button: "#ffffff",
               QPalette.ColorRole.ButtonText: "#000000", QPalette.ColorRole.Highlight: "#0b3d91",
               QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#ffffe0",
               QPalette.ColorRole.ToolTipText: "#000000"}
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role, colour in colours.items():
            p.setColor(group, role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#8a8a8a"))
    return p


def fit_check_box(box: QCheckBox, font: QFont) -> None:
    """Styles draw a 13 px box whatever the font: where `font`, the one the box is getting, is larger than the
    application's (zoomed, projected), the box grows with its text. (The box's own font is not the guide: a box
    with a style sheet takes its parent's new font only later. And a sheet on each box, because one on the window
    would re-polish every widget, and left the desk layout scrolling after presentation.)"""
    height = QFontMetrics(font).height()
    side = round(0.75 * height)
    zoomed = height > QFontMetrics(QApplication.font()).height()
    box.setStyleSheet(f"QCheckBox::indicator {{ width: {side}px; height: {side}px; }}" if zoomed else "")


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
        index = min(range(len(ZOOMS)), key=lambda k: abs(ZOOMS[k] - zoom))
        if index != self._zoom_index:  # at start-up, usually 100 %: nothing to redo
            self._zoom_index = index
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
            font.setPixelSize(round(presentation_font(self._base).pixelSize() * self.zoom))
        elif self._base.pointSizeF() > 0:
            font.setPointSizeF(self._base.pointSizeF() * self.zoom)
        else:
            font.setPixelSize(round(self._base.pixelSize() * self.zoom))
        return font

    def _apply_font(self) -> None:
        font = self.font()
        self._window.setFont(font)
        for box in self._window.findChildren(QCheckBox):
            fit_check_box(box, font)
        self._apply_plots(font, self._presenting)
        self.changed.emit()

    def set_presenting(self, on: bool) -> None:
        """Enter or leave; leaving puts back the window's state (normal, maximized or full screen) and geometry.

        Qt forgets a window is full screen when the window is resized by anything but setWindowState (a minimum
        size growing past the screen does it); setWindowState then thinks there is nothing to undo, and a window
        manager keeps the window full screen. So the state is set while it is still known (first, on leaving), and
        the panels change only in an order that never asks for more than the screen: the large font comes after
        the desk panels are hidden, and goes before they are shown again.
        """
        if on == self._presenting:
            return
        w = self._window
        if on:
            self._saved = {"visible": [widget.isVisible() for widget in self._secondary],
                           "palette": QPalette(w.palette()), "state": w.windowState(), "geometry": w.saveGeometry()}
        self._presenting = on
        if not on:
            w.setWindowState(self._saved["state"])  # first, while Qt still knows the window is full screen
            self._apply_font()  # the desk font before the desk panels come back
        for widget, visible in zip(self._secondary, self._saved["visible"]):
            widget.setVisible(visible and not on)
            if not on:  # hidden, it missed the layout requests of the desk's type coming back (a QStatusBar measures
                QApplication.postEvent(widget, QEvent(QEvent.Type.LayoutRequest))  # its height on one: it kept 52 px)
        w.setPalette(high_contrast(w.palette()) if on else self._saved["palette"])
        self._set_layout(on)
        if on:
            self._apply_font()  # the large font once the desk panels have gone
            w.setWindowState(w.windowState() | Qt.WindowState.WindowFullScreen)
            QTimer.singleShot(300, self, self._fill_screen)
        elif not self._saved["state"] & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
            w.restoreGeometry(self._saved["geometry"])

    def _fill_screen(self) -> None:
        """Without a window manager (a bare X server, some kiosk set-ups) nothing makes the window full screen: fill
        the screen by hand, through the QWindow (QWidget.setGeometry would make Qt forget it is full screen)."""
        w = self._window
        if self._presenting and w.geometry() != w.screen().geometry():
            w.windowHandle().setGeometry(w.screen().geometry())
