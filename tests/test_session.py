"""The session: both engines step together, every action undoes and redoes exactly, divergence stops cleanly."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose, assert_array_equal

from core.init import linear_weight
from core.optimizer_spec import OptimizerSpec
from core.problem import Problem
from core.session import Session, TorchNotReady
from core.state import SessionState
from tests import torch_twin
from tests.helpers import assert_states_identical


@pytest.fixture
def session():
    return Session()


def test_default_session_is_the_blog_posts_example(session):
    s = session.state
    assert_allclose(s.problem.x, [-0.5, 0.1, 1.1], rtol=0)
    assert_allclose(s.problem.y, [0.1, 0.2, 9.9], rtol=0)
    assert s.problem.activation == "sigmoid"
    assert s.optimizer == OptimizerSpec.create("adam")
    assert_array_equal(s.manual.weight, linear_weight(0, 3, 3))
    assert s.step == 0 and not session.can_undo


def test_step_advances_both_engines_and_records_the_loss(session):
    before = session.evaluate().forward.loss
    outcome = session.step(3)
    assert outcome.taken == 3 and outcome.divergence is None
    s = session.state
    assert s.step == 3 and len(s.trace) == 3
    assert_allclose(s.trace.manual[0], before, rtol=1e-12)
    assert_allclose(s.manual.weight, s.torch.weight, rtol=0, atol=1e-6)
    assert np.max(np.abs(s.manual.weight - linear_weight(0, 3, 3))) > 1e-3
    assert session.undo_label == "3 steps"


def test_the_seed_adam_step(session):
    """NOTES.md: after one Adam step both give W − 1e-3·sign(g), e.g. W[0][0] = −0.00332."""
    w0, g = session.state.manual.weight, session.evaluate().chain.dL_dW
    session.step()
    assert_allclose(session.state.manual.weight, w0 - 1e-3 * np.sign(g), atol=1e-7)
    assert_allclose(session.state.torch.weight[0, 0], -0.00332, atol=5e-6)


ACTIONS = {
    "step": lambda s: s.step(),
    "steps": lambda s: s.step(7),
    "edit_weight": lambda s: s.edit_weight(1, 2, 0.75),
    "edit_input": lambda s: s.edit_input(0, 2.5),
    "edit_target": lambda s: s.edit_target(s.problem.n_out - 1, 0.9),
    "activation": lambda s: s.set_activation("tanh"),
    "dtype": lambda s: s.set_dtype("float64" if s.problem.dtype == "float32" else "float32"),
    "lr": lambda s: s.set_optimizer(s.optimizer.replace(lr=0.05) if s.optimizer.kind != "sgd" else s.optimizer),
    "sgd": lambda s: s.set_optimizer(OptimizerSpec.create("sgd", lr=0.5, momentum=0.9)),
    "rmsprop": lambda s: s.set_optimizer(OptimizerSpec.create("rmsprop", centered=True)),
    "randomize": lambda s: s.randomize(7),
    "reset": lambda s: s.reset(),
    "resize": lambda s: s.resize(2, 4),
}


@settings(max_examples=30)
@given(st.lists(st.sampled_from(sorted(ACTIONS)), min_size=1, max_size=12))
def test_undo_all_then_redo_all_restores_every_state_exactly(actions):
    session = Session()
    states = [session.state]
    for name in actions:
        ACTIONS[name](session)
        states.append(session.state)
    for expected in reversed(states[:-1]):
        assert session.undo()
        assert_states_identical(session.state, expected)
    assert not session.undo()
    for expected in states[1:]:
        assert session.redo()
        assert_states_identical(session.state, expected)
    assert not session.redo()


def test_trajectory_after_undo_and_redo_continues_identically():
    reference = Session()
    reference.step(20)
    reference.step(30)
    expected = reference.state

    session = Session()
    session.step(20)
    session.step(5)
    session.undo()  # back to 20, the torch engine must reload from the state
    session.step(30)
    assert_states_identical(session.state, expected)

    session.undo()
    session.redo()
    assert_states_identical(session.state, expected)


def test_a_run_in_chunks_is_one_undo_entry(session):
    session.edit_weight(0, 0, 0.2)
    session.step(10, label="Run 30 steps")
    session.step(10, label="Run 30 steps", extend=True)
    session.step(10, label="Run 30 steps", extend=True)
    assert session.step_count == 30 and session.commit_count == 2
    assert session.recent_labels(2) == ["Edit W1[1,1]", "Run 30 steps"]
    session.undo()
    assert session.step_count == 0 and session.undo_label == "Edit W1[1,1]"
    session.redo()
    assert session.step_count == 30


def test_divergence_inside_a_run_adds_an_entry_for_the_last_finite_state():
    session = _diverging_session()
    session.step(2, label="Run")
    start = session.commit_count
    outcome = session.step(100, label="Run", extend=True)
    assert outcome.divergence
    assert session.commit_count == start + 1 and session.undo_label == "Diverging step"
    session.undo()
    assert session.state.first_non_finite() is None and session.undo_label == "Run"
    session.undo()
    assert session.step_count == 0


def test_a_new_action_after_undo_clears_redo(session):
    session.step()
    session.undo()
    session.edit_weight(0, 0, 0.5)
    assert not session.can_redo


def test_undo_keeps_at_most_the_limit():
    session = Session(undo_limit=5)
    for _ in range(8):
        session.step()
    undone = 0
    while session.undo():
        undone += 1
    assert undone == 5 and session.step_count == 3


def test_edits_apply_to_both_engines_and_keep_the_optimizer_state(session):
    session.step(5)
    state_before = session.state.manual.optimizer_state
    session.edit_weight(2, 1, 0.25)
    s = session.state
    assert_allclose([s.manual.weight[2, 1], s.torch.weight[2, 1]], [0.25, 0.25], rtol=0)
    assert s.manual.optimizer_state is state_before
    assert s.step == 5


def test_set_weight_replaces_w_in_both_engines_and_keeps_the_optimizer_state(session):
    session.step(2)
    state_before = session.state.torch.optimizer_state
    session.set_weight(np.full((3, 3), 0.5))
    s = session.state
    assert_allclose([s.manual.weight, s.torch.weight], np.full((2, 3, 3), 0.5), rtol=0)
    assert s.torch.optimizer_state is state_before and s.step == 2


def test_editing_at_step_zero_moves_the_start(session):
    session.edit_weight(0, 0, 0.5)
    session.step(4)
    session.reset()
    assert_allclose(session.state.manual.weight[0, 0], 0.5, rtol=0)


def test_reset_returns_to_the_start_weights_with_fresh_state_and_current_settings(session):
    session.step(10)
    session.set_optimizer(OptimizerSpec.create("sgd", lr=0.1))
    session.reset()
    s = session.state
    assert s.step == 0 and len(s.trace) == 0
    assert_array_equal(s.manual.weight, linear_weight(0, 3, 3))
    assert s.optimizer.kind == "sgd" and s.manual.optimizer_state == {"W1": {}}


def test_randomize_matches_torch_manual_seed():
    import torch

    session = Session()
    session.randomize(1234)
    with torch.random.fork_rng():
        torch.manual_seed(1234)
        expected = torch.nn.Linear(3, 3, bias=False).weight.detach().numpy()
    assert_array_equal(session.state.manual.weight, expected)
    assert_array_equal(session.state.torch.weight, expected)


def test_changing_hyperparameters_keeps_state_but_changing_its_layout_resets_it(session):
    session.step(3)
    session.set_optimizer(session.optimizer.replace(lr=0.01))
    assert session.state.manual.optimizer_state["W1"]["step"] == 3
    session.step()
    assert session.state.manual.optimizer_state["W1"]["step"] == session.state.torch.optimizer_state["W1"]["step"] == 4
    session.set_optimizer(session.optimizer.replace(amsgrad=True))
    assert session.state.manual.optimizer_state == session.state.torch.optimizer_state == {"W1": {}}


def test_switching_optimizer_mid_run_keeps_engines_together(session):
    session.step(5)
    session.set_optimizer(OptimizerSpec.create("rmsprop", momentum=0.5))
    session.step(50)
    s = session.state
    kept = {"step", "square_avg", "momentum_buffer"}
    assert set(s.manual.optimizer_state["W1"]) == set(s.torch.optimizer_state["W1"]) == kept
    assert_allclose(s.manual.weight, s.torch.weight, rtol=0, atol=1e-5)


def test_float64_sessions_agree_tightly():
    session = Session()
    session.set_dtype("float64")
    session.step(1000)
    s = session.state
    assert s.manual.weight.dtype == np.float64
    assert_allclose(s.manual.weight, s.torch.weight, rtol=0, atol=1e-9)
    e = session.evaluate()
    assert e.manual_vs_autograd.agree and e.manual_vs_numeric.agree


@pytest.mark.parametrize("steps", [20, 50, 100])
def test_after_switching_float32_to_float64_hand_and_autograd_agree_at_the_same_weights(steps):
    """The trajectories still differ by float32's rounding (~6e-8 after 100 steps), which made the gradients at the
    two weights differ by ~3e-9: a red "disagree" for a hand gradient that agrees with autograd at its own weight."""
    session = Session()
    session.step(steps)
    session.set_dtype("float64")
    s, e = session.state, session.evaluate()
    assert e.weight_gap > 1e-9  # the gap is still there, shown on the Both trajectories tab
    _, expected = torch_twin.loss_and_grad(s.manual.weight, s.problem.x, s.problem.y, "sigmoid", "float64")
    assert_allclose(e.autograd.grads["W1"], expected, rtol=0, atol=0)  # autograd at the hand-written weights
    assert e.manual_vs_autograd.agree, e.manual_vs_autograd


def test_autograd_at_the_hand_weights_leaves_the_torch_trajectory_alone():
    evaluated, untouched = Session(), Session()
    for session in (evaluated, untouched):
        session.step(30)
        session.set_dtype("float64")
    evaluated.evaluate()
    for session in (evaluated, untouched):
        session.step(30)
    assert_states_identical(evaluated.state, untouched.state)
    assert_allclose(evaluated.evaluate().torch.loss, untouched.evaluate().torch.loss, rtol=0, atol=0)


def test_a_real_disagreement_is_still_found(monkeypatch):
    import core.evaluation

    def off_by_a_little(*args):
        bwd = backward(*args)
        return bwd._replace(grads={name: g + 1e-6 for name, g in bwd.grads.items()})

    backward = core.evaluation.backward
    monkeypatch.setattr(core.evaluation, "backward", off_by_a_little)
    session = Session()
    session.set_dtype("float64")
    assert not session.evaluate().manual_vs_autograd.agree


def _diverging_session(activation="identity") -> Session:
    problem = Problem.one_layer([-0.5, 0.1, 1.1], [0.1, 0.2, 9.9], activation, "float32")
    return Session(SessionState.drawn(problem, OptimizerSpec.create("sgd", lr=1e6)))


def test_divergence_stops_stepping_and_undo_returns_to_the_last_finite_state():
    session = _diverging_session()
    outcome = session.step(100)
    assert outcome.divergence is not None and "NaN or infinite" in outcome.divergence
    assert "smaller learning rate" in outcome.divergence
    assert outcome.taken < 40
    assert np.isfinite(session.state.trace.manual).all()  # only finite losses were recorded
    stuck = session.step(5)
    assert stuck.taken == 0 and stuck.divergence is not None
    session.undo()
    s = session.state
    assert s.first_non_finite() is None
    assert np.isfinite(session.evaluate().forward.loss)


def test_sigmoid_at_a_huge_learning_rate_saturates_instead_of_overflowing():
    session = _diverging_session("sigmoid")
    outcome = session.step(100)
    assert outcome.divergence is None and outcome.taken == 100
    assert np.isfinite(session.evaluate().forward.loss)


def test_without_torch_the_manual_side_works_and_stepping_waits():
    session = Session(load_torch=False)
    session.edit_weight(0, 0, 0.1)
    e = session.evaluate()
    assert e.torch is None and e.autograd is None and e.manual_vs_autograd is None and e.manual_vs_numeric.agree
    with pytest.raises(TorchNotReady):
        session.step()
    session.attach_torch()
    assert session.evaluate().torch is not None  # not the evaluation cached before torch came
    session.step()
    assert session.state.step == 1


@pytest.mark.parametrize("bad, message", [
    (lambda s: s.edit_weight(0, 0, float("nan")), "must be a finite number"),
    (lambda s: s.edit_input(1, float("inf")), "must be a finite number"),
    (lambda s: s.set_weight(np.zeros((2, 2))), r"W1 must have shape \(3, 3\), not \(2, 2\)"),
    (lambda s: s.set_activation("softmax"), "unknown activation"),
    (lambda s: s.set_dtype("float16"), "unknown dtype"),
    (lambda s: s.resize(0, 3), "sizes must be from 1 to 16"),
    (lambda s: s.edit_target(3, 1.0), "there is no Y column 4; there are 3"),
    (lambda s: s.edit_weight(0, -1, 1.0), r"W1 has no entry \[1,0\]; its shape is \(3, 3\)"),
    (lambda s: s.edit_weight(0, 0, 1e39), r"W1\[1,1\] holds a number too large for float32"),
    (lambda s: s.edit_parameter("b1", (0,), 1.0), "the network has no parameter b1; it has W1"),
])
def test_bad_edits_are_refused_and_change_nothing(session, bad, message):
    before = session.state
    with pytest.raises(ValueError, match=message):
        bad(session)
    assert session.state is before and not session.can_undo


def test_switching_to_float32_refuses_weights_it_cannot_hold(session):
    session.set_dtype("float64")
    session.edit_weight(0, 0, 1e39)
    before = session.state
    with pytest.raises(ValueError, match="W1 holds a number too large for float32"):
        session.set_dtype("float32")
    assert session.state is before


def test_a_step_torch_refuses_stops_like_a_divergence():
    """Adam in float32 with lr = 3.4e38: torch raises (the step size overflows float32) instead of making inf."""
    session = Session()
    session.set_optimizer(OptimizerSpec.create("adam", lr=3.4e38))
    before = session.state
    outcome = session.step(5)
    assert outcome.taken == 0 and "torch refused step 0" in outcome.divergence
    assert session.state is before
    session.set_optimizer(OptimizerSpec.create("adam"))
    session.step(2)  # the half-updated engine was reloaded from the session's state
    reference = Session()
    reference.step(2)
    assert_allclose(session.state.torch.weight, reference.state.torch.weight, rtol=0, atol=0)


def test_a_resize_sets_values_aside_and_growing_back_brings_them_back(session):
    """3×3 → 2×4 → 3×3 keeps y₃ = 9.9, x₃ and every weight, trained and edited ones included, one undo each."""
    session.edit_weight(2, 2, 0.75)
    session.step(5)
    session.edit_input(2, 1.25)
    before = session.state
    session.resize(2, 4)
    small = session.state
    assert_allclose(small.problem.x, [-0.5, 0.1, 1.25, 0.0], rtol=0)  # the new x₄ starts at 0, as before
    assert_allclose(small.problem.y, [0.1, 0.2], rtol=0)
    assert_array_equal(small.manual.weight[:, :3], before.manual.weight[:2])  # what fits is kept
    assert_array_equal(small.manual.weight[:, 3], linear_weight(0, 2, 4).astype(np.float32)[:, 3])  # new: seed 0
    assert_restarted_from_its_weights(small)
    session.edit_target(1, 0.5)  # an edit while small is kept too
    session.resize(3, 3)
    back = session.state
    assert_allclose(back.problem.y, [0.1, 0.5, 9.9], rtol=0)
    assert_allclose(back.problem.x, [-0.5, 0.1, 1.25], rtol=0)
    assert_array_equal(back.manual.weight, before.manual.weight)
    assert_array_equal(back.torch.weight, before.manual.weight)
    assert session.recent_labels(3) == ["Resize", "Edit y[2]", "Resize"]
    session.undo()
    assert session.state is not back and session.problem.n_in == 4


def assert_restarted_from_its_weights(state: SessionState) -> None:
    """A resize restarts at step 0 from the weights it kept: start, both engines and the path agree."""
    assert state.step == 0
    path = state.path.weights()[0, :2].reshape(2, *state.manual.weight.shape)  # manual and torch at step 0
    for w in (state.start_weight, state.torch.weight, *path):
        assert_array_equal(w, state.manual.weight)


def test_values_set_aside_survive_other_actions_and_a_resized_session_saves_and_loads(session, tmp_path):
    from core import session_file

    session.resize(2, 2)
    session.set_dtype("float64")
    session.reset()
    session.randomize(3)  # new weights for what is shown; what was set aside stays aside
    session.set_activation("tanh")
    session.resize(3, 3)
    assert_allclose(session.problem.y, [0.1, 0.2, 9.9], rtol=0)
    assert_array_equal(session.state.manual.weight[2], linear_weight(0, 3, 3)[2])
    session_file.save(session.state, tmp_path / "grown.json")
    assert_states_identical(session_file.load(tmp_path / "grown.json"), session.state)


def test_resizing_a_diverged_session_starts_its_non_finite_weights_afresh():
    session = Session()
    session.set_dtype("float64")
    session.set_optimizer(OptimizerSpec.create("sgd", lr=1.7e308))
    session.step(5)
    assert session.state.first_non_finite() == "manual W1"
    session.resize(3, 4)
    w = session.state.manual.weight
    assert np.isfinite(w).all() and session.state.first_non_finite() is None
    assert_array_equal(w[:, 3], linear_weight(0, 3, 4)[:, 3])


@settings(max_examples=20, deadline=None)
@given(st.integers(1, 7), st.integers(0, 5), st.integers(0, 2**31 - 1))
def test_the_evaluation_names_the_rows_of_its_batch_and_where_a_sample_is_in_it(size, steps, seed):
    """rows are the samples whose X the evaluation's batch holds, in order; place(k) finds sample k there or says
    the batch does not hold it."""
    from core.data import Batching
    from core.datasets import generate
    from tests.sessions import session

    s = session([2, 3, 1], "tanh", "bce", generate("xor", samples=7), Batching(size, shuffle=True, seed=seed))
    s.step(steps)
    e = s.evaluate()
    assert_array_equal(e.X, s.problem.X[e.rows], strict=True)
    for k in range(s.problem.m):
        place = e.place(k)
        assert (place is None) == (k not in e.rows)
        assert place is None or e.rows[place] == k
