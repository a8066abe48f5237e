"""dL/dW three ways: the hand-derived chain rule, torch autograd, central differences."""

import numpy as np
from hypothesis import assume, given
from numpy.testing import assert_allclose

from core.backprop import backward, forward, gradient
from core.numeric import numeric_gradient
from tests import torch_twin
from tests.strategies import networks


def _kink_free(problem, W) -> bool:
    """Central differences straddle relu's kink when z is within a step of 0: keep away from it."""
    if problem.activation not in ("relu", "leaky_relu"):
        return True
    z = W @ problem.x
    return bool(np.min(np.abs(z)) > 1e-3)


@given(networks())
def test_chain_rule_matches_autograd(net):
    problem, W = net
    w = W.astype(problem.np_dtype)
    loss, grad = gradient(w, problem.x_cast, problem.y_cast, problem.activation)
    torch_loss, torch_grad = torch_twin.loss_and_grad(w, problem.x_cast, problem.y_cast, problem.activation,
                                                      problem.dtype)
    assert grad.dtype == problem.np_dtype
    scale = np.max(np.abs(torch_grad)) + 1.0
    if problem.dtype == "float64":  # the same arithmetic: agreement to a few ulps
        assert_allclose(loss, torch_loss, rtol=1e-12, atol=1e-14)
        assert_allclose(grad, torch_grad, rtol=1e-12, atol=1e-12 * scale)
    else:  # float32: torch orders its sums and fuses multiply-adds differently
        assert_allclose(loss, torch_loss, rtol=1e-5, atol=1e-6)
        assert_allclose(grad, torch_grad, rtol=1e-5, atol=1e-6 * scale)


@given(networks(dtypes=("float64",)))
def test_chain_rule_matches_central_differences(net):
    problem, W = net
    assume(_kink_free(problem, W))
    _, grad = gradient(W, problem.x, problem.y, problem.activation)
    numeric = numeric_gradient(W, problem.x, problem.y, problem.activation)
    # truncation error O(h²) and cancellation O(eps·L/h) with h ≈ 6e-6
    assert_allclose(grad, numeric, rtol=1e-6, atol=1e-8 * (1 + np.max(np.abs(numeric))))


@given(networks())
def test_chain_rule_factors_multiply_to_the_gradient(net):
    problem, W = net
    w = W.astype(problem.np_dtype)
    fwd = forward(w, problem.x_cast, problem.y_cast, problem.activation)
    chain = backward(fwd, problem.x_cast, problem.activation)
    n = problem.n_out
    assert_allclose(chain.dL_da, 2 / n * (fwd.a - problem.y_cast), rtol=1e-6)
    assert_allclose(chain.delta, chain.dL_da * chain.da_dz, rtol=1e-6)
    for i in range(problem.n_out):
        for j in range(problem.n_in):  # the entry-by-entry formula the blog post wrote out
            entry = chain.dL_da[i] * chain.da_dz[i] * problem.x_cast[j]
            assert_allclose(chain.dL_dW[i, j], entry, rtol=1e-6, atol=1e-30)


def test_seed_example_numbers():
    """The blog post's measured numbers (NOTES.md), to its printed precision."""
    from core.session import default_state

    s = default_state()
    p = s.problem
    fwd = forward(s.manual.weight, p.x_cast, p.y_cast, p.activation)
    grad = backward(fwd, p.x_cast, p.activation).dL_dW
    assert_allclose(fwd.loss, 29.5376, atol=5e-5)
    expected = [[-0.02199, 0.00440, 0.04838], [-0.03140, 0.00628, 0.06908], [0.78343, -0.15669, -1.72355]]
    assert_allclose(grad, expected, atol=5e-6)
