"""The Runner sizes its chunks of steps by how long a step takes: the event loop gets its turn between them."""

import time

from core.session import Session
from gui.controller import SessionController
from gui.runner import Runner


def test_play_measures_a_step_before_sizing_its_chunks_by_it(qtbot, monkeypatch):
    """After fast steps (the seed's, ~50 µs), Play on a slow problem (2-16-16-16-16-1 on 10,000 samples, ~0.1 s a
    step) took its first chunk at the old speed: 8 ms worth of fast steps, many slow ones, the window frozen."""
    controller = SessionController(Session())
    runner = Runner(controller)
    runner.run(300)
    qtbot.waitUntil(lambda: not runner.running, timeout=20000)
    chunks = []
    step = controller.step

    def slow(count=1, **kwargs):  # 20 ms a step from now on: a larger problem
        chunks.append(count)
        time.sleep(0.02 * count)
        return step(count, **kwargs)

    monkeypatch.setattr(controller, "step", slow)
    runner.play(None)
    qtbot.waitUntil(lambda: len(chunks) >= 3, timeout=20000)
    runner.stop()
    assert chunks[:3] == [1, 1, 1]  # one step is more than a chunk's 8 ms: one step a turn
