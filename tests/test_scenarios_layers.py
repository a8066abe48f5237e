"""The layered scenarios show what their descriptions say."""

import numpy as np
import pytest
from numpy.testing import assert_allclose

from core.init import Init
from core.network import forward
from core.scenarios import scenario
from core.session import Session
from core.state import SessionState
from core.stepping import manual_update


def train(state: SessionState, steps: int) -> SessionState:
    """The hand-written trajectory after `steps` (what a scenario shows is the math's: torch follows it, as the
    parity tests check, and would only make this slower)."""
    engine = state.manual
    for k in range(steps):
        engine, *_ = manual_update(state, engine, *state.problem.batch(k))
    return state.replace(manual=engine)


def run(name: str, steps: int) -> SessionState:
    return train(scenario(name).make(), steps)


def loss(state: SessionState) -> float:
    p = state.problem
    return forward(p.network, state.manual.params, p.X, p.targets).loss


def accuracy(state: SessionState) -> float:
    """Of every sample, not only a batch."""
    p = state.problem
    out = forward(p.network, state.manual.params, p.X, p.targets).output
    if p.network.loss == "ce":
        return float(np.mean(np.argmax(out, axis=1) == p.targets))
    return float(np.mean((out[:, 0] > 0) == (p.targets[:, 0] > 0.5)))


def test_xor_with_two_hidden_units_gets_stuck_and_with_four_solves_from_the_same_start():
    stuck, solved = run("xor-stuck", 1500), run("xor", 1500)
    p = stuck.problem
    probabilities = 1 / (1 + np.exp(-forward(p.network, stuck.manual.params, p.X, p.targets).output[:, 0]))
    right = np.abs(probabilities - p.targets[:, 0]) < 0.01
    assert right.sum() == 2
    assert_allclose(probabilities[~right], 0.5, atol=1e-3)  # two corners right, two at p = ½
    assert_allclose(loss(stuck), 0.5 * np.log(2), rtol=1e-3)
    assert loss(solved) < 1e-2 and accuracy(solved) == 1.0
    assert_allclose(stuck.start["W1"], solved.start["W1"][:2], rtol=0)  # the same torch seed



@pytest.mark.parametrize("name, steps, least", [("circle", 400, 0.97), ("spiral", 1500, 0.95)])
def test_the_classifiers_learn_their_data(name, steps, least):
    assert accuracy(run(name, steps)) >= least


def test_zero_initialization_keeps_the_hidden_units_identical_and_fits_worse_than_a_random_start():
    state = run("zeros", 500)
    params = state.manual.params
    W1, b1, W2 = params["W1"], params["b1"], params["W2"]
    assert np.max(np.abs(W2)) > 1e-2  # it did learn something
    for k in range(1, 4):  # every unit as the first: the same row of W₁, bias and outgoing weight
        assert_allclose(W1[k], W1[0], rtol=0, atol=0)
        assert_allclose([b1[k], W2[0, k]], [b1[0], W2[0, 0]], rtol=0, atol=0)
    random = train(SessionState.drawn(state.problem, state.optimizer, Init("torch", 0)), 500)
    assert loss(random) < 0.5 * loss(state)


def test_six_sigmoid_layers_have_gradients_that_shrink_layer_by_layer():
    session = Session(scenario("deep-sigmoid").make(), load_torch=False)
    norms = [float(np.linalg.norm(session.evaluate().grads[f"W{l}"])) for l in range(1, 7)]
    assert all(lower < upper for lower, upper in zip(norms, norms[1:]))
    assert norms[0] < 1e-4 * norms[-1]


@pytest.mark.parametrize("name", ["xor-stuck", "xor", "circle", "spiral", "zeros", "deep-sigmoid"])
def test_each_asks_for_the_plot_its_point_needs(name):
    item = scenario(name)
    assert item.view == ("norms" if name == "deep-sigmoid" else "decision")


def test_the_landscape_over_two_parameters_of_different_layers_is_the_loss_there():
    from core.landscape import landscape
    from core.network import entries, flatten, unflatten

    session = Session(scenario("xor").make(), load_torch=False)
    state = session.state
    names = entries(state.problem.network)
    first, second = names.index(("W1", (2, 1))), names.index(("b2", (0,)))
    land = landscape(state, first, second, 9)
    p = state.problem
    theta = flatten(state.manual.params).astype(np.float64)
    assert_allclose(land.surface[land.node], forward(p.network, unflatten(p.network, theta), p.X.astype(np.float64),
                                                     p.targets).loss, rtol=1e-12)
    moved = theta.copy()
    moved[first], moved[second] = land.us[0], land.vs[-1]
    assert_allclose(land.surface[-1, 0], forward(p.network, unflatten(p.network, moved), p.X.astype(np.float64),
                                                 p.targets).loss, rtol=1e-12)
