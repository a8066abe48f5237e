"""The explanations are the computation: chain-rule factors and written-out updates against the real thing."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from core.activations import ACTIVATIONS, LEAKY_SLOPE
from core.engine_state import EngineState
from core.explain import chain_rule_cell, next_update, one_layer_chain, state_quantities
from core.optimizer_spec import OptimizerSpec
from core.problem import Problem
from tests import torch_twin
from tests.one_layer import gradient, passes
from tests.strategies import networks
from tests.test_optimizers import CONFIG_IDS, CONFIGS, as_numpy_state, manual_train

RTOL = {"float32": 1e-6, "float64": 1e-14}


@given(networks(), st.data())
def test_chain_rule_factors_multiply_to_the_gradient_shown(network, data):
    problem, weight = network
    i, j = data.draw(st.integers(0, problem.n_out - 1)), data.draw(st.integers(0, problem.n_in - 1))
    fwd, bwd = passes(problem, weight)
    chain = one_layer_chain(fwd, bwd)
    cell = chain_rule_cell(problem, fwd, chain, i, j)
    assert_allclose(cell.product, cell.gradient, rtol=RTOL[problem.dtype], atol=0)
    assert cell.agrees  # what the view marks with ✔
    values = [f.value for f in cell.factors]
    # in float64 the factors' product is rounded once less; below the dtype's normal range that is all precision
    tiny = float(np.finfo(problem.np_dtype).tiny)
    assert_allclose(np.prod(values), cell.gradient, rtol=10 * RTOL[problem.dtype], atol=10 * tiny)
    # and each factor is the number its formula describes
    n = problem.n_out
    assert_allclose(values[0], (2 / n) * (float(fwd.output[0, i]) - float(problem.y_cast[i])), rtol=RTOL[problem.dtype],
                    atol=1e-12)
    assert_allclose(values[2], problem.x_cast[j], rtol=0)
    assert cell.factors[0].formula() == f"(2/{n})(a{_sub(i)} − y{_sub(i)})"


def _sub(k):
    return str(k + 1).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_every_activation_writes_its_derivative_for_the_chosen_unit(name):
    problem = Problem.one_layer([1.0, -2.0], [0.5, 0.1, 0.2], name, "float64")
    w = np.array([[0.3, 0.1], [-0.2, 0.4], [0.5, 0.5]])
    fwd, bwd = passes(problem, w)
    cell = chain_rule_cell(problem, fwd, one_layer_chain(fwd, bwd), 1, 0)
    formula = cell.factors[1].formula()
    assert "{" not in formula and "}" not in formula
    assert ("a₂" in formula or "z₂" in formula) or name == "identity"
    assert cell.factors[2].formula() == "x₁"
    if name == "leaky_relu":
        assert str(LEAKY_SLOPE) in formula


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("kind, options", CONFIGS, ids=CONFIG_IDS)
def test_written_out_update_is_the_real_next_step(kind, options, dtype):
    """After 20 steps: the last line at every weight equals the next W, by our optimizer and by torch.optim."""
    spec = OptimizerSpec.create(kind, **options)
    problem = Problem.one_layer([-0.5, 0.1, 1.1], [0.3, 0.6, 0.9], "sigmoid", dtype)
    start = np.array([[0.2, -0.4, 0.1], [0.5, 0.3, -0.2], [-0.1, 0.2, 0.4]])
    w, state = manual_train(spec, start, problem, 20)
    _, grad = gradient(problem, w)
    update = next_update(spec, EngineState({"W1": w}, {"W1": state}), grad)
    after, _ = manual_train(spec, start, problem, 21)
    assert_allclose(update.weight, after, rtol=0, atol=0 if dtype == "float64" else 1e-7)
    torch_after, _ = torch_twin.train(spec, start.astype(dtype), problem.x_cast, problem.y_cast, "sigmoid", dtype, 21)
    assert_allclose(update.weight, torch_after, rtol=0, atol=1e-12 if dtype == "float64" else 1e-5)
    for i, j in np.ndindex(w.shape):
        lines = update.at(i, j)
        assert lines[-1].formula.startswith("w ←")
        assert_allclose(lines[-1].value, float(update.weight[i, j]), rtol=0, atol=0)
        assert_allclose(update.update[i, j], float(update.weight[i, j]) - float(w[i, j]), rtol=1e-12, atol=0)


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("kind, options", CONFIGS, ids=CONFIG_IDS)
def test_state_quantities_equal_torchs_optimizer_state(kind, options, dtype):
    spec = OptimizerSpec.create(kind, **options)
    problem = Problem.one_layer([-0.5, 0.1, 1.1], [1.5, -0.5, 9.9], "sigmoid", dtype)
    start = np.array([[0.2, -0.4, 0.1], [0.5, 0.3, -0.2], [-0.1, 0.2, 0.4]])
    w, state = manual_train(spec, start, problem, 30)
    _, torch_state = torch_twin.train(spec, start.astype(dtype), problem.x_cast, problem.y_cast, "sigmoid", dtype, 30)
    theirs = as_numpy_state(torch_state)
    ours = {q.source: q.values for q in state_quantities(spec, EngineState({"W1": w}, {"W1": state}))}
    tol = dict(rtol=1e-3, atol=1e-6) if dtype == "float32" else dict(rtol=1e-9, atol=1e-14)
    for key, value in theirs.items():
        if key != "step":
            assert_allclose(ours[f"state['{key}']"], value, **tol)
    if kind in ("adam", "adamw"):
        t = theirs["step"]
        assert_allclose(ours["m / (1 − β₁ᵗ)"], theirs["exp_avg"] / (1 - spec["beta1"] ** t), **tol)
        assert_allclose(ours["v / (1 − β₂ᵗ)"], theirs["exp_avg_sq"] / (1 - spec["beta2"] ** t), **tol)
