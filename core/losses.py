"""Loss functions on the last layer, each with the gradient the backward pass starts from, written as torch's.

A loss sees the last layer's output `out` (B, N_L) and the targets: for `mse` out is a_L = f_L(z_L); for `bce` and
`ce` the last layer is linear, so out = z_L are logits and the loss applies σ or softmax itself. Every loss is a
mean, as torch's default reduction="mean" takes it: over samples and outputs for mse and bce, over samples for ce.
Leading axes (..., B, N_L) are kept apart: finite differences and the landscape evaluate many parameter sets at once.
"""

from dataclasses import dataclass
from typing import Callable

import numpy as np

from core.activations import sigmoid
from core.i18n import QT_TRANSLATE_NOOP


def _mean_square(error: np.ndarray) -> np.ndarray | float:
    """mean(error²) over the last two axes; a plain dot product when there is one batch (as the one-layer tool
    always took it, so the seed's numbers keep every bit)."""
    if error.ndim == 2:
        flat = error.ravel()
        return float(np.dot(flat, flat) / flat.size)
    return np.mean(error * error, axis=(-2, -1))


def _mse(out: np.ndarray, targets: np.ndarray) -> np.ndarray | float:
    return _mean_square(out - targets)


def _mse_gradient(out: np.ndarray, targets: np.ndarray) -> np.ndarray:
    count = out.shape[-2] * out.shape[-1]
    return (2.0 / count) * (out - targets)  # d/da mean((a − y)²) = 2(a − y)/(B·N)


def _softplus_of_minus_abs(z: np.ndarray) -> np.ndarray:
    return np.log1p(np.exp(-np.abs(z)))  # log(1 + e^−|z|), never overflows


def _bce(logits: np.ndarray, targets: np.ndarray) -> np.ndarray | float:
    # −[y·log σ(z) + (1 − y)·log(1 − σ(z))] = max(z, 0) − z·y + log(1 + e^−|z|), stable for any z
    terms = np.maximum(logits, 0) - logits * targets + _softplus_of_minus_abs(logits)
    return _mean(terms, axes=(-2, -1))


def _bce_gradient(logits: np.ndarray, targets: np.ndarray) -> np.ndarray:
    count = logits.shape[-2] * logits.shape[-1]
    return (sigmoid(logits) - targets) / count  # (σ(z) − y)/(B·N)


def softmax(logits: np.ndarray) -> np.ndarray:
    """Softmax over the last axis, shifted by the row's maximum so no exponent is positive."""
    e = np.exp(logits - np.max(logits, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def _picked(logits: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """logits[..., b, labels[b]] for every sample b: (..., B)."""
    index = np.broadcast_to(labels.reshape(-1, 1), (*logits.shape[:-1], 1))
    return np.take_along_axis(logits, index, axis=-1)[..., 0]


def _ce(logits: np.ndarray, labels: np.ndarray) -> np.ndarray | float:
    # −log softmax(z)[y] = logsumexp(z) − z[y], with logsumexp shifted by the maximum
    top = np.max(logits, axis=-1)
    logsumexp = top + np.log(np.sum(np.exp(logits - top[..., None]), axis=-1))
    return _mean(logsumexp - _picked(logits, labels), axes=(-1,))


def one_hot(labels: np.ndarray, classes: int, dtype=np.float64) -> np.ndarray:
    """(B, classes) with a 1 at each sample's class."""
    hot = np.zeros((labels.size, classes), dtype=dtype)
    hot[np.arange(labels.size), labels] = 1
    return hot


def _ce_gradient(logits: np.ndarray, labels: np.ndarray) -> np.ndarray:
    return (softmax(logits) - one_hot(labels, logits.shape[-1], logits.dtype)) / logits.shape[-2]  # (p − y)/B


def _mean(terms: np.ndarray, axes: tuple[int, ...]) -> np.ndarray | float:
    value = np.mean(terms, axis=axes)
    return float(value) if np.ndim(value) == 0 else value


@dataclass(frozen=True)
class Loss:
    """One loss: its value, the gradient it starts the backward pass with, and how to write it."""

    name: str  # key for the CLI, session files and the torch twin
    label: str  # shown in menus
    torch_function: str  # the torch.nn.functional it equals
    formula: str  # L as written on the board
    on_logits: bool  # the last layer is linear and the loss applies σ or softmax itself
    value: Callable[[np.ndarray, np.ndarray], "np.ndarray | float"]  # (out, targets) -> L
    gradient: Callable[[np.ndarray, np.ndarray], np.ndarray]  # (out, targets) -> dL/d out
    probabilities: Callable[[np.ndarray], np.ndarray] | None  # logits -> what the network predicts

    def prediction(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        """What the network predicts from its last layer: σ(z) or softmax(z) of the logits (in float64) where the
        loss applies it, else the activation a."""
        return a if self.probabilities is None else self.probabilities(np.asarray(z, dtype=np.float64))

    @property
    def takes_labels(self) -> bool:
        """Targets are class indices, one per sample."""
        return self.name == "ce"


LOSSES: dict[str, Loss] = {
    loss.name: loss
    for loss in (
        Loss("mse", QT_TRANSLATE_NOOP("core", "Mean squared error"), "mse_loss", "L = mean((a − y)²)", False,
             _mse, _mse_gradient, None),
        Loss("bce", QT_TRANSLATE_NOOP("core", "Binary cross-entropy"), "binary_cross_entropy_with_logits",
             "L = mean(−y·log σ(z) − (1 − y)·log(1 − σ(z)))", True, _bce, _bce_gradient, sigmoid),
        Loss("ce", QT_TRANSLATE_NOOP("core", "Cross-entropy (softmax)"), "cross_entropy",
             "L = mean(−log softmax(z)[y])", True, _ce, _ce_gradient, softmax),
    )
}


def loss(name: str) -> Loss:
    """The loss called `name`, or a ValueError listing the known ones."""
    try:
        return LOSSES[name]
    except KeyError:
        raise ValueError(f"unknown loss {name!r}; choose one of: {', '.join(LOSSES)}") from None
