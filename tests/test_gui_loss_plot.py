"""The loss plot, tested by what it draws: the curves' points against the session's losses, in view coordinates
and in pixels, in linear and in log scale."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from PySide6.QtCore import QPointF



def settle(qtbot, window) -> None:
    """Let the coalesced refresh run."""
    qtbot.waitUntil(lambda: not window._refresh_timer.isActive(), timeout=2000)


def drawn(curve) -> tuple[np.ndarray, np.ndarray]:
    """The points a curve was given, in data coordinates (steps, losses)."""
    x, y = curve.getData()
    return np.asarray(x), np.asarray(y)


def pixel_columns(plot) -> callable:
    """Which of the view's pixel columns a step is drawn in, as the plot reckons it (checked against the screen)."""
    view = plot.plot_widget.getPlotItem().vb
    start, stop, pixels = plot._pixel_columns()
    box = view.mapRectToScene(view.rect())
    edges = [view.mapViewToScene(QPointF(x, 0.0)).x() for x in (start, stop)]
    assert_allclose(edges, [np.floor(box.left()), np.ceil(box.right())], atol=1e-6)  # whole pixels of the screen
    assert pixels == round(edges[1] - edges[0])
    return lambda x: np.floor((x - start) / ((stop - start) / pixels)).astype(np.int64)


@pytest.fixture
def ran_1000(qtbot, window):
    """The default session after Run 1000 steps, at the default window size."""
    window.controller.step(1000)
    settle(qtbot, window)
    return window


def test_1000_adam_steps_of_a_falling_loss_are_drawn_falling_from_step_0(ran_1000):
    window = ran_1000
    trace = window.controller.session.state.trace
    assert np.all(np.diff(trace.manual) <= 0)  # the loss never rises (as the replay script shows) ...
    plot = window.loss_plot
    for curve, losses in ((plot._manual, trace.manual), (plot._torch, trace.torch)):
        x, y = drawn(curve)
        steps = x.astype(np.int64)
        assert_array_equal(x, steps)
        assert x[0] == 0 and x[-1] == 1000  # from step 0 to the current step
        assert_array_equal(y[:-1], losses[steps[:-1]])  # real (step, loss) pairs
        assert np.all(np.diff(y[:-1]) <= 0)  # ... and is drawn so: no teeth
        # each pixel column holding steps shows their lowest and highest loss
        column = pixel_columns(plot)
        all_steps = np.arange(len(losses))
        data_columns, drawn_columns = column(all_steps), column(x[:-1])
        for c in np.unique(data_columns):
            in_column, shown = losses[data_columns == c], y[:-1][drawn_columns == c]
            assert shown.min() <= in_column.min() and shown.max() >= in_column.max()
