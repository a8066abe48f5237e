"""Central differences within a budget: a large network on many samples differences a fixed sample of each tensor's
entries (the window stays responsive), says which, and every scenario is still differenced at every entry."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

import core.numeric
from core.datasets import generate
from core.evaluation import evaluate
from core.network import NetworkSpec
from core.optimizer_spec import OptimizerSpec
from core.problem import Problem
from core.scenarios import SCENARIOS
from core.state import SessionState
from tests.network_strategies import problems

LARGE = NetworkSpec.create([2, 16, 16, 16, 16, 1], "tanh", bias=True, loss="bce")


def large_state(samples: int = 10_000) -> SessionState:
    """The lecturer's case: 2-16-16-16-16-1 on 10,000 moons, one full batch (849 parameters)."""
    return SessionState.drawn(Problem(LARGE, generate("moons", samples), "float32"), OptimizerSpec.create("adam"))


def counted_multiply_adds(monkeypatch) -> list[int]:
    """A running total of the multiply-adds of the layers central differences run (the stacked matmuls)."""
    done = [0]
    layers_from = core.numeric.layers_from

    def counting(spec, params, h, start=1):
        stacked = max(int(np.prod(params[name].shape[:-len(shape)])) for name, shape in spec.shapes.items())
        per_row = sum(spec.widths[j - 1] * spec.widths[j] for j in range(start, spec.layers + 1))
        done[0] += stacked * h.shape[-2] * per_row
        return layers_from(spec, params, h, start)

    monkeypatch.setattr(core.numeric, "layers_from", counting)
    return done


def test_a_large_network_on_many_samples_differences_a_sample_of_every_tensor_within_the_budget(monkeypatch):
    """Every entry would take 2 × 849 perturbed networks over 10,000 samples, 9.4e9 multiply-adds (3 to 26 s, the
    window frozen): a sample of each tensor's entries is differenced instead, within 5e8 multiply-adds."""
    done = counted_multiply_adds(monkeypatch)
    e = evaluate(large_state())
    differences = e.numeric
    assert done[0] <= 5e8
    assert not differences.complete
    assert differences.cost > 5e8  # what every entry would have cost, as the views say
    for name, grad in e.grads.items():
        computed = differences.computed[name]
        assert computed.shape == grad.shape and computed.any(), name  # no tensor left out
        assert np.isnan(differences.grads[name][~computed]).all(), name  # nothing stands in for a left-out entry
        assert_allclose(differences.grads[name][computed], grad[computed], rtol=1e-4, atol=1e-6, err_msg=name)
    computed, total = differences.counts
    assert 0 < computed < total == LARGE.parameter_count
    assert e.manual_vs_numeric.agree  # over the differenced entries


def test_the_sample_is_the_same_at_every_step():
    state = large_state(2_000)
    first = evaluate(state).numeric.computed
    moved = {name: value + np.float32(0.01) for name, value in state.manual.params.items()}
    later = evaluate(state.replace(manual=state.manual.with_params(moved))).numeric.computed
    assert first.keys() == later.keys()
    for name in first:
        np.testing.assert_array_equal(first[name], later[name])


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_every_scenario_is_differenced_at_every_entry(scenario):
    differences = evaluate(scenario.make()).numeric
    assert differences.complete and differences.cost <= core.numeric.BUDGET
    assert all(computed.all() for computed in differences.computed.values())


@settings(max_examples=30)
@given(problems(dtypes=("float64",)), st.floats(1.0, 1e5))
def test_a_sample_holds_exactly_the_central_differences_of_its_entries(case, budget):
    spec, params, X, targets, _ = case
    full = core.numeric.central_differences(spec, params, X, targets, budget=float("inf"))
    sampled = core.numeric.central_differences(spec, params, X, targets, budget=budget)
    assert full.complete and full.cost == sampled.cost
    assert sampled.complete or sampled.cost > budget
    taken = {name: computed.sum() * core.numeric.entry_cost(spec, spec.layer_of(name), X.shape[0])
             for name, computed in sampled.computed.items()}
    # within the budget, but for tensors held at one entry where even that costs more than their share
    assert sampled.complete or sum(taken.values()) <= budget + sum(
        taken[name] for name, computed in sampled.computed.items() if computed.sum() == 1)
    for name, grad in full.grads.items():
        computed = sampled.computed[name]
        assert computed.any()
        assert_allclose(sampled.grads[name][computed], grad[computed], rtol=1e-12, atol=0, err_msg=name)
        assert np.isnan(sampled.grads[name][~computed]).all()
