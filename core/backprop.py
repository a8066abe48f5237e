"""The network a = f(W·x), L = mean((a − y)²), forward and hand-derived backward, in numpy.

Every factor of the chain rule is kept so a view can show it:
    dL/dW = dL/da · da/dz · dz/dW  =  outer(δ, x),   δ = dL/dz = dL/da ⊙ da/dz.
"""

from typing import NamedTuple

import numpy as np

from core.activations import activation


class Forward(NamedTuple):
    """Values of the forward pass."""

    z: np.ndarray  # (n_out,) pre-activation W·x
    a: np.ndarray  # (n_out,) activation f(z)
    error: np.ndarray  # (n_out,) a − y
    loss: float  # mean((a − y)²)


class ChainRule(NamedTuple):
    """Every factor of dL/dW, by hand."""

    dL_da: np.ndarray  # (n_out,) (2/n_out)(a − y)
    da_dz: np.ndarray  # (n_out,) f′(z)
    delta: np.ndarray  # (n_out,) dL/dz = dL/da ⊙ da/dz
    dL_dW: np.ndarray  # (n_out, n_in) outer(δ, x); dz_i/dW_ij = x_j


def forward(W: np.ndarray, x: np.ndarray, y: np.ndarray, activation_name: str) -> Forward:
    """z = W·x, a = f(z), L = mean((a − y)²), in W's dtype."""
    z = W @ x  # (n_out, n_in) @ (n_in,) -> (n_out,)
    a = activation(activation_name).function(z)  # (n_out,)
    error = a - y  # (n_out,)
    return Forward(z, a, error, float(np.dot(error, error) / error.size))  # mean((a − y)²)


def backward(fwd: Forward, x: np.ndarray, activation_name: str) -> ChainRule:
    """The chain rule, one line per factor."""
    n_out = fwd.a.shape[0]
    dL_da = (2.0 / n_out) * fwd.error  # d/da mean((a − y)²)
    da_dz = activation(activation_name).derivative(fwd.z, fwd.a)
    delta = dL_da * da_dz  # (n_out,)
    dL_dW = delta[:, None] * x[None, :]  # outer(δ, x): (n_out, 1) * (1, n_in) -> (n_out, n_in)
    return ChainRule(dL_da, da_dz, delta, dL_dW)


def gradient(W: np.ndarray, x: np.ndarray, y: np.ndarray, activation_name: str) -> tuple[float, np.ndarray]:
    """Loss and dL/dW at W, by hand."""
    fwd = forward(W, x, y, activation_name)
    return fwd.loss, backward(fwd, x, activation_name).dL_dW
