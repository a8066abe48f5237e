"""Edit marks: the session records where an edit, not a step, changed the loss; undo takes the mark away, and
session files keep it."""

import json

import numpy as np
import pytest
from numpy.testing import assert_allclose

from core.optimizer_spec import OptimizerSpec
from core.session import Session
from core.session_file import SessionFileError, dumps, load, loads, save
from tests.helpers import assert_states_identical

EDITS = {
    "edit_weight": (lambda s: s.edit_weight(1, 2, 2.0), "Edit W1[2,3]"),
    "set_weight": (lambda s: s.set_weight(np.full((3, 3), 0.5)), "Set W"),
    "edit_input": (lambda s: s.edit_input(0, 2.5), "Edit x[1]"),
    "edit_target": (lambda s: s.edit_target(2, 0.9), "Edit y[3]"),
    "set_data": (lambda s: s.set_data([1.0, 2.0, 3.0], [0.1, 0.2, 0.3]), "Set x and y"),
    "activation": (lambda s: s.set_activation("tanh"), "Activation tanh"),
    "precision": (lambda s: s.set_dtype("float64"), "Precision float64"),
    "settings": (lambda s: s.set_optimizer(s.optimizer.replace(lr=0.05)), "Adam settings"),
    "optimizer": (lambda s: s.set_optimizer(OptimizerSpec.create("sgd")), "SGD"),
}


@pytest.fixture(scope="module")
def stepped():
    """The default session after 5 steps, and its losses then (by hand, torch)."""
    session = Session()
    session.step(5)
    e = session.evaluate()
    return session.state, (e.forward.loss, e.torch.loss)


@pytest.mark.parametrize("name", sorted(EDITS))
def test_an_edit_after_steps_marks_its_step_with_the_losses_before_it(stepped, name):
    state, (manual, torch) = stepped
    session = Session(state)
    edit, label = EDITS[name]
    edit(session)
    (mark,) = session.state.edits
    assert mark.step == 5 and mark.labels == (label,)
    assert_allclose(mark.before[:2], [manual, torch], rtol=0)
    assert np.isnan(mark.before[2])  # no forgetful twin


def test_the_mark_survives_steps_undo_takes_it_away_and_redo_brings_it_back(stepped):
    state, (before, _) = stepped
    session = Session(state)
    session.edit_weight(1, 2, 2.0)
    after = session.evaluate().forward.loss
    session.step(3)
    s = session.state
    assert [m.step for m in s.edits] == [5]
    assert_allclose(s.trace.manual[5], after, rtol=0)  # step 5 in the history is the edited state's loss ...
    assert abs(after - before) > 0.1  # ... not the one training reached, which the mark keeps
    session.undo()
    assert [m.step for m in session.state.edits] == [5]
    session.undo()
    assert session.state.edits == ()
    session.redo()
    assert [m.step for m in session.state.edits] == [5]


def test_edits_at_one_step_share_a_mark_that_keeps_the_losses_before_the_first(stepped):
    state, (before, _) = stepped
    session = Session(state)
    session.edit_weight(0, 0, 1.0)
    session.set_activation("tanh")
    session.step(2)
    session.edit_input(1, -1.0)
    first, second = session.state.edits
    assert (first.step, first.labels) == (5, ("Edit W1[1,1]", "Activation tanh"))
    assert_allclose(first.before[0], before, rtol=0)
    assert (second.step, second.labels) == (7, ("Edit x[2]",))
    session.undo()
    session.undo()
    session.undo()
    assert session.state.edits[0].labels == ("Edit W1[1,1]",)


def test_no_mark_at_step_0_nor_for_the_twin_and_a_fresh_start_has_none():
    session = Session()
    session.edit_weight(0, 0, 0.5)
    assert session.state.edits == ()
    session.step(3)
    session.set_forgetful(True)  # adds a curve; the others' losses stay what they were
    assert session.state.edits == ()
    twin = session.evaluate().forgetful_loss
    session.edit_target(0, 0.3)
    assert len(session.state.edits) == 1
    assert_allclose(session.state.edits[0].before[2], twin, rtol=0)  # the twin's loss is kept too
    for restart in (lambda s: s.reset(), lambda s: s.randomize(3), lambda s: s.resize(2, 2)):
        session.step(2)
        session.edit_input(0, 1.0)
        restart(session)
        assert session.state.edits == ()


def test_an_edit_before_torch_has_loaded_keeps_what_is_known(stepped):
    session = Session(stepped[0], load_torch=False)  # a session opened from a file while torch loads
    session.edit_input(0, 1.0)
    mark = session.state.edits[0]
    assert np.isfinite(mark.before[0]) and np.isnan(mark.before[1])


def _edited() -> Session:
    """Edits at steps 5 and 8 (two at 8), with the forgetful twin on from step 5."""
    session = Session()
    session.step(5)
    session.set_forgetful(True)
    session.edit_weight(1, 2, 2.0)
    session.step(3)
    session.set_activation("tanh")
    session.set_optimizer(OptimizerSpec.create("sgd", momentum=0.5))
    session.step(2)
    return session


def test_marks_are_saved_and_read_back_and_the_run_continues_as_if_never_saved(tmp_path):
    session = _edited()
    path = tmp_path / "edited.json"
    save(session.state, path)
    loaded = load(path)
    assert_states_identical(loaded, session.state)
    assert [m.labels for m in loaded.edits] == [("Edit W1[2,3]",), ("Activation tanh", "SGD")]
    assert [label.template for label in loaded.edits[1].labels] == ["Activation {name}", "SGD"]  # translatable
    resumed = Session(loaded)
    resumed.edit_target(0, 0.5)
    session.edit_target(0, 0.5)
    assert_states_identical(resumed.state, session.state)


def test_a_file_written_before_marks_were_kept_opens_without_them():
    data = json.loads(dumps(_edited().state))
    del data["edits"]
    state = loads(json.dumps(data))
    assert state.edits == () and state.step == 10


@pytest.mark.parametrize("mutate, message", [
    (lambda e: e.update(steps=[8, 5]), "the edits must be at whole steps from 1 to 10, in order"),
    (lambda e: e.update(steps=[0, 8]), "the edits must be at whole steps from 1 to 10"),
    (lambda e: e.update(steps=[5, 11]), "the edits must be at whole steps from 1 to 10"),
    (lambda e: e.update(steps=[5, 8.0]), "the edits must be at whole steps"),
    (lambda e: e.update(labels=[[]] * 2), "each with a list of what was edited"),
    (lambda e: e.update(losses_before="AAAAAAAAAAA="), "three losses before it"),
    (lambda e: e["labels"][0][0].update(template="{x:>999999999}"), "an edit is named '{x:>999999999}', which is not"),
    (lambda e: e["labels"][0][0].update(values={"entry": [1]}), "an edit is named 'Edit {entry}'"),
    (lambda e: e["labels"][0][0].update(values={}), "malformed"),
    (lambda e: e.update(labels="W"), "'labels' must be a list"),
])
def test_bad_marks_are_refused_with_a_clear_message(mutate, message):
    data = json.loads(dumps(_edited().state))
    mutate(data["edits"])
    with pytest.raises(SessionFileError, match=message):
        loads(json.dumps(data))
