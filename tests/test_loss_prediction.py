"""What a loss's network predicts, against torch: σ(z) under bce, softmax(z) under ce, the activation under mse."""

import numpy as np
import torch
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from numpy.testing import assert_allclose

from core.losses import LOSSES

logits = arrays(np.float64, st.tuples(st.integers(1, 5), st.integers(1, 4)),
                elements=st.floats(-30, 30, allow_nan=False))


@given(logits, st.sampled_from([np.float32, np.float64]))
def test_prediction_is_what_torch_computes_from_the_logits(z, dtype):
    z = z.astype(dtype)
    a = np.tanh(z)  # any activation: only mse reads it
    expected = {"bce": torch.sigmoid(torch.from_numpy(z).double()).numpy(),
                "ce": torch.softmax(torch.from_numpy(z).double(), dim=-1).numpy(), "mse": a}
    for name, loss in LOSSES.items():
        assert_allclose(loss.prediction(z, a), expected[name], rtol=1e-12, atol=1e-300, err_msg=name)
