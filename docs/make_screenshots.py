"""Render the real window offscreen to docs/*.png: python docs/make_screenshots.py

Needs no display: the offscreen platform on a 1920×1080 screen, and QWidget.grab(). The pictures:
  screenshot.png                   the blog post's example after 43 Adam steps, at a desk (1280×720), chain rule
  screenshot-presentation.png      the same in presentation mode (F5), full screen at 1920×1080
  screenshot-zh.png                in Simplified Chinese (--lang zh_CN), the optimizer state open
  screenshot-forgetful.png         the forgetful-Adam scenario after 300 steps: loss (log) and its landscape
  screenshot-xor.png               XOR with 2-4-1 after 150 steps at a 1920×1080 desk: boundary, gradients, check
  screenshot-xor-presentation.png  the same projected at 1920×1080
  screenshot-xor-zh.png            the same in Simplified Chinese, the chain rule across the layers open
  screenshot-broken.png            XOR with f′ forgotten in layer 1's δ: the check turns δ₁, W₁ and b₁ red
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={ROOT / 'tests' / 'screen.json'}")
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from core.scenarios import scenario  # noqa: E402
from core.session import Session  # noqa: E402
from gui.controller import SessionController  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402


def settle(app: QApplication, window: MainWindow) -> None:
    """Let layouts, deferred size hints and the coalesced refresh all run."""
    for _ in range(5):
        app.processEvents()
        window.refresh()
    for _ in range(3):
        app.processEvents()


def render(app: QApplication, window: MainWindow, path: Path) -> None:
    settle(app, window)
    window.grab().save(str(path))
    print(f"wrote {path}")


def new_window(settings: QSettings) -> tuple[MainWindow, SessionController]:
    controller = SessionController(Session())
    window = MainWindow(controller, settings)
    window.resize(1280, 720)
    window.show()
    return window, controller


def xor_pictures(app: QApplication, window: MainWindow, out: Path) -> None:
    """XOR 2-4-1 at a desk, projected, in Chinese, and with a broken backward caught by the check."""
    from core.mistakes import Mistake

    window.resize(1920, 1080)  # a desk's full-HD window: the network, its gradients and the check all show
    window.load_scenario(scenario("xor"))
    window.banner.hide()
    window.controller.step(150)
    window.plot_tabs.setCurrentWidget(window.decision_page)
    window.detail_tabs.setCurrentWidget(window.check_view)
    render(app, window, out / "screenshot-xor.png")
    window.set_presenting(True)
    render(app, window, out / "screenshot-xor-presentation.png")
    window.set_presenting(False)
    settle(app, window)
    window.resize(1920, 1080)
    window.language.set("zh_CN")
    window.choose_parameter("W1", (2, 1))
    window.detail_tabs.setCurrentWidget(window.detail_tabs.chain_page)
    settle(app, window)
    window.desk.scroll.ensureWidgetVisible(window.detail_tabs)  # the chain rule, below the gradients
    render(app, window, out / "screenshot-xor-zh.png")
    window.language.set("en")
    window.break_menu.actions_by_mistake[Mistake("forget_derivative", 1)].trigger()
    window.detail_tabs.setCurrentWidget(window.check_view)
    settle(app, window)
    window.desk.scroll.ensureWidgetVisible(window.check_view)
    render(app, window, out / "screenshot-broken.png")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder for the PNGs (default docs/)")
    out = parser.parse_args(argv).out
    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings = QSettings(str(out / ".screenshot-settings.ini"), QSettings.Format.IniFormat)
    settings.clear()

    window, controller = new_window(settings)
    for _ in range(3):
        controller.step(1)
    controller.step(40)
    window.detail_tabs.setCurrentWidget(window.detail_tabs.chain_page)
    window.network_panel.weight_view.setCurrentIndex(window.network_panel.weight_model.index(2, 2))
    render(app, window, out / "screenshot.png")
    window.set_presenting(True)
    render(app, window, out / "screenshot-presentation.png")
    window.set_presenting(False)
    settle(app, window)
    window.resize(1280, 720)

    window.language.set("zh_CN")
    window.detail_tabs.setCurrentWidget(window.detail_tabs.state_page)
    render(app, window, out / "screenshot-zh.png")
    window.language.set("en")

    window.load_scenario(scenario("forgetful"))
    controller.step(300)
    window.loss_plot.log_y.setChecked(True)
    window.detail_tabs.setCurrentWidget(window.detail_tabs.graph_page)
    window.plot_tabs.setCurrentWidget(window.landscape_page)
    window.landscape.choose((1, 2), (2, 2))
    render(app, window, out / "screenshot-forgetful.png")
    xor_pictures(app, window, out)
    window.controller.undo_stack.setClean()
    window.close()
    settings.clear()
    Path(settings.fileName()).unlink(missing_ok=True)


if __name__ == "__main__":
    main()
