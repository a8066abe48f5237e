"""python main.py: open the window at once, load torch behind it."""

import argparse
import gc
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from core.session import Session
from gui.autosave import INTERVAL_SECONDS, Autosave
from gui.controller import SessionController
from gui.language import LANGUAGES, Language
from gui.main_window import MainWindow
from gui.style import with_cjk_fallback
from gui.torch_loader import TorchLoader


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="main.py", description="backprop stepper: the window. "
                                     "Use --headless for the terminal version (python main.py --headless --help).")
    parser.add_argument("session", nargs="?", help="a session file to open")
    parser.add_argument("--quit-after", type=int, metavar="MS", help="close the window after MS milliseconds "
                        "(for smoke tests and screenshots)")
    parser.add_argument("--recover", action="store_true", help="restore the recovery file of a crashed run "
                        "without asking")
    parser.add_argument("--autosave-seconds", type=float, default=INTERVAL_SECONDS, metavar="S",
                        help=f"how often the recovery file is written while the session changes (default "
                        f"{INTERVAL_SECONDS:g})")
    parser.add_argument("--data-folder", type=Path, metavar="DIR", help="keep the settings and the recovery file "
                        "in DIR instead of the user's folders (for tests: the same on every platform)")
    parser.add_argument("--lang", choices=list(LANGUAGES), help="the interface language (default: the one "
                        "chosen last time, else English); View → Language switches it while running")
    parser.add_argument("--report-first-paint", action="store_true", help="print 'first paint' when the window "
                        "has painted, then quit (for bench/startup.py)")
    return parser.parse_args(argv)


def collect_from_now_on() -> None:
    """After the first paint: the garbage collector on again (main.py turns it off for start-up), and what start-up
    made left out of its passes from now on (gc.freeze): a full pass over it would take tens of milliseconds, a
    stall in the middle of Play. (What start-up made and a later rebuild drops in a reference cycle stays: once,
    the first panels a new network replaces.)"""
    gc.freeze()
    gc.enable()


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("backprop-stepper")
    app.setApplicationName("backprop stepper")
    app.setFont(with_cjk_fallback(app.font()))
    folder = args.data_folder
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat) if folder else QSettings()
    language = Language(app)
    try:
        language.set(args.lang or settings.value("ui/language", "en", type=str))
    except ValueError as e:  # a remembered language whose catalogue has gone: English, and say so
        print(f"main.py: {e}; using English", file=sys.stderr)
    settings.setValue("ui/language", language.code)
    controller = SessionController(Session(load_torch=False))
    window = MainWindow(controller, settings, language=language)
    window.autosave = Autosave(controller, window, folder / "recovery.json" if folder else None,
                               seconds=args.autosave_seconds)
    loader = TorchLoader(window)
    loader.loaded.connect(controller.attach_torch)
    loader.failed.connect(lambda message: controller.error.emit(
        QCoreApplication.translate("app", "torch could not be loaded: %1").replace("%1", message)))
    window.firstPainted.connect(collect_from_now_on)
    if args.report_first_paint:
        window.firstPainted.connect(lambda: (print("first paint", flush=True), app.quit()))
    else:
        window.firstPainted.connect(loader.start)
        window.firstPainted.connect(window.finish_in_idle_time)
    window.show()
    window.autosave.offer_recovery(ask=not args.recover)
    window.autosave.start()
    if args.session:  # after start(): an opened file is a change, protected like any other
        window.files.open(args.session)
    if args.quit_after is not None:
        QTimer.singleShot(args.quit_after, window.close)
    status = app.exec()
    loader.wait()  # quitting during the first second or two: the window is gone, torch finishes importing
    return status
