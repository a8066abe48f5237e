"""Comparing whole session states exactly: every field, every trajectory."""

import dataclasses

import numpy as np
from numpy.testing import assert_array_equal

from core.edit_marks import losses_before
from core.engine_state import EngineState
from core.state import SessionState


def _assert_arrays_identical(a: np.ndarray, b: np.ndarray, what: str) -> None:
    assert a.dtype == b.dtype, what
    assert_array_equal(a, b, err_msg=what, strict=True)


def assert_engines_identical(a: EngineState | None, b: EngineState | None, what: str) -> None:
    """Same parameters (names, order, dtype, every bit) and the same optimizer state for each."""
    assert (a is None) == (b is None), what
    if a is None:
        return
    assert list(a.params) == list(b.params), what
    for name in a.params:
        _assert_arrays_identical(a.params[name], b.params[name], f"{what} {name}")
    assert list(a.optimizer_state) == list(b.optimizer_state), what
    for name, state in a.optimizer_state.items():
        other = b.optimizer_state[name]
        assert set(state) == set(other), f"{what} {name}"
        for key, value in state.items():
            if isinstance(value, np.ndarray):
                _assert_arrays_identical(value, other[key], f"{what} {name} {key}")
            else:
                assert value == other[key], f"{what} {name} {key}"


def assert_states_identical(a: SessionState, b: SessionState, metrics: bool = True) -> None:
    """Bit-identical: every array equal element for element with the same dtype, every setting equal (the accuracy
    and gradient norms too unless `metrics` is False: a file from before they were recorded knows none)."""
    names = {f.name for f in dataclasses.fields(SessionState)}
    checked = {"problem", "optimizer", "init", "start", "step", "cursor", "trace", "manual", "torch", "forgetful",
               "path", "set_aside", "edits", "metrics"}
    assert names == checked, f"compare the new fields too: {names - checked}"
    pa, pb = a.problem, b.problem
    assert (pa.network, pa.dtype, pa.batching, pa.mistake) == (pb.network, pb.dtype, pb.batching, pb.mistake)
    _assert_arrays_identical(pa.data.X, pb.data.X, "X")
    _assert_arrays_identical(pa.data.Y, pb.data.Y, "Y")
    assert pa.data.generated == pb.data.generated
    assert (a.optimizer, a.init, a.step, a.cursor) == (b.optimizer, b.init, b.step, b.cursor)
    assert list(a.start) == list(b.start)
    for name in a.start:
        _assert_arrays_identical(a.start[name], b.start[name], f"start {name}")
    for column in ("manual", "torch", "forgetful"):
        _assert_arrays_identical(getattr(a.trace, column), getattr(b.trace, column), f"trace {column}")
    assert a.metrics.layers == b.metrics.layers and len(a.metrics) == len(b.metrics) == a.step
    if metrics:
        _assert_arrays_identical(a.metrics.accuracy, b.metrics.accuracy, "accuracy")
        _assert_arrays_identical(a.metrics.norms, b.metrics.norms, "gradient norms")
    assert a.path.stride == b.path.stride
    _assert_arrays_identical(a.path.steps, b.path.steps, "path steps")
    _assert_arrays_identical(a.path.weights(), b.path.weights(), "path weights")
    for engine in ("manual", "torch", "forgetful"):
        assert_engines_identical(getattr(a, engine), getattr(b, engine), engine)
    assert [(m.step, m.labels) for m in a.edits] == [(m.step, m.labels) for m in b.edits]
    _assert_arrays_identical(losses_before(a.edits), losses_before(b.edits), "losses before the edits")
    assert (a.set_aside is None) == (b.set_aside is None)
    if a.set_aside is not None:
        assert list(a.set_aside.params) == list(b.set_aside.params)
        for name in a.set_aside.params:
            _assert_arrays_identical(a.set_aside.params[name], b.set_aside.params[name], f"set aside {name}")
        _assert_arrays_identical(a.set_aside.X, b.set_aside.X, "set aside X")
        _assert_arrays_identical(a.set_aside.Y, b.set_aside.Y, "set aside Y")
