"""How far numpy and torch may differ: each sum judged against the size of its terms, not of its result."""
import numpy as np

# float64: the same formulas in the same precision; only the order of sums and torch's fused multiply-adds
# differ, by a few ulps of the sizes summed. float32 rounds each operation to 6e-8, and a gradient is a sum over
# the batch of products through up to four layers, each rounded in its own order by each engine: 1e-4 of the size
# of what is summed (see magnitudes) leaves room for that and still catches any wrong factor.
RTOL = {"float64": 1e-10, "float32": 1e-4}

# The size of the terms each derivative formula combines: σ′ = a(1 − a) and tanh′ = 1 − a² cancel in a saturated
# unit, where a rounds to its limit within an ulp that numpy and torch each round their own way.
DERIVATIVE_TERMS = {"sigmoid": lambda a: a + a * a, "tanh": lambda a: 1 + a * a}


def magnitudes(spec, params, fwd, bwd, targets) -> tuple[list[np.ndarray], dict]:
    """The size of what each δ and gradient entry sums: the backward pass run on absolute values, so a sum that
    cancels to ~0 is judged against its terms (a dot product's rounding error is at most ~n·eps of Σ|terms|)."""
    out = np.abs(fwd.output).astype(np.float64)
    if spec.loss == "ce":
        size = (np.abs(bwd.dL_dout) + 2 * np.eye(spec.n_out)[targets]) / len(targets)  # |p| + |one-hot|, over B
    else:
        size = np.abs(bwd.dL_dout) + 2 * (out + np.abs(targets)) / out.size
    deltas = [None] * spec.layers
    for l in range(spec.layers, 0, -1):
        a = np.abs(fwd.activations[l]).astype(np.float64)
        terms = DERIVATIVE_TERMS.get(spec.activations[l - 1], lambda _: np.abs(bwd.derivatives[l - 1]))(a)
        deltas[l - 1] = size * terms
        size = deltas[l - 1] @ np.abs(params[f"W{l}"]).astype(np.float64)
    grads = {}
    for l in range(1, spec.layers + 1):
        grads[f"W{l}"] = deltas[l - 1].T @ np.abs(fwd.activations[l - 1]).astype(np.float64)
        grads[f"b{l}"] = deltas[l - 1].sum(axis=0)
    return deltas, grads
