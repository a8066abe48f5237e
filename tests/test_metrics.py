"""Accuracy and gradient norms: against plain loops and torch autograd, recorded by the step loop for exactly the
batch each update took, kept apart between undo states, and through session files."""

import base64
import json
import math

import numpy as np
import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from numpy.testing import assert_allclose, assert_array_equal

from core import datasets
from core.data import Batching
from core.metrics import accuracy, gradient_norms
from core.network import NetworkSpec, backward, forward
from core.optimizer_spec import OptimizerSpec
from core.problem import Problem
from core.session import Session
from core.session_file import SessionFileError, dumps, loads
from core.state import SessionState
from core.trace import MetricTrace
from tests import torch_twin
from tests.helpers import assert_states_identical
from tests.network_strategies import problems
from tests.rounding import RTOL, magnitudes

logits = st.floats(-50, 50, allow_nan=False, width=64).filter(lambda z: abs(z) > 1e-9)


@given(st.data(), st.integers(1, 20), st.integers(1, 4))
def test_bce_accuracy_counts_each_output_whose_probability_is_on_its_targets_side(data, batch, outputs):
    z = data.draw(arrays(np.float64, (batch, outputs), elements=logits))
    y = data.draw(arrays(np.float64, (batch, outputs), elements=st.floats(0, 1)))
    right = sum((1 / (1 + math.exp(-z[b, k])) > 0.5) == (y[b, k] >= 0.5) for b in range(batch) for k in range(outputs))
    assert_allclose(accuracy("bce", z, y), right / (batch * outputs), rtol=1e-15)
    assert_allclose(accuracy("bce", z.astype(np.float32), y.astype(np.float32)), right / (batch * outputs), rtol=1e-15)


@given(st.data(), st.integers(1, 20), st.integers(2, 6))
def test_ce_accuracy_counts_the_samples_whose_largest_logit_is_their_class(data, batch, classes):
    z = data.draw(arrays(np.float64, (batch, classes), elements=logits, unique=True))
    labels = data.draw(arrays(np.int64, batch, elements=st.integers(0, classes - 1)))
    right = torch.sum(torch.argmax(torch.tensor(z), dim=1) == torch.tensor(labels)).item()
    assert_allclose(accuracy("ce", z, labels), right / batch, rtol=1e-15)


def test_mse_has_no_accuracy():
    assert math.isnan(accuracy("mse", np.zeros((4, 1)), np.ones((4, 1))))


@given(problems(max_layers=5, max_width=6))
def test_each_layers_gradient_norm_is_the_frobenius_norm_of_autograds_weight_gradient(case):
    spec, params, X, targets, dtype = case
    params = {name: p.astype(dtype) for name, p in params.items()}
    X, y = X.astype(dtype), targets if spec.loss == "ce" else targets.astype(dtype)
    fwd = forward(spec, params, X, y)
    bwd = backward(spec, params, fwd, y)
    ours = gradient_norms(spec, bwd.grads)
    _, grads, _ = torch_twin.network_pass(spec.widths, spec.activations, spec.loss, params, X, y, dtype)
    theirs = [torch.linalg.matrix_norm(torch.tensor(grads[f"W{l}"], dtype=torch.float64)).item()
              for l in range(1, spec.layers + 1)]
    assert ours.shape == (spec.layers,) and ours.dtype == np.float64
    # each entry may differ from autograd's by RTOL of the size of what it sums (tests/rounding.py), so the norms
    # by at most RTOL of the norm of those sizes (|‖a‖ − ‖b‖| ≤ ‖a − b‖); and we square in float64
    sizes = magnitudes(spec, params, fwd, bwd, y)[1]
    for l in range(1, spec.layers + 1):
        size = float(np.linalg.norm(sizes[f"W{l}"]))
        assert_allclose(ours[l - 1], theirs[l - 1], rtol=1e-12, atol=RTOL[dtype] * size + 1e-300, err_msg=f"W{l}")


def test_a_float32_gradient_too_large_to_square_in_float32_still_has_its_norm():
    spec = NetworkSpec.create([2, 1], "identity")
    g = np.array([[3e20, 4e20]], dtype=np.float32)
    assert_allclose(gradient_norms(spec, {"W1": g}), [5e20], rtol=1e-6)


def spiral_session(forgetful: bool = False) -> Session:
    """Spiral, three arms, 2-8-8-3 ce, shuffled batches of 16: every step takes other samples."""
    spec = NetworkSpec.create([2, 8, 8, 3], "tanh", True, "ce")
    problem = Problem(spec, datasets.generate("spiral3", 60), "float32", Batching(16, shuffle=True, seed=3))
    return Session(SessionState.drawn(problem, OptimizerSpec.create("adam", lr=0.05), forgetful=forgetful))


@pytest.mark.parametrize("make", [spiral_session, lambda: spiral_session(forgetful=True)])
def test_each_step_records_the_accuracy_and_gradient_norms_of_the_batch_it_took(make):
    session = make()
    expected_accuracy, expected_norms = [], []
    for _ in range(12):
        e = session.evaluate()  # the current state on the batch the next update takes
        predicted = [int(np.argmax(row)) for row in e.forward.output]
        expected_accuracy.append(np.mean([p == t for p, t in zip(predicted, e.targets)]))
        expected_norms.append([math.sqrt(sum(float(g) ** 2 for g in e.grads[f"W{l}"].ravel())) for l in (1, 2, 3)])
        session.step()
    metrics = session.state.metrics
    assert len(metrics) == len(session.state.trace) == 12 and metrics.layers == 3
    assert_allclose(metrics.accuracy, expected_accuracy, rtol=1e-15)
    assert_allclose(metrics.norms, expected_norms, rtol=1e-6)  # float32 gradients; our sum in float64
    for l in (1, 2, 3):
        assert_array_equal(metrics.norm(l), metrics.norms[:, l - 1])
    assert len(set(np.round(metrics.accuracy, 6))) > 2  # the batches differ, and so do their accuracies


def test_undo_and_stepping_again_records_the_new_steps_and_keeps_the_old_states():
    session = spiral_session()
    session.step(5)
    kept = session.state
    first = np.array(kept.metrics.norms)
    session.undo()
    session.step(1, label="one")
    session.step(1)
    assert len(session.state.metrics) == 2
    assert_allclose(session.state.metrics.norms, first[:2], rtol=1e-15)  # the same states, the same batches
    assert_array_equal(kept.metrics.norms, first)  # the undone branch still reads its own history


def test_mse_records_gradient_norms_and_no_accuracy():
    session = Session()
    session.step(4)
    metrics = session.state.metrics
    assert np.isnan(metrics.accuracy).all() and metrics.norms.shape == (4, 1) and (metrics.norms > 0).all()


@given(st.lists(st.tuples(st.integers(0, 50), st.floats(0, 1, width=32)), max_size=200))
def test_every_metric_trace_reads_what_was_appended_to_it(operations):
    """Append to any earlier trace (as a step after undo does) and compare with plain lists."""
    traces, lists = [MetricTrace.unknown(0, 2)], [[]]
    for pick, value in operations:
        k = pick % len(traces)
        traces.append(traces[k].appended(value, np.array([value + 1, value + 2])))
        lists.append(lists[k] + [value])
    for trace, expected in zip(traces, lists):
        assert len(trace) == len(expected)
        assert_array_equal(trace.accuracy, expected)
        assert_array_equal(trace.norms, np.array([[v + 1, v + 2] for v in expected]).reshape(-1, 2))
        assert not trace.accuracy.flags.writeable and not trace.norms.flags.writeable


def test_accuracy_and_gradient_norms_go_through_a_session_file_and_go_on_as_if_never_saved():
    session = spiral_session()
    session.step(7)
    loaded = loads(dumps(session.state))
    assert_states_identical(loaded, session.state)
    resumed = Session(loaded)
    for s in (session, resumed):
        s.step(3)
    assert_states_identical(resumed.state, session.state)
    assert np.isfinite(resumed.state.metrics.norms).all() and np.isfinite(resumed.state.metrics.accuracy).all()


def test_a_file_without_metrics_opens_knowing_none_of_its_steps():
    session = spiral_session()
    session.step(5)
    data = json.loads(dumps(session.state))
    del data["metrics"]
    state = loads(json.dumps(data))
    assert len(state.metrics) == 5 and state.metrics.layers == 3
    assert np.isnan(state.metrics.accuracy).all() and np.isnan(state.metrics.norms).all()


@pytest.mark.parametrize("key", ["accuracy", "gradient_norms"])
def test_metrics_of_the_wrong_length_are_refused(key):
    session = spiral_session()
    session.step(5)
    data = json.loads(dumps(session.state))
    packed = base64.b64decode(data["metrics"][key])
    data["metrics"][key] = base64.b64encode(packed[:-8]).decode("ascii")  # one float64 fewer
    with pytest.raises(SessionFileError, match=r"one accuracy per step \(5\) and one gradient norm per step for "
                                               r"each of the 3 layers"):
        loads(json.dumps(data))
