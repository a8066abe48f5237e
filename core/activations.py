"""Activation functions in numpy, each with its derivative written in terms of z and a = f(z)."""

from dataclasses import dataclass
from typing import Callable

import numpy as np

from core.i18n import QT_TRANSLATE_NOOP

LEAKY_SLOPE = 0.01  # torch.nn.functional.leaky_relu's default negative_slope


def sigmoid(z: np.ndarray) -> np.ndarray:
    """1 / (1 + e^−z) without overflow: e^min(z, 0) / (1 + e^−|z|), both exponents ≤ 0.

    For z ≥ 0 this is 1 / (1 + e^−z); for z < 0 it is e^z / (1 + e^z). No exponent is positive, so nothing
    overflows for any finite z, and no branch is needed.
    """
    return np.exp(np.minimum(z, 0)) / (1 + np.exp(-np.abs(z)))


def sigmoid_derivative(z: np.ndarray, a: np.ndarray) -> np.ndarray:
    return a * (1 - a)


def tanh(z: np.ndarray) -> np.ndarray:
    return np.tanh(z)


def tanh_derivative(z: np.ndarray, a: np.ndarray) -> np.ndarray:
    return 1 - a * a


def relu(z: np.ndarray) -> np.ndarray:
    return np.maximum(z, 0)


def relu_derivative(z: np.ndarray, a: np.ndarray) -> np.ndarray:
    return (z > 0).astype(z.dtype)  # torch's relu backward is 0 at z = 0 (threshold_backward on the output)


def leaky_relu(z: np.ndarray) -> np.ndarray:
    return np.where(z > 0, z, z * LEAKY_SLOPE)


def leaky_relu_derivative(z: np.ndarray, a: np.ndarray) -> np.ndarray:
    return np.where(z > 0, 1, LEAKY_SLOPE).astype(z.dtype)  # torch's leaky_relu backward takes the slope at z = 0


def identity(z: np.ndarray) -> np.ndarray:
    return z


def identity_derivative(z: np.ndarray, a: np.ndarray) -> np.ndarray:
    return np.ones_like(z)


@dataclass(frozen=True)
class Activation:
    """One activation: the function, its derivative, and how to write both for a class."""

    name: str  # key used by the CLI and session files
    label: str  # shown in menus
    symbol: str  # f in a = f(z), as written on the board
    function: Callable[[np.ndarray], np.ndarray]  # z -> a
    derivative: Callable[[np.ndarray, np.ndarray], np.ndarray]  # (z, a) -> da/dz
    formula: str  # a = f(z), plain text
    derivative_formula: str  # da/dz in terms of {a} or {z} (placeholders for a₁, z₁, ...), plain text
    output_range: tuple[float, float]  # open interval of values a can take
    torch_module: str  # the torch.nn module that computes it, with its default arguments

    @property
    def is_linear(self) -> bool:
        return self.name == "identity"


ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in (
        Activation("sigmoid", "Sigmoid", "σ", sigmoid, sigmoid_derivative,
                   "σ(z) = 1 / (1 + e^−z)", "{a}(1 − {a})", (0.0, 1.0), "Sigmoid"),
        Activation("tanh", "Tanh", "tanh", tanh, tanh_derivative, "tanh(z)", "1 − {a}²", (-1.0, 1.0), "Tanh"),
        Activation("relu", "ReLU", "relu", relu, relu_derivative,
                   "max(z, 0)", QT_TRANSLATE_NOOP("core", "1 if {z} > 0 else 0"), (0.0, np.inf), "ReLU"),
        Activation("leaky_relu", "Leaky ReLU", "leaky", leaky_relu, leaky_relu_derivative,
                   QT_TRANSLATE_NOOP("core", "z if z > 0 else 0.01·z"),
                   QT_TRANSLATE_NOOP("core", "1 if {z} > 0 else 0.01"), (-np.inf, np.inf), "LeakyReLU"),
        Activation("identity", QT_TRANSLATE_NOOP("core", "Identity (none)"), "id", identity, identity_derivative,
                   "z", "1", (-np.inf, np.inf), "Identity"),
    )
}


def activation(name: str) -> Activation:
    """The activation called `name`, or a ValueError listing the known ones."""
    try:
        return ACTIVATIONS[name]
    except KeyError:
        raise ValueError(f"unknown activation {name!r}; choose one of: {', '.join(ACTIVATIONS)}") from None
