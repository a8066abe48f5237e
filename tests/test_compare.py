"""How far apart two gradients are: a relative error that stays meaningful near a minimum, and its verdict."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from numpy.testing import assert_allclose

from core.compare import TOLERANCES, difference

tolerances = st.sampled_from(sorted(TOLERANCES.values(), key=lambda t: (t.rtol, t.atol)))


def gradients(shape=st.tuples(st.integers(1, 4), st.integers(1, 4))):
    """Gradients from 0 to a few hundred, some of them all ≈ 0 (at a minimum)."""
    return shape.flatmap(lambda s: st.sampled_from([1e-12, 1e-6, 1.0, 300.0]).flatmap(
        lambda size: arrays(np.float64, s, elements=st.floats(-size, size, allow_nan=False))))


@given(gradients(), gradients(), tolerances)
def test_relative_error_is_symmetric(a, b, tolerance):
    b = np.resize(b, a.shape)
    ab, ba = difference(a, b, tolerance), difference(b, a, tolerance)
    assert_allclose(ab.relative, ba.relative, rtol=0, atol=0)
    assert ab.agree == ba.agree


@given(gradients(), tolerances)
def test_relative_error_of_equal_gradients_is_zero(a, tolerance):
    d = difference(a, a.copy(), tolerance)
    assert d.max_abs == 0.0 and d.relative == 0.0 and d.agree


@given(gradients(), tolerances)
def test_relative_error_is_finite_for_zero_gradients(noise, tolerance):
    d = difference(np.zeros_like(noise), noise, tolerance)
    assert np.isfinite(d.relative)
    assert_allclose(d.relative, np.max(np.abs(noise)) / max(np.max(np.abs(noise)), tolerance.floor), rtol=1e-15)


@given(gradients(), tolerances, st.sampled_from([1 - 1e-5, 1 + 1e-5]))
def test_verdict_switches_exactly_at_the_tolerance(a, tolerance, k):
    """Moving the largest entry towards 0 by k times the allowed difference: agree below, disagree above."""
    allowed = max(tolerance.atol, tolerance.rtol * np.max(np.abs(a)))
    cell = np.unravel_index(np.argmax(np.abs(a)), a.shape)
    b = a.copy()
    b[cell] -= (np.sign(a[cell]) or -1.0) * k * allowed
    d = difference(a, b, tolerance)
    assert d.agree == (k < 1)
    assert d.agree == (d.relative <= tolerance.rtol)


def test_near_a_minimum_the_error_is_relative_to_the_floor_not_to_a_vanishing_gradient():
    """float32 rounding of 4e-7 where every gradient is ≈ 1e-7: 4e-5 of the 0.01 floor, not 4 times max|g|."""
    tolerance = TOLERANCES["float32", "torch"]
    d = difference(np.array([[1e-7, -2e-8]]), np.array([[-3e-7, 1e-8]]), tolerance)
    assert_allclose(d.relative, 4e-7 / 0.01, rtol=1e-9)
    assert d.agree


def test_nan_and_infinity_never_agree():
    tolerance = TOLERANCES["float64", "torch"]
    assert not difference(np.array([np.nan]), np.array([0.0]), tolerance).agree
    assert not difference(np.array([np.inf]), np.array([np.inf]), tolerance).agree
    assert not difference(np.array([np.inf]), np.array([1.0]), tolerance).agree
