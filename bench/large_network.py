"""A large network on many samples: 2-16-16-16-16-1 (tanh, bce, bias) on 10,000 moons, one full batch.

Run by hand: python -m bench.large_network [--repeats 5]. Offscreen, the window at 1280×720. Times in ms, fastest
and median of the repeats (on a machine others share, the fastest is the code's own cost).
1. One evaluation's parts in the core: a step of both engines, the hand-written forward and backward with torch's
   passes, central differences within core.numeric's budget (a sample of entries) and at every entry (what the window
   paid before the budget), and the decision boundary's plane.
2. One Step in the window, from the key to the refresh painted (the window's target: 0.5 s), with the loss plot,
   the gradient check and the decision boundary showing; and an edit (the network one layer shallower, then back).
3. Play at full speed for a few seconds: steps taken and the largest gap of a 5 ms heartbeat timer, the longest the
   event loop was unavailable.
4. python main.py --headless with one step, as a process (torch's import included).
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.stepping import close_unsaved, largest_play_stall  # noqa: E402
from core.datasets import generate  # noqa: E402
from core.decision import surface  # noqa: E402
from core.evaluation import evaluate  # noqa: E402
from core.network import NetworkSpec  # noqa: E402
from core.numeric import central_differences, numeric_gradients  # noqa: E402
from core.optimizer_spec import OptimizerSpec  # noqa: E402
from core.problem import Problem  # noqa: E402
from core.session import Session  # noqa: E402
from core.state import SessionState  # noqa: E402
from gui.controller import SessionController  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402

WIDTHS = [2, 16, 16, 16, 16, 1]
SAMPLES = 10_000
ROOT = Path(__file__).resolve().parent.parent


def state() -> SessionState:
    problem = Problem(NetworkSpec.create(WIDTHS, "tanh", bias=True, loss="bce"), generate("moons", SAMPLES),
                      "float32")
    return SessionState.drawn(problem, OptimizerSpec.create("adam", lr=0.01))


def timed(run, repeats: int) -> tuple[float, float]:
    """Fastest and median ms of `repeats` calls."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return 1000 * min(times), 1000 * float(np.median(times))


def show(label: str, times: tuple[float, float]) -> None:
    print(f"  {label:58s} {times[0]:8.1f} / {times[1]:8.1f}")


def core_parts(repeats: int) -> None:
    session = Session(state())
    s = session.state
    p, X, targets = s.problem, *s.batch()
    engine = session.torch_engine()
    show("a step of both engines (Session.step)", timed(lambda: session.step(1), repeats))
    show("forward, backward, autograd, torch's forward (evaluate)", timed(lambda: evaluate(s, engine), repeats))
    differences = central_differences(p.network, s.manual.params, X, targets)
    computed, total = differences.counts
    show(f"central differences, {computed} of {total} entries (the budget)",
         timed(lambda: central_differences(p.network, s.manual.params, X, targets), repeats))
    show(f"central differences, every entry ({differences.cost:.2g} multiply-adds)",
         timed(lambda: numeric_gradients(p.network, s.manual.params, X, targets), 1))
    show("the decision boundary's plane", timed(lambda: surface(p.network, s.manual.params, p.data.X), repeats))


def make_window(settings_path: str) -> MainWindow:
    settings = QSettings(settings_path, QSettings.Format.IniFormat)
    settings.clear()
    window = MainWindow(SessionController(Session(state())), settings)
    window.resize(1280, 720)
    window.show()
    settle(window)
    return window


def settle(window: MainWindow) -> None:
    """Until the coalesced refresh has run and painted."""
    QApplication.processEvents()
    while window.refresher.timer.isActive():
        QApplication.processEvents()
    QApplication.processEvents()


def window_step(window: MainWindow) -> None:
    window.commands.step.trigger()
    settle(window)


def window_edit(window: MainWindow, widths: list[int]) -> None:
    session = window.controller.session
    window.controller.perform(Session.set_network, session.problem.network.replace(
        widths=tuple(widths), activations=("tanh",) * (len(widths) - 2) + ("identity",)))
    settle(window)


def window_parts(repeats: int, play_seconds: float) -> None:
    window = make_window("/tmp/bench-large-network-settings.ini")
    for tab, page in (("loss plot", window.loss_page), ("decision boundary", window.decision_page)):
        window.plot_tabs.setCurrentWidget(page)
        for detail in (window.trajectory_panel, window.check_view):
            window.detail_tabs.setCurrentWidget(detail)
            settle(window)
            show(f"Step, {tab}, {window.detail_tabs.tabText(window.detail_tabs.currentIndex())} tab",
                 timed(lambda: window_step(window), repeats))
    shallower = WIDTHS[:-2] + WIDTHS[-1:]
    show("an edit: one hidden layer fewer, then back (two edits)",
         timed(lambda: (window_edit(window, shallower), window_edit(window, WIDTHS)), repeats))
    stall, taken = largest_play_stall(window, play_seconds)
    print(f"  Play at full speed for {play_seconds:g} s: {taken} steps ({1000 * play_seconds / max(taken, 1):.0f} ms "
          f"a step), largest event-loop gap {stall} ms")
    close_unsaved(window)


def headless() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "main.py", "--headless", f"--layers={','.join(map(str, WIDTHS))}",
                    "--activation", "tanh", "--bias", "--loss", "bce", "--dataset", "moons", "--samples",
                    str(SAMPLES), "--steps", "1"], cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--play-seconds", type=float, default=5.0)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    print(f"{'-'.join(map(str, WIDTHS))} tanh bce on {SAMPLES} moons; ms, fastest / median of {args.repeats}")
    print("1. The core")
    core_parts(args.repeats)
    print("2. The window")
    window_parts(args.repeats, args.play_seconds)
    print(f"3. python main.py --headless, one step: {headless():.2f} s")
    app.quit()


if __name__ == "__main__":
    main()
