"""The window at its first launch, with no size remembered: the README figures' 1280×720 where the screen has room
for it and a window manager's frame, else as large as the screen's room and maximized (the window manager then fits
its frame, title bar and panels in)."""

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QWidget

DEFAULT_SIZE = QSize(1280, 720)
FRAME_ROOM = QSize(16, 48)  # a title bar and borders: a window manager's frame is unknown until the window shows


def first_size(available: QSize) -> tuple[QSize, bool]:
    """The window's size on a screen with `available` room for windows (its available geometry), and whether it
    opens maximized: the default where it fits with a frame, else what fits (its size when un-maximized)."""
    fitting = DEFAULT_SIZE.boundedTo(available - FRAME_ROOM)
    return fitting, fitting != DEFAULT_SIZE


def open_first(window: QWidget) -> None:
    """`window` sized for its first launch on its screen."""
    size, maximized = first_size(window.screen().availableGeometry().size())
    window.resize(size)
    if maximized:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
