"""Cost of the decision boundary and of the views beside it, against their budgets.

Run by hand: python -m bench.decision. Offscreen. Each refresh follows a real step and its evaluation (not timed)
and is timed from there to the picture repainted: the plane's forward pass (Evaluation.surface, computed when
first asked for), show_state, repaint.
1. The plane's forward pass alone for 2-8-8-1 at 100×100 (budget 20 ms).
2. A refresh of each view on XOR 2-4-1, on the spiral 2-8-8-3 ce, on 2-8-8-1 over the circle (the decision plot's
   budget: 20 ms), on 2-16-16-16-16-1 (64 hidden pictures) and on 16-16-16-16 with 1,000 samples (no plane: the
   boundary and the pictures say so).
3. The accuracy and gradient-norm plots with 100 and with 1,000,000 steps of history (target ≤ 2×, as the loss
   plot's).
4. What recording them adds to each step of the core's step loop (accuracy, gradient norms, a row of the trace),
   against the hand-written update itself; fastest of many repeats, which a busy machine does not inflate.
5. Play at full speed (gui.runner) for a few seconds with all four views shown and refreshed after every chunk of
   steps (in the event loop, as the window's coalesced refresh): the largest gap of a 5 ms heartbeat timer is the
   longest the event loop was unavailable (the window's target with the decision boundary showing: 50 ms).
"""

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QGridLayout, QWidget  # noqa: E402

from core import datasets  # noqa: E402
from core.data import Batching, Data  # noqa: E402
from core.decision import surface  # noqa: E402
from core.metrics import accuracy, gradient_norms  # noqa: E402
from core.network import NetworkSpec  # noqa: E402
from core.optimizer_spec import OptimizerSpec  # noqa: E402
from core.problem import Problem  # noqa: E402
from core.session import Session  # noqa: E402
from core.state import SessionState, default_state  # noqa: E402
from core.stepping import manual_update  # noqa: E402
from core.trace import LossTrace, MetricTrace  # noqa: E402
from gui.accuracy_plot import AccuracyPlot  # noqa: E402
from gui.controller import SessionController  # noqa: E402
from gui.decision_plot import DecisionPlot  # noqa: E402
from gui.grad_norm_plot import GradNormPlot  # noqa: E402
from gui.neuron_pictures import NeuronPictures  # noqa: E402
from gui.phases import EVERYTHING  # noqa: E402
from gui.runner import Runner  # noqa: E402

BUDGET_MS = 20.0


def session(widths, activation: str, loss: str, data: Data, batching: Batching = Batching()) -> Session:
    spec = NetworkSpec.create(widths, activation, True, loss)
    problem = Problem(spec, data, "float32", batching)
    return Session(SessionState.drawn(problem, OptimizerSpec.create("adam", lr=0.05)))


def cases() -> dict[str, Session]:
    rng = np.random.default_rng(0)
    wide = Data(rng.standard_normal((1000, 16)), rng.integers(0, 16, (1000, 1)).astype(np.float64))
    return {
        "XOR 2-4-1 bce": session([2, 4, 1], "tanh", "bce", datasets.generate("xor")),
        "spiral 2-8-8-3 ce": session([2, 8, 8, 3], "tanh", "ce", datasets.generate("spiral3"), Batching(32, True)),
        "circle 2-8-8-1 bce": session([2, 8, 8, 1], "tanh", "bce", datasets.generate("circle")),
        "circle 2-16-16-16-16-1": session([2, 16, 16, 16, 16, 1], "relu", "bce", datasets.generate("circle")),
        "16-16-16-16 ce, 1000": session([16, 16, 16, 16], "tanh", "ce", wide, Batching(100, True)),
    }


def best_ms(run, repeats: int = 5, number: int = 20) -> float:
    best = np.inf
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(number):
            run()
        best = min(best, (time.perf_counter() - start) / number)
    return 1000 * best


def time_surface() -> float:
    spec = NetworkSpec.create([2, 8, 8, 1], "tanh", True, "bce")
    s = session(spec.widths, "tanh", "bce", datasets.generate("circle"))
    params, X = s.state.manual.params, s.problem.data.X
    return best_ms(lambda: surface(spec, params, X))


def time_refresh(view, repaint, s: Session, refreshes: int = 30) -> tuple[float, float]:
    """The fastest and the median ms from a new state to the view repainted (the step not timed). On a machine
    others share, the fastest is the view's own cost; the median adds what waiting for the processor costs."""
    view.resize(560, 480)
    view.show()
    view.show_state(s, s.evaluate(), EVERYTHING)
    QApplication.processEvents()
    times = []
    for _ in range(refreshes):
        s.step()
        evaluation = s.evaluate()  # torch's passes and the batch's forward and backward: not the view's cost
        start = time.perf_counter()
        view.show_state(s, evaluation, EVERYTHING)  # the plane's forward pass is computed here, when first asked
        repaint(view)
        times.append(time.perf_counter() - start)
    view.close()
    return 1000 * float(np.min(times)), 1000 * float(np.median(times))


VIEWS = {
    "decision plot": (DecisionPlot, lambda v: v.plot_widget.viewport().repaint()),
    "neuron pictures": (NeuronPictures, lambda v: v.pictures.repaint()),
    "accuracy plot": (AccuracyPlot, lambda v: v.plot_widget.viewport().repaint()),
    "gradient norms": (GradNormPlot, lambda v: v.plot_widget.viewport().repaint()),
}


def with_history(s: Session, n: int) -> Session:
    """The session's state as if it had taken n steps (a synthetic history)."""
    steps = np.arange(n)
    falling = 0.5 * np.exp(-steps / max(n / 5, 1)) + 1e-3 * (1 + np.sin(steps / 7.0))
    layers = s.problem.network.layers
    metrics = MetricTrace.from_arrays(1 - falling, falling[:, None] * np.geomspace(1, 1e-3, layers))
    return Session(s.state.replace(step=n, trace=LossTrace.from_arrays(falling, falling), metrics=metrics))


def fastest_us(run, number: int = 200, repeats: int = 50) -> float:
    best = np.inf
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(number):
            run()
        best = min(best, (time.perf_counter() - start) / number)
    return 1e6 * best


def time_recording() -> None:
    """µs each step spends on its accuracy and gradient norms, beside the hand-written update's."""
    for name, s in (("seed 3-3 mse", default_state()), ("XOR 2-4-1 bce", cases()["XOR 2-4-1 bce"].state),
                    ("spiral 2-8-8-3 ce, B=32", cases()["spiral 2-8-8-3 ce"].state)):
        X, targets = s.batch()
        net = s.problem.network
        _, fwd, grads = manual_update(s, s.manual, X, targets)
        trace = MetricTrace.unknown(0, net.layers)
        added = fastest_us(lambda: trace.appended(accuracy(net.loss, fwd.output, targets), gradient_norms(net, grads)))
        update = fastest_us(lambda: manual_update(s, s.manual, X, targets))
        print(f"  {name:24s} {added:5.1f} µs added to the hand-written update's {update:6.1f} µs")


def play_stall(s: Session, seconds: float = 5.0) -> tuple[float, int]:
    """Largest gap (ms) between 5 ms heartbeat ticks while playing at full speed with every view refreshed after
    each chunk, and the steps taken."""
    controller = SessionController(s)
    box = QWidget()
    grid = QGridLayout(box)
    views = [view() for view, _ in VIEWS.values()]
    for k, view in enumerate(views):
        grid.addWidget(view, k // 2, k % 2)
    box.resize(1280, 900)
    box.show()

    def refresh() -> None:
        for view in views:
            view.show_state(s, s.evaluate(), EVERYTHING)

    pending = QTimer()  # refreshes coalesced into the event loop, as the window schedules them
    pending.setSingleShot(True)
    pending.timeout.connect(refresh)
    controller.changed.connect(pending.start)
    refresh()
    QApplication.processEvents()
    runner, clock, heartbeat, gaps, last = Runner(controller), QElapsedTimer(), QTimer(), [], [0]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat.setInterval(5)
    heartbeat.timeout.connect(tick)
    before = s.step_count
    clock.start()
    heartbeat.start()
    runner.play(None)
    while clock.elapsed() < seconds * 1000:
        QApplication.processEvents()
    runner.stop()
    heartbeat.stop()
    box.close()
    return max(gaps[1:]), s.step_count - before


def main() -> None:
    QApplication.instance() or QApplication([])
    ms = time_surface()
    print(f"The plane's forward pass, 2-8-8-1 at 100×100: {ms:.2f} ms = {ms / BUDGET_MS:.2f} × the {BUDGET_MS:g} ms "
          "budget")
    print("\nOne refresh after a step, fastest / median of 30 (ms): the forward over the plane, show_state, repaint")
    made = cases()
    print(f"{'':26s}" + "".join(f"{name:>18s}" for name in VIEWS))
    for case, s in made.items():
        row = [time_refresh(view(), repaint, s) for view, repaint in VIEWS.values()]
        print(f"{case:26s}" + "".join(f"{fast:9.2f} /{median:6.2f}" for fast, median in row))
    print("\nA refresh of the plots beside the loss, 100 and 1,000,000 steps of history (ms, fastest / median of 30)")
    for name in ("accuracy plot", "gradient norms"):
        view, repaint = VIEWS[name]
        short, long = (time_refresh(view(), repaint, with_history(made["spiral 2-8-8-3 ce"], n)) for n in
                       (100, 1_000_000))
        print(f"  {name:16s} {short[0]:6.2f} /{short[1]:6.2f} {long[0]:8.2f} /{long[1]:6.2f}   "
              f"ratio {long[0] / short[0]:.2f}× / {long[1] / short[1]:.2f}×")
    print("\nRecording accuracy and gradient norms in the step loop (fastest of 50 × 200)")
    time_recording()
    print("\nPlay at full speed for 5 s, the four views refreshed after every chunk of steps")
    for case in ("XOR 2-4-1 bce", "spiral 2-8-8-3 ce", "circle 2-8-8-1 bce"):
        stall, taken = play_stall(cases()[case])
        print(f"  {case:24s} {taken:6d} steps, largest event-loop gap {stall} ms")


if __name__ == "__main__":
    main()
