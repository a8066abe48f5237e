"""What the step loop records beside the losses: how much of the batch the network gets right, and how large each
layer's weight gradient is (vanishing and exploding gradients), both of the hand-written engine."""

import math

import numpy as np

from core.network import NetworkSpec, Params, weight_name


def accuracy(loss: str, out: np.ndarray, targets: np.ndarray) -> float:
    """The fraction of the batch classified right, from the last layer's output `out` (B, N_L) and the targets as
    the loss takes them. bce: an output is right when its prediction, σ(z) > 0.5 (that is z > 0, exactly), matches
    its target's class, target ≥ 0.5; a mean over samples and outputs, as the loss is. ce: a sample is right when
    its largest logit (the first of equal ones) is its class. mse predicts no classes: NaN."""
    if loss == "bce":
        return np.count_nonzero((out > 0) == (targets >= 0.5)) / out.size
    if loss == "ce":
        return np.count_nonzero(np.argmax(out, axis=-1) == targets) / targets.size
    return np.nan


def gradient_norms(network: NetworkSpec, grads: Params) -> np.ndarray:
    """(L,) the Frobenius norm ‖dL/dW_l‖ of each layer's weight gradient, in float64 (a float32 gradient of 1e20
    squares past float32's range). The bias is left out: dL/db_l = Σ δ_l shrinks or grows with the same δ_l, and the
    plot can then say exactly what it draws."""
    norms = np.empty(network.layers)
    for l in range(1, network.layers + 1):
        g = grads[weight_name(l)].astype(np.float64)
        norms[l - 1] = math.sqrt(np.vdot(g, g))  # vdot: the sum of squares of every entry, in float64
    return norms
