"""What the settings pane (network editor, data table) costs a refresh, on XOR 2-4-1 and on 16-16-16-16 with
1,000 samples, and the data table at 10,000 samples.

Run by hand: python -m bench.settings_pane. Offscreen. Best of 5 rounds of each; times in µs or ms.
1. A refresh while stepping: the parameters changed, the network and data did not (what Play asks ~50 times/s):
   the whole pane (its optimizer form included), and in brackets the network editor and the data panel alone.
2. A refresh after new data of the same shape (the table repaints, it is not reset).
3. A refresh after a new network of another depth (the layer rows are rebuilt).
4. The table at 10,000 samples: one data() call, and painting the table.
"""

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from core.data import Data  # noqa: E402
from core.datasets import generate  # noqa: E402
from core.network import NetworkSpec  # noqa: E402
from core.session import Session  # noqa: E402
from gui.controller import SessionController  # noqa: E402
from gui.settings_panel import SettingsPanel  # noqa: E402


def best(act, rounds: int = 5, repeat: int = 200) -> float:
    """Seconds per call of act(), best of `rounds` means over `repeat` calls."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(repeat):
            act()
        times.append((time.perf_counter() - start) / repeat)
    return min(times)


def session_of(widths, data: Data, loss: str) -> Session:
    session = Session()
    session.set_data_and_network(data, NetworkSpec.create(widths, "tanh", True, loss))
    return session


def refresh_while_stepping(pane: SettingsPanel, session: Session, steps: int = 200) -> tuple[float, float]:
    """Seconds per show_state after a step (the step itself not counted), of the whole pane and of the network
    editor and data panel alone; best of 5 rounds."""
    times = []
    for _ in range(5):
        whole = own = 0.0
        for _ in range(steps):
            session.step(1)
            start = time.perf_counter()
            pane.network_editor.show_state(session)
            pane.data_panel.show_state(session)
            middle = time.perf_counter()
            pane.show_state(session)
            own, whole = own + middle - start, whole + time.perf_counter() - middle
        times.append((whole / steps, own / steps))
    return min(t[0] for t in times), min(t[1] for t in times)


def refresh_after(pane: SettingsPanel, session: Session, change, repeat: int = 20) -> float:
    """Seconds per show_state after change(k) (not counted), best of 5 rounds."""
    times = []
    for _ in range(5):
        total = 0.0
        for k in range(repeat):
            change(k)
            start = time.perf_counter()
            pane.show_state(session)
            total += time.perf_counter() - start
        times.append(total / repeat)
    return min(times)


def measure(name: str, session: Session, other: Data, deeper: NetworkSpec) -> None:
    pane = SettingsPanel(SessionController(session))
    pane.show()
    QApplication.processEvents()
    pane.show_state(session)
    refresh, own = refresh_while_stepping(pane, session)
    datas, networks = [session.problem.data, other], [session.problem.network, deeper]
    data_refresh = refresh_after(pane, session, lambda k: session.set_dataset(datas[k % 2]))
    network_refresh = refresh_after(pane, session, lambda k: session.set_network(networks[k % 2]))
    print(f"{name:28} {refresh * 1e6:8.1f} µs ({own * 1e6:4.1f} µs) {data_refresh * 1e3:10.2f} ms "
          f"{network_refresh * 1e3:10.2f} ms")
    pane.close()


def main() -> None:
    app = QApplication.instance() or QApplication([])
    print(f"{'':28} {'refresh while stepping':>22} {'new data':>13} {'new network':>13}")
    print(f"{'':28} {'pane (editor + data)':>22}")
    xor = session_of([2, 4, 1], generate("xor"), "bce")
    measure("XOR 2-4-1", xor, generate("xor", noise=0.1), NetworkSpec.create([2, 4, 4, 1], "tanh", True, "bce"))
    rng = np.random.default_rng(0)
    wide = [Data(rng.standard_normal((1000, 16)), rng.standard_normal((1000, 16))) for _ in range(2)]
    measure("16-16-16-16, 1,000 samples", session_of([16] * 4, wide[0], "mse"), wide[1],
            NetworkSpec.create([16] * 6, "tanh", True, "mse"))

    session = session_of([2, 8, 1], generate("spiral", 10_000), "bce")
    pane = SettingsPanel(SessionController(session))
    pane.tabs.setCurrentWidget(pane.data_panel)
    pane.resize(300, 600)
    pane.show()
    app.processEvents()
    model = pane.data_panel.model
    indexes = [model.index(r, c) for r in range(0, 10_000, 7) for c in range(3)]
    per_call = best(lambda: [i.data(Qt.ItemDataRole.DisplayRole) for i in indexes], repeat=3) / len(indexes)
    view = pane.data_panel.table
    paint = best(lambda: view.viewport().grab(), repeat=10)
    print(f"10,000 samples: data() {per_call * 1e6:.1f} µs per call; painting the table {paint * 1e3:.2f} ms")


if __name__ == "__main__":
    main()
