"""The loss landscape within the central differences' budget: a large network on many samples gets a coarser grid
(17.7 s a state on 2-16-16-16-16-1 with 10,000 samples froze the window), every small one the full grid."""

import numpy as np
from numpy.testing import assert_allclose

from core import landscape as landscape_module
from core.datasets import generate
from core.landscape import MIN_COUNT, affordable_count, landscape, loss_surface
from core.network import NetworkSpec
from core.numeric import BUDGET, entry_cost
from core.optimizer_spec import OptimizerSpec
from core.problem import Problem
from core.scenarios import SCENARIOS
from core.state import SessionState

RESOLUTION = 81  # the window's grid


def large_state() -> SessionState:
    net = NetworkSpec((2, 16, 16, 16, 16, 1), ("tanh",) * 4 + ("identity",), True, "bce")
    return SessionState.drawn(Problem(net, generate("moons", 10_000), "float32"), OptimizerSpec.create("adam"))


def test_a_scenario_keeps_the_full_grid_where_it_is_within_the_budget_else_the_finest_grid_that_is():
    full = set()
    for scenario in SCENARIOS:
        state = scenario.make()
        net, m = state.problem.network, len(state.batch()[0])
        last = sum(int(np.prod(shape)) for shape in net.shapes.values()) - 1
        count = affordable_count(net, 0, last, m, RESOLUTION)
        per_network = entry_cost(net, 1, m) / 2
        if RESOLUTION ** 2 * per_network <= BUDGET:
            assert count == RESOLUTION, scenario.name
            full.add(scenario.name)
        else:  # (three spirals over a first-layer weight: 0.85 s a state at 81 × 81, 0.24 s at 63 × 63)
            assert count ** 2 * per_network <= BUDGET < (count + 1) ** 2 * per_network, scenario.name
    assert {"seed", "xor", "circle"} <= full


def test_a_large_network_on_many_samples_gets_a_coarse_grid_within_the_budget(monkeypatch):
    state = large_state()
    net = state.problem.network
    count = affordable_count(net, 0, 1, 10_000, RESOLUTION)
    assert MIN_COUNT <= count < RESOLUTION
    assert count ** 2 * entry_cost(net, 1, 10_000) / 2 <= max(BUDGET, MIN_COUNT ** 2 * entry_cost(net, 1, 10_000) / 2)
    grids = []
    monkeypatch.setattr(landscape_module, "loss_surface",
                        lambda *args: grids.append((len(args[4]), len(args[5]))) or loss_surface(*args))
    land = landscape(state, 0, 1, RESOLUTION)
    assert grids == [(count, count)] and land.surface.shape == (count, count)
    # the coarse grid is still the loss: its node at the current weights is the current loss
    X, targets = state.batch()
    i, j = land.node
    theta = state.flat_parameters()[0].astype(np.float64)
    at_node = loss_surface(net, theta, 0, 1, land.us[j:j + 1], land.vs[i:i + 1], X, targets)
    assert_allclose(land.surface[i, j], at_node[0, 0], rtol=1e-12)
