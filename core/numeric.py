"""The third witness: dL/dW by central differences, in float64."""

import numpy as np

from core.activations import activation

RELATIVE_STEP = 6e-6  # ≈ (float64 eps)^(1/3): balances truncation error h² against rounding error eps/h


def losses(Ws: np.ndarray, x: np.ndarray, y: np.ndarray, activation_name: str) -> np.ndarray:
    """Loss for each of a batch of weight matrices."""
    z = Ws @ x  # (k, n_out, n_in) @ (n_in,) -> (k, n_out)
    error = activation(activation_name).function(z) - y  # (k, n_out)
    return np.mean(error * error, axis=-1)  # (k,)


def numeric_gradient(W: np.ndarray, x: np.ndarray, y: np.ndarray, activation_name: str) -> np.ndarray:
    """(L(W + h·e_ij) − L(W − h·e_ij)) / 2h for every entry at once."""
    W, x, y = (np.asarray(v, dtype=np.float64) for v in (W, x, y))
    h = RELATIVE_STEP * np.maximum(1.0, np.abs(W))  # (n_out, n_in)
    k = W.size
    steps = np.zeros((k,) + W.shape)  # one perturbation per entry
    steps.reshape(k, k)[np.arange(k), np.arange(k)] = h.ravel()
    plus = losses(W + steps, x, y, activation_name)
    minus = losses(W - steps, x, y, activation_name)
    # divide by the step actually taken, (W + h) − (W − h), not by 2h: removes the representation error of h
    taken = ((W + h) - (W - h)).ravel()
    return ((plus - minus) / taken).reshape(W.shape)
