"""The plot's min/max summaries equal a full recomputation, however the series grew or was cut back."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from numpy.testing import assert_array_equal

from core.trace import LossTrace
from gui.decimation import PeakDecimator


def reference(values: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    edges = np.arange(0, values.size, size)
    return np.minimum.reduceat(values, edges), np.maximum.reduceat(values, edges)


@given(st.lists(st.integers(1, 5000), min_size=1, max_size=6), st.integers(0, 2**32 - 1))
def test_incremental_summaries_equal_a_full_recomputation(growth, seed):
    rng = np.random.default_rng(seed)
    trace, decimator = LossTrace(), PeakDecimator()
    for count in growth:
        for v in rng.normal(size=count):
            trace = trace.appended(float(v), 0.0)
        decimator.update(trace.manual)
    values = trace.manual
    for level, (mins, maxs) in enumerate(decimator._levels, start=1):
        expected_min, expected_max = reference(values, PeakDecimator.block(level))
        assert_array_equal(mins.view(), expected_min)
        assert_array_equal(maxs.view(), expected_max)


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
    branch = short.appended(100.0, 0.0)  # step after undo: a new buffer
    decimator.update(branch.manual)
    mins, maxs = decimator._levels[0]
    expected_min, expected_max = reference(branch.manual, 64)
    assert_array_equal(mins.view(), expected_min)
    assert_array_equal(maxs.view(), expected_max)


def test_points_are_raw_when_few_and_bounded_when_many():
    values = np.sin(np.arange(1_000_000) / 1000.0)
    decimator = PeakDecimator()
    decimator.update(values)
    x, y = decimator.points(values, 0, 500, max_points=2000)
    assert_array_equal(x, np.arange(501))
    assert_array_equal(y, values[:501])
    x, y = decimator.points(values, 0, values.size, max_points=2000)
    assert 0 < x.size <= 2000
    assert_array_equal([np.min(y), np.max(y)], [np.min(values), np.max(values)])  # the peaks survive
