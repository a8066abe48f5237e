"""Memory after a long run: the window's Run (or Play) for 1,000,000 steps, resident size before and after.

Run by hand: python -m bench.memory [--steps N] [--play] (a million Adam steps take about 15 minutes with Run,
35 with Play). Offscreen.
History is one float64 pair per step in a doubling buffer (16 MB per million steps, up to twice that while it
doubles); the plot keeps min/max summaries (about 1/30 of that); a Run is one undo entry, whatever its length.
"""

import argparse
import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.stepping import close_unsaved  # noqa: E402
from core.session import Session  # noqa: E402
from gui.controller import SessionController  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402


def resident_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=1_000_000)
    parser.add_argument("--play", action="store_true", help="Play at full speed until the steps are taken, "
                        "instead of Run (slower: Play steps about 40%% of the time and keeps the window live)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    window = MainWindow(SessionController(Session()),
                        QSettings("/tmp/bench-memory-settings.ini", QSettings.Format.IniFormat))
    window.resize(1280, 720)
    window.show()
    window.commands.step.trigger()  # warm up: first torch step, first paint, caches
    QApplication.processEvents()
    before = resident_mb()
    start = time.perf_counter()
    samples = []
    if args.play:
        window.speed.setCurrentIndex(window.speed.count() - 1)  # full speed
        window.commands.play.trigger()
    else:
        window.run_count.setValue(args.steps)
        window.commands.run.trigger()
    while window._runner.running:
        QApplication.processEvents()
        if args.play and window.controller.session.step_count >= args.steps:
            window.commands.play.trigger()
        if not samples or time.perf_counter() - samples[-1][0] > 30:
            samples.append((time.perf_counter(), window.controller.session.step_count, resident_mb()))
    QApplication.processEvents()
    after = resident_mb()
    session = window.controller.session
    print(f"{session.step_count} steps in {time.perf_counter() - start:.0f} s")
    print(f"resident before {before:.0f} MB, after {after:.0f} MB: grew {after - before:.0f} MB")
    print("during the run (s, step, MB): " + ", ".join(f"({t - start:.0f}, {k}, {m:.0f})" for t, k, m in samples))
    trace = session.state.trace
    print(f"loss history: {len(trace)} steps, buffer {trace._buffer.data.nbytes / 2**20:.0f} MB; "
          f"undo entries: {len(session._undo)}")
    close_unsaved(window)
    app.quit()


if __name__ == "__main__":
    main()
