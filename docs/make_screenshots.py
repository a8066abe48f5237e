"""Render the real window offscreen to docs/*.png: python docs/make_screenshots.py

Needs no display: QT_QPA_PLATFORM=offscreen and QWidget.grab(). The session is the blog post's example after a
few Adam steps, at 1280×720 — the size the window must fit.
"""

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from core.session import Session  # noqa: E402
from gui.controller import SessionController  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402


def render(window: MainWindow, path: Path) -> None:
    QApplication.processEvents()
    window.refresh()
    QApplication.processEvents()
    window.grab().save(str(path))
    print(f"wrote {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder for the PNGs (default docs/)")
    out = parser.parse_args().out
    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings = QSettings(str(out / ".screenshot-settings.ini"), QSettings.Format.IniFormat)
    settings.clear()
    controller = SessionController(Session())
    window = MainWindow(controller, settings)
    window.resize(1280, 720)
    window.show()
    for _ in range(3):
        controller.step(1)
    controller.step(40, label="Run 40 steps")
    window.network_panel.weight_view.setCurrentIndex(window.network_panel.weight_model.index(2, 2))
    render(window, out / "screenshot.png")
    settings.clear()
    Path(settings.fileName()).unlink(missing_ok=True)
    app.quit()


if __name__ == "__main__":
    main()
