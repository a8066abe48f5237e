"""Activation functions in numpy, each with its derivative written in terms of z and a = f(z)."""

from dataclasses import dataclass
from typing import Callable

import numpy as np

from core.i18n import QT_TRANSLATE_NOOP

LEAKY_SLOPE = 0.01  # torch.nn.functional.leaky_relu's default negative_slope


def _sigmoid(z: np.ndarray) -> np.ndarray:
    """1 / (1 + e^−z) without overflow: e^min(z, 0) / (1 + e^−|z|), both exponents ≤ 0.

    For z ≥ 0 this is 1 / (1 + e^−z); for z < 0 it is e^z / (1 + e^z). No exponent is positive, so nothing
    overflows for any finite z, and no branch is needed.
    """
    return np.exp(np.minimum(z, 0)) / (1 + np.exp(-np.abs(z)))


@dataclass(frozen=True)
class Activation:
    """One activation: the function, its derivative, and how to write both for a class."""

    name: str  # key used by the CLI, session files and torch_engine
    label: str  # shown in menus
    symbol: str  # f in a = f(z), as written on the board
    function: Callable[[np.ndarray], np.ndarray]  # z -> a
    derivative: Callable[[np.ndarray, np.ndarray], np.ndarray]  # (z, a) -> da/dz
    formula: str  # a = f(z), plain text
    derivative_formula: str  # da/dz in terms of {a} or {z} (placeholders for a₁, z₁, ...), plain text
    output_range: tuple[float, float]  # open interval of values a can take


ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in (
        Activation(
            "sigmoid", "Sigmoid", "σ", _sigmoid,
            lambda z, a: a * (1 - a),
            "σ(z) = 1 / (1 + e^−z)", "{a}(1 − {a})", (0.0, 1.0),
        ),
        Activation(
            "tanh", "Tanh", "tanh", np.tanh,
            lambda z, a: 1 - a * a,
            "tanh(z)", "1 − {a}²", (-1.0, 1.0),
        ),
        Activation(
            "relu", "ReLU", "relu", lambda z: np.maximum(z, 0),
            # torch's relu backward is 0 at z = 0 (threshold_backward on the output)
            lambda z, a: (z > 0).astype(z.dtype),
            "max(z, 0)", QT_TRANSLATE_NOOP("core", "1 if {z} > 0 else 0"), (0.0, np.inf),
        ),
        Activation(
            "leaky_relu", "Leaky ReLU", "leaky", lambda z: np.where(z > 0, z, z * LEAKY_SLOPE),
            # torch's leaky_relu backward takes the slope at z = 0
            lambda z, a: np.where(z > 0, 1, LEAKY_SLOPE).astype(z.dtype),
            QT_TRANSLATE_NOOP("core", "z if z > 0 else 0.01·z"), QT_TRANSLATE_NOOP("core", "1 if {z} > 0 else 0.01"),
            (-np.inf, np.inf),
        ),
        Activation(
            "identity", QT_TRANSLATE_NOOP("core", "Identity (none)"), "id", lambda z: z,
            lambda z, a: np.ones_like(z),
            "z", "1", (-np.inf, np.inf),
        ),
    )
}


def activation(name: str) -> Activation:
    """The activation called `name`, or a ValueError listing the known ones."""
    try:
        return ACTIVATIONS[name]
    except KeyError:
        raise ValueError(f"unknown activation {name!r}; choose one of: {', '.join(ACTIVATIONS)}") from None
