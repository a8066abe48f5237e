"""Layered networks: the hand-written backward against torch autograd (parameters and every layer's δ), against
central differences, and the per-sample gradients; random networks, batches, losses and both dtypes."""

import numpy as np
import pytest
from hypothesis import assume, given
from numpy.testing import assert_allclose, assert_array_equal

from core.network import NetworkSpec, backward, cast, flatten, forward, gradient, per_sample_gradients, unflatten
from core.numeric import numeric_gradients
from tests import torch_twin
from tests.network_strategies import problems
from tests.rounding import RTOL, magnitudes


def _cast(X, targets, spec, dtype):
    return X.astype(dtype), targets if spec.loss == "ce" else targets.astype(dtype)


def assert_close_to_scale(actual, expected, rtol, name="", scale=None):
    """Entry by entry within rtol of the tensor's largest magnitude, or of `scale` (a tiny entry, the result of
    cancellation, is not held to its own size)."""
    if scale is None:
        scale = float(np.max(np.abs(expected))) if np.size(expected) else 0.0
    assert_allclose(actual, expected, rtol=0, atol=rtol * max(scale, 1e-300), err_msg=name)


@given(problems())
def test_every_gradient_and_every_delta_matches_autograd(case):
    spec, params, X, targets, dtype = case
    params = cast(params, dtype)
    X, targets = _cast(X, targets, spec, dtype)
    fwd = forward(spec, params, X, targets)
    bwd = backward(spec, params, fwd, targets)
    torch_loss, torch_grads, torch_deltas = torch_twin.network_pass(spec.widths, spec.activations, spec.loss,
                                                                   params, X, targets, dtype)
    assert list(bwd.grads) == list(torch_grads) == spec.parameter_names
    # the loss's terms are of the size of the outputs and targets, whatever the loss itself is: torch's
    # cross-entropy forms log(1 + e^−z) after adding ±z, our log1p(e^−|z|) directly
    loss_size = abs(fwd.loss) + float(np.mean(np.abs(fwd.output))) + float(np.mean(np.abs(targets)))
    assert_allclose(fwd.loss, torch_loss, rtol=0, atol=RTOL[dtype] * loss_size)
    delta_sizes, grad_sizes = magnitudes(spec, params, fwd, bwd, targets)
    for name, grad in bwd.grads.items():
        assert grad.dtype == np.dtype(dtype), name
        assert_allclose(grad, torch_grads[name], rtol=0, atol=RTOL[dtype] * np.max(grad_sizes[name]) + 1e-300,
                        err_msg=name)
    for l, (delta, torch_delta) in enumerate(zip(bwd.deltas, torch_deltas), start=1):
        assert_allclose(delta, torch_delta, rtol=0, atol=RTOL[dtype] * np.max(delta_sizes[l - 1]) + 1e-300,
                        err_msg=f"δ{l}")


def _kink_free(spec, params, X) -> bool:
    """Central differences straddle relu's kink when some z is within a step of 0: keep away from it."""
    if not {"relu", "leaky_relu"} & set(spec.activations):
        return True
    fwd = forward(spec, params, X, np.zeros((X.shape[0], spec.n_out)) if spec.loss != "ce"
                  else np.zeros(X.shape[0], dtype=np.int64))
    return all(np.min(np.abs(z)) > 1e-3 for z in fwd.zs)


@given(problems(dtypes=("float64",)))
def test_every_gradient_matches_central_differences(case):
    spec, params, X, targets, _ = case
    assume(_kink_free(spec, params, X))
    _, grads = gradient(spec, params, X, targets)
    numeric = numeric_gradients(spec, params, X, targets)
    assert list(numeric) == list(grads)
    for name in grads:
        # truncation error O(h²) and cancellation O(eps·L/h) with h ≈ 6e-6, relative to the loss's size
        assert_allclose(grads[name], numeric[name], rtol=1e-6, atol=1e-7 * (1 + abs(forward(
            spec, params, X, targets).loss)), err_msg=name)


@given(problems(dtypes=("float64",)))
def test_the_batch_gradient_is_the_mean_of_the_per_sample_gradients(case):
    spec, params, X, targets, _ = case
    fwd = forward(spec, params, X, targets)
    bwd = backward(spec, params, fwd, targets)
    delta_sizes, _ = magnitudes(spec, params, fwd, bwd, targets)
    batch = X.shape[0]
    for l in range(1, spec.layers + 1):
        weights, biases = per_sample_gradients(fwd, bwd, l)
        assert weights.shape == (batch, *spec.shapes[f"W{l}"])
        # what a sample's gradient sums, so cancellation to ~0 is judged against its terms
        b_scale = batch * float(np.max(delta_sizes[l - 1]))
        w_scale = b_scale * float(np.max(np.abs(fwd.activations[l - 1])))
        assert_close_to_scale(weights.mean(axis=0), bwd.grads[f"W{l}"], 1e-12, scale=w_scale)
        if spec.bias:
            assert_close_to_scale(biases.mean(axis=0), bwd.grads[f"b{l}"], 1e-12, scale=b_scale)
        for b in range(batch):  # each is the gradient of that sample's loss alone
            one = slice(b, b + 1)
            _, alone = gradient(spec, params, X[one], targets[one])
            assert_close_to_scale(weights[b], alone[f"W{l}"], 1e-12, scale=w_scale)


def test_seed_example_numbers():
    """The blog post's measured numbers (NOTES.md), to its printed precision."""
    from core.session import Session

    e = Session(load_torch=False).evaluate()
    assert_allclose(e.forward.loss, 29.5376, atol=5e-5)
    expected = [[-0.02199, 0.00440, 0.04838], [-0.03140, 0.00628, 0.06908], [0.78343, -0.15669, -1.72355]]
    assert_allclose(e.grads["W1"], expected, atol=5e-6)


def test_flatten_and_unflatten_are_inverse():
    spec = NetworkSpec.create([2, 3, 1], "tanh", bias=True)
    rng = np.random.default_rng(0)
    params = {name: rng.normal(size=shape) for name, shape in spec.shapes.items()}
    vector = flatten(params)
    assert vector.size == spec.parameter_count == 2 * 3 + 3 + 3 * 1 + 1
    back = unflatten(spec, vector)
    assert list(back) == ["W1", "b1", "W2", "b2"]
    for name in params:
        assert_array_equal(back[name], params[name])


@pytest.mark.parametrize("widths, activations, loss, message", [
    ([3], ["sigmoid"], "mse", "2 to 7 widths"),
    ([3, 17], ["sigmoid"], "mse", "from 1 to 16"),
    ([3, 0], ["sigmoid"], "mse", "from 1 to 16"),
    ([3, 2, 1], ["sigmoid"], "mse", "one activation per layer"),
    ([3, 2], ["softmax"], "mse", "unknown activation"),
    ([3, 2], ["sigmoid"], "bce", "last layer is linear"),
    ([3, 1], ["identity"], "ce", "at least 2 outputs"),
    ([3, 2], ["identity"], "hinge", "unknown loss"),
])
def test_a_bad_network_is_refused_with_a_reason(widths, activations, loss, message):
    with pytest.raises(ValueError, match=message):
        NetworkSpec(tuple(widths), tuple(activations), False, loss)


def test_create_makes_the_last_layer_linear_under_a_logit_loss():
    spec = NetworkSpec.create([2, 4, 4, 3], "relu", bias=True, loss="ce")
    assert spec.activations == ("relu", "relu", "identity")
    assert spec.parameter_names == ["W1", "b1", "W2", "b2", "W3", "b3"]
    assert spec.shapes["W2"] == (4, 4) and spec.shapes["b3"] == (3,)
