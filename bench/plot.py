"""Cost of one loss-plot refresh with 100 and with 1,000,000 steps of history.

Run by hand: python -m bench.plot. A refresh = one new step folded into the history, the curves given their
points, and the plot repainted (offscreen). For contrast, the same with the whole history handed to pyqtgraph's
own clip-to-view and peak downsampling on every refresh.
"""

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pyqtgraph as pg  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from core.trace import LossTrace  # noqa: E402
from gui.loss_plot import LossPlot  # noqa: E402


def history(n: int) -> LossTrace:
    steps = np.arange(n)
    losses = 29.5 * np.exp(-steps / max(n / 5, 1)) + 0.01 * np.sin(steps / 7.0) + 1.0
    return LossTrace.from_arrays(losses, losses * (1 + 1e-7))


def time_ours(n: int, refreshes: int) -> float:
    plot = LossPlot()
    plot.resize(450, 320)
    plot.show()
    trace = history(n)
    plot.show_history(trace, 1.0, 1.0)
    QApplication.processEvents()
    start = time.perf_counter()
    for k in range(refreshes):
        trace = trace.appended(1.0 - 1e-6 * k, 1.0 - 1e-6 * k)
        plot.show_history(trace, 0.99, 0.99)
        plot.plot_widget.viewport().repaint()
    elapsed = (time.perf_counter() - start) / refreshes
    plot.close()
    return elapsed


def time_pyqtgraph_downsampling(n: int, refreshes: int) -> float:
    widget = pg.PlotWidget()
    widget.resize(450, 320)
    item = widget.getPlotItem()
    item.setClipToView(True)
    item.setDownsampling(auto=True, mode="peak")
    curves = [item.plot(), item.plot()]
    widget.show()
    trace = history(n)
    QApplication.processEvents()
    x = np.arange(n + refreshes + 1, dtype=np.float64)
    start = time.perf_counter()
    for _ in range(refreshes):
        trace = trace.appended(1.0, 1.0)
        for curve, values in zip(curves, (trace.manual, trace.torch)):
            curve.setData(x[: len(trace)], values)
        widget.viewport().repaint()
    elapsed = (time.perf_counter() - start) / refreshes
    widget.close()
    return elapsed


def main() -> None:
    app = QApplication.instance() or QApplication([])
    results = {}
    for n in (100, 1_000_000):
        for name, timer in (("ours", time_ours), ("pyqtgraph", time_pyqtgraph_downsampling)):
            results[name, n] = min(timer(n, 50) for _ in range(3))
    print("One plot refresh (a new step, new points, repaint), best of 3 × 50:")
    print(f"  {'':45} {'100 steps':>10} {'1,000,000':>10} {'ratio':>7}")
    for name, label in (("ours", "incremental min/max pyramid (the app)"),
                        ("pyqtgraph", "whole history, pyqtgraph downsampling")):
        small, large = results[name, 100], results[name, 1_000_000]
        print(f"  {label:45} {small * 1e3:8.2f} ms {large * 1e3:8.2f} ms {large / small:6.2f}×")
    app.quit()


if __name__ == "__main__":
    main()
