"""Hypothesis strategies for random networks."""

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from core.activations import ACTIVATIONS
from core.problem import Problem

DTYPES = ("float32", "float64")


def values(bound: float = 3.0):
    # width=32: every drawn value is exact in float32 too, so both dtypes see the same numbers
    return st.floats(-bound, bound, allow_nan=False, allow_infinity=False, width=32)


@st.composite
def networks(draw, max_size: int = 8, activations=tuple(ACTIVATIONS), dtypes=DTYPES):
    """(Problem, W) of one layer and one sample, with 1..max_size inputs and outputs."""
    n_out, n_in = draw(st.integers(1, max_size)), draw(st.integers(1, max_size))
    problem = Problem.one_layer(
        x=draw(arrays(np.float64, n_in, elements=values())),
        y=draw(arrays(np.float64, n_out, elements=values(2.0))),
        activation=draw(st.sampled_from(activations)),
        dtype=draw(st.sampled_from(dtypes)),
    )
    return problem, draw(arrays(np.float64, (n_out, n_in), elements=values(1.5)))
