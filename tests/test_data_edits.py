"""Edits of the data: new data, samples added, removed and pasted, and data that brings the network it needs; each
is one undo entry, refusals change nothing, and what narrowing set aside stays with its samples."""

import numpy as np
import pytest
from numpy.testing import assert_array_equal

from core import session_file
from core.data import Batching, Data, Generated
from core.datasets import generate
from core.network import NetworkSpec
from core.session import Session
from tests.helpers import assert_states_identical


def narrowed() -> Session:
    """The seed's session narrowed to 3 inputs, 2 outputs: y₃ = 9.9 is set aside."""
    session = Session(load_torch=False)
    session.resize(2, 3)
    return session


def test_new_data_does_not_bring_back_a_column_set_aside_from_the_old():
    session = narrowed()
    session.set_dataset(Data([[7.0, 8.0, 9.0]], [[1.0, 2.0]]))
    session.resize(3, 3)
    assert_array_equal(session.problem.data.Y, [[1.0, 2.0, 0.0]])  # not the old sample's 9.9


def test_a_session_given_data_of_another_sample_count_after_narrowing_saves_and_opens(tmp_path):
    session = narrowed()
    session.set_dataset(Data(np.arange(15.0).reshape(5, 3), np.zeros((5, 2))))
    session_file.save(session.state, tmp_path / "s.json")
    opened = session_file.load(tmp_path / "s.json")
    assert_array_equal(opened.problem.data.X, session.problem.data.X)


def seed_session() -> Session:
    return Session(load_torch=False)


def spiral_session() -> Session:
    """2-8-3, tanh, bias, cross-entropy, on 12 samples of the three-arm spiral, 4 batches in, batches of 5."""
    session = seed_session()
    network = NetworkSpec.create([2, 8, 3], "tanh", True, "ce")
    session.set_data_and_network(generate("spiral3", 12), network)
    session.set_batching(Batching(size=5))
    return Session(session.state.replace(cursor=4), load_torch=False)


def table(session: Session) -> np.ndarray:
    d = session.problem.data
    return np.hstack([d.X, d.Y])  # (m, n_in + n_targets)


def assert_one_undo_entry(session: Session, act, label: str) -> None:
    """`act` makes one undo entry named `label`; undo returns to the state before, bit for bit; redo repeats it."""
    before, count = session.state, session.commit_count
    act()
    after = session.state
    assert session.commit_count == count + 1 and session.undo_label == label
    session.undo()
    assert_states_identical(session.state, before)
    session.redo()
    assert session.state is after


def assert_refused(session: Session, act, message: str) -> None:
    before, count = session.state, session.commit_count
    with pytest.raises(ValueError, match=message):
        act()
    assert session.state is before and session.commit_count == count


def test_samples_are_added_where_asked_and_batches_start_again():
    session = spiral_session()
    old = table(session)
    assert_one_undo_entry(session, lambda: session.insert_samples(3, [[0.5, -0.5]], [[2.0]]), "Add sample 4")
    assert_array_equal(table(session), np.insert(old, 3, [0.5, -0.5, 2.0], axis=0))
    assert session.state.cursor == 0
    session.insert_samples(session.problem.m, [[1.0, 1.0], [2.0, 2.0]], [[0.0], [1.0]])  # after the last
    assert_array_equal(table(session)[-2:], [[1.0, 1.0, 0.0], [2.0, 2.0, 1.0]])


def test_samples_are_removed_and_batches_start_again():
    session = spiral_session()
    old = table(session)
    assert_one_undo_entry(session, lambda: session.remove_samples([7, 2, 2]), "Remove 2 samples")
    assert_array_equal(table(session), np.delete(old, [2, 7], axis=0))
    assert session.state.cursor == 0
    assert_one_undo_entry(session, lambda: session.remove_samples([0]), "Remove sample 1")


@pytest.mark.parametrize("act, message", [
    (lambda s: s.remove_samples(range(12)), "keeps at least one sample"),
    (lambda s: s.remove_samples([]), "choose the samples"),
    (lambda s: s.remove_samples([12]), "no sample 13; there are 12"),
    (lambda s: s.insert_samples(13, [[0.0, 0.0]], [[0.0]]), "places 1 to 13, not 14"),
    (lambda s: s.insert_samples(0, [[0.0, 0.0]], [[3.0]]), "classes are 0 to 2"),  # under ce, 3 outputs
    (lambda s: s.insert_samples(0, [[0.0]], [[0.0]]), "needs inputs: 2, targets: 1; found inputs: 1, targets: 1"),
    (lambda s: s.insert_samples(0, np.zeros((9989, 2)), np.zeros((9989, 1))), "1 to 10000 samples, not 10001"),
    (lambda s: s.paste_data(0, 1, [[0.5, 1.5]]), "whole class indices; sample 1 has 1.5"),
    (lambda s: s.paste_data(0, 2, [[1.0, 2.0]]), "2 columns wide; from column 3 the table has 1"),
    (lambda s: s.paste_data(12, 0, [[1.0]]), "no sample 13"),
])
def test_edits_of_samples_that_do_not_fit_are_refused_and_change_nothing(act, message):
    session = spiral_session()
    assert_refused(session, lambda: act(session), message)


def test_a_pasted_block_overwrites_its_cells_and_adds_the_samples_it_runs_past():
    session = spiral_session()
    old = table(session)
    block = [[0.25, 1.0], [-0.75, 2.0], [4.0, 0.0]]  # x₂ and the class of samples 11, 12 and a new 13th
    assert_one_undo_entry(session, lambda: session.paste_data(10, 1, block), "Paste 3×2 at [11,2]")
    expected = np.vstack([old, np.zeros((1, 3))])
    expected[10:, 1:] = block
    assert_array_equal(table(session), expected)
    assert session.state.cursor == 0


def test_what_narrowing_set_aside_stays_with_its_samples_when_samples_come_and_go():
    session = seed_session()
    session.set_dataset(Data([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]], np.zeros((3, 3))))
    session.resize(3, 2)  # x₃ set aside: 3, 6, 9
    session.remove_samples([0])
    session.insert_samples(1, [[0.5, 0.5]], [[0.0, 0.0, 0.0]])
    session.paste_data(2, 0, [[-1.0, -2.0], [-3.0, -4.0]])  # over the last sample, and one new
    session.resize(3, 3)
    assert_array_equal(session.problem.data.X, [[4.0, 5.0, 6.0], [0.5, 0.5, 0.0], [-1.0, -2.0, 9.0],
                                                [-3.0, -4.0, 0.0]])


def test_data_of_another_shape_brings_its_network_as_one_undo_entry_keeping_what_fits():
    session = seed_session()
    w = session.state.manual.params["W1"]
    xor, network = generate("xor"), NetworkSpec.create([2, 1], "sigmoid", False, "bce")
    assert_one_undo_entry(session, lambda: session.set_data_and_network(xor, network),
                          "New data, network 2-1, identity, bce")
    s = session.state
    assert s.problem.network == network and s.problem.data is xor and s.step == 0
    assert_array_equal(s.manual.params["W1"], w[:1, :2])  # the top-left block that still fits
    session.resize(3, 3)  # widening again brings the weights back, but not the old data's columns
    assert_array_equal(session.state.manual.params["W1"], w)
    assert_array_equal(session.problem.data.Y[:, 1:], np.zeros((4, 2)))


def test_data_that_fits_the_network_is_new_data_without_a_restart():
    session = spiral_session()
    network, data = session.problem.network, generate("blobs", 30, seed=4)
    assert_one_undo_entry(session, lambda: session.set_data_and_network(data, network), "New data")
    assert session.problem.data is data and session.state.cursor == 0


def test_data_that_does_not_fit_the_network_given_with_it_is_refused():
    session = seed_session()
    two_classes = NetworkSpec.create([2, 2], loss="ce")
    assert_refused(session, lambda: session.set_data_and_network(generate("blobs"), two_classes), "classes are 0 to 1")


def test_a_network_with_the_same_inputs_and_outputs_keeps_the_data_itself():
    """Views know data by identity (the chooser remembers which data set it drew): a new hidden layer is no new
    data."""
    session = seed_session()
    session.set_data_and_network(generate("xor"), NetworkSpec.create([2, 1], loss="bce"))
    data = session.problem.data
    session.set_network(NetworkSpec.create([2, 4, 1], "tanh", True, "bce"))
    assert session.problem.data is data


@pytest.mark.parametrize("edit", [lambda s: s.edit_data("X", 0, 0, 0.25), lambda s: s.remove_samples([1]),
                                  lambda s: s.insert_samples(0, [[0.0, 0.0]], [[1.0]]),
                                  lambda s: s.paste_data(0, 0, np.array([[0.5]])),
                                  lambda s: s.set_network(NetworkSpec.create([3, 4, 1], "tanh", True, "bce"))])
def test_an_edit_of_generated_data_leaves_samples_of_the_user_s_own(edit):
    session = Session(load_torch=False)
    session.set_data_and_network(generate("xor"), NetworkSpec.create([2, 4, 1], "tanh", True, "bce"))
    assert session.problem.data.generated == Generated("xor", 4, 0.0, 0)
    session.set_dtype("float64")  # not an edit of the samples
    session.set_network(NetworkSpec.create([2, 3, 1], "relu", True, "bce"))  # nor is a network they still fit
    assert session.problem.data.generated == Generated("xor", 4, 0.0, 0)
    edit(session)
    assert session.problem.data.generated is None
    session.undo()
    assert session.problem.data.generated == Generated("xor", 4, 0.0, 0)
