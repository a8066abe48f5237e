"""The third witness: every parameter's gradient by central differences, in float64."""

import numpy as np

from core.losses import loss as loss_named
from core.network import NetworkSpec, Params, layers_from

RELATIVE_STEP = 6e-6  # ≈ (float64 eps)^(1/3): balances truncation error h² against rounding error eps/h


CHUNK = 1 << 22  # numbers per layer output computed at once: bounds memory for wide layers and large batches


def numeric_gradients(spec: NetworkSpec, params: Params, X: np.ndarray, targets: np.ndarray) -> Params:
    """(L(θ + h·e_k) − L(θ − h·e_k)) / 2h for every entry θ_k of every parameter, in float64.

    A parameter of layer l changes only the layers from l up, so the batch's a_{l−1} is computed once and the
    perturbed networks (two per entry) run from there, stacked along a leading axis, in chunks.
    """
    params = {name: np.asarray(v, dtype=np.float64) for name, v in params.items()}
    X = np.asarray(X, dtype=np.float64)
    targets = targets if loss_named(spec.loss).takes_labels else np.asarray(targets, dtype=np.float64)
    value = loss_named(spec.loss).value
    below = [X]  # a_0, a_1, … at the unperturbed parameters
    below += layers_from(spec, params, X)[1]
    grads = {}
    for name, theta in params.items():
        layer = spec.layer_of(name)
        h = RELATIVE_STEP * np.maximum(1.0, np.abs(theta)).ravel()  # (k,)
        k = theta.size
        per_entry = max(1, CHUNK // (below[0].shape[0] * max(spec.widths)))
        grad = np.empty(k)
        for first in range(0, k, per_entry):
            entries = np.arange(first, min(k, first + per_entry))
            steps = np.zeros((entries.size, k))
            steps[np.arange(entries.size), entries] = h[entries]
            losses = []
            for sign in (1.0, -1.0):
                stacked = dict(params)
                stacked[name] = (theta.ravel() + sign * steps).reshape(entries.size, *theta.shape)
                _, outs = layers_from(spec, stacked, below[layer - 1], layer)
                losses.append(value(outs[-1], targets))
            flat = theta.ravel()[entries]
            taken = (flat + h[entries]) - (flat - h[entries])  # the step actually taken: no representation error
            grad[entries] = (losses[0] - losses[1]) / taken
        grads[name] = grad.reshape(theta.shape)
    return grads
