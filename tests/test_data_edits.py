"""Edits of the data: new data, samples added, removed and pasted, and data that brings the network it needs; each
is one undo entry, refusals change nothing, and what narrowing set aside stays with its samples."""

import numpy as np
from numpy.testing import assert_array_equal

from core import session_file
from core.data import Data
from core.session import Session


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
