"""What the plot draws of a long series: real (step, loss) points, in the order they occurred, covering every pixel
column's lowest and highest value; the summaries behind it equal a full recomputation however the series grew."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from numpy.testing import assert_array_equal

from core.trace import LossTrace
from gui.decimation import PeakDecimator


def grown(values: np.ndarray, growth: list[int], decimator: PeakDecimator) -> np.ndarray:
    """`values` appended to a LossTrace in chunks of `growth` (the rest in one), the decimator updated after each."""
    trace, done = LossTrace(), 0
    for count in [*growth, values.size]:
        for v in values[done:done + count]:
            trace = trace.appended(float(v), 0.0)
        done = min(values.size, done + count)
        decimator.update(trace.manual)
    return trace.manual


def columns(start: float, stop: float, pixels: int, steps: np.ndarray) -> np.ndarray:
    """The pixel column each step falls in, for a view of [start, stop] that is `pixels` wide."""
    return np.floor((steps - start) / ((stop - start) / pixels)).astype(np.int64)


def series(kind: str, n: int, rng: np.random.Generator) -> np.ndarray:
    if kind == "falling":  # with flat stretches: ties are where a careless decimator draws teeth
        return 30.0 - np.cumsum(rng.exponential(size=n) * (rng.random(n) < 0.7))
    if kind == "rising":
        return np.cumsum(rng.exponential(size=n) * (rng.random(n) < 0.7))
    return rng.normal(size=n) * np.exp(-np.arange(n) / max(n / 3, 1.0))  # noisy and decaying


views = st.tuples(st.floats(-0.2, 0.95), st.floats(0.01, 1.6), st.integers(20, 1500))  # start, width (of n), pixels


@given(st.integers(1, 30_000), st.sampled_from(["falling", "rising", "noisy"]), views,
       st.lists(st.integers(1, 20_000), max_size=3), st.integers(0, 2**32 - 1))
def test_drawn_points_are_real_in_order_cover_each_pixel_column_and_keep_a_monotone_series_monotone(
        n, kind, view, growth, seed):
    rng = np.random.default_rng(seed)
    decimator = PeakDecimator()
    values = grown(series(kind, n, rng), growth, decimator)
    start = view[0] * n - 1
    stop = start + max(view[1] * n, 2.0)
    x, y = decimator.points(values, start, stop, view[2])
    lo, hi = max(0, int(np.floor(start))), min(n, int(np.ceil(stop)) + 1)
    if hi <= lo:
        assert x.size == 0
        return
    steps = x.astype(np.int64)
    assert_array_equal(x, steps)  # at whole steps ...
    assert_array_equal(y, values[steps])  # ... and each a value the series has there
    assert np.all(np.diff(x) > 0)  # in the order they occurred
    assert (steps[0], steps[-1]) == (lo, hi - 1)  # the first and the last step in view
    if kind == "falling":
        assert np.all(np.diff(y) <= 0)
    elif kind == "rising":
        assert np.all(np.diff(y) >= 0)
    assert x.size <= 2 * view[2] + 6  # about two per pixel, however long the series
    # every pixel column's lowest and highest value is drawn in that column
    shown = np.arange(lo, hi)
    data_column, drawn_column = columns(start, stop, view[2], shown), columns(start, stop, view[2], x)
    for c in np.unique(data_column):
        in_column = values[shown[data_column == c]]
        drawn = y[drawn_column == c]
        assert drawn.size and drawn.min() <= in_column.min() and drawn.max() >= in_column.max(), c


def test_a_falling_loss_of_1000_steps_at_the_window_s_width_is_drawn_falling_from_step_0():
    """The lecturer's case: 1000 Adam steps looked like teeth 64 steps apart, starting at step 32."""
    values = 29.5 - np.log1p(np.arange(1000)) / 3  # falls, and ever more slowly
    decimator = PeakDecimator()
    decimator.update(values)
    x, y = decimator.points(values, -30.0, 1500.0, 360)
    assert x[0] == 0 and x[-1] == 999
    assert np.all(np.diff(y) <= 0)


def test_a_series_off_at_first_is_drawn_with_a_gap_there():
    """The forgetful twin's losses are NaN before it was added: no line there, every real value after."""
    values = np.concatenate([np.full(5000, np.nan), np.linspace(1.0, 0.5, 5000)])
    decimator = PeakDecimator()
    decimator.update(values)
    x, y = decimator.points(values, 0, 10_000, 200)
    finite = np.isfinite(y)
    assert not finite.all() and np.all(x[~finite] < 5000)
    assert_array_equal(y[finite], values[x[finite].astype(np.int64)])
    assert x[finite][0] == 5000 and x[-1] == 9999 and np.all(np.diff(y[finite]) <= 0)


def reference(values: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    complete = values[: values.size // size * size].reshape(-1, size)  # (blocks, size)
    return complete.min(axis=1), complete.max(axis=1)


def assert_summaries_equal_a_full_recomputation(decimator: PeakDecimator, values: np.ndarray) -> None:
    for level, (lows, highs) in enumerate(decimator._levels, start=1):
        expected_min, expected_max = reference(values, PeakDecimator.block(level))
        assert_array_equal(values[lows.view()], expected_min)
        assert_array_equal(values[highs.view()], expected_max)


@given(st.lists(st.integers(1, 5000), min_size=1, max_size=6), st.integers(0, 2**32 - 1))
def test_incremental_summaries_equal_a_full_recomputation(growth, seed):
    decimator = PeakDecimator()
    values = grown(np.random.default_rng(seed).normal(size=sum(growth)), growth, decimator)
    assert_summaries_equal_a_full_recomputation(decimator, values)


def test_undo_to_a_shorter_trace_and_branching_are_followed():
    rng = np.random.default_rng(0)
    trace, decimator = LossTrace(), PeakDecimator()
    states = []
    for v in rng.normal(size=3000):
        trace = trace.appended(float(v), 0.0)
        states.append(trace)
    decimator.update(trace.manual)
    short = states[1000]  # undo: same buffer, shorter
    decimator.update(short.manual)
    assert_summaries_equal_a_full_recomputation(decimator, short.manual)
    branch = short.appended(100.0, 0.0)  # step after undo: a new buffer
    decimator.update(branch.manual)
    assert_summaries_equal_a_full_recomputation(decimator, branch.manual)


def test_points_are_raw_when_few_and_bounded_when_many():
    values = np.sin(np.arange(1_000_000) / 1000.0)
    decimator = PeakDecimator()
    decimator.update(values)
    x, y = decimator.points(values, 0, 500, 1000)
    assert_array_equal(x, np.arange(501))
    assert_array_equal(y, values[:501])
    x, y = decimator.points(values, 0, values.size, 1000)
    assert 0 < x.size <= 2 * 1000 + 2
    assert_array_equal([np.min(y), np.max(y)], [np.min(values), np.max(values)])  # the peaks survive


@given(st.lists(st.integers(1, 3000), min_size=2, max_size=6), st.integers(0, 2**32 - 1), st.integers(50, 800),
       st.sampled_from(["", "undo", "undo and step"]))
def test_a_growing_series_in_an_unmoved_view_draws_as_if_drawn_afresh(growth, seed, pixels, undo):
    """Each refresh reuses the columns of the last view that the series had already passed."""
    rng = np.random.default_rng(seed)
    total = sum(growth)
    start, stop = -0.02 * 1.5 * total, 1.5 * total  # as the plot's view, following, leaves it for a while
    trace, decimator = LossTrace(), PeakDecimator()
    states = []
    for count in growth:
        for v in rng.normal(size=count):
            trace = trace.appended(float(v), 0.0)
            states.append(trace)
        if undo:  # back to an earlier state (the same buffer, shorter), and a step from it (a new buffer)
            trace = states[len(states) // 2]
            trace = trace.appended(0.5, 0.0) if undo == "undo and step" else trace
        decimator.update(trace.manual)
        fresh = PeakDecimator()
        fresh.update(trace.manual)
        for got, expected in zip(decimator.points(trace.manual, start, stop, pixels),
                                 fresh.points(trace.manual, start, stop, pixels)):
            assert_array_equal(got, expected)
