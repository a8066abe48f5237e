"""Hypothesis strategies for random layered networks, batches and targets."""

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from core.activations import ACTIVATIONS
from core.losses import LOSSES
from core.network import NetworkSpec

DTYPES = ("float32", "float64")


def values(bound: float = 3.0):
    # width=32: every drawn value is exact in float32 too, so both dtypes see the same numbers
    return st.floats(-bound, bound, allow_nan=False, allow_infinity=False, width=32)


@st.composite
def specs(draw, max_layers: int = 4, max_width: int = 6, losses=tuple(LOSSES), activations=tuple(ACTIVATIONS)):
    """A NetworkSpec of 1..max_layers layers, widths 1..max_width, each layer's activation drawn."""
    loss = draw(st.sampled_from(losses))
    layers = draw(st.integers(1, max_layers))
    widths = [draw(st.integers(1, max_width)) for _ in range(layers + 1)]
    if loss == "ce":
        widths[-1] = max(widths[-1], 2)
    chosen = [draw(st.sampled_from(activations)) for _ in range(layers)]
    if LOSSES[loss].on_logits:
        chosen[-1] = "identity"
    return NetworkSpec(tuple(widths), tuple(chosen), draw(st.booleans()), loss)


def parameters(draw, spec: NetworkSpec, bound: float = 1.5) -> dict:
    return {name: draw(arrays(np.float64, shape, elements=values(bound))) for name, shape in spec.shapes.items()}


def targets(draw, spec: NetworkSpec, m: int) -> np.ndarray:
    """Targets as the loss takes them: values for mse, probabilities in [0, 1] for bce, class indices for ce."""
    if spec.loss == "ce":
        return draw(arrays(np.int64, m, elements=st.integers(0, spec.n_out - 1)))
    if spec.loss == "bce":
        return draw(arrays(np.float64, (m, spec.n_out), elements=st.floats(0, 1, width=32)))
    return draw(arrays(np.float64, (m, spec.n_out), elements=values(2.0)))


@st.composite
def problems(draw, max_layers: int = 4, max_width: int = 6, max_samples: int = 16, dtypes=DTYPES, **kwargs):
    """(spec, params, X, targets, dtype) for a random network and batch."""
    spec = draw(specs(max_layers, max_width, **kwargs))
    m = draw(st.integers(1, max_samples))
    X = draw(arrays(np.float64, (m, spec.n_in), elements=values()))
    return spec, parameters(draw, spec), X, targets(draw, spec, m), draw(st.sampled_from(dtypes))
