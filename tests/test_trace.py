"""LossTrace shares one buffer between undo states and still gives each its own history."""

from hypothesis import given
from hypothesis import strategies as st
from numpy.testing import assert_array_equal

from core.trace import LossTrace


@given(st.lists(st.tuples(st.integers(0, 50), st.floats(allow_nan=False, width=32)), max_size=200))
def test_every_trace_reads_what_was_appended_to_it(operations):
    """Append to any earlier trace (as a step after undo does) and compare with plain lists."""
    traces, lists = [LossTrace()], [[]]
    for pick, value in operations:
        k = pick % len(traces)
        traces.append(traces[k].appended(value, -value))
        lists.append(lists[k] + [value])
    for trace, expected in zip(traces, lists):
        assert len(trace) == len(expected)
        assert_array_equal(trace.manual, expected)
        assert_array_equal(trace.torch, [-v for v in expected])


def test_views_are_read_only():
    t = LossTrace().appended(1.0, 2.0)
    assert not t.manual.flags.writeable and not t.torch.flags.writeable
