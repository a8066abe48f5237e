"""The teaching additions of the core: the forgetful twin, the weight path, the landscape, lessons, scenarios."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from core import optimizers
from core.landscape import around, loss_surface
from core.lessons import lessons, loss_floor, saturated, unreachable
from core.optimizer_spec import OptimizerSpec
from core.path import MAX_POINTS, WeightPath
from core.problem import Problem
from core.scenarios import SCENARIOS, scenario
from core.session import Session
from core.session_file import dumps, loads
from core.state import SessionState, default_state
from tests.helpers import assert_states_identical
from tests.one_layer import gradient, passes
from tests.strategies import networks


def forgetful_session(**options) -> Session:
    s = default_state()
    spec = OptimizerSpec.create("adam", **options)
    problem = s.problem.replace(data=s.problem.data.replace(Y=[[0.2, 0.5, 0.8]]))
    return Session(SessionState.start_at(problem, spec, s.start, forgetful=True))


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_forgetful_twin_is_adam_restarted_every_step(dtype):
    session = forgetful_session(lr=0.05)
    session.set_dtype(dtype)
    p, spec = session.problem, session.optimizer
    w = session.state.forgetful.weight
    for _ in range(50):
        _, g = gradient(p, w)
        w, _ = optimizers.adam(w, g, {}, **spec.as_dict())
    session.step(50)
    assert_allclose(session.state.forgetful.weight, w, rtol=0, atol=0)
    assert session.state.forgetful.weight.dtype == np.dtype(dtype)


def test_forgetful_twin_agrees_with_adam_on_the_first_step_only():
    session = forgetful_session(lr=0.05)
    session.step(1)
    s = session.state
    assert_allclose(s.forgetful.weight, s.manual.weight, rtol=0, atol=1e-7)
    session.step(30)
    s = session.state
    assert np.max(np.abs(s.forgetful.weight - s.manual.weight)) > 1e-3
    trace = s.trace
    assert_allclose(trace.forgetful[:2], trace.manual[:2], rtol=1e-6)  # same W at steps 0 and 1
    assert np.isfinite(trace.forgetful).all()
    assert_allclose(session.evaluate().forgetful_loss, passes(s.problem, s.forgetful.weight)[0].loss, rtol=0)


def test_forgetful_twin_can_be_switched_on_later_undone_and_saved():
    session = Session(default_state())
    session.step(3)
    session.set_forgetful(True)
    assert_allclose(session.state.forgetful.weight, session.state.manual.weight, rtol=0)
    session.step(4)
    trace = session.state.trace
    assert np.isnan(trace.forgetful[:3]).all() and np.isfinite(trace.forgetful[3:]).all()
    assert_states_identical(loads(dumps(session.state)), session.state)
    assert_allclose(loads(dumps(session.state)).trace.forgetful, trace.forgetful, equal_nan=True, rtol=0)
    session.undo()
    session.undo()
    assert session.state.forgetful is None
    session.reset()  # a reset keeps the twin's setting
    session.redo() if session.can_redo else None
    session.set_forgetful(True)
    session.reset()
    assert session.state.forgetful is not None and session.state.step == 0


def test_weight_edits_reach_the_twin_too():
    session = forgetful_session()
    session.edit_weight(0, 1, 0.25)
    for _, engine in session.state.engines():
        assert_allclose(engine.weight[0, 1], 0.25, rtol=1e-7)


def test_path_keeps_every_step_then_thins_to_a_bounded_number_of_points():
    session = Session(default_state())
    session.step(10)
    path = session.state.path
    assert_allclose(path.steps, np.arange(11), rtol=0)
    assert_allclose(path.weights(0)[-1], session.state.manual.weight.ravel(), rtol=0)
    assert_allclose(path.weights(1)[-1], session.state.torch.weight.ravel(), rtol=0)
    w = np.zeros(4)
    path = WeightPath.start(0, w, w)
    for k in range(1, 10 * MAX_POINTS):
        path = path.appended(k, w + k, w - k)
    assert len(path) <= MAX_POINTS and path.stride >= 8
    assert (path.steps % path.stride == 0).all() and path.steps[0] == 0
    assert_allclose(path.weights(0)[:, 0], path.steps, rtol=0)
    assert_allclose(path.weights(1)[:, 3], -path.steps, rtol=0)


def test_a_large_w_keeps_fewer_points_so_its_path_stays_small():
    from core.path import MAX_WEIGHTS, max_points

    assert max_points(9) == MAX_POINTS and max_points(256) == MAX_WEIGHTS // 256 == 256
    w = np.zeros(256)
    path = WeightPath.start(0, w, w)
    for k in range(1, 4 * 256):
        path = path.appended(k, w + k, w - k)
    assert len(path) <= 256 and path.stride == 4
    assert path.weights().nbytes <= 3 * MAX_WEIGHTS * 8  # 1.6 MB, all three trajectories


def test_an_undone_state_keeps_its_own_path():
    session = Session(default_state())
    session.step(5)
    kept = session.state.path
    session.undo()
    session.edit_weight(0, 0, 1.0)
    session.step(5)
    assert_allclose(kept.steps, np.arange(6), rtol=0)
    session.undo()
    session.undo()
    session.redo()
    assert_allclose(session.state.path.weights(0)[-1], session.state.manual.weight.ravel(), rtol=0)


@given(networks(max_size=5, dtypes=("float64",)), st.data())
def test_landscape_at_the_current_weights_is_the_current_loss(network, data):
    problem, weight = network
    theta = weight.ravel()
    if theta.size < 2:
        return
    first, second = data.draw(st.integers(0, theta.size - 1)), data.draw(st.integers(0, theta.size - 1))
    if first == second:
        return
    us = np.array([theta[first] - 0.5, theta[first], theta[first] + 1.0])
    vs = np.array([theta[second], theta[second] + 0.25])
    surface = loss_surface(problem.network, theta, first, second, us, vs, problem.X, problem.targets)
    assert surface.shape == (2, 3)
    assert_allclose(surface[0, 1], passes(problem, weight)[0].loss, rtol=1e-12, atol=1e-15)
    moved = theta.copy()
    moved[first], moved[second] = us[2], vs[1]
    assert_allclose(surface[1, 2], passes(problem, moved.reshape(weight.shape))[0].loss, rtol=1e-12,
                    atol=1e-15)


def test_landscape_refuses_one_weight_twice_and_spans_the_path():
    problem = default_state().problem
    with pytest.raises(ValueError, match="two different"):
        loss_surface(problem.network, np.zeros(9), 1, 1, [0.0], [0.0], problem.X, problem.targets)
    values = around(0.5, np.array([0.0, 2.0, np.nan]), 5)
    assert values[0] < 0.0 and values[-1] > 2.0 and len(values) == 5
    assert np.min(np.abs(values - 0.5)) == pytest.approx(0, abs=1e-15)  # a node at the current weight


def test_the_seeds_target_is_out_of_reach_and_the_floor_is_exact():
    problem = default_state().problem
    assert unreachable(problem).tolist() == [[False, False, True]]
    assert_allclose(loss_floor(problem), (9.9 - 1.0) ** 2 / 3, rtol=1e-12)
    _, bwd = passes(problem, default_state().manual.weight)
    texts = [lesson.text() for lesson in lessons(problem, bwd)]
    assert texts[0] == "y₃ = 9.9 is outside σ's range (0, 1): a₃ can never reach it."
    assert "26.4" in texts[1]


def test_relu_reaches_zero_but_not_below_and_dead_units_are_named():
    problem = Problem.one_layer([1.0, 1.0], [0.0, -0.5], "relu", "float64")
    assert unreachable(problem).tolist() == [[False, True]]
    _, bwd = passes(problem, np.array([[-1.0, -1.0], [1.0, 1.0]]))
    assert saturated(problem, bwd)[0].tolist() == [True, False]
    assert [lesson.kind for lesson in lessons(problem, bwd)] == ["unreachable", "floor", "dead"]


@pytest.mark.parametrize("item", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_every_scenario_loads_steps_and_round_trips(item):
    session = Session()
    session.replace_state(item.make(), item.title)
    outcome = session.step(100)
    assert outcome.taken > 0
    if item.name != "diverging":
        assert_states_identical(loads(dumps(session.state)), session.state)
    assert scenario(item.name) is item


def test_scenarios_show_what_they_say():
    def run(name, steps):
        session = Session(scenario(name).make())
        outcome = session.step(steps)
        return session, outcome

    _, outcome = run("diverging", 200)
    assert outcome.divergence is not None and outcome.taken < 200
    saturated_start, _ = run("saturated", 100)
    assert_allclose(saturated_start.state.trace.manual[-1], saturated_start.state.trace.manual[0], rtol=1e-3)
    momentum, _ = run("momentum", 100)
    assert momentum.evaluate().forward.loss < 0.01 * momentum.evaluate().forgetful_loss
    forgetful, _ = run("forgetful", 300)
    assert forgetful.evaluate().forward.loss < 1e-6 < forgetful.evaluate().forgetful_loss
    reachable, _ = run("reachable", 300)
    assert reachable.evaluate().forward.loss < 1e-6
    with pytest.raises(ValueError, match="unknown scenario"):
        scenario("nope")


def test_landscape_of_a_session_spans_both_paths_and_has_the_current_loss_at_its_node():
    from core.landscape import landscape

    session = Session(default_state())
    session.set_dtype("float64")
    session.step(30)
    s = session.state
    land = landscape(s, 8, 6, 41)  # w₃₃ and w₃₁
    assert_allclose(land.surface[land.node], session.evaluate().forward.loss, rtol=1e-12)
    for path, engine in zip(land.paths, (s.manual, s.torch)):
        assert path.shape == (len(s.path) + 1, 2)
        assert_allclose(path[-1], [engine.weight[2, 2], engine.weight[2, 0]], rtol=0)
        assert land.us[0] <= path[:, 0].min() and path[:, 0].max() <= land.us[-1]
        assert land.vs[0] <= path[:, 1].min() and path[:, 1].max() <= land.vs[-1]
    ranks = land.ranks()
    assert ranks.min() == pytest.approx(0, abs=0) and ranks.max() < 1


def test_the_landscapes_colour_scale_names_the_loss_of_each_rank_it_marks():
    """Shading is by rank, so the colour bar's ticks sit at ranks and name the surface values that have them."""
    from core.landscape import landscape

    session = Session(default_state())
    session.set_activation("relu")  # a plateau: many equal values share one rank
    session.step(30)
    land = landscape(session.state, 8, 0, 41)  # w₃₃ and w₁₁
    ranks, values = land.colour_scale(5)
    finite = land.surface[np.isfinite(land.surface)]
    assert values[0] == finite.min() and values[-1] == finite.max()
    assert np.all(np.diff(ranks) > 0) and np.all(np.diff(values) > 0) and len(ranks) >= 2
    for rank, value in zip(ranks, values):
        at = land.surface[land.ranks() == rank]  # the cells drawn in this rank's colour
        assert at.size and np.all(at == value)


def test_landscape_is_none_at_non_finite_weights_and_leaves_non_finite_points_out_of_paths():
    from core.landscape import landscape

    session = Session(default_state())
    session.set_dtype("float64")
    session.step(3)
    s, infinite = session.state, np.full((3, 3), np.inf)
    diverged = s.replace(manual=s.manual.with_params({"W1": infinite}), torch=s.torch.with_params({"W1": infinite}),
                         path=s.path.appended(s.step, infinite.ravel(), infinite.ravel(), always=True))  # past range
    assert landscape(diverged, 0, 4, 21) is None

    session.replace_state(diverged)
    session.set_weight(np.zeros((3, 3)))  # mended by an edit
    land = landscape(session.state, 0, 4, 21)
    assert len(session.state.path) == 6  # steps 0..3, the diverged point, the edit
    for path in land.paths[:2]:
        assert path.shape == (6, 2) and np.isfinite(path).all()  # 5 finite points and the current one
    assert land.paths[2].shape == (0, 2)  # no forgetful twin
    assert np.isfinite(land.us).all() and np.isfinite(land.vs).all()


def test_the_forgetful_twin_has_its_own_path_from_where_it_was_added():
    from core.landscape import landscape

    session = Session(default_state())
    session.set_dtype("float64")
    session.step(5)
    session.set_forgetful(True)
    session.step(10)
    s = session.state
    twin_path = s.path.weights(2)
    assert np.isnan(twin_path[:6]).all()  # steps 0..5 before the twin
    assert_allclose(twin_path[6], s.path.weights(0)[6], rtol=0)  # added at the hand-written W of step 5
    assert_allclose(twin_path[-1], s.forgetful.weight.ravel(), rtol=0)
    manual, _, twin = landscape(s, 8, 6, 21).paths
    assert len(manual) == len(s.path) + 1 and len(twin) == 1 + 10 + 1  # where it was added, 10 steps, now
    assert_allclose(twin[-1], [s.forgetful.weight[2, 2], s.forgetful.weight[2, 0]], rtol=0)
    assert not np.allclose(twin[-1], manual[-1])  # it went elsewhere: that is the lesson

    session.set_forgetful(False)
    session.step(3)
    session.set_forgetful(True)  # a new twin starts a new path
    session.step(2)
    assert len(landscape(session.state, 8, 6, 21).paths[2]) == 1 + 2 + 1
