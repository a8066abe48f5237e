"""The decision boundary, tested by what it draws: the heat map's pixels against the core's grid, the samples' dots
against the data and their colours against their classes, the rings against the next batch, the curve for one
input against the network, and a sentence, not a picture, where there is no plane."""

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from PySide6.QtCore import QPointF

from core import datasets
from core.data import Data
from core.decision import value_range
from core.notation import short_number
from core.session import Session
from gui.decision_plot import DecisionPlot
from gui.phases import EVERYTHING
from gui.plane_colours import FULL_LUT, LUT, class_colour, regions, scaled
from tests.sessions import session, sine, spiral, xor


@pytest.fixture
def plot(qtbot):
    view = DecisionPlot()
    qtbot.addWidget(view)
    view.resize(600, 560)
    view.show()
    qtbot.waitExposed(view)
    return view


def show(plot: DecisionPlot, s: Session) -> None:
    plot.show_state(s, s.evaluate(), EVERYTHING)


def rgb(colour) -> tuple[int, int, int]:
    return colour.red(), colour.green(), colour.blue()


def brush_colours(scatter) -> np.ndarray:
    """(n, 3) the fill of each dot."""
    return np.array([rgb(brush.color()) for brush in scatter.data["brush"]])


def pixel(plot: DecisionPlot, x: float, y: float) -> tuple[int, int, int]:
    """The colour on screen at the point (x, y) of the plane."""
    view = plot.plot_widget.getPlotItem().vb
    where = plot.plot_widget.mapFromScene(view.mapViewToScene(QPointF(x, y)))
    return rgb(plot.plot_widget.grab().toImage().pixelColor(where))


def clear_points(surface, X: np.ndarray, count: int = 6) -> list[tuple[int, int]]:
    """Grid points (i, j) away from every sample and from the grid's edges, spread over the plane."""
    p = surface.plane
    gx, gy = np.meshgrid(p.xs, p.ys)
    distance = np.min(np.hypot(gx[..., None] - X[:, 0], gy[..., None] - X[:, 1]), axis=-1)  # (G, G)
    span = p.xs[-1] - p.xs[0]
    ok = distance > 0.08 * span
    ok[:5], ok[-5:], ok[:, :5], ok[:, -5:] = False, False, False, False
    candidates = np.argwhere(ok)
    return [tuple(c) for c in candidates[np.linspace(0, len(candidates) - 1, count).astype(int)]]


def test_xor_draws_the_probability_of_class_1_over_the_plane_as_core_computed_it(plot, qtbot):
    s = xor()
    s.step(200)
    show(plot, s)
    surface, data = s.evaluate().surface, s.problem.data
    p = surface.plane
    assert plot.heat.isVisible() and not plot.regions.isVisible() and plot.colour_bar.isVisible()
    assert_allclose(plot.heat.image, surface.predicted[..., 0], rtol=0, atol=0)
    assert plot.heat.levels is not None and tuple(plot.heat.levels) == (0.0, 1.0)
    assert_array_equal(plot.heat.lut, LUT)
    assert tuple(plot.colour_bar.levels()) == (0.0, 1.0)
    # pixel (j, i) of the image is the grid point (xs[j], ys[i])
    for i, j in ((0, 0), (0, 99), (99, 0), (57, 31)):
        centre = plot.heat.mapToView(QPointF(j + 0.5, i + 0.5))
        assert_allclose([centre.x(), centre.y()], [p.xs[j], p.ys[i]], rtol=0, atol=1e-9)
    # on screen: the colour of the probability there, through the colour bar's scale
    for i, j in clear_points(surface, data.X):
        expected = scaled(surface.predicted[i, j, 0], 0.0, 1.0)
        assert_allclose(pixel(plot, p.xs[j], p.ys[i]), expected, atol=3)
    # the boundary line is where σ(z) = 0.5 on the same grid, segment by segment
    assert plot.boundary.isVisible() and plot.boundary.opts["connect"] == "pairs"
    x, y = plot.boundary.getData()
    assert_allclose(np.stack([x, y], axis=1), surface.boundary(0).reshape(-1, 2), rtol=0, atol=0)
    assert len(x) > 20


def test_the_samples_are_at_their_inputs_in_their_classs_colour(plot):
    s = xor()
    show(plot, s)
    x, y = plot.samples.getData()
    data = s.problem.data
    assert_allclose(np.stack([x, y], axis=1), data.X, rtol=0, atol=0)
    colours = brush_colours(plot.samples)
    for k in (0, 1):
        assert (colours[data.Y[:, 0] == k] == rgb(class_colour(k))).all()
    names = [label.text for _, label in plot._legend.items]
    assert names == ["class 0", "class 1", "σ(z) = 0.5"]  # every step takes all four: no rings
    assert len(plot.batch.getData()[0]) == 0 and "Ringed" not in plot.caption.text()
    assert "probability of class 1" in plot.caption.text()


def test_spiral_draws_class_regions_and_rings_the_batch_the_next_step_takes(plot):
    s = spiral()
    s.step(60)
    show(plot, s)
    surface, p = s.evaluate().surface, s.problem
    assert plot.regions.isVisible() and not plot.heat.isVisible() and not plot.colour_bar.isVisible()
    assert_array_equal(plot.regions.image, regions(surface.classes, surface.confidence, 3))
    assert len(np.unique(surface.classes)) == 3  # each class has a region
    for i, j in clear_points(surface, p.data.X, 12):
        assert_allclose(pixel(plot, surface.plane.xs[j], surface.plane.ys[i]), plot.regions.image[i, j], atol=1)
    colours = brush_colours(plot.samples)
    for k in range(3):
        assert (colours[p.targets == k] == rgb(class_colour(k))).all()
    assert [label.text for _, label in plot._legend.items] == ["class 0", "class 1", "class 2", "next batch"]
    for _ in range(2):  # the rings follow the batches
        rows = p.batch_indices(s.state.cursor)
        assert len(rows) == 32
        assert_allclose(np.stack(plot.batch.getData(), axis=1), p.data.X[rows], rtol=0, atol=0)
        s.step()
        show(plot, s)
    assert "Ringed" in plot.caption.text()


def test_one_input_draws_the_fitted_curve_over_the_samples(plot):
    s = sine()
    s.step(100)
    show(plot, s)
    surface, data = s.evaluate().surface, s.problem.data
    assert not plot.heat.isVisible() and not plot.regions.isVisible() and not plot.colour_bar.isVisible()
    assert len(plot.curves) == 1
    x, y = plot.curves[0].getData()
    assert_allclose(x, surface.plane.xs, rtol=0, atol=0)
    assert_allclose(y, surface.predicted[:, 0], rtol=0, atol=0)
    assert x[0] < data.X.min() and x[-1] > data.X.max()  # over the data's range, and a little beyond
    assert_allclose(np.stack(plot.samples.getData(), axis=1), np.concatenate([data.X, data.Y], axis=1), atol=0)
    view = plot.plot_widget.getPlotItem().vb
    (x0, x1), (y0, y1) = view.viewRange()
    assert x0 <= x[0] and x[-1] <= x1 and y0 <= min(y.min(), data.Y.min()) and max(y.max(), data.Y.max()) <= y1
    assert plot.plot_widget.getPlotItem().getAxis("left").labelText == "output a"


def test_one_input_and_classes_draw_each_classs_probability(plot):
    X = np.linspace(-1, 1, 30)[:, None]
    s = session([1, 6, 3], "tanh", "ce", Data(X, (np.arange(30) // 10)[:, None].astype(float)))
    show(plot, s)
    surface = s.evaluate().surface
    assert len(plot.curves) == 3
    for k, curve in enumerate(plot.curves):
        assert_allclose(curve.getData()[1], surface.predicted[:, k], rtol=0, atol=0)
        assert rgb(curve.opts["pen"].color()) == rgb(class_colour(k))
    assert_allclose(plot.samples.getData()[1], np.ones(30))  # each sample at probability 1, in its class's colour
    assert (brush_colours(plot.samples)[20:] == rgb(class_colour(2))).all()


def test_three_inputs_say_that_the_boundary_needs_one_or_two_and_the_plane_comes_back(plot):
    show(plot, Session())  # the seed's 3-input example
    assert plot.message.isVisible() and not plot.plot_widget.isVisible()
    assert "one or two inputs" in plot.message.text() and "3 inputs" in plot.message.text()
    assert plot.caption.text() == ""
    show(plot, xor())
    assert plot.plot_widget.isVisible() and not plot.message.isVisible() and plot.caption.text()


def test_several_outputs_choose_the_one_drawn(plot):
    xor_data = datasets.generate("xor")
    both = Data(xor_data.X, np.concatenate([xor_data.Y, 1 - xor_data.Y], axis=1))
    s = session([2, 4, 2], "tanh", "bce", both)
    show(plot, s)
    assert plot.output_combo.isVisible() and plot.output_combo.count() == 2
    plot.output_combo.setCurrentIndex(1)
    plot.output_combo.activated.emit(1)
    assert_allclose(plot.heat.image, s.evaluate().surface.predicted[..., 1], rtol=0, atol=0)
    colours = brush_colours(plot.samples)
    assert (colours[both.Y[:, 1] == 1] == rgb(class_colour(1))).all()  # coloured by the second output's target


def test_mse_over_a_plane_colours_samples_and_plane_on_the_targets_scale(plot):
    s = session([2, 4, 1], "tanh", "mse", datasets.generate("circle", 40))
    show(plot, s)
    data = s.problem.data
    assert tuple(plot.colour_bar.levels()) == value_range(data.Y[:, 0])
    assert_array_equal(brush_colours(plot.samples), scaled(data.Y[:, 0], *value_range(data.Y[:, 0]), FULL_LUT))


def test_a_refresh_redraws_the_plane_and_keeps_the_samples_and_the_legend(plot):
    s = spiral()
    show(plot, s)
    made = (plot.samples.data["brush"][0], list(plot._legend.items))
    s.step()
    show(plot, s)
    assert plot.samples.data["brush"][0] is made[0] and list(plot._legend.items) == made[1]
    surface = s.evaluate().surface
    assert_array_equal(plot.regions.image, regions(surface.classes, surface.confidence, 3))


def test_parameters_that_are_not_finite_are_said_so(plot):
    s = xor()
    params = dict(s.state.manual.params)
    params["W1"] = np.full_like(params["W1"], np.inf)  # as a diverged state may hold (an overflowing update)
    s.replace_state(s.state.replace(manual=s.state.manual.with_params(params)))
    show(plot, s)
    assert plot.message.isVisible() and "not finite" in plot.message.text()


def test_pointing_at_the_plane_reads_out_the_output_there(plot):
    s = xor()
    s.step(50)
    show(plot, s)
    surface = s.evaluate().surface
    p = surface.plane
    view = plot.plot_widget.getPlotItem().vb
    plot.plot_widget.scene().sigMouseMoved.emit(view.mapViewToScene(QPointF(p.xs[20] + 0.001, p.ys[70] - 0.001)))
    expected = f"x₁ = {short_number(p.xs[20], 3)}, x₂ = {short_number(p.ys[70], 3)}: σ(z) = " \
               f"{short_number(surface.predicted[70, 20, 0], 3)}"
    assert plot.readout.text() == expected  # one output: its z, unnumbered (z₁ is layer 1's elsewhere)
    assert plot.colour_bar.axis.labelText == "P(class 1) = σ(z)"
    s = spiral()
    show(plot, s)
    surface = s.evaluate().surface
    assert plot.read_out(surface.plane.xs[3], surface.plane.ys[90]).endswith(
        f"class {surface.classes[90, 3]}, probability {short_number(surface.confidence[90, 3], 3)}")


def pixels_per_unit(plot: DecisionPlot) -> tuple[float, float]:
    """How many pixels on screen one unit of x₁ and one of x₂ take."""
    view = plot.plot_widget.getPlotItem().vb
    origin, one = view.mapViewToScene(QPointF(0.0, 0.0)), view.mapViewToScene(QPointF(1.0, 1.0))
    return one.x() - origin.x(), origin.y() - one.y()


@pytest.mark.parametrize("size", [(320, 640), (760, 330), (600, 560)])  # the desk's tall column, wide, near square
@pytest.mark.parametrize("name, loss, classes", [("circle", "bce", 1), ("moons", "bce", 1), ("spiral3", "ce", 3)])
def test_the_plane_is_drawn_to_scale_and_as_large_as_the_plot_lets_it(plot, qtbot, size, name, loss, classes):
    """x₁ and x₂ on one scale (a circle once showed as a tall ellipse), the plane touching two opposite sides of the
    view and within the others."""
    plot.resize(*size)
    show(plot, session([2, 4, classes], "tanh", loss, datasets.generate(name)))
    view = plot.plot_widget.getPlotItem().vb
    qtbot.waitUntil(lambda: view.width() > 100 and view.height() > 100, timeout=2000)
    qtbot.wait(20)  # the view's range follows its new size
    across, up = pixels_per_unit(plot)
    assert_allclose(across, up, rtol=1e-3)
    image = plot.regions if loss == "ce" else plot.heat
    drawn, box = image.mapRectToScene(image.boundingRect()), view.sceneBoundingRect()
    assert box.adjusted(-1, -1, 1, 1).contains(drawn), (drawn, box)
    assert min(box.width() - drawn.width(), box.height() - drawn.height()) < 1.5, (drawn, box)


def test_a_curve_after_a_plane_takes_the_whole_height_again(plot):
    plot.resize(320, 640)
    show(plot, session([2, 4, 1], "tanh", "bce", datasets.generate("circle")))
    show(plot, sine())
    (x0, x1), (y0, y1) = plot.plot_widget.getPlotItem().vb.viewRange()
    low, high = value_range(sine().evaluate().surface.predicted, datasets.generate("sine").Y)
    assert_allclose([y0, y1], [low - 0.05 * (high - low), high + 0.05 * (high - low)], rtol=1e-9)


def test_pointing_beyond_the_plane_reads_out_nothing(plot, qtbot):
    """A view to scale has room above and below a plane in a tall plot: no value is claimed there."""
    plot.resize(320, 640)
    s = xor()
    show(plot, s)
    view, p = plot.plot_widget.getPlotItem().vb, s.evaluate().surface.plane
    qtbot.wait(20)
    (x0, x1), (y0, y1) = view.viewRange()
    assert y1 > p.ys[-1] + 0.2  # room above the plane
    move = plot.plot_widget.scene().sigMouseMoved.emit
    move(view.mapViewToScene(QPointF(p.xs[50], p.ys[-1] + 0.15)))
    assert plot.readout.text() == ""
    move(view.mapViewToScene(QPointF(p.xs[50], p.ys[50])))
    assert plot.readout.text().startswith(f"x₁ = {short_number(p.xs[50], 3)}")
    move(view.mapViewToScene(QPointF(p.xs[50], p.ys[0] - 0.15)))
    assert plot.readout.text() == ""
