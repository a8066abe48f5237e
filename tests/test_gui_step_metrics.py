"""The accuracy and gradient-norm plots, tested by what they draw: the curves' points against the recorded
history, the current state's dots, log scale for the norms, breaks at edits, and a long history decimated."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

from core.session import Session
from core.trace import LossTrace, MetricTrace
from gui.accuracy_plot import AccuracyPlot
from gui.grad_norm_plot import GradNormPlot
from gui.phases import EVERYTHING, Shown
from gui.plot_style import pixel_columns
from tests.sessions import spiral, xor


@pytest.fixture(params=[AccuracyPlot, GradNormPlot])
def make_plot(request, qtbot):
    def make():
        view = request.param()
        qtbot.addWidget(view)
        view.resize(520, 300)
        view.show()
        qtbot.waitExposed(view)
        return view
    return make


def show(view, s: Session, shown: Shown = EVERYTHING) -> None:
    view.show_state(s, s.evaluate(), shown)


def drawn(curve) -> tuple[np.ndarray, np.ndarray]:
    """The points a curve draws, in view coordinates (log10 of the values on a log axis)."""
    x, y = curve.getData()
    return (np.empty(0), np.empty(0)) if x is None else (np.asarray(x), np.asarray(y))


def series_of(view, s: Session) -> tuple[list[np.ndarray], np.ndarray]:
    """What the plot should draw: the recorded history of each series and the current state's values."""
    e = s.evaluate()
    if isinstance(view, AccuracyPlot):
        return [s.state.metrics.accuracy], np.array([e.accuracy])
    return [s.state.metrics.norm(l) for l in range(1, s.problem.network.layers + 1)], e.gradient_norms


def in_view_units(view, values: np.ndarray) -> np.ndarray:
    return np.log10(values) if isinstance(view, GradNormPlot) else values


def test_every_step_is_drawn_at_its_value_and_the_current_state_continues_the_curves(make_plot):
    view = make_plot()
    s = spiral()
    s.step(30)
    show(view, s)
    history, current = series_of(view, s)
    assert len(view.curves) == len(history)
    for curve, values, now in zip(view.curves, history, current):
        x, y = drawn(curve)
        assert_array_equal(x, np.arange(31))  # few steps: every one, and the current state at step 30
        assert_allclose(y, in_view_units(view, np.append(values, now)), rtol=1e-12)
    dots_x, dots_y = drawn(view._now)
    assert_array_equal(dots_x, np.full(len(history), 30))
    assert_allclose(dots_y, in_view_units(view, current), rtol=1e-12)
    (x0, x1), (y0, y1) = view.plot_widget.getPlotItem().vb.viewRange()
    assert x0 < 0 and 30 < x1 and y0 < np.nanmin(np.concatenate([drawn(c)[1] for c in view.curves]))
    assert np.nanmax(np.concatenate([drawn(c)[1] for c in view.curves])) < y1


def test_the_gradient_norms_are_on_a_log_axis_one_named_curve_per_layer(qtbot):
    view = GradNormPlot()
    qtbot.addWidget(view)
    view.show()
    show(view, spiral())
    item = view.plot_widget.getPlotItem()
    assert item.getAxis("left").logMode and all(curve.opts["logMode"][1] for curve in view.curves)
    assert [label.text for _, label in view._legend.items] == ["‖∂L/∂W₁‖", "‖∂L/∂W₂‖", "‖∂L/∂W₃‖"]
    colours = {curve.opts["pen"].color().name() for curve in view.curves}
    assert len(colours) == 3  # told apart


@pytest.mark.parametrize("shown", [Shown(forward=False, backward=False), Shown(forward=True, backward=False)])
def test_the_current_state_is_drawn_only_once_its_phase_has_computed_it(make_plot, shown):
    view = make_plot()
    s = xor()
    s.step(5)
    show(view, s, shown)
    known = shown.forward if isinstance(view, AccuracyPlot) else shown.backward
    assert len(drawn(view._now)[0]) == (1 if known else 0)
    assert drawn(view.curves[0])[0][-1] == (5 if known else 4)


def test_an_edit_breaks_the_curves_at_its_step(make_plot):
    view = make_plot()
    s = xor()
    s.step(10)
    s.edit_parameter("W1", (0, 0), 0.25)
    s.step(10)
    show(view, s)
    for curve in view.curves:
        x, y = drawn(curve)
        gap = np.flatnonzero(np.isnan(y))
        assert len(gap) == 1 and x[gap[0] - 1] == 9 and x[gap[0] + 1] == 10  # between step 9 and the edited 10


def test_undo_draws_the_shorter_history(make_plot):
    view = make_plot()
    s = xor()
    s.step(20)
    show(view, s)
    s.step(7)
    show(view, s)
    s.undo()
    show(view, s)
    history, current = series_of(view, s)
    x, y = drawn(view.curves[0])
    assert x[-1] == 20
    assert_allclose(y, in_view_units(view, np.append(history[0], current[0])), rtol=1e-12)


def test_a_long_history_is_drawn_from_each_pixel_columns_extremes(make_plot):
    view = make_plot()
    s = xor()
    n = 200_000
    steps = np.arange(n)
    wave = 0.5 + 0.4 * np.sin(steps / 3000.0) * np.cos(steps / 7.0)
    layers = s.problem.network.layers
    s = Session(s.state.replace(step=n, trace=LossTrace.from_arrays(wave, wave),
                                metrics=MetricTrace.from_arrays(wave, np.repeat(wave[:, None], layers, axis=1))))
    show(view, s)
    x, y = drawn(view.curves[0])
    pixels = pixel_columns(view.plot_widget.getPlotItem().vb)[2]
    assert len(x) <= 2 * pixels + 3  # each pixel column's lowest and highest, the first and the last
    values = in_view_units(view, wave)
    assert_allclose([np.nanmin(y[:-1]), np.nanmax(y[:-1])], [values.min(), values.max()], rtol=1e-12)
    assert_allclose(y[:-1], values[x[:-1].astype(int)], rtol=1e-12)  # real (step, value) pairs


def test_mse_has_no_accuracy_and_says_so(qtbot):
    view = AccuracyPlot()
    qtbot.addWidget(view)
    view.show()
    show(view, Session())
    assert view.message.isVisible() and not view.plot_widget.isVisible()
    assert "mean squared error" in view.message.text()
    show(view, xor())
    assert view.plot_widget.isVisible() and view.caption.text()
