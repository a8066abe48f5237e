"""The loss plot, tested by what it draws: the curves' points against the session's losses, in view coordinates
and in pixels, in linear and in log scale."""

from typing import Callable

import numpy as np
import pyqtgraph as pg
import pytest
from numpy.testing import assert_allclose, assert_array_equal
from PySide6.QtCore import QPointF, Qt

from core.scenarios import scenario
from core.session import Session
from gui.plot_style import pixel_columns as plot_pixel_columns


def settle(qtbot, window) -> None:
    """Let the coalesced refresh run."""
    qtbot.waitUntil(lambda: not window._refresh_timer.isActive(), timeout=2000)


def drawn(curve) -> tuple[np.ndarray, np.ndarray]:
    """The points a curve draws, in view coordinates: (steps, losses), or the losses' log10 in log scale."""
    x, y = curve.getData()
    return (np.empty(0), np.empty(0)) if x is None else (np.asarray(x), np.asarray(y))


def view_box(plot):
    return plot.plot_widget.getPlotItem().vb


def pixel_columns(plot) -> Callable[[np.ndarray], np.ndarray]:
    """Which of the view's pixel columns a step is drawn in, as the plot reckons it (checked against the screen)."""
    view = view_box(plot)
    start, stop, pixels = plot_pixel_columns(view)
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


@pytest.mark.parametrize("log", [False, True])
def test_1000_adam_steps_of_a_falling_loss_are_drawn_falling_from_step_0(ran_1000, log):
    window = ran_1000
    trace = window.controller.session.state.trace
    assert np.all(np.diff(trace.manual) <= 0)  # the loss never rises (as the replay script shows) ...
    plot = window.loss_plot
    plot.log_y.setChecked(log)
    for curve, losses in ((plot._manual, trace.manual), (plot._torch, trace.torch)):
        x, y = drawn(curve)
        losses = np.log10(losses) if log else losses
        steps = x.astype(np.int64)
        assert_array_equal(x, steps)
        assert x[0] == 0 and x[-1] == 1000  # from step 0 to the current step
        assert_allclose(y[:-1], losses[steps[:-1]], rtol=1e-15, atol=0)  # real (step, loss) pairs
        assert np.all(np.diff(y[:-1]) <= 0)  # ... and is drawn so: no teeth
        # each pixel column holding steps shows their lowest and highest loss
        column = pixel_columns(plot)
        all_steps = np.arange(len(losses))
        data_columns, drawn_columns = column(all_steps), column(x[:-1])
        for c in np.unique(data_columns):
            in_column, shown = losses[data_columns == c], y[:-1][drawn_columns == c]
            assert shown.min() <= in_column.min() and shown.max() >= in_column.max()


def dots(plot) -> list[tuple[QPointF, QPointF, float]]:
    """Each round symbol drawn on the plot: (where in view coordinates, where in the scene, radius in pixels)."""
    found = []
    view = view_box(plot)
    for item in view.childGroup.childItems():
        for scatter in [item, *item.childItems()]:
            if isinstance(scatter, pg.ScatterPlotItem) and scatter.isVisible():
                found += [(spot.pos(), view.mapViewToScene(spot.pos()), (spot.size() + spot.pen().widthF()) / 2)
                          for spot in scatter.points() if spot.symbol() == "o"]
    return found


def assert_everything_in_view(plot) -> None:
    """Every drawn point inside the view range (or a step beyond its edge, for the line to reach it), and every dot
    of the steps in view whole inside the view box."""
    view = view_box(plot)
    (x0, x1), (y0, y1) = view.viewRange()
    for curve in plot._curves():
        x, y = drawn(curve)
        assert np.all((x0 - 1 <= x) & (x <= x1 + 1)), curve.name()
        shown = np.isfinite(y) & (x0 <= x) & (x <= x1)
        assert np.all((y0 <= y[shown]) & (y[shown] <= y1)), (curve.name(), y0, y1, y[shown].min(), y[shown].max())
    box = view.mapRectToScene(view.rect())
    for at, centre, radius in dots(plot):
        if not x0 <= at.x() <= x1:  # zoomed by hand to other steps
            continue
        assert box.left() <= centre.x() - radius and centre.x() + radius <= box.right(), (centre, radius, box)
        assert box.top() <= centre.y() - radius and centre.y() + radius <= box.bottom(), (centre, radius, box)


@pytest.mark.parametrize("log", [False, True])
def test_the_current_step_is_marked_at_its_loss_in_either_scale_and_the_view_holds_all(qtbot, window, log):
    window.loss_plot.log_y.setChecked(log)
    window.controller.step(30)
    settle(qtbot, window)
    e = window.controller.session.evaluate()
    losses = [e.forward.loss, e.torch.loss]
    marked = sorted(pos.y() for pos, _, _ in dots(window.loss_plot))
    assert all(pos.x() == 30 for pos, _, _ in dots(window.loss_plot))
    assert_allclose(marked, sorted(np.log10(losses) if log else losses), rtol=1e-12)
    assert_everything_in_view(window.loss_plot)


def test_a_scenario_opened_in_log_scale_shows_its_start(qtbot, window):
    window.loss_plot.log_y.setChecked(True)
    window.load_scenario(scenario("forgetful"))
    settle(qtbot, window)
    loss = window.controller.session.evaluate().forward.loss
    assert dots(window.loss_plot) and all(pos.x() == 0 for pos, _, _ in dots(window.loss_plot))
    assert_allclose([pos.y() for pos, _, _ in dots(window.loss_plot)], np.log10(loss), rtol=1e-6)
    assert_everything_in_view(window.loss_plot)


def test_an_undone_run_leaves_the_losses_that_remain_in_the_middle_of_the_view(qtbot, window):
    """Back from 103 steps to 3 with Undo, the three losses kept the run's range and sat along its top edge."""
    window.controller.step(3)
    window.controller.step(100)
    settle(qtbot, window)
    window.controller.undo_stack.undo()
    settle(qtbot, window)
    _, y = drawn(window.loss_plot._manual)
    (y0, y1) = view_box(window.loss_plot).viewRange()[1]
    middle = (y.min() + y.max()) / 2
    assert abs(middle - (y0 + y1) / 2) <= 0.1 * (y1 - y0), (y.min(), y.max(), y0, y1)
    assert_everything_in_view(window.loss_plot)


def test_leaving_the_stage_the_steps_start_at_the_left_edge_again(qtbot, window):
    """After F5 and Esc the loss plot kept the range fitted to the stage's narrower plot: step 0 sat hundreds of
    steps in from the left edge."""
    window.controller.step(300)
    settle(qtbot, window)
    window.set_presenting(True)
    qtbot.waitUntil(lambda: window.isFullScreen(), timeout=3000)
    settle(qtbot, window)
    window.set_presenting(False)
    qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=3000)
    settle(qtbot, window)
    qtbot.wait(50)  # the desk's layout settles over a few turns of the event loop
    x0, x1 = view_box(window.loss_plot).viewRange()[0]
    assert -0.05 * x1 <= x0 < 0 and x1 >= 300, (x0, x1)
    assert_everything_in_view(window.loss_plot)


@pytest.mark.parametrize("presenting", [False, True])
def test_the_current_step_dot_is_whole_at_every_step(qtbot, window, presenting):
    """Step 10 landed on the range's edge, and its dot was cut in half (most visibly in presentation mode)."""
    window.set_presenting(presenting)
    for step in range(1, 25):
        window.controller.step(1)
        settle(qtbot, window)
        assert_everything_in_view(window.loss_plot)
    window.set_presenting(False)


def legend_names(plot) -> list[str]:
    return [label.text for _, label in plot._legend.items]


@pytest.fixture
def language(window):
    """The window's language, set back to English after the test whatever happens."""
    yield window.language
    window.language.set("en")


@pytest.mark.parametrize("code", ["en", "zh_CN"])
@pytest.mark.parametrize("name", ["forgetful", "momentum"])
def test_the_legend_names_each_curve_once(qtbot, window, language, code, name):
    language.set(code)
    window.load_scenario(scenario(name))
    window.controller.step(5)
    settle(qtbot, window)
    names = legend_names(window.loss_plot)
    assert len(names) == len(set(names)) == 3, names


def to_scene(view, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """View coordinates to scene pixels (the map is x and y scaled and shifted)."""
    origin, one = view.mapViewToScene(QPointF(0.0, 0.0)), view.mapViewToScene(QPointF(1.0, 1.0))
    return origin.x() + x * (one.x() - origin.x()), origin.y() + y * (one.y() - origin.y())


def assert_legend_clear(plot) -> None:
    """No drawn point of any curve, and no part of a dot, under the legend."""
    view, legend = view_box(plot), plot._legend.sceneBoundingRect()
    assert legend.width() > 0 and legend.height() > 0
    for curve in plot._curves():
        x, y = drawn(curve)
        sx, sy = to_scene(view, x, y)
        under = (sx >= legend.left()) & (sx <= legend.right()) & (sy >= legend.top()) & (sy <= legend.bottom())
        assert not under.any(), (curve.name(), x[under], y[under])
    for _, centre, radius in dots(plot):
        assert not legend.adjusted(-radius, -radius, radius, radius).contains(centre)


@pytest.mark.parametrize("name, log", [("forgetful", True), ("momentum", True), ("seed", False)])
def test_a_scenario_sets_the_scale_it_needs_and_the_legend_leaves_its_curves_in_sight(qtbot, window, name, log):
    """Adam's 1e-15 against the forgetful twin's 4e-5 after 300 steps shows only in log scale."""
    window.loss_plot.log_y.setChecked(not log)
    window.load_scenario(scenario(name))
    assert window.loss_plot.log_y.isChecked() == log
    window.controller.step(300)
    settle(qtbot, window)
    assert_legend_clear(window.loss_plot)
    assert_everything_in_view(window.loss_plot)


@pytest.mark.parametrize("log", [False, True])
def test_the_legend_leaves_1000_steps_in_sight(ran_1000, log):
    ran_1000.loss_plot.log_y.setChecked(log)
    assert_legend_clear(ran_1000.loss_plot)
    assert_everything_in_view(ran_1000.loss_plot)


def test_switching_scale_keeps_the_steps_zoomed_into_and_fits_their_losses(ran_1000):
    plot = ran_1000.loss_plot
    view = view_box(plot)
    view.setXRange(200, 300, padding=0)
    plot.follow.setChecked(False)  # as zooming by hand does
    for log in (True, False):
        plot.log_y.setChecked(log)
        assert_allclose(view.viewRange()[0], [200, 300], rtol=0, atol=1e-9)
        x, _ = drawn(plot._manual)
        assert x.min() <= 200 and x.max() >= 300
        assert_everything_in_view(plot)


def segments(curve) -> tuple[np.ndarray, np.ndarray]:
    """The line pieces a curve draws: pairs of successive finite points, as (x of both ends), (y of both ends)."""
    x, y = drawn(curve)
    joined = np.isfinite(y[:-1]) & np.isfinite(y[1:])
    return np.stack([x[:-1], x[1:]], 1)[joined], np.stack([y[:-1], y[1:]], 1)[joined]


def hover(plot, step: float) -> str:
    """The read-out with the mouse over `step`; it must fit the room it has."""
    view = view_box(plot)
    y0, y1 = view.viewRange()[1]
    plot.plot_widget.scene().sigMouseMoved.emit(view.mapViewToScene(QPointF(step, (y0 + y1) / 2)))
    readout, room = plot.readout, plot.readout.contentsRect()
    wrap = Qt.TextFlag.TextWordWrap if readout.wordWrap() else Qt.TextFlag.TextSingleLine
    needed = readout.fontMetrics().boundingRect(room, wrap, readout.text())
    assert needed.width() <= room.width() and needed.height() <= room.height(), readout.text()  # not cut
    return readout.text()


@pytest.mark.parametrize("log", [False, True])
def test_an_edit_is_marked_and_never_drawn_as_training(qtbot, window, log):
    """Editing W at step 5 made a jump in the loss that the curve joined to step 4 as if a step had made it."""
    window.loss_plot.log_y.setChecked(log)
    c = window.controller
    c.step(5)
    before = c.session.evaluate()
    c.perform(Session.edit_weight, 1, 2, 2.0)
    c.step(5)
    settle(qtbot, window)
    trace, plot = c.session.state.trace, window.loss_plot
    losses_before = {plot._manual: before.forward.loss, plot._torch: before.torch.loss}
    for curve, losses in ((plot._manual, trace.manual), (plot._torch, trace.torch)):
        xs, ys = segments(curve)
        ys = 10 ** ys if log else ys
        into = (xs[:, 0] < 5) & (xs[:, 1] >= 5)  # lines that reach step 5 from before it ...
        assert into.sum() == 1 and xs[into][0, 1] == 5
        assert_allclose(ys[into][0, 1], losses_before[curve], rtol=1e-9)  # ... end at the loss step 5 had then
        start = xs[:, 0] == 5  # the line from step 5 starts at its loss after the edit
        assert_allclose(ys[start][0, 0], losses[5], rtol=1e-9)
        assert abs(losses[5] - losses_before[curve]) > 0.1
    marks = [(x, 10 ** y if log else y) for x, y in zip(*drawn(plot._edit_points))]
    assert len(marks) == 1 and marks[0][0] == 5
    assert_allclose(marks[0][1], trace.manual[5], rtol=1e-9)
    assert "Edit W1[2,3]" in hover(plot, 5) and "Edit" not in hover(plot, 4)
    assert_everything_in_view(plot)


def test_an_undone_edit_takes_its_mark_away_and_an_edit_at_the_current_step_shows_both_losses(qtbot, window):
    c, plot = window.controller, window.loss_plot
    c.step(3)
    before = c.session.evaluate().forward.loss
    c.perform(Session.set_activation, "tanh")
    settle(qtbot, window)
    after = c.session.evaluate().forward.loss
    x, y = drawn(plot._manual)
    assert_allclose(y[x == 3], [before, np.nan, after], rtol=1e-9)  # the old line ends, the new starts, apart
    assert "Activation tanh" in hover(plot, 3)
    c.undo_stack.undo()
    settle(qtbot, window)
    assert drawn(plot._edit_points)[0].size == 0 and not plot.forgetful_shown
    x, y = drawn(plot._manual)
    assert np.isfinite(y).all() and "Activation" not in hover(plot, 3)


def test_the_read_out_fits_and_reads_the_current_step_too(qtbot, window):
    window.controller.step(5)
    settle(qtbot, window)
    e = window.controller.session.evaluate()
    assert hover(window.loss_plot, 4).startswith("step 4:")
    now = hover(window.loss_plot, 5)  # the current state's losses (unpacking them failed: they are three now)
    assert now.startswith("step 5:") and f"{e.forward.loss:.8g}"[:6] in now


@pytest.mark.parametrize("log", [False, True])
def test_an_edit_that_mends_a_diverged_run_is_drawn_without_its_infinite_loss(qtbot, window, log):
    window.load_scenario(scenario("diverging"))
    window.loss_plot.log_y.setChecked(log)
    c = window.controller
    c.step(100)
    assert c.session.divergence() is not None
    c.perform(Session.set_weight, np.zeros((3, 3)))
    c.step(3)
    settle(qtbot, window)
    (mark,) = c.session.state.edits
    assert not np.isfinite(mark.before[0])
    plot = window.loss_plot
    x, y = drawn(plot._manual)
    assert np.all(np.isfinite(y) | np.isnan(y)) and mark.step in x[np.isfinite(y)]
    assert_everything_in_view(plot)


def tick_labels(axis) -> list[tuple]:
    """(rect, text) of every label the axis draws, computed as pyqtgraph's own drawing does."""
    from PySide6.QtGui import QPainter, QPicture

    picture = QPicture()
    painter = QPainter(picture)
    painter.setFont(axis.style["tickFont"])
    try:
        _, _, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [(rect, text) for rect, _, text in texts]


@pytest.mark.parametrize("log_y", [True, False])
def test_no_tick_label_is_written_over_another_in_large_type(qtbot, log_y):
    """A log axis crowded 0.6, 0.7, 0.8, 0.9 into one blot at presentation size; the decade stays labelled."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from gui.plot_style import TidyAxis, tidy_axes

    font = QFont()
    font.setPixelSize(33)
    plots = {}
    for kind, axes in (("tidy", tidy_axes()), ("plain", None)):
        widget = pg.PlotWidget(axisItems=axes)
        qtbot.addWidget(widget)
        widget.resize(450, 300)
        item = widget.getPlotItem()
        item.setLogMode(y=log_y)
        item.getAxis("left").setStyle(tickFont=font)
        item.getAxis("left").setWidth(150)  # (labels wider than the axis are not drawn at all)
        low, high = (np.log10(0.04), np.log10(0.8)) if log_y else (0.04, 0.8)
        item.vb.setRange(yRange=(low, high), xRange=(0, 80), padding=0)
        widget.show()
        qtbot.waitExposed(widget)
        QApplication.processEvents()
        plots[kind] = tick_labels(item.getAxis("left"))
    assert isinstance(tidy_axes()["left"], TidyAxis)

    def overlapping(labels):
        return [(a, b) for k, (ra, a) in enumerate(labels) for rb, b in labels[k + 1:] if ra.intersects(rb)]

    assert plots["tidy"] and not overlapping(plots["tidy"])
    assert {text for _, text in plots["tidy"]} <= {text for _, text in plots["plain"]}  # only ever fewer
    if log_y:
        assert overlapping(plots["plain"]), "the crowding this axis exists for"
        assert "0.1" in {text for _, text in plots["tidy"]}  # the decade, first


def test_the_colour_bar_of_a_projected_boundary_writes_no_number_over_another(qtbot, window):
    """Projected, the colour bar of XOR's boundary wrote 0, 0.2, 0.4, 0.6, 0.8, 1.0 into one column of type."""
    from tests.test_gui import action, settle

    window.load_scenario(scenario("xor"))
    window.controller.step(20)
    action(window, "actionPresentation").trigger()
    qtbot.waitUntil(lambda: window.isFullScreen(), timeout=3000)
    settle(qtbot, window)
    qtbot.wait(50)
    labels = tick_labels(window.decision_plot.colour_bar.axis)
    assert len(labels) >= 2 and {"0", "0.8"} & {text for _, text in labels}
    # shoulder to shoulder, numbers read as one: each keeps a fifth of a line clear of the next
    gap = 0.2 * labels[0][0].height()
    assert not [(a, b) for k, (ra, a) in enumerate(labels) for rb, b in labels[k + 1:]
                if ra.adjusted(0, -gap, 0, gap).intersects(rb)]


def test_projected_the_loss_plot_gives_its_height_to_the_curve_and_keeps_its_labels_large(qtbot, window):
    """Projected, a read-out kept three empty lines under the loss and the legend stood in one column, leaving the
    curve a strip; after a change of language the axis labels fell back to pyqtgraph's small default."""
    from gui.plot_style import css_size
    from tests.test_gui import action, settle

    window.load_scenario(scenario("xor"))
    window.controller.step(20)
    action(window, "actionPresentation").trigger()
    qtbot.waitUntil(lambda: window.isFullScreen(), timeout=3000)
    window.language.set("zh_CN")
    try:
        settle(qtbot, window)
        qtbot.wait(50)
        plot = window.loss_plot
        assert plot.readout.height() == 0 and plot.follow.isVisible() and plot.log_y.isVisible()
        view = plot.plot_widget.getPlotItem().vb
        assert view.height() >= 0.4 * plot.height()
        assert plot._legend.columnCount == 2  # both curves' names side by side
        for side in ("left", "bottom"):
            axis = plot.plot_widget.getPlotItem().getAxis(side)
            assert axis.labelStyle["font-size"] == css_size(window.projection.font())
            assert axis.labelText in ("步数", "损失 L")
    finally:
        window.language.set("en")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_landscapes_colour_bar_writes_its_label_beside_its_numbers_not_over_them(qtbot, window, language):
    """"loss L" / "损失 L" sat on the colour bar's numbers 0.194 and 29.5."""
    window.language.set(language)
    try:
        window.controller.step(50)
        window.plot_tabs.setCurrentWidget(window.landscape_page)
        from tests.test_gui import settle

        settle(qtbot, window)
        axis = window.landscape.canvas.colour_bar.axis
        label = axis.mapRectFromItem(axis.label, axis.label.boundingRect())
        numbers = tick_labels(axis)
        assert len(numbers) >= 3
        assert not [text for rect, text in numbers if rect.intersects(label)]
    finally:
        window.language.set("en")
