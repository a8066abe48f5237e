"""Each activation and its derivative against torch; sigmoid stays finite and silent at extreme z."""

import numpy as np
import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from numpy.testing import assert_allclose

from core.activations import ACTIVATIONS, activation
from tests.torch_twin import ACTIVATIONS as TORCH_ACTIVATIONS


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_sigmoid_is_stable_for_large_magnitudes(dtype):
    z = np.array([-1e4, -800, -100, -20, 0, 20, 100, 800, 1e4], dtype=dtype)
    with np.errstate(over="raise", invalid="raise", divide="raise"):  # any overflow would raise here
        a = activation("sigmoid").function(z)
    assert a.dtype == dtype
    assert np.isfinite(a).all()
    expected = torch.sigmoid(torch.from_numpy(z)).numpy()
    assert_allclose(a, expected, rtol=1e-6, atol=1e-30)  # e^-100 is denormal in float32; torch gives 0


@given(st.sampled_from(sorted(ACTIVATIONS)), st.sampled_from([np.float32, np.float64]),
       arrays(np.float64, st.integers(1, 16), elements=st.floats(-50, 50, width=32)))
def test_function_and_derivative_match_torch(name, dtype, z):
    z = z.astype(dtype)
    act = activation(name)
    a = act.function(z)
    tz = torch.from_numpy(z.copy()).requires_grad_()
    ta = TORCH_ACTIVATIONS[name](tz)
    ta.sum().backward()  # d(sum a)/dz = f′(z) elementwise
    eps = float(np.finfo(dtype).eps)
    assert a.dtype == dtype
    assert_allclose(a, ta.detach().numpy(), rtol=4 * eps, atol=1e-30)
    # 1 − a² and a(1 − a) cancel near saturation, and torch fuses them into one multiply-add: a few ulps of 1
    assert_allclose(act.derivative(z, a), tz.grad.numpy(), rtol=4 * eps, atol=4 * eps)


def test_unknown_activation_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="choose one of: sigmoid, tanh"):
        activation("softmax")
