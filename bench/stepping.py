"""Stepping in the window against the core alone, and how long Play ever blocks the event loop.

Run by hand: python -m bench.stepping [--scenario seed xor]. Offscreen (the window still paints into its backing
store). For each scenario (the seed's one-layer example; XOR 2-4-1 with its decision boundary showing):
1. Run 10,000 steps with the window's Run action, against Session.step(10000) of the core alone, alternated;
   also how much of the window's time was spent outside Session.step (its own overhead: refreshing, painting).
2. Play at full speed for a few seconds with a 5 ms heartbeat timer: the largest gap between its ticks is the
   longest the event loop was unavailable.
"""

import argparse
import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from core.scenarios import scenario  # noqa: E402
from core.session import Session  # noqa: E402
from gui.app import collect_from_now_on  # noqa: E402
from gui.controller import SessionController  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402


def make_window(settings_path: str, name: str) -> MainWindow:
    """The window at a desk's size on the scenario, showing the plot the scenario opens (XOR: the boundary)."""
    settings = QSettings(settings_path, QSettings.Format.IniFormat)
    settings.clear()
    window = MainWindow(SessionController(Session(scenario(name).make())), settings)
    window.resize(1280, 720)
    window.show()
    window.load_scenario(scenario(name))  # (its plot tab, log scale; one more undo entry)
    QApplication.processEvents()
    return window


def close_unsaved(window: MainWindow) -> None:
    """Close without the unsaved-changes question, which nobody is there to answer."""
    window.controller.undo_stack.setClean()
    window.close()


def time_core(steps: int, name: str) -> float:
    session = Session(scenario(name).make())
    start = time.perf_counter()
    session.step(steps)
    return time.perf_counter() - start


def time_window(window: MainWindow, steps: int) -> tuple[float, float]:
    """Wall time of the run, and the part of it spent inside Session.step."""
    inside = [0.0]
    step = Session.step

    def timed(self, *args, **kwargs):
        start = time.perf_counter()
        try:
            return step(self, *args, **kwargs)
        finally:
            inside[0] += time.perf_counter() - start

    window.run_count.setValue(steps)
    Session.step = timed
    try:
        start = time.perf_counter()
        window.commands.run.trigger()
        while window._runner.running:
            QApplication.processEvents()
        QApplication.processEvents()  # the final refresh
        return time.perf_counter() - start, inside[0]
    finally:
        Session.step = step


def largest_play_stall(window: MainWindow, seconds: float) -> tuple[float, int]:
    """Largest gap (ms) between 5 ms heartbeat ticks while playing at full speed, and the steps taken."""
    clock, gaps, last = QElapsedTimer(), [], [0]
    heartbeat = QTimer()
    heartbeat.setInterval(5)

    def tick():
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat.timeout.connect(tick)
    window.speed.setCurrentIndex(window.speed.count() - 1)  # full speed
    before = window.controller.session.step_count
    clock.start()
    heartbeat.start()
    window.commands.play.trigger()
    while clock.elapsed() < seconds * 1000:
        QApplication.processEvents()
    window.commands.play.trigger()
    heartbeat.stop()
    return max(gaps[1:]), window.controller.session.step_count - before


def _list(values: list[float]) -> str:
    return ", ".join(f"{v:.2f}" for v in values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--play-seconds", type=float, default=5.0)
    parser.add_argument("--scenario", nargs="+", default=["seed", "xor"])
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    settings = "/tmp/bench-stepping-settings.ini"
    for name in args.scenario:
        core, gui, overhead = [], [], []
        for _ in range(args.repeats):  # alternated, so both see the same machine load
            core.append(time_core(args.steps, name))
            window = make_window(settings, name)
            total, inside = time_window(window, args.steps)
            gui.append(total)
            overhead.append(total - inside)
            close_unsaved(window)
        c, g = min(core), min(gui)
        shown = window.plot_tabs.tabText(window.plot_tabs.currentIndex())
        print(f"{name}: Run {args.steps} steps (best of {args.repeats}, alternated), plot tab {shown!r}:")
        print(f"  core alone  {c:7.2f} s   ({c / args.steps * 1e6:.0f} µs/step)   all: {_list(core)}")
        print(f"  window      {g:7.2f} s   ({g / args.steps * 1e6:.0f} µs/step)   all: {_list(gui)}")
        print(f"  window / core = {g / c:.3f}")
        print(f"  window time outside Session.step (refresh, paint, event loop): {_list(overhead)} s, "
              f"{min(overhead) / c:.1%} of the core's time")
        window = make_window(settings, name)
        collect_from_now_on()  # as gui.app does after the first paint: what exists now is left out of gc's passes
        stall, taken = largest_play_stall(window, args.play_seconds)
        print(f"  Play at full speed for {args.play_seconds:g} s: {taken} steps, largest event-loop gap {stall} ms")
        close_unsaved(window)
    app.quit()


if __name__ == "__main__":
    main()
