"""Comparing whole session states exactly."""

import numpy as np
from numpy.testing import assert_array_equal

from core.session import SessionState


def assert_states_identical(a: SessionState, b: SessionState) -> None:
    """Bit-identical: every array equal element for element with the same dtype, every setting equal."""
    assert a.step == b.step
    assert a.optimizer == b.optimizer
    assert (a.problem.activation, a.problem.dtype) == (b.problem.activation, b.problem.dtype)
    for name in ("x", "y"):
        assert_array_equal(getattr(a.problem, name), getattr(b.problem, name))
    assert_array_equal(a.start_weight, b.start_weight)
    assert_array_equal(a.trace.manual, b.trace.manual)
    assert_array_equal(a.trace.torch, b.trace.torch)
    assert a.path.stride == b.path.stride
    assert_array_equal(a.path.steps, b.path.steps)
    assert_array_equal(a.path.weights(), b.path.weights())
    assert [(m.step, m.labels) for m in a.edits] == [(m.step, m.labels) for m in b.edits]
    assert_array_equal([m.before for m in a.edits], [m.before for m in b.edits])
    for engine in ("manual", "torch"):
        ea, eb = getattr(a, engine), getattr(b, engine)
        assert ea.weight.dtype == eb.weight.dtype
        assert_array_equal(ea.weight, eb.weight)
        assert set(ea.optimizer) == set(eb.optimizer)
        for key, value in ea.optimizer.items():
            other = eb.optimizer[key]
            if isinstance(value, np.ndarray):
                assert value.dtype == other.dtype
                assert_array_equal(value, other)
            else:
                assert value == other
