"""randomize(seed) in numpy gives exactly torch.nn.Linear's weights after torch.manual_seed(seed)."""

import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st
from numpy.testing import assert_array_equal

from core.init import MAX_SEED, linear_weight


@given(st.integers(0, MAX_SEED), st.integers(1, 16), st.integers(1, 16))
def test_matches_torch_bit_for_bit(seed, n_out, n_in):
    with torch.random.fork_rng():
        torch.manual_seed(seed)
        expected = torch.nn.Linear(n_in, n_out, bias=False).weight.detach().numpy()
    # bit-identical is the promise, so compare exactly
    assert_array_equal(linear_weight(seed, n_out, n_in), expected)


@pytest.mark.parametrize("seed", [-1, MAX_SEED + 1])
def test_seed_outside_torchs_range_is_refused(seed):
    with pytest.raises(ValueError, match="seed must be a whole number"):
        linear_weight(seed, 3, 3)
