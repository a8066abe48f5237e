"""The one-layer network a = f(W·x) of the blog post, through core's network code: shorthands for tests."""

import numpy as np

from core.network import Backward, Forward, backward, forward
from core.problem import Problem


def passes(problem: Problem, w: np.ndarray) -> tuple[Forward, Backward]:
    """Forward and backward of W (cast to the problem's dtype) on the problem's whole data."""
    params = {"W1": np.asarray(w).astype(problem.np_dtype)}
    fwd = forward(problem.network, params, problem.X, problem.targets)
    return fwd, backward(problem.network, params, fwd, problem.targets, problem.mistake)


def gradient(problem: Problem, w: np.ndarray) -> tuple[float, np.ndarray]:
    """The loss and dL/dW at W, by hand, in the problem's dtype."""
    fwd, bwd = passes(problem, w)
    return fwd.loss, bwd.grads["W1"]
